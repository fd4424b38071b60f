"""A short self-check quiz on the follow-up rules: the questions, and how an answer is graded.

A wrong first answer gets the hint only, so the learner can think again; a
second wrong answer (or asking for it) gets the answer with its explanation and
its source.  Where the sources disagree the explanation says so rather than
pretending there is one rule.  Pure Python: ``widgets/quiz.py`` shows it.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field

from .records import ValidationError
from .sources import cite
from .wording import plural

__all__ = [
    "QUESTIONS",
    "Attempt",
    "Question",
    "Verdict",
    "score",
]


@dataclass(frozen=True)
class Question:
    """One multiple-choice question with a hint, the right option, why, and the sources behind it."""

    id: str
    prompt: str
    options: tuple[str, ...]
    answer: int
    hint: str
    explanation: str
    sources: tuple[str, ...]

    def __post_init__(self) -> None:
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"question {self.id}: answer {self.answer} is not an option index")
        cite(*self.sources)  # fails on an unknown source id

    @property
    def answer_text(self) -> str:
        """The right option's text."""
        return self.options[self.answer]

    def index(self, choice: int | str | None) -> int:
        """The option index of a choice given by index or text; a clear ValidationError otherwise."""
        if isinstance(choice, int) and not isinstance(choice, bool) and 0 <= choice < len(self.options):
            return choice
        if isinstance(choice, str) and choice in self.options:
            return self.options.index(choice)
        raise ValidationError("answer", "one of the options (pick one first)", choice)


QUESTIONS: tuple[Question, ...] = (
    Question(
        id="thank_you_when",
        prompt="Your interview ended at 11:00 today. When should your thank-you note go out?",
        options=(
            "Within 24 hours: today, once you are home and can write it properly",
            "In about a week, once you know whether they liked you",
            "Only if they make you an offer",
        ),
        answer=0,
        hint="The seeds agree on the day; the evidence pack adds how long employers expect to wait.",
        explanation=(
            "Send it within 24 hours of every interview, even one that went badly (seed 000); Patrick Tan "
            "writes it when he gets home (seed 004). Sources differ on 'straight away from the car' "
            "(seed 001) versus 'not from your phone as you leave' (UTSA, evidence §2): "
            "today, calmly, is safe."
        ),
        sources=("seed000", "seed004", "seed001", "timings"),
    ),
    Question(
        id="call_when_no_date",
        prompt="They gave you no decision date and you have heard nothing. When do you make the status call?",
        options=(
            "The next morning, to show you are keen",
            "About a week after the interview",
            "Never: wait until they call you",
        ),
        answer=1,
        hint="Think of what the 'making a follow-up call' article says about the silent week.",
        explanation=(
            "Call if you haven't heard anything a week after the interview (seed 003). Others say at least "
            "5 business days (Indeed) or 1–2 weeks (CareerOneStop), so a week is the early end of the range."
        ),
        sources=("seed003", "timings"),
    ),
    Question(
        id="call_when_date",
        prompt="You interviewed on Monday and they said: 'We'll decide by Friday.' When does this workbook "
        "plan your one status call?",
        options=(
            "Friday morning, the day they named; sources that wait a day or more after it are also fine",
            "Thursday, to get in before they decide",
            "Every morning from Wednesday until someone answers",
        ),
        answer=0,
        hint="Patrick Tan gives a time of day for the decision day; no source calls before the day they "
        "named, and none calls every day.",
        explanation=(
            "This workbook plans one call on the decision day's morning (seed 004; seed 001 says toward "
            "the end of the day they named). Waiting longer is supported too: the next morning (Jobcase), "
            "1–2 business days after (Indeed), a week or more (St. Olaf, UC Davis). Seed 004 adds one more "
            "try that afternoon if they still haven't got back to you; seed 003 says one call. No source "
            "calls before their date, and calling daily is the 'too often' mistake."
        ),
        sources=("seed004", "seed001", "seed003", "timings", "mistakes"),
    ),
    Question(
        id="how_many_calls",
        prompt="How many status calls should you make while you wait for one decision?",
        options=(
            "One call (two at the very most)",
            "One a day until someone answers",
            "One a week for as long as the job is advertised",
        ),
        answer=0,
        hint="One seed warns you will 'look like a stalker'.",
        explanation=(
            "Only make one call; more and you risk annoying people (seed 003). Seed 004 allows a second "
            "that afternoon; do2learn and Parkland allow two at most, at least 3 business days apart. "
            "Calling too often reads as needy (common mistakes)."
        ),
        sources=("seed003", "seed004", "timings", "mistakes"),
    ),
    Question(
        id="agency_whom",
        prompt="A staffing agency set up your interview with the company. Whom do you call to follow up?",
        options=(
            "The hiring manager at the company, directly",
            "Your staffing manager at the agency",
            "The company's reception, who will pass it on",
        ),
        answer=1,
        hint="Patrick Tan's second step says who to call when you are 'working through an agency'.",
        explanation=(
            "If you are working through an agency, call your staffing manager; otherwise call the employer "
            "directly (seed 004). This workbook's own reasoning adds: the agency holds the relationship "
            "and often hears the decision first."
        ),
        sources=("seed004", "workbook"),
    ),
    Question(
        id="the_86_percent",
        prompt=(
            "Seed 002 says CareerBuilder (2011) 'found that 86 percent felt not sending a thank you showed "
            "a lack of follow-through by the candidate'. About what share of ALL the employers surveyed is "
            "that?"
        ),
        options=("86%", "About 19%", "About 50%"),
        answer=1,
        hint="The 86% is a share of a sub-group: the 22% who are less likely to hire without a note.",
        explanation=(
            "86% of the 22% who are less likely to hire without a note: 0.86 × 0.22 ≈ 0.19, so about 19% of "
            "all employers. The seed misreads it as 86% of everyone. Notes still matter: 80% of US HR "
            "managers weigh them (Accountemps 2017)."
        ),
        sources=("careerbuilder2011", "seed002", "accountemps2017"),
    ),
)


