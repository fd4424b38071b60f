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
    assert first.held_at == datetime(2026, 3, 6, 10, 0) and not first.ready  # the order is asked first
    assert first.problems == ("say above whether dates are day/month or month/day",)
    assert first.values["contact_phone"] == "07700 900123" and first.values["contact"] == "Priya Natarajan"
    assert third.problems[0] == "interview date: '2026-03-13junk' is not a date like 2026-03-13 or 3/13/2026"
    assert second.outcome == "rejected"
    answered = preview_of("generic_sheet.csv", day_first=True)
    assert answered.date_question is None and answered.rows[1].held_at == datetime(2026, 3, 6, 14, 30)
    assert answered.rows[0].ready and answered.rows[1].ready and not answered.rows[2].ready
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


def _workbook_content(data: bytes) -> list:
    """What a learner sees in an .xlsx: each sheet's cells (value, type, bold, number format), widths."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return [
        (sheet.title,
         [[(c.value, c.data_type, c.font.bold, c.number_format) for c in row] for row in sheet.iter_rows()],
         {key: dim.width for key, dim in sheet.column_dimensions.items()})
        for sheet in book.worksheets
    ]  # fmt: skip


def test_the_shipped_xlsx_template_is_what_the_builder_makes_now():
    # template_xlsx reads the file shipped in the package (no openpyxl in notebook 01's kernel); after a
    # change to TEMPLATE_COLUMNS or the example row, 'python3 tasks.py template' rebuilds it
    shipped, built = trackers.template_xlsx(), trackers.build_template_xlsx()
    assert _workbook_content(shipped) == _workbook_content(built), "run: python3 tasks.py template"
    assert [name for name, _, _ in trackers.TEMPLATE_COLUMNS] == [
        c[0] for c in _workbook_content(shipped)[0][1][0]
    ]


def test_files_that_are_not_trackers_say_what_to_do():
    with pytest.raises(trackers.TrackerError, match="is empty"):
        trackers.read_tracker(b"", "x.csv")
    mangled = "Company,Role\nSociété,Analyst\n".encode("utf-8-sig").decode("cp1252").encode("utf-8")
    with pytest.raises(trackers.TrackerError, match="UTF-8 read as Windows-1252"):
        trackers.read_tracker(mangled, "x.csv")
    no_bom = "Company,Role\nSociété Générale,Analyst\n".encode().decode("cp1252").encode("utf-8")
    with pytest.raises(trackers.TrackerError, match="row 2, has 'SociÃ©tÃ© GÃ©nÃ©rale' .it would read "
                                                    "'Société Générale'.: this looks like UTF-8 read as"):
        trackers.read_tracker(no_bom, "x.csv")
    with pytest.raises(trackers.TrackerError, match="not a readable .xlsx"):
        trackers.read_tracker(b"PK\x03\x04 broken", "x.xlsx")


# -- the view: upload, preview, map, give times, import (widgets/tracker_import.py) --------------------


@pytest.fixture
def view(tmp_path):
    from followup_kit.widgets import tracker_import

    return tracker_import.TrackerImport(InterviewLog(tmp_path / "log"))


def choose(view, name: str, data: bytes | None = None) -> None:
    content = (DATA / name).read_bytes() if data is None else data
    item = {"name": name, "type": "text/csv", "size": len(content), "content": memoryview(content),
            "last_modified": datetime(2026, 3, 6)}
    view.upload.value = (item,)


def test_a_huntr_export_is_previewed_timed_and_imported_into_a_plan(view):
    from followup_kit.planner import plan_followups

    view.preview_button.click()
    assert "Choose your tracker file first" in view.status.value and len(view.interview_log) == 0
    choose(view, "huntr.csv")
    view.preview_button.click()
    status = view.status.value
    assert "Huntr export, 4 rows; 0 ready to import; 4 need the interview&#x27;s date and time" in status
    assert "Contoso Ltd" in view.table.value and "rejected" in view.table.value
    assert "only application dates (Date Applied)" in view.notes.value
    assert view.mapping_box.layout.display == "none" and view.date_order.layout.display == "none"
    assert sorted(view._time_inputs) == [2, 3, 4, 5]
    day, clock = view._time_inputs[2]
    day.value = date(2026, 3, 9)
    clock.value = "2:30 PM"
    view._time_inputs[3][0].value = date(2026, 2, 24)  # a date without its time is named, nothing written
    view.import_button.click()
    assert "row 3: a time like 10:00 or 2:30 PM" in view.status.value and len(view.interview_log) == 0
    view._time_inputs[3][1].value = "10:00"
    view.import_button.click()
    assert "Added 2 interviews" in view.status.value and "2 rows left out" in view.status.value
    (iid, northwind), = [(i, iv) for i, iv in view.interview_log.items() if iv.company == "Northwind Traders"]
    assert northwind.held_at == datetime(2026, 3, 9, 14, 30)
    steps = plan_followups(northwind, [], datetime(2026, 3, 9, 16, 0), interview_id=iid)
    assert steps and steps[0].purpose == "thank_you"  # a plan from the interview, not from the application


def test_an_unknown_layout_asks_for_columns_and_the_date_order(view):
    data = b"Firm,Job,When\nAcme,Analyst,06/03/2026 14:30\nBeta,Clerk,07/03/2026 09:00\n"
    choose(view, "mine.csv", data)
    view.preview_button.click()
    assert view.mapping_box.layout.display == "" and "was not recognised" in view.notes.value
    assert view.menus["company"].value == "Firm" and view.menus["role"].value == "Job"  # guessed
    view.menus["interview_date"].value = "When"
    view.use_columns.click()
    assert view.date_order.layout.display == "" and "could be day/month or month/day" in view.notes.value
    assert not any(row.ready for row in view.preview.rows)  # not on a guess of the order
    view.date_order.value = True
    assert view.preview.rows[0].held_at == datetime(2026, 3, 6, 14, 30) and view.preview.date_question is None
    view.import_button.click()
    assert "Added 2 interviews" in view.status.value
    assert {iv.company for _, iv in view.interview_log.items()} == {"Acme", "Beta"}


def test_a_file_that_is_not_a_tracker_gets_a_message_not_a_traceback(view):
    choose(view, "broken.xlsx", b"PK\x03\x04 not really")
    view.preview_button.click()
    assert "role='alert'" in view.status.value and "not a readable .xlsx" in view.status.value
    assert "followup-kit-template.csv" in view.template.value
    assert "followup-kit-template.xlsx" in view.template.value


def test_the_files_benchmark_runs_in_a_tiny_mode(capsys):
    """benchmarks/bench_files.py prints its figures (here on 5 rows: it proves it runs, it times nothing)."""
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_files.py"
    spec = importlib.util.spec_from_file_location("bench_files", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = module.main(["--interviews", "5", "--tracker-rows", "5"])
    assert [label for label, _, _ in results][:3] == [
        "read the log on disk (cold)", "export_xlsx", "import the .xlsx into an empty log"]
    assert "Files in, files out at 5 interviews and 5 tracker rows" in capsys.readouterr().out
