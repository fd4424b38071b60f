"""The plan view, headless: the nudge queue in order with rule, source and why; a plan; calendar files."""

from __future__ import annotations

import base64
import html
import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import ipywidgets as widgets
import pytest
from icalendar import Calendar
from widget_tree import text, walk

from followup_kit.planner import RULES, nudge_queue, split_missed
from followup_kit.records import FollowUp, Interview, ValidationError
from followup_kit.store import INTERVIEWS_CSV, InterviewLog, open_sample_log
from followup_kit.widgets import logbook as lb
from followup_kit.widgets.plan import (
    CSS_CLASSES,
    SAMPLE_NOW,
    PlanView,
    disagreements_html,
    rules_html,
)

FRI = datetime(2026, 3, 6, 10, 0)


@pytest.fixture
def log(tmp_path):
    log = InterviewLog(tmp_path / "my_log")
    return log


def add(log, company="Northwind Traders", held_at=FRI, **fields):
    fields.setdefault("interviewers", ["Dana Whitfield", "Raj Patel"])
    fields.setdefault("decision_in_business_days", 3)
    return log.add(Interview(company=company, role="Data Analyst", held_at=held_at, **fields))


def calendar_from(link_html: str) -> Calendar:
    match = re.search(r"download='([^']+\.ics)' href='data:text/calendar;base64,([^']+)'", link_html)
    assert match, link_html
    return Calendar.from_ical(base64.b64decode(match[2]))


# -- the queue ------------------------------------------------------------------------------------


def test_the_queue_lists_each_open_step_with_rule_source_and_why(log):
    add(log)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    shown = text(view.queue)
    assert "Needs a nudge, as of Fri 6 Mar 2026 12:00: 0 overdue, 0 due today, 3 upcoming" in shown
    assert view.queue.value.count("<tr class='fk-row-upcoming'>") == 3
    assert "Email a thank-you note to Dana Whitfield" in shown and "thank_you_email" in shown
    assert "Call Dana Whitfield for a status check on the Data Analyst role" in shown
    assert "status_call_business_days" in shown
    assert "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in shown
    assert "They said you'd hear in 3 business days" in shown  # the one-line why
    assert "Wed 11 Mar 2026 16:00" in shown
    assert "<caption" in view.queue.value and "<th scope='col'" in view.queue.value
    assert "Your log, as of Fri 6 Mar 2026 12:00" in text(view.banner) and not view.showing_sample


def test_overdue_comes_first_then_due_today_then_upcoming(log):
    add(log, "Overdue Inc", held_at=datetime(2026, 3, 2, 10))  # thank-yous were due Tue 3 Mar 10:00
    add(log, "Today Ltd", held_at=datetime(2026, 3, 5, 14))  # thank-yous due Fri 6 Mar 14:00
    add(log, "Later plc", held_at=datetime(2026, 3, 6, 9))  # due Sat 7 Mar
    view = PlanView(log, now=datetime(2026, 3, 6, 8))
    rows = re.findall(r"<tr class='fk-row-(\w+)'>", view.queue.value)
    assert rows == sorted(rows, key=["overdue", "due", "upcoming"].index)
    assert rows[0] == "overdue" and "due" in rows and rows[-1] == "upcoming"
    first = view.queue.value.index("Overdue Inc")
    assert first < view.queue.value.index("Today Ltd") < view.queue.value.index("Later plc, Data Analyst")


def test_logging_a_thank_you_takes_it_off_the_queue_after_a_reload(log):
    iid = add(log)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    assert "Email a thank-you note to Dana Whitfield" in text(view.queue)
    log.record(FollowUp(iid, datetime(2026, 3, 6, 11, 30), "email", "thank_you", "Dana Whitfield"))
    view.refresh_button.click()
    assert "Email a thank-you note to Dana Whitfield" not in text(view.queue)
    assert "✓ done (Fri 6 Mar 2026 11:30) · Email a thank-you note to Dana Whitfield" in text(view.plan)


