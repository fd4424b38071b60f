"""The coach's cohort view reads the hand-in folder live, takes uploads, and never shows a traceback."""

from __future__ import annotations

import warnings
from datetime import UTC, datetime

from followup_kit import cohort, sample
from followup_kit.widgets.cohort import CohortView

WHEN = datetime(2026, 1, 5, tzinfo=UTC)


def _item(name, data):
    """One FileUpload value entry, as the browser sends it."""
    return {"name": name, "type": "application/json", "last_modified": WHEN, "size": len(data),
            "content": memoryview(data)}


def _hand_in(folder, seed, n=6):
    return cohort.export_summary(sample.generate(n, seed=seed), folder)


def test_refresh_picks_up_new_hand_ins(tmp_path):
    handin = tmp_path / "handin"
    _hand_in(handin, 1)
    view = CohortView(handin)
    assert len(view.group) == 1 and "1 participant:" in view.status.value
    assert len(view.charts.children) == len(view.titles) == 6
    _hand_in(handin, 2)
    assert len(view.group) == 1  # nothing is read until Refresh
    view.refresh_button.click()
    assert len(view.group) == 2 and "2 participants:" in view.status.value
    assert view.table.value.count("<tr>") == 3  # heading + two participants
    assert all(any(ch.isdigit() for ch in title) for title in view.titles)


def test_the_hand_in_folder_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_KIT_HANDIN", str(tmp_path))
    _hand_in(tmp_path, 4)
    view = CohortView()
    assert view.folder.value == str(tmp_path) and len(view.group) == 1


def test_uploaded_summaries_join_the_folder_and_bad_files_are_listed(tmp_path):
    other = _hand_in(tmp_path / "mailed", 3)
    view = CohortView(tmp_path / "handin")
    assert "does not exist yet" in view.problems.value and len(view.group) == 0
    view.upload.value = (_item(other.name, other.read_bytes()), _item("notes.json", b"{}"))
    assert len(view.group) == 1 and "1 uploaded" not in view.status.value
    assert "2 uploaded files" in view.status.value
    assert "Skipped notes.json (uploaded): it is not a followup-kit cohort summary." in view.problems.value


def test_without_a_folder_it_says_what_to_do_and_the_demo_shows_three(monkeypatch):
    monkeypatch.delenv("FOLLOWUP_KIT_HANDIN", raising=False)
    view = CohortView()
    assert view.group is None and "Show a demo cohort" in view.status.value
    view.demo_button.click()
    assert len(view.group) == 3 and not view.group.problems


def test_a_failure_while_loading_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    view = CohortView(tmp_path)

    def broken(*_args):
        raise PermissionError("[Errno 13] Permission denied: 'handin'")

    monkeypatch.setattr(cohort, "load_summaries", broken)
    view.refresh_button.click()
    assert "could not be shown: [Errno 13] Permission denied" in view.status.value


def test_large_redraws_smaller_charts(tmp_path):
    _hand_in(tmp_path, 5)
    view = CohortView(tmp_path, large=True)
    big = len(view.chart_boxes[0].value)
    view.set_large(False)
    assert len(view.chart_boxes[0].value) < big


def test_load_summaries_counts_a_participant_once(tmp_path):
    path = _hand_in(tmp_path, 6)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # load_summaries never warns
        group = cohort.load_summaries(tmp_path, [("again.json", path.read_bytes())])
    assert len(group) == 1 and "repeats participant" in group.problems[0]


def test_own_participant_id_is_kept_beside_the_log(tmp_path):
    first = cohort.own_participant_id(tmp_path)
    assert cohort.own_participant_id(tmp_path) == first
    (tmp_path / cohort.PARTICIPANT_FILE).write_text("Alice\n")
    assert cohort.PARTICIPANT_ID.fullmatch(cohort.own_participant_id(tmp_path))


