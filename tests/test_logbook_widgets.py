"""The logbook view, driven headless: fill the form, click, check what the learner sees and the log holds."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import os
import re
import zipfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

import ipywidgets as widgets
import pytest

from followup_kit import store
from followup_kit.records import Interview
from followup_kit.store import FOLLOWUPS_CSV, INTERVIEWS_CSV, SAMPLE_DIR, InterviewLog
from followup_kit.widgets import _common
from followup_kit.widgets import logbook as lb
from followup_kit.widgets._common import status_html
from followup_kit.widgets.upload import UploadControl

NOW = datetime(2026, 3, 6, 12, 0)  # Friday 6 March 2026, noon: the interview was this morning
EVIL = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def log(tmp_path):
    return InterviewLog(tmp_path / "my_log")


@pytest.fixture
def book(log):
    return lb.Logbook(log, now=NOW)


def fill(book: lb.Logbook, **values) -> None:
    """Type a valid interview into the form; ``values`` override fields by widget attribute name."""
    defaults = dict(
        company="Northwind Traders", role="Data Analyst", held_date=date(2026, 3, 6), held_time=time(10, 0),
        kind="video", interviewers="Dana Whitfield, Raj Patel", contact="Sam Ortiz, 555-0100",
        decision_by=None, decision_days="3", agency_contact="", talking_points="SQL test\nteam size",
        form_outcome="pending", notes="Went well.",
    )
    defaults.update(values)
    for name, value in defaults.items():
        getattr(book, name).value = value


def saved(book: lb.Logbook, **values) -> str:
    fill(book, **values)
    book.save_button.click()
    assert "Saved:" in book.form_status.value, book.form_status.value
    return book.picked


def files(log: InterviewLog) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(log.path.glob("*.csv"))}


def is_error(status: widgets.HTML) -> bool:
    return "role='alert'" in status.value and "⚠" in status.value


def text_of(status: widgets.HTML) -> str:
    """The status as the learner reads it (tags removed, entities undone)."""
    import html

    return html.unescape(re.sub(r"<[^>]+>", "", status.value))


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def zip_from_link(link_html: str) -> dict[str, list[list[str]]]:
    match = re.search(r"download='([^']+)' href='data:application/zip;base64,([^']+)'", link_html)
    assert match, link_html
    assert match[1].endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(match[2])))
    return {
        name: list(csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig"), newline="")))
        for name in archive.namelist()
        if name.endswith(".csv")
    }


def choose(book: lb.Logbook, data: bytes, name: str) -> None:
    """What the upload control's browser side sends for a file within the limit: one binary buffer."""
    book.upload._message(book.upload, {"kind": "file", "name": name, "size": len(data)}, [memoryview(data)])


def upload(book: lb.Logbook, data: bytes, name: str, mode: str = "merge") -> None:
    choose(book, data, name)
    book.upload_mode.value = mode
    book.import_button.click()


# -- the happy path ---------------------------------------------------------------------------


def test_saving_writes_at_once_and_confirms_with_the_label(book, log, tmp_path):
    assert "New interview" in book.form_mode.value
    iid = saved(book)
    assert "Saved: Northwind Traders, Data Analyst, Fri 6 Mar" in text_of(book.form_status)
    assert "role='status'" in book.form_status.value and "aria-live='polite'" in book.form_status.value
    # on disk now: a fresh log object (a kernel restart) reads it back, every field as typed
    again = InterviewLog(tmp_path / "my_log").get(iid)
    assert again == Interview(
        company="Northwind Traders", role="Data Analyst", held_at=datetime(2026, 3, 6, 10), kind="video",
        interviewers=["Dana Whitfield", "Raj Patel"], contact="Sam Ortiz, 555-0100",
        decision_in_business_days=3, talking_points=["SQL test", "team size"], notes="Went well.",
    )
    # the form is empty for the next one, the table shows the row, the new interview is picked
    assert book.company.value == "" and book.held_date.value is None
    assert "Northwind Traders" in book.table.value and "in 3 business days" in book.table.value
    assert book.picker.value == iid == book.quick_picker.value == book.outcome_picker.value
    assert book.quick_buttons["thank_you"].description == "Sent thank-you email to Dana Whitfield"


def test_every_field_of_an_interview_can_be_entered(book, log):
    iid = saved(book, decision_by=date(2026, 3, 13), decision_days="", agency_contact="Keystone: Lee Park",
                kind="phone", form_outcome="offer", notes="Line one\nLine two")
    iv = log.get(iid)
    assert iv.decision_by == date(2026, 3, 13) and iv.decision_in_business_days is None
    assert iv.agency_contact == "Keystone: Lee Park" and iv.kind == "phone" and iv.outcome == "offer"
    assert iv.notes == "Line one\nLine two"


def test_the_table_lists_interviews_newest_first(book):
    for day in (9, 2, 5):
        saved(book, company=f"Firm {day}", held_date=date(2026, 3, day))
    positions = [book.table.value.index(f"Firm {day}") for day in (9, 5, 2)]
    assert positions == sorted(positions)
    assert [label.split(",")[0] for label, _ in book.picker.options] == ["Firm 9", "Firm 5", "Firm 2"]
    assert "<caption" in book.table.value and "newest first: 3" in book.table.value


def test_two_interviews_with_the_same_label_can_still_be_told_apart(book):
    first = saved(book, held_time=time(9, 0))
    second = saved(book, held_time=time(15, 0))
    labels = dict((iid, label) for label, iid in book.picker.options)
    assert labels[first] == "Northwind Traders, Data Analyst, Fri 6 Mar 2026 09:00"
    assert labels[second] == "Northwind Traders, Data Analyst, Fri 6 Mar 2026 15:00"


def test_pick_edit_and_save_changes(book, log):
    iid = saved(book)
    book.picker.value = iid
    book.edit_button.click()
    assert book.company.value == "Northwind Traders" and book.held_time.value == time(10, 0)
    assert book.interviewers.value == "Dana Whitfield, Raj Patel" and "Editing:" in book.form_mode.value
    book.role.value = "Senior Data Analyst"
    book.save_button.click()
    assert "Saved changes: Northwind Traders, Senior Data Analyst, Fri 6 Mar" in text_of(book.form_status)
    assert len(log) == 1 and log.get(iid).role == "Senior Data Analyst"


def test_delete_asks_first_and_removes_the_follow_ups_too(book, log):
    saved(book)
    book.quick_buttons["thank_you"].click()
    book.delete_button.click()
    assert book.delete_box.layout.display == "flex"
    assert "and its 1 follow-up" in book.delete_box.question.value
    assert len(log) == 1  # nothing happens before the answer
    book.delete_box.no.click()
    assert len(log) == 1 and "Nothing was deleted" in book.table_status.value
    assert book.delete_box.layout.display == "none"
    book.delete_button.click()
    book.delete_box.yes.click()
    assert len(log) == 0 and log.followup_items() == []
    assert "Deleted: Northwind Traders" in book.table_status.value and book.picked is None


def test_picking_another_interview_cancels_a_pending_delete(book, log):
    first = saved(book, company="Alpha")
    saved(book, company="Beta")
    book.picker.value = first
    book.delete_button.click()
    book.picker.value = [i for _, i in book.picker.options if i != first][0]
    assert book.delete_box.layout.display == "none"
    book.delete_box.yes.click()  # the old question is gone: nothing is deleted
    assert len(log) == 2


