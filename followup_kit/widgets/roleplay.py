"""The role-play call as widgets: the employer's line, reply buttons, a typed reply, feedback, a debrief.

All dialogue logic is in ``followup_kit.roleplay.Call``; this view only shows
it and forwards clicks.  The employer's newest line stays in one place, right
above the replies (the call so far is listed under them, newest first), so it
never scrolls out of view; each canned reply is shown once, as a button with
its words beside it; the employer says the learner's name (the *Your name*
field; "there" without one).  With ``exercise`` the typed reply is a draft in
the learner's folder (``drafts``).  Headless tests click ``choice_buttons[i]``
or set ``reply_text.value`` and click ``send_button``, then read the HTML widgets.
"""

from __future__ import annotations

import html
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..lesson import SolutionGate, about_scenario
from ..roleplay import SCENARIO_DIR, Call, Scenario, ScenarioError, Turn, learner_name, load_scenarios
from ._common import button, labelled, shown_in, status_html
from .rehearsal import KIND_LABELS, SolutionView

__all__ = ["CSS_CLASSES", "RolePlay", "reply_exercise"]

_WIDE = widgets.Layout(width="100%", max_width="52em")

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.  The model answer
#: under the call is a ``rehearsal.SolutionView`` (``fk-solution``, ``fk-show-model``, ``fk-model-answer``).
CSS_CLASSES = {
    "fk-roleplay": "VBox (the whole role-play)",
    "fk-scenario": "Dropdown 'Scenario'",
    "fk-start-call": "Button 'Start the call' / 'Start again'",
    "fk-roleplay-status": "HTML (status line under the picker)",
    "fk-scenario-context": "HTML (the chosen scenario's setting)",
    "fk-learner-name": "Text 'Your name' (what the employer calls you)",
    "fk-transcript": "HTML (the call so far, newest first, under the replies)",
    "fk-employer-line": "HTML (what the employer says now, right above the replies)",
    "fk-choices": "VBox (the canned replies: one row each, a button and its words)",
    "fk-choice": "Button (one canned reply), one per reply on offer",
    "fk-choice-words": "HTML (what that reply says, beside its button)",
    "fk-reply": "Textarea (your own reply; grows with it)",
    "fk-send": "Button 'Send my reply'",
    "fk-turn-feedback": "HTML (feedback on your last reply, with sources)",
    "fk-debrief": "HTML (the debrief once the call is over)",
}


