"""What the notebooks' demonstration and self-check cells asserted, moved out of the learner's way.

A notebook shows what a learner reads (a table, a plan, a printed sum) and at most a folded worked
example; the clicking by code and the asserts live here, on the same data (issue 13).  Notebook 08's
demonstration, two wrong answers to the agency question, is
``test_quiz_widgets.test_wrong_answer_gets_the_hint_then_the_answer_with_source``.
"""

from __future__ import annotations

import base64
import re
from datetime import date, datetime, time

from icalendar import Calendar

from followup_kit import FollowUp, Interview, InterviewLog, load_scenarios, metrics, plan_followups
from followup_kit.sources import SOURCES
from followup_kit.widgets import SAMPLE_NOW, DashboardView, Logbook, PlanView


def test_00_the_24_hour_example_plans_both_thank_yous_by_saturday_and_one_call_on_wednesday():
    interview = Interview(
        company="Northwind Traders", role="Data Analyst", held_at=datetime(2026, 3, 6, 10, 0),
        interviewers=["Dana Whitfield", "Raj Patel"], contact="Dana Whitfield", decision_in_business_days=3,
    )  # fmt: skip
    steps = plan_followups(interview, now=datetime(2026, 3, 6, 12, 0))
    thank_yous = [s for s in steps if s.rule == "thank_you_email"]
    assert [s.to for s in thank_yous] == ["Dana Whitfield", "Raj Patel"]
    assert all(s.due == datetime(2026, 3, 7, 10, 0) for s in thank_yous)  # Saturday 10:00
    (call,) = [s for s in steps if s.purpose == "status_check"]
    assert call.due.strftime("%A") == "Wednesday" and call.due.date() == date(2026, 3, 11)


def test_02_one_call_or_two_the_same_interview_planned_both_ways():
    friday = Interview("Northwind Traders", "Data Analyst", datetime(2026, 3, 6, 10, 0),
                       interviewers=["Dana Whitfield"], decision_by=date(2026, 3, 13))  # fmt: skip
    calls = {
        choice: [s for s in plan_followups(friday, now=datetime(2026, 3, 6, 12, 0), calls=choice)
                 if s.purpose == "status_check"]
        for choice in ("one", "seed004")
    }  # fmt: skip
    assert [s.due for s in calls["one"]] == [datetime(2026, 3, 13, 9, 30)]
    assert [s.due for s in calls["seed004"]] == [datetime(2026, 3, 13, 9, 30), datetime(2026, 3, 13, 14, 30)]
    assert "seed 004" in calls["one"][0].source and calls["seed004"][1].optional


def test_02_a_plan_from_a_fresh_log_with_its_calendar_file(tmp_path):
    """One interview and a thank-you: the call day, its source, and the dates in the .ics."""
    scratch = InterviewLog(tmp_path)
    iid = scratch.add(Interview("Northwind Traders", "Data Analyst", datetime(2026, 3, 6, 10, 0),
                                interviewers=["Dana Whitfield", "Raj Patel"], decision_in_business_days=3))
    scratch.record(FollowUp(iid, datetime(2026, 3, 6, 15, 0), "email", "thank_you", "Dana Whitfield"))
    trial = PlanView(scratch, now=datetime(2026, 3, 6, 16, 0), tzid="Europe/London")
    call = next(step for step in trial.plan_steps() if step.purpose == "status_check")
    assert call.due == datetime(2026, 3, 11, 16, 0)  # 3 business days from a Friday: Wednesday, end of day
    assert call.source == "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)"
    assert "✓ done" in trial.plan.value and "Wed 11 Mar 2026 16:00" in trial.plan.value
    ics_bytes = base64.b64decode(re.search(r"base64,([^']+)'", trial.ics.value)[1])
    events = Calendar.from_ical(ics_bytes).walk("VEVENT")
    starts = sorted(e.decoded("DTSTART") for e in events if str(e["STATUS"]) == "CONFIRMED")
    cancelled = [str(e["SUMMARY"]) for e in events if str(e["STATUS"]) == "CANCELLED"]
    assert cancelled == ["Email a thank-you note to Dana Whitfield"]  # done, so a calendar removes it
    naive = [start.replace(tzinfo=None) for start in starts]
    assert naive == [datetime(2026, 3, 7, 10), datetime(2026, 3, 11, 16)]  # Raj's thank-you, then the call
    assert all(start.tzinfo.key == "Europe/London" for start in starts)


