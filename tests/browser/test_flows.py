"""The main learner flows, driven with real typing and clicks in JupyterLab.

01: log an interview through the form, with one bad input refused first.
02: see that interview's plan with its call day and source.
Both run at every moment of ``moments.MOMENTS`` (JupyterLab started with
``FOLLOWUP_KIT_NOW``), for a learner in Berlin on a server in UTC.
05: type a weak call opener, check it, and see the sourced advice.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

import holidays
import pytest
from playwright.sync_api import expect

from followup_kit import wording
from followup_kit.place import Place
from followup_kit.planner import plan_followups
from followup_kit.records import Interview
from followup_kit.store import SETTINGS_JSON, InterviewLog

from .conftest import new_page, screenshot
from .lab import error_outputs, open_notebook, run_all

TIMEOUT = 30_000


def type_into(page, css: str, text: str) -> None:
    """Click a widget's input and type into it key by key, as a learner does."""
    field = page.locator(f"{css} input, {css} textarea").first
    field.click()
    field.press("Control+A")
    field.press_sequentially(text)
    field.blur()


def shown(text: str) -> str:
    return text.replace("\xa0", " ")


@pytest.mark.browser
def test_log_an_interview_through_the_form(page, frozen_lab):
    """Notebook 01 at a frozen moment: a refused entry, a saved one, and the learner's own clock."""
    open_notebook(page, frozen_lab.url, "notebooks/01_log_your_interviews.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    before = len(frozen_lab.log)

    type_into(page, ".fk-role", "Data Analyst")
    page.locator(".fk-held-date input").first.fill("2026-03-06")
    page.locator(".fk-held-time input").first.fill("10:00")
    page.locator("button.fk-save").first.click()
    status = page.locator(".fk-form-status").first
    expect(status).to_contain_text("Company is required.", timeout=TIMEOUT)
    expect(status).to_contain_text("Nothing was saved")
    assert len(frozen_lab.log) == before

    type_into(page, ".fk-company", "Contoso Pharmaceuticals")
    type_into(page, ".fk-interviewers", "Zoë Müller, Raj Patel")
    type_into(page, ".fk-decision-days", "3")
    page.locator("button.fk-save").first.click()
    expect(status).to_contain_text("Saved: Contoso Pharmaceuticals, Data Analyst, Fri 6 Mar", timeout=TIMEOUT)
    expect(page.locator(".fk-table").first).to_contain_text("Contoso Pharmaceuticals", timeout=TIMEOUT)
    screenshot(page, f"flow-01-saved-{frozen_lab.moment:%Y%m%dT%H%M}")

    # On disk at once: a fresh reader (as after a kernel restart) sees the interview.
    saved = [iv for _, iv in frozen_lab.log.items() if iv.company == "Contoso Pharmaceuticals"]
    assert [(iv.role, iv.held_at, iv.interviewers, iv.decision_in_business_days) for iv in saved] == [
        ("Data Analyst", datetime(2026, 3, 6, 10, 0), ["Zoë Müller", "Raj Patel"], 3)
    ]
    # "Set the time to now" is the learner's wall clock in Berlin, not the UTC server's
    page.locator("button.fk-quick-now").first.click()
    when = page.locator(".fk-quick-when input").first
    expect(when).to_have_value(f"{frozen_lab.learner_now:%Y-%m-%dT%H:%M}", timeout=TIMEOUT)
    # the calendar settings saved beside the log show in the notebook's calendar section
    expect(page.locator(".fk-place-status").first).to_contain_text("Berlin", timeout=TIMEOUT)
    assert page.errors == []


def last_friday(today: date) -> date:
    return today - timedelta(days=(today.weekday() - 4) % 7 or 7)


@pytest.mark.browser
def test_plan_shows_the_call_day_and_its_source(page, frozen_lab):
    """Notebook 02 at a frozen moment: the call day the planner gives for the learner's calendar, in
    the kit's own wording, never on a weekend or one of Berlin's public holidays."""
    place = frozen_lab.place
    held = datetime.combine(last_friday(frozen_lab.learner_now.date()), time(10, 0))
    interview = Interview("Fabrikam Analytics", "Data Engineer", held, interviewers=["Dana Whitfield"],
                          contact="Dana Whitfield", decision_in_business_days=3)
    frozen_lab.log.add(interview)
    (call,) = [s for s in plan_followups(interview, now=frozen_lab.learner_now, **place.planner_options())
               if s.purpose == "status_check"]
    off = holidays.country_holidays("DE", subdiv="BE", years=[held.year, held.year + 1])
    assert call.due.weekday() < 5 and call.due.date() not in off
    open_notebook(page, frozen_lab.url, "notebooks/02_plan_your_follow_up.ipynb")
    run_all(page)
    assert error_outputs(page) == []

    expect(page.locator(".fk-place-notice").first).to_contain_text(place.calendar_words(), timeout=TIMEOUT)
    expect(page.locator(".fk-plan-banner").first).to_contain_text(
        f"as of {wording.when(frozen_lab.learner_now)}", timeout=TIMEOUT
    )
    picker = page.locator(".fk-plan-picker select").first
    options = [shown(t) for t in picker.locator("option").all_inner_texts()]
    wanted = "Fabrikam Analytics, Data Engineer"
    index = next((i for i, t in enumerate(options) if t.startswith(wanted)), None)
    assert index is not None, f"the new interview is not in the picker: {options}"
    picker.select_option(index=index)
    plan = page.locator(".fk-plan").first
    expect(plan).to_contain_text(wording.when(call.due), timeout=TIMEOUT)
    expect(plan).to_contain_text(f"{call.why.split(';')[0]}")
    expect(plan).to_contain_text("Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)")
    if call.is_open:
        expect(page.locator(".fk-nudge-queue").first).to_contain_text("Fabrikam Analytics")
    screenshot(page, f"flow-02-plan-{frozen_lab.moment:%Y%m%dT%H%M}")
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


@pytest.mark.browser
def test_notebook_00_suggests_the_browsers_zone_and_saves_england(browser, lab_url, workspace):
    """The browser (here in London) gives the zone, the view suggests the country; the learner picks
    England and saves; the settings land beside the log, and nowhere else."""
    context, page = new_page(browser, timezone_id="Europe/London")
    settings = workspace / "my_log" / SETTINGS_JSON
    try:
        open_notebook(page, lab_url, "notebooks/00_start_here.ipynb")
        run_all(page)
        assert error_outputs(page) == []
        expect(page.locator(".fk-browser-zone").first).to_contain_text("Europe/London", timeout=TIMEOUT)
        status = page.locator(".fk-place-status").first
        expect(status).to_contain_text("Suggested from your browser", timeout=TIMEOUT)
        picked = "s => s.options[s.selectedIndex].text"
        assert shown(page.locator(".fk-country select").first.evaluate(picked)) == "United Kingdom (GB)"
        assert shown(page.locator(".fk-timezone select").first.evaluate(picked)) == "Europe/London"
        regions = page.locator(".fk-subdivision select").first
        labels = [shown(t) for t in regions.locator("option").all_inner_texts()]
        regions.select_option(index=labels.index("England (ENG)"))
        page.locator("button.fk-place-save").first.click()
        expect(status).to_contain_text("skipping public holidays in England", timeout=TIMEOUT)
        assert InterviewLog(workspace / "my_log").place() == Place("GB", "ENG", "Europe/London")
        screenshot(page, "flow-00-calendar")
        assert page.errors == []
    finally:
        settings.unlink(missing_ok=True)
        context.close()


@pytest.mark.browser
def test_a_file_over_the_limit_is_refused_in_the_browser_and_the_next_small_one_imports(
    page, lab_url, workspace, tmp_path
):
    """Notebook 01's upload control: a 15 MB file is refused at once, before a byte goes to the
    kernel (the server would drop a message over 10 MiB); then a small export imports."""
    open_notebook(page, lab_url, "notebooks/01_log_your_interviews.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    control = page.locator(".fk-upload").first
    control.scroll_into_view_if_needed()
    expect(control.locator(".fk-upload-limit")).to_have_text("up to 10 MB", timeout=TIMEOUT)
    field = control.locator("input.fk-upload-input")
    assert field.get_attribute("aria-describedby")
    assert control.locator("label.fk-upload-label").inner_text() == "Choose a file (.zip, .csv, .xlsx)"

    big = tmp_path / "big-log.zip"
    big.write_bytes(b"PK" + b"\0" * 15_000_000)
    field.set_input_files(str(big))
    said = control.locator(".fk-upload-said")
    expect(said).to_contain_text("big-log.zip is 15 MB, more than a log can be (10 MB)", timeout=5_000)
    status = page.locator(".fk-upload-status").first
    expect(status).to_contain_text("big-log.zip is 15 MB", timeout=TIMEOUT)  # the kernel heard only that
    assert field.evaluate("input => input.files.length") == 0  # cleared after the attempt

    company = f"Upload check {tmp_path.name}"
    small_log = InterviewLog(tmp_path / "small")
    small_log.add(Interview(company, "Analyst", datetime(2026, 2, 2, 9, 0)))
    small = tmp_path / "small-log.zip"
    small.write_bytes(small_log.export_zip())
    field.set_input_files(str(small))
    expect(status).to_contain_text("Ready: small-log.zip", timeout=TIMEOUT)
    page.locator("button.fk-import").first.click()
    expect(status).to_contain_text("Added 1 interview and 0 follow-ups from 'small-log.zip'", timeout=TIMEOUT)
    expect(page.locator(".fk-table").first).to_contain_text(company, timeout=TIMEOUT)
    screenshot(page, "flow-01-upload-limit")
    assert page.errors == []
    learner = InterviewLog(workspace / "my_log")
    for iid, iv in learner.items():  # leave the shared learner log as it was for the other flows
        if iv.company == company:
            learner.remove(iid)


@pytest.mark.browser
def test_two_tabs_editing_one_interview_explain_the_conflict_and_lose_nothing(browser, lab_url, workspace):
    """Notebook 01 open in two tabs: both load one interview, both change its notes; the second save
    is refused with what changed there and what was typed here, until the learner overwrites."""
    learner = InterviewLog(workspace / "my_log")
    company = "Two Tabs Ltd"
    iid = learner.add(Interview(company, "Analyst", datetime(2030, 1, 7, 10, 0)))  # newest: on page 1
    label = learner.get(iid).label
    tabs = [new_page(browser, timezone_id="Europe/Berlin") for _ in range(2)]
    for _context, tab in tabs:
        tab.set_default_navigation_timeout(120_000)  # the second tab opens while the first one's kernel works
    try:
        for _context, tab in tabs:
            open_notebook(tab, lab_url, "notebooks/01_log_your_interviews.ipynb")
            run_all(tab)
            assert error_outputs(tab) == []
        for _context, tab in tabs:
            tab.locator(".fk-pick select").first.select_option(label=label)
            tab.locator("button.fk-edit").first.click()
            expect(tab.locator(".fk-form-mode").first).to_contain_text(f"Editing: {label}", timeout=TIMEOUT)
        (_a, tab_a), (_b, tab_b) = tabs
        type_into(tab_a, ".fk-notes", "typed in tab A")
        tab_a.locator("button.fk-save").first.click()
        expect(tab_a.locator(".fk-form-status").first).to_contain_text("Saved changes", timeout=TIMEOUT)
        type_into(tab_b, ".fk-notes", "typed in tab B")
        tab_b.locator("button.fk-save").first.click()
        status = tab_b.locator(".fk-form-status").first
        expect(status).to_contain_text("changed in another tab or notebook", timeout=TIMEOUT)
        box = tab_b.locator(".fk-conflict-box").first
        expect(box).to_contain_text("Notes: 'typed in tab A' there → 'typed in tab B' here", timeout=TIMEOUT)
        assert learner.get(iid).notes == "typed in tab A"  # nothing written over
        screenshot(tab_b, "flow-01-two-tabs-conflict")
        tab_b.locator("button.fk-conflict-overwrite").first.click()
        expect(status).to_contain_text("Saved changes", timeout=TIMEOUT)
        assert learner.get(iid).notes == "typed in tab B"  # the learner chose it
        for _context, tab in tabs:
            assert tab.errors == []
    finally:
        for context, _tab in tabs:
            context.close()
        learner.remove(iid)