# -- bad input in the form: a clear message naming the field, nothing saved --------------------

BAD_FORMS = [
    ({"company": ""}, "Company is required."),
    ({"company": "   "}, "Company is required."),
    ({"role": ""}, "Role is required."),
    ({"role": " \t "}, "Role is required."),
    ({"held_date": None}, "Date and time of the interview: expected the day of the interview"),
    ({"held_time": None}, "Date and time of the interview: expected the time it started as well"),
    ({"decision_by": date(2026, 3, 5)}, "They decide by: expected a date on or after the interview"),
    ({"decision_days": "three"}, "Hear in N business days: expected a whole number of business days"),
    ({"decision_days": "-1"}, "Hear in N business days: expected zero or more business days"),
    ({"decision_days": "100"}, "Hear in N business days: expected at most 65 business days"),
    ({"notes": "x" * 10_000}, "Notes: expected at most 5,000 characters, got 10,000 characters"),
    ({"company": "N" * 201}, "Company: expected at most 200 characters"),
    ({"talking_points": "t" * 600}, "Talking points: expected at most 500 characters"),
    ({"interviewers": ", ".join(f"Person {n}" for n in range(31))}, "Interviewers: expected at most 30"),
    ({"contact": "Dana \ud800"}, "Your contact: expected text that can be saved as UTF-8"),
    ({"agency_contact": "a" * 300}, "Agency contact: expected at most 200 characters"),
]


@pytest.mark.parametrize(("values", "message"), BAD_FORMS, ids=[m.split(":")[0] + str(i)
                                                                 for i, (_, m) in enumerate(BAD_FORMS)])
def test_bad_input_is_refused_with_the_field_named_and_nothing_saved(book, log, values, message):
    fill(book, **values)
    book.save_button.click()
    assert is_error(book.form_status)
    assert message in text_of(book.form_status) and "Nothing was saved." in text_of(book.form_status)
    assert "Traceback" not in book.form_status.value
    assert len(log) == 0 and files(log) == {}
    # what the learner typed is still there to correct
    for name, value in values.items():
        assert getattr(book, name).value == value


def test_an_edit_that_dates_the_interview_after_its_follow_ups_is_refused(book, log):
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    before = files(log)
    book.edit_button.click()
    book.held_date.value = date(2026, 3, 9)
    book.save_button.click()
    assert "Date and time of the interview: expected a time no later than its first follow-up" in text_of(
        book.form_status
    )
    assert files(log) == before and log.get(iid).held_at == datetime(2026, 3, 6, 10)


# -- names from everywhere, and formula-looking text ---------------------------------------------


def test_emoji_and_accented_names_save_and_round_trip(book, log, tmp_path):
    iid = saved(book, company="Café Ünïcorn 🦄", interviewers="José Núñez, Zoë Ng 😀, Łukasz Żółć",
                talking_points="naïve Bayes\nrésumé gap 📄")
    book.to.value = "José Núñez"
    book.quick_buttons["thank_you"].click()
    fresh = InterviewLog(tmp_path / "my_log")
    iv = fresh.get(iid)
    assert iv.company == "Café Ünïcorn 🦄"
    assert iv.interviewers == ["José Núñez", "Zoë Ng 😀", "Łukasz Żółć"]
    assert iv.talking_points == ["naïve Bayes", "résumé gap 📄"]
    assert fresh.followups_for(iid)[0].to == "José Núñez"
    assert "Saved: Café Ünïcorn 🦄, Data Analyst, Fri 6 Mar" in text_of(book.form_status)
    book.edit_button.click()  # and back into the form unchanged
    assert book.company.value == "Café Ünïcorn 🦄" and book.interviewers.value.startswith("José Núñez")
    # through Download and Upload into another log
    other = lb.Logbook(InterviewLog(tmp_path / "other"), now=NOW)
    data = base64.b64decode(re.search(r"base64,([^']+)'", book.download.value)[1])
    upload(other, data, "followup-log.zip")
    assert other.interview_log.items() == log.items()
    assert other.interview_log.followup_items() == log.followup_items()


def test_formula_text_saves_as_text_and_shows_escaped(book, log):
    iid = saved(book, company=EVIL, notes="@SUM(A1:A9)")
    assert log.get(iid).company == EVIL
    assert "Saved: =HYPERLINK" in text_of(book.form_status)
    assert "<a href" not in book.table.value.split("</caption>")[1]  # shown as text, never as a link
    assert "=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;)" in book.table.value


def test_download_neutralises_cells_that_start_like_a_formula(book, log):
    iid = saved(book, company=EVIL, role="+1 Analyst", interviewers="-Dash Name, @handle",
                contact="=1+1", talking_points="-minus point\n+plus point", notes="@note")
    book.to.value = "=cmd|' /C calc'!A0"
    book.note.value = "-2 follow-up note"
    book.quick_buttons["thank_you"].click()
    tables = zip_from_link(book.download.value)
    assert set(tables) == {INTERVIEWS_CSV, FOLLOWUPS_CSV}
    cells = [cell for rows in tables.values() for row in rows[1:] for cell in row]
    risky = [cell for cell in cells if cell.lstrip("'")[:1] in ("=", "+", "-", "@")]
    assert len(risky) >= 7
    assert all(cell.startswith("'") for cell in risky), risky
    header, row = tables[INTERVIEWS_CSV]
    record = dict(zip(header, row, strict=True))
    assert record["id"] == iid
    assert record["company"] == "'" + EVIL and record["role"] == "'+1 Analyst"
    assert record["interviewers"] == "'-Dash Name\n@handle"  # a cell is one list, one name a line
    assert record["contact"] == "'=1+1" and record["notes"] == "'@note"
    fu = dict(zip(*tables[FOLLOWUPS_CSV], strict=True))
    assert fu["to"] == "'=cmd|' /C calc'!A0" and fu["notes"] == "'-2 follow-up note"
    # the dates are untouched
    assert record["held_at"] == "2026-03-06 10:00"


# -- quick follow-up actions -----------------------------------------------------------------


def test_quick_actions_record_a_follow_up_at_the_time_shown(book, log):
    iid = saved(book)
    assert book.when.value == NOW  # prefilled with now
    book.when.value = datetime(2026, 3, 6, 11, 15)  # ... and can be changed
    book.to.value = "Raj Patel"
    assert book.quick_buttons["thank_you"].description == "Sent thank-you email to Raj Patel"
    book.quick_buttons["thank_you"].click()
    book.quick_buttons["card"].click()
    [email, card] = log.followups_for(iid)
    assert (email.channel, email.purpose, email.to, email.at) == (
        "email", "thank_you", "Raj Patel", datetime(2026, 3, 6, 11, 15))
    # When keeps the time just recorded (issue 13): the card was mailed with the email, one click
    assert (card.channel, card.purpose, card.at) == ("card", "thank_you", datetime(2026, 3, 6, 11, 15))
    assert "Saved: thank-you by card to" in text_of(book.quick_status)
    assert "Raj Patel" in book.followups_html.value and "<caption" in book.followups_html.value


def test_got_a_reply_marks_the_latest_waiting_follow_up(book, log):
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    book.when.value = datetime(2026, 3, 9, 9, 30)
    book.reply_button.click()
    [email] = log.followups_for(iid)
    assert email.response_at == datetime(2026, 3, 9, 9, 30)
    assert "Saved: a reply at Mon 9 Mar 2026 09:30" in text_of(book.quick_status)


