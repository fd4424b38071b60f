"""The dashboard view: filters change what is shown, bad filters get a message, charts carry alt text."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from followup_kit import charts, metrics, sample
from followup_kit.store import InterviewLog
from followup_kit.widgets.dashboard import CSS_CLASSES, STALE_NOTE, DashboardView, dashboard


@pytest.fixture(scope="module")
def frames():
    return sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)


@pytest.fixture
def view(frames):
    return DashboardView(*frames, source="the sample")


def test_it_opens_on_everything_with_five_charts_and_three_findings(view, frames):
    iv, fu = frames
    assert "Showing 72 of 72 interviews (all kinds" in view.status.value
    assert view.titles == [f.get_suptitle() for f in charts.dashboard_charts(iv, fu)]
    assert view.sentences == metrics.findings(iv, fu) and len(view.sentences) == 3
    assert view.findings.value.count("<li>") == 3
    for index, box in enumerate(view.chart_boxes):
        view.charts.selected_index = index  # each tab draws its chart when opened
        assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="[^"]{20,}"', box.value)


def test_date_range_filters_the_charts(view, frames):
    iv, fu = frames
    view.start.value = date(2026, 6, 1)
    view.end.value = date(2026, 8, 31)
    kept = iv[(iv["held_at"] >= "2026-06-01") & (iv["held_at"] < "2026-09-01")]
    assert f"Showing {len(kept)} of 72 interviews" in view.status.value
    assert "from Mon 1 Jun 2026 to Mon 31 Aug 2026" in view.status.value
    offers = int((kept["outcome"] == "offer").sum())
    assert view.titles[2].startswith(f"{offers} of your {len(kept)} interviews")


def test_kind_filter_changes_what_is_shown(view, frames):
    iv, _ = frames
    before = list(view.titles)
    view.kinds.value = ("phone",)
    phones = int((iv["kind"] == "phone").sum())
    assert f"Showing {phones} of 72 interviews (Phone," in view.status.value
    assert view.titles != before
    assert f"of your {phones} interviews" in view.titles[2]


def test_a_backwards_range_gets_a_message_and_keeps_the_charts(view):
    everything = [box.value for box in view.chart_boxes]
    view.start.value = date(2026, 9, 1)
    titles = list(view.titles)  # brings the charts in the other tabs up to date too
    shown = [box.value for box in view.chart_boxes]
    view.end.value = date(2026, 3, 1)
    assert "pick a &#x27;From&#x27; date on or before" in view.status.value
    assert view.status.value.startswith("<div role='alert'")
    assert "⚠ &#x27;From&#x27; (Tue 1 Sep 2026) is after" in view.status.value
    assert [box.value for box in view.chart_boxes] == shown and view.titles == titles
    view.reset()
    assert "Showing 72 of 72" in view.status.value
    assert view.start.value == date(2026, 1, 5) and view.end.value == date(2026, 10, 30)
    assert [box.value for box in view.chart_boxes][0] == everything[0]  # the chart in view at once
    assert view.titles == [f.get_suptitle() for f in charts.dashboard_charts(*view_frames(view))]


def test_no_kind_picked_gets_a_message(view):
    view.kinds.value = ()
    assert "Pick at least one interview kind" in view.status.value


def test_a_range_with_nothing_in_it_shows_friendly_empty_charts(view):
    view.start.value = date(2026, 1, 1)
    view.end.value = date(2026, 1, 2)
    assert "Showing 0 of 72" in view.status.value
    assert all(t.endswith("no data yet") for t in view.titles)
    # 72 are logged: the finding must say the filters hid them, not tell the learner to log a first one
    assert view.sentences == [
        "None of the 72 interviews is in this selection: widen the dates, pick more kinds, "
        "or press Show everything."
    ]
    assert "Show everything" in view.findings.value and "logged yet" not in view.findings.value
    view.reset_button.click()
    assert len(view.sentences) == 3 and "Showing 72 of 72" in view.status.value


def test_projector_switch_redraws_larger(view):
    small = len(view.chart_boxes[0].value)
    view.large.value = True
    assert len(view.chart_boxes[0].value) > small  # a bigger PNG


def test_every_control_has_a_visible_label(view):
    for control in (view.start, view.end, view.kinds, view.large):
        assert control.description and not control.description_allow_html
    assert view.reset_button.description == "Show everything"


def test_dashboard_says_when_it_falls_back_to_the_sample(tmp_path):
    empty = dashboard(InterviewLog(tmp_path / "mine"))
    assert "has no interviews yet, so this shows the synthetic sample" in empty.source.value
    assert "Showing 72 of 72" in empty.status.value
    log = InterviewLog(tmp_path / "mine")
    from datetime import datetime

    from followup_kit.records import Interview

    log.add(Interview("Contoso", "Analyst", datetime(2026, 3, 2, 10, 0)))
    own = dashboard(log)
    assert "Showing your own log (1 interview in" in own.source.value
    assert "Showing 1 of 1" in own.status.value


def test_key_widgets_carry_their_stable_css_classes(view):
    found: dict[str, list[str]] = {}
    stack = [view]
    while stack:
        widget = stack.pop()
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
        stack.extend(getattr(widget, "children", ()))
    single = {
        "fk-dashboard": "DashboardView", "fk-dashboard-source": "HTML", "fk-from": "DatePicker",
        "fk-to": "DatePicker", "fk-kinds": "SelectMultiple", "fk-large-text": "Checkbox",
        "fk-reset-filters": "Button", "fk-dashboard-status": "HTML", "fk-charts": "Tab",
        "fk-findings": "HTML",
    }  # fmt: skip
    for css, kind in single.items():
        assert found[css] == [kind], css
    assert found["fk-chart"] == ["HTML"] * len(charts.DASHBOARD_CHARTS)
    assert set(found) == set(CSS_CLASSES)
    assert "fk-from" in view.start._dom_classes and "fk-to" in view.end._dom_classes
    assert list(view.charts.children) == view.chart_boxes  # the charts sit in their container
    assert "role='status'" in view.status.value and "role='status'" in view.source.value


def test_summary_export_writes_an_anonymised_file_and_offers_it(tmp_path):
    import base64
    import re
    from datetime import datetime

    from followup_kit.records import FollowUp, Interview
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.dashboard import SummaryExport

    log = InterviewLog(tmp_path / "log")
    iid = log.add(Interview("Quillfeather Biotech", "Lab Analyst", datetime(2026, 3, 6, 10),
                            interviewers=["Ottoline Brackenbury"], contact="ottoline@quill.example"))
    log.record(FollowUp(iid, datetime(2026, 3, 6, 15), "email", "thank_you", "Ottoline Brackenbury"))
    view = SummaryExport(log, tmp_path / "exports")
    view.export_button.click()
    (written,) = (tmp_path / "exports").glob("*.json")  # beside it, its CSV twin for a spreadsheet
    assert written.with_suffix(".csv").is_file()
    assert "✓ Exported 1 interview as participant p-" in view.status.value
    link_bytes = base64.b64decode(re.search(r"base64,([^']+)'", view.link.value)[1])
    assert link_bytes == written.read_bytes()
    text = written.read_text().lower()
    assert not any(word in text for word in ("quillfeather", "ottoline", "brackenbury", "quill.example"))

    from followup_kit.widgets.dashboard import EXPORT_CSS_CLASSES

    classes = [c for w in (view.export_button, view.status, view.link) for c in w._dom_classes]
    assert sorted(classes) == sorted(EXPORT_CSS_CLASSES)
    view.export_button.click()  # the same session keeps its id: the file is replaced, not doubled
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [written.with_suffix(".csv").name,
                                                                        written.name]
    twin = written.with_suffix(".csv").read_text().lower()
    assert not any(word in twin for word in ("quillfeather", "ottoline", "brackenbury", "quill.example"))


def test_summary_export_explains_an_empty_or_damaged_log(tmp_path):
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.dashboard import SummaryExport

    empty = SummaryExport(InterviewLog(tmp_path / "empty"), tmp_path / "exports")
    empty.export_button.click()
    assert "no interviews yet" in empty.status.value and not (tmp_path / "exports").exists()

    damaged = tmp_path / "damaged"
    damaged.mkdir()
    (damaged / "interviews.csv").write_bytes(b"\x00\xff not a log")
    view = SummaryExport(InterviewLog(damaged), tmp_path / "exports")
    view.export_button.click()
    assert "role='alert'" in view.status.value and "Nothing was exported" in view.status.value


# -- speed: what is drawn again after a change, and when -----------------------------------


def alt_of(chart, view) -> str:
    """The alt text of ``chart`` for the view's selection, as it sits in the chart's HTML."""
    import html

    return html.escape(charts.alt_text(chart(*view_frames(view))), quote=True)


def view_frames(view):
    """The frames the view's filters select now."""
    return metrics.filter_frames(view.interviews, view.followups, start=view.start.value,
                                 end=view.end.value, kinds=tuple(view.kinds.value))


