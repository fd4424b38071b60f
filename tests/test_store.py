"""The log on disk keeps every committed change, refuses damaged files, and round-trips exports."""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
import zlib
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from followup_kit import store
from followup_kit.records import FOLLOWUP_FIELDS, INTERVIEW_FIELDS, FollowUp, Interview, ValidationError
from followup_kit.store import (
    ImportReport,
    InterviewLog,
    LogFileError,
    ReadOnlyLogError,
    UnknownIdError,
    Upload,
    read_tables,
    read_upload,
    write_tables,
)

HELD = datetime(2026, 3, 6, 10, 0)
REPO = Path(__file__).resolve().parents[1]


def interview(**changes) -> Interview:
    fields = dict(company="Northwind Traders", role="Data Analyst", held_at=HELD)
    fields.update(changes)
    return Interview(**fields)


def followup(interview_id: str, **changes) -> FollowUp:
    fields = dict(
        interview_id=interview_id,
        at=HELD + timedelta(hours=6),
        channel="email",
        purpose="thank_you",
        to="Dana",
    )
    fields.update(changes)
    return FollowUp(**fields)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in a folder with its bytes, to show nothing was written."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def log(tmp_path) -> InterviewLog:
    return InterviewLog(tmp_path / "my_log")


# -- an empty log and the frames downstream code relies on ----------------------------


def test_a_missing_folder_is_an_empty_log_with_typed_frames_and_is_not_created(tmp_path):
    log = InterviewLog(tmp_path / "nothing_yet")
    interviews, followups = log.interviews(), log.followups()
    assert list(interviews.columns) == ["id", *INTERVIEW_FIELDS]
    assert list(followups.columns) == ["id", *FOLLOWUP_FIELDS]
    assert len(interviews) == len(followups) == 0
    assert str(interviews["held_at"].dtype) == "datetime64[us]"
    assert str(interviews["decision_by"].dtype) == "datetime64[us]"
    assert str(interviews["decision_in_business_days"].dtype) == "Int64"
    assert interviews["company"].dtype == "str"
    assert str(followups["response_at"].dtype) == "datetime64[us]"
    assert len(log) == 0 and log.items() == []
    assert not (tmp_path / "nothing_yet").exists()


def test_frames_have_one_column_per_field_with_proper_values_and_dtypes(log):
    first = log.add(
        interview(
            interviewers=["Dana Whitfield", "Raj Patel"],
            decision_by=date(2026, 3, 13),
            decision_in_business_days=5,
            talking_points=["churn dashboard"],
        )
    )
    second = log.add(interview(company="Contoso", agency_contact="Sam at HireRight"))
    reply = log.record(followup(first, response_at=HELD + timedelta(days=1)))

    frame = log.interviews()
    assert list(frame["id"]) == [first, second]
    assert frame.loc[0, "held_at"] == pd.Timestamp(HELD)
    assert frame.loc[0, "decision_by"] == pd.Timestamp(2026, 3, 13)  # a date at midnight
    assert pd.isna(frame.loc[1, "decision_by"])
    assert frame.loc[0, "decision_in_business_days"] == 5
    assert pd.isna(frame.loc[1, "decision_in_business_days"])
    assert frame.loc[0, "interviewers"] == ["Dana Whitfield", "Raj Patel"]
    assert frame.loc[1, "interviewers"] == []
    assert pd.isna(frame.loc[0, "agency_contact"]) and frame.loc[1, "agency_contact"] == "Sam at HireRight"
    assert frame["company"].dtype == "str"

    followups = log.followups()
    assert list(followups["id"]) == [reply]
    assert followups.loc[0, "response_at"] == pd.Timestamp(HELD + timedelta(days=1))
    assert str(followups["at"].dtype) == "datetime64[us]"


# -- changes ---------------------------------------------------------------------------


def test_add_and_record_return_ids_and_survive_a_fresh_open(log):
    iv_id = log.add(interview(notes="Asked about the team.\nFollow up Friday."))
    fu_id = log.record(followup(iv_id))
    assert re.fullmatch(r"iv-[0-9a-f]{8}", iv_id) and re.fullmatch(r"fu-[0-9a-f]{8}", fu_id)
    fresh = InterviewLog(log.path)
    assert fresh.get(iv_id) == log.get(iv_id) == interview(notes="Asked about the team.\nFollow up Friday.")
    assert fresh.get(fu_id) == followup(iv_id)
    assert fresh.items() == [(iv_id, interview(notes="Asked about the team.\nFollow up Friday."))]


@pytest.mark.parametrize(
    "notes", ["carriage\rreturn", "windows\r\nline", 'comma, "quote"\nnext', "=1+1", "nul\x00char"]
)
def test_notes_with_any_line_breaks_and_quotes_come_back_exactly(log, notes):
    iv_id = log.add(interview(notes=notes))
    assert InterviewLog(log.path).get(iv_id).notes == notes


def test_the_files_have_the_documented_format_byte_for_byte(log):
    iv_id = log.add(
        interview(
            company="Acme, Inc.",
            held_at=datetime(2026, 3, 6, 10, 0, 30),
            interviewers=['Ann "Boss" Lee', "Bob"],
            decision_by=date(2026, 3, 13),
            decision_in_business_days=3,
            notes="line one\nline two",
            contact_phone="07700 900123",
        )
    )
    fu_id = log.record(followup(iv_id, at=datetime(2026, 3, 6, 16, 0)))
    assert (log.path / "interviews.csv").read_bytes() == (
        "id,company,role,held_at,kind,interviewers,contact,decision_by,decision_in_business_days,"
        "agency_contact,talking_points,outcome,notes,contact_email,contact_phone,agency_email,agency_phone,"
        "outcome_at,round,previous_id\n"
        f'{iv_id},"Acme, Inc.",Data Analyst,2026-03-06 10:00:30,in_person,"Ann ""Boss"" Lee\nBob",,'
        '2026-03-13,3,,,pending,"line one\nline two",,07700 900123,,,,1,\n'
    ).encode()
    assert (log.path / "followups.csv").read_bytes() == (
        "id,interview_id,at,channel,purpose,to,response_at,notes\n"
        f"{fu_id},{iv_id},2026-03-06 16:00,email,thank_you,Dana,,\n"
    ).encode()


def test_write_tables_gives_the_same_bytes_for_the_same_records(tmp_path):
    interviews = [("iv-00000001", interview()), ("iv-00000002", interview(company="Contoso"))]
    followups = [("fu-00000001", followup("iv-00000001"))]
    write_tables(tmp_path / "a", interviews, followups)
    write_tables(tmp_path / "b", interviews, followups)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert read_tables(tmp_path / "a") == (interviews, followups)
    with pytest.raises(LogFileError, match="interview_id"):
        write_tables(tmp_path / "c", interviews, [("fu-00000001", followup("iv-99999999"))])
    assert not (tmp_path / "c").exists()


def test_record_refuses_an_unknown_interview_and_a_follow_up_before_it(log):
    iv_id = log.add(interview())
    with pytest.raises(ValidationError) as unknown:
        log.record(followup("iv-00000000"))
    assert unknown.value.field == "interview_id"
    with pytest.raises(ValidationError) as early:
        log.record(followup(iv_id, at=HELD - timedelta(hours=1)))
    assert early.value.field == "at"
    assert log.followup_items() == []


def test_update_builds_the_record_again_and_validates_it(log):
    iv_id = log.add(interview())
    fu_id = log.record(followup(iv_id, at=HELD + timedelta(hours=2)))
    log.update(iv_id, outcome="Offer", company="  Contoso ")
    assert InterviewLog(log.path).get(iv_id) == interview(outcome="offer", company="Contoso")

    with pytest.raises(ValidationError) as bad_value:
        log.update(iv_id, kind="zoom")
    assert bad_value.value.field == "kind"
    with pytest.raises(ValidationError) as unknown_field:
        log.update(iv_id, salary="lots")
    assert unknown_field.value.field == "salary"
    assert "expected a field of an interview (company, role," in str(unknown_field.value)
    with pytest.raises(ValidationError) as after_follow_up:
        log.update(iv_id, held_at=HELD + timedelta(hours=3))
    assert after_follow_up.value.field == "held_at"
    with pytest.raises(ValidationError) as early_follow_up:
        log.update(fu_id, at=HELD - timedelta(minutes=1))
    assert early_follow_up.value.field == "at"
    with pytest.raises(UnknownIdError) as unknown_id:
        log.update("iv-nope", outcome="offer")
    assert isinstance(unknown_id.value, KeyError)
    assert str(unknown_id.value) == "No interview or follow-up has the id 'iv-nope' in this log."

    log.update(fu_id, response_at=HELD + timedelta(days=2))
    assert InterviewLog(log.path).get(fu_id).response_at == HELD + timedelta(days=2)
    assert InterviewLog(log.path).get(iv_id).held_at == HELD


def test_remove_takes_an_interviews_follow_ups_with_it(log):
    keep, drop = log.add(interview(company="Keep")), log.add(interview(company="Drop"))
    kept_note = log.record(followup(keep))
    log.record(followup(drop))
    log.record(followup(drop, purpose="status_check"))
    log.remove(drop)
    fresh = InterviewLog(log.path)
    assert [row_id for row_id, _ in fresh.items()] == [keep]
    assert [row_id for row_id, _ in fresh.followup_items()] == [kept_note]
    fresh.remove(kept_note)
    assert InterviewLog(log.path).followup_items() == []
    with pytest.raises(KeyError):
        log.remove(drop)