BAD_QUICK = [
    ("when", datetime(2026, 3, 6, 9, 0), "called",
     "When (follow-up time): expected a time after the interview"),
    ("when", datetime(2025, 12, 31, 9, 0), "thank_you", "When (follow-up time): expected a time after"),
    ("when", None, "card", "When (follow-up time): expected a date and time, got nothing"),
    ("to", "", "thank_you", "To is required."),
    ("to", "   ", "voicemail", "To is required."),
    ("note", "n" * 10_000, "thank_you", "Note (optional): expected at most 5,000 characters"),
]


@pytest.mark.parametrize(("field", "value", "action", "message"), BAD_QUICK)
def test_bad_quick_action_input_is_refused(book, log, field, value, action, message):
    saved(book)
    book.quick_status.value = ""
    getattr(book, field).value = value
    book.quick_buttons[action].click()
    assert is_error(book.quick_status)
    shown = text_of(book.quick_status)
    assert message in shown and "Nothing was saved." in shown
    assert log.followup_items() == []


def test_a_reply_before_the_follow_up_is_refused(book, log):
    iid = saved(book)
    book.when.value = datetime(2026, 3, 6, 15, 0)
    book.quick_buttons["thank_you"].click()
    book.when.value = datetime(2026, 3, 6, 14, 0)
    book.reply_button.click()
    assert "When (reply time): expected a time after the follow-up (Fri 06 Mar 2026 15:00)" in text_of(
        book.quick_status)
    assert log.followups_for(iid)[0].response_at is None


def test_got_a_reply_with_nothing_sent_says_what_to_do(book, log):
    saved(book)
    book.reply_button.click()
    assert is_error(book.quick_status) and "record what you sent or said first" in book.quick_status.value


def test_actions_without_an_interview_ask_for_one(book, log):
    for clicked, status in ((book.quick_buttons["called"], book.quick_status),
                            (book.reply_button, book.quick_status),
                            (book.outcome_button, book.closeout_status),
                            (book.edit_button, book.table_status),
                            (book.delete_button, book.table_status)):
        clicked.click()
        assert is_error(status) and "Pick an interview first" in status.value
    assert not log.path.exists()


def test_a_mistaken_follow_up_can_be_deleted_after_a_confirmation(book, log):
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    book.quick_buttons["card"].click()
    card_id = book.followup_picker.value  # the latest is picked
    book.followup_delete.click()
    assert len(log.followups_for(iid)) == 2 and book.followup_box.layout.display == "flex"
    book.followup_box.yes.click()
    assert [fu.channel for fu in log.followups_for(iid)] == ["email"] and card_id not in log


# -- the over-contact guard ----------------------------------------------------------------------


def test_a_second_status_call_warns_with_seed_003_and_asks_first(book, log):
    iid = saved(book)
    book.quick_buttons["called"].click()
    assert [fu.purpose for fu in log.followups_for(iid)] == ["status_check"]
    book.when.value = datetime(2026, 3, 6, 15, 0)
    book.quick_buttons["voicemail"].click()
    warning = text_of(book.guard.question)
    assert "status check number 2" in warning and "Only make one call" in warning
    assert "Making a follow-up call after an interview (seed 003)" in warning
    assert book.guard.layout.display == "flex" and "Not saved yet" in book.quick_status.value
    assert len(log.followups_for(iid)) == 1  # nothing saved before the answer
    book.guard.no.click()
    assert len(log.followups_for(iid)) == 1 and "Not saved: one call is enough" in book.quick_status.value
    book.quick_buttons["called"].click()
    assert book.guard.yes.description == "Save it anyway"
    book.guard.yes.click()
    assert [fu.channel for fu in log.followups_for(iid)] == ["call", "call"]


def test_a_call_after_a_rejection_is_a_feedback_request_not_a_second_status_call(book, log):
    iid = saved(book)
    book.quick_buttons["called"].click()
    book.outcome.value = "rejected"
    book.outcome_button.click()
    assert book.purpose.value == "feedback_request"
    book.quick_buttons["called"].click()
    assert book.guard.layout.display == "none"
    assert [fu.purpose for fu in log.followups_for(iid)] == ["status_check", "feedback_request"]


# -- close-out --------------------------------------------------------------------------------


def test_after_a_rejection_the_view_points_to_the_feedback_request(book, log):
    iid = saved(book)
    book.outcome.value = "rejected"
    book.outcome_button.click()
    assert log.get(iid).outcome == "rejected"
    assert "is now 'Rejected'" in text_of(book.closeout_status)
    shown = text_of(book.next_step)
    assert "Next: Call Sam Ortiz, 555-0100 to ask for feedback" in shown
    assert "notebooks/06_ask_for_feedback.ipynb" in shown and "feedback_request" in shown
    assert "Making a follow-up call after an interview (seed 003)" in shown


def test_after_an_offer_the_view_points_to_the_rapport_call(book, log):
    iid = saved(book)
    book.outcome.value = "offer"
    book.outcome_button.click()
    shown = text_of(book.next_step)
    assert "thank them for the offer and build rapport" in shown
    assert "notebooks/07_role_play_the_call.ipynb" in shown and "offer scenario" in shown
    assert log.get(iid).outcome == "offer"


# -- download and upload -------------------------------------------------------------------------


def test_download_link_holds_the_whole_log_as_one_zip(book, log):
    assert "Download my log" in book.download.value and "0 interviews" in book.download.value
    saved(book)
    book.quick_buttons["thank_you"].click()
    assert "1 interview, 1 follow-up" in book.download.value
    tables = zip_from_link(book.download.value)
    assert len(tables[INTERVIEWS_CSV]) == 2 and len(tables[FOLLOWUPS_CSV]) == 2
    assert "download='followup-log-2026-03-06.zip'" in book.download.value


def test_upload_merges_into_a_fresh_log_with_the_same_rows(book, log, tmp_path):
    saved(book)
    book.quick_buttons["thank_you"].click()
    data = log.export_zip()
    fresh = lb.Logbook(InterviewLog(tmp_path / "fresh"), now=NOW)
    upload(fresh, data, "followup-log-2026-03-06.zip")
    assert "Added 1 interview and 1 follow-up" in text_of(fresh.upload_status)
    assert fresh.interview_log.items() == log.items()
    assert fresh.interview_log.followup_items() == log.followup_items()
    assert "Northwind Traders" in fresh.table.value and fresh.upload.file is None


def test_replace_asks_first_then_swaps_the_log(book, log, tmp_path):
    other = InterviewLog(tmp_path / "other")
    other.add(Interview("Contoso", "Analyst", datetime(2026, 2, 2, 9)))
    saved(book)
    before = files(log)
    upload(book, other.export_zip(), "other.zip", mode="replace")
    assert "Replace your log (1 interview, 0 follow-ups) with other.zip (1 interview, 0 follow-ups)?" in (
        text_of(book.import_box.question))
    assert files(log) == before  # the counts come from a preview that writes nothing
    book.import_box.no.click()
    assert files(log) == before and "your log is unchanged" in book.upload_status.value
    book.import_button.click()
    book.import_box.yes.click()
    assert [iv.company for _, iv in log.items()] == ["Contoso"]
    assert "Replaced your log with 1 interview" in text_of(book.upload_status)


def _zip(**members: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name.replace("_csv", ".csv"), data)
    return buffer.getvalue()