class RolePlay(widgets.VBox):
    """Pick a scenario, start the call, answer each line by button or in your own words, read the debrief."""

    def __init__(
        self,
        scenarios: Mapping[str, Scenario] | None = None,
        start: str | None = None,
        *,
        folder: str | Path = SCENARIO_DIR,
        name: str | None = None,
        exercise: str | None = None,
        drafts_folder: str | os.PathLike[str] | None = None,
    ) -> None:
        from .exercise import DraftBar, auto_grow

        self.status = labelled(widgets.HTML(), "fk-roleplay-status")
        self.scenarios: dict[str, Scenario] = {}
        with shown_in(self.status):
            self.scenarios = dict(scenarios) if scenarios is not None else load_scenarios(folder)
        self.call: Call | None = None
        self.picker = labelled(
            widgets.Dropdown(
                options=[(s.title, sid) for sid, s in self.scenarios.items()],
                value=start if start in self.scenarios else next(iter(self.scenarios), None),
                description="Scenario",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            ),
            "fk-scenario",
        )
        self.name = labelled(
            widgets.Text(
                value=name or "",
                description="Your name",
                placeholder="the employer says “there” without one",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="28em"),
            ),
            "fk-learner-name",
        )
        self.start_button = button("Start the call", "fk-start-call", style="primary")
        self.context = labelled(widgets.HTML(layout=_WIDE), "fk-scenario-context")
        self.transcript = labelled(widgets.HTML(layout=_WIDE), "fk-transcript")
        self.line = labelled(widgets.HTML(layout=_WIDE), "fk-employer-line")
        self.choices_label = widgets.Label(
            "Pick a reply (the button says what it does; its words are beside it):"
        )
        self.choice_box = labelled(widgets.VBox([]), "fk-choices")
        self.reply_label = widgets.Label("Or type your own reply:")
        self.reply_text = auto_grow(
            labelled(
                widgets.Textarea(
                    placeholder="Say it in your own words…",
                    layout=widgets.Layout(width="100%", max_width="52em"),
                ),
                "fk-reply",
            ),
            min_rows=3,
        )
        self.send_button = button("Send my reply", "fk-send")
        self.feedback_area = labelled(widgets.HTML(layout=_WIDE), "fk-turn-feedback")
        self.debrief_area = labelled(widgets.HTML(layout=_WIDE), "fk-debrief")
        self.solution_box = widgets.VBox([])
        self.drafts = (
            DraftBar(exercise, lambda: {"text": self.reply_text.value}, self._put_draft, folder=drafts_folder)
            if exercise is not None
            else None
        )
        self.reply_box = widgets.VBox(
            [
                self.choices_label,
                self.choice_box,
                self.reply_label,
                self.reply_text,
                widgets.HBox([self.send_button]),
                *([self.drafts] if self.drafts is not None else []),
            ]
        )
        self.start_button.on_click(self.start)
        self.send_button.on_click(self.send)
        self.picker.observe(lambda _change: self._show_context(), names="value")
        self.name.observe(self._rename, names="value")
        super().__init__(
            [
                widgets.HBox([self.picker, self.start_button]),
                self.name,
                self.status,
                self.context,
                self.line,
                self.reply_box,
                self.feedback_area,
                self.debrief_area,
                self.transcript,
                self.solution_box,
            ]
        )
        self.add_class("fk-roleplay")
        self._show_context()
        self._show()
        if self.drafts is not None:
            self.drafts.restore()

    def __repr__(self) -> str:
        # not the learner's reply or name: the output's text/plain copy is saved in the notebook
        return f"RolePlay({self.picker.value!r})"

    def _put_draft(self, parts: Mapping[str, str]) -> None:
        self.reply_text.value = parts.get("text", "")

    def _learner(self) -> str | None:
        """The name from the field; a bad one is said in the status line and left out."""
        with shown_in(self.status):
            return learner_name(self.name.value)
        return None

    def _rename(self, _change: Any = None) -> None:
        if self.call is not None:
            self.call.learner = self._learner()
            self._show()

    @property
    def choice_buttons(self) -> tuple[widgets.Button, ...]:
        """The reply buttons on offer now."""
        return tuple(row.children[0] for row in self.choice_box.children)

    def start(self, _button: Any = None) -> None:
        """Start (or restart) the chosen scenario's call."""
        scenario = self.scenarios.get(self.picker.value)
        if scenario is None:
            self.status.value = status_html(
                "error", "No scenario to play: the scenario files could not be read."
            )
            return
        self.call = Call(scenario, learner=self._learner())
        self.gate = SolutionGate(scenario.model_answer, sources=scenario.sources)
        self.solution_box.children = (SolutionView(self.gate),)
        self.feedback_area.value = ""
        self.debrief_area.value = ""
        self.reply_text.value = ""
        self.status.value = status_html("info", "The call has started: answer the line below.")
        self.start_button.description = "Start again"
        self._show()

    def pick(self, index: int) -> Turn | None:
        """Answer with canned reply number ``index`` (what a reply button does)."""
        return self._play(lambda call: call.choose(index))

    def send(self, _button: Any = None) -> Turn | None:
        """Answer with the typed reply (kept as a draft first, when the view has an exercise id)."""
        if self.drafts is not None and self.call is not None:
            self.drafts.save(quiet=True)
        turn = self._play(lambda call: call.reply(self.reply_text.value))
        if turn is not None:
            self.reply_text.value = ""
        return turn

    def _play(self, act: Any) -> Turn | None:
        if self.call is None:
            self.status.value = status_html("error", "Press 'Start the call' first.")
            return None
        with shown_in(self.status) as guard:
            turn = act(self.call)
        if guard.failed:
            return None
        self.gate.record(turn.feedback)
        self.status.value = status_html(
            "ok" if turn.passed else "info",
            "That reply did what this moment needs."
            if turn.passed
            else "The call goes on; the feedback below says what to change.",
        )
        self.feedback_area.value = (
            f"<div><strong>Feedback on your reply (turn {turn.number})</strong>{self._turn_html(turn)}</div>"
        )
        self._show()
        return turn

    @staticmethod
    def _turn_html(turn: Turn) -> str:
        counted = {c.id for c in turn.counted}
        items = "".join(
            f"<li><span aria-hidden='true' style='color:{'#1a7f37' if c.passed else '#b35900'}'>"
            f"{'✓' if c.passed else '✗'}</span> <strong>{html.escape(c.label)}</strong>"
            + ("" if c.passed else f": {html.escape(about_scenario(c.advice))}")
            + f" <small>({html.escape(c.source)})</small></li>"
            for c in turn.feedback.items
            if c.id in counted
        )
        note = turn.choice.note if turn.choice else None
        extra = (
            f"<p>{'✓' if note.went_well else '✗'} {html.escape(note.text)}</p>" if note is not None else ""
        )
        return (
            f"<p><small>Checked as: {html.escape(KIND_LABELS.get(turn.kind, turn.kind))}; "
            f"about {turn.feedback.speaking_seconds:.0f} s to say.</small></p>"
            f"<ul style='list-style:none;padding-left:0.5em'>{items}</ul>{extra}"
        )

    def _show_context(self) -> None:
        scenario = self.scenarios.get(self.picker.value)
        self.context.value = scenario._repr_html_() if scenario is not None else ""

    def _show(self) -> None:
        call = self.call
        if call is None:
            self.transcript.value = ""
            self.line.value = "<p><em>Choose a scenario and press 'Start the call'.</em></p>"
            self.reply_box.layout.display = "none"
            return
        said = "".join(
            f"<li><strong>{html.escape(t.speaker)}:</strong> {html.escape(t.line)}<br>"
            f"<strong>You:</strong> {html.escape(t.text)}</li>"
            for t in reversed(call.turns)
        )
        self.transcript.value = (
            "<div style='color:#444'><strong>Earlier in the call</strong> (newest first)"
            f"<ol reversed style='padding-left:1.5em'>{said}</ol></div>"
            if said
            else ""
        )
        self.line.value = (
            f"<p style='font-size:1.1em'><strong>{html.escape(call.speaker)}:</strong> "
            f"“{html.escape(call.line)}”</p>"
            + (f"<p><small>{html.escape(call.node.prompt)}</small></p>" if call.node.prompt else "")
        )
        rows = []
        for index, choice in enumerate(call.choices):
            reply = labelled(
                widgets.Button(
                    description=choice.label,
                    tooltip=choice.label,
                    layout=widgets.Layout(width="16em", min_width="16em"),
                ),
                "fk-choice",
            )
            reply.on_click(lambda _b, i=index: self.pick(i))
            words = labelled(
                widgets.HTML(
                    f"<span style='line-height:1.4'>“{html.escape(choice.say)}”</span>",
                    layout=widgets.Layout(width="100%", max_width="36em"),
                ),
                "fk-choice-words",
            )
            rows.append(widgets.HBox([reply, words]))
        self.choice_box.children = tuple(rows)
        self.reply_box.layout.display = "none" if call.finished else "flex"
        if call.finished:
            self.status.value = status_html("ok", "The call is over. Read your debrief below.")
            self.debrief_area.value = about_scenario(call.debrief()._repr_html_())


