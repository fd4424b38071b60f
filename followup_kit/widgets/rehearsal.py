"""Rehearsal widgets: write a message, check it, see sourced feedback; time an opener; compare notes.

They only call ``followup_kit.messages`` and ``followup_kit.lesson``: every
rule lives there.  A callback never raises at the learner; a ``ValidationError``
is shown in the status line next to the button.  Headless tests drive them by
setting ``.value`` and calling ``.click()``; the timed mode's clock is advanced
by ``tick()`` (a background thread calls it once a second in a live kernel).
"""

from __future__ import annotations

import html
import os
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from ..lesson import Countdown, SolutionGate
from ..records import Interview, ValidationError
from ._common import button, labelled, shown_in, status_html

__all__ = [
    "CSS_CLASSES",
    "KIND_LABELS",
    "CompareNotes",
    "Rehearsal",
    "SolutionView",
    "TimedRehearsal",
    "Timer",
    "solution_on_demand",
    "speaking_line",
]

#: How the kinds of message read in a menu.
KIND_LABELS = {
    "thank_you": "Thank-you note",
    "status_call_opener": "Status call opener",
    "voicemail": "Voicemail",
    "feedback_request": "Feedback request after a rejection",
    "offer_call": "Call after an offer",
}

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.
CSS_CLASSES = {
    "fk-rehearsal": "VBox (a Rehearsal or TimedRehearsal)",
    "fk-message": "Textarea (the learner's message)",
    "fk-message-kind": "Dropdown 'Kind of message' (hidden when there is only one kind)",
    "fk-check": "Button 'Check my message'",
    "fk-rehearsal-status": "HTML (status line next to the button)",
    "fk-timing": "HTML (estimated speaking time, and the timer's use)",
    "fk-feedback": "HTML (the Feedback: verdict, top priorities, then each check with its source)",
    "fk-timer-start": "Button 'Start the N-second timer' (TimedRehearsal)",
    "fk-timer": "IntProgress 'Time left' (TimedRehearsal)",
    "fk-timer-label": "Label (the countdown as text, e.g. '20 s left') (TimedRehearsal)",
    "fk-solution": "VBox (solution_on_demand)",
    "fk-show-model": "Button 'Show a model answer' / 'Hide the model answer'",
    "fk-model-reason": "HTML (why the button is still disabled)",
    "fk-model-answer": "HTML (the model answer and its sources)",
    "fk-compare-notes": "VBox (CompareNotes)",
    "fk-note": "Textarea (one per interviewer)",
    "fk-compare": "Button 'Compare my notes'",
    "fk-compare-status": "HTML (status line next to the button)",
    "fk-compare-result": "HTML (the comparison)",
}

_WIDE = widgets.Layout(width="100%", max_width="52em")
_STYLE = {"description_width": "initial"}


def speaking_line(feedback: Any, used_seconds: int | None = None, of_seconds: int | None = None) -> str:
    """The estimated speaking time at the stated rate (from the Feedback), plus the timer if one ran.

    Empty for a written message (no speaking target) that was not timed: a thank-you note is read,
    not said, so its seconds aloud would only distract.
    """
    if getattr(feedback, "target_seconds", None) is None and used_seconds is None:
        return ""
    text = feedback.timing()
    if used_seconds is not None:
        text += f" Your timer ran {used_seconds} s" + (f" of {of_seconds} s." if of_seconds else ".")
    return text


class SolutionView(widgets.VBox):
    """A 'Show a model answer' button, disabled with a visible reason until a check has been run."""

    def __init__(self, gate: SolutionGate) -> None:
        self.gate = gate
        self.button = button(
            "Show a model answer", "fk-show-model", tooltip="Opens once you have checked your own attempt"
        )
        self.reason = labelled(widgets.HTML(), "fk-model-reason")
        self.answer = labelled(widgets.HTML(), "fk-model-answer")
        self.button.on_click(self._toggle)
        gate.on_change(lambda _gate: self._refresh())
        self._refresh()
        super().__init__([widgets.HBox([self.button, self.reason]), self.answer])
        self.add_class("fk-solution")

    def _refresh(self) -> None:
        self.button.disabled = not self.gate.open
        self.reason.value = status_html("info", self.gate.reason) if self.gate.reason else ""

    def _toggle(self, _button: Any = None) -> None:
        if self.answer.value:
            self.answer.value = ""
            self.button.description = "Show a model answer"
            return
        with shown_in(self.reason) as guard:
            self.answer.value = self.gate.answer_html()
        if guard.failed:
            return
        self.button.description = "Hide the model answer"


def solution_on_demand(gate: SolutionGate) -> SolutionView:
    """The model answer behind a button that opens only after the learner's own check."""
    return SolutionView(gate)