BAD_UPLOADS = [
    (b"\x00\xffgarbage" * 50, "log.zip", "is not a readable zip file"),
    (b"PK\x03\x04 truncated", "log.zip", "is not a readable zip file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "photo.csv", "is not UTF-8 text"),
    (b"name,price\napple,1\npear,2\n", "groceries.csv", "is not a followup-kit log"),
    (b"id,interview_id,at,channel,purpose,to\nfu-1,iv-1,2026-03-06 11:00,email,thank_you,Dana\n",
     "followups.csv", "it looks like followups.csv"),
    (b"", "empty.zip", "is empty"),
    (_zip(followups_csv=b"id,interview_id,at,channel,purpose,to\n"), "half.zip", "holds no interviews.csv"),
    (_zip(interviews_csv=b"id,company,role,held_at\niv-1,,Analyst,2026-03-06 10:00\n"), "blank.zip",
     "row 2, company: expected a non-empty text"),
    (_zip(interviews_csv=b"id,company,role,held_at\niv-1,Contoso,Analyst,2026-03-06 10:00\n",
          followups_csv=b"id,interview_id,at,channel,purpose,to\n"
                        b"fu-1,iv-1,2026-03-05 09:00,email,thank_you,X\n"),
     "early.zip", "at: expected a time after the interview"),
]


@pytest.mark.parametrize(("data", "name", "message"), BAD_UPLOADS, ids=[b[1] + str(i)
                                                                        for i, b in enumerate(BAD_UPLOADS)])
@pytest.mark.parametrize("mode", ["merge", "replace"])
def test_a_bad_upload_gets_a_clear_message_and_the_log_is_untouched(book, log, data, name, message, mode):
    saved(book)
    before = files(log)
    upload(book, data, name, mode=mode)
    assert is_error(book.upload_status), book.upload_status.value
    assert message in text_of(book.upload_status) and "nothing was imported" in text_of(book.upload_status)
    assert book.import_box.layout.display == "none"  # no question about replacing with a bad file
    assert files(log) == before


def test_a_zip_without_followups_csv_cannot_replace_the_follow_ups_but_merges(book, log):
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    book.quick_buttons["card"].click()
    before = files(log)
    only_interviews = _zip(interviews_csv=log.export_csv_bytes("interviews"))
    upload(book, only_interviews, "only-interviews.zip", mode="replace")
    assert is_error(book.upload_status) and book.import_box.layout.display == "none"
    assert ("has no followups.csv, so replacing your log with it would delete your 2 follow-ups; nothing was "
            "imported, so upload the whole zip from 'Download my log', or choose merge.") in text_of(
        book.upload_status)
    assert files(log) == before and len(log.followups_for(iid)) == 2
    upload(book, only_interviews, "only-interviews.zip", mode="merge")  # merging loses nothing
    assert "Added 0 interviews and 0 follow-ups" in text_of(book.upload_status)
    assert "1 row was already in your log" in text_of(book.upload_status)
    assert files(log) == before


def test_an_empty_followups_csv_can_replace_the_follow_ups_after_a_warning(book, log):
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    book.quick_buttons["card"].click()
    before = files(log)
    empty_followups = _zip(interviews_csv=log.export_csv_bytes("interviews"),
                           followups_csv=log.export_csv_bytes("followups").splitlines(keepends=True)[0])
    upload(book, empty_followups, "no-follow-ups.zip", mode="replace")
    question = text_of(book.import_box.question)
    assert ("Replace your log (1 interview, 2 follow-ups) with no-follow-ups.zip "
            "(1 interview, 0 follow-ups)?") in question
    assert "The upload holds no follow-ups, so your 2 follow-ups would be deleted" in question
    assert files(log) == before
    book.import_box.yes.click()
    assert "Replaced your log with 1 interview and 0 follow-ups" in text_of(book.upload_status)
    assert [i for i, _ in log.items()] == [iid] and log.followup_items() == []


def test_import_without_a_file_asks_for_one(book, log):
    book.import_button.click()
    assert is_error(book.upload_status) and "Choose a file first" in book.upload_status.value


# -- demo mode ----------------------------------------------------------------------------------


def _digest(folder) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_demo_mode_shows_the_sample_read_only_and_changes_nothing(log, tmp_path):
    before = _digest(SAMPLE_DIR)
    book = lb.Logbook(log, demo=True, now=NOW)
    assert book.demo.value is True and book.read_only
    assert "Demo mode: this is the synthetic sample log, read-only" in text_of(book.demo_banner)
    assert "The sample log (read-only), newest first: 72" in book.table.value
    assert "Download the sample log" in book.download.value
    for widget in (book.save_button, book.delete_button, book.quick_buttons["called"], book.reply_button,
                   book.outcome_button, book.import_button, book.upload, book.company):
        assert widget.disabled
    assert book.save_button.tooltip == "Read-only in demo mode"
    # even when clicked from code, every change is refused with a message
    fill(book)
    book.save_button.click()
    book.quick_buttons["called"].click()
    book.reply_button.click()
    book.outcome.value = "offer"
    book.outcome_button.click()
    book.delete_button.click()
    book.delete_box.yes.click()
    upload(book, b"garbage", "x.zip", mode="replace")
    for status in (book.form_status, book.quick_status, book.closeout_status, book.table_status,
                   book.upload_status):
        assert is_error(status) and "Demo mode shows the read-only sample log" in status.value
    assert _digest(SAMPLE_DIR) == before
    assert not log.path.exists()
    # untick: back to the learner's own (empty) log, everything enabled again
    book.demo.value = False
    assert not book.read_only and not book.save_button.disabled and book.demo_banner.value == ""
    assert "Your interviews, newest first: 0" in book.table.value


def test_the_sample_picked_in_demo_mode_shows_its_follow_ups(log):
    book = lb.Logbook(log, demo=True, now=NOW)
    assert book.picker.options and book.picked is not None
    assert "Follow-ups of" in book.followups_html.value


# -- errors from the disk ------------------------------------------------------------------------


def test_a_damaged_log_is_reported_and_never_written_over(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / INTERVIEWS_CSV).write_text("id,company,role,held_at\niv-1,,Analyst,2026-03-06 10:00\n")
    before = (folder / INTERVIEWS_CSV).read_bytes()
    book = lb.Logbook(InterviewLog(folder), now=NOW)
    assert is_error(book.log_status) and "row 2, company" in book.log_status.value
    fill(book)
    book.save_button.click()
    assert is_error(book.form_status) and "the file was left untouched" in book.form_status.value
    assert (folder / INTERVIEWS_CSV).read_bytes() == before


def test_an_unexpected_error_is_shown_not_raised(book, log, monkeypatch):
    monkeypatch.setattr(_common, "STRICT", False)

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(log, "add", boom)
    fill(book)
    book.save_button.click()
    assert is_error(book.form_status) and "RuntimeError: disk on fire" in book.form_status.value


# -- accessibility and the hooks for browser tests ---------------------------------------------

INPUTS = (widgets.Text, widgets.Textarea, widgets.Dropdown, widgets.DatePicker, widgets.TimePicker,
          widgets.NaiveDatetimePicker, widgets.Combobox, widgets.Checkbox, widgets.RadioButtons,
          UploadControl, widgets.IntText, widgets.ToggleButtons, widgets.Select)


def assert_accessible(view: widgets.Widget) -> None:
    inputs = buttons = 0
    for widget in walk(view):
        if isinstance(widget, INPUTS):
            inputs += 1
            siblings = []
            for parent in walk(view):
                kids = list(getattr(parent, "children", ()))
                if widget in kids:
                    siblings = kids[: kids.index(widget)]
            labelled = widget.description.strip() or (siblings and isinstance(siblings[-1], widgets.Label))
            assert labelled, f"{type(widget).__name__} {widget._dom_classes} has no visible label"
            assert widget.description_allow_html is False
        if isinstance(widget, widgets.Button):
            buttons += 1
            assert widget.description.strip() and widget.description.strip() != "…", widget._dom_classes
    assert inputs >= 15 and buttons >= 10


def test_every_input_has_a_label_and_every_button_has_text(book):
    saved(book)
    assert_accessible(book)
    assert_accessible(lb.Logbook(book.interview_log, demo=True, now=NOW))


def test_key_widgets_carry_their_stable_css_classes(book):
    found: dict[str, list[str]] = {}
    for widget in walk(book):
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
    for css in lb.CSS_CLASSES:
        assert len(found.get(css, [])) == 1, (css, found.get(css))
    expected_types = {
        "fk-company": "Text", "fk-role": "Text", "fk-held-date": "DatePicker", "fk-held-time": "TimePicker",
        "fk-interviewers": "Text", "fk-contact": "Text", "fk-decision-days": "Text", "fk-save": "Button",
        "fk-form-status": "HTML", "fk-table": "HTML", "fk-quick-thank-you": "Button", "fk-download": "HTML",
        "fk-upload": "UploadControl", "fk-quick-when": "NaiveDatetimePicker", "fk-pick": "Dropdown",
    }
    for css, kind in expected_types.items():
        assert found[css] == [kind]


def test_status_lines_are_live_regions():
    error = status_html("error", "x")
    assert "role='alert'" in error and "aria-live='assertive'" in error
    assert "role='status'" in status_html("ok", "<b>") and "&lt;b&gt;" in status_html("ok", "<b>")
    with pytest.raises(ValueError):
        status_html("shout", "x")


def test_a_double_click_on_save_saves_once_and_keeps_the_saved_message(book, log):
    fill(book)
    book.save_button.click()
    book.save_button.click()  # the second click lands on the emptied form
    assert len(log) == 1
    assert not is_error(book.form_status)  # no "Company is required." right after a successful save
    assert text_of(book.form_status).startswith("✓ Saved: Northwind Traders, Data Analyst")
    # an empty form pressed on its own still names the first missing field
    book.clear_button.click()
    book.save_button.click()
    assert is_error(book.form_status) and "Company is required." in text_of(book.form_status)
    assert len(log) == 1


def test_an_interview_deleted_in_another_tab_gets_a_message_that_says_what_happened(book, log):
    iid = saved(book)
    book.edit_button.click()
    book.company.value = "Northwind Traders Ltd"
    InterviewLog(log.path).remove(iid)  # the same log, changed in another tab
    book.save_button.click()
    status = text_of(book.form_status)
    assert is_error(book.form_status) and "no longer in your log" in status and "Save interview" in status
    assert len(log) == 0 and book.editing is None and book.save_button.description == "Save interview"
    assert book.company.value == "Northwind Traders Ltd"  # what was typed is kept
    book.save_button.click()  # as the message says: it is logged again, as a new interview
    assert [iv.company for _, iv in log.items()] == ["Northwind Traders Ltd"]


def test_a_quick_action_on_an_interview_deleted_elsewhere_reloads_and_says_so(book, log):
    iid = saved(book)
    before = files(log)
    InterviewLog(log.path).remove(iid)
    after_delete = files(log)
    assert after_delete != before
    book.quick_buttons["thank_you"].click()
    status = text_of(book.quick_status)
    assert is_error(book.quick_status) and "Nothing was saved." in status and "another tab" in status
    assert files(log) == after_delete and book.picked is None  # nothing written; the view is reloaded
    assert "No interviews yet" in book.table.value


def test_got_a_reply_with_an_empty_when_says_so_and_saves_nothing(book, log):
    saved(book)
    book.quick_buttons["thank_you"].click()
    before = files(log)
    book.when.value = None  # the learner cleared the picker
    book.got_reply()  # called directly: STRICT makes any unexpected error fail here
    assert is_error(book.quick_status)
    assert text_of(book.quick_status) == (
        "⚠ When (reply time): expected a date and time (press Set the time to now), got nothing. "
        "Nothing was saved."
    )
    assert files(log) == before and log.followup_items()[0][1].response_at is None


# -- issue: advice you can trust ----------------------------------------------------------------


def test_contact_name_email_and_phone_are_separate_and_the_call_uses_the_phone(book, log):
    iid = saved(book, contact="Priya Natarajan", contact_email="priya@example.com",
                contact_phone="07700 900123", decision_days="")
    saved_iv = log.get(iid)
    assert (saved_iv.contact, saved_iv.contact_email, saved_iv.contact_phone) == (
        "Priya Natarajan", "priya@example.com", "07700 900123")
    book.load(iid)
    assert book.contact_phone.value == "07700 900123"


def test_a_bad_phone_is_refused_naming_the_field(book, log):
    fill(book, contact_phone="call me")
    book.save_button.click()
    assert "Contact&#x27;s phone: expected a phone number" in book.form_status.value and len(log) == 0


def test_saving_an_outcome_records_when_you_heard_and_the_next_step_counts_from_it(book, log):
    iid = saved(book, contact="Sam Ortiz", contact_phone="555-0100")
    book.picker.value = iid
    assert book.outcome_at.value == NOW  # the clock's now, editable
    book.outcome.value = "rejected"
    book.outcome_at.value = datetime(2026, 3, 10, 11, 0)
    book.save_outcome()
    assert log.get(iid).outcome_at == datetime(2026, 3, 10, 11, 0)
    assert "heard Tue 10 Mar 2026 11:00" in book.closeout_status.value
    assert "due Tue 10 Mar 2026 17:00" in book.next_step.value  # Clayton Legal: within 24 hours
    assert "Call Sam Ortiz on 555-0100 to ask for feedback" in book.next_step.value
    book.outcome.value = "pending"
    book.save_outcome()
    assert log.get(iid).outcome_at is None


def test_editing_in_the_form_keeps_when_you_heard(book, log):
    iid = saved(book, form_outcome="offer")
    heard = log.get(iid).outcome_at
    assert heard == NOW
    book.load(iid)
    book.notes.value = "typo fixed"
    book.save_button.click()
    assert log.get(iid).outcome_at == heard and log.get(iid).notes == "typo fixed"


def test_invited_back_leads_to_the_next_round_linked_to_this_one(book, log):
    iid = saved(book, decision_days="")
    book.picker.value = iid
    book.outcome.value = "next_round"
    book.save_outcome()
    assert "Invited to round 2" in book.next_step.value
    assert book.next_round_button.layout.display == "flex"
    book.next_round_button.click()
    assert book.company.value == "Northwind Traders" and book.previous.value == iid
    assert "Round 2 of Northwind Traders" in book.form_status.value
    book.held_date.value = date(2026, 3, 13)
    book.held_time.value = time(14, 0)
    book.interviewers.value = "Lee Chen"
    book.save_button.click()
    (second,) = [(i, iv) for i, iv in log.items() if iv.round == 2]
    assert second[1].previous_id == iid and second[1].interviewers == ["Lee Chen"]


def test_download_for_excel_gives_an_xlsx_that_uploads_back(book, log, tmp_path):
    """Issue 15: beside the zip, an .xlsx whose phone numbers stay text, and the upload takes it back."""
    from openpyxl import load_workbook

    saved(book, contact_phone="07700900123")
    assert book.excel_link.value == ""
    book.excel_button.click()
    match = re.search(r"download='([^']+)' href='data:([^;]+);base64,([^']+)'", book.excel_link.value)
    assert match and match[1] == "followup-log-2026-03-06.xlsx" and match[2].endswith("spreadsheetml.sheet")
    data = base64.b64decode(match[3])
    sheet = load_workbook(io.BytesIO(data))["interviews"]
    header = [cell.value for cell in sheet[1]]
    phone = sheet.cell(row=2, column=header.index("contact_phone") + 1)
    assert (phone.value, phone.data_type) == ("07700900123", "s")
    other = InterviewLog(tmp_path / "elsewhere")
    other.import_file(data, match[1])
    assert other.items() == log.items()
# -- issue 12: two tabs on one log lose nothing ------------------------------------------------------


def two_tabs(log: InterviewLog) -> tuple[lb.Logbook, lb.Logbook]:
    """Notebook 01 open twice on one folder: two views, two InterviewLog objects, as two kernels have."""
    return lb.Logbook(log, now=NOW), lb.Logbook(InterviewLog(log.path), now=NOW)


def test_a_stale_save_of_the_same_field_explains_the_conflict_and_overwrites_only_on_purpose(log):
    tab_a, tab_b = two_tabs(log)
    iid = saved(tab_a, notes="first")
    tab_b.refresh()
    for tab in (tab_a, tab_b):
        tab.picker.value = iid
        tab.edit_button.click()
    tab_a.notes.value = "typed in tab A"
    tab_a.save_button.click()
    tab_b.notes.value = "typed in tab B"
    before = files(log)
    tab_b.save_button.click()
    assert is_error(tab_b.form_status) and "changed in another tab" in text_of(tab_b.form_status)
    assert tab_b.conflict_box.layout.display == "flex"
    question = text_of(tab_b.conflict_box.question)
    assert "Notes: 'typed in tab A' there → 'typed in tab B' here" in question
    assert tab_b.conflict_box.yes.description == "Overwrite anyway"
    assert tab_b.conflict_box.no.description == "Reload what is saved"
    assert files(log) == before and tab_b.notes.value == "typed in tab B"  # nothing lost, nothing saved
    tab_b.conflict_box.yes.click()
    assert "Saved changes" in text_of(tab_b.form_status) and log.get(iid).notes == "typed in tab B"


def test_reload_after_a_conflict_fills_the_form_with_what_is_saved(log):
    tab_a, tab_b = two_tabs(log)
    iid = saved(tab_a, notes="first")
    tab_b.refresh()
    for tab in (tab_a, tab_b):
        tab.load(iid)
    tab_a.role.value = "Lead Analyst"
    tab_a.save_button.click()
    tab_b.role.value = "Junior Analyst"
    tab_b.save_button.click()
    assert "Role: 'Lead Analyst' there → 'Junior Analyst' here" in text_of(tab_b.conflict_box.question)
    tab_b.conflict_box.no.click()
    assert tab_b.role.value == "Lead Analyst" and "Reloaded" in text_of(tab_b.form_status)
    assert log.get(iid).role == "Lead Analyst"
    tab_b.notes.value = "now based on tab A's save"
    tab_b.save_button.click()
    assert log.get(iid).role == "Lead Analyst" and log.get(iid).notes == "now based on tab A's save"


def test_close_out_then_fixing_a_typo_in_the_form_keeps_the_outcome(book, log):
    """The bug of issue 12: load into the form, set Offer in Close out, fix a typo, save."""
    iid = saved(book, company="Nortwind Traders")
    book.picker.value = iid
    book.edit_button.click()
    book.outcome.value = "offer"
    book.save_outcome()
    book.company.value = "Northwind Traders"
    book.save_button.click()
    now = log.get(iid)
    assert (now.company, now.outcome, now.outcome_at) == ("Northwind Traders", "offer", NOW)


def test_a_close_out_in_another_tab_is_kept_when_this_tab_saves_other_fields(log):
    tab_a, tab_b = two_tabs(log)
    iid = saved(tab_a, company="Nortwind Traders")
    tab_a.load(iid)
    tab_b.refresh()
    tab_b.picker.value = iid
    tab_b.outcome.value = "rejected"
    tab_b.save_outcome()
    tab_a.company.value = "Northwind Traders"
    tab_a.save_button.click()
    status = text_of(tab_a.form_status)
    assert "Saved changes" in status and "Kept what was changed elsewhere meanwhile: Outcome" in status
    assert (log.get(iid).company, log.get(iid).outcome) == ("Northwind Traders", "rejected")
    assert tab_a.form_outcome.value == "rejected"  # the form shows what is saved now


def test_a_close_out_from_a_stale_view_is_refused_and_the_second_press_saves(log):
    tab_a, tab_b = two_tabs(log)
    iid = saved(tab_a)
    tab_b.refresh()
    tab_b.outcome.value = "rejected"
    tab_b.save_outcome()
    tab_a.outcome.value = "offer"
    tab_a.save_outcome()
    status = text_of(tab_a.closeout_status)
    assert is_error(tab_a.closeout_status) and "another tab" in status and "'rejected' there" in status
    assert log.get(iid).outcome == "rejected" and tab_a.outcome.value == "rejected"  # the view shows it
    tab_a.outcome.value = "offer"
    tab_a.save_outcome()
    assert log.get(iid).outcome == "offer"


def test_a_delete_answered_after_a_follow_up_was_recorded_elsewhere_names_it_and_asks_again(log):
    tab_a, tab_b = two_tabs(log)
    saved(tab_a)
    tab_a.delete_button.click()
    assert "and its" not in text_of(tab_a.delete_box.question)
    tab_b.refresh()
    tab_b.to.value = "Raj Patel"
    tab_b.quick_buttons["thank_you"].click()
    tab_a.delete_box.yes.click()
    assert len(log) == 1 and len(log.followup_items()) == 1  # nothing deleted
    question = text_of(tab_a.delete_box.question)
    assert tab_a.delete_box.layout.display == "flex"
    assert "recorded in another tab: thank-you by email to Raj Patel" in question
    assert "and its 1 follow-up (thank-you by email to Raj Patel" in question
    tab_a.delete_box.yes.click()
    assert len(log) == 0 and log.followup_items() == []


def test_a_replace_answered_after_the_log_changed_elsewhere_imports_nothing_and_asks_again(log, tmp_path):
    tab_a, tab_b = two_tabs(log)
    saved(tab_a, company="Mine")
    other = InterviewLog(tmp_path / "other")
    other.add(Interview("Upload", "Analyst", datetime(2026, 3, 2, 9, 0)))
    upload(tab_a, other.export_zip(), "other.zip", mode="replace")
    assert "Replace your log (1 interview, 0 follow-ups)" in text_of(tab_a.import_box.question)
    tab_b.refresh()
    saved(tab_b, company="Added in tab B")
    before = files(log)
    tab_a.import_box.yes.click()
    assert files(log) == before
    assert "changed (in another tab or notebook) after you were asked" in text_of(tab_a.upload_status)
    assert "Replace your log (2 interviews, 0 follow-ups)" in text_of(tab_a.import_box.question)
    tab_a.import_box.yes.click()
    assert [iv.company for _, iv in log.items()] == ["Upload"]


def test_a_read_only_folder_shows_the_interviews_and_the_download_with_changes_off(log, monkeypatch):
    iid = saved(lb.Logbook(log, now=NOW))
    real_access = store.os.access

    def access(path, mode, *args, **kwargs):  # the folder as an unprivileged learner sees a 0555 one
        if mode & os.W_OK and Path(path) == log.path:
            return False
        return real_access(path, mode, *args, **kwargs)

    log.path.chmod(0o555)
    try:
        if os.geteuid() == 0:  # root may write anywhere: pretend to be the learner
            monkeypatch.setattr(store.os, "access", access)
        before = files(log)
        book = lb.Logbook(InterviewLog(log.path), now=NOW)
        assert "Your interviews, newest first: 1" in book.table.value and book.picked == iid
        assert "Download my log" in book.download.value
        status = text_of(book.log_status)
        assert "Changes are off because the folder" in status and "cannot be written" in status
        assert book.save_button.disabled and book.delete_button.disabled and book.outcome_button.disabled
        book.save()  # even called directly, it refuses in words
        assert is_error(book.form_status) and "cannot be written" in text_of(book.form_status)
        assert files(log) == before and not (log.path / ".log.lock.new").exists()
    finally:
        log.path.chmod(0o755)


# -- issue 12: the upload control never imports a file other than the one just chosen --------------


def test_a_file_over_the_limit_is_refused_in_words_and_the_file_chosen_before_is_forgotten(book, log):
    saved(book)
    export = log.export_zip()
    fresh = lb.Logbook(InterviewLog(log.path.parent / "fresh"), now=NOW)
    choose(fresh, export, "good.zip")
    assert "Ready: good.zip" in text_of(fresh.upload_status)
    # the browser refused a 15 MB file before sending it: only its name and size come
    fresh.upload._message(fresh.upload, {"kind": "refused", "name": "big.zip", "size": 15_000_000}, [])
    status = text_of(fresh.upload_status)
    assert is_error(fresh.upload_status) and "big.zip is 15 MB, more than a log can be (10 MB)" in status
    fresh.import_button.click()  # the good file chosen before must not come in under the big one's name
    assert "Choose a file first" in text_of(fresh.upload_status) and len(fresh.interview_log) == 0
    choose(fresh, export, "good.zip")
    fresh.import_button.click()
    assert "Added 1 interview" in text_of(fresh.upload_status) and len(fresh.interview_log) == 1
    fresh.import_button.click()  # one choice, one import
    assert "Choose a file first" in text_of(fresh.upload_status)


def test_a_file_over_the_limit_or_incomplete_is_refused_even_if_a_browser_sent_it(book):
    data = b"x" * 200
    book.upload.limit = 100
    book.upload._message(book.upload, {"kind": "file", "name": "a.csv", "size": 200}, [data])
    assert book.upload.file is None
    assert "a.csv is 200 bytes, more than a log can be" in text_of(book.upload_status)
    book.upload.limit = 1000
    book.upload._message(book.upload, {"kind": "file", "name": "b.csv", "size": 500}, [data])
    assert book.upload.file is None
    assert "b.csv arrived incomplete (200 of 500 bytes)" in text_of(book.upload_status)


def test_the_upload_control_states_the_store_limit_and_is_labelled():
    from followup_kit.store import MAX_UPLOAD_BYTES
    from followup_kit.widgets.upload import _ESM, size_words

    control = UploadControl()
    assert control.limit == MAX_UPLOAD_BYTES <= 10 * 1024 * 1024  # under the server's message cap
    assert control.description == "Choose a file (.zip or .csv)" and control.accept == ".zip,.csv"
    assert size_words(MAX_UPLOAD_BYTES) == "10 MB" and size_words(15_728_640) == "15.7 MB"
    for hook in ("fk-upload-input", "fk-upload-limit", "fk-upload-said", "aria-describedby", "label.htmlFor",
                 "file.size > max", 'input.value = ""'):
        assert hook in _ESM


# -- issue 12: a big log stays responsive: one page of the table, a filter ------------------------


def test_a_big_log_shows_one_page_at_a_time_and_the_filter_finds_any_interview(tmp_path):
    from followup_kit.store import write_tables

    start = datetime(2025, 1, 6, 9, 0)
    pairs = [(f"iv-{i:04d}", Interview(f"Company {i}", "Analyst", start + timedelta(days=i)))
             for i in range(120)]
    write_tables(tmp_path / "big", pairs)
    book = lb.Logbook(InterviewLog(tmp_path / "big"), now=NOW)
    caption = text_of(book.table)
    assert "Your interviews, newest first: 120 (showing 1–50, page 1 of 3)" in caption
    assert len(book.picker.options) == lb.PAGE_SIZE and book.picked == "iv-0119"  # the newest
    assert book.pager.layout.display == "flex" and book.prev_page.disabled and not book.next_page.disabled
    book.next_page.click()
    assert "showing 51–100, page 2 of 3" in text_of(book.table) and "Company 69" in book.table.value
    assert "Company 119" not in book.table.value and book.picked == "iv-0069"
    book.table_filter.value = "company 7"  # every word, in any case, anywhere in company, role, interviewers
    matching = {f"iv-{i:04d}" for i in range(120) if "7" in str(i)}
    assert f"120, {len(matching)} matching 'company 7'" in text_of(book.table) and len(matching) == 21
    assert {iid for _, iid in book.picker.options} == matching
    book.picker.value = "iv-0007"
    book.edit_button.click()
    book.notes.value = "found through the filter"
    book.save_button.click()
    assert "Saved changes: Company 7" in text_of(book.form_status)
    assert book.interview_log.get("iv-0007").notes == "found through the filter"
    book.table_filter.value = "no such words"
    assert "No interview matches the filter" in text_of(book.table) and book.picked is None
    book.table_filter.value = ""
    assert book.pager.layout.display == "flex" and "page 1 of 3" in text_of(book.table)


def test_a_small_log_has_no_pager_and_an_interview_off_the_page_can_still_be_picked(tmp_path):
    from followup_kit.store import write_tables

    start = datetime(2025, 1, 6, 9, 0)
    pairs = [(f"iv-{i:04d}", Interview(f"Company {i}", "Analyst", start + timedelta(days=i)))
             for i in range(60)]
    write_tables(tmp_path / "log", pairs)
    book = lb.Logbook(InterviewLog(tmp_path / "log"), now=NOW)
    book._pick("iv-0000")  # the oldest, on page 2: e.g. just saved, or the earlier round of one edited
    assert book.picked == "iv-0000" and book.outcome_picker.value == "iv-0000"
    book.load("iv-0000")
    assert book.company.value == "Company 0"
    small = lb.Logbook(InterviewLog(tmp_path / "small"), now=NOW)
    assert small.pager.layout.display == "none"


def test_the_logbook_benchmark_runs_in_a_tiny_mode():
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "bench_logbook.py"), "--sizes", "60", "--repeat", "1"],
        capture_output=True, text=True, timeout=300, cwd=root,
    )
    assert done.returncode == 0, done.stderr
    line = done.stdout.splitlines()[-1]
    for figure in ("interviews 60", "open s", "open after restart s", "pick s", "save s", "thank-you s",
                   "filter s", "page s", "widget KB"):
        assert figure in line, line


