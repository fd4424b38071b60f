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


# -- values with bounds: years, strict dates, control characters -------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"held_at": datetime(9999, 12, 30, 10)}, "held_at"),
        ({"held_at": "9999-12-30 10:00"}, "held_at"),
        ({"held_at": datetime(1949, 12, 31, 10)}, "held_at"),
        ({"held_at": date(2101, 1, 1)}, "held_at"),
        ({"decision_by": date(9999, 12, 30)}, "decision_by"),
        ({"outcome_at": "2101-01-01 09:00"}, "outcome_at"),
    ],
)
def test_dates_outside_1950_to_2100_are_refused_naming_field_and_range(changes, field):
    with pytest.raises(ValidationError) as caught:
        interview(**changes)
    assert caught.value.field == field
    assert "a date between 1950 and 2100" in str(caught.value)


def test_an_aware_far_future_time_is_refused_not_overflowed():
    aware = datetime.fromisoformat("9999-12-31T23:30:00+00:00")
    with pytest.raises(ValidationError, match="between 1950 and 2100"):
        interview(held_at=aware)
    with pytest.raises(ValidationError, match="between 1950 and 2100"):
        followup(at=aware)


def test_the_range_ends_are_accepted():
    assert interview(held_at=datetime(1950, 1, 1)).held_at.year == 1950
    assert interview(held_at=datetime(2100, 6, 1), decision_by="2100-12-31").decision_by == date(2100, 12, 31)


@pytest.mark.parametrize("text", ["2026-03-13junk", "2026-03-13 x", "2026-03-1", "13 March", "2026-03-13T10"])
def test_a_date_with_anything_after_it_is_refused(text):
    with pytest.raises(ValidationError) as caught:
        interview(decision_by=text)
    assert caught.value.field == "decision_by" and "a date like 2026-03-13" in str(caught.value)


@pytest.mark.parametrize("text", ["2026-03-13", " 2026-03-13 ", "2026-03-13 00:00", "2026-03-13T00:00:00"])
def test_a_date_alone_or_with_a_time_is_read(text):
    assert interview(decision_by=text).decision_by == date(2026, 3, 13)


@pytest.mark.parametrize(
    ("char", "code"),
    [("\x00", "0000"), ("\x0b", "000B"), ("\x1b", "001B"), ("\x7f", "007F"), ("\x85", "0085"),
     ("\u202e", "202E"), ("\u2066", "2066")],
)
@pytest.mark.parametrize("field", ["company", "role", "contact", "interviewers", "agency_contact"])
def test_control_and_bidi_override_characters_are_refused_in_single_line_fields(char, code, field):
    value = f"Acme{char}Corp"
    with pytest.raises(ValidationError) as caught:
        interview(**{field: [value] if field == "interviewers" else value})
    assert caught.value.field == field
    assert f"text without control characters (found U+{code})" in str(caught.value)


def test_a_follow_ups_recipient_refuses_control_characters_and_tabs_and_notes_are_kept():
    with pytest.raises(ValidationError, match="^to: expected text without control characters"):
        followup(to="Dana\x1b[31m")
    assert interview(company="Tab\there").company == "Tab\there"  # a tab is not a control we refuse
    assert interview(notes="free text\nkeeps\x00what was typed").notes == "free text\nkeeps\x00what was typed"
    assert interview(company="Café \u2028 line sep").company == "Café \u2028 line sep"


def test_the_frames_schema_is_defined_once_and_every_frame_follows_it(tmp_path):
    """records.INTERVIEW_DTYPES / FOLLOWUP_DTYPES: the log's frames, the sample's and an empty log's."""
    import pandas as pd

    from followup_kit import sample
    from followup_kit.records import FOLLOWUP_DTYPES, FOLLOWUP_FIELDS, INTERVIEW_DTYPES, INTERVIEW_FIELDS
    from followup_kit.store import InterviewLog, open_sample_log

    assert tuple(INTERVIEW_DTYPES) == ("id", *INTERVIEW_FIELDS)
    assert tuple(FOLLOWUP_DTYPES) == ("id", *FOLLOWUP_FIELDS)
    expected_iv = {name: pd.Series(dtype=kind).dtype for name, kind in INTERVIEW_DTYPES.items()}
    expected_fu = {name: pd.Series(dtype=kind).dtype for name, kind in FOLLOWUP_DTYPES.items()}
    empty = InterviewLog(tmp_path / "empty")
    for interviews, followups in (
        (open_sample_log().interviews(), open_sample_log().followups()),
        (empty.interviews(), empty.followups()),
        sample.generate(5),
        sample.empty_frames(),
    ):
        assert dict(interviews.dtypes) == expected_iv and dict(followups.dtypes) == expected_fu