class Rehearsal(widgets.VBox):
    """Write a message, press 'Check my message', read the verdict, the priorities, then sourced details."""

    def __init__(
        self,
        kind: str = "status_call_opener",
        interview: Interview | None = None,
        *,
        kinds: Sequence[str] | None = None,
        text: str = "",
        label: str = "Your message (type it as you would say or send it)",
        gate: SolutionGate | None = None,
    ) -> None:
        from ..messages import MESSAGE_KINDS

        kinds = tuple(kinds or (kind,))
        unknown = [k for k in (kind, *kinds) if k not in MESSAGE_KINDS]
        if unknown:
            raise ValidationError("kind", "one of " + ", ".join(MESSAGE_KINDS), unknown[0])
        self.interview = interview
        self.gate = gate
        self.feedback: Any = None
        self.label = widgets.Label(label)
        self.text = labelled(
            widgets.Textarea(
                value=text,
                placeholder="Type your message here…",
                layout=widgets.Layout(width="100%", max_width="52em", height="9em"),
            ),
            "fk-message",
        )
        self.kind = labelled(
            widgets.Dropdown(
                options=[(KIND_LABELS.get(k, k), k) for k in kinds],
                value=kind,
                description="Kind of message",
                style=_STYLE,
                layout=widgets.Layout(width="auto", display="flex" if len(kinds) > 1 else "none"),
            ),
            "fk-message-kind",
        )
        self.check_button = button("Check my message", "fk-check", style="primary")
        self.status = labelled(widgets.HTML(), "fk-rehearsal-status")
        self.timing = labelled(widgets.HTML(), "fk-timing")
        self.feedback_area = labelled(widgets.HTML(layout=_WIDE), "fk-feedback")
        self.check_button.on_click(self.check)
        children = [self.label, self.text, self.kind, widgets.HBox([self.check_button, self.status])]
        if interview is not None:
            people = ", ".join(interview.interviewers)
            about = widgets.HTML(
                f"<small>Checked against: {html.escape(interview.label)}"
                + (f", with {html.escape(people)}" if people else "")
                + "</small>"
            )
            children.insert(0, about)
        super().__init__([*children, self.timing, self.feedback_area])
        self.add_class("fk-rehearsal")

    def check(self, _button: Any = None) -> Any:
        """Check the text; show Feedback, or the problem in the status line. Returns the Feedback or None."""
        from ..messages import check_message

        with shown_in(self.status) as guard:
            feedback = check_message(self.text.value, self.kind.value, self.interview)
        if guard.failed:
            self.feedback_area.value = ""
            self.timing.value = ""
            return None
        self.feedback = feedback
        # the verdict first ("Ready to send" / "Revise these two things first"), as the feedback shows it
        self.status.value = status_html("ok" if feedback.passed else "info", feedback.verdict)
        line = speaking_line(feedback, *self._timer())
        self.timing.value = status_html("info", line) if line else ""
        self.feedback_area.value = feedback._repr_html_()
        if self.gate is not None:
            self.gate.record(feedback)
        return feedback

    def _timer(self) -> tuple[int | None, int | None]:
        return None, None


class Timer(widgets.HBox):
    """A 'Start the N-second timer' button, a bar and the countdown as text (``lesson.Countdown``).

    In a live kernel a background thread ticks it once a second; tests call ``tick()``.
    """

    def __init__(self, seconds: int = 30, *, live_clock: bool = True) -> None:
        self.countdown = Countdown(seconds)
        self.live_clock = live_clock
        self._stop: threading.Event | None = None
        self.start_button = button(f"Start the {seconds}-second timer", "fk-timer-start")
        self.progress = labelled(
            widgets.IntProgress(
                value=seconds, min=0, max=seconds, description="Time left", style=_STYLE, bar_style="info"
            ),
            "fk-timer",
        )
        self.clock_label = labelled(widgets.Label(self.countdown.label), "fk-timer-label")
        self.start_button.on_click(self.start)
        super().__init__([self.start_button, self.progress, self.clock_label])

    def start(self, _button: Any = None) -> None:
        """Start the countdown; in a live kernel a background thread ticks it once a second."""
        self.halt()
        self.countdown.start()
        self.show()
        if self.live_clock:
            stop = self._stop = threading.Event()

            def run() -> None:
                while not stop.wait(1.0) and self.tick():
                    pass

            threading.Thread(target=run, name="rehearsal-countdown", daemon=True).start()

    def tick(self) -> bool:
        """One second passes (called by the clock thread, or by a test); True while still running."""
        running = self.countdown.tick()
        self.show()
        return running

    def stop(self) -> None:
        """Stop the clock where it is (the learner pressed Check)."""
        self.countdown.stop()
        self.halt()
        self.show()

    def used(self) -> tuple[int | None, int | None]:
        """(seconds used, of seconds) once the timer ran, else (None, None)."""
        if not self.countdown.elapsed:
            return None, None
        return self.countdown.elapsed, self.countdown.seconds

    def show(self) -> None:
        """Bring the bar and the label in line with the countdown."""
        self.progress.value = self.countdown.remaining
        self.progress.bar_style = "warning" if self.countdown.finished else "info"
        self.clock_label.value = self.countdown.label

    def halt(self) -> None:
        """End the clock thread, if one runs."""
        if self._stop is not None:
            self._stop.set()
            self._stop = None