def test_follow_ups_come_earliest_first_and_records_handed_out_are_copies(log):
    iv_id = log.add(interview(interviewers=["Dana"]))
    late = log.record(followup(iv_id, at=HELD + timedelta(days=7), channel="call", purpose="status_check"))
    early = log.record(followup(iv_id, at=HELD + timedelta(hours=2)))
    assert [f.at for f in log.followups_for(iv_id)] == [HELD + timedelta(hours=2), HELD + timedelta(days=7)]
    assert [row_id for row_id, _ in log.followup_items(iv_id)] == [early, late]
    with pytest.raises(KeyError):
        log.followups_for("iv-nope")

    copy = log.get(iv_id)
    copy.company = "Changed"
    copy.interviewers.append("Someone")
    assert log.get(iv_id) == interview(interviewers=["Dana"])


def test_a_change_made_by_another_kernel_is_seen_even_when_the_size_is_unchanged(tmp_path):
    mine, theirs = InterviewLog(tmp_path), InterviewLog(tmp_path)
    iv_id = mine.add(interview(company="Acme"))
    assert theirs.get(iv_id).company == "Acme"
    theirs.update(iv_id, company="Acmf")  # same length: only the bytes tell
    assert mine.get(iv_id).company == "Acmf"
    mine.add(interview(company="Second"))
    assert [iv.company for _, iv in theirs.items()] == ["Acmf", "Second"]


# -- where the log lives, read-only logs and the sample -----------------------------------


def test_the_default_log_is_data_my_log_unless_the_environment_says_otherwise(monkeypatch, tmp_path):
    monkeypatch.delenv(store.LOG_ENV, raising=False)
    assert store.default_log_dir() == REPO / "data" / "my_log"
    assert store.SAMPLE_DIR == REPO / "followup_kit" / "data" / "sample"
    monkeypatch.setenv(store.LOG_ENV, str(tmp_path / "elsewhere"))
    assert InterviewLog().path == tmp_path / "elsewhere"


def test_a_read_only_log_refuses_every_change_and_never_writes(tmp_path):
    write_tables(tmp_path, [("iv-00000001", interview())], [("fu-00000001", followup("iv-00000001"))])
    log = InterviewLog(tmp_path, read_only=True)
    assert len(log) == 1 and len(log.followups()) == 1
    export = InterviewLog(tmp_path).export_zip()
    (tmp_path / ".log.lock").unlink()
    before = snapshot(tmp_path)
    changes = [
        lambda: log.add(interview()),
        lambda: log.record(followup("iv-00000001")),
        lambda: log.update("iv-00000001", outcome="offer"),
        lambda: log.remove("iv-00000001"),
        lambda: log.import_file(export, "log.zip", mode="replace"),
    ]
    for change in changes:
        with pytest.raises(ReadOnlyLogError, match="read-only"):
            change()
    log.interviews(), log.items(), log.export_zip()
    assert snapshot(tmp_path) == before
    assert isinstance(ReadOnlyLogError("x"), LogFileError)


def test_the_sample_log_opens_read_only_and_says_so(monkeypatch, tmp_path):
    write_tables(tmp_path, [("iv-00000001", interview())])
    monkeypatch.setattr(store, "SAMPLE_DIR", tmp_path)
    sample = store.open_sample_log()
    assert sample.read_only and len(sample) == 1
    with pytest.raises(ReadOnlyLogError) as refused:
        sample.add(interview())
    assert str(refused.value) == "This is the read-only sample log; open your own log to make changes."
    monkeypatch.setattr(store, "SAMPLE_DIR", tmp_path / "missing")
    with pytest.raises(LogFileError, match="sample log is missing"):
        store.open_sample_log()


def test_the_committed_sample_loads_without_writing_anything():
    before = snapshot(store.SAMPLE_DIR)
    sample = store.open_sample_log()
    assert len(sample) > 0 and len(sample.followups()) > 0
    assert snapshot(store.SAMPLE_DIR) == before


# -- damaged and foreign files are kept, never overwritten --------------------------------

GOOD_HEADER = "id,company,role,held_at\n"


@pytest.mark.parametrize(
    ("name", "content", "fragment"),
    [
        ("interviews.csv", bytes(range(256)) * 4, "is not UTF-8 text"),
        ("interviews.csv", b"", "is empty (0 bytes)"),
        ("interviews.csv", b"name,amount\nrent,900\n", "it has no 'id' column"),
        ("interviews.csv", b"id,name,amount\nx,rent,900\n", "it has no 'company' column"),
        ("interviews.csv", (GOOD_HEADER + "iv-1,Acme,Analyst,last Friday\n").encode(), "row 2, held_at"),
        (
            "interviews.csv",
            (GOOD_HEADER + 'iv-1,"Acme,Analyst,2026-03-06\n').encode(),
            "cannot be read as CSV",
        ),
        (
            "interviews.csv",
            (
                GOOD_HEADER + "iv-1,Acme,Analyst,2026-03-06 10:00\niv-1,Contoso,Clerk,2026-03-07 10:00\n"
            ).encode(),
            "row 3, id",
        ),
        (
            "followups.csv",
            b"id,interview_id,at,channel,purpose,to\nfu-1,iv-404,2026-03-06 12:00,email,thank_you,Dana\n",
            "row 2, interview_id",
        ),
        (
            "followups.csv",
            (GOOD_HEADER + "iv-2,Acme,Analyst,2026-03-06 10:00\n").encode(),
            "it looks like interviews.csv",
        ),
    ],
)
def test_a_damaged_or_foreign_file_is_refused_and_kept_byte_for_byte(tmp_path, name, content, fragment):
    write_tables(tmp_path, [("iv-1", interview())])
    (tmp_path / name).write_bytes(content)
    before = snapshot(tmp_path)
    log = InterviewLog(tmp_path)
    with pytest.raises(LogFileError) as on_load:
        log.interviews()
    message = str(on_load.value)
    assert fragment in message
    assert message.startswith(f"{name} in ") and message.endswith("move it out of the folder.")
    assert "\n" not in message
    with pytest.raises(LogFileError):
        log.add(interview(company="Contoso"))
    with pytest.raises(LogFileError):
        log.import_file(InterviewLog(tmp_path / "other").export_zip(), "empty.zip", mode="replace")
    after = snapshot(tmp_path)
    after.pop(".log.lock", None)
    assert after == before


def test_a_foreign_csv_message_says_what_is_wrong_and_what_to_do(tmp_path):
    (tmp_path / "interviews.csv").write_text("name,amount\nrent,900\n")
    with pytest.raises(LogFileError) as error:
        InterviewLog(tmp_path).items()
    assert str(error.value) == (
        f"interviews.csv in {tmp_path} is not a followup-kit log: it has no 'id' column, "
        "no 'company' column, no 'role' column and no 'held_at' column (a log's header row starts "
        "id,company,role,held_at; a file from another tracker goes through 'Import from a tracker' in "
        "notebook 01); "
        "the file was left untouched, so correct it or move it out of the folder."
    )


# -- files saved from a spreadsheet -----------------------------------------------------


def test_a_spreadsheet_saved_file_loads_and_keeps_the_learners_extra_columns(tmp_path):
    text = (
        "\ufeffCompany;id;Role;held_at;Salary;interviewers;decision_by;decision_in_business_days;notes\r\n"
        'Acme;iv-1;Analyst;2026-03-06 10:00:00;"45,000";"Dana\r\nRaj";2026-03-13;3.0;"a; b\r\nc"\r\n'
        ";;;;;;;;\r\n"
        "Contoso;iv-2;Clerk;2026-03-07 09:30;;;;;\r\n"
    )
    (tmp_path / "interviews.csv").write_bytes(text.encode("utf-8"))
    log = InterviewLog(tmp_path)
    assert log.get("iv-1") == interview(
        company="Acme",
        role="Analyst",
        interviewers=["Dana", "Raj"],
        decision_by=date(2026, 3, 13),
        decision_in_business_days=3,
        notes="a; b\r\nc",
    )
    assert log.get("iv-2").held_at == datetime(2026, 3, 7, 9, 30)

    new_id = log.add(interview(company="Fabrikam"))
    written = (tmp_path / "interviews.csv").read_text(encoding="utf-8")
    assert written.startswith("id,company,role,held_at,kind,") and written.splitlines()[0].endswith(
        ",previous_id,Salary"
    )
    rewritten = InterviewLog(tmp_path)
    assert [row_id for row_id, _ in rewritten.items()] == ["iv-1", "iv-2", new_id]
    assert ',"45,000"\n' in written  # the learner's own column survives the rewrite


def test_slashed_spreadsheet_dates_follow_the_files_own_day_month_order(tmp_path):
    header = "id,company,role,held_at,decision_by\n"
    (tmp_path / "interviews.csv").write_text(
        header + "iv-1,Acme,Analyst,06/03/2026 9:05,20/03/2026\niv-2,Contoso,Clerk,13/03/2026 10:00,\n"
    )
    log = InterviewLog(tmp_path)
    assert log.get("iv-1").held_at == datetime(2026, 3, 6, 9, 5)
    assert log.get("iv-1").decision_by == date(2026, 3, 20)
    (tmp_path / "interviews.csv").write_text(header + "iv-1,Acme,Analyst,06.03.2026 10:00,\n")
    assert log.get("iv-1").held_at == datetime(2026, 3, 6, 10, 0)
    (tmp_path / "interviews.csv").write_text(header + "iv-1,Acme,Analyst,06/03/2026 10:00,\n")
    with pytest.raises(LogFileError, match="could be day/month or month/day"):
        log.items()


