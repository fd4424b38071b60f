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
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .records import Interview, ValidationError
from .sources import cite
from .wording import long_day, plural

__all__ = [
    "CLOSED_REASON",
    "Countdown",
    "Hint",
    "Practice",
    "SolutionGate",
    "about_scenario",
    "hint",
    "model_thank_you",
    "practice_interview",
]

#: Why the model answer is still closed, as the learner reads it next to the button.
CLOSED_REASON = (
    "Model answers are shown only on demand, after a check: write your own attempt, "
    "press Check once, then this opens."
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


# -- scenarios are not the learner's log ----------------------------------------------------

_YOUR_LOG = re.compile(r"\b([Yy])our log\b")


def about_scenario(text: str) -> str:
    """Feedback on a practice scenario, worded for it: "your log says" becomes "the scenario says".

    The checks compare a message with an interview and call it "your log"; for a scripted scenario
    (notebooks 05-07) that interview is the scenario card's, not anything the learner logged.
    """
    return _YOUR_LOG.sub(lambda m: "The scenario" if m.group(1) == "Y" else "the scenario", text)


# -- the interview an exercise practises on ---------------------------------------------------


@dataclass(frozen=True)
class Practice:
    """The interview an exercise uses, and where it came from ("your log" or "the sample log")."""

    interview: Interview
    origin: str
    note: str = ""

    def __str__(self) -> str:
        people = ", ".join(self.interview.interviewers)
        text = f"Practising with {self.interview.label} ({people}), from {self.origin}."
        return f"{text} {self.note}".strip()


def _fits(interview: Interview, interviewers: int, talking_points: int) -> bool:
    return len(interview.interviewers) >= interviewers and len(interview.talking_points) >= talking_points


def practice_interview(
    *, interviewers: int = 1, talking_points: int = 1, own: Any = None, sample: Any = None
) -> Practice:
    """Your most recent logged interview with enough interviewers and talking points, else the sample's.

    ``own`` and ``sample`` are ``InterviewLog``s (default: your log in ``data/my_log`` and the
    read-only sample).  A log that cannot be read is skipped with a note, never a traceback: an
    exercise should still run when the learner's own file needs repair.
    """
    from .store import InterviewLog, LogFileError, open_sample_log

    need = f"{plural(interviewers, 'interviewer')} and {plural(talking_points, 'talking point')}"
    note = ""
    try:
        log = own if own is not None else InterviewLog()
        mine = [iv for _, iv in log.items() if _fits(iv, interviewers, talking_points)]
    except LogFileError as error:
        mine, note = [], f"(Your own log could not be read, so the sample is used: {error})"
    if mine:
        return Practice(max(mine, key=lambda iv: iv.held_at), "your log")
    sample_log = sample if sample is not None else open_sample_log()
    found = [iv for _, iv in sample_log.items() if _fits(iv, interviewers, talking_points)]
    if not found:
        raise ValidationError("sample log", f"an interview with {need}", "none")
    note = note or f"(Your log has no interview with {need} yet; log one in notebook 01 to practise on it.)"
    return Practice(max(found, key=lambda iv: iv.held_at), "the sample log", note)


_TITLES = frozenset("mr mrs ms miss mx dr prof professor".split())


def _first_name(name: str) -> str:
    """How a note greets them: "Dana Reyes" -> "Dana"; with a logged title, "Dr. Amy Lee" -> "Dr. Lee"."""
    words = name.replace(",", " ").split()
    if len(words) >= 2 and words[0].rstrip(".").casefold() in _TITLES:
        surname = words[2:] if len(words) >= 3 else words[1:]
        return " ".join([words[0], *surname])
    return words[0] if words else name


def model_thank_you(interview: Interview, to: str | None = None, *, signed: str = "Sam Rivera") -> str:
    """A model thank-you note to one interviewer, on the evidence pack's structure (§3 A).

    Thanks naming the role and date, one specific point from the logged talking points (the
    n-th interviewer gets the n-th point), interest restated, about one paragraph.  It models the
    structure only: filled in for two interviewers it is still one template, and
    ``compare_notes`` rightly flags the pair as a form letter (notebook 04 shows this).
    """
    people = interview.interviewers or ([interview.contact] if interview.contact else [])
    name = to or (people[0] if people else "")
    if not name.strip():
        raise ValidationError("to", "the interviewer's name", to)
    points = interview.talking_points
    index = people.index(name) if name in people else 0
    held = interview.held_at
    day = long_day(held)
    if points:
        point = points[index % len(points)]
        middle = (
            f"I especially enjoyed our conversation about {point}; it showed me the kind of work I would "
            "love to do with your team."
        )
    else:
        middle = "I especially enjoyed hearing how your team works day to day."
    return (
        f"Dear {_first_name(name)},\n\n"
        f"Thank you for meeting me on {day} to talk about the {interview.role} role at {interview.company}. "
        f"{middle} I am very interested in the role, and I would be glad to send anything else that would "
        "help.\n\n"
        f"Best wishes,\n{signed}"
    )
