"""Tracker files come in with their layout recognised, statuses mapped, and nothing invented."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest

from followup_kit import trackers
from followup_kit.records import ValidationError
from followup_kit.store import InterviewLog

DATA = Path(__file__).resolve().parent / "data" / "trackers"


def preview_of(name: str, **options) -> trackers.TrackerPreview:
    return trackers.read_tracker((DATA / name).read_bytes(), name, **options)


def rows_of(preview: trackers.TrackerPreview) -> list[tuple]:
    return [(r.number, r.company, r.role, r.held_at, r.outcome, r.applied_on) for r in preview.rows]


def test_linkedin_job_applications_are_recognised_with_only_application_dates():
    preview = preview_of("linkedin_Job Applications.csv")
    assert preview.layout is trackers.LINKEDIN and not preview.needs_mapping
    assert rows_of(preview) == [
        (2, "Northwind Traders", "Data Analyst", None, "pending", date(2026, 3, 2)),
        (3, "Contoso Ltd", "Junior Analyst", None, "pending", date(2026, 2, 27)),
        (4, "Fabrikam, Inc.", "Reporting Analyst", None, "pending", date(2026, 2, 13)),
    ]
    assert all(row.needs_time and not row.problems for row in preview.rows)  # asked, never midnight
    assert preview.date_question is None  # LinkedIn writes US dates
    assert any("only application dates (Application Date)" in note and "Nothing is set to midnight" in note
               and "seed 000" in note for note in preview.notes)  # fmt: skip
    assert any("'Contact Email' is not imported (your own email" in text for text in preview.unmapped)
    assert all(row.values["contact_email"] is None for row in preview.rows)
    assert "Job Url" in preview.mapping.values()


def test_huntr_lists_become_outcomes():
    preview = preview_of("huntr.csv")
    assert preview.layout is trackers.HUNTR
    assert rows_of(preview) == [
        (2, "Northwind Traders", "Data Analyst", None, "pending", date(2026, 3, 2)),
        (3, "Contoso Ltd", "Junior Analyst", None, "rejected", date(2026, 2, 20)),
        (4, "Fabrikam Inc.", "Reporting Analyst", None, "offer", date(2026, 2, 10)),
        (5, "Tailspin Toys", "BI Developer", None, "pending", None),
    ]
    assert [row.no_interview_yet for row in preview.rows] == [False, False, False, True]
    assert preview.rows[0].values["notes"] == "Panel with two managers\nhttps://example.com/jobs/1"
    assert preview.unknown_statuses == ()


def test_teal_statuses_and_month_first_dates_from_the_file():
    preview = preview_of("teal.csv")
    assert preview.layout is trackers.TEAL
    assert rows_of(preview) == [
        (2, "Wide World Importers", "Operations Analyst", None, "pending", date(2026, 3, 2)),
        (3, "Adventure Works", "Data Analyst", None, "rejected", date(2026, 2, 25)),
        (4, "Litware", "Analyst", None, "withdrawn", date(2026, 2, 14)),
        (5, "Proseware", "Analyst", None, "offer", None),
    ]
    assert preview.date_question is None  # 02/25/2026 can only be month first
    assert any("'Salary' is not imported" in text for text in preview.unmapped)


def test_an_unknown_sheet_gets_a_guessed_mapping_a_date_question_and_row_problems():
    preview = preview_of("generic_sheet.csv")
    assert preview.layout is None and preview.needs_mapping
    assert preview.mapping == {"company": "Employer", "role": "Position", "interview_date": "Interviewed on",
                               "status": "Outcome", "contact": "Recruiter", "contact_phone": "Phone"}
    question = preview.date_question
    assert question and "'06/03/2026 14:30' could be day/month or month/day" in question
    first, second, third = preview.rows
    assert first.held_at == datetime(2026, 3, 6, 10, 0) and first.ready
    assert first.values["contact_phone"] == "07700 900123" and first.values["contact"] == "Priya Natarajan"
    assert third.problems == ("interview date: '2026-03-13junk' is not a date like 2026-03-13 or 3/13/2026",)
    assert second.outcome == "rejected"
    answered = preview_of("generic_sheet.csv", day_first=True)
    assert answered.date_question is None and answered.rows[1].held_at == datetime(2026, 3, 6, 14, 30)
    us = preview_of("generic_sheet.csv", day_first=False)
    assert us.rows[1].held_at == datetime(2026, 6, 3, 14, 30)


def test_a_mapping_chosen_by_the_learner_replaces_the_guess():
    data = b"Firm,Job,When,Clock\nAcme,Analyst,2026-03-06,2:30 PM\n"
    guessed = trackers.read_tracker(data, "mine.csv")
    assert guessed.needs_mapping
    chosen = trackers.read_tracker(data, "mine.csv", mapping={
        "company": "Firm", "role": "Job", "interview_date": "When", "interview_time": "Clock"})
    assert not chosen.mapping.keys() - {"company", "role", "interview_date", "interview_time"}
    assert chosen.rows[0].held_at == datetime(2026, 3, 6, 14, 30) and chosen.rows[0].ready
    with pytest.raises(trackers.TrackerError, match="no column named 'Nope'"):
        trackers.read_tracker(data, "mine.csv", mapping={"company": "Nope"})


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("3/16/2026 2:30 PM", datetime(2026, 3, 16, 14, 30)),
        ("3/16/26, 12:05 AM", datetime(2026, 3, 16, 0, 5)),
        ("16.03.2026 09:00", datetime(2026, 3, 16, 9, 0)),
        ("2026-03-16T09:00:00", datetime(2026, 3, 16, 9, 0)),
        ("3/16/2026 13:30 PM", None),
        ("2026-03-16junk", None),
        ("2026-02-30 10:00", None),
    ],
)
def test_interview_dates_with_am_pm_are_read_only_when_they_are_dates(cell, expected):
    preview = trackers.read_tracker(f'Company,Role,Interview date\nAcme,Analyst,"{cell}"\n'.encode(), "x.csv")
    row = preview.rows[0]
    assert row.held_at == expected
    assert bool(row.problems) == (expected is None)


def test_a_day_without_a_time_asks_for_the_time_instead_of_midnight():
    preview = trackers.read_tracker(b"Company,Role,Interview date\nAcme,Analyst,2026-03-06\n", "x.csv")
    assert preview.rows[0].held_at is None
    assert preview.rows[0].problems == (
        "interview time: the file gives the interview's day but not its time",
    )


def test_import_takes_the_given_times_and_importing_again_adds_nothing(tmp_path):
    log = InterviewLog(tmp_path / "log")
    preview = preview_of("huntr.csv")
    with pytest.raises(ValidationError, match="at least one row"):
        trackers.import_rows(log, preview)
    timed = preview.with_times({2: datetime(2026, 3, 9, 10, 0), 3: datetime(2026, 2, 24, 15, 30)})
    report = trackers.import_rows(log, timed)
    assert report.added_interviews == 2 and "2 rows left out" in report.message
    logged = {iv.company: iv for _, iv in log.items()}
    assert logged["Northwind Traders"].held_at == datetime(2026, 3, 9, 10, 0)
    assert logged["Contoso Ltd"].outcome == "rejected"
    again = trackers.import_rows(log, timed)
    assert again.added_interviews == 0 and again.skipped_duplicates == 2 and len(log) == 2


def test_a_given_time_is_checked_like_the_form_checks_it():
    preview = trackers.read_tracker(
        b"Company,Role,Application date,Decision by\nAcme,Analyst,2026-03-01,2026-03-05\n", "x.csv"
    )
    timed = preview.with_times({2: datetime(2026, 3, 9, 10, 0)})  # after the decision day
    assert not timed.rows[0].ready and "decision_by" in timed.rows[0].problems[0]


def test_the_template_documents_its_columns_and_reads_back_as_ready_rows(tmp_path):
    data = trackers.template_csv()
    header = data.decode("utf-8-sig").splitlines()[0].split(",")
    assert header == [name for name, _, _ in trackers.TEMPLATE_COLUMNS]
    assert [name for name, required, _ in trackers.TEMPLATE_COLUMNS if required] == [
        "Company", "Role", "Interview date", "Interview time"]
    preview = trackers.read_tracker(data, "template.csv")
    assert preview.layout is trackers.TEMPLATE and preview.rows[0].ready
    row = preview.rows[0]
    assert row.held_at == datetime(2026, 3, 6, 10, 0) and row.values["kind"] == "video"
    assert row.values["interviewers"] == ["Dana Whitfield", "Raj Patel"]
    assert row.values["contact_phone"] == "07700 900123" and row.values["decision_by"] == date(2026, 3, 13)

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(trackers.template_xlsx()))
    assert book.sheetnames == ["interviews", "About"]
    about = [[c.value for c in r] for r in book["About"].iter_rows(min_row=2)]
    assert ["Company", "required", "The employer's name."] in about
    assert book["interviews"]["I2"].value == "07700 900123" and book["interviews"]["I2"].data_type == "s"
    assert book["interviews"]["A1"].font.bold and not book["interviews"]["E1"].font.bold
    xlsx_preview = trackers.read_tracker(trackers.template_xlsx(), "template.xlsx")
    assert xlsx_preview.layout is trackers.TEMPLATE and xlsx_preview.rows[0].held_at == row.held_at


def test_files_that_are_not_trackers_say_what_to_do():
    with pytest.raises(trackers.TrackerError, match="is empty"):
        trackers.read_tracker(b"", "x.csv")
    mangled = "Company,Role\nSociété,Analyst\n".encode("utf-8-sig").decode("cp1252").encode("utf-8")
    with pytest.raises(trackers.TrackerError, match="UTF-8 read as Windows-1252"):
        trackers.read_tracker(mangled, "x.csv")
    with pytest.raises(trackers.TrackerError, match="not a readable .xlsx"):
        trackers.read_tracker(b"PK\x03\x04 broken", "x.xlsx")