def reply_exercise(
    scenario: Scenario,
    node_id: str,
    exercise: str,
    *,
    label: str = "Your answer",
    name: str | None = None,
    folder: str | os.PathLike[str] | None = None,
) -> Any:
    """One moment of a call as a writing exercise (07's gatekeeper): the scenario card, the line, a box.

    Check plays the learner's reply at that node of a fresh ``Call`` and shows its feedback and what
    the employer says next; the model answer (the script's best canned reply) opens after a check.
    The scenario's interview is never called "your log".
    """
    from .exercise import Exercise

    node = scenario.nodes.get(node_id)
    if node is None or node.end:
        raise ScenarioError(f"{scenario.id}: no reply node {node_id!r}")
    who = learner_name(name)
    start = Call(scenario, node_id, learner=who)

    def play(text: str) -> tuple[Any, str]:
        call = Call(scenario, node_id, learner=who)
        turn = call.reply(text)
        verdict = "got you through" if turn.passed else "did not get you through yet"
        return turn.feedback, (
            f"<p><strong>What happens next</strong> (your reply {verdict}): "
            f"<strong>{html.escape(call.speaker)}:</strong> “{html.escape(call.line)}”</p>"
        )

    context = (
        scenario._repr_html_() + f"<p style='font-size:1.1em'><strong>{html.escape(start.speaker)}:</strong> "
        f"“{html.escape(start.line)}”</p>"
    )
    return Exercise(
        exercise,
        node.kind or "status_call_opener",
        scenario.interview,
        label=label,
        model_answer=start.choices[0].say,
        sources=scenario.sources,
        check=play,
        context=context,
        folder=folder,
        scenario=True,
    )