# -- export and import -------------------------------------------------------------------

FOLLOWUP_HEADER = b"id,interview_id,at,channel,purpose,to\n"
RISKY = [
    '=HYPERLINK("http://evil.example","click")',
    "+44 20 7946 0000",
    "-not a formula",
    "@SUM(A1)",
    "'=quoted",
]


def zip_of(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_export_neutralises_formula_cells_and_import_restores_them(log, tmp_path):
    iv_id = log.add(
        interview(
            notes=RISKY[0],
            contact=RISKY[1],
            role=RISKY[2],
            agency_contact=RISKY[3],
            company=RISKY[4],
            talking_points=RISKY,  # one cell: only its first line starts the cell
        )
    )
    log.record(followup(iv_id, to=RISKY[3], notes=RISKY[2]))
    data = log.export_zip()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["followup-kit-manifest.json", "followups.csv", "interviews.csv"]
        exported = archive.read("interviews.csv").decode("utf-8-sig")
        exported_followups = archive.read("followups.csv").decode("utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(exported, newline="")) for c in row]
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert """'=HYPERLINK(""http://evil.example"",""click"")""" in exported
    for risky in RISKY:
        assert (
            f",'{risky}," in exported.replace('""', '"').replace(',"', ",").replace('",', ",")
            or risky == RISKY[0]
        )
    assert ",''=quoted," in exported  # a quote already there gets one more, so import can tell them apart
    assert "'-not a formula" in exported_followups and "'@SUM(A1)" in exported_followups
    assert "2026-03-06 10:00" in exported  # dates are never touched
    assert log.export_zip() == data  # the same log exports the same bytes

    other = InterviewLog(tmp_path / "next_session")
    report = other.import_file(data, "followup-log.zip")
    assert report == ImportReport(
        1, 1, 0, 0, False, "Added 1 interview and 1 follow-up from 'followup-log.zip'."
    )
    assert other.items() == log.items() and other.followup_items() == log.followup_items()
    assert other.get(iv_id).talking_points == RISKY


def test_merge_adds_new_rows_skips_duplicates_and_keeps_yours_on_a_conflict(log, tmp_path):
    shared = log.add(interview(company="Shared"))
    changed = log.add(interview(company="Mine"))
    upload = InterviewLog(tmp_path / "laptop")
    upload.import_file(log.export_zip(), "log.zip")
    upload.update(changed, company="Theirs")
    extra = upload.add(interview(company="New"))
    note = upload.record(followup(shared))

    report = log.import_file(upload.export_zip(), "laptop.zip", mode="merge")
    assert (report.added_interviews, report.added_followups) == (1, 1)
    assert (report.skipped_duplicates, report.conflicts, report.replaced) == (1, 1, False)
    assert "so yours was kept" in report.message
    fresh = InterviewLog(log.path)
    assert [(i, iv.company) for i, iv in fresh.items()] == [
        (shared, "Shared"),
        (changed, "Mine"),
        (extra, "New"),
    ]
    assert [row_id for row_id, _ in fresh.followup_items()] == [note]


def test_replace_swaps_the_whole_log(log, tmp_path):
    log.add(interview(company="Old"))
    other = InterviewLog(tmp_path / "other")
    new = other.add(interview(company="New"))
    other.record(followup(new))
    report = log.import_file(other.export_zip(), "other.zip", mode="replace")
    assert report.replaced and (report.added_interviews, report.added_followups) == (1, 1)
    assert InterviewLog(log.path).items() == other.items()
    assert not any(p.name.startswith(".incoming") for p in log.path.iterdir())


def test_a_single_interviews_csv_can_be_imported(log):
    data = b"id,company,role,held_at\niv-1,Acme,Analyst,2026-03-06 10:00\n"
    report = log.import_file(data, "mine.csv")
    assert report.added_interviews == 1 and log.get("iv-1").company == "Acme"


ONE_INTERVIEW = b"id,company,role,held_at\niv-1,Acme,Analyst,2026-03-06 10:00\n"
BAD_UPLOADS = [
    (b"PK\x03\x04 this is not really a zip", "log.zip", "is not a readable zip file"),
    (b"\x89PNG\r\n\x1a\n\x00\xff garbage", "photo.csv", "is not UTF-8 text"),
    (zip_of(**{"notes.txt": b"hello"}), "log.zip", "holds no interviews.csv"),
    (zip_of(**{"followups.csv": FOLLOWUP_HEADER}), "log.zip", "holds no interviews.csv"),
    (zip_of(**{"interviews.csv": b"name,amount\nrent,900\n"}), "log.zip", "it has no 'id' column"),
    (b"id,company,role,date\niv-1,Acme,Analyst,2026-03-06\n", "mine.csv", "it has no 'held_at' column"),
    (
        FOLLOWUP_HEADER + b"fu-1,iv-1,2026-03-07 09:00,email,thank_you,D\n",
        "followups.csv",
        "(it looks like followups.csv)",
    ),
    (
        zip_of(
            **{
                "interviews.csv": ONE_INTERVIEW,
                "followups.csv": FOLLOWUP_HEADER + b"fu-1,iv-1,2026-03-07 09:00,pigeon,rapport,D\n",
            }
        ),
        "log.zip",
        "followups.csv in the upload 'log.zip', row 2, channel: expected one of email",
    ),
    (
        zip_of(
            **{
                "interviews.csv": ONE_INTERVIEW,
                "followups.csv": FOLLOWUP_HEADER + b"fu-1,iv-1,2026-03-05 09:00,email,rapport,D\n",
            }
        ),
        "log.zip",
        "row 2, at: expected a time after the interview",
    ),
    (  # an upload is checked as a log on its own: a follow-up needs its interview in the upload
        zip_of(
            **{
                "interviews.csv": ONE_INTERVIEW,
                "followups.csv": FOLLOWUP_HEADER + b"fu-1,iv-9,2026-03-07 09:00,email,thank_you,D\n",
            }
        ),
        "log.zip",
        "row 2, interview_id: expected the id of an interview in interviews.csv, got 'iv-9'",
    ),
    (b"id,company,role,held_at\niv-1,,Analyst,2026-03-06 10:00\n", "mine.csv", "row 2, company"),
    (b"", "mine.csv", "is empty"),
]
BAD_IDS = [f"{i}-{name}" for i, (_, name, _) in enumerate(BAD_UPLOADS)]


@pytest.mark.parametrize(("data", "filename", "fragment"), BAD_UPLOADS, ids=BAD_IDS)
def test_read_upload_refuses_a_bad_upload_in_one_sentence(data, filename, fragment):
    with pytest.raises(LogFileError) as error:
        read_upload(data, filename)
    message = str(error.value)
    assert fragment in message
    assert re.match(r"(The upload|(interviews|followups)\.csv in the upload) '", message)
    assert message.endswith(".") and "\n" not in message and ". " not in message  # one sentence
    assert "nothing was imported" in message


@pytest.mark.parametrize(("data", "filename", "fragment"), BAD_UPLOADS, ids=BAD_IDS)
def test_a_bad_upload_is_refused_and_the_log_is_untouched(log, data, filename, fragment):
    iv_id = log.add(interview())
    log.record(followup(iv_id))
    before = snapshot(log.path)
    for mode in ("merge", "replace"):
        for attempt in (log.import_file, log.preview_import):
            with pytest.raises(LogFileError) as error:
                attempt(data, filename, mode=mode)
            assert fragment in str(error.value)
            assert str(error.value).endswith("upload it again.") or "upload it again" in str(error.value)
    assert snapshot(log.path) == before


def test_read_upload_gives_every_row_of_an_export_checked_and_writes_nothing(log, tmp_path):
    iv_id = log.add(interview(notes=RISKY[0], interviewers=["Dana Whitfield", "Raj Patel"]))
    log.add(interview(company="Contoso", held_at=HELD + timedelta(days=2)))
    log.record(followup(iv_id, to=RISKY[3]))
    before = snapshot(log.path)

    upload = read_upload(log.export_zip(), "downloads/followup-log-2026-03-06.zip")
    assert isinstance(upload, Upload)
    assert upload.filename == "followup-log-2026-03-06.zip" and upload.is_zip
    assert upload.files == ("interviews.csv", "followups.csv") and upload.has_followups_file
    assert (upload.n_interviews, upload.n_followups) == (2, 1)
    assert list(upload.interviews) == log.items()  # formulas come back as typed, not with the '
    assert list(upload.followups) == log.followup_items()
    assert upload.interviews[0][1].notes == RISKY[0]
    upload.interviews[0][1].company = "changed by the caller"  # a copy: the log and the upload's
    assert log.get(iv_id).company == "Northwind Traders"  # source are not touched
    assert snapshot(log.path) == before


def test_read_upload_takes_a_single_interviews_csv_from_a_spreadsheet():
    data = "\ufeffid;company;role;held_at\r\niv-1;Société Générale;Analyst;06.03.2026 10:00\r\n".encode()
    upload = read_upload(data, "mine.csv")
    assert not upload.is_zip and upload.files == ("interviews.csv",) and not upload.has_followups_file
    assert upload.followups == () and upload.n_interviews == 1
    [(row_id, found)] = upload.interviews
    assert row_id == "iv-1" and found.company == "Société Générale" and found.held_at == HELD


def test_a_zip_without_follow_ups_merges_its_interviews(log, tmp_path):
    iv_id = log.add(interview())
    log.record(followup(iv_id))
    interviews_only = zip_of(**{"interviews.csv": ONE_INTERVIEW})
    assert read_upload(interviews_only, "log.zip").files == ("interviews.csv",)
    report = log.import_file(interviews_only, "log.zip", mode="merge")
    assert (report.added_interviews, report.added_followups, report.replaced) == (1, 0, False)
    assert len(log) == 2 and len(log.followup_items()) == 1


@pytest.mark.parametrize(
    ("data", "filename"),
    [(zip_of(**{"interviews.csv": ONE_INTERVIEW}), "interviews-only.zip"), (ONE_INTERVIEW, "mine.csv")],
)
def test_replace_refuses_an_upload_without_followups_csv_while_the_log_has_follow_ups(
    log, data, filename
):
    iv_id = log.add(interview())
    log.record(followup(iv_id))
    log.record(followup(iv_id, channel="card", at=HELD + timedelta(hours=7)))
    before = stamped(log.path)
    expected = (
        f"The upload {filename!r} has no followups.csv, so replacing your log with it would delete your "
        "2 follow-ups; nothing was imported, so upload the whole zip from 'Download my log', or choose merge."
    )
    for attempt in (log.preview_import, log.import_file):
        with pytest.raises(LogFileError) as error:
            attempt(data, filename, mode="replace")
        assert str(error.value) == expected
    assert stamped(log.path) == before  # byte for byte, and not even rewritten
    assert len(log.followups_for(iv_id)) == 2


def test_replace_without_followups_csv_is_fine_when_there_are_no_follow_ups_to_lose(log):
    log.add(interview(company="Old"))
    report = log.import_file(ONE_INTERVIEW, "mine.csv", mode="replace")
    assert report.replaced and [iv.company for _, iv in log.items()] == ["Acme"]
    assert (report.before_interviews, report.before_followups) == (1, 0)


def test_replace_with_an_empty_followups_csv_drops_follow_ups_on_purpose(log):
    iv_id = log.add(interview())
    log.record(followup(iv_id))
    explicit = zip_of(**{"interviews.csv": ONE_INTERVIEW, "followups.csv": FOLLOWUP_HEADER})
    preview = log.preview_import(explicit, "log.zip", mode="replace")
    assert (preview.added_followups, preview.before_followups) == (0, 1)
    log.import_file(explicit, "log.zip", mode="replace")
    assert [row_id for row_id, _ in log.items()] == ["iv-1"] and log.followup_items() == []


def stamped(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under a folder with its bytes and modification time: unchanged means not written."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_preview_import_says_what_an_import_would_do_and_writes_nothing(log, tmp_path):
    shared = log.add(interview(company="Shared"))
    changed = log.add(interview(company="Mine"))
    log.record(followup(shared))
    laptop = InterviewLog(tmp_path / "laptop")
    laptop.import_file(log.export_zip(), "log.zip")
    laptop.update(changed, company="Theirs")
    laptop.add(interview(company="New"))
    data = laptop.export_zip()
    time.sleep(0.01)  # a rewrite would show in the modification times
    before = stamped(log.path)

    merge = log.preview_import(data, "laptop.zip", mode="merge")
    assert merge == ImportReport(
        1,
        0,
        2,
        1,
        False,
        "Merging 'laptop.zip' would add 1 interview and 0 follow-ups; 2 rows are already in your log; "
        "1 row has the id of one of yours with other content, so yours would be kept.",
        before_interviews=2,
        before_followups=1,
        preview=True,
    )
    replace = log.preview_import(data, "laptop.zip", mode="replace")
    assert (replace.added_interviews, replace.added_followups, replace.replaced) == (3, 1, True)
    assert (replace.before_interviews, replace.before_followups, replace.preview) == (2, 1, True)
    assert replace.message == (
        "Replacing your log (2 interviews, 1 follow-up) with 'laptop.zip' would leave 3 interviews and "
        "1 follow-up."
    )
    assert stamped(log.path) == before

    done = log.import_file(data, "laptop.zip", mode="merge")  # the import does what the preview said
    assert (done.added_interviews, done.added_followups, done.skipped_duplicates, done.conflicts) == (
        1,
        0,
        2,
        1,
    )
    assert not done.preview and done.message.startswith("Added 1 interview and 0 follow-ups from")
    assert len(log) == 3


def test_preview_import_raises_what_the_import_would_and_never_creates_a_log(tmp_path):
    write_tables(tmp_path / "mine", [("iv-1", interview())])
    log = InterviewLog(tmp_path / "mine")
    # the upload's iv-1 conflicts (yours is kept), and its follow-up would then predate your iv-1
    clash = zip_of(
        **{
            "interviews.csv": b"id,company,role,held_at\niv-1,Acme,Analyst,2026-03-01 10:00\n",
            "followups.csv": FOLLOWUP_HEADER + b"fu-1,iv-1,2026-03-02 09:00,email,thank_you,D\n",
        }
    )
    read_upload(clash, "clash.zip")  # fine as a log on its own
    assert len(log) == 1  # a first read makes the lock file
    before = stamped(log.path)
    for attempt in (log.preview_import, log.import_file):
        with pytest.raises(LogFileError, match="row 2, at: expected a time after the interview"):
            attempt(clash, "clash.zip", mode="merge")
    assert stamped(log.path) == before

    nowhere = InterviewLog(tmp_path / "not_yet")
    report = nowhere.preview_import(clash, "clash.zip", mode="replace")
    assert (report.added_interviews, report.added_followups, report.before_interviews) == (1, 1, 0)
    assert not nowhere.path.exists()
    with pytest.raises(ReadOnlyLogError):
        InterviewLog(tmp_path / "mine", read_only=True).preview_import(clash, "clash.zip", mode="merge")
    with pytest.raises(ValueError, match="mode must be"):
        log.preview_import(clash, "clash.zip", mode="overwrite")  # type: ignore[arg-type]


def test_import_zip_refuses_a_csv(log):
    with pytest.raises(LogFileError, match="not a readable zip"):
        log.import_zip(b"id,company,role,held_at\n", filename="mine.csv")


def test_a_zip_member_too_large_for_a_log_is_refused_in_words_and_nothing_changes(log, monkeypatch):
    log.add(Interview("Northwind Traders", "Data Analyst", HELD))
    before = {p.name: p.read_bytes() for p in log.path.glob("*.csv")}
    monkeypatch.setattr(store, "MAX_UPLOAD_BYTES", 1_000_000)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:  # 30 KB zipped, 2 MB unzipped
        archive.writestr("interviews.csv", "id,company\n" + "x" * 2_000_000)
    with pytest.raises(LogFileError) as caught:
        log.import_file(buffer.getvalue(), "huge.zip")
    assert str(caught.value).startswith(
        "The upload 'huge.zip' holds a file interviews.csv larger than a log can be (1 MB); "
        "nothing was imported"
    )
    assert {p.name: p.read_bytes() for p in log.path.glob("*.csv")} == before


# -- property: any valid record round-trips -------------------------------------------------

ANY_LINE = st.text(
    st.characters(
        exclude_categories=("Cs", "Cc"),  # control characters are refused in single-line fields
        exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",  # and bidi overrides
    ),
    max_size=30,
)
TRICKY = st.sampled_from(
    [
        '=HYPERLINK("x")',
        "+1",
        "-1",
        "@x",
        "'=already quoted",
        "a,b",
        'say "hi"',
        "semi;colon",
        "😀 émoji",
        "x\u2028y",
    ]
)
LINE = st.one_of(ANY_LINE, TRICKY)
TEXT = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",)), max_size=120),
    TRICKY,
    st.sampled_from(["carriage\rreturn", "windows\r\nlines", "blank\n\nline", 'multi\n"quoted", cell']),
)
WHEN = st.datetimes(min_value=datetime(1950, 1, 1), max_value=datetime(2100, 1, 1))


@st.composite
def interviews(draw):
    held = draw(WHEN)
    try:
        return Interview(
            company=draw(LINE),
            role=draw(LINE),
            held_at=held,
            kind=draw(st.sampled_from(["phone", "video", "in_person"])),
            interviewers=draw(st.lists(LINE, max_size=4)),
            contact=draw(LINE),
            decision_by=draw(st.none() | st.dates(min_value=held.date(), max_value=date(2100, 12, 31))),
            decision_in_business_days=draw(st.none() | st.integers(0, 65)),
            agency_contact=draw(st.none() | LINE),
            talking_points=draw(st.lists(LINE, max_size=4)),
            outcome=draw(st.sampled_from(["pending", "offer", "rejected", "no_response", "withdrawn"])),
            notes=draw(TEXT),
        )
    except ValidationError:
        reject()


@st.composite
def followups_after(draw, held: datetime):
    at = held + draw(st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=60)))
    try:
        return FollowUp(
            interview_id="placeholder",
            at=at,
            channel=draw(st.sampled_from(["email", "card", "call", "voicemail", "text", "linkedin"])),
            purpose=draw(st.sampled_from(["thank_you", "status_check", "feedback_request", "rapport"])),
            to=draw(LINE),
            response_at=draw(st.none() | st.just(at + timedelta(hours=5))),
            notes=draw(TEXT),
        )
    except ValidationError:
        reject()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]
)
@given(st.lists(interviews(), min_size=1, max_size=3), st.data())
def test_any_valid_records_round_trip_through_the_files_and_an_export(records, data):
    with tempfile.TemporaryDirectory() as folder:
        log = InterviewLog(Path(folder) / "log")
        ids, notes = [], []
        for record in records:
            iv_id = log.add(record)
            ids.append(iv_id)
            for note in data.draw(st.lists(followups_after(record.held_at), max_size=2)):
                note = note.replace(interview_id=iv_id)
                notes.append((log.record(note), note))

        fresh = InterviewLog(log.path)
        assert [fresh.get(i) for i in ids] == records
        assert [(i, fresh.get(i)) for i, _ in notes] == notes
        frame = fresh.interviews()
        assert list(frame["id"]) == ids
        assert list(frame["notes"]) == [r.notes for r in records]
        assert list(frame["interviewers"]) == [r.interviewers for r in records]
        assert list(frame["held_at"]) == [pd.Timestamp(r.held_at) for r in records]

        other = InterviewLog(Path(folder) / "other")
        other.import_file(fresh.export_zip(), "log.zip")
        assert other.items() == fresh.items()
        assert other.followup_items() == fresh.followup_items()


