"""The shared widget pieces: status lines, download links, tables, pickers and confirmations."""

import base64
import re
from datetime import datetime

import pytest

from followup_kit.records import Interview
from followup_kit.widgets import _common
from followup_kit.widgets._common import (
    Confirm,
    button,
    download_link,
    error_text,
    guarded,
    interview_options,
    learner_errors,
    shown_in,
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


# -- the one error guard ---------------------------------------------------------------------------


class _View:
    """A view-like object: a status line per section and a reload, as the Logbook has."""

    def __init__(self):
        import ipywidgets as widgets

        self.status = widgets.HTML()
        self.quick_status = widgets.HTML()
        self.reloads = 0

    def refresh(self):
        self.reloads += 1
        self.status.value = "reloaded"

    @guarded()
    def save(self, error=None):
        if error is not None:
            raise error
        return "saved"

    @guarded("quick_status", suffix="", labels={"notes": "Note (optional)"})
    def quick(self, error):
        raise error


def test_the_guard_shows_a_learners_error_in_plain_words_in_the_sections_status():
    from followup_kit.records import ValidationError, ValidationErrors

    view = _View()
    assert view.save() == "saved" and view.status.value == ""
    assert view.save(ValidationError("company", "a non-empty text", "")) is None
    assert "role='alert'" in view.status.value
    assert "⚠ Company is required. Nothing was saved." in view.status.value
    view.quick(ValidationError("notes", "at most 10 characters", "x" * 11))
    said = "Note (optional): expected at most 10 characters, got &#x27;xxxxxxxxxxx&#x27;."
    assert said in view.quick_status.value
    both = ValidationErrors([ValidationError("company", "a non-empty text", ""),
                             ValidationError("held_at", "a date and time", None)])
    assert error_text(both) == ("2 things to fix: Company is required. Date and time of the interview: "
                                "expected a date and time, got nothing.")


def test_the_guard_knows_every_error_a_learner_can_fix():
    from followup_kit import drafts, roleplay, store, trackers

    view = _View()
    for error in (store.LogFileError("interviews.csv in x: row 2 is damaged."),
                  roleplay.ScenarioError("bad.json"), drafts.DraftError("The draft is damaged."),
                  trackers.TrackerError("Not a tracker file."), store.ConflictError("Changed elsewhere.")):
        view.save(error)
        assert f"⚠ {error} Nothing was saved." in view.status.value
    assert {store.LogFileError, store.UnknownIdError, roleplay.ScenarioError, drafts.DraftError,
            trackers.TrackerError} <= set(learner_errors())


def test_an_unknown_id_reloads_the_view_then_says_so():
    from followup_kit.store import UnknownIdError

    view = _View()
    view.save(UnknownIdError("No interview has the id iv-1."))
    assert view.reloads == 1
    assert "No interview has the id iv-1. Nothing was saved. It was probably deleted" in view.status.value


def test_an_unexpected_error_is_raised_in_tests_and_shown_to_a_learner(monkeypatch):
    view = _View()
    with pytest.raises(RuntimeError, match="disk on fire"):
        view.save(RuntimeError("disk on fire"))
    monkeypatch.setattr(_common, "STRICT", False)
    view.save(RuntimeError("disk on fire"))
    said = "Something unexpected went wrong (RuntimeError: disk on fire). Nothing was saved. Please tell"
    assert f"{said} your coach." in view.status.value
    with pytest.raises(KeyboardInterrupt):  # stopping the kernel is never swallowed
        view.save(KeyboardInterrupt())


def test_shown_in_is_the_same_guard_for_a_block_with_a_warning_and_extra_errors():
    import ipywidgets as widgets

    line = widgets.HTML()
    with shown_in(line, prefix="The demo could not be made: ", also=(OSError,)) as guard:
        raise PermissionError("[Errno 13] Permission denied: 'x'")
    assert isinstance(guard.failed, PermissionError)
    assert "The demo could not be made: [Errno 13] Permission denied" in line.value
    with shown_in(line, kind="warning") as guard:
        pass
    assert guard.failed is None
    from followup_kit.store import LogFileError

    with shown_in(line, " Using UTC.", kind="warning"):
        raise LogFileError("settings.json is damaged.")
    assert "fk-status-warning" in line.value and "settings.json is damaged. Using UTC." in line.value
    with pytest.raises(OSError), shown_in(line):  # not a learner's error unless ``also`` says so
        raise OSError("disk")


def test_shown_in_keeps_its_prefix_for_an_unexpected_error(monkeypatch):
    import ipywidgets as widgets

    from followup_kit.widgets import _common

    monkeypatch.setattr(_common, "STRICT", False)
    line = widgets.HTML()
    with shown_in(line, prefix="The chart could not be drawn: ") as guard:
        raise KeyError("lost")
    assert isinstance(guard.failed, KeyError)
    said = "The chart could not be drawn: Something unexpected went wrong (KeyError: &#x27;lost&#x27;)."
    assert f"{said} Please tell your coach." in line.value