def test_steps_past_their_window_are_counted_in_one_line(log):
    add(log, "Old Co", held_at=datetime(2026, 1, 5, 10))
    add(log, "New Co", held_at=datetime(2026, 3, 5, 10))
    now = datetime(2026, 3, 6, 12)
    view = PlanView(log, now=now)
    assert "Old Co" not in view.queue.value and "New Co" in view.queue.value
    note = text(view.missed)
    assert note.startswith("3 older steps are past the time the sources still advise it")  # 2 thanks, call
    assert "Glassdoor" in note and "role='status'" in view.missed.value
    view.show_missed.value = True
    assert "Old Co" in view.queue.value and view.missed.value == ""


def test_the_seed_004_option_adds_the_afternoon_retry(log):
    add(log, decision_by=date(2026, 3, 13), decision_in_business_days=None)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    assert "status_call_retry_seed004" not in view.plan.value
    assert "Seed 004 would allow one more try that afternoon" in text(view.plan)  # the choice is shown
    view.calls.value = "seed004"
    shown = text(view.plan)
    assert "Fri 13 Mar 2026 14:30" in shown and "status_call_retry_seed004" in shown
    assert "Seed 003 disagrees: only make one call" in shown


def test_optional_steps_join_the_queue_on_request(log):
    add(log, decision_in_business_days=None)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    assert "Mail a handwritten thank-you card" not in view.queue.value
    assert len(calendar_from(view.ics.value).walk("VEVENT")) == 3  # two thank-yous and the call
    view.include_optional.value = True
    assert "Mail a handwritten thank-you card to Dana Whitfield" in view.queue.value
    assert "ask_time_frame" in view.queue.value
    assert len(calendar_from(view.ics.value).walk("VEVENT")) == 6  # plus two cards and the question


# -- one interview's plan -------------------------------------------------------------------------


def test_the_plan_is_a_timeline_with_status_rule_and_source(log):
    add(log, "Alpha", held_at=datetime(2026, 3, 2, 10))
    beta = add(log, "Beta", held_at=datetime(2026, 3, 4, 10))
    view = PlanView(log, now=datetime(2026, 3, 4, 12))
    assert view.picker.options[0][1] == beta  # newest first
    view.picker.value = beta
    assert "<ol" in view.plan.value and view.plan.value.count("<li class='fk-step") == 5
    shown = text(view.plan)
    assert "The plan for Beta, Data Analyst, Wed 4 Mar" in shown
    assert "Mon 9 Mar 2026 16:00" in shown and "○ upcoming" in shown and "(optional)" in shown
    assert f"Rule status_call_business_days: {RULES['status_call_business_days'].summary}" in shown
    assert "Source: Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in shown
    assert [s.rule for s in view.plan_steps()][0] == "thank_you_card"


def test_the_picker_starts_on_the_most_urgent_interview(log):
    add(log, "Urgent", held_at=datetime(2026, 3, 2, 10))
    add(log, "Recent", held_at=datetime(2026, 3, 5, 10))
    view = PlanView(log, now=datetime(2026, 3, 5, 12))
    assert view.picker.label.startswith("Urgent")


# -- calendar files -------------------------------------------------------------------------------


def test_the_ics_link_holds_one_event_per_open_step_at_the_right_local_time(log):
    iid = add(log)
    log.record(FollowUp(iid, datetime(2026, 3, 6, 11, 30), "email", "thank_you", "Dana Whitfield"))
    view = PlanView(log, now=datetime(2026, 3, 6, 12), tzid="Europe/Berlin")
    assert "download='followups-northwind-traders.ics'" in view.ics.value
    assert "2 events with a reminder 15 minutes before, times in Europe/Berlin" in text(view.ics)
    assert "1 done or dropped step marked cancelled" in text(view.ics)
    every = calendar_from(view.ics.value).walk("VEVENT")
    cancelled = [str(e["SUMMARY"]) for e in every if str(e["STATUS"]) == "CANCELLED"]
    assert cancelled == ["Email a thank-you note to Dana Whitfield"]
    events = [e for e in every if str(e["STATUS"]) == "CONFIRMED"]
    starts = sorted((e.decoded("DTSTART"), str(e["SUMMARY"])) for e in events)
    berlin = ZoneInfo("Europe/Berlin")
    assert starts == [
        (datetime(2026, 3, 7, 10, tzinfo=berlin), "Email a thank-you note to Raj Patel"),
        (datetime(2026, 3, 11, 16, tzinfo=berlin),
         "Call Dana Whitfield for a status check on the Data Analyst role"),
    ]
    assert all(e.decoded("DTSTART").tzinfo.key == "Europe/Berlin" for e in events)
    everything = calendar_from(view.ics_all.value).walk("VEVENT")
    assert sum(str(e["STATUS"]) == "CONFIRMED" for e in everything) == 2
    assert "followups-queue.ics" in view.ics_all.value


