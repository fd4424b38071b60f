"""The shared widget pieces: status lines, download links, tables, pickers and confirmations."""

import base64
import re
from datetime import datetime

import pytest

from followup_kit.records import Interview
from followup_kit.widgets._common import (
    Confirm,
    button,
    download_link,
    interview_options,
    status_html,
    table_html,
)


def test_status_lines_are_live_regions_marked_by_sign_and_escaped():
    error = status_html("error", "Company: expected <b>text</b>")
    assert error.startswith("<div role='alert' aria-live='assertive'")
    assert "⚠ Company: expected &lt;b&gt;text&lt;/b&gt;" in error
    assert "role='status'" in status_html("ok", "Saved") and "✓ Saved" in status_html("ok", "Saved")
    with pytest.raises(ValueError, match="kind must be one of"):
        status_html("shout", "x")


def test_download_link_carries_the_exact_bytes():
    data = b"id,company\niv-1,'=HYPERLINK(x)\n"
    link = download_link(data, "my log.zip", "application/zip", "Download my log", detail="1 interview")
    assert "download='my log.zip'" in link and ">Download my log</a>" in link and "1 interview" in link
    encoded = re.search(r"base64,([^']+)'", link)[1]
    assert base64.b64decode(encoded) == data


def test_tables_have_a_caption_escape_cells_and_say_when_empty():
    table = table_html([["Fri 6 Mar", "<script>"]], ["When", "What"], "Your steps")
    assert "<caption>Your steps</caption>" in table
    assert "<th scope='col' style='text-align:left;vertical-align:top'>When</th>" in table  # JupyterLab
    assert "&lt;script&gt;" in table and "<script>" not in table
    assert "Nothing to show yet." in table_html([], ["When"], "Empty")


def test_interview_options_are_newest_first_and_unique():
    friday = Interview("Contoso", "Analyst", datetime(2026, 3, 6, 10))
    same_day = Interview("Contoso", "Analyst", datetime(2026, 3, 6, 15))
    later = Interview("Fabrikam", "Engineer", datetime(2026, 4, 1, 9))
    options = interview_options([("iv-a", friday), ("iv-b", same_day), ("iv-c", later)])
    assert [iid for _, iid in options] == ["iv-c", "iv-b", "iv-a"]
    labels = [label for label, _ in options]
    assert len(set(labels)) == 3 and labels[0] == "Fabrikam, Engineer, Wed 1 Apr"


def test_buttons_have_text_and_their_css_hook():
    made = button("Save", "fk-save")
    assert made.description == "Save" and "fk-save" in made._dom_classes


def test_confirm_runs_only_the_chosen_answer_and_hides_again():
    confirm = Confirm("fk-ask", "fk-yes", "fk-no")
    done = []
    confirm.ask("Delete this interview?", "Delete", lambda: done.append("yes"), lambda: done.append("no"))
    assert confirm.pending and confirm.layout.display == "flex"
    assert "Delete this interview?" in confirm.question.value and confirm.yes.description == "Delete"
    confirm.no.click()
    assert done == ["no"] and not confirm.pending and confirm.layout.display == "none"
    confirm.ask("Again?", "Yes", lambda: done.append("yes"))
    confirm.dismiss()
    confirm.yes.click()  # nothing pending: the click does nothing
    assert done == ["no"]
