"""How the kit writes dates, times and counts for a learner: one home, so every view says them alike.

Day numbers have no leading zero ("Wed 2 Dec"), weekday and month are abbreviated
in English, times use the 24-hour clock.  Tests compare a view's text with these
functions rather than with a format of their own.
"""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Interview

__all__ = ["FIELD_LABELS", "dated", "day", "day_and_time", "full_when", "interview_card_rows", "long_day",
           "noun", "plural", "rows_html", "when"]

#: How the kit names each field of an interview or a follow-up to the learner (the form's labels): error
#: messages use these names, so the learner finds the box; the tracker import names the same fields alike.
FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "held_at": "Date and time of the interview",
    "kind": "Kind of interview",
    "interviewers": "Interviewers",
    "contact": "Your contact",
    "decision_by": "They decide by",
    "decision_in_business_days": "Hear in N business days",
    "agency_contact": "Agency contact",
    "talking_points": "Talking points",
    "outcome": "Outcome",
    "notes": "Notes",
    "contact_email": "Contact's email",
    "contact_phone": "Contact's phone",
    "agency_email": "Agency email",
    "agency_phone": "Agency phone",
    "outcome_at": "When you heard",
    "round": "Round",
    "previous_id": "Earlier round",
    "at": "When (follow-up time)",
    "channel": "Channel",
    "purpose": "A call was for",
    "to": "To",
    "response_at": "When (reply time)",
    "interview_id": "Interview",
}


def when(moment: datetime) -> str:
    """A due time with its year, as the plan shows it: "Wed 2 Dec 2026 16:00"."""
    return f"{moment:%a} {moment.day} {moment:%b} {moment:%Y} {moment:%H:%M}"


def day_and_time(moment: datetime) -> str:
    """A time within the next weeks, without the year: "Wed 2 Dec 16:00"."""
    return f"{moment:%a} {moment.day} {moment:%b} {moment:%H:%M}"


def full_when(moment: datetime) -> str:
    """A moment spelled out for a card a learner reads once: "Tuesday 14 April 2026, 10:00"."""
    return f"{moment:%A} {moment.day} {moment:%B %Y, %H:%M}"


def day(value: date) -> str:
    """A day without the year: "Wed 2 Dec"."""
    return f"{value:%a} {value.day} {value:%b}"


def interview_card_rows(interview: Interview, *, contacts: bool = False) -> list[tuple[str, str]]:
    """An interview as a card's rows (label, text): company, role, when, interviewers, talking points;
    with ``contacts`` also the contact and the agency contact (a role-play scenario's card names them)."""
    rows = [
        ("Company", interview.company),
        ("Role", interview.role),
        ("Interview", full_when(interview.held_at)),
        ("Interviewers", ", ".join(interview.interviewers) or "—"),
    ]
    if contacts and interview.contact:
        rows.append(("Contact", interview.contact))
    if contacts and interview.agency_contact:
        rows.append(("Agency contact", interview.agency_contact))
    if interview.talking_points:
        rows.append(("Talking points", "; ".join(interview.talking_points)))
    return rows


def rows_html(rows: list[tuple[str, str]]) -> str:
    """(label, text) rows as a small ``<table>``, each label a row header; every text is escaped."""
    body = "".join(
        f"<tr><th scope='row' style='text-align:left;padding-right:1em'>{html.escape(label)}</th>"
        f"<td style='text-align:left'>{html.escape(text)}</td></tr>"
        for label, text in rows
    )
    return f"<table>{body}</table>"


def dated(value: date) -> str:
    """A day with its year, as filters and imports name it: "Wed 2 Dec 2026"."""
    return f"{day(value)} {value:%Y}"


def long_day(value: date) -> str:
    """A day spelled out, as a message names the interview: "Friday 6 March"."""
    return f"{value:%A} {value.day} {value:%B}"


def noun(count: int, word: str, many: str | None = None) -> str:
    """The noun alone in the right number for ``count``: "reply" for 1, "replies" otherwise."""
    if count == 1:
        return word
    if many is not None:
        return many
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def plural(count: int, noun_: str, many: str | None = None) -> str:
    """ "1 reply", "2 replies": the count and the noun in the right number (``many`` when irregular).

    The kit's one pluraliser: views, charts and findings all count through it."""
    return f"{count:,} {noun(count, noun_, many)}"
