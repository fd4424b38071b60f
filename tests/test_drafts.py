"""drafts.py: the learner's exercise drafts beside their log, atomic, deletable, in the log's zip."""

import io
import json
import os
import zipfile
from datetime import UTC, datetime

import pytest

from followup_kit import drafts
from followup_kit.drafts import Draft, DraftError
from followup_kit.records import Interview
from followup_kit.store import InterviewLog

NOW = datetime(2026, 3, 6, 9, 30, tzinfo=UTC)


def test_a_draft_is_saved_beside_the_log_and_read_back(tmp_path):
    saved = drafts.save(
        "04-thank-you", 'Dear Dana,\nthank you… “quotes” and """ too', folder=tmp_path, now=NOW
    )
    path = tmp_path / "drafts" / "04-thank-you.json"
    assert path.is_file()
    assert json.loads(path.read_text(encoding="utf-8"))["parts"]["text"] == saved.text
    assert saved.saved == "2026-03-06T09:30:00Z"
    back = drafts.load("04-thank-you", folder=tmp_path)
    assert back == saved and back.text.startswith("Dear Dana,\nthank you")
    assert not list((tmp_path / "drafts").glob(".*.tmp")), "no temporary file is left behind"


def test_the_default_folder_is_the_learners_log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_KIT_LOG", str(tmp_path / "elsewhere"))
    drafts.save("05-opener", "Hi Dana", now=NOW)
    assert (tmp_path / "elsewhere" / "drafts" / "05-opener.json").is_file()
    assert drafts.drafts_dir() == tmp_path / "elsewhere" / "drafts"


def test_a_draft_with_several_boxes_keeps_each_part(tmp_path):
    drafts.save("04-compare", {"Dana Reyes": "one", "Tom Becker": "two"}, folder=tmp_path, now=NOW)
    assert dict(drafts.load("04-compare", folder=tmp_path).parts) == {
        "Dana Reyes": "one",
        "Tom Becker": "two",
    }


def test_missing_and_deleted_drafts(tmp_path):
    assert drafts.load("06-feedback", folder=tmp_path) is None
    assert drafts.delete("06-feedback", folder=tmp_path) is False
    drafts.save("06-feedback", "Thanks, Tom.", folder=tmp_path, now=NOW)
    assert drafts.delete("06-feedback", folder=tmp_path) is True
    assert drafts.load("06-feedback", folder=tmp_path) is None


@pytest.mark.parametrize("bad", ["", "../etc/passwd", "Caps", "a/b", "x" * 65, None])
def test_an_exercise_id_must_be_a_safe_file_name(tmp_path, bad):
    with pytest.raises(DraftError, match="exercise id"):
        drafts.save(bad, "text", folder=tmp_path)


def test_an_over_long_text_is_refused_and_the_last_draft_kept(tmp_path):
    drafts.save("05-opener", "short", folder=tmp_path, now=NOW)
    with pytest.raises(DraftError, match="Nothing was saved"):
        drafts.save("05-opener", "x" * (drafts.MAX_DRAFT_CHARS + 1), folder=tmp_path)
    assert drafts.load("05-opener", folder=tmp_path).text == "short"


def test_a_damaged_draft_is_reported_by_name_and_left_alone(tmp_path):
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "05-opener.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DraftError, match="05-opener.json"):
        drafts.load("05-opener", folder=tmp_path)
    assert (folder / "05-opener.json").read_text(encoding="utf-8") == "{not json"
    assert drafts.list_drafts(tmp_path) == []


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="root and Windows ignore the mode")
def test_a_folder_that_cannot_be_written_gives_a_clear_message(tmp_path):
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(DraftError, match="could not be saved"):
            drafts.save("05-opener", "Hi", folder=tmp_path)
    finally:
        tmp_path.chmod(0o700)


