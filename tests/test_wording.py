"""Dates, times and counts are written one way everywhere."""

from datetime import date, datetime

from followup_kit.wording import day, day_and_time, plural, when


def test_no_leading_zero_and_24_hour_clock():
    moment = datetime(2026, 12, 2, 9, 5)
    assert when(moment) == "Wed 2 Dec 2026 09:05"
    assert day_and_time(moment) == "Wed 2 Dec 09:05"
    assert day(date(2027, 1, 10)) == "Sun 10 Jan"


def test_plural():
    assert plural(1, "reply") == "1 reply"
    assert plural(2, "reply") == "2 replies"
    assert plural(0, "day") == "0 days"
    assert plural(3, "business day") == "3 business days"
    assert plural(2, "match") == "2 matches"
    assert plural(1200, "interview") == "1,200 interviews"
    assert plural(2, "person", "people") == "2 people"


def test_noun_alone_follows_the_count():
    from followup_kit.wording import noun

    assert noun(1, "reply") == "reply"
    assert noun(0, "reply") == "replies"
    assert noun(2, "LinkedIn message") == "LinkedIn messages"
    assert noun(2, "hiring process", "hiring processes") == "hiring processes"
    assert plural(1, "interview") == f"1 {noun(1, 'interview')}"


def test_a_day_with_its_year_and_a_day_spelled_out():
    from datetime import date

    from followup_kit.wording import dated, long_day

    assert dated(date(2026, 9, 1)) == "Tue 1 Sep 2026"
    assert long_day(date(2026, 3, 6)) == "Friday 6 March"


def test_every_record_field_has_one_label_and_the_tracker_import_uses_it():
    from followup_kit import trackers
    from followup_kit.records import FOLLOWUP_FIELDS, INTERVIEW_FIELDS
    from followup_kit.wording import FIELD_LABELS

    assert set(INTERVIEW_FIELDS) | set(FOLLOWUP_FIELDS) <= set(FIELD_LABELS)
    shared = set(trackers.FIELDS) & set(FIELD_LABELS)
    assert shared >= {"company", "role", "contact", "kind", "decision_by", "notes"}
    assert all(trackers.FIELDS[name] == FIELD_LABELS[name] for name in shared)


def test_one_card_builder_for_an_interview():
    from datetime import datetime

    from followup_kit.records import Interview
    from followup_kit.wording import interview_card_rows, rows_html

    iv = Interview("Contoso <Ltd>", "Analyst", datetime(2026, 4, 14, 10), interviewers=["Dana Whitfield"],
                   contact="Sam Lee", talking_points=["data quality"])
    rows = interview_card_rows(iv)
    assert rows == [("Company", "Contoso <Ltd>"), ("Role", "Analyst"),
                    ("Interview", "Tuesday 14 April 2026, 10:00"), ("Interviewers", "Dana Whitfield"),
                    ("Talking points", "data quality")]
    assert ("Contact", "Sam Lee") in interview_card_rows(iv, contacts=True)
    table = rows_html(rows)
    assert "Contoso &lt;Ltd&gt;" in table and table.count("<th scope='row'") == 5