class TimedRehearsal(Rehearsal):
    """The rehearsal with a countdown (about 30 s): say your opener aloud as you type it, then check it."""

    def __init__(
        self,
        kind: str = "status_call_opener",
        interview: Interview | None = None,
        *,
        seconds: int = 30,
        live_clock: bool = True,
        **options: Any,
    ) -> None:
        super().__init__(kind, interview, **options)
        self.timer = Timer(seconds, live_clock=live_clock)
        self.countdown = self.timer.countdown
        self.start_button = self.timer.start_button
        self.progress = self.timer.progress
        self.clock_label = self.timer.clock_label
        self.children = (self.timer, *self.children)

    def start(self, _button: Any = None) -> None:
        """Start the countdown; in a live kernel a background thread ticks it once a second."""
        self.timer.start()

    def tick(self) -> bool:
        """One second passes (called by the clock thread, or by a test); True while still running."""
        return self.timer.tick()

    def check(self, _button: Any = None) -> Any:
        """Stop the clock and check the message, showing the estimated speaking time and the time used."""
        self.timer.stop()
        return super().check(_button)

    def _timer(self) -> tuple[int | None, int | None]:
        return self.timer.used()


class CompareNotes(widgets.VBox):
    """One labelled box per interviewer and a 'Compare my notes' button that flags a form letter.

    With ``exercise`` (a draft id) the notes are the learner's draft: saved on Compare and on
    *Save draft* in their folder (``drafts``), put back when the view is built again, deletable.
    """

    def __init__(
        self,
        names: Sequence[str],
        notes: Mapping[str, str] | None = None,
        *,
        exercise: str | None = None,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        from .exercise import DraftBar, auto_grow

        names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
        if len(names) < 2:
            raise ValidationError("names", "two or more interviewers to compare notes for", names)
        notes = notes or {}
        self.boxes: dict[str, widgets.Textarea] = {}
        rows: list[widgets.Widget] = []
        for name in names:
            box = labelled(
                widgets.Textarea(
                    value=notes.get(name, ""),
                    placeholder=f"Your thank-you note to {name}…",
                    layout=widgets.Layout(width="100%", max_width="52em"),
                ),
                "fk-note",
            )
            self.boxes[name] = auto_grow(box)
            rows += [widgets.Label(f"Note to {name}"), box]
        self.compare_button = button("Compare my notes", "fk-compare", style="primary")
        self.status = labelled(widgets.HTML(), "fk-compare-status")
        self.result_area = labelled(widgets.HTML(layout=_WIDE), "fk-compare-result")
        self.result: Any = None
        self.compare_button.on_click(self.compare)
        self.drafts = (
            DraftBar(exercise, self._texts, self._put, folder=folder) if exercise is not None else None
        )
        bar = [self.drafts] if self.drafts is not None else []
        super().__init__([*rows, widgets.HBox([self.compare_button, self.status]), *bar, self.result_area])
        self.add_class("fk-compare-notes")
        if self.drafts is not None:
            self.drafts.restore()

    def __repr__(self) -> str:
        # not the notes themselves: the output's text/plain copy is saved in the notebook
        return f"CompareNotes({list(self.boxes)!r})"

    def _texts(self) -> dict[str, str]:
        return {name: box.value for name, box in self.boxes.items()}

    def _put(self, parts: Mapping[str, str]) -> None:
        for name, box in self.boxes.items():
            if name in parts:
                box.value = parts[name]

    def compare(self, _button: Any = None) -> Any:
        """Compare the notes; a near-identical pair is flagged as a form letter. Returns the comparison."""
        from ..messages import compare_notes

        if self.drafts is not None:
            self.drafts.save(quiet=True)
        with shown_in(self.status) as guard:
            result = compare_notes({name: box.value for name, box in self.boxes.items()})
        if guard.failed:
            self.result_area.value = ""
            return None
        self.result = result
        self.status.value = status_html(
            "info" if result.form_letter else "ok",
            "These read like a form letter: personalise each one."
            if result.form_letter
            else "Each note reads as its own.",
        )
        self.result_area.value = result._repr_html_()
        return result
