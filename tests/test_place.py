"""The learner's place: holidays from the ``holidays`` package, their working week, their time zone.

Known answers are worked out by hand from the public holiday calendars named in
each test, not from the kit.
"""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from followup_kit import wording
from followup_kit.ics import to_ics
from followup_kit.place import (
    NOW_ENV,
    WORKWEEKS,
    Place,
    countries,
    country_for_zone,
    default_workweek,
    machine_zone,
    now,
    parse_now,
    subdivisions,
    valid_zone,
)
from followup_kit.planner import RULES, business_day_after, nudge_queue, plan_followups
from followup_kit.records import Interview, ValidationError
from followup_kit.store import SETTINGS_JSON, InterviewLog, LogFileError

ENGLAND = {"country": "GB", "subdivision": "ENG"}


def call(steps):
    (found,) = [s for s in steps if s.purpose == "status_check"]
    return found


def interview(held_at: datetime, **more) -> Interview:
    return Interview("Northwind Traders", "Data Analyst", held_at, interviewers=["Dana Whitfield"], **more)


# -- known answers: public holidays ---------------------------------------------------------------


def test_england_easter_three_business_days():
    """Wed 1 Apr 2026, 'hear in 3 business days': Thu 2 Apr is day 1, Good Friday (3 Apr) and Easter
    Monday (6 Apr) are bank holidays in England, so day 2 is Tue 7 and day 3 is Wed 8 Apr."""
    step = call(plan_followups(interview(datetime(2026, 4, 1, 10), decision_in_business_days=3),
                               now=datetime(2026, 4, 1, 12), **ENGLAND))
    assert step.due == datetime(2026, 4, 8, 16, 0)
    assert "(Mon–Fri, skipping public holidays in England)" in step.why
    assert "3rd business day after the interview" in step.why
    assert business_day_after(date(2026, 4, 1), 3, **ENGLAND) == date(2026, 4, 8)


def test_without_a_country_easter_is_a_working_day_and_the_plan_says_so():
    step = call(plan_followups(interview(datetime(2026, 4, 1, 10), decision_in_business_days=3),
                               now=datetime(2026, 4, 1, 12)))
    assert step.due == datetime(2026, 4, 6, 16, 0)
    assert "no public holidays skipped (no country set)" in step.why


def test_us_thanksgiving_three_business_days():
    """Wed 25 Nov 2026, 3 business days in the US: Thanksgiving (Thu 26) is skipped, Fri 27 is day 1,
    Mon 30 day 2, Tue 1 Dec day 3."""
    step = call(plan_followups(interview(datetime(2026, 11, 25, 11), decision_in_business_days=3),
                               now=datetime(2026, 11, 25, 12), country="US"))
    assert step.due == datetime(2026, 12, 1, 16, 0)
    assert "public holidays in the United States" in step.why


@pytest.mark.parametrize(
    ("place", "expected", "why"),
    [
        # Fri 25 Dec is Christmas; England's Boxing Day (Sat 26) is observed on Mon 28.
        (ENGLAND, date(2026, 12, 29), "Fri 25 Dec is Christmas Day, a public holiday in England"),
        ({"country": "US"}, date(2026, 12, 28), "Fri 25 Dec is Christmas Day, a public holiday in the Uni"),
        ({}, date(2026, 12, 25), None),
    ],
)
def test_one_week_call_on_christmas_moves_to_the_next_working_day(place, expected, why):
    held = datetime(2026, 12, 18, 10)
    step = call(plan_followups(interview(held), now=held + timedelta(hours=2), **place))
    assert step.rule == "status_call_one_week"
    assert step.due == datetime.combine(expected, datetime.min.time()).replace(hour=10)
    if why:
        assert why in step.why and f"so {wording.day(expected)}, the next working day" in step.why


def test_a_decision_date_on_a_public_holiday_moves_to_the_next_working_day():
    """'We decide by Mon 6 Apr 2026': Easter Monday in England, so the call is Tue 7 Apr 09:30."""
    step = call(plan_followups(interview(datetime(2026, 3, 30, 10), decision_by=date(2026, 4, 6)),
                               now=datetime(2026, 3, 30, 12), **ENGLAND))
    assert step.due == datetime(2026, 4, 7, 9, 30)
    assert "Mon 6 Apr is Easter Monday, a public holiday in England, so Tue 7 Apr" in step.why


def test_scotland_keeps_2_january_and_not_easter_monday():
    """Scotland: 2 January is a bank holiday (in 2027 a Saturday, so observed on Mon 4 Jan, after New
    Year's Day on Fri 1); Easter Monday is not."""
    scotland = {"country": "GB", "subdivision": "SCT"}
    assert business_day_after(date(2026, 12, 31), 1, **scotland) == date(2027, 1, 5)
    assert business_day_after(date(2026, 12, 31), 1, **ENGLAND) == date(2027, 1, 4)
    assert business_day_after(date(2026, 4, 2), 1, **scotland) == date(2026, 4, 6)  # Good Friday off only