# -- faults: a killed writer, two writers, a crash between two files ------------------------

CHILD_PRELUDE = """
import os, random, sys, time
from datetime import datetime, timedelta
from followup_kit.records import FollowUp, Interview
from followup_kit.store import InterviewLog
log = InterviewLog(sys.argv[1])
start = datetime(2026, 1, 5, 9, 0)
"""

# Adds, records and removes forever, printing each id once the call has returned (so is committed).
# fsync is slowed down so a SIGKILL often lands in the middle of a save.
KILLED_WRITER = (
    CHILD_PRELUDE
    + """
real_fsync = os.fsync
def slow_fsync(fd):
    time.sleep(random.random() * 0.003)
    real_fsync(fd)
os.fsync = slow_fsync
n = int(sys.argv[2])
while True:
    n += 1
    iv_id = log.add(Interview(f"Company {n}", "Analyst", start + timedelta(hours=n), notes="x" * (n % 50)))
    print("+", iv_id, flush=True)
    fu_id = log.record(FollowUp(iv_id, start + timedelta(hours=n, minutes=30), "email", "thank_you", "Ann"))
    print("+", fu_id, flush=True)
    if n % 3 == 0:
        print("?", iv_id, fu_id, flush=True)  # may be gone if the kill lands during the removal
        log.remove(iv_id)
        print("-", iv_id, fu_id, flush=True)
"""
)

