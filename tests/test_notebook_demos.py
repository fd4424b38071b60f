"""What notebook 01's demonstration cells asserted, moved out of the learner's way (issue 13).

The notebook keeps one folded worked example on the read-only sample; the clicking by code and
the checks live here.  (Notebook 08's demonstration, two wrong answers to the agency question, is
``test_quiz_widgets.test_wrong_answer_gets_the_hint_then_the_answer_with_source``.)
"""

from __future__ import annotations

from datetime import date, datetime, time

from followup_kit import InterviewLog
from followup_kit.widgets import SAMPLE_NOW, Logbook


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
