"""The calendar settings view: suggests the browser's zone and country, saves only when asked."""

from __future__ import annotations

import pytest

from followup_kit.place import Place
from followup_kit.store import SETTINGS_JSON, InterviewLog
from followup_kit.widgets.place import CSS_CLASSES, BrowserZone, PlaceView


@pytest.fixture
def log(tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")  # a server in UTC, as on Binder
    return InterviewLog(tmp_path / "log")


def test_unset_says_which_calendar_the_plan_uses(log):
    view = PlaceView(log)
    assert "not set your country and time zone" in view.status.value
    assert view.country.value == "" and view.timezone.value == "UTC"
    assert not (log.path / SETTINGS_JSON).exists()


def test_browser_zone_suggests_zone_country_and_week_without_saving(log):
    view = PlaceView(log)
    view.browser.zone = "Europe/London"
    shown = (view.timezone.value, view.country.value, view.workweek.value)
    assert shown == ("Europe/London", "GB", "Mon–Fri")
    assert "Suggested from your browser" in view.status.value and "United Kingdom" in view.status.value
    assert "Parts of the United Kingdom" in view.hint.value  # regions differ: pick yours
    assert "England, Scotland, Wales" in view.hint.value
    assert log.place() == Place()  # nothing saved before the learner confirms
    view.subdivision.value = "ENG"
    assert view.hint.value == ""
    view.save_button.click()
    assert log.place() == Place("GB", "ENG", "Europe/London")
    assert "✓ Saved" in view.status.value and "England" in view.status.value


def test_a_saved_choice_wins_over_the_browser(log):
    log.save_place(Place("US", "NY", "America/New_York"))
    view = PlaceView(log)
    shown = (view.country.value, view.subdivision.value, view.timezone.value)
    assert shown == ("US", "NY", "America/New_York")
    view.browser.zone = "Asia/Tokyo"  # e.g. a learner travelling: keep what they saved
    assert view.timezone.value == "America/New_York"


def test_changing_country_resets_region_and_week(log):
    view = PlaceView(log)
    view.country.value = "IL"
    assert view.workweek.value == "Sun–Thu" and view.subdivision.options[0][1] == ""
    view.country.value = "DE"
    assert view.workweek.value == "Mon–Fri" and ("Bayern (BY)", "BY") in view.subdivision.options


def test_a_bad_settings_file_is_named_and_can_be_saved_over(log):
    log.path.mkdir(parents=True)
    (log.path / SETTINGS_JSON).write_text("{broken")
    view = PlaceView(log)
    assert "settings.json" in view.status.value and "fk-status-error" in view.status.value
    view.country.value = "FR"
    view.save()
    assert log.place().country == "FR"


def test_read_only_log_refuses_with_a_message():
    from followup_kit.store import open_sample_log

    view = PlaceView(open_sample_log())
    view.country.value = "GB"
    view.save()
    assert "Nothing was saved" in view.status.value


def test_css_hooks_and_labels(log):
    view = PlaceView(log)
    for css in ("fk-country", "fk-subdivision", "fk-timezone", "fk-workweek", "fk-place-save"):
        assert css in CSS_CLASSES
    assert [w.description for w in (view.country, view.subdivision, view.timezone, view.workweek)] == [
        "Country", "Region", "Time zone", "Working week"]
    assert isinstance(view.browser, BrowserZone) and "Intl.DateTimeFormat" in BrowserZone._esm
