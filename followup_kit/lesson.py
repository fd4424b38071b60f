"""Helpers for the exercise triplet: a prompt with a hint, your attempt, a check, then a model answer.

Self-study works best when you try first and see the model answer after your
own attempt has been checked, so :class:`SolutionGate` keeps the model answer
closed until a check has been recorded.  :class:`Countdown` is the clock of the
timed rehearsal; it is advanced by ``tick()`` so it can be tested without
waiting (the widget ticks it once a second in a live kernel).  Nothing here
imports ipywidgets: the buttons live in ``followup_kit.widgets``.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .records import ValidationError
from .sources import cite

#: Why the model answer is still closed, as the learner reads it next to the button.
CLOSED_REASON = (
    "Model answers are shown only on demand, after a check: write your own attempt, "
    "run the check cell (or press the check button) once, then this opens."
)


@dataclass(frozen=True)
class Hint:
    """A hint that stays folded until the learner opens it (an HTML ``<details>``, no JavaScript)."""

    text: str
    sources: tuple[str, ...] = ()
    title: str = "Hint"

    def _repr_html_(self) -> str:
        source = f"<br><small>Source: {html.escape(cite(*self.sources))}</small>" if self.sources else ""
        return (
            f"<details><summary><strong>{html.escape(self.title)}</strong> (click to open)</summary>"
            f"<p>{html.escape(self.text)}{source}</p></details>"
        )

    def __str__(self) -> str:
        return f"{self.title}: {self.text}" + (f" (source: {cite(*self.sources)})" if self.sources else "")


def hint(text: str, *sources: str, title: str = "Hint") -> Hint:
    """A folded hint for an exercise prompt; ``sources`` are ids from ``followup_kit.sources``."""
    if not isinstance(text, str) or not text.strip():
        raise ValidationError("hint", "a non-empty text", text)
    cite(*sources)  # an unknown id fails here, not when the learner opens the hint
    return Hint(text.strip(), tuple(sources), title)


@dataclass
class SolutionGate:
    """Holds a model answer closed until the learner's attempt has been checked at least once."""

    model_answer: str
    sources: tuple[str, ...] = ()
    checks: int = 0
    _listeners: list[Callable[[SolutionGate], None]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not isinstance(self.model_answer, str) or not self.model_answer.strip():
            raise ValidationError("model_answer", "a non-empty text", self.model_answer)
        self.sources = tuple(self.sources)
        cite(*self.sources)

    @property
    def open(self) -> bool:
        """True once a check has been recorded."""
        return self.checks > 0

    @property
    def reason(self) -> str:
        """Why the model answer is closed, or an empty text once it is open."""
        return "" if self.open else CLOSED_REASON

    def record(self, result: Any = True) -> Any:
        """Note that the learner ran a check (pass the Feedback); returns ``result`` so a cell can show it."""
        if result is None or result is False:
            return result
        self.checks += 1
        for listener in list(self._listeners):
            listener(self)
        return result

    def on_change(self, listener: Callable[[SolutionGate], None]) -> None:
        """Call ``listener(gate)`` after every recorded check (a widget enables its button this way)."""
        self._listeners.append(listener)

    def reveal(self) -> str:
        """The model answer; refused with a clear message until a check has been recorded."""
        if not self.open:
            raise ValidationError("model answer", "a check of your own attempt first", "no check yet")
        return self.model_answer

    def answer_html(self) -> str:
        """The model answer as HTML with its sources (only once open)."""
        text = html.escape(self.reveal()).replace("\n", "<br>")
        source = f"<p><small>Built on: {html.escape(cite(*self.sources))}</small></p>" if self.sources else ""
        return (
            "<div><strong>A model answer</strong> (one good way, not the only one; compare it with yours)"
            "<blockquote style='border-left:3px solid #888;padding-left:0.8em;margin-left:0'>"
            f"{text}</blockquote>"
            f"{source}</div>"
        )


@dataclass
class Countdown:
    """A countdown in whole seconds for the timed rehearsal; ``tick()`` advances it by one second."""

    seconds: int = 30
    remaining: int = 0
    running: bool = False

    def __post_init__(self) -> None:
        if (
            isinstance(self.seconds, bool)
            or not isinstance(self.seconds, int)
            or not 5 <= self.seconds <= 300
        ):
            raise ValidationError("seconds", "a whole number of seconds from 5 to 300", self.seconds)
        self.remaining = self.seconds

    def start(self) -> None:
        """Start (or restart) from the full time."""
        self.remaining = self.seconds
        self.running = True

    def stop(self) -> None:
        """Stop where it is (e.g. when the learner presses Check early)."""
        self.running = False

    def tick(self) -> bool:
        """One second passes; returns True while it is still running afterwards."""
        if self.running and self.remaining > 0:
            self.remaining -= 1
            if self.remaining == 0:
                self.running = False
        return self.running

    @property
    def elapsed(self) -> int:
        """Seconds used since the start."""
        return self.seconds - self.remaining

    @property
    def finished(self) -> bool:
        """True once the time is up."""
        return self.remaining == 0

    @property
    def label(self) -> str:
        """What the learner reads beside the bar."""
        if self.finished:
            return f"Time's up ({self.seconds} s): stop speaking and check what you said."
        if self.running:
            return f"{self.remaining} s left: say your opener aloud as you type it."
        if self.remaining < self.seconds:
            return f"Stopped after {self.elapsed} s."
        return f"Ready: {self.seconds} s once you press Start."