def test_the_hand_in_button_writes_a_readable_file_the_view_counts(tmp_path, monkeypatch):
    import stat

    from followup_kit.store import InterviewLog
    from followup_kit.widgets.dashboard import SummaryExport

    handin = tmp_path / "handin"
    handin.mkdir()
    monkeypatch.setenv("FOLLOWUP_KIT_HANDIN", str(handin))
    log = InterviewLog(tmp_path / "log")
    interviews, followups = sample.generate(4, seed=7)
    from followup_kit.planner import followup_from_row, interview_from_row

    ids = {row["id"]: log.add(interview_from_row(row)) for _, row in interviews.iterrows()}
    for _, row in followups.iterrows():
        log.record(followup_from_row(row.to_dict() | {"interview_id": ids[row["interview_id"]]}))
    view = SummaryExport(log)
    assert view.export_button.description == "Hand in my anonymised summary"
    view.export_button.click()
    view.export_button.click()  # again: replaces, not a second participant
    files = list(handin.glob("cohort-summary-*.json"))
    assert len(files) == 1 and "hand-in folder has it now" in view.status.value
    assert stat.S_IMODE(files[0].stat().st_mode) & 0o044 == 0o044  # the coach's account can read it
    assert SummaryExport(log).export_button.description == "Hand in my anonymised summary"
    coach = CohortView(handin)
    assert len(coach.group) == 1 and coach.group.participants[0] in files[0].name


def test_without_a_hand_in_folder_the_button_offers_a_download(tmp_path, monkeypatch):
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.dashboard import SummaryExport

    monkeypatch.delenv("FOLLOWUP_KIT_HANDIN", raising=False)
    monkeypatch.setenv("FOLLOWUP_KIT_LOG", str(tmp_path / "log"))
    log = InterviewLog(tmp_path / "log")
    log.add(interview_from_sample())
    view = SummaryExport(log)
    assert view.export_button.description == "Export my anonymised summary"
    view.export_button.click()
    assert "download='cohort-summary-p-" in view.link.value
    assert "send it to your coach" in view.status.value


def interview_from_sample():
    from followup_kit.planner import interview_from_row

    interviews, _ = sample.generate(1, seed=8)
    return interview_from_row(interviews.iloc[0])


def test_a_missing_hand_in_folder_falls_back_to_a_download(tmp_path, monkeypatch):
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.dashboard import SummaryExport

    monkeypatch.setenv("FOLLOWUP_KIT_HANDIN", str(tmp_path / "not-made-by-the-coach"))
    monkeypatch.setenv("FOLLOWUP_KIT_LOG", str(tmp_path / "log"))
    log = InterviewLog(tmp_path / "log")
    log.add(interview_from_sample())
    view = SummaryExport(log)
    view.export_button.click()
    assert not (tmp_path / "not-made-by-the-coach").exists()  # never made where nobody reads it
    assert "could not take it" in view.status.value and "download it below" in view.status.value
    assert "download='cohort-summary-p-" in view.link.value
    assert list((tmp_path / "log" / "exports").glob("cohort-summary-*.json"))


def test_only_the_open_tab_is_drawn_and_a_tab_is_drawn_when_opened(tmp_path, monkeypatch):
    """A page load draws one chart, not six: the others are drawn when their tab opens, each once."""
    from followup_kit.widgets import _common
    from followup_kit.widgets.cohort import COHORT_TABS, STALE_NOTE

    for seed in (1, 2):
        _hand_in(tmp_path, seed, n=12)
    view = CohortView(tmp_path)
    assert view.drawn_charts == 1 and view.charts.titles == COHORT_TABS
    assert "<img" in view.chart_boxes[0].value
    assert all(box.value == STALE_NOTE for box in view.chart_boxes[1:])
    view.charts.selected_index = 3
    assert view.drawn_charts == 2 and "Funnel of interviews" in view.chart_boxes[3].value
    view.charts.selected_index = 0  # drawn already
    assert view.drawn_charts == 2
    group = cohort.load_cohort(tmp_path)
    assert view.titles == [fig.get_suptitle() for fig in cohort.cohort_charts(group, large=True)]
    assert view.drawn_charts == 6 and not any(box.value == STALE_NOTE for box in view.chart_boxes)
    view.refresh_button.click()  # nothing new handed in: nothing drawn again
    assert view.drawn_charts == 6
    _hand_in(tmp_path, 3, n=12)
    view.refresh_button.click()  # new summaries: the open tab at once, the others stale again
    assert view.drawn_charts == 7 and view.chart_boxes[1].value == STALE_NOTE

    monkeypatch.setattr(_common, "STRICT", False)  # as for a coach: shown, not raised
    monkeypatch.setattr(view.renderer, "html", lambda *a: 1 / 0)
    view.charts.selected_index = 2
    said = "The chart could not be drawn: Something unexpected went wrong (ZeroDivisionError"
    assert said in view.status.value
    assert view.chart_boxes[2].value == STALE_NOTE
