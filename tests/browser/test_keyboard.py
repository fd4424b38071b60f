"""Notebook 01's form with the keyboard only, at 1366x768: Tab, typing, Enter and Space, no mouse.

A learner who does not use a mouse tabs from Company through every field to Save, is told what is
missing with the field marked for a screen reader (``aria-invalid="true"``), fixes it and saves;
*Edit in the form* brings the keyboard focus back to Company; the When picker shows its calendar icon.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from followup_kit.store import InterviewLog

from .conftest import ARTIFACTS, new_page, screenshot
from .lab import error_outputs, open_notebook, run_all

TIMEOUT = 30_000
#: How many Tab presses may separate two fields before the test gives up (the form has about 30 stops).
MAX_TABS = 80

#: The CSS hook of the field (or button) that has the keyboard focus, or "" outside the kit's widgets.
FOCUSED = """() => {
  const active = document.activeElement;
  if (!active) return "";
  const box = active.closest('[class*="fk-"]');
  if (!box) return "";
  const hooks = [...box.classList].filter(c => c.startsWith('fk-'));
  return hooks.length ? hooks[0] : "";
}"""

IN_VIEW = """() => {
  const r = document.activeElement.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;
}"""


def tab_to(page, hook: str, *, back: bool = False) -> None:
    """Press Tab (Shift+Tab when ``back``) until the element of class ``hook`` has the focus."""
    key = "Shift+Tab" if back else "Tab"
    seen = []
    for _ in range(MAX_TABS):
        if page.evaluate(FOCUSED) == hook:
            return
        page.keyboard.press(key)
        seen.append(page.evaluate(FOCUSED))
    raise AssertionError(f"{hook} never got the focus with {key}; focus went through {seen}")


def tab_through_form(page, values: dict[str, str], last: str = "fk-save") -> list[str]:
    """Tab from the focused field to ``last``, typing ``values[hook]`` into each field once."""
    typed = []
    for _ in range(MAX_TABS):
        hook = page.evaluate(FOCUSED)
        if hook == last:
            return typed
        if hook in values and hook not in typed:
            page.keyboard.type(values[hook])
            typed.append(hook)
        page.keyboard.press("Tab")
    raise AssertionError(f"{last} never got the focus; typed into {typed}")


def aria_invalid(page, hook: str) -> str | None:
    return page.locator(f".fk-form .{hook} input, .fk-form .{hook} textarea").first.get_attribute(
        "aria-invalid")


@pytest.mark.browser
def test_the_form_works_from_the_keyboard_alone(browser, lab_url, workspace):
    context, page = new_page(browser, timezone_id="Europe/Berlin")
    page.set_viewport_size({"width": 1366, "height": 768})
    company = "Keyboard Only Ltd"
    learner = InterviewLog(workspace / "my_log")
    try:
        open_notebook(page, lab_url, "notebooks/01_log_your_interviews.ipynb")
        run_all(page)
        assert error_outputs(page) == []
        status = page.locator(".fk-form-status").first

        # The When field's calendar icon is inside its box at 1366x768.
        when = page.locator(".fk-quick-when input").first
        when.scroll_into_view_if_needed()
        box = when.bounding_box()
        # the field is wide enough for "11/30/2026, 12:50 AM" and the icon (17em of the widgets' 13 px)
        assert box is not None and box["width"] >= 215, box
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "keyboard-01-when.png"),
                        clip={"x": max(box["x"] - 250, 0), "y": box["y"] - 10, "width": box["width"] + 300,
                              "height": box["height"] + 20})

        # Into the form by the keyboard: the first field, then Tab through every field to Save.
        page.locator(".fk-form .fk-company input").first.focus()
        # Chromium's date and time fields take the month first and AM/PM here (the tests' en-US locale)
        values = {"fk-role": "Data Analyst", "fk-held-date": "03062026", "fk-held-time": "1000A",
                  "fk-interviewers": "Dana Whitfield, Raj Patel", "fk-decision-days": "3"}
        typed = tab_through_form(page, values)
        assert set(typed) == set(values), typed
        page.keyboard.press("Enter")
        expect(status).to_contain_text("Company is required.", timeout=TIMEOUT)
        expect(status).to_contain_text("Nothing was saved")
        expect(page.locator(".fk-form .fk-company input").first).to_have_attribute(
            "aria-invalid", "true", timeout=TIMEOUT)
        assert aria_invalid(page, "fk-role") is None
        screenshot(page, "keyboard-01-refused")

        tab_to(page, "fk-company", back=True)
        page.keyboard.type(company)
        tab_through_form(page, {})
        page.keyboard.press("Space")
        expect(status).to_contain_text(f"Saved: {company}, Data Analyst, Fri 6 Mar", timeout=TIMEOUT)
        expect(page.locator(".fk-table").first).to_contain_text(company, timeout=TIMEOUT)
        expect(page.locator(".fk-form .fk-company input").first).not_to_have_attribute(
            "aria-invalid", "true", timeout=TIMEOUT)
        saved = [iv for _, iv in learner.items() if iv.company == company]
        assert [(iv.role, iv.held_at.isoformat(), iv.interviewers, iv.decision_in_business_days)
                for iv in saved] == [("Data Analyst", "2026-03-06T10:00:00", ["Dana Whitfield", "Raj Patel"],
                                      3)]

        # Edit in the form (the new interview is the one picked) brings the focus back to Company.
        tab_to(page, "fk-edit")
        page.keyboard.press("Enter")
        expect(page.locator(".fk-form-mode").first).to_contain_text(f"Editing: {company}", timeout=TIMEOUT)
        page.wait_for_function(
            "() => document.activeElement && document.activeElement.closest('.fk-company')", timeout=TIMEOUT)
        assert page.evaluate(IN_VIEW)
        screenshot(page, "keyboard-01-edit-focus")
        assert page.errors == []
    finally:
        context.close()
        for iid, iv in learner.items():  # leave the shared learner log as it was for the other flows
            if iv.company == company:
                learner.remove(iid)
