"""Records refuse bad values with messages that name field, expectation and value."""

from datetime import date, datetime

import pytest

from followup_kit.records import (
    FollowUp,
    Interview,
    ValidationError,
    check_followup_after,
)

HELD = datetime(2026, 3, 6, 10, 0)


def interview(**changes):
    fields = dict(company="Northwind Traders", role="Data Analyst", held_at=HELD)
    fields.update(changes)
    return Interview(**fields)


def test_a_valid_interview_is_normalised():
    iv = interview(
        company="  Northwind Traders ",
        kind="In-Person",
        interviewers=["Dana Whitfield", " ", "Raj Patel"],
        talking_points="the Q3 churn dashboard\nmoving reports to Python",
        decision_in_business_days="3",
    )
    assert iv.company == "Northwind Traders"
    assert iv.kind == "in_person"
    assert iv.interviewers == ["Dana Whitfield", "Raj Patel"]
    assert iv.talking_points == ["the Q3 churn dashboard", "moving reports to Python"]
    assert iv.decision_in_business_days == 3
    assert iv.outcome == "pending"
    assert iv.label == "Northwind Traders, Data Analyst, Fri 6 Mar"


@pytest.mark.parametrize(
    ("changes", "field", "fragment"),
    [
        ({"company": ""}, "company", "an empty text"),
        ({"company": "   "}, "company", "only spaces"),
        ({"role": None}, "role", "nothing"),
        ({"kind": "zoom"}, "kind", "'zoom'"),
        ({"outcome": "ghosted"}, "outcome", "one of pending"),
        ({"decision_in_business_days": -1}, "decision_in_business_days", "zero or more"),
        ({"decision_in_business_days": 2.5}, "decision_in_business_days", "whole number"),
        ({"decision_in_business_days": True}, "decision_in_business_days", "whole number"),
        ({"decision_by": date(2026, 3, 5)}, "decision_by", "on or after the interview"),
        ({"notes": "x" * 10_000}, "notes", "10,000 characters"),
        ({"company": "A" * 201}, "company", "at most 200 characters"),
        ({"company": "Two\nlines"}, "company", "single line"),
        ({"held_at": "last Friday"}, "held_at", "a date and time like"),
        ({"held_at": None}, "held_at", "a date and time"),
        ({"interviewers": ["x"] * 31}, "interviewers", "at most 30 entries"),
    ],
)
def test_bad_interview_values_are_refused_with_a_clear_message(changes, field, fragment):
    with pytest.raises(ValidationError) as caught:
        interview(**changes)
    assert caught.value.field == field
    assert str(caught.value).startswith(f"{field}: expected ")
    assert fragment in str(caught.value)


def test_accented_and_emoji_text_is_kept_as_written():
    iv = interview(company="Café Müller 🚀", interviewers=["Zoë Ærøskøbing"])
    assert iv.company == "Café Müller 🚀"
    assert iv.interviewers == ["Zoë Ærøskøbing"]


def test_aware_datetimes_become_local_wall_clock():
    aware = datetime.fromisoformat("2026-03-06T10:00:00+00:00")
    assert interview(held_at=aware).held_at == aware.astimezone().replace(tzinfo=None)


def test_replace_validates_again():
    with pytest.raises(ValidationError):
        interview().replace(company="")


def followup(**changes):
    fields = dict(interview_id="iv-1", at=datetime(2026, 3, 6, 15), channel="email", purpose="thank_you",
                  to="Dana Whitfield")
    fields.update(changes)
    return FollowUp(**fields)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"to": " "}, "to"),
        ({"channel": "pigeon"}, "channel"),
        ({"purpose": "begging"}, "purpose"),
        ({"response_at": datetime(2026, 3, 6, 14)}, "response_at"),
        ({"interview_id": ""}, "interview_id"),
    ],
)
def test_bad_followup_values_are_refused(changes, field):
    with pytest.raises(ValidationError) as caught:
        followup(**changes)
    assert caught.value.field == field


def test_a_followup_before_its_interview_is_refused():
    early = followup(at=datetime(2026, 3, 6, 9))
    with pytest.raises(ValidationError, match="at: expected a time after the interview"):
        check_followup_after(interview(), early)
    check_followup_after(interview(), followup())  # after: no error


def test_to_dict_keeps_field_order():
    assert list(interview().to_dict())[:3] == ["company", "role", "held_at"]
    assert list(followup().to_dict())[-1] == "notes"