def test_no_open_steps_means_no_calendar_file(log):
    iid = add(log)
    for name in ("Dana Whitfield", "Raj Patel"):
        log.record(FollowUp(iid, datetime(2026, 3, 6, 11), "email", "thank_you", name))
    log.record(FollowUp(iid, datetime(2026, 3, 11, 16), "call", "status_check", "Dana Whitfield"))
    view = PlanView(log, now=datetime(2026, 3, 12, 9))
    assert "No open steps" in view.ics.value and "data:" not in view.ics.value
    assert "Nothing needs a nudge right now" in view.queue.value


def test_an_unknown_time_zone_is_a_message_not_a_traceback(log):
    add(log)
    view = PlanView(log, now=datetime(2026, 3, 6, 12), tzid="Mars/Olympus_Mons")
    assert "role='alert'" in view.ics.value and "tzid: expected a time zone name" in text(view.ics)


# -- whose log ------------------------------------------------------------------------------------


def test_an_empty_log_falls_back_to_the_sample_and_says_so(log):
    view = PlanView(log)
    assert view.showing_sample and view.now == SAMPLE_NOW == datetime(2026, 11, 2, 9)
    banner = text(view.banner)
    assert "Your log is empty, so this shows the synthetic sample (read-only)" in banner
    assert "as of Mon 2 Nov 2026 09:00" in banner and "notebook 01" in banner
    sample = open_sample_log()
    queue = nudge_queue(sample.interviews(), sample.followups(), SAMPLE_NOW)
    current, missed = split_missed(queue, SAMPLE_NOW)
    assert view.queue.value.count("<tr class='fk-row-") == len(current) > 0
    assert text(view.missed).startswith(f"{len(missed)} older steps")
    assert view.picker.options and "The plan for" in text(view.plan)
    assert not log.path.exists()  # nothing was written anywhere


def test_without_the_fallback_an_empty_log_shows_empty_messages(log):
    view = PlanView(log, fallback_to_sample=False, now=datetime(2026, 3, 6, 12))
    assert not view.showing_sample and "Nothing needs a nudge right now" in view.queue.value
    assert "No interview to plan yet" in view.plan.value and view.ics.value == ""


def test_a_damaged_log_falls_back_to_the_sample_with_the_reason(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / INTERVIEWS_CSV).write_text("nothing,like,a,log\n")
    view = PlanView(InterviewLog(folder))
    assert view.showing_sample
    assert "Your own log could not be read, so the sample is shown instead" in text(view.banner)
    assert "is not a followup-kit log" in text(view.banner)


def test_demo_mode_shows_the_sample_even_when_the_log_has_interviews(log):
    add(log)
    view = PlanView(log, demo=True)
    assert view.showing_sample and "Demo mode: the synthetic sample log (read-only)" in text(view.banner)
    assert "Northwind Traders, Data Analyst, Fri 6 Mar" not in [label for label, _ in view.picker.options]


def test_what_the_logbook_records_shows_in_the_plan(log):
    book = lb.Logbook(log, now=datetime(2026, 3, 6, 12))
    book.company.value, book.role.value = "Northwind Traders", "Data Analyst"
    book.held_date.value, book.held_time.value = date(2026, 3, 6), FRI.time()
    book.interviewers.value, book.decision_days.value = "Dana Whitfield", "3"
    book.save_button.click()
    book.quick_buttons["thank_you"].click()
    view = PlanView(log, now=datetime(2026, 3, 6, 12, 30))
    shown = text(view.plan)
    assert "✓ done (Fri 6 Mar 2026 12:00) · Email a thank-you note to Dana Whitfield" in shown
    assert "Wed 11 Mar 2026 16:00" in shown
    assert "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in shown


