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