def test_a_change_that_keeps_the_same_interviews_draws_no_chart_again(frames):
    view = DashboardView(*frames, tabs=False)  # all five stacked, as on the projector: all five in view
    assert list(view.charts.children) == view.chart_boxes and "fk-charts" in view.charts._dom_classes
    drawn = view.drawn_charts
    view.start.value = view.first_day - timedelta(days=3)  # a new filter, the same interviews
    assert "Showing 72 of 72 interviews" in view.status.value
    assert view.drawn_charts == drawn and view.skipped_charts == len(charts.DASHBOARD_CHARTS)
    view.kinds.value = ("phone", "video")
    assert view.drawn_charts > drawn  # a real change draws
    assert view.renderer.reused >= 1  # ... on a remembered layout


def test_a_change_draws_the_chart_in_view_and_the_others_when_their_tab_opens(view, frames):
    iv, _ = frames
    assert view.drawn_charts == 1 and "<img" in view.chart_boxes[0].value
    assert all(box.value == STALE_NOTE for box in view.chart_boxes[1:])  # drawn when their tab opens
    assert view.charts.titles == ("Thank-you timing", "Replies", "Funnel", "Time to a reply", "Outcomes")
    view.charts.selected_index = 2
    assert view.drawn_charts == 2 and alt_of(charts.funnel_chart, view) in view.chart_boxes[2].value
    everything_funnel = view.chart_boxes[2].value
    view.kinds.value = ("phone",)
    assert view.drawn_charts == 3  # the funnel, in view; the other four are stale, not drawn
    assert alt_of(charts.funnel_chart, view) in view.chart_boxes[2].value
    assert alt_of(charts.funnel_chart, view) not in everything_funnel
    assert view.chart_boxes[0].value == STALE_NOTE  # not the picture of everything: a note until it opens
    view.charts.selected_index = 0
    assert view.drawn_charts == 4
    assert alt_of(charts.time_to_follow_up_chart, view) in view.chart_boxes[0].value
    view.charts.selected_index = 2  # drawn for this selection already: nothing to do
    assert view.drawn_charts == 4
    view.reset()  # back to everything: the funnel seen before comes back without a draw
    assert view.chart_boxes[2].value == everything_funnel and view.drawn_charts == 4
    assert view.titles == [f.get_suptitle() for f in charts.dashboard_charts(*frames)]
    assert view.drawn_charts == 7  # titles drew the three never drawn for everything