@dataclass(frozen=True)
class Verdict:
    """The result of one try: right, a hint (first wrong try), or the answer (second wrong try or asked)."""

    question: Question
    picked: int | None
    correct: bool
    stage: str  # "correct", "hint" or "answer"

    @property
    def message(self) -> str:
        """What the learner reads, as plain text."""
        q = self.question
        if self.stage == "correct":
            return f"Right. {q.explanation}"
        if self.stage == "hint":
            return f"Not quite. Hint: {q.hint} Try again."
        lead = "Not quite. " if self.picked is not None and not self.correct else ""
        return f"{lead}The answer: {q.answer_text}. {q.explanation}"

    @property
    def source(self) -> str:
        """The sources, shown with the answer (not with the hint, which keeps the answer back)."""
        return "" if self.stage == "hint" else cite(*self.question.sources)

    def _repr_html_(self) -> str:
        colour = {"correct": "#1a7f37", "hint": "#8a6d00", "answer": "#b35900"}[self.stage]
        mark = {"correct": "✓", "hint": "?", "answer": "✗" if self.picked is not None else "→"}[self.stage]
        source = f"<br><small>Source: {html.escape(self.source)}</small>" if self.source else ""
        return (
            f"<div><span style='color:{colour}' aria-hidden='true'>{mark}</span> "
            f"{html.escape(self.message)}{source}</div>"
        )


@dataclass
class Attempt:
    """One learner's tries at one question: the first wrong try earns the hint, the second the answer."""

    question: Question
    tries: list[int] = field(default_factory=list)
    verdict: Verdict | None = None
    #: How many tries had been made when the answer was first shown (None: never shown).  A try made
    #: after seeing the answer is not a first-try success, and a shown answer stays counted as shown.
    shown_after: int | None = None

    @property
    def done(self) -> bool:
        """True once answered right or once the answer has been shown."""
        return self.shown_after is not None or (self.verdict is not None and self.verdict.stage == "correct")

    def check(self, choice: int | str | None) -> Verdict:
        """Grade a choice (option index or text); after the answer is shown, further tries just re-grade."""
        picked = self.question.index(choice)
        already_done = self.done
        self.tries.append(picked)
        correct = picked == self.question.answer
        if correct:
            stage = "correct"
        elif already_done or len([t for t in self.tries if t != self.question.answer]) >= 2:
            stage = "answer"
        else:
            stage = "hint"
        if stage == "answer" and self.shown_after is None:
            self.shown_after = len(self.tries)
        self.verdict = Verdict(self.question, picked, correct, stage)
        return self.verdict

    def reveal(self) -> Verdict:
        """Show the answer with its source without another try."""
        picked = self.tries[-1] if self.tries else None
        if self.shown_after is None:
            self.shown_after = len(self.tries)
        self.verdict = Verdict(self.question, picked, picked == self.question.answer, "answer")
        return self.verdict

    @property
    def first_try_right(self) -> bool:
        """True if the first try was right and made before the answer was shown (what the score counts)."""
        shown_first = self.shown_after == 0
        return bool(self.tries) and self.tries[0] == self.question.answer and not shown_first


def score(attempts: Sequence[Attempt]) -> str:
    """'3 of 6 right at the first try; 2 answers shown': a summary, not a grade to worry about."""
    first = sum(a.first_try_right for a in attempts)
    shown = sum(1 for a in attempts if a.shown_after is not None)
    left = sum(1 for a in attempts if not a.done)
    parts = [f"{first} of {len(attempts)} right at the first try"]
    if shown:
        parts.append(f"{plural(shown, 'answer')} shown")
    if left:
        parts.append(f"{left} still open")
    return "; ".join(parts)
