"""Calendar export: open steps become events a calendar app reads back at the right local time."""

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from followup_kit.ics import event_uid, local_tzid, save_ics, to_ics
from followup_kit.planner import plan_followups
from followup_kit.records import FollowUp, Interview

FRI = datetime(2026, 3, 6, 10, 0)
STAMP = datetime(2026, 3, 6, 11, 0, tzinfo=UTC)


def plan(now=datetime(2026, 3, 6, 12), followups=(), **changes):
    fields = dict(company="Northwind Traders", role="Data Analyst", held_at=FRI,
                  interviewers=["Dana Whitfield", "Raj Patel"], decision_in_business_days=3)
    fields.update(changes)
    return plan_followups(Interview(**fields), followups, now, interview_id="iv1")


def parse(data: bytes) -> Calendar:
    assert isinstance(data, bytes) and data.startswith(b"BEGIN:VCALENDAR")
    return Calendar.from_ical(data)


def test_one_event_per_open_step_with_local_time_and_tzid():
    thanked = ("f1", FollowUp("iv1", FRI + timedelta(hours=1), "email", "thank_you", "Dana Whitfield"))
    steps = plan(followups=[thanked])
    open_steps = [s for s in steps if s.is_open]
    assert [s.action for s in steps if s.status == "done"] == ["Email a thank-you note to Dana Whitfield"]
    cal = parse(to_ics(steps, tzid="Europe/Berlin", stamp=STAMP))
    events = cal.events
    assert len(events) == len(open_steps)
    assert [str(e["SUMMARY"]) for e in events] == [s.action for s in open_steps]
    assert "Email a thank-you note to Dana Whitfield" not in [str(e["SUMMARY"]) for e in events]
    call = next(e for e in events if str(e["SUMMARY"]).startswith("Call "))
    assert call["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert call.start.replace(tzinfo=None) == datetime(2026, 3, 11, 16, 0)
    assert str(call.start.tzinfo) == "Europe/Berlin"
    assert call.start.utcoffset() == timedelta(hours=1)  # CET in March before the switch
    assert call.end - call.start == timedelta(minutes=30)
    note = next(e for e in events if str(e["SUMMARY"]) == "Email a thank-you note to Raj Patel")
    assert note.start.replace(tzinfo=None) == datetime(2026, 3, 7, 10, 0)
    assert note.end - note.start == timedelta(minutes=15)
    assert [tz.tz_name for tz in cal.timezones] == ["Europe/Berlin"]
    assert cal.calendar_name == "Interview follow-ups"


def test_each_event_has_a_reminder_and_says_why_with_rule_and_source():
    cal = parse(to_ics(plan(), tzid="Europe/Berlin", stamp=STAMP))
    for event in cal.events:
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm["TRIGGER"].dt == timedelta(minutes=-15)
        text = str(event["DESCRIPTION"])
        assert "Rule (" in text and "Source: " in text
        assert "(seed 0" in text or "(evidence pack)" in text or "Evidence pack §" in text
        assert event["DTSTAMP"].dt == STAMP
    call = next(e for e in cal.events if str(e["SUMMARY"]).startswith("Call "))
    assert "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in str(call["DESCRIPTION"])


def test_uids_are_stable_across_exports_and_distinct_between_steps():
    steps = plan()
    first = [str(e["UID"]) for e in parse(to_ics(steps, tzid="UTC", stamp=STAMP)).events]
    later = datetime(2026, 3, 9, 8, tzinfo=UTC)
    # The interview moved to "decide in 4 days": the call moves but keeps its UID, so it updates.
    moved = plan(decision_in_business_days=4)
    second = [str(e["UID"]) for e in parse(to_ics(moved, tzid="UTC", stamp=later)).events]
    assert first == second
    assert len(set(first)) == len(first)
    assert all(uid.endswith("@followup-kit") for uid in first)
    assert event_uid(steps[0]) in first


def test_done_and_skipped_steps_are_left_out():
    steps = plan(outcome="withdrawn", now=datetime(2026, 3, 20))
    assert {s.status for s in steps} == {"skipped"}
    cal = parse(to_ics(steps, tzid="Europe/Berlin"))
    assert cal.events == [] and cal.timezones == []


def test_the_machine_zone_is_used_by_default(monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    assert local_tzid() == "America/New_York"
    cal = parse(to_ics(plan()))
    assert {e["DTSTART"].params["TZID"] for e in cal.events} == {"America/New_York"}
    assert [tz.tz_name for tz in cal.timezones] == ["America/New_York"]
    monkeypatch.setenv("TZ", ":Europe/Lisbon")
    assert local_tzid() == "Europe/Lisbon"
    monkeypatch.setenv("TZ", "Not/A_Zone")
    assert local_tzid() != "Not/A_Zone"  # falls back to /etc/localtime or UTC


def test_utc_times_are_written_as_utc():
    cal = parse(to_ics(plan(), tzid="UTC"))
    call = next(e for e in cal.events if str(e["SUMMARY"]).startswith("Call "))
    assert call.start == datetime(2026, 3, 11, 16, 0, tzinfo=UTC)


def test_an_unknown_zone_is_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="Europe/Berlin"):
        to_ics(plan(), tzid="Mars/Olympus")


def test_save_ics_writes_a_file(tmp_path):
    path = save_ics(plan(), tmp_path / "followups.ics", tzid="Europe/Berlin", calendar_name="My plan")
    cal = parse(path.read_bytes())
    assert cal.calendar_name == "My plan" and len(cal.events) == len([s for s in plan() if s.is_open])


def _strict(data: bytes):
    """Parse with ``ical``, a strict RFC 5545 parser nobody here wrote (a test dependency)."""
    from ical.calendar_stream import IcsCalendarStream

    return {event.uid: event for event in IcsCalendarStream.calendar_from_ics(data.decode()).events}


def test_re_export_after_a_decision_date_and_a_contact_updates_not_doubles():
    """Add a decision date and a contact: the status call keeps its UID and moves, with a higher
    SEQUENCE; the 'ask for their time frame' step is gone from the plan, so it comes back CANCELLED."""
    first_stamp, second_stamp = datetime(2026, 3, 6, 12, tzinfo=UTC), datetime(2026, 3, 9, 9, tzinfo=UTC)
    before = plan(decision_in_business_days=None, interviewers=["Dana Whitfield"])
    first = _strict(to_ics(before, tzid="Europe/Berlin", stamp=first_stamp, cancel_closed=True))
    after = plan(now=datetime(2026, 3, 9, 9), decision_in_business_days=None, interviewers=["Dana Whitfield"],
                 decision_by=datetime(2026, 3, 16).date(), contact="Priya Natarajan",
                 contact_phone="07700 900123")
    second = _strict(to_ics(after, tzid="Europe/Berlin", stamp=second_stamp, cancel_closed=True))

    call_before = next(e for e in first.values() if e.summary.startswith("Call "))
    call_after = second[call_before.uid]  # the same event, updated
    assert call_before.dtstart.replace(tzinfo=None) == datetime(2026, 3, 13, 10)
    assert call_after.dtstart.replace(tzinfo=None) == datetime(2026, 3, 16, 9, 30)
    assert call_after.summary.startswith("Call Priya Natarajan on 07700 900123")
    assert call_after.sequence > call_before.sequence
    assert sum(e.summary.startswith("Call ") for e in second.values()) == 1  # nothing doubled
    ask = next(uid for uid, e in first.items() if e.summary.startswith("Ask "))
    assert ask in second and str(second[ask].status.value) == "CANCELLED"  # the stale step goes away
    thanks = next(uid for uid, e in first.items() if e.summary.startswith("Email a thank-you"))
    assert str(second[thanks].status.value) == "CONFIRMED" and second[thanks].uid == thanks


def test_a_step_done_since_the_last_export_is_cancelled():
    done = ("f1", FollowUp("iv1", FRI + timedelta(hours=3), "email", "thank_you", "Dana Whitfield"))
    events = _strict(to_ics(plan(followups=[done]), tzid="Europe/Berlin", stamp=STAMP, cancel_closed=True))
    statuses = {e.summary: str(e.status.value) for e in events.values()}
    assert statuses["Email a thank-you note to Dana Whitfield"] == "CANCELLED"
    assert statuses["Email a thank-you note to Raj Patel"] == "CONFIRMED"
    assert "Email a thank-you note to Dana Whitfield" not in {
        str(e["SUMMARY"]) for e in parse(to_ics(plan(followups=[done]), stamp=STAMP)).events
    }  # without cancel_closed, done steps are simply left out
