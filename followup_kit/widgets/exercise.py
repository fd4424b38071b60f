"""An exercise as a widget: write in a labelled box, press Check, keep a draft, see a model answer after.

Notebooks 04-07 use :class:`Exercise` for every place a learner writes, so no
learner text is typed into a code cell (no quotes to break) and nothing the
learner writes is saved in the notebook: the text lives in the widget and, as a
draft, in the learner's own folder (``followup_kit.drafts``), where it comes back
when the exercise is built again after a kernel restart.  The feedback is
``messages.Feedback`` as it renders itself (verdict first, then each check with
its source); the model answer opens after a first check (``lesson.SolutionGate``).

The view only wires: checking is ``messages.check_message`` (or a checker the
notebook passes), saving is ``drafts``.  A callback never raises at the learner:
a ``ValidationError`` or ``DraftError`` is shown in the status line beside the
button.  Headless tests set ``text.value`` and ``click()`` the buttons.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .. import drafts
from ..lesson import Practice, SolutionGate, about_scenario
from ..records import Interview, ValidationError
from ..wording import interview_card_rows, rows_html
from ._common import Confirm, button, guarded, labelled, shown_in, status_html
from .rehearsal import KIND_LABELS, SolutionView, Timer, speaking_line

__all__ = [
    "CSS_CLASSES",
    "Card",
    "DraftBar",
    "Exercise",
    "auto_grow",
    "interview_card",
    "practice_card",
    "rows_for",
]

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.  With a timer an
#: Exercise also holds a ``rehearsal.Timer`` (``fk-timer-start``, ``fk-timer``, ``fk-timer-label``) and
#: its model answer is a ``rehearsal.SolutionView`` (``fk-solution``, ``fk-show-model``, …).
CSS_CLASSES = {
    "fk-exercise": "VBox (one Exercise)",
    "fk-card": "HTML (a Card: the interview practised on, or a worked example that shows the learner's data)",
    "fk-exercise-context": "HTML (what the exercise is about: the scenario card or the interview)",
    "fk-exercise-label": "Label (what to write, above the box)",
    "fk-exercise-text": "Textarea (the learner's text; grows with it); also 'fk-message', as in a Rehearsal",
    "fk-exercise-check": "Button 'Check'; also 'fk-check'",
    "fk-exercise-status": "HTML (the verdict, or what went wrong, next to the button)",
    "fk-exercise-timing": "HTML (estimated speaking time, for spoken messages); also 'fk-timing'",
    "fk-exercise-feedback": "HTML (the Feedback: verdict, priorities, each check with its source)",
    "fk-message": "the same Textarea as 'fk-exercise-text' (the hook Rehearsal views share)",
    "fk-check": "the same Button as 'fk-exercise-check'",
    "fk-timing": "the same HTML as 'fk-exercise-timing'",
    "fk-feedback": "the same HTML as 'fk-exercise-feedback'",
    "fk-draft-bar": "HBox (Save draft, Delete draft and the draft's status)",
    "fk-save-draft": "Button 'Save draft'",
    "fk-delete-draft": "Button 'Delete draft'",
    "fk-draft-status": "HTML (where the draft was saved, or why not)",
    "fk-draft-confirm": "VBox (the question before a draft is deleted)",
    "fk-draft-confirm-question": "HTML (the question)",
    "fk-draft-delete-yes": "Button 'Yes, delete my draft'",
    "fk-draft-delete-no": "Button 'Cancel'",
}

#: Roughly how many characters fit on one line of a 52em box.
LINE_CHARS = 80


def rows_for(text: str, *, min_rows: int = 4, max_rows: int = 30, width: int = LINE_CHARS) -> int:
    """How many rows a box needs to show ``text`` whole (wrapped at ``width``), one spare, within limits."""
    lines = sum(max(1, -(-len(line) // width)) for line in (text or "").split("\n"))
    return max(min_rows, min(max_rows, lines + 1))


def auto_grow(area: widgets.Textarea, *, min_rows: int = 4, max_rows: int = 30) -> widgets.Textarea:
    """Make ``area`` grow (and shrink) with its text, so the learner never scrolls inside a small box."""

    def fit(_change: Any = None) -> None:
        area.rows = rows_for(area.value, min_rows=min_rows, max_rows=max_rows)

    area.layout.height = None
    area.observe(fit, names="value")
    fit()
    return area


class DraftBar(widgets.VBox):
    """Save draft and Delete draft (after a question) for one exercise; reads and writes its texts.

    ``read()`` gives the texts by part as they are now in the view; ``write(parts)`` puts a draft back.
    """

    def __init__(
        self,
        exercise: str,
        read: Callable[[], Mapping[str, str]],
        write: Callable[[Mapping[str, str]], None],
        *,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        self.exercise = drafts.check_id(exercise)
        self.folder = folder
        self._read, self._write = read, write
        self.save_button = button("Save draft", "fk-save-draft", tooltip="Keep your text in your own folder")
        self.delete_button = button("Delete draft", "fk-delete-draft", tooltip="Remove your saved draft")
        self.status = labelled(widgets.HTML(), "fk-draft-status")
        self.confirm = Confirm("fk-draft-confirm", "fk-draft-delete-yes", "fk-draft-delete-no")
        self.save_button.on_click(self.save)
        self.delete_button.on_click(self.delete)
        row = widgets.HBox([self.save_button, self.delete_button, self.status])
        row.add_class("fk-draft-bar")
        super().__init__([row, self.confirm])

    @property
    def where(self) -> Path:
        """The folder the drafts go to (inside the learner's log folder)."""
        return drafts.drafts_dir(self.folder)

    def restore(self) -> drafts.Draft | None:
        """Put the saved draft back into the view, if there is one; a damaged one is named, not lost."""
        draft = None
        with shown_in(self.status, " Saving again replaces it with what you write here.") as guard:
            draft = drafts.load(self.exercise, folder=self.folder)
        if guard.failed:
            return None
        if draft is not None and not draft.empty:
            self._write(draft.parts)
            self.status.value = status_html("ok", f"Your draft is back (saved in {self.where}).")
        return draft

    def save(self, _button: Any = None, *, quiet: bool = False) -> drafts.Draft | None:
        """Save the texts as the exercise's draft and say where (or why not); ``quiet``: no success line."""
        parts = dict(self._read())
        if not any(value.strip() for value in parts.values()):
            if not quiet:
                self.status.value = status_html("info", "Nothing to save yet: write something first.")
            return None
        with shown_in(self.status) as guard:
            draft = drafts.save(self.exercise, parts, folder=self.folder)
        if guard.failed:
            return None
        self.status.value = status_html(
            "ok", f"Draft saved in your folder ({self.where}), not in the notebook."
        )
        return draft

    def delete(self, _button: Any = None) -> None:
        """Ask first; on yes, delete the saved draft and empty the box."""
        self.confirm.ask(
            "Delete your draft? The text in the box and the file in your folder are both removed.",
            "Yes, delete my draft",
            self._delete_now,
        )

    @guarded("status", "", reload=None)
    def _delete_now(self) -> None:
        existed = drafts.delete(self.exercise, folder=self.folder)
        self._write({name: "" for name in self._read()})
        self.status.value = status_html("ok", "Draft deleted." if existed else "The box is empty again.")


class Exercise(widgets.VBox):
    """One writing exercise: a label, a growing box, Check, Save draft, Delete draft, the model answer.

    ``exercise`` names the draft (a file name: lower-case, digits, ``-``); ``kind`` is the kind of message
    ``check_message`` checks, against ``interview``.  ``check(text)`` replaces the check: it returns the
    Feedback and an HTML text shown under it (07's gatekeeper plays the reply in the call).  The model
    answer (``model_answer`` with ``sources``, or a ready ``gate``) opens after the first check.
    ``seconds`` adds a countdown for a spoken message.  ``context`` is HTML shown above the prompt.
    ``scenario=True`` says the interview is a practice scenario's, so the feedback never calls it
    "your log" (``lesson.about_scenario``).
    """

    def __init__(
        self,
        exercise: str,
        kind: str,
        interview: Interview | None = None,
        *,
        label: str,
        model_answer: str | None = None,
        sources: tuple[str, ...] = (),
        gate: SolutionGate | None = None,
        check: Callable[[str], tuple[Any, str]] | None = None,
        seconds: int | None = None,
        live_clock: bool = True,
        context: str = "",
        placeholder: str = "Type your text here…",
        folder: str | os.PathLike[str] | None = None,
        scenario: bool = False,
    ) -> None:
        from ..messages import MESSAGE_KINDS

        if kind not in MESSAGE_KINDS:
            raise ValidationError("kind", "one of " + ", ".join(MESSAGE_KINDS), kind)
        self.exercise = drafts.check_id(exercise)
        self.kind = kind
        self.interview = interview
        self.feedback: Any = None
        self._check = check
        self._words = about_scenario if scenario else (lambda text: text)
        if gate is None and model_answer is not None:
            gate = SolutionGate(model_answer, sources=sources)
        self.gate = gate
        self.context = labelled(
            widgets.HTML(context, layout=widgets.Layout(width="100%", max_width="52em")),
            "fk-exercise-context",
        )
        self.label = labelled(widgets.Label(label), "fk-exercise-label")
        self.text = auto_grow(
            labelled(
                widgets.Textarea(
                    placeholder=placeholder,
                    layout=widgets.Layout(width="100%", max_width="52em"),
                ),
                "fk-exercise-text",
            )
        )
        self.check_button = button(
            "Check",
            "fk-exercise-check",
            style="primary",
            tooltip=f"Check your {KIND_LABELS.get(kind, kind).lower()} and save it as a draft",
        )
        self.status = labelled(widgets.HTML(), "fk-exercise-status")
        self.timing = labelled(widgets.HTML(), "fk-exercise-timing")
        self.feedback_area = labelled(
            widgets.HTML(layout=widgets.Layout(width="100%", max_width="52em")), "fk-exercise-feedback"
        )
        self.timer = Timer(seconds, live_clock=live_clock) if seconds else None
        self.drafts = DraftBar(self.exercise, lambda: {"text": self.text.value}, self._put, folder=folder)
        self.solution = SolutionView(gate) if gate is not None else None
        self.check_button.on_click(self.check)
        children: list[widgets.Widget] = [self.context] if context else []
        if self.timer is not None:
            children.append(self.timer)
        children += [
            self.label,
            self.text,
            widgets.HBox([self.check_button, self.status]),
            self.drafts,
            self.timing,
            self.feedback_area,
        ]
        if self.solution is not None:
            children.append(self.solution)
        super().__init__(children)
        self.add_class("fk-exercise")
        for widget, css in ((self.text, "fk-message"), (self.check_button, "fk-check"),
                            (self.timing, "fk-timing"), (self.feedback_area, "fk-feedback")):  # fmt: skip
            widget.add_class(css)  # the hooks a Rehearsal's widgets carry, so browser tests find both alike
        self.drafts.restore()

    def __repr__(self) -> str:
        # ipywidgets would list every trait, the learner's text too, in the output's text/plain copy,
        # which JupyterLab saves in the notebook: say only which exercise this is.
        return f"{type(self).__name__}({self.exercise!r})"

    def _put(self, parts: Mapping[str, str]) -> None:
        self.text.value = parts.get("text", "")

    def check(self, _button: Any = None) -> Any:
        """Save the text as a draft, then check it: the verdict beside the button, the feedback below.

        Returns the Feedback, or None when the text could not be checked (the reason is shown).
        """
        if self.timer is not None:
            self.timer.stop()
        self.drafts.save(quiet=True)
        with shown_in(self.status, also=(ValueError,)) as guard:
            if self._check is not None:
                feedback, after = self._check(self.text.value)
            else:
                from ..messages import check_message

                feedback, after = check_message(self.text.value, self.kind, self.interview), ""
        if guard.failed:
            self.feedback_area.value = ""
            self.timing.value = ""
            return None
        self.feedback = feedback
        self.status.value = status_html("ok" if feedback.passed else "info", self._words(feedback.verdict))
        used, of = self.timer.used() if self.timer is not None else (None, None)
        line = speaking_line(feedback, used, of)  # empty for a written, untimed message
        self.timing.value = status_html("info", line) if line else ""
        self.feedback_area.value = self._words(feedback._repr_html_()) + after
        if self.gate is not None:
            self.gate.record(feedback)
        return feedback


def interview_card(interview: Interview, *, title: str = "", origin: str = "") -> str:
    """The interview an exercise is about, as a small card (company, role, date, interviewers)."""
    head = f"<strong>{html.escape(title)}</strong>" if title else ""
    tail = f"<p><small>{html.escape(origin)}</small></p>" if origin else ""
    return f"<div class='fk-interview-card'>{head}{rows_html(interview_card_rows(interview))}{tail}</div>"


class Card(widgets.HTML):
    """HTML shown inside a widget, so what it holds (the learner's interview) is never saved in the notebook.

    A cell's ordinary output is written into the ``.ipynb`` when JupyterLab saves; a widget's output
    is only a reference to the widget, and its ``repr`` (the output's text copy) says nothing more.
    """

    def __init__(self, value: str = "", **kwargs: Any) -> None:
        super().__init__(value, layout=widgets.Layout(width="100%", max_width="52em"), **kwargs)
        self.add_class("fk-card")

    def __repr__(self) -> str:
        return "Card()"


def practice_card(practice: Practice) -> Card:
    """The interview an exercise practises on (``lesson.practice_interview``), and where it came from."""
    iv = practice.interview
    origin = f"From {practice.origin}. {practice.note}".strip()
    return Card(interview_card(iv, title="The interview you practise on", origin=origin))