def test_a_sunday_to_thursday_week():
    """Israel works Sun–Thu: a Thursday interview's 1st business day is the Sunday."""
    assert default_workweek("IL") == "Sun–Thu"
    thursday = datetime(2026, 6, 11, 10)
    step = call(plan_followups(interview(thursday, decision_in_business_days=1), now=thursday,
                               country="IL", workweek="Sun–Thu"))
    assert step.due == datetime(2026, 6, 14, 16, 0)
    assert "Sun–Thu, skipping public holidays in Israel" in step.why


def test_explicit_holidays_still_count_with_a_country():
    base = business_day_after(date(2026, 4, 1), 3, **ENGLAND)
    assert business_day_after(date(2026, 4, 1), 3, [date(2026, 4, 7)], **ENGLAND) == base + timedelta(days=1)


def test_nudge_queue_uses_the_calendar_too():
    iv = interview(datetime(2026, 4, 1, 10), decision_in_business_days=3)
    queue = nudge_queue([("iv1", iv)], now=datetime(2026, 4, 1, 12), **ENGLAND)
    (row,) = queue[queue["rule"] == "status_call_business_days"].itertuples()
    assert row.due == datetime(2026, 4, 8, 16, 0)


def test_rules_the_learner_reads_mention_their_country():
    assert "public holidays" in RULES["status_call_business_days"].summary
    assert "public holidays" in RULES["status_call_one_week"].summary


# -- the record -------------------------------------------------------------------------------------


def test_place_validates_and_names_the_field():
    assert Place("gb", "eng", "Europe/London") == Place("GB", "ENG", "Europe/London", "Mon–Fri")
    for bad, field in [
        ({"country": "XX"}, "country"),
        ({"country": "GB", "subdivision": "CA"}, "subdivision"),
        ({"subdivision": "ENG"}, "subdivision"),
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"workweek": "Tue–Sat"}, "workweek"),
        ({"country": 7}, "country"),
    ]:
        with pytest.raises(ValidationError) as caught:
            Place(**bad)
        assert caught.value.field == field


def test_place_json_round_trip_and_bad_json():
    place = Place("US", "CA", "America/Los_Angeles")
    assert Place.from_json(place.to_json()) == place
    assert Place.from_json(b'{"country": "DE", "extra": 1}') == Place("DE")
    for bad in (b"not json", b"[1, 2]", b'{"timezone": "Nowhere/Here"}'):
        with pytest.raises(ValidationError):
            Place.from_json(bad)