def test_for_an_agency_interview_to_offers_the_agency_contact_first(book, log):
    """Issue 13: rule call_agency (seed 004): through an agency, your staffing manager comes first."""
    saved(book, agency_contact="Alex Morgan")
    assert book.to.value == "Alex Morgan" and book.to.options[0] == "Alex Morgan"
    assert set(book.to.options) == {"Alex Morgan", "Dana Whitfield", "Raj Patel", "Sam Ortiz, 555-0100"}
    saved(book, company="Direct Ltd")  # no agency: the first interviewer, as before
    assert book.to.value == "Dana Whitfield"


def test_after_a_follow_up_to_moves_to_the_next_person_not_yet_sent_one(book, log):
    """Issue 13: thanking two interviewers is two clicks, each to the right person."""
    iid = saved(book)
    assert book.to.value == "Dana Whitfield"
    book.quick_buttons["thank_you"].click()
    assert book.to.value == "Raj Patel" and book.when.value == NOW
    assert book.quick_buttons["thank_you"].description == "Sent thank-you email to Raj Patel"
    book.quick_buttons["thank_you"].click()
    book.quick_buttons["thank_you"].click()  # the contact, then everyone is thanked: the last one stays
    assert [fu.to for fu in log.followups_for(iid)] == ["Dana Whitfield", "Raj Patel", "Sam Ortiz, 555-0100"]
    assert book.to.value == "Sam Ortiz, 555-0100"