# -- rules and disagreements ------------------------------------------------------------------------


def test_the_rules_table_names_every_rule_with_its_source():
    table = rules_html()
    assert "<caption" in table and "The rules the planner applies" in table
    for rule in RULES.values():
        assert rule.id in table and html.escape(rule.source) in table


def test_the_call_choice_shows_seed_003_against_seed_004():
    calls = html.unescape(disagreements_html("How many calls"))
    assert calls.count("<tr>") == 2  # the header row and one topic
    assert "One call (seed 003)" in calls and "Seed 004: once in the morning, once in the afternoon" in calls
    assert "Making a follow-up call after an interview (seed 003)" in calls
    assert "Tan, Following Up After Your Interview (seed 004)" in calls
    assert disagreements_html().count("<tr>") > 5
    with pytest.raises(ValidationError, match="topic"):
        disagreements_html("favourite colour")


# -- accessibility and browser hooks ----------------------------------------------------------------


def test_every_input_has_a_label_and_every_button_has_text(log):
    add(log)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    inputs = 0
    for widget in walk(view):
        if isinstance(widget, (widgets.Dropdown, widgets.Checkbox, widgets.Text, widgets.DatePicker)):
            inputs += 1
            assert widget.description.strip() and widget.description_allow_html is False
        if isinstance(widget, widgets.Button):
            assert widget.description.strip()
    assert inputs == 4


def test_key_widgets_carry_their_stable_css_classes(log):
    view = PlanView(log, now=datetime(2026, 3, 6, 12) + timedelta(days=1))
    found: dict[str, list[str]] = {}
    for widget in walk(view):
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
    for css in CSS_CLASSES:
        assert len(found.get(css, [])) == 1, css
    assert found["fk-nudge-queue"] == ["HTML"] and found["fk-plan-picker"] == ["Dropdown"]
    assert found["fk-plan"] == ["HTML"] and found["fk-ics"] == ["HTML"]


def test_the_queue_is_one_compact_table_with_the_why_on_demand(log):
    add(log)
    view = PlanView(log, now=datetime(2026, 3, 6, 12))
    value = view.queue.value
    assert "overflow:auto" not in value and "max-height" not in value  # no scroll box of its own
    assert "width:100%" in value and "table-layout:fixed" in value
    heads = re.findall(r"<th scope='col'[^>]*>([^<]+)</th>", value)
    assert heads == ["Due", "What to do", "To whom", "Status"]
    rows = re.findall(r"<tr class='fk-row-\w+'>(.*?)</tr>", value)
    assert len(rows) == 3
    for row in rows:  # each step: its why, rule and source inside a disclosure under its "what"
        disclosure = r"<details class='fk-queue-why'><summary[^>]*>(.*?)</summary>(.*?)</details>"
        details = re.search(disclosure, row)
        assert details, row
        assert "Why:" in details[2] and "Source:" in details[2] and "Why:" not in details[1]
    assert "<td style='" in rows[0] and ">Dana Whitfield</td>" in rows[0]


def test_the_calendar_events_follow_the_picker(log):
    first = add(log, "Northwind Traders")
    second = add(log, "Contoso Ltd", held_at=FRI + timedelta(days=3))
    view = PlanView(log, now=datetime(2026, 3, 6, 12), tzid="Europe/London")
    view.picker.value = first
    assert "In the calendar file for Northwind Traders" in text(view.events)
    assert "Contoso" not in view.events.value
    events = calendar_from(view.ics.value).walk("VEVENT")
    assert f"({len(events)} events, times in Europe/London)" in text(view.events)
    view.picker.value = second
    assert "In the calendar file for Contoso Ltd" in text(view.events)
    assert "Northwind" not in view.events.value