def test_unset_place_notice_names_the_calendar_and_the_server_zone(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    notice = Place().notice()
    assert "not set your country and time zone" in notice and "Mon–Fri" in notice and "UTC" in notice
    assert "England" in Place(**ENGLAND).notice()


def test_menus_and_guesses():
    codes = [code for _, code in countries()]
    assert {"GB", "US", "DE", "IL", "IN"} <= set(codes) and len(codes) == len(set(codes))
    assert ("England (ENG)", "ENG") in subdivisions("GB")
    assert country_for_zone("Europe/London") == "GB"
    assert country_for_zone("America/Los_Angeles") == "US"
    assert country_for_zone("UTC") is None and country_for_zone("Not/AZone") is None
    assert set(WORKWEEKS) == {"Mon–Fri", "Sun–Thu", "Mon–Sat", "Sat–Thu"}
    assert valid_zone(":Europe/Berlin") == "Europe/Berlin"
    assert valid_zone("/usr/share/zoneinfo/Asia/Tokyo") == "Asia/Tokyo"
    assert valid_zone("../etc/passwd") is None


def test_machine_zone_reads_tz(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert machine_zone() == "America/New_York"
    monkeypatch.setenv("TZ", "Etc/UTC")
    assert machine_zone() == "UTC"


# -- the clock ---------------------------------------------------------------------------------------


def test_frozen_clock_from_the_environment(monkeypatch):
    monkeypatch.setenv(NOW_ENV, "2027-03-28T01:30+00:00")
    assert now("Europe/Berlin") == datetime(2027, 3, 28, 3, 30)  # after the clocks went forward
    assert now("America/Los_Angeles") == datetime(2027, 3, 27, 18, 30)
    monkeypatch.setenv(NOW_ENV, "2026-12-02T09:00")
    assert now("Asia/Tokyo") == datetime(2026, 12, 2, 9, 0)  # no offset: the learner's wall clock
    monkeypatch.setenv(NOW_ENV, "next tuesday")
    with pytest.raises(ValidationError) as caught:
        now()
    assert caught.value.field == NOW_ENV
    assert parse_now("2026-12-24T17:00:00Z", "UTC") == datetime(2026, 12, 24, 17, 0)


def test_now_is_the_learners_wall_clock_not_the_servers(frozen):
    """On a server in UTC, a learner in Berlin and one in Los Angeles each get their own now."""
    assert now() == frozen.replace(tzinfo=None)  # the server's zone is UTC here
    for zone in ("Europe/Berlin", "America/Los_Angeles"):
        assert Place(timezone=zone).now() == frozen.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


# -- time zones and the calendar file ----------------------------------------------------------------


@pytest.mark.parametrize("zone", ["Europe/Berlin", "America/Los_Angeles"])
def test_plan_and_ics_follow_the_learners_clock_on_a_utc_server(zone, monkeypatch, tmp_path):
    """The plan view's times and its .ics events match the learner's clock, whatever the server's."""
    import base64
    import re

    from followup_kit.widgets.plan import PlanView

    monkeypatch.setenv("TZ", "UTC")
    log = InterviewLog(tmp_path)
    place = Place(country="DE" if zone.startswith("Europe") else "US", timezone=zone)
    log.save_place(place)
    log.add(interview(datetime(2026, 12, 1, 10, 0), decision_in_business_days=2))
    monkeypatch.setenv(NOW_ENV, "2026-12-01T14:00+00:00")
    view = PlanView(log)
    assert view.now == datetime(2026, 12, 1, 14).replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(
        tzinfo=None
    )
    step = call(view.plan_steps())
    assert step.due == datetime(2026, 12, 3, 16, 0)  # 16:00 on the learner's clock
    assert wording.when(step.due) in view.plan.value
    assert place.notice() in view.place_notice.value.replace("&#x27;", "'")
    data = base64.b64decode(re.search(r"base64,([^']+)'", view.ics.value)[1])
    events = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in Calendar.from_ical(data).walk("VEVENT")}
    start = events[step.action]
    assert start.tzinfo.key == zone
    assert start.astimezone(ZoneInfo(zone)).replace(tzinfo=None) == step.due
    assert b"BEGIN:VTIMEZONE" in data and f"TZID:{zone}".encode() in data


def test_a_call_across_the_clock_change_keeps_its_wall_clock_time():
    """Fri 26 Mar 2027 (Good Friday) in Berlin, 3 business days: Mon 29 is Easter Monday in Germany, so
    Tue 30, Wed 31, Thu 1 Apr 16:00 CEST (14:00 UTC), although the interview was held in CET (15:00
    UTC would be the same wall time then); the .ics says the same."""
    held = datetime(2027, 3, 26, 10, 0)
    steps = plan_followups(interview(held, decision_in_business_days=3), now=held, country="DE")
    step = call(steps)
    assert step.due == datetime(2027, 4, 1, 16, 0)
    event = next(e for e in Calendar.from_ical(to_ics(steps, tzid="Europe/Berlin")).walk("VEVENT")
                 if str(e["SUMMARY"]) == step.action)
    start = event.decoded("DTSTART")
    assert start.astimezone(UTC) == datetime(2027, 4, 1, 14, 0, tzinfo=UTC)
    # and in the US, across the fall-back night: Fri 5 Nov 2027, one week -> Fri 12 Nov 10:00 PST
    held = datetime(2027, 11, 5, 10)
    us = call(plan_followups(interview(held), now=held, country="US"))
    event = next(iter(Calendar.from_ical(to_ics([us], tzid="America/Los_Angeles")).walk("VEVENT")))
    assert event.decoded("DTSTART").astimezone(UTC) == datetime(2027, 11, 12, 18, 0, tzinfo=UTC)


# -- stored beside the log, and in the zip -----------------------------------------------------------


def test_settings_are_kept_beside_the_log_and_travel_in_the_zip(tmp_path):
    log = InterviewLog(tmp_path / "mine")
    assert log.place() == Place()
    log.add(interview(datetime(2026, 3, 6, 10)))
    log.save_place(Place(**ENGLAND, timezone="Europe/London"))
    assert json.loads((tmp_path / "mine" / SETTINGS_JSON).read_text())["subdivision"] == "ENG"
    data = log.export_zip()
    assert SETTINGS_JSON in zipfile.ZipFile(io.BytesIO(data)).namelist()

    fresh = InterviewLog(tmp_path / "next-session")
    report = fresh.import_file(data, "followup-log.zip")
    assert "came back too" in report.message
    assert fresh.place() == Place(**ENGLAND, timezone="Europe/London")

    other = InterviewLog(tmp_path / "has-its-own")
    other.save_place(Place("US", timezone="America/Chicago"))
    other.import_file(data, "followup-log.zip", mode="merge")
    assert other.place().country == "US"  # merge keeps the learner's own settings
    other.import_file(data, "followup-log.zip", mode="replace")
    assert other.place().country == "GB"  # replace brings the upload's


def test_damaged_settings_are_named_not_a_traceback(tmp_path):
    (tmp_path / SETTINGS_JSON).write_text('{"country": "Atlantis"}')
    with pytest.raises(LogFileError, match="settings.json"):
        InterviewLog(tmp_path).place()
    bad = io.BytesIO()
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("interviews.csv", InterviewLog(tmp_path / "x").export_csv_bytes())
        archive.writestr(SETTINGS_JSON, "{oops")
    with pytest.raises(LogFileError, match="settings.json in the upload"):
        InterviewLog(tmp_path / "y").import_file(bad.getvalue(), "bad.zip")
    assert not (tmp_path / "y" / SETTINGS_JSON).exists()


def test_sample_log_refuses_settings():
    from followup_kit.store import ReadOnlyLogError, open_sample_log

    with pytest.raises(ReadOnlyLogError):
        open_sample_log().save_place(Place("GB"))
