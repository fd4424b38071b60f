"""The projector page: one view at a time, its own Large text switch, no learner buttons."""

from __future__ import annotations

from followup_kit import cohort, sample
from followup_kit.widgets.projector import BODY_PX, LARGE_PX, ProjectorView, _style


def test_one_view_at_a_time_and_large_text_switches_a_class(tmp_path):
    cohort.write_demo_summaries(tmp_path, seeds=(1,))
    page = ProjectorView(tmp_path, sample.generate(12, seed=2))
    assert page.body.children == (page.cohort,) and len(page.cohort.group) == 1
    assert page._dashboard is None  # nothing drawn for the dashboard until it is shown
    page.show.value = "Dashboard"
    assert len(page.cohort.titles) == 6 and len(page.dashboard.titles) == 5
    assert page.dashboard.drawn_charts == 5 and not page.dashboard.tabs  # stacked: all five in view
    assert page.body.children == (page.dashboard,)
    assert page.dashboard.large.value and page.dashboard.large.layout.display == "none"
    assert page.body_px == BODY_PX
    page.large.value = True
    assert "fk-projector-xl" in page._dom_classes and page.body_px == LARGE_PX
    page.large.value = False
    assert "fk-projector-xl" not in page._dom_classes


def test_no_learner_button_and_no_file_path_on_the_page(tmp_path):
    page = ProjectorView(tmp_path / "empty")
    texts = [w.description for w in _all(page) if hasattr(w, "description")]
    assert not any("Export" in t or "Hand in" in t for t in texts), texts
    source = page.dashboard.source.value
    assert "synthetic sample" in source and "data/" not in source and "my_log" not in source
    assert any("sample's" in title for title in page.dashboard.titles), page.dashboard.titles


def test_a_dashboard_that_cannot_be_read_gets_a_message(tmp_path, monkeypatch):
    from followup_kit.widgets import projector

    page = ProjectorView(tmp_path / "empty")

    def unreadable(_log_or_frames):
        raise OSError("sample folder missing")

    monkeypatch.setattr(projector, "_dashboard_data", unreadable)
    page.show.value = "Dashboard"
    (message,) = page.body.children
    assert "The dashboard could not be shown: sample folder missing" in message.value
    page.show.value = "Cohort"
    assert page.body.children == (page.cohort,)

def test_the_style_sets_body_text_at_both_sizes():
    css = _style(20, 28)
    assert ".fk-projector{font-size:20px" in css and ".fk-projector.fk-projector-xl{font-size:28px" in css
    assert "--jp-widgets-font-size:20px" in css


def _all(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _all(child)


def test_the_demo_cohort_of_the_coach_pages_is_anonymous_and_titled_with_numbers(monkeypatch):
    """What notebooks 90 and 91 checked in a cell of their own (the coach pages now run no check at load):
    the demo loads three participants, six titles state numbers, no column could hold personal data."""
    from followup_kit.widgets.cohort import CohortView

    monkeypatch.delenv("FOLLOWUP_KIT_HANDIN", raising=False)
    view = CohortView()
    view.demo_button.click()
    group = view.group
    assert len(group) == 3 and not group.problems, group.summary
    assert len(view.titles) == 6 and all(any(ch.isdigit() for ch in t) for t in view.titles), view.titles
    assert set(group.interviews.columns) <= {"id", "participant", "held_at", "kind", "outcome", "previous_id"}
    assert set(group.followups.columns) <= {
        "id", "interview_id", "participant", "at", "channel", "purpose", "response_at",
    }
