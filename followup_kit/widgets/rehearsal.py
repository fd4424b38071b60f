"""Rehearsal widgets: write a message, check it, see sourced feedback; time an opener; compare notes.

They only call ``followup_kit.messages`` and ``followup_kit.lesson``: every
rule lives there.  A callback never raises at the learner; a ``ValidationError``
is shown in the status line next to the button.  Headless tests drive them by
setting ``.value`` and calling ``.click()``; the timed mode's clock is advanced
by ``tick()`` (a background thread calls it once a second in a live kernel).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Mapping, Sequence
from typing import Any

import ipywidgets as widgets

from ..lesson import Countdown, SolutionGate
from ..records import Interview, ValidationError

#: How the kinds of message read in a menu.
KIND_LABELS = {
    "thank_you": "Thank-you note",
    "status_call_opener": "Status call opener",
    "voicemail": "Voicemail",
    "feedback_request": "Feedback request after a rejection",
    "offer_call": "Call after an offer",
}

_WIDE = widgets.Layout(width="100%", max_width="52em")
_STYLE = {"description_width": "initial"}


def _status(kind: str, text: str) -> str:
    """A status line in a live region (screen readers announce it); marked by a sign, not colour alone."""
    colour = {"error": "#b00020", "ok": "#1a7f37", "info": "#444"}[kind]
    mark = {"error": "⚠ ", "ok": "✓ ", "info": ""}[kind]
    role, live = ("alert", "assertive") if kind == "error" else ("status", "polite")
    return f"<div role='{role}' aria-live='{live}' style='color:{colour}'>{mark}{html.escape(text)}</div>"


def speaking_line(feedback: Any, used_seconds: int | None = None, of_seconds: int | None = None) -> str:
    """The estimated speaking time at the stated rate (from the Feedback), plus the timer if one ran."""
    text = feedback.timing()
    if used_seconds is not None:
        text += f" Your timer ran {used_seconds} s" + (f" of {of_seconds} s." if of_seconds else ".")
    return text


class SolutionView(widgets.VBox):
    """A 'Show a model answer' button, disabled with a visible reason until a check has been run."""

    def __init__(self, gate: SolutionGate) -> None:
        self.gate = gate
        self.button = widgets.Button(
            description="Show a model answer",
            tooltip="Opens once you have checked your own attempt",
            layout=widgets.Layout(width="auto"),
        )
        self.reason = widgets.HTML(description_allow_html=False)
        self.answer = widgets.HTML(description_allow_html=False)
        self.button.on_click(self._toggle)
        gate.on_change(lambda _gate: self._refresh())
        self._refresh()
        super().__init__([widgets.HBox([self.button, self.reason]), self.answer])

    def _refresh(self) -> None:
        self.button.disabled = not self.gate.open
        self.reason.value = _status("info", self.gate.reason) if self.gate.reason else ""

    def _toggle(self, _button: Any = None) -> None:
        if self.answer.value:
            self.answer.value = ""
            self.button.description = "Show a model answer"
            return
        try:
            self.answer.value = self.gate.answer_html()
        except ValidationError as error:
            self.reason.value = _status("error", str(error))
            return
        self.button.description = "Hide the model answer"


def solution_on_demand(gate: SolutionGate) -> SolutionView:
    """The model answer behind a button that opens only after the learner's own check."""
    return SolutionView(gate)


