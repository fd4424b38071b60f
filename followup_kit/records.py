"""The two records a learner logs, ``Interview`` and ``FollowUp``, and their validation.

Records validate themselves when built, so a bad value is refused before it
can reach the log on disk.  Every ``ValidationError`` names the field, what
was expected and what was received, so a widget can show it as it is.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

KINDS = ("phone", "video", "in_person")
CHANNELS = ("email", "card", "call", "voicemail", "text", "linkedin")
PURPOSES = ("thank_you", "status_check", "feedback_request", "rapport", "extra_info")
OUTCOMES = ("pending", "offer", "rejected", "no_response", "withdrawn")

#: Longest single-line text (a company, a role, a name), in characters.
MAX_SHORT = 200
#: Longest free text (notes), in characters.
MAX_NOTES = 5000
#: Longest talking point, in characters, and most talking points or interviewers.
MAX_ITEM = 500
MAX_ITEMS = 30
#: Longest wait we accept for "you'll hear in N business days" (about three months).
MAX_BUSINESS_DAYS = 65

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
)
FOLLOWUP_FIELDS = ("interview_id", "at", "channel", "purpose", "to", "response_at", "notes")


class ValidationError(ValueError):
    """A value a record cannot take; the message names field, expectation and value."""

    def __init__(self, field: str, expected: str, received: Any) -> None:
        self.field = field
        self.expected = expected
        self.received = received
        super().__init__(f"{field}: expected {expected}, got {describe(received)}")


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
    return value


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
        if value.tzinfo is not None:  # store local wall-clock time
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    raise ValidationError(name, "a date and time", value)


def _date(name: str, value: Any) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValidationError(name, "a date like 2026-03-13", value) from None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raise ValidationError(name, "a date", value)


def _business_days(name: str, value: Any) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value != value:  # NaN from a spreadsheet
        return None
    if isinstance(value, bool):
        raise ValidationError(name, "a whole number of business days", value)
    try:
        number = int(str(value).strip()) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        raise ValidationError(name, "a whole number of business days", value) from None
    if number != value and not isinstance(value, str):
        raise ValidationError(name, "a whole number of business days", value)
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

    def __post_init__(self) -> None:
        self.company = _text("company", self.company, required=True)
        self.role = _text("role", self.role, required=True)
        self.held_at = _datetime("held_at", self.held_at)
        self.kind = _choice("kind", self.kind, KINDS)
        self.interviewers = _items("interviewers", self.interviewers)
        self.contact = _text("contact", self.contact, required=False)
        self.decision_by = _date("decision_by", self.decision_by)
        self.decision_in_business_days = _business_days(
            "decision_in_business_days", self.decision_in_business_days
        )
        self.agency_contact = _optional_text("agency_contact", self.agency_contact)
        self.talking_points = _items("talking_points", self.talking_points)
        self.outcome = _choice("outcome", self.outcome, OUTCOMES)
        self.notes = _text("notes", self.notes, required=False, limit=MAX_NOTES, single_line=False)
        if self.decision_by is not None and self.decision_by < self.held_at.date():
            raise ValidationError(
                "decision_by",
                f"a date on or after the interview ({describe(self.held_at.date())})",
                self.decision_by,
            )

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain Python values, in ``INTERVIEW_FIELDS`` order."""
        return {name: getattr(self, name) for name in INTERVIEW_FIELDS}

    def replace(self, **changes: Any) -> Interview:
        """A copy with some fields changed, validated again."""
        return dataclasses.replace(self, **changes)

    @property
    def label(self) -> str:
        """"Northwind Traders, Data Analyst, Fri 6 Mar": how widgets name an interview."""
        return f"{self.company}, {self.role}, {self.held_at:%a} {self.held_at.day} {self.held_at:%b}"


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