def _sample_dashboard() -> tuple[DashboardView, object, object]:
    from followup_kit import open_sample_log

    sample = open_sample_log()
    interviews, followups = sample.interviews(), sample.followups()
    return DashboardView(interviews, followups, source="the synthetic sample"), interviews, followups


def test_03_every_title_states_its_number_and_the_first_is_the_24_hour_share():
    view, interviews, followups = _sample_dashboard()
    titles = view.titles
    assert len(titles) == 5 and all(any(ch.isdigit() for ch in title) for title in titles), titles
    hours = metrics.time_to_follow_up(interviews, followups)["hours"]
    on_time = f"{(hours <= 24).sum() / len(interviews):.0%} of your interviews got a thank-you within 24 h"
    assert titles[0] == on_time


def test_03_the_kind_filter_changes_the_status_line_and_reset_puts_everything_back():
    view, interviews, _ = _sample_dashboard()
    view.kinds.value = ("phone",)
    phones = int((interviews["kind"] == "phone").sum())
    assert f"Showing {phones} of {len(interviews)} interviews (Phone" in view.status.value
    view.reset()
    assert f"Showing {len(interviews)} of {len(interviews)}" in view.status.value


def test_03_three_findings_each_a_plain_sentence_resting_on_a_number():
    view, _, _ = _sample_dashboard()
    assert len(view.sentences) == 3, view.sentences
    for sentence in view.sentences:
        assert (sentence[0].isupper() or sentence[0].isdigit()) and sentence.rstrip().endswith("."), sentence
        assert any(ch.isdigit() for ch in sentence), f"a finding should rest on a number: {sentence!r}"


def test_07_the_seven_scenarios_load():
    assert len(load_scenarios()) == 7


def test_08_the_86_percent_is_19_percent_of_all_employers():
    assert round(0.22 * 0.86, 2) == 0.19
    assert "86" in SOURCES["careerbuilder2011"].says


def test_01_worked_example_the_sample_is_read_only_and_a_rejection_points_to_the_feedback_call():
    example = Logbook(demo=True, now=SAMPLE_NOW)
    items = example.interview_log.items()
    rejected = sorted((iv.held_at, iid) for iid, iv in items if iv.outcome == "rejected")
    example.picker.value = rejected[-1][1]  # what the notebook's folded cell picks
    assert example.read_only and example.save_button.disabled and example.quick_buttons["called"].disabled
    assert "notebooks/06_ask_for_feedback.ipynb" in example.next_step.value
    assert "feedback_request" in example.next_step.value and "seed 003" in example.next_step.value


def test_01_the_whole_flow_on_a_temporary_log(tmp_path):
    """A bad entry first (nothing saved), then the form, Save, a thank-you, and the row in the log."""
    demo = Logbook(InterviewLog(tmp_path))
    demo.role.value = "Data Analyst"
    demo.held_date.value = date(2026, 3, 6)
    demo.held_time.value = time(10, 0)
    demo.save_button.click()  # Company is still empty
    assert "Company is required." in demo.form_status.value
    assert len(demo.interview_log) == 0

    demo.company.value = "Northwind Traders"
    demo.interviewers.value = "Dana Whitfield, Raj Patel"
    demo.decision_days.value = "3"
    demo.save_button.click()
    assert "Saved: Northwind Traders, Data Analyst, Fri 6 Mar" in demo.form_status.value

    demo.when.value = datetime(2026, 3, 6, 15, 0)
    demo.quick_buttons["thank_you"].click()  # to Dana Whitfield, the first interviewer
    [(iid, interview)] = demo.interview_log.items()
    [thank_you] = demo.interview_log.followups_for(iid)
    assert (thank_you.to, thank_you.purpose) == ("Dana Whitfield", "thank_you")
    assert thank_you.at == datetime(2026, 3, 6, 15)
    assert "Northwind Traders" in demo.table.value


def test_no_notebook_cell_asserts_or_demonstrates_by_code():
    """Checks and clicking-by-code live here, not in front of the learner (issue 13)."""
    import ast
    import json
    from pathlib import Path

    found = []
    for path in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"])
            if cell["cell_type"] != "code":
                continue
            tree = ast.parse(source)
            if any(isinstance(node, ast.Assert) for node in ast.walk(tree)) or "# Demonstration" in source:
                found.append(f"{path.name} {cell['id']}")
    assert not found, f"cells that assert or demonstrate by code: {found}"
