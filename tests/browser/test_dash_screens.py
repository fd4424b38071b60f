"""What a learner sees at 1366×768: 02's queue of a 5-interview log in one screen, and 03's charts
answering a filter change and a tab opened after it (the time from the click to the new chart image is
printed, not asserted)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup_kit.records import Interview
from followup_kit.store import InterviewLog

from .conftest import ARTIFACTS, FROZEN_PLACE, LAB_COMMAND, make_workspace, new_page, screenshot, start
from .lab import error_outputs, open_notebook, run_all

TIMEOUT = 60_000
#: The learner's wall-clock "now" of the 5-interview log (Berlin), a Wednesday morning.
NOW = datetime(2026, 3, 11, 9, 0)


@pytest.fixture(scope="module")
def five_lab(tmp_path_factory) -> Iterator[tuple[str, InterviewLog]]:
    """JupyterLab on a log of five recent interviews, its clock frozen at ``NOW`` in Berlin."""
    root = make_workspace(tmp_path_factory.mktemp("five"))
    log = InterviewLog(root / "my_log")
    log.save_place(FROZEN_PLACE)
    companies = ["Northwind Traders", "Contoso Ltd", "Fabrikam Analytics", "Tailspin Toys", "Litware Inc"]
    for days, company in enumerate(companies, start=1):
        log.add(Interview(company, "Data Analyst", NOW - timedelta(days=days, hours=-1),
                          interviewers=["Dana Whitfield", "Raj Patel"], decision_in_business_days=5))
    for url in start(LAB_COMMAND, root, "jupyterlab-five", "/api/status", FOLLOWUP_KIT_NOW=NOW.isoformat()):
        yield url, log


ROWS_IN_VIEW = """() => {
  const rows = [...document.querySelectorAll('.fk-nudge-queue tr[class^="fk-row-"]')];
  return rows.map(r => { const b = r.getBoundingClientRect(); return [b.top, b.bottom]; });
}"""


@pytest.mark.browser
def test_every_open_step_of_five_interviews_fits_one_screen(browser, five_lab):
    url, _ = five_lab
    context, page = new_page(browser, timezone_id="Europe/Berlin")
    try:
        page.set_viewport_size({"width": 1366, "height": 768})
        open_notebook(page, url, "notebooks/02_plan_your_follow_up.ipynb")
        run_all(page)
        assert error_outputs(page) == []
        queue = page.locator(".fk-nudge-queue").first
        expect(queue).to_contain_text("Litware Inc", timeout=TIMEOUT)
        caption = page.locator(".fk-nudge-queue caption").first
        caption.evaluate("c => c.scrollIntoView({block: 'start'})")
        page.wait_for_timeout(500)
        rows = page.evaluate(ROWS_IN_VIEW)
        assert len(rows) >= 10, rows  # two thank-yous and a call for most of the five
        height = page.viewport_size["height"]
        outside = [i for i, (top, bottom) in enumerate(rows) if top < 0 or bottom > height]
        assert not outside, f"rows {outside} of {len(rows)} are off the 1366×768 screen: {rows}"
        assert page.locator(".fk-nudge-queue [style*='overflow:auto']").count() == 0  # no scroll box
        page.screenshot(path=str(screenshot_path("02-needs-a-nudge-1366x768")))
        # the why opens under its row, by keyboard
        summary = page.locator(".fk-queue-why summary").first
        summary.focus()
        page.keyboard.press("Enter")
        expect(page.locator(".fk-queue-why").first).to_contain_text("Source:", timeout=TIMEOUT)
        assert page.errors == []
    finally:
        context.close()


def screenshot_path(name: str) -> Path:
    """Where a screenshot of the visible screen only goes (``screenshot`` takes the whole page)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"


FIRST_CHART = "() => { const i = document.querySelector('.fk-dashboard .fk-chart img'); return i && i.src; }"


@pytest.mark.browser
def test_a_kind_change_redraws_the_dashboard(page, lab_url):
    page.set_viewport_size({"width": 1366, "height": 768})
    open_notebook(page, lab_url, "notebooks/03_your_dashboard.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    kinds = page.locator(".fk-kinds select").first
    kinds.scroll_into_view_if_needed()
    timings = []
    for picked in (["Phone"], ["Video", "In person"], ["Phone", "Video", "In person"]):
        before = page.evaluate(FIRST_CHART)
        start_at = time.perf_counter()
        kinds.select_option(label=picked)
        page.wait_for_function(f"() => ({FIRST_CHART})() !== {before!r}", timeout=TIMEOUT)
        timings.append(time.perf_counter() - start_at)
        status = page.locator(".fk-dashboard-status").first
        expect(status).to_contain_text("Showing", timeout=TIMEOUT)
    print(f"03 kind change to a new chart image in the browser: {', '.join(f'{t:.2f} s' for t in timings)}")
    screenshot(page, "03-after-kind-changes")
    # the other tabs were drawn for everything (the notebook's check asked for every title); after a kind
    # change their charts are stale (a note, never the chart of other filters), and opening a tab draws it
    kinds.select_option(label=["Video"])
    expect(page.locator(".fk-dashboard-status").first).to_contain_text("(Video,", timeout=TIMEOUT)
    funnel_box = page.locator(".fk-dashboard .fk-chart").nth(2)
    expect(funnel_box.locator(".fk-chart-stale")).to_have_count(1, timeout=TIMEOUT)
    start_at = time.perf_counter()
    page.locator(".fk-charts .lm-TabBar-tab", has_text="Funnel").first.click()
    funnel_box.locator("img").wait_for(timeout=TIMEOUT)
    opened = time.perf_counter() - start_at
    alt = funnel_box.locator("img").get_attribute("alt")
    assert alt.startswith("Funnel of interviews") and page.locator(".fk-charts img:visible").count() == 1
    print(f"03 a stale tab opened to its new chart image in the browser: {opened:.2f} s")
    screenshot(page, "03-funnel-tab-after-a-kind-change")
    assert page.errors == []
