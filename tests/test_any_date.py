"""The date-sensitive views are right at every moment of ``moments.MOMENTS``, on a server in UTC.

Each test takes the ``frozen`` fixture (the clock stopped at that moment, the
server's zone UTC) and builds its interviews relative to the learner's own now,
for a learner in England (Europe/London) and one in California
(America/Los_Angeles).  Expected days are counted here day by day from the
``holidays`` package and the working week, independently of the planner's
pandas offsets; texts are formatted with the kit's own ``wording``.
"""

from __future__ import annotations

import base64
import re
from datetime import date, datetime, time, timedelta

import holidays
import pytest
from icalendar import Calendar

from followup_kit import wording
from followup_kit.place import Place
from followup_kit.planner import nudge_queue, plan_followups
from followup_kit.records import FollowUp, Interview
from followup_kit.store import InterviewLog

PLACES = [
    Place(country="GB", subdivision="ENG", timezone="Europe/London"),
    Place(country="US", subdivision="CA", timezone="America/Los_Angeles"),
]
IDS = ["england", "california"]


def working_days_after(day: date, n: int, place: Place) -> date:
    """The n-th working day after ``day``, counted one day at a time."""
    off = holidays.country_holidays(place.country, subdiv=place.subdivision, years=range(day.year - 1,
                                                                                            day.year + 2))
    working = {0, 1, 2, 3, 4}
    found = day
    while n > 0:
        found += timedelta(days=1)
        if found.weekday() in working and found not in off:
            n -= 1
    return found


def is_working(day: date, place: Place) -> bool:
    off = holidays.country_holidays(place.country, subdiv=place.subdivision, years=day.year)
    return day.weekday() < 5 and day not in off


def last_working_day_before(day: date, place: Place) -> date:
    found = day - timedelta(days=1)
    while not is_working(found, place):
        found -= timedelta(days=1)
    return found


def an_interview(place: Place, **more) -> tuple[Interview, datetime]:
    """An interview at 10:00 on the last working day before the learner's today, and their now."""
    now = place.now()
    held = datetime.combine(last_working_day_before(now.date(), place), time(10, 0))
    return Interview("Fabrikam Analytics", "Data Engineer", held, interviewers=["Dana Whitfield"],
                     contact="Dana Whitfield", **more), now


def status_of(due: datetime, now: datetime) -> str:
    if now > due:
        return "overdue"
    return "due" if now.date() == due.date() else "upcoming"


@pytest.mark.parametrize("place", PLACES, ids=IDS)
def test_the_plan_counts_working_days_from_the_learners_today(frozen, place):
    iv, now = an_interview(place, decision_in_business_days=3)
    steps = plan_followups(iv, now=now, **place.planner_options())
    # without now=, the kit reads the (frozen) server clock, which runs in UTC here
    server_now = frozen.replace(tzinfo=None)
    assert plan_followups(iv, **place.planner_options()) == plan_followups(iv, now=server_now,
                                                                           **place.planner_options())
    (call,) = [s for s in steps if s.purpose == "status_check"]
    expected = datetime.combine(working_days_after(iv.held_at.date(), 3, place), time(16, 0))
    assert call.due == expected
    assert call.status == status_of(expected, now)
    assert place.calendar_words() in call.why
    (thanks,) = [s for s in steps if s.rule == "thank_you_email"]
    assert thanks.due == iv.held_at + timedelta(hours=24)
    assert thanks.status == status_of(thanks.due, now)


@pytest.mark.parametrize("place", PLACES, ids=IDS)
def test_the_one_week_call_never_lands_on_a_day_off(frozen, place):
    iv, now = an_interview(place)
    steps = plan_followups(iv, now=now, **place.planner_options())
    (call,) = [s for s in steps if s.purpose == "status_check"]
    week_on = iv.held_at.date() + timedelta(days=7)
    day = week_on
    while not is_working(day, place):
        day += timedelta(days=1)
    assert call.due == datetime.combine(day, time(10, 0))


@pytest.mark.parametrize("place", PLACES, ids=IDS)
def test_nudge_queue_and_logbook_next_step(frozen, place, tmp_path):
    from followup_kit.widgets.logbook import Logbook

    log = InterviewLog(tmp_path)
    log.save_place(place)
    iv, now = an_interview(place, decision_in_business_days=2)
    iid = log.add(iv)
    log.record(FollowUp(iid, iv.held_at + timedelta(hours=3), "email", "thank_you", "Dana Whitfield"))
    queue = nudge_queue(log.interviews(), log.followups(), now, **place.planner_options())
    (row,) = queue.itertuples()
    expected = datetime.combine(working_days_after(iv.held_at.date(), 2, place), time(16, 0))
    assert (row.rule, row.due) == ("status_call_business_days", expected)
    assert row.status == status_of(expected, now)

    book = Logbook(log)
    assert book._clock() == now.replace(second=0)  # the learner's clock, not the server's
    book.picker.value = iid
    book.outcome.value = "rejected"
    book.save_outcome()
    # heard now (no reply time logged): 17:00 today on a working day before 16:00, else 10:00 next one
    if is_working(now.date(), place) and now.time() < time(16, 0):
        due = datetime.combine(now.date(), time(17, 0))
    else:
        due = datetime.combine(working_days_after(now.date(), 1, place), time(10, 0))
    assert f"due {wording.when(due)}" in book.next_step.value


@pytest.mark.parametrize("place", PLACES, ids=IDS)
def test_calendar_export_and_plan_view_at_the_learners_time(frozen, place, tmp_path):
    from followup_kit.widgets.plan import PlanView

    log = InterviewLog(tmp_path)
    log.save_place(place)
    iv, now = an_interview(place, decision_in_business_days=3)
    log.add(iv)
    view = PlanView(log)
    assert view.now == now.replace(second=0)
    (call,) = [s for s in view.plan_steps() if s.purpose == "status_check"]
    assert wording.when(call.due) in view.plan.value
    if call.is_open:
        data = base64.b64decode(re.search(r"base64,([^']+)'", view.ics.value)[1])
        starts = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in Calendar.from_ical(data).walk("VEVENT")}
        start = starts[call.action]
        assert start.tzinfo.key == place.timezone and start.replace(tzinfo=None) == call.due


def test_dashboard_late_counts_do_not_move_with_the_clock(frozen, tmp_path):
    from followup_kit.widgets.dashboard import DashboardView

    log = InterviewLog(tmp_path)
    now = Place(timezone="Europe/London").now()
    for days, hours in ((20, 2), (13, 30), (6, 50)):
        held = datetime.combine(now.date() - timedelta(days=days), time(10, 0))
        iid = log.add(Interview("Contoso", "Analyst", held, interviewers=["Raj Patel"]))
        log.record(FollowUp(iid, held + timedelta(hours=hours), "email", "thank_you", "Raj Patel"))
    view = DashboardView(log.interviews(), log.followups())
    text = view.findings.value
    assert "2 of your 3 interviews got their first thank-you after 24 h" in text