class Rehearsal(widgets.VBox):
    """Write a message, press 'Check my message', read the sourced feedback (insights first, no grade)."""

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
        from ..messages import KINDS

        kinds = tuple(kinds or (kind,))
        unknown = [k for k in (kind, *kinds) if k not in KINDS]
        if unknown:
            raise ValidationError("kind", "one of " + ", ".join(KINDS), unknown[0])
        self.interview = interview
        self.gate = gate
        self.feedback: Any = None
        self.label = widgets.Label(label)
        self.text = widgets.Textarea(
            value=text,
            placeholder="Type your message here…",
            layout=widgets.Layout(width="100%", max_width="52em", height="9em"),
        )
        self.kind = widgets.Dropdown(
            options=[(KIND_LABELS.get(k, k), k) for k in kinds],
            value=kind,
            description="Kind of message",
            style=_STYLE,
            layout=widgets.Layout(width="auto", display="flex" if len(kinds) > 1 else "none"),
        )
        self.check_button = widgets.Button(
            description="Check my message", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.status = widgets.HTML(description_allow_html=False)
        self.timing = widgets.HTML(description_allow_html=False)
        self.feedback_area = widgets.HTML(description_allow_html=False, layout=_WIDE)
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

    def check(self, _button: Any = None) -> Any:
        """Check the text; show Feedback, or the problem in the status line. Returns the Feedback or None."""
        from ..messages import check_message

        try:
            feedback = check_message(self.text.value, self.kind.value, self.interview)
        except ValidationError as error:
            self.status.value = _status("error", str(error))
            self.feedback_area.value = ""
            self.timing.value = ""
            return None
        self.feedback = feedback
        failed = len(feedback.failed)
        self.status.value = _status(
            "ok" if not failed else "info",
            "Every check passed." if not failed else f"{failed} thing(s) to work on: see below.",
        )
        self.timing.value = _status("info", speaking_line(feedback, *self._timer()))
        self.feedback_area.value = feedback._repr_html_()
        if self.gate is not None:
            self.gate.record(feedback)
        return feedback

    def _timer(self) -> tuple[int | None, int | None]:
        return None, None


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
        self.countdown = Countdown(seconds)
        self.live_clock = live_clock
        self._stop: threading.Event | None = None
        self.start_button = widgets.Button(
            description=f"Start the {seconds}-second timer", layout=widgets.Layout(width="auto")
        )
        self.progress = widgets.IntProgress(
            value=seconds, min=0, max=seconds, description="Time left", style=_STYLE, bar_style="info"
        )
        self.clock_label = widgets.Label(self.countdown.label)
        self.start_button.on_click(self.start)
        self.children = (
            widgets.HBox([self.start_button, self.progress, self.clock_label]),
            *self.children,
        )

    def start(self, _button: Any = None) -> None:
        """Start the countdown; in a live kernel a background thread ticks it once a second."""
        self._halt_thread()
        self.countdown.start()
        self._show_clock()
        if self.live_clock:
            stop = self._stop = threading.Event()

            def run() -> None:
                while not stop.wait(1.0) and self.tick():
                    pass

            threading.Thread(target=run, name="rehearsal-countdown", daemon=True).start()

    def tick(self) -> bool:
        """One second passes (called by the clock thread, or by a test); True while still running."""
        running = self.countdown.tick()
        self._show_clock()
        return running

    def check(self, _button: Any = None) -> Any:
        """Stop the clock and check the message, showing the estimated speaking time and the time used."""
        self.countdown.stop()
        self._halt_thread()
        self._show_clock()
        return super().check(_button)

    def _timer(self) -> tuple[int | None, int | None]:
        if not self.countdown.elapsed:
            return None, None
        return self.countdown.elapsed, self.countdown.seconds

    def _show_clock(self) -> None:
        self.progress.value = self.countdown.remaining
        self.progress.bar_style = "warning" if self.countdown.finished else "info"
        self.clock_label.value = self.countdown.label

    def _halt_thread(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None


class CompareNotes(widgets.VBox):
    """One labelled box per interviewer and a 'Compare my notes' button that flags a form letter."""

    def __init__(self, names: Sequence[str], notes: Mapping[str, str] | None = None) -> None:
        names = [n.strip() for n in names if isinstance(n, str) and n.strip()]
        if len(names) < 2:
            raise ValidationError("names", "two or more interviewers to compare notes for", names)
        notes = notes or {}
        self.boxes: dict[str, widgets.Textarea] = {}
        rows: list[widgets.Widget] = []
        for name in names:
            box = widgets.Textarea(
                value=notes.get(name, ""),
                placeholder=f"Your thank-you note to {name}…",
                layout=widgets.Layout(width="100%", max_width="52em", height="7em"),
            )
            self.boxes[name] = box
            rows += [widgets.Label(f"Note to {name}"), box]
        self.compare_button = widgets.Button(
            description="Compare my notes", button_style="primary", layout=widgets.Layout(width="auto")
        )
        self.status = widgets.HTML(description_allow_html=False)
        self.result_area = widgets.HTML(description_allow_html=False, layout=_WIDE)
        self.result: Any = None
        self.compare_button.on_click(self.compare)
        super().__init__([*rows, widgets.HBox([self.compare_button, self.status]), self.result_area])

    def compare(self, _button: Any = None) -> Any:
        """Compare the notes; a near-identical pair is flagged as a form letter. Returns the comparison."""
        from ..messages import compare_notes

        try:
            result = compare_notes({name: box.value for name, box in self.boxes.items()})
        except ValidationError as error:
            self.status.value = _status("error", str(error))
            self.result_area.value = ""
            return None
        self.result = result
        self.status.value = _status(
            "info" if result.form_letter else "ok",
            "These read like a form letter: personalise each one."
            if result.form_letter
            else "Each note reads as its own.",
        )
        self.result_area.value = result._repr_html_()
        return result
