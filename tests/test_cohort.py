"""Cohort summaries keep no personal data, load back into the same numbers, and survive foreign files."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from followup_kit import charts, cohort, metrics, sample
from followup_kit.records import FollowUp, Interview, ValidationError
from followup_kit.store import InterviewLog

HELD = datetime(2026, 3, 6, 10, 0)

# Everything personal in the log below; none of it may reach the summary.
PERSONAL = [
    "Zebulon Quartzworks", "Quillby & Daughters Ltd", "Chief Llama Whisperer", "Senior Yak Herder",
    "Xanthippe Marblethwaite", "Horatio Fennimore-Kettle", "Ignatius Pumpernickel", "+44 7700 900123",
    "ignatius@quartzworks.example", "Philippa Gorgonzola", "Velvet Staffing", "the Snorkel migration",
    "pineapple budget", "Met at Cafe Umlaut", "Bartholomew Crumpet", "mentioned my 555-0199 number",
    "walrus", "2026", "03-06",
]  # fmt: skip
WORDS = {w for phrase in PERSONAL for w in re.findall(r"[A-Za-z]{4,}|\d{3,}", phrase)} - {"number"}


@pytest.fixture
def personal_log(tmp_path):
    log = InterviewLog(tmp_path / "log")
    first = log.add(Interview(
        "Zebulon Quartzworks", "Chief Llama Whisperer", HELD, kind="video",
        interviewers=["Xanthippe Marblethwaite", "Horatio Fennimore-Kettle"],
        contact="Ignatius Pumpernickel, +44 7700 900123, ignatius@quartzworks.example",
        decision_by=date(2026, 3, 13), agency_contact="Philippa Gorgonzola (Velvet Staffing)",
        talking_points=["the Snorkel migration", "pineapple budget"], outcome="offer",
        notes="Met at Cafe Umlaut; the walrus mug",
    ))  # fmt: skip
    second = log.add(Interview(
        "Zebulon Quartzworks", "Senior Yak Herder", HELD + timedelta(days=20), kind="phone",
        contact="ignatius@quartzworks.example",
    ))  # fmt: skip
    third = log.add(Interview("Quillby & Daughters Ltd", "Chief Llama Whisperer", HELD + timedelta(days=3)))
    log.record(FollowUp(first, HELD + timedelta(hours=3), "email", "thank_you", "Xanthippe Marblethwaite",
                        response_at=HELD + timedelta(hours=5, minutes=30), notes="the Snorkel migration"))
    log.record(FollowUp(first, HELD + timedelta(hours=30), "card", "thank_you", "Horatio Fennimore-Kettle"))
    log.record(FollowUp(first, HELD + timedelta(days=7), "call", "status_check", "Philippa Gorgonzola",
                        response_at=HELD + timedelta(days=7, minutes=4),
                        notes="mentioned my 555-0199 number"))
    log.record(FollowUp(second, HELD + timedelta(days=22), "voicemail", "status_check",
                        "Bartholomew Crumpet"))  # fmt: skip
    log.record(FollowUp(third, HELD + timedelta(days=3, hours=40), "linkedin", "thank_you",
                        "Bartholomew Crumpet"))  # fmt: skip
    return log


def test_the_export_holds_no_name_company_contact_or_note(personal_log, tmp_path):
    # a fixed id without digits: a random one holds "555" (a phone number's part, looked for below) one
    # time in about 600 (CI saw "p-56615553")
    path = cohort.export_summary(personal_log, tmp_path / "out", participant_id="p-abcdefab")
    raw = path.read_bytes().lower()
    for text in PERSONAL:
        assert text.lower().encode() not in raw, f"{text!r} leaked into the summary"
    for word in WORDS:
        assert word.lower().encode() not in raw, f"{word!r} leaked into the summary"
    iv_ids = personal_log.interviews()["id"].tolist() + personal_log.followups()["id"].tolist()
    for row_id in iv_ids:
        assert row_id.encode() not in raw
    # the summary and its spreadsheet twin, no leftovers
    assert sorted(p.name for p in path.parent.iterdir()) == [path.with_suffix(".csv").name, path.name]
    content = json.loads(raw)
    assert set(content) == {"format", "version", "participant", "interviews", "follow_ups"}
    assert {k for row in content["interviews"] for k in row} == {"interview", "kind", "outcome"}
    assert {k for row in content["follow_ups"] for k in row} == {
        "interview", "channel", "purpose", "hours_after_interview", "hours_to_response",
    }  # fmt: skip


def test_the_participant_id_is_random_and_never_a_name(personal_log, tmp_path):
    out = tmp_path / "exports"
    a = cohort.export_summary(personal_log, out)
    b = cohort.export_summary(personal_log, out)
    assert a != b and re.fullmatch(r"cohort-summary-p-[0-9a-f]{8}\.json", a.name)
    with pytest.raises(ValidationError, match="participant_id: expected a random id"):
        cohort.export_summary(personal_log, tmp_path / "named", participant_id="Ignatius")
    assert not (tmp_path / "named").exists()
    again = cohort.export_summary(personal_log, out, participant_id=a.name[15:-5])
    assert again == a and len(list(out.glob("*.json"))) == 2  # reusing your id replaces your file


def test_a_loaded_summary_gives_the_same_numbers_as_the_log(tmp_path):
    iv, fu = sample.generate(60, seed=21)
    cohort.export_summary((iv, fu), tmp_path, participant_id="p-0000abcd")
    loaded = cohort.load_cohort(tmp_path)
    assert loaded.participants == ["p-0000abcd"] and loaded.problems == []
    for by in ("channel", "purpose", "kind", "timing"):
        pd.testing.assert_frame_equal(metrics.response_rates(*(loaded.interviews, loaded.followups), by),
                                      metrics.response_rates(iv, fu, by))  # fmt: skip
    pd.testing.assert_frame_equal(metrics.funnel(loaded.interviews, loaded.followups), metrics.funnel(iv, fu))
    pd.testing.assert_frame_equal(metrics.outcome_mix(loaded.interviews), metrics.outcome_mix(iv))
    theirs = metrics.time_to_follow_up(loaded.interviews, loaded.followups)["hours"].sort_values()
    mine = metrics.time_to_follow_up(iv, fu)["hours"].sort_values()
    assert theirs.to_numpy() == pytest.approx(mine.to_numpy(), abs=0.051, nan_ok=True)


def test_cohort_table_by_participant(tmp_path):
    paths = cohort.write_demo_summaries(tmp_path, seeds=(1, 2, 3))
    loaded = cohort.load_cohort(tmp_path)
    table = cohort.cohort_table(loaded).set_index("participant")
    assert list(table.index) == sorted(p.name[15:-5] for p in paths)
    for path in paths:
        content = json.loads(path.read_text())
        row = table.loc[content["participant"]]
        assert row["interviews"] == len(content["interviews"])
        assert row["follow_ups"] == len(content["follow_ups"])
        assert row["offers"] == sum(r["outcome"] == "offer" for r in content["interviews"])
        answered = [r for r in content["follow_ups"] if r["hours_to_response"] is not None]
        assert row["replied"] == pytest.approx(len(answered) / len(content["follow_ups"]))
    assert 0 < table["within_24h"].min() <= table["within_24h"].max() <= 1


def test_demo_summaries_are_the_same_every_time(tmp_path):
    first = [p.read_bytes() for p in cohort.write_demo_summaries(tmp_path / "a")]
    second = [p.read_bytes() for p in cohort.write_demo_summaries(tmp_path / "b")]
    assert first == second


def test_foreign_and_damaged_files_are_skipped_with_a_warning_naming_them(tmp_path):
    good = cohort.write_demo_summaries(tmp_path, seeds=(4,))[0]
    content = json.loads(good.read_text())
    (tmp_path / "notes.txt").write_text("shopping list")
    (tmp_path / "other.json").write_text('{"hello": "world"}')
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe\x00garbage")
    bad_channel = dict(content, participant="p-00000001",
                       follow_ups=[dict(content["follow_ups"][0], channel="pigeon")])  # fmt: skip
    (tmp_path / "bad_channel.json").write_text(json.dumps(bad_channel))
    (tmp_path / "copy.json").write_text(good.read_text())
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / ".ipynb_checkpoints").mkdir()
    with pytest.warns(UserWarning) as caught:
        loaded = cohort.load_cohort(tmp_path)
    message = " ".join(str(w.message) for w in caught)
    assert loaded.participants == [content["participant"]]
    for name in ("notes.txt", "other.json", "binary.json", "bad_channel.json", "copy.json"):
        assert f"Skipped {name}:" in message
    assert ".DS_Store" not in message and "ipynb_checkpoints" not in message
    assert "follow-up channel 'pigeon' is unknown" in message
    assert f"repeats participant {content['participant']}" in message
    assert len(loaded.problems) == 5


def test_a_missing_folder_is_an_empty_cohort_with_a_message(tmp_path):
    with pytest.warns(UserWarning, match="does not exist yet"):
        loaded = cohort.load_cohort(tmp_path / "nowhere")
    assert len(loaded) == 0 and loaded.interviews.empty
    assert loaded.summary == "0 participants: 0 interviews and 0 follow-ups."  # no file was skipped
    assert "<p>Note:</p><ul><li>The folder" in loaded._repr_html_()
    figures = cohort.cohort_charts(loaded)
    assert len(figures) == 6 and all(f.get_suptitle().endswith("no data yet") for f in figures)


def test_cohort_charts_state_cohort_findings(tmp_path):
    cohort.write_demo_summaries(tmp_path)
    loaded = cohort.load_cohort(tmp_path)
    figures = cohort.cohort_charts(loaded)
    table = cohort.cohort_table(loaded)
    low, high = table["within_24h"].min(), table["within_24h"].max()
    assert figures[0].get_suptitle() == (
        f"Thank-yous within 24 h ranged from {low:.0%} to {high:.0%} across 3 participants"
    )
    assert all("the cohort's" in f.get_suptitle().lower() for f in figures[1:])
    assert not any("your" in f.get_suptitle().lower() for f in figures)
    assert "seed 000" in charts.alt_text(figures[0])


def test_export_takes_a_log_folder_and_refuses_other_things(personal_log, tmp_path):
    path = cohort.export_summary(str(personal_log.path), tmp_path / "out")
    assert len(json.loads(path.read_text())["interviews"]) == 3
    with pytest.raises(TypeError, match="expected an InterviewLog, a log folder"):
        cohort.export_summary(42, tmp_path / "out")


def test_a_cohort_says_what_it_holds_and_what_it_skipped(tmp_path):
    cohort.write_demo_summaries(tmp_path, seeds=(1, 2))
    (tmp_path / "notes.txt").write_text("<b>not a summary</b>")
    with pytest.warns(UserWarning):
        loaded = cohort.load_cohort(tmp_path)
    assert loaded.summary == (
        f"2 participants: {len(loaded.interviews)} interviews and {len(loaded.followups)} follow-ups. "
        "1 file skipped."
    )
    page = loaded._repr_html_()
    assert "<li>Skipped notes.txt: it is not valid JSON" in page and "<b>" not in page
    table = cohort.readable_table(loaded)
    assert list(table.index) == loaded.participants
    assert table["Thanked within 24 h"].str.fullmatch(r"\d+%").all()


def test_a_huge_file_is_skipped_without_being_read(tmp_path, monkeypatch):
    cohort.write_demo_summaries(tmp_path, seeds=(4,))
    with open(tmp_path / "huge.json", "wb") as handle:
        handle.truncate(cohort.MAX_BYTES + 1)  # sparse: no disk or memory used
    read = []
    real = cohort.Path.read_bytes
    monkeypatch.setattr(cohort.Path, "read_bytes", lambda self: read.append(self.name) or real(self))
    with pytest.warns(UserWarning, match="Skipped huge.json: it is 20 MB, too large"):
        loaded = cohort.load_cohort(tmp_path)
    assert len(loaded) == 1 and "huge.json" not in read


@pytest.mark.parametrize("hours", [1e300, cohort.MAX_HOURS + 1, -1, float("nan")])
def test_an_impossible_number_of_hours_skips_that_file_only(tmp_path, hours):
    good = cohort.write_demo_summaries(tmp_path, seeds=(4,))[0]
    content = json.loads(good.read_text())
    odd = dict(content, participant="p-00000001",
               follow_ups=[dict(content["follow_ups"][0], hours_after_interview=hours)])  # fmt: skip
    (tmp_path / "odd.json").write_text(json.dumps(odd))
    with pytest.warns(UserWarning, match="Skipped odd.json: hours_after_interview should be a number"):
        loaded = cohort.load_cohort(tmp_path)
    assert loaded.participants == [content["participant"]] and len(loaded.followups) > 0


def test_the_summary_has_a_spreadsheet_twin_the_coachs_loader_passes_over(tmp_path):
    """Issue 15: the coach's summary opens in a spreadsheet too; the loader still reads one participant."""
    iv, fu = sample.generate(12, seed=5)
    path = cohort.export_summary((iv, fu), tmp_path, participant_id="p-0000beef", spreadsheet=True)
    twin = path.with_suffix(".csv")
    assert twin.read_bytes().startswith(b"\xef\xbb\xbfparticipant,interview,kind,outcome,")
    table = pd.read_csv(twin, encoding="utf-8-sig")
    content = json.loads(path.read_text())
    assert list(table.columns) == list(cohort.SPREADSHEET_COLUMNS)
    assert set(table["participant"]) == {"p-0000beef"}
    assert table["channel"].notna().sum() == len(content["follow_ups"])
    assert set(table["interview"]) == {row["interview"] for row in content["interviews"]}
    assert table["hours_after_interview"].sum() == pytest.approx(
        sum(row["hours_after_interview"] for row in content["follow_ups"])
    )
    assert (twin.stat().st_mode & 0o777) == 0o644
    loaded = cohort.load_cohort(tmp_path)
    assert loaded.participants == ["p-0000beef"] and loaded.problems == []
    (tmp_path / "notes.csv").write_text("not,a,summary\n")  # any other CSV is still reported
    with pytest.warns(UserWarning, match="Skipped notes.csv"):
        assert len(cohort.load_cohort(tmp_path).problems) == 1


def test_a_summary_the_coachs_loader_would_skip_is_never_written(tmp_path):
    """Issue 12: the learner's export runs the loader's own checks, so a mistyped year (1976 for 2026)
    is refused where the learner is looking instead of vanishing from the coach's cohort."""
    log = InterviewLog(tmp_path / "log")
    iid = log.add(Interview(company="Northwind", role="Analyst", held_at=datetime(1976, 3, 2, 10),
                            interviewers=["Ana Silva"]))
    log.record(FollowUp(interview_id=iid, at=datetime(2026, 3, 3, 9), channel="email", purpose="thank_you",
                        to="Ana Silva"))
    with pytest.raises(ValidationError, match="coach's cohort view would skip it") as refused:
        cohort.export_summary(log, tmp_path / "handin")
    assert "from 0 to" in str(refused.value)
    assert not (tmp_path / "handin").exists() or not any((tmp_path / "handin").iterdir())