def test_a_chart_that_fails_when_its_tab_opens_gets_a_message(view, monkeypatch):
    from followup_kit.widgets import _common

    monkeypatch.setattr(_common, "STRICT", False)  # as for a learner: shown, not raised
    view.kinds.value = ("video",)
    monkeypatch.setattr(view.renderer, "html", lambda *a: 1 / 0)
    view.charts.selected_index = 3
    said = "The chart could not be drawn: Something unexpected went wrong (ZeroDivisionError: division by"
    assert said in view.status.value


def test_the_charts_are_drawn_from_one_computation_of_each_metric(frames, monkeypatch):
    calls = []
    original = metrics._hours_to_first_thank_you
    monkeypatch.setattr(metrics, "_hours_to_first_thank_you", lambda *a: calls.append(1) or original(*a))
    view = DashboardView(*frames)
    per_view = len(calls)
    with metrics.computed_once():
        for chart in charts.DASHBOARD_CHARTS:
            chart(*frames)
    assert per_view <= len(calls) - per_view + 3  # the findings prepare their own frames once
    calls.clear()
    for chart in charts.DASHBOARD_CHARTS:  # outside the block every chart computes again
        chart(*frames)
    assert len(calls) > 2
    assert view.titles == [f.get_suptitle() for f in charts.dashboard_charts(*frames)]


def test_rapid_clicks_from_the_browser_are_drawn_once_for_the_last(frames):
    """A click from the browser arrives through ``set_state`` (the property lock is held): the view
    waits ``debounce`` seconds for the next one and draws only the last selection."""
    import asyncio
    import threading

    iv, _ = frames
    view = DashboardView(*frames, debounce=0.05)
    drawn = view.drawn_charts
    before = view.status.value

    async def click_three_times() -> str:
        for index in [(0,), (1,), (0, 1)]:  # Phone, then Video, then Phone and Video
            view.kinds.set_state({"index": index})
        waiting = view.status.value
        await asyncio.sleep(0.5)
        return waiting

    # a thread of its own: in the full suite the browser tests' event loop may already run in this one
    result: list[str] = []
    worker = threading.Thread(target=lambda: result.append(asyncio.run(click_three_times())))
    worker.start()
    worker.join(timeout=60)
    (waiting,) = result
    assert waiting == before  # nothing drawn while the clicks come
    both = int(iv["kind"].isin(["phone", "video"]).sum())
    assert f"Showing {both} of 72 interviews (Phone, Video" in view.status.value
    assert view.drawn_charts - drawn <= len(charts.DASHBOARD_CHARTS)  # one selection drawn, not three
    view.kinds.value = ("phone",)  # set in Python: drawn at once
    assert "(Phone," in view.status.value