def test_a_crash_mid_write_leaves_the_old_draft(tmp_path, monkeypatch):
    drafts.save("05-opener", "old", folder=tmp_path, now=NOW)

    def boom(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(drafts.os, "replace", boom)
    with pytest.raises(DraftError, match="No space left"):
        drafts.save("05-opener", "new", folder=tmp_path, now=NOW)
    monkeypatch.undo()
    assert drafts.load("05-opener", folder=tmp_path).text == "old"
    assert not list((tmp_path / "drafts").glob(".*.tmp"))


# -- in the log's zip ----------------------------------------------------------------------------


def _interview() -> Interview:
    return Interview(
        company="Acme", role="Analyst", held_at=datetime(2026, 3, 3, 10, 0), interviewers=["Dana Reyes"]
    )


def test_the_download_zip_holds_the_drafts_and_an_upload_brings_them_back(tmp_path):
    mine = InterviewLog(tmp_path / "mine")
    mine.add(_interview())
    drafts.save("04-thank-you", "Dear Dana, MARKER", folder=mine.path, now=NOW)
    data = mine.export_zip()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert "drafts/04-thank-you.json" in archive.namelist()

    fresh = InterviewLog(tmp_path / "fresh")
    report = fresh.import_file(data, "followup-kit-log.zip")
    assert "1 exercise draft came back" in report.message
    assert drafts.load("04-thank-you", folder=fresh.path).text == "Dear Dana, MARKER"


def test_a_merge_keeps_the_learners_own_draft_and_a_replace_takes_the_uploads(tmp_path):
    source = InterviewLog(tmp_path / "source")
    source.add(_interview())
    drafts.save("05-opener", "from the zip", folder=source.path, now=NOW)
    data = source.export_zip()
    target = InterviewLog(tmp_path / "target")
    drafts.save("05-opener", "my newer text", folder=target.path, now=NOW)
    target.import_file(data, "log.zip", mode="merge")
    assert drafts.load("05-opener", folder=target.path).text == "my newer text"
    target.import_file(data, "log.zip", mode="replace")
    assert drafts.load("05-opener", folder=target.path).text == "from the zip"


def test_a_bad_draft_in_an_upload_is_left_out_and_said_and_the_log_still_imports(tmp_path):
    source = InterviewLog(tmp_path / "source")
    source.add(_interview())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source.export_zip())) as original, zipfile.ZipFile(buffer, "w") as out:
        for name in original.namelist():
            out.writestr(name, original.read(name))
        out.writestr("drafts/05-opener.json", b"{broken")
        good = Draft("06-feedback", {"text": "Thanks, Tom."}, "2026-03-06T09:30:00Z")
        out.writestr("drafts/06-feedback.json", good.to_json())
        out.writestr("drafts/../../evil.json", good.to_json())
    target = InterviewLog(tmp_path / "target")
    report = target.import_file(buffer.getvalue(), "log.zip")
    assert len(target) == 1
    assert "Left out" in report.message and "05-opener" in report.message
    assert drafts.load("06-feedback", folder=target.path).text == "Thanks, Tom."
    assert not (tmp_path / "evil.json").exists()


def test_an_oversized_draft_member_is_cut_while_unzipping():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("drafts/05-opener.json", b" " * (drafts.MAX_DRAFT_BYTES + 10))
    found, notes = drafts.read_zip(buffer.getvalue())
    assert found == [] and "larger than a draft" in notes[0]


def test_a_log_without_drafts_exports_as_before(tmp_path):
    log = InterviewLog(tmp_path / "log")
    log.add(_interview())
    with zipfile.ZipFile(io.BytesIO(log.export_zip())) as archive:
        assert not [n for n in archive.namelist() if n.startswith("drafts/")]


def test_a_draft_is_stamped_by_the_kits_clock(tmp_path, monkeypatch):
    monkeypatch.setenv("FOLLOWUP_KIT_NOW", "2026-12-02T09:00+01:00")
    assert drafts.save("05-opener", "Hi", folder=tmp_path).saved == "2026-12-02T08:00:00Z"
