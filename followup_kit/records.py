"""The two records a learner logs, ``Interview`` and ``FollowUp``, and their validation.

Records validate themselves when built, so a bad value is refused before it
can reach the log on disk.  Every ``ValidationError`` names the field, what
was expected and what was received, so a widget can show it as it is.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .wording import day

__all__ = [
    "CHANNELS",
    "FOLLOWUP_DTYPES",
    "FOLLOWUP_FIELDS",
    "INTERVIEW_DTYPES",
    "INTERVIEW_FIELDS",
    "KINDS",
    "MAX_BUSINESS_DAYS",
    "MAX_ITEM",
    "MAX_ITEMS",
    "MAX_NOTES",
    "MAX_ROUNDS",
    "MAX_SHORT",
    "MAX_YEAR",
    "MIN_YEAR",
    "OUTCOMES",
    "OUTCOME_WORDS",
    "PURPOSES",
    "FollowUp",
    "Interview",
    "ValidationError",
    "ValidationErrors",
    "check_followup_after",
    "check_single_line_characters",
    "describe",
    "is_email",
]

KINDS = ("phone", "video", "in_person")
CHANNELS = ("email", "card", "call", "voicemail", "text", "linkedin")
PURPOSES = ("thank_you", "status_check", "feedback_request", "rapport", "extra_info")
OUTCOMES = ("pending", "offer", "rejected", "next_round", "no_response", "withdrawn")
#: How each outcome is named to the learner.
OUTCOME_WORDS = {
    "pending": "waiting to hear",
    "offer": "offer",
    "rejected": "rejected",
    "next_round": "invited to another round",
    "no_response": "no response",
    "withdrawn": "withdrawn",
}
#: The committed sample log is shown as of 09:00 on 2 Nov 2026, the day it "was exported" (``sample.AS_OF``),
#: so its queue looks the same on any day.  Here rather than in ``sample`` (numpy, pandas): a demo Logbook
#: in notebook 01 needs the moment, not the generator.
SAMPLE_NOW = datetime(2026, 11, 2, 9, 0)
#: Most rounds of one hiring process we accept.
MAX_ROUNDS = 12

#: Longest single-line text (a company, a role, a name), in characters.
MAX_SHORT = 200
#: Longest free text (notes), in characters.
MAX_NOTES = 5000
#: Longest talking point, in characters, and most talking points or interviewers.
MAX_ITEM = 500
MAX_ITEMS = 30
#: Longest wait we accept for "you'll hear in N business days" (about three months).
MAX_BUSINESS_DAYS = 65
#: Earliest and latest year of any date or time: a job search happens in a lifetime, and a date such as
#: 30 Dec 9999 would overflow the calendar arithmetic of the planner and the notebooks.
MIN_YEAR = 1950
MAX_YEAR = 2100

#: Characters refused in single-line text: control characters (C0 except tab, DEL, C1), which RFC 5545
#: forbids in calendar TEXT and terminals interpret, and the bidirectional overrides and isolates
#: (U+202A-U+202E, U+2066-U+2069), which can make a company name display as something else.
_CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
#: A date, optionally with a time, in ISO form; nothing may follow it ("2026-03-13junk" is refused).
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?")

INTERVIEW_FIELDS = (
    "company",
    "role",
    "held_at",
    "kind",
    "interviewers",
    "contact",
    "decision_by",
    "decision_in_business_days",
    "agency_contact",
    "talking_points",
    "outcome",
    "notes",
    "contact_email",
    "contact_phone",
    "agency_email",
    "agency_phone",
    "outcome_at",
    "round",
    "previous_id",
)
FOLLOWUP_FIELDS = ("interview_id", "at", "channel", "purpose", "to", "response_at", "notes")

#: The frames' schema, in one place: each column of ``InterviewLog.interviews()`` (an ``id``, then the
#: fields) and its pandas dtype.  Texts are ``str``, times (and dates, at midnight) ``datetime64[us]``,
#: counts the nullable ``Int64``, lists Python lists (``object``).  The store, the synthetic sample and
#: the metrics all build or check their frames with these.
INTERVIEW_DTYPES: dict[str, str] = {
    "id": "str",
    "company": "str",
    "role": "str",
    "held_at": "datetime64[us]",
    "kind": "str",
    "interviewers": "object",
    "contact": "str",
    "decision_by": "datetime64[us]",
    "decision_in_business_days": "Int64",
    "agency_contact": "str",
    "talking_points": "object",
    "outcome": "str",
    "notes": "str",
    "contact_email": "str",
    "contact_phone": "str",
    "agency_email": "str",
    "agency_phone": "str",
    "outcome_at": "datetime64[us]",
    "round": "Int64",
    "previous_id": "str",
}
#: The same for ``InterviewLog.followups()``.
FOLLOWUP_DTYPES: dict[str, str] = {
    "id": "str",
    "interview_id": "str",
    "at": "datetime64[us]",
    "channel": "str",
    "purpose": "str",
    "to": "str",
    "response_at": "datetime64[us]",
    "notes": "str",
}


class ValidationError(ValueError):
    """A value a record cannot take; the message names field, expectation and value."""

    def __init__(self, field: str, expected: str, received: Any) -> None:
        self.field = field
        self.expected = expected
        self.received = received
        super().__init__(f"{field}: expected {expected}, got {describe(received)}")


class ValidationErrors(ValidationError):
    """Several values a record cannot take, found in one pass so a form can list them all at once.

    It reads as the first problem (``field``, ``expected``, ``received`` and the message are the
    first one's), and ``problems`` holds every one, in field order.
    """

    def __init__(self, problems: list[ValidationError]) -> None:
        first = problems[0]
        super().__init__(first.field, first.expected, first.received)
        self.problems = list(problems)


def describe(value: Any) -> str:
    """Show a received value briefly, the way a learner would recognise it."""
    if value is None:
        return "nothing"
    if isinstance(value, str):
        if not value.strip():
            return "an empty text" if not value else "only spaces"
        if len(value) > 60:
            return f"{len(value):,} characters ({value[:30]!r}…)"
        return repr(value)
    if isinstance(value, datetime):
        return value.strftime("%a %d %b %Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%a %d %b %Y")
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…"


# -- field checkers -----------------------------------------------------------


def _text(name: str, value: Any, *, required: bool, limit: int = MAX_SHORT, single_line: bool = True) -> str:
    received = value
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, "text", value)
    value = value.strip()
    if required and not value:
        raise ValidationError(name, "a non-empty text", received)
    if len(value) > limit:
        raise ValidationError(name, f"at most {limit:,} characters", value)
    if single_line and ("\n" in value or "\r" in value):
        raise ValidationError(name, "a single line of text", value)
    if single_line:
        check_single_line_characters(name, value)
    return value


def check_single_line_characters(name: str, value: str) -> None:
    """Refuse a control character or bidirectional override (see ``_CONTROL``), naming the first one."""
    control = _CONTROL.search(value)
    if control:
        raise ValidationError(name, f"text without control characters (found U+{ord(control[0]):04X})", value)


def _in_range(name: str, value: datetime | date) -> None:
    """Refuse a year outside ``MIN_YEAR``..``MAX_YEAR``, naming the field and the range."""
    if not MIN_YEAR <= value.year <= MAX_YEAR:
        raise ValidationError(name, f"a date between {MIN_YEAR} and {MAX_YEAR}", value)


def _optional_text(name: str, value: Any) -> str | None:
    text = _text(name, value, required=False)
    return text or None


def _choice(name: str, value: Any, options: tuple[str, ...]) -> str:
    if isinstance(value, str):
        value = value.strip().lower().replace("-", "_").replace(" ", "_")
    if value not in options:
        raise ValidationError(name, "one of " + ", ".join(options), value)
    return value


def _items(name: str, value: Any) -> list[str]:
    """A list of short texts; a string is split on new lines."""
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, (list, tuple)):
        raise ValidationError(name, "a list of texts", value)
    out = [_text(name, item, required=False, limit=MAX_ITEM) for item in value]
    out = [item for item in out if item]
    if len(out) > MAX_ITEMS:
        raise ValidationError(name, f"at most {MAX_ITEMS} entries", f"{len(out)} entries")
    return out


def _datetime(name: str, value: Any, *, required: bool = True) -> datetime | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(name, "a date and time", value)
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(name, "a date and time like 2026-03-06 10:00", value) from None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        _in_range(name, value)  # before converting: a far year overflows astimezone()
        if value.tzinfo is not None:  # store local wall-clock time
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(microsecond=0)
    if isinstance(value, date):
        _in_range(name, value)
        return datetime(value.year, value.month, value.day)
    raise ValidationError(name, "a date and time", value)


_EMAIL = re.compile(r"[^@\s<>(),;:\"']+@[^@\s<>(),;:\"']+\.[^@\s<>(),;:\"'.]{2,}")
_PHONE = re.compile(r"\+?[0-9 ()./-]+(?: ?(?:ext\.?|x) ?[0-9]{1,6})?", re.IGNORECASE)


def _email(name: str, value: Any) -> str | None:
    text = _optional_text(name, value)
    if text is not None and not _EMAIL.fullmatch(text):
        raise ValidationError(name, "an email address like priya@example.com", value)
    return text


def _phone(name: str, value: Any) -> str | None:
    """A phone number kept as typed (text, so a leading 0 or + is never lost), checked for its digits."""
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValidationError(name, "a phone number as text (a number loses its leading 0)", value)
    text = _optional_text(name, value)
    if text is None:
        return None
    digits = sum(ch.isdigit() for ch in text)
    if not _PHONE.fullmatch(text) or not 5 <= digits <= 20:
        raise ValidationError(name, "a phone number like 07700 900123 or +44 7700 900123", value)
    return text


def is_email(text: str | None) -> bool:
    """True when ``text`` is an email address (an old log may hold one in the contact's name)."""
    return bool(text) and bool(_EMAIL.fullmatch(text.strip()))


def _round(name: str, value: Any) -> int:
    """A round of a hiring process: 1 when blank, else a whole number from 1 to ``MAX_ROUNDS``."""
    number = _whole_number(name, value, "a round number such as 1 or 2")
    if number is None:
        return 1
    if not 1 <= number <= MAX_ROUNDS:
        raise ValidationError(name, f"a round number from 1 to {MAX_ROUNDS}", value)
    return number


def _whole_number(name: str, value: Any, expected: str) -> int | None:
    """A whole number from a cell or a widget ("3", 3, 3.0), or None when blank (or NaN)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet
        return None
    if isinstance(value, bool):
        raise ValidationError(name, expected, value)
    try:
        number = int(str(value).strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        raise ValidationError(name, expected, value) from None
    if number != value and not isinstance(value, str):
        raise ValidationError(name, expected, value)
    return number


def _date(name: str, value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = value.strip()
        try:
            if not _ISO_DATE.fullmatch(text):
                raise ValueError(text)
            value = date.fromisoformat(text[:10])
        except ValueError:
            raise ValidationError(name, "a date like 2026-03-13", value) from None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        _in_range(name, value)
        return value
    raise ValidationError(name, "a date", value)


def _business_days(name: str, value: Any) -> int | None:
    number = _whole_number(name, value, "a whole number of business days")
    if number is None:
        return None
    if number < 0:
        raise ValidationError(name, "zero or more business days", value)
    if number > MAX_BUSINESS_DAYS:
        raise ValidationError(name, f"at most {MAX_BUSINESS_DAYS} business days", value)
    return number


# -- records --------------------------------------------------------------------


@dataclass
class Interview:
    """One interview, as the learner remembers it straight afterwards.

    ``held_at`` is a naive datetime in local time (an aware one is converted).
    ``decision_by`` is the employer's own date ("we'll decide by Friday") and
    ``decision_in_business_days`` their own wait ("you'll hear in 3 days").
    """

    company: str
    role: str
    held_at: datetime
    kind: str = "in_person"
    interviewers: list[str] = field(default_factory=list)
    contact: str = ""
    decision_by: date | None = None
    decision_in_business_days: int | None = None
    agency_contact: str | None = None
    talking_points: list[str] = field(default_factory=list)
    outcome: str = "pending"
    notes: str = ""
    contact_email: str | None = None
    contact_phone: str | None = None
    agency_email: str | None = None
    agency_phone: str | None = None
    outcome_at: datetime | None = None
    round: int = 1
    previous_id: str | None = None

    def __post_init__(self) -> None:
        checks: list[tuple[str, Any]] = [
            ("company", lambda v: _text("company", v, required=True)),
            ("role", lambda v: _text("role", v, required=True)),
            ("held_at", lambda v: _datetime("held_at", v)),
            ("kind", lambda v: _choice("kind", v, KINDS)),
            ("interviewers", lambda v: _items("interviewers", v)),
            ("contact", lambda v: _text("contact", v, required=False)),
            ("decision_by", lambda v: _date("decision_by", v)),
            ("decision_in_business_days", lambda v: _business_days("decision_in_business_days", v)),
            ("agency_contact", lambda v: _optional_text("agency_contact", v)),
            ("talking_points", lambda v: _items("talking_points", v)),
            ("outcome", lambda v: _choice("outcome", v, OUTCOMES)),
            ("notes", lambda v: _text("notes", v, required=False, limit=MAX_NOTES, single_line=False)),
            ("contact_email", lambda v: _email("contact_email", v)),
            ("contact_phone", lambda v: _phone("contact_phone", v)),
            ("agency_email", lambda v: _email("agency_email", v)),
            ("agency_phone", lambda v: _phone("agency_phone", v)),
            ("outcome_at", lambda v: _datetime("outcome_at", v, required=False)),
            ("round", lambda v: _round("round", v)),
            ("previous_id", lambda v: _optional_text("previous_id", v)),
        ]
        problems: list[ValidationError] = []
        for name, check in checks:  # every field, so a form can say every problem at once
            try:
                setattr(self, name, check(getattr(self, name)))
            except ValidationError as problem:
                problems.append(problem)
        bad = {problem.field for problem in problems}
        if "held_at" not in bad:
            if "outcome_at" not in bad and self.outcome_at is not None and self.outcome_at < self.held_at:
                problems.append(ValidationError(
                    "outcome_at", f"a time after the interview ({describe(self.held_at)})", self.outcome_at
                ))
            early = "decision_by" not in bad and self.decision_by is not None
            if early and self.decision_by < self.held_at.date():
                problems.append(ValidationError(
                    "decision_by",
                    f"a date on or after the interview ({describe(self.held_at.date())})",
                    self.decision_by,
                ))
        if len(problems) == 1:
            raise problems[0]
        if problems:
            raise ValidationErrors(problems)

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain Python values, in ``INTERVIEW_FIELDS`` order."""
        return {name: getattr(self, name) for name in INTERVIEW_FIELDS}

    def replace(self, **changes: Any) -> Interview:
        """A copy with some fields changed, validated again."""
        return dataclasses.replace(self, **changes)

    def next_round(self, own_id: str | None = None) -> dict[str, Any]:
        """``round`` and ``previous_id`` for the interview that follows this one in the same process."""
        if self.round >= MAX_ROUNDS:
            raise ValidationError("round", f"at most {MAX_ROUNDS} rounds", self.round + 1)
        return {"round": self.round + 1, "previous_id": own_id}

    def with_outcome(self, outcome: str, heard_at: datetime | None) -> Interview:
        """A copy with ``outcome`` and when it was heard (nothing while it is "pending")."""
        return self.replace(outcome=outcome, outcome_at=None if outcome == "pending" else heard_at)

    @property
    def label(self) -> str:
        """"Northwind Traders, Data Analyst, Fri 6 Mar": how widgets name an interview."""
        return f"{self.company}, {self.role}, {day(self.held_at)}"


@dataclass
class FollowUp:
    """One thing the learner did after an interview: a note, a card, a call."""

    interview_id: str
    at: datetime
    channel: str
    purpose: str
    to: str
    response_at: datetime | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        self.interview_id = _text("interview_id", self.interview_id, required=True)
        self.at = _datetime("at", self.at)
        self.channel = _choice("channel", self.channel, CHANNELS)
        self.purpose = _choice("purpose", self.purpose, PURPOSES)
        self.to = _text("to", self.to, required=True)
        self.response_at = _datetime("response_at", self.response_at, required=False)
        self.notes = _text("notes", self.notes, required=False, limit=MAX_NOTES, single_line=False)
        if self.response_at is not None and self.response_at < self.at:
            raise ValidationError(
                "response_at", f"a time after the follow-up ({describe(self.at)})", self.response_at
            )

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain Python values, in ``FOLLOWUP_FIELDS`` order."""
        return {name: getattr(self, name) for name in FOLLOWUP_FIELDS}

    def replace(self, **changes: Any) -> FollowUp:
        """A copy with some fields changed, validated again."""
        return dataclasses.replace(self, **changes)


def check_followup_after(interview: Interview, followup: FollowUp) -> None:
    """Refuse a follow-up dated before the interview it follows."""
    if followup.at < interview.held_at:
        raise ValidationError(
            "at", f"a time after the interview ({describe(interview.held_at)})", followup.at
        )