def test_every_problem_in_the_form_is_listed_at_once_and_each_field_is_marked(book, log):
    """Issue 13: a learner who leaves several fields wrong reads them all in one message, sees each
    marked (a ⚠ in its label, the fk-invalid hook and a tinted box), and the marks go once fixed."""
    before = files(log)
    book.company.value, book.role.value = "", "   "
    book.decision_days.value = "three"
    book.save_button.click()
    status = text_of(book.form_status)
    assert "4 things to fix" in status  # the empty date too
    assert "Company is required." in status and "Role is required." in status
    assert "Hear in N business days: expected a whole number" in status
    assert files(log) == before
    for control in (book.company, book.role, book.decision_days, book.held_date):
        assert control.description.endswith(" ⚠") and "fk-invalid" in control._dom_classes
    assert book.company.style.background == "#fde8e8"
    assert "fk-invalid" not in book.interviewers._dom_classes
    assert book.company.description == "Company * ⚠"  # required fields carry a *
    book.clear_form()
    assert not any("fk-invalid" in c._dom_classes for c in (book.company, book.role, book.decision_days))
    assert book.company.description == "Company *" and book.company.style.background is None


# -- issue 13, the 01 form: aria-invalid, focus on Edit, When and To after a record, a second thank-you --


def test_the_form_carries_a_dom_bridge_and_edit_asks_it_to_focus_company(book, log):
    """ipywidgets has no aria-invalid nor focus: the form's DomBridge marks the inputs of fk-invalid
    fields in the browser (tests/browser/test_keyboard.py) and Edit in the form asks it for Company."""
    from followup_kit.widgets.dom import DomBridge

    bridge = book.form_bridge
    assert isinstance(bridge, DomBridge) and bridge in book.form_section.children
    assert (bridge.scope, bridge.invalid_class) == (".fk-form", "fk-invalid")
    assert "fk-form" in book.form_section._dom_classes
    saved(book)
    assert bridge.focus_request == 0  # a save does not move the learner
    book.edit_button.click()
    assert (bridge.focus_request, bridge.focus_class) == (1, "fk-company")
    assert book.company.value == "Northwind Traders"
    book.edit_button.click()
    assert bridge.focus_request == 2  # every click asks again


