"""The role-play call as widgets: the employer's line, reply buttons, a typed reply, feedback, a debrief.

All dialogue logic is in ``followup_kit.roleplay.Call``; this view only shows
it and forwards clicks.  Headless tests click ``choice_buttons[i]`` or set
``reply_text.value`` and click ``send_button``, then read the HTML widgets.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from ..lesson import SolutionGate
from ..records import ValidationError
from ..roleplay import SCENARIO_DIR, Call, Scenario, ScenarioError, Turn, load_scenarios
from ._common import button, labelled, status_html
from .rehearsal import KIND_LABELS, SolutionView

__all__ = ["CSS_CLASSES", "RolePlay"]

_WIDE = widgets.Layout(width="100%", max_width="52em")

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.  The model answer
#: under the call is a ``rehearsal.SolutionView`` (``fk-solution``, ``fk-show-model``, ``fk-model-answer``).
CSS_CLASSES = {
    "fk-roleplay": "VBox (the whole role-play)",
    "fk-scenario": "Dropdown 'Scenario'",
    "fk-start-call": "Button 'Start the call' / 'Start again'",
    "fk-roleplay-status": "HTML (status line under the picker)",
    "fk-scenario-context": "HTML (the chosen scenario's setting)",
    "fk-transcript": "HTML (the call so far)",
    "fk-employer-line": "HTML (what the employer says now)",
    "fk-choices": "HTML (the canned replies in words, an <ol>)",
    "fk-choice": "Button (one canned reply), one per reply on offer",
    "fk-reply": "Textarea (your own reply)",
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
    ) -> None:
        self.status = labelled(widgets.HTML(), "fk-roleplay-status")
        try:
            self.scenarios = dict(scenarios) if scenarios is not None else load_scenarios(folder)
        except ScenarioError as error:
            self.scenarios = {}
            self.status.value = status_html("error", str(error))
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
        self.start_button = button("Start the call", "fk-start-call", style="primary")
        self.context = labelled(widgets.HTML(layout=_WIDE), "fk-scenario-context")
        self.transcript = labelled(widgets.HTML(layout=_WIDE), "fk-transcript")
        self.line = labelled(widgets.HTML(layout=_WIDE), "fk-employer-line")
        self.choices_label = widgets.Label("Pick a reply (what each one says is listed above the buttons):")
        self.choice_words = labelled(widgets.HTML(layout=_WIDE), "fk-choices")
        self.choice_box = widgets.VBox([])
        self.reply_label = widgets.Label("Or type your own reply:")
        self.reply_text = labelled(
            widgets.Textarea(
                placeholder="Say it in your own words…",
                layout=widgets.Layout(width="100%", max_width="52em", height="6em"),
            ),
            "fk-reply",
        )
        self.send_button = button("Send my reply", "fk-send")
        self.feedback_area = labelled(widgets.HTML(layout=_WIDE), "fk-turn-feedback")
        self.debrief_area = labelled(widgets.HTML(layout=_WIDE), "fk-debrief")
        self.solution_box = widgets.VBox([])
        self.reply_box = widgets.VBox(
            [
                self.choices_label,
                self.choice_words,
                self.choice_box,
                self.reply_label,
                self.reply_text,
                widgets.HBox([self.send_button]),
            ]
        )
        self.start_button.on_click(self.start)
        self.send_button.on_click(self.send)
        self.picker.observe(lambda _change: self._show_context(), names="value")
        super().__init__(
            [
                widgets.HBox([self.picker, self.start_button]),
                self.status,
                self.context,
                self.transcript,
                self.line,
                self.reply_box,
                self.feedback_area,
                self.debrief_area,
                self.solution_box,
            ]
        )
        self.add_class("fk-roleplay")
        self._show_context()
        self._show()

    @property
    def choice_buttons(self) -> tuple[widgets.Button, ...]:
        """The reply buttons on offer now."""
        return tuple(self.choice_box.children)

    def start(self, _button: Any = None) -> None:
        """Start (or restart) the chosen scenario's call."""
        scenario = self.scenarios.get(self.picker.value)
        if scenario is None:
            self.status.value = status_html(
                "error", "No scenario to play: the scenario files could not be read."
            )
            return
        self.call = Call(scenario)
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
        """Answer with the typed reply."""
        turn = self._play(lambda call: call.reply(self.reply_text.value))
        if turn is not None:
            self.reply_text.value = ""
        return turn

    def _play(self, act: Any) -> Turn | None:
        if self.call is None:
            self.status.value = status_html("error", "Press 'Start the call' first.")
            return None
        try:
            turn = act(self.call)
        except (ValidationError, ScenarioError) as error:
            self.status.value = status_html("error", str(error))
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
            + ("" if c.passed else f": {html.escape(c.advice)}")
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
            f"<p><strong>{html.escape(t.speaker)}:</strong> {html.escape(t.line)}<br>"
            f"<strong>You:</strong> {html.escape(t.text)}</p>"
            for t in call.turns
        )
        self.transcript.value = f"<div style='color:#444'>{said}</div>" if said else ""
        self.line.value = (
            f"<p style='font-size:1.1em'><strong>{html.escape(call.speaker)}:</strong> "
            f"“{html.escape(call.line)}”</p>"
            + (f"<p><small>{html.escape(call.node.prompt)}</small></p>" if call.node.prompt else "")
        )
        buttons = []
        for index, choice in enumerate(call.choices):
            reply = labelled(
                widgets.Button(
                    description=choice.label,
                    tooltip=choice.say,
                    layout=widgets.Layout(width="auto", max_width="52em"),
                ),
                "fk-choice",
            )
            reply.on_click(lambda _b, i=index: self.pick(i))
            buttons.append(reply)
        self.choice_box.children = tuple(buttons)
        self.choice_words.value = (
            "<ol>"
            + "".join(
                f"<li><strong>{html.escape(c.label)}</strong>: “{html.escape(c.say)}”</li>"
                for c in call.choices
            )
            + "</ol>"
            if call.choices
            else ""
        )
        self.reply_box.layout.display = "none" if call.finished else "flex"
        if call.finished:
            self.status.value = status_html("ok", "The call is over. Read your debrief below.")
            self.debrief_area.value = call.debrief()._repr_html_()