APPENDER = (
    CHILD_PRELUDE
    + """
for n in range(int(sys.argv[2])):
    print(log.add(Interview(f"Company {n}", "Analyst", start + timedelta(hours=n))), flush=True)
"""
)


def run_child(code: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )


def test_a_writer_killed_mid_save_leaves_every_committed_row(tmp_path):
    rng = random.Random(20260306)
    present: set[str] = set()
    removed: set[str] = set()
    killed_mid_save = 0
    for round_number in range(8):
        child = run_child(KILLED_WRITER, str(tmp_path), str(round_number * 10_000))
        first_line = [child.stdout.readline()]  # it is running and has committed once
        assert first_line[0].startswith("+ iv-")
        time.sleep(rng.uniform(0.05, 0.6))
        child.send_signal(signal.SIGKILL)
        output, _ = child.communicate()
        in_flight: set[str] = set()
        for line in first_line + output.splitlines():
            sign, *ids = line.split()
            {"+": present, "?": in_flight, "-": removed}[sign].update(ids)
        present -= removed | in_flight
        in_flight -= removed

        leftovers = {p.name for p in tmp_path.iterdir()} - {"interviews.csv", "followups.csv", ".log.lock"}
        killed_mid_save += bool(leftovers)  # a temporary file or a staged change: the kill hit a save
        log = InterviewLog(tmp_path)  # recovers, parses both files, checks every follow-up's interview
        on_disk = {row_id for row_id, _ in log.items()} | {row_id for row_id, _ in log.followup_items()}
        assert present <= on_disk, f"round {round_number}: committed rows lost"
        assert all(row_id in on_disk for row_id in in_flight) or not in_flight & on_disk  # both or neither
        assert not removed & on_disk, f"round {round_number}: removed rows came back"
    assert len(present) > 20
    assert killed_mid_save >= 1, "no kill landed in the middle of a save, so this proved nothing"

    InterviewLog(tmp_path).add(interview())  # the next change cleans up after the crash
    leftovers = [
        p.name for p in tmp_path.iterdir()
        if p.name not in ("interviews.csv", "followups.csv", ".log.lock", ".log.seq")
    ]
    assert leftovers == []
    assert int((tmp_path / ".log.seq").read_text()) % 2 == 0  # a crash mid-change left it odd: settled


def test_two_kernels_appending_to_one_log_lose_nothing(tmp_path):
    children = [run_child(APPENDER, str(tmp_path), "200") for _ in range(2)]
    printed = []
    for child in children:
        output, _ = child.communicate(timeout=300)
        assert child.returncode == 0
        printed += output.split()
    ids = [row_id for row_id, _ in InterviewLog(tmp_path).items()]
    assert len(ids) == 400 and set(ids) == set(printed)


def test_a_committed_two_file_change_is_finished_and_an_unfinished_one_dropped(tmp_path):
    write_tables(tmp_path, [("iv-old", interview(company="Old"))])
    (tmp_path / ".incoming.tmp").mkdir()  # a crash while staging: not committed
    (tmp_path / ".incoming.tmp" / "interviews.csv").write_bytes(b"id,company,role,held_at\n")
    (tmp_path / ".interviews.csv.0123abcd.tmp").write_bytes(b"torn")
    assert [row_id for row_id, _ in InterviewLog(tmp_path).items()] == ["iv-old"]

    staged = tmp_path / "staged"
    write_tables(staged, [("iv-new", interview(company="New"))], [("fu-new", followup("iv-new"))])
    (tmp_path / ".incoming").mkdir()  # a crash after the commit point, before both files moved
    (staged / "followups.csv").rename(tmp_path / ".incoming" / "followups.csv")
    (staged / "interviews.csv").rename(tmp_path / ".incoming" / "interviews.csv")
    assert [row_id for row_id, _ in InterviewLog(tmp_path, read_only=True).items()] == ["iv-new"]
    log = InterviewLog(tmp_path)
    assert [row_id for row_id, _ in log.followup_items()] == ["fu-new"]
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file() and p.name != ".log.seq") == [
        ".log.lock",
        "followups.csv",
        "interviews.csv",
    ]
    assert not (tmp_path / ".incoming").exists() and not (tmp_path / ".incoming.tmp").exists()


# -- issue 12: consistent reads, read-only folders, hostile uploads, stray files ----------------

# Two-file changes forever: remove an interview with its follow-up, and replace the whole log.
TWO_FILE_WRITER = (
    CHILD_PRELUDE
    + """
uploads = [InterviewLog(folder).export_zip() for folder in sys.argv[2:]]
n = 0
while True:
    n += 1
    iv_id = log.add(Interview(f"Company {n}", "Analyst", start + timedelta(hours=n)))
    log.record(FollowUp(iv_id, start + timedelta(hours=n, minutes=30), "email", "thank_you", "Ann"))
    log.remove(iv_id)  # a change to both files
    log.import_file(uploads[n % 2], "log.zip", mode="replace")  # both files, other ids each time
    if n == 2:
        print("ready", flush=True)
"""
)


def _torn_reads(folder: Path, reads: int, read) -> tuple[int, int]:
    """(torn, total) reads of ``folder`` while a child process makes two-file changes."""
    seeds = [folder.parent / "seed-a", folder.parent / "seed-b"]
    for seed in seeds:
        write_tables(
            seed,
            [(f"iv-{seed.name}-{i}", interview(company=f"Seed {i}")) for i in range(3)],
            [(f"fu-{seed.name}-{i}", followup(f"iv-{seed.name}-{i}")) for i in range(3)],
        )
    InterviewLog(folder).import_file(InterviewLog(seeds[0]).export_zip(), "seed.zip")
    child = run_child(TWO_FILE_WRITER, str(folder), *map(str, seeds))
    try:
        assert child.stdout.readline().strip() == "ready"
        torn = 0
        for _ in range(reads):
            try:
                interviews, followups = read()
            except LogFileError:
                torn += 1
                continue
            known = {row_id for row_id, _ in interviews}
            torn += any(fu.interview_id not in known for _, fu in followups)
        assert child.poll() is None, "the writer stopped, so the reads proved nothing"
    finally:
        child.kill()
        child.communicate()
    return torn, reads


def test_reads_during_two_file_changes_never_pair_old_and_new_files(tmp_path):
    folder = tmp_path / "log"
    reader = InterviewLog(folder, read_only=True)  # takes no lock of its own: reads under a shared one

    def read():
        state = reader._state()
        return list(state.interviews.rows.items()), list(state.followups.rows.items())

    assert _torn_reads(folder, 2_000, read) == (0, 2_000)