def test_after_a_follow_up_when_keeps_its_time_and_to_stays_after_a_call(book, log):
    iid = saved(book)
    earlier = datetime(2026, 3, 6, 11, 15)
    book.when.value = earlier
    book.quick_buttons["thank_you"].click()
    assert book.when.value == earlier and book.to.value == "Raj Patel"  # the second note, sent together
    book.quick_buttons["thank_you"].click()
    assert [(fu.to, fu.at) for fu in log.followups_for(iid)] == [("Dana Whitfield", earlier),
                                                                  ("Raj Patel", earlier)]
    book.to.value = "Sam Ortiz, 555-0100"
    book.when.value = datetime(2026, 3, 11, 16, 0)
    book.quick_buttons["called"].click()
    assert book.to.value == "Sam Ortiz, 555-0100"  # the person just called, who may call back
    assert book.when.value == datetime(2026, 3, 11, 16, 0)
    assert book.quick_buttons["called"].description == "Called Sam Ortiz, 555-0100"


def test_a_second_thank_you_to_the_same_person_asks_first(book, log):
    """Like the second-call guard: the question names seed 001 and nothing is saved until answered."""
    iid = saved(book)
    book.quick_buttons["thank_you"].click()
    book.to.value = "Dana Whitfield"
    book.quick_buttons["thank_you"].click()
    assert len(log.followups_for(iid)) == 1
    assert book.guard.layout.display == "flex"
    question = text_of(book.guard.question)
    assert "You already sent Dana Whitfield a thank-you by email" in question and "(seed 001)" in question
    assert "Not saved yet: answer the question below." in text_of(book.quick_status)
    book.guard.no.click()
    assert "Not saved: one thank-you to each person is enough (seed 001)." in text_of(book.quick_status)
    assert len(log.followups_for(iid)) == 1
    book.to.value = "Dana Whitfield"
    book.quick_buttons["card"].click()  # the optional card is a step of its own: no question
    assert book.guard.layout.display == "none" and len(log.followups_for(iid)) == 2
    book.to.value = "Dana Whitfield"
    book.quick_buttons["thank_you"].click()
    book.guard.yes.click()  # the learner's choice
    assert [fu.to for fu in log.followups_for(iid)].count("Dana Whitfield") == 3
    assert "Saved: thank-you by email to Dana Whitfield" in text_of(book.quick_status)


