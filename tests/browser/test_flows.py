"""The main learner flows, driven with real typing and clicks in JupyterLab.

01: log an interview through the form, with one bad input refused first.
02: see that interview's plan with its call day and source.
05: type a weak call opener, check it, and see the sourced advice.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import expect

from followup_kit.records import Interview
from followup_kit.store import InterviewLog

from .conftest import screenshot
from .lab import error_outputs, open_notebook, run_all

TIMEOUT = 30_000


def learner_log(workspace) -> InterviewLog:
    return InterviewLog(workspace / "my_log")


def type_into(page, css: str, text: str) -> None:
    """Click a widget's input and type into it key by key, as a learner does."""
    field = page.locator(f"{css} input, {css} textarea").first
    field.click()
    field.press("Control+A")
    field.press_sequentially(text)
    field.blur()


@pytest.mark.browser
def test_log_an_interview_through_the_form(page, lab_url, workspace):
    open_notebook(page, lab_url, "notebooks/01_log_your_interviews.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    before = len(learner_log(workspace))

    type_into(page, ".fk-role", "Data Analyst")
    page.locator(".fk-held-date input").first.fill("2026-03-06")
    page.locator(".fk-held-time input").first.fill("10:00")
    page.locator("button.fk-save").first.click()
    status = page.locator(".fk-form-status").first
    expect(status).to_contain_text("Company: expected a non-empty text", timeout=TIMEOUT)
    expect(status).to_contain_text("Nothing was saved")
    assert len(learner_log(workspace)) == before

    type_into(page, ".fk-company", "Contoso Pharmaceuticals")
    type_into(page, ".fk-interviewers", "Zoë Müller, Raj Patel")
    type_into(page, ".fk-decision-days", "3")
    page.locator("button.fk-save").first.click()
    expect(status).to_contain_text("Saved: Contoso Pharmaceuticals, Data Analyst, Fri 6 Mar", timeout=TIMEOUT)
    expect(page.locator(".fk-table").first).to_contain_text("Contoso Pharmaceuticals", timeout=TIMEOUT)
    screenshot(page, "flow-01-saved")

    # On disk at once: a fresh reader (as after a kernel restart) sees the interview.
    saved = [iv for _, iv in learner_log(workspace).items() if iv.company == "Contoso Pharmaceuticals"]
    assert [(iv.role, iv.held_at, iv.interviewers, iv.decision_in_business_days) for iv in saved] == [
        ("Data Analyst", datetime(2026, 3, 6, 10, 0), ["Zoë Müller", "Raj Patel"], 3)
    ]
    assert page.errors == []


def last_friday(today: date) -> date:
    return today - timedelta(days=(today.weekday() - 4) % 7 or 7)


@pytest.mark.browser
def test_plan_shows_the_call_day_and_its_source(page, lab_url, workspace):
    held = last_friday(date.today())
    learner_log(workspace).add(Interview(
        "Fabrikam Analytics", "Data Engineer", datetime.combine(held, datetime.min.time()).replace(hour=10),
        interviewers=["Dana Whitfield"], contact="Dana Whitfield", decision_in_business_days=3,
    ))
    call_day = held + timedelta(days=5)  # three business days after a Friday: the Wednesday
    open_notebook(page, lab_url, "notebooks/02_plan_your_follow_up.ipynb")
    run_all(page)
    assert error_outputs(page) == []

    picker = page.locator(".fk-plan-picker select").first
    options = [t.replace("\xa0", " ") for t in picker.locator("option").all_inner_texts()]
    wanted = "Fabrikam Analytics, Data Engineer"
    index = next((i for i, t in enumerate(options) if t.startswith(wanted)), None)
    assert index is not None, f"the new interview is not in the picker: {options}"
    picker.select_option(index=index)
    plan = page.locator(".fk-plan").first
    expect(plan).to_contain_text(f"{call_day:%a} {call_day.day:02d} {call_day:%b %Y} 16:00", timeout=TIMEOUT)
    expect(plan).to_contain_text("001_19ce361d3e07b2b6.txt")  # seed 001: end of the Nth business day
    expect(page.locator(".fk-nudge-queue").first).to_contain_text("Fabrikam Analytics")
    screenshot(page, "flow-02-plan")
    assert page.errors == []


@pytest.mark.browser
def test_a_weak_opener_gets_sourced_advice(page, lab_url):
    open_notebook(page, lab_url, "notebooks/05_rehearse_your_call_opener.ipynb")
    run_all(page)
    assert error_outputs(page) == []

    type_into(page, ".fk-message", "Hi, did I get the job?")
    page.locator("button.fk-check").first.click()
    feedback = page.locator(".fk-feedback").first
    expect(feedback).to_contain_text("did I get the job", timeout=TIMEOUT)
    text = feedback.inner_text()
    assert text.count("✗") >= 3, text
    assert re.search(r"seed 00\d|evidence\.md", text), text
    expect(page.locator(".fk-timing").first).to_contain_text(re.compile(r"\d+ s"))
    screenshot(page, "flow-05-weak-opener")
    assert page.errors == []