def test_reads_without_a_lock_file_retry_until_they_see_one_state(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "_shared_lock", lambda path: None)  # as in a folder without a lock file
    folder = tmp_path / "log"
    assert _torn_reads(folder, 1_000, lambda: read_tables(folder)) == (0, 1_000)


READ_ONLY_READER = """
import json, sys
from followup_kit.store import InterviewLog, LogFileError
log = InterviewLog(sys.argv[1])
out = {"ids": [i for i, _ in log.items()], "followups": [i for i, _ in log.followup_items()],
       "zip": len(log.export_zip()), "sample": len(InterviewLog(sys.argv[1], read_only=True))}
try:
    log.add(log.get(out["ids"][0]))
except LogFileError as error:
    out["add"] = str(error)
print(json.dumps(out))
"""


@pytest.mark.parametrize("with_lock_file", [False, True])
def test_a_read_only_folder_shows_the_log_and_refuses_changes_in_words(with_lock_file):
    top = Path(tempfile.mkdtemp())
    try:
        top.chmod(0o755)  # so the unprivileged reader below can reach it
        folder = top / "my_log"
        pairs = [("iv-1", interview()), ("iv-2", interview(company="B"))]
        write_tables(folder, pairs, [("fu-1", followup("iv-1"))])
        if with_lock_file:
            InterviewLog(folder).add(interview(company="C"))
        for path in folder.iterdir():
            path.chmod(0o644)
        folder.chmod(0o555)
        before = snapshot(folder)
        as_root = os.geteuid() == 0  # root writes anywhere: read as "nobody", who cannot
        done = subprocess.run(
            [sys.executable, "-c", READ_ONLY_READER, str(folder)],
            capture_output=True,
            text=True,
            cwd=top,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            user=65534 if as_root else None,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        assert out["ids"][:2] == ["iv-1", "iv-2"] and out["followups"] == ["fu-1"]
        assert out["sample"] == len(out["ids"]) and out["zip"] > 0
        assert "cannot be written" in out["add"] and "nothing was changed" in out["add"]
        assert snapshot(folder) == before and (folder / ".log.lock").exists() == with_lock_file
    finally:
        (top / "my_log").chmod(0o755)
        shutil.rmtree(top)


def _forged_zip(member: bytes, declared: int, real_bytes: int) -> bytes:
    """A zip whose one member declares ``declared`` bytes but inflates to ``real_bytes`` (a zip bomb)."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = [squeeze.compress(member)]
    block = b"\n" * 1_000_000
    for _ in range(real_bytes // len(block)):
        body.append(squeeze.compress(block))
    body.append(squeeze.flush())
    data = b"".join(body)
    name = b"interviews.csv"
    local = struct.pack(
        "<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21, 0, len(data), declared, len(name), 0
    )
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0x21, 0, len(data), declared, len(name),
        0, 0, 0, 0, 0o644 << 16, 0,
    )
    start = len(local) + len(name) + len(data)
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(central) + len(name), start, 0)
    return local + name + data + central + name + end


def _measured(call) -> tuple[BaseException | None, float]:
    """What ``call`` raised and its peak Python memory in MB (traced on a second call).

    Memory, not time, is asserted: it does not depend on how busy the machine is, and the old reader
    needed gigabytes for these uploads.  Their times are printed by benchmarks/bench_store_faults.py.
    """
    errors: list[BaseException | None] = []
    for traced in (False, True):
        if traced:
            tracemalloc.start()
        try:
            call()
            errors.append(None)
        except Exception as caught:  # noqa: BLE001 - the caller checks what it was
            errors.append(caught)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    assert str(errors[0]) == str(errors[1])
    return errors[0], peak


HEADER = b"id,company,role,held_at\n"


@pytest.mark.parametrize("declared", [1_000, 15_000_000])
def test_a_zip_with_a_forged_size_is_refused_with_bounded_memory(log, declared):
    bomb = _forged_zip(HEADER, declared, 200_000_000)  # 200 MB of new lines in a ~200 KB zip
    assert len(bomb) < 1_000_000
    error, peak = _measured(lambda: log.import_file(bomb, "bomb.zip"))
    assert isinstance(error, LogFileError), error
    assert str(error).startswith("The upload 'bomb.zip' ") and "nothing was imported" in str(error)
    assert peak < 100, peak
    assert not log.path.exists()


def test_a_zip_member_is_cut_at_the_real_byte_limit_not_its_declared_size(log, monkeypatch):
    monkeypatch.setattr(store, "MAX_UPLOAD_BYTES", 1_000_000)
    bomb = _forged_zip(HEADER, 900_000, 2_000_000)  # declares 900 KB, holds 2 MB: read up to 900 KB
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("interviews.csv", HEADER + b"\n" * 600_000)  # each under 1 MB, together past it
        archive.writestr("followups.csv", b"id,interview_id\n" + b"\n" * 600_000)
    for data in (bomb, buffer.getvalue()):
        with pytest.raises(LogFileError, match="^The upload 'big.zip' "):
            read_upload(data, "big.zip")
    with pytest.raises(LogFileError, match="larger than a log can be \\(1 MB\\) once unzipped"):
        read_upload(buffer.getvalue(), "big.zip")


def _zipped(text: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("interviews.csv", text)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "filename", "fragment"),
    [
        (_zipped(HEADER + b"\n" * 9_000_000), "blank.zip", "has more rows than a log can have (20,000)"),
        (HEADER + b"\r\n" * 4_500_000, "blank.csv", "has more rows than a log can have (20,000)"),
        (
            HEADER.rstrip() + b"".join(b",c%d" % i for i in range(60_000)) + b"\n",
            "wide.csv",
            "row 1 has 60,004 columns, more than a log has (200)",
        ),
        (
            _zipped(HEADER.rstrip() + b"," * 1_500_000 + b"\n"),
            "wider.zip",
            "line 1 is longer than a log's lines can be (1,000,000 characters)",
        ),
        (HEADER + b"iv-1," + b"x" * 2_000_000 + b"\n", "long.csv", "line 2 is longer than"),
        (HEADER + (b"," * 199 + b"\n") * 6_000, "cells.csv", "more cells than a log can have (1,000,000)"),
    ],
)
def test_huge_or_wide_csv_text_is_refused_while_reading_with_bounded_memory(log, data, filename, fragment):
    error, peak = _measured(lambda: log.import_file(data, filename))
    assert isinstance(error, LogFileError), error
    assert fragment in str(error)
    assert str(error).endswith("nothing was imported, so correct the file and upload it again.")
    assert peak < 200, peak
    assert not log.path.exists()


def test_a_stray_incoming_tmp_file_or_folder_is_cleared_and_never_a_traceback(tmp_path):
    write_tables(tmp_path, [("iv-1", interview())], [("fu-1", followup("iv-1"))])
    (tmp_path / ".incoming.tmp").write_bytes(b"stray")
    (tmp_path / ".interviews.csv.0123abcd.tmp").mkdir()  # a folder with a temporary file's name
    assert [i for i, _ in InterviewLog(tmp_path, read_only=True).items()] == ["iv-1"]
    log = InterviewLog(tmp_path)
    assert [i for i, _ in log.items()] == ["iv-1"]
    log.remove("iv-1")  # a two-file change stages in .incoming.tmp
    assert len(log) == 0 and not (tmp_path / ".incoming.tmp").exists()


def test_a_stray_file_named_incoming_is_named_moved_aside_and_ignored(tmp_path):
    write_tables(tmp_path, [("iv-1", interview())], [("fu-1", followup("iv-1"))])
    (tmp_path / ".incoming").write_bytes(b"not ours")
    assert [i for i, _ in InterviewLog(tmp_path, read_only=True).items()] == ["iv-1"]
    log = InterviewLog(tmp_path)
    with pytest.warns(UserWarning, match=r"A stray file named \.incoming in .* renamed \.incoming\.stray-"):
        assert [i for i, _ in log.items()] == ["iv-1"]
    log.remove("iv-1")
    assert len(log) == 0
    [aside] = tmp_path.glob(".incoming.stray-*")
    assert aside.read_bytes() == b"not ours"


def test_a_missing_interviews_csv_is_reported_as_missing_not_blamed_on_followups(tmp_path):
    write_tables(tmp_path, [("iv-1", interview())], [("fu-1", followup("iv-1"))])
    (tmp_path / "interviews.csv").unlink()
    for log in (InterviewLog(tmp_path), InterviewLog(tmp_path, read_only=True)):
        with pytest.raises(LogFileError) as caught:
            log.items()
        assert str(caught.value).startswith(
            f"interviews.csv is missing from {tmp_path}, yet followups.csv there holds 1 follow-up; "
        )


@pytest.mark.parametrize(
    ("cell", "fragment"),
    [
        ("9999-12-30 10:00", "row 2, held_at: expected a date between 1950 and 2100"),
        ("2026-03-06 10:00junk", "row 2, held_at: expected a date and time like"),
    ],
)
def test_a_file_with_an_out_of_range_or_junk_date_is_refused_naming_row_and_field(tmp_path, cell, fragment):
    (tmp_path / "interviews.csv").write_text(f"id,company,role,held_at\niv-1,Acme,Analyst,{cell}\n")
    with pytest.raises(LogFileError, match=re.escape(fragment)):
        InterviewLog(tmp_path).items()
    with pytest.raises(LogFileError, match="row 2, company: expected text without control characters"):
        read_upload(b"id,company,role,held_at\niv-1,Ac\x1bme,Analyst,2026-03-06 10:00\n", "esc.csv")
    refused = r"row 2, id: expected text without control characters \(found U\+202E\)"
    with pytest.raises(LogFileError, match=refused):
        read_upload("id,company,role,held_at\niv-\u202e1,Acme,Analyst,2026-03-06 10:00\n".encode(), "rtl.csv")
    with pytest.raises(ValidationError, match="^id: expected text without control characters"):
        write_tables(tmp_path / "other", [("iv-\x00", interview())])


def test_old_mac_line_endings_still_read_line_by_line():
    text = (
        b"id,company,role,held_at\riv-1,Acme,Analyst,2026-03-06 10:00"
        b'\riv-2,"Two\rlines",B,2026-03-07 09:00'
    )
    with pytest.raises(LogFileError, match="row 3, company: expected a single line"):
        read_upload(text, "mac.csv")
    upload = read_upload(text.replace(b'"Two\rlines"', b"Beta"), "mac.csv")
    assert [row_id for row_id, _ in upload.interviews] == ["iv-1", "iv-2"]


def test_an_odd_change_counter_left_by_a_crash_does_not_block_lockless_readers(tmp_path, monkeypatch):
    """The counter is odd only while a change is written; one that stays odd with the files unchanged
    was left by a crash, so a reader that takes no lock reads after a moment instead of failing."""
    monkeypatch.setattr(store, "_shared_lock", lambda path: None)
    write_tables(tmp_path, [("iv-1", interview())])
    (tmp_path / ".log.seq").write_text("3\n")
    started = time.monotonic()
    assert [row_id for row_id, _ in read_tables(tmp_path)[0]] == ["iv-1"]
    assert store._STALE_ODD <= time.monotonic() - started < store._STALE_ODD + 5
    InterviewLog(tmp_path).add(interview(company="B"))  # the next change settles it
    assert int((tmp_path / ".log.seq").read_text()) % 2 == 0


# -- spreadsheet-safe files: the log on disk, the zip and the .xlsx (issue 15) ----------------------

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "=1+1", "@x", "+x", "-x"]
PHONES = {"contact_phone": "07700900123", "agency_phone": "+447700900123"}


def risky_interview() -> Interview:
    return interview(
        company=FORMULAS[0], role=FORMULAS[1], agency_contact=FORMULAS[2], contact=FORMULAS[3],
        notes=FORMULAS[4], talking_points=["0123", "1.50"], **PHONES,
    )


_SHEET_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def like_a_spreadsheet(data: bytes) -> bytes:
    """Open a CSV the way LibreOffice and Excel do and save it again: a cell behind ' stays the text it
    shows, a formula is evaluated (to an error here), and a number-like cell becomes a number, losing a
    leading 0 or +.  The BOM and line endings come back as a spreadsheet writes them."""
    text = data.decode("utf-8-sig")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text, newline="")):
        saved = []
        for cell in row:
            if cell.startswith("'"):
                saved.append(cell)
            elif cell.startswith(("=", "@")):
                saved.append("Err:509")
            elif _SHEET_NUMBER.fullmatch(cell):
                saved.append(f"{float(cell):g}" if "." in cell else str(int(cell)))
            else:
                saved.append(cell)
        writer.writerow(saved)
    return out.getvalue().encode("utf-8")


def test_the_spreadsheet_stand_in_does_damage_unguarded_cells():
    """The stand-in above is a fair test: an unguarded phone or formula does not survive it."""
    damaged = like_a_spreadsheet(b"a,b,c\n07700900123,+447700900123,=1+1\n").decode()
    assert damaged.splitlines()[1] == "7700900123,447700900123,Err:509"


def test_the_log_on_disk_opened_and_saved_in_a_spreadsheet_keeps_every_text(log):
    iv_id = log.add(risky_interview())
    fu_id = log.record(followup(iv_id, to="+x", notes="=1+1"))
    path = log.path / "interviews.csv"
    raw = path.read_text(encoding="utf-8")
    assert "'07700900123" in raw and "'+447700900123" in raw and ",'=1+1," in raw
    assert pd.read_csv(path, dtype=None)["contact_phone"][0] == "'07700900123"  # read as text, not a number
    for name in ("interviews.csv", "followups.csv"):
        (log.path / name).write_bytes(like_a_spreadsheet((log.path / name).read_bytes()))
    fresh = InterviewLog(log.path)
    assert fresh.get(iv_id) == risky_interview()
    assert (fresh.get(iv_id).contact_phone, fresh.get(iv_id).agency_phone) == ("07700900123", "+447700900123")
    assert fresh.get(fu_id) == followup(iv_id, to="+x", notes="=1+1")


def test_the_zip_opened_and_saved_in_a_spreadsheet_imports_back_unchanged(log, tmp_path):
    iv_id = log.add(risky_interview())
    log.record(followup(iv_id, notes="-x"))
    with zipfile.ZipFile(io.BytesIO(log.export_zip())) as archive:
        members = {name: like_a_spreadsheet(archive.read(name)) for name in archive.namelist()}
    other = InterviewLog(tmp_path / "other")
    other.import_file(zip_of(**members), "edited.zip")
    assert other.items() == log.items()
    assert other.followup_items() == log.followup_items()


def test_text_that_looks_mis_encoded_round_trips_through_the_kits_own_zip(log, tmp_path):
    # Found by the property test above: a learner's "Â¡" is what "¡" looks like after a Windows-1252
    # misreading; in a zip the kit wrote (its manifest's digest matches) it is the learner's own text.
    iv_id = log.add(risky_interview().replace(company="Â¡Hola Café", notes="Ã©"))
    other = InterviewLog(tmp_path / "other")
    other.import_file(log.export_zip(), "log.zip")
    assert other.get(iv_id).company == "Â¡Hola Café"
    assert other.items() == log.items()


def test_a_zip_whose_csv_was_resaved_mis_encoded_is_still_refused_despite_the_manifest(log, tmp_path):
    log.add(risky_interview().replace(company="Café Crème"))
    with zipfile.ZipFile(io.BytesIO(log.export_zip())) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    misread = "Café Crème".encode().decode("cp1252")  # "CafÃ© CrÃ¨me"
    members["interviews.csv"] = members["interviews.csv"].replace("Café Crème".encode(), misread.encode())
    assert store.MANIFEST_JSON in members
    other = InterviewLog(tmp_path / "other")
    with pytest.raises(LogFileError, match="UTF-8 read as Windows-1252"):
        other.import_file(zip_of(**members), "edited.zip")
    members[store.MANIFEST_JSON] = b"not json"  # a damaged manifest vouches for nothing either
    with pytest.raises(LogFileError, match="UTF-8 read as Windows-1252"):
        other.import_file(zip_of(**members), "edited.zip")


@pytest.mark.parametrize("text", [*FORMULAS, "'=quoted", "07700900123", "'0123", "0123", "1.50", "10:30",
                                  "12/3", "plain", "", "''", "'"])
def test_guard_and_unguard_are_exact_inverses(text):
    for as_text in (False, True):
        assert store._unguard(store._guard(text, as_text=as_text), as_text=as_text) == text


def test_download_for_excel_types_text_as_text_and_dates_as_dates(log, tmp_path):
    from openpyxl import load_workbook

    iv_id = log.add(risky_interview().replace(decision_by=date(2026, 3, 13), decision_in_business_days=3))
    log.record(followup(iv_id))
    data = store.export_xlsx(log)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["interviews", "followups"]
    sheet = book["interviews"]
    header = [cell.value for cell in sheet[1]]
    row = {name: cell for name, cell in zip(header, sheet[2], strict=True)}
    for name, value in {"company": FORMULAS[0], "role": "=1+1", "agency_contact": "@x", "contact": "+x",
                        "notes": "-x", **PHONES, "id": iv_id}.items():
        assert row[name].value == value and row[name].data_type == "s", name
        assert row[name].number_format == "@"
    assert row["held_at"].data_type == "d" and row["held_at"].value == HELD
    assert row["decision_by"].value == datetime(2026, 3, 13)
    assert row["decision_by"].number_format == "yyyy-mm-dd"
    assert row["decision_in_business_days"].value == 3 and row["decision_in_business_days"].data_type == "n"
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row]
    assert cells and not [cell.coordinate for cell in cells if cell.data_type == "f"]  # no formulas at all

    other = InterviewLog(tmp_path / "other")
    report = other.import_file(data, "followup-log.xlsx")
    assert (report.added_interviews, report.added_followups) == (1, 1)
    assert other.items() == log.items() and other.followup_items() == log.followup_items()


def test_an_xlsx_edited_and_saved_changes_only_what_the_learner_changed(log):
    from openpyxl import load_workbook

    iv_id = log.add(risky_interview())
    book = load_workbook(io.BytesIO(store.export_xlsx(log)))
    sheet = book["interviews"]
    header = [cell.value for cell in sheet[1]]
    sheet.cell(row=2, column=header.index("notes") + 1).value = "Called back on Monday."
    edited = io.BytesIO()
    book.save(edited)
    log.import_file(edited.getvalue(), "edited.xlsx", mode="replace")
    assert log.get(iv_id) == risky_interview().replace(notes="Called back on Monday.")


def test_an_xlsx_with_formulas_or_number_phones_lists_every_one(log):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "interviews"
    sheet.append(["id", "company", "role", "held_at", "contact_phone"])
    sheet.append(["iv-1", "=A1&\"x\"", "Analyst", HELD, "07700 900123"])
    sheet.append(["iv-2", "Acme", "Analyst", HELD, 7700900123])
    buffer = io.BytesIO()
    book.save(buffer)
    with pytest.raises(LogFileError) as error:
        log.import_file(buffer.getvalue(), "mine.xlsx")
    message = str(error.value)
    assert "has 2 problems" in message
    assert "row 2, company: a formula" in message and "type its value instead" in message
    assert "row 3, contact_phone: the number 7700900123" in message and "format the column as Text" in message
    assert len(log) == 0


# -- messages that lead to a fix (issue 15) ---------------------------------------------------------


def test_a_file_read_as_windows_1252_and_saved_again_is_named_as_such(log):
    mangled = "\ufeffid,company,role,held_at\niv-1,Société Générale,Analyst,2026-03-06 10:00\n"
    as_saved = mangled.encode("utf-8").decode("cp1252").encode("utf-8")  # ï»¿id, SociÃ©tÃ©
    with pytest.raises(LogFileError, match="UTF-8 read as Windows-1252, so save it again as UTF-8") as error:
        log.import_file(as_saved, "interviews.csv")
    assert "ï»¿id" in str(error.value) and "no 'id' column" not in str(error.value)
    no_bom = as_saved.replace("ï»¿".encode(), b"")
    with pytest.raises(LogFileError, match="it would read 'Société Générale'"):
        log.import_file(no_bom, "interviews.csv")
    assert len(log) == 0


def test_every_missing_column_is_named_at_once(log):
    with pytest.raises(LogFileError) as error:
        log.import_file(b"company,notes\nAcme,x\n", "sheet.csv")
    assert "no 'id' column, no 'role' column and no 'held_at' column" in str(error.value)


def test_every_bad_row_is_listed_with_its_row_number_and_field(log):
    text = (
        "id,company,role,held_at,decision_by\n"
        "iv-1,,Analyst,2026-03-06 10:00,\n"
        "iv-2,Acme,Analyst,2026-03-06 10:00,\n"
        "iv-3,Acme,Analyst,tomorrow,\n"
        "iv-4,Acme,Analyst,2026-03-06 10:00,2026-03-13junk\n"
    )
    with pytest.raises(LogFileError) as error:
        log.import_file(text.encode(), "sheet.csv")
    message = str(error.value)
    assert "has 3 problems" in message
    assert "\n- row 2, company: expected a non-empty text" in message
    assert "\n- row 4, held_at: expected a date and time" in message
    assert "\n- row 5, decision_by: expected a date like 2026-03-13, got '2026-03-13junk'" in message
    assert "row 3" not in message and len(log) == 0


def test_a_row_without_an_id_gets_one_the_same_on_every_read(tmp_path):
    write_tables(tmp_path, [("iv-1", interview())])
    with open(tmp_path / "interviews.csv", "a", encoding="utf-8") as handle:
        handle.write(",Contoso,Clerk,2026-03-07 09:30,video" + "," * 15 + "\n")
    first = [row_id for row_id, _ in read_tables(tmp_path)[0]]
    assert first[0] == "iv-1" and re.fullmatch(r"iv-[0-9a-f]{8}", first[1])
    assert [row_id for row_id, _ in read_tables(tmp_path)[0]] == first
    log = InterviewLog(tmp_path)
    log.add(interview(company="Fabrikam"))  # the next save writes the made id down
    assert first[1] in (tmp_path / "interviews.csv").read_text()
    upload = read_upload(b"id,company,role,held_at\n,Acme,Analyst,2026-03-06 10:00\n", "new.csv")
    assert re.fullmatch(r"iv-[0-9a-f]{8}", upload.interviews[0][0])


def test_us_dates_with_am_pm_are_read_when_the_file_tells_the_order(log):
    text = (
        "id,company,role,held_at,outcome_at\n"
        "iv-1,Acme,Analyst,3/16/2026 2:30 PM,\n"
        "iv-2,Beta,Analyst,\"3/6/26, 9:05 AM\",3/20/2026 12:00 AM\n"
    )
    log.import_file(text.encode(), "us.csv")
    held = {iv.company: iv for _, iv in log.items()}
    assert held["Acme"].held_at == datetime(2026, 3, 16, 14, 30)
    assert held["Beta"].held_at == datetime(2026, 3, 6, 9, 5)
    assert held["Beta"].outcome_at == datetime(2026, 3, 20, 0, 0)
    ambiguous = "id,company,role,held_at\niv-9,Acme,Analyst,3/6/2026 2:30 PM\n"
    with pytest.raises(LogFileError, match="could be day/month or month/day"):
        log.import_file(ambiguous.encode(), "which.csv")
    with pytest.raises(LogFileError, match="held_at: expected a date and time"):
        log.import_file(b"id,company,role,held_at\niv-9,Acme,Analyst,3/16/2026 13:30 PM\n", "bad.csv")
# -- issue 12: no lost updates (two kernels or tabs on one log) ---------------------------------


def test_an_update_based_on_a_stale_read_of_the_same_field_is_refused_naming_both_values(tmp_path):
    tab_a, tab_b = InterviewLog(tmp_path), InterviewLog(tmp_path)
    iid = tab_a.add(interview(notes="first"))
    seen_by_b = tab_b.get(iid)
    tab_a.update(iid, base=tab_a.get(iid), notes="from tab A")
    before = snapshot(tmp_path)
    with pytest.raises(store.ConflictError) as caught:
        tab_b.update(iid, base=seen_by_b, notes="from tab B")
    assert caught.value.changes == (("notes", "from tab A", "from tab B"),)
    assert caught.value.current.notes == "from tab A"
    assert "'from tab A' -> 'from tab B'" in str(caught.value) and "nothing was saved" in str(caught.value)
    assert snapshot(tmp_path) == before
    tab_b.update(iid, notes="from tab B")  # overwriting on purpose: no base
    assert InterviewLog(tmp_path).get(iid).notes == "from tab B"


def test_updates_of_other_fields_from_a_stale_read_keep_both_changes(tmp_path):
    """The bug of issue 12: load into the form, set Offer in Close out, fix a typo, save."""
    log = InterviewLog(tmp_path)
    iid = log.add(interview(company="Nortwind"))
    loaded = log.get(iid)
    log.update(iid, base=loaded, outcome="offer", outcome_at=HELD + timedelta(days=2))
    log.update(iid, base=loaded, company="Northwind")
    now = InterviewLog(tmp_path).get(iid)
    assert (now.company, now.outcome, now.outcome_at) == ("Northwind", "offer", HELD + timedelta(days=2))


def test_the_same_change_made_in_two_tabs_is_no_conflict(tmp_path):
    log = InterviewLog(tmp_path)
    iid = log.add(interview())
    loaded = log.get(iid)
    log.update(iid, base=loaded, notes="same")
    log.update(iid, base=loaded, notes="same")
    assert log.get(iid).notes == "same"


def test_a_revision_changes_with_the_record_and_the_generation_with_the_log(tmp_path):
    log = InterviewLog(tmp_path)
    first, second = log.add(interview()), log.add(interview(company="B"))
    rev, gen = log.revision(first), log.generation()
    log.update(second, notes="x")
    assert log.revision(first) == rev and log.generation() != gen
    log.update(first, notes="x")
    assert log.revision(first) != rev
    with pytest.raises(UnknownIdError):
        log.revision("iv-none")


def test_a_delete_names_a_follow_up_recorded_elsewhere_after_the_question_and_removes_nothing(tmp_path):
    tab_a, tab_b = InterviewLog(tmp_path), InterviewLog(tmp_path)
    iid = tab_a.add(interview())
    told = [iid, *(fid for fid, _ in tab_a.followup_items(iid))]  # what the question named: no follow-ups
    late = tab_b.record(followup(iid, to="Raj"))
    before = snapshot(tmp_path)
    with pytest.raises(store.ConflictError) as caught:
        tab_a.remove(iid, expected=told)
    assert [(fid, fu.to) for fid, fu in caught.value.extra] == [(late, "Raj")]
    assert "1 follow-up" in str(caught.value) and "nothing was deleted" in str(caught.value)
    assert snapshot(tmp_path) == before
    tab_a.remove(iid, expected=[iid, late])
    assert len(tab_b) == 0 and tab_b.followup_items() == []


def test_a_replace_confirmed_against_an_old_generation_is_refused(tmp_path, log):
    mine = log.add(interview(company="Mine"))
    other = InterviewLog(tmp_path / "other")
    other.add(interview(company="Upload"))
    data = other.export_zip()
    preview = log.preview_import(data, "log.zip", mode="replace")
    assert preview.based_on == log.generation()
    InterviewLog(log.path).record(followup(mine))  # another tab, after the question was asked
    before = snapshot(log.path)
    with pytest.raises(store.ConflictError, match="1 interview and 1 follow-up"):
        log.import_file(data, "log.zip", mode="replace", based_on=preview.based_on)
    assert snapshot(log.path) == before
    fresh = log.preview_import(data, "log.zip", mode="replace")
    assert (fresh.before_interviews, fresh.before_followups) == (1, 1)
    log.import_file(data, "log.zip", mode="replace", based_on=fresh.based_on)
    assert [iv.company for _, iv in log.items()] == ["Upload"]