# -- issue 16: the Logbook is composed of one small view class per section ------------------------


def test_the_logbook_is_composed_of_its_sections_and_passes_their_names_through(book):
    from followup_kit.widgets.logbook.actions import ActionsSection
    from followup_kit.widgets.logbook.closeout import CloseoutSection
    from followup_kit.widgets.logbook.data import DataSection
    from followup_kit.widgets.logbook.form import FormSection
    from followup_kit.widgets.logbook.table import TableSection

    sections = (book.form_section, book.table_section, book.actions_section, book.closeout_section,
                book.data_section)
    assert [type(s) for s in sections] == [FormSection, TableSection, ActionsSection, CloseoutSection,
                                           DataSection]
    assert list(book.children) == [book.mode_section, *sections]
    for section in sections:
        assert section.book is book
    # the old names reach the section that owns them (notebooks and tests use them)
    assert book.company is book.form_section.company and book.save == book.form_section.save
    assert book.picker is book.table_section.picker and book.when is book.actions_section.when
    assert book.next_step is book.closeout_section.next_step and book.upload is book.data_section.upload
    assert book.editing is None
    with pytest.raises(AttributeError, match="no attribute 'no_such_widget'"):
        book.no_such_widget  # noqa: B018
    # every CSS hook still sits in its section
    assert "fk-company" in book.form_section.company._dom_classes
    assert "fk-form" in book.form_section._dom_classes and "fk-quick" in book.actions_section._dom_classes
