"""The logbook: log interviews in a form, see them in a table, record follow-ups in one click, close out.

``Logbook(log=None, *, demo=False, now=None)`` is one view over an ``InterviewLog``
(the learner's own, ``InterviewLog()``, by default).  It only calls the kit:
``records`` validates, ``store`` saves and exports, ``planner`` decides: the questions before a
second status call or a second thank-you, whom a follow-up can go to, which follow-up a reply
answers and the next step after an outcome; the view only words and shows what it returns.  Every
callback catches ``ValidationError`` and ``LogFileError`` and shows the message
in the status line of its section, naming the field as the form labels it;
nothing is saved half-way, because the store writes a change whole or not at all.

Sections, each a widget a notebook can display on its own:

* ``mode_section``: *Demo mode (sample, read-only)* for coaches, and the log's state;
* ``form_section``: every ``Interview`` field (a refused one gets a ⚠, a tint, the ``fk-invalid`` hook and,
  through ``dom.DomBridge``, ``aria-invalid`` on its input); *Save interview* writes at once; *Save changes*
  writes only the fields changed since the interview was loaded, based on that version: a field
  changed meanwhile in another tab or notebook is shown (there → here) with *Reload what is saved*
  and *Overwrite anyway*, and fields changed only there are kept (``InterviewLog.update(base=)``);
* ``table_section``: the interviews, newest first, 50 a page with a word filter (the menus hold that
  page, so a click costs the same on any size of log); pick one to edit or delete (delete asks
  first, names each follow-up it removes, and asks again if one was recorded meanwhile); *Edit in the
  form* loads it and moves the keyboard focus to Company;
* ``actions_section``: quick follow-ups for the picked interview, at a time you can change (kept after
  a save), with the over-contact guards (seed 003: only make one call; seed 001: one thank-you each);
* ``closeout_section``: set the outcome; a rejection points to the feedback request
  (notebook 06), an offer to the rapport call (notebook 07's offer scenario);
* ``data_section``: *Download my log* (one zip, formulas neutralised), then *Choose a file*
  (``upload.UploadControl``: a file over the limit is refused in the browser, before it is sent)
  and *Import the upload* to bring it back; *Replace* asks with the log's counts and refuses an
  answer given after the log changed.

A folder that cannot be written shows the log and the download with every change switched off.

Stable CSS classes for browser tests are listed in ``CSS_CLASSES``.  Headless tests
set ``.value`` and call ``.click()``; ``STRICT = True`` makes an unexpected error in a
callback raise instead of being shown (tests switch it on).
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

import ipywidgets as widgets

from .. import wording
from ..place import Place
from ..planner import (
    awaiting_reply,
    call_purpose,
    next_recipient,
    next_step_after,
    recipients,
    second_call_warning,
    second_thank_you_warning,
)
from ..records import (
    INTERVIEW_FIELDS,
    FollowUp,
    Interview,
    ValidationError,
    ValidationErrors,
    check_followup_after,
    describe,
)
from ..store import (
    ConflictError,
    ImportReport,
    InterviewLog,
    LogFileError,
    ReadOnlyLogError,
    UnknownIdError,
    open_sample_log,
)
from ._common import (
    MEDIUM,
    STYLE,
    WIDE,
    Confirm,
    button,
    download_link,
    interview_options,
    labelled,
    status_html,
    table_html,
)
from .dom import DomBridge
from .upload import CSS_CLASSES as _UPLOAD_CLASSES
from .upload import Chosen, UploadControl

__all__ = ["CSS_CLASSES", "FIELD_LABELS", "Logbook", "error_text"]

#: When True, an unexpected exception in a callback is raised (tests); otherwise it is shown.
STRICT = False

#: How the form names each field; messages use these names, so the learner finds the box.
FIELD_LABELS = {
    "company": "Company",
    "role": "Role",
    "held_at": "Date and time of the interview",
    "kind": "Kind of interview",
    "interviewers": "Interviewers",
    "contact": "Your contact",
    "decision_by": "They decide by",
    "decision_in_business_days": "Hear in N business days",
    "agency_contact": "Agency contact",
    "talking_points": "Talking points",
    "outcome": "Outcome",
    "notes": "Notes",
    "contact_email": "Contact's email",
    "contact_phone": "Contact's phone",
    "agency_email": "Agency email",
    "agency_phone": "Agency phone",
    "outcome_at": "When you heard",
    "round": "Round",
    "previous_id": "Earlier round",
    "at": "When (follow-up time)",
    "channel": "Channel",
    "purpose": "A call was for",
    "to": "To",
    "response_at": "When (reply time)",
    "interview_id": "Interview",
}

_FIRST_ROUND = ("None: this is the first round", "")
#: Interviews per page of the table (and in the menus): a click costs the same on any size of log.
PAGE_SIZE = 50
#: Up to this many interviews the download link is rebuilt with every change; above, on request.
EAGER_DOWNLOAD_MAX = 2_000

KIND_OPTIONS = [("In person", "in_person"), ("Video", "video"), ("Phone", "phone")]
OUTCOME_OPTIONS = [
    ("Pending: waiting to hear", "pending"),
    ("Offer", "offer"),
    ("Rejected", "rejected"),
    ("Invited to another round", "next_round"),
    ("No response", "no_response"),
    ("Withdrawn", "withdrawn"),
]
CALL_PURPOSE_OPTIONS = [
    ("Status check", "status_check"),
    ("Feedback request (after a rejection)", "feedback_request"),
    ("Rapport call (after an offer)", "rapport"),
]
_PURPOSE_WORDS = {
    "thank_you": "thank-you",
    "status_check": "status check",
    "feedback_request": "feedback request",
    "rapport": "rapport call",
    "extra_info": "extra information",
}
#: A date-and-time picker: the description, the date, the time and the calendar icon (dom.py's CSS keeps
#: the input at least 17em wide, so Chromium does not clip the icon at 1366x768).
_PICKER = widgets.Layout(width="33em")
_PARAGRAPH = "max-width:46em;margin:0.2em 0;line-height:1.45"

#: In the quick actions, a follow-up's notes are typed in "Note (optional)".
_QUICK_LABELS = {"notes": "Note (optional)"}
_CHANNEL_WORDS = {"email": "email", "card": "card", "call": "phone", "voicemail": "voicemail"}

#: The quick actions: button text (the name is appended), channel, and purpose (None: from the outcome).
QUICK_ACTIONS: dict[str, tuple[str, str, str | None]] = {
    "thank_you": ("Sent thank-you email to", "email", "thank_you"),
    "card": ("Mailed card to", "card", "thank_you"),
    "called": ("Called", "call", None),
    "voicemail": ("Left voicemail for", "voicemail", None),
}

#: The stable CSS classes of the key widgets (class -> widget type), for browser tests.
CSS_CLASSES = {
    "fk-logbook": "VBox (the whole view)",
    "fk-demo": "Checkbox 'Demo mode (sample, read-only)'",
    "fk-demo-banner": "HTML",
    "fk-log-status": "HTML (the log cannot be read, …)",
    "fk-refresh": "Button 'Reload the log'",
    "fk-form": "VBox (the form section)",
    "fk-form-mode": "HTML ('New interview' / 'Editing: …')",
    "fk-company": "Text",
    "fk-role": "Text",
    "fk-held-date": "DatePicker",
    "fk-held-time": "TimePicker",
    "fk-kind": "Dropdown",
    "fk-interviewers": "Text (comma-separated)",
    "fk-contact": "Text",
    "fk-decision-by": "DatePicker",
    "fk-decision-days": "Text (a whole number, or empty)",
    "fk-agency-contact": "Text",
    "fk-talking-points": "Textarea (one per line)",
    "fk-form-outcome": "Dropdown",
    "fk-notes": "Textarea",
    "fk-save": "Button 'Save interview' / 'Save changes'",
    "fk-clear": "Button 'Clear the form'",
    "fk-form-status": "HTML (role=status / role=alert)",
    "fk-dom-bridge": "DomBridge (invisible: aria-invalid on bad fields, focus on Edit in the form)",
    "fk-conflict-box": "VBox (changed in another tab: what changed, hidden until a save meets it)",
    "fk-conflict-overwrite": "Button 'Overwrite anyway'",
    "fk-conflict-reload": "Button 'Reload what is saved'",
    "fk-table-section": "VBox",
    "fk-table": "HTML (a <table> with a caption)",
    "fk-table-filter": "Text 'Filter the table' (company, role, interviewers)",
    "fk-page-prev": "Button 'Newer interviews' (shown when the table has more than one page)",
    "fk-page-next": "Button 'Older interviews'",
    "fk-pick": "Dropdown 'Pick an interview' (the interviews of the table's page)",
    "fk-edit": "Button 'Edit in the form'",
    "fk-delete": "Button 'Delete this interview'",
    "fk-delete-box": "VBox (confirmation, hidden until asked)",
    "fk-delete-confirm": "Button",
    "fk-delete-cancel": "Button",
    "fk-table-status": "HTML",
    "fk-quick": "VBox (the quick actions section)",
    "fk-quick-pick": "Dropdown 'Interview'",
    "fk-quick-when": "NaiveDatetimePicker 'When'",
    "fk-quick-now": "Button 'Set the time to now'",
    "fk-quick-to": "Combobox 'To'",
    "fk-quick-purpose": "Dropdown 'A call was for'",
    "fk-quick-note": "Text 'Note (optional)'",
    "fk-quick-thank-you": "Button 'Sent thank-you email to …'",
    "fk-quick-card": "Button 'Mailed card to …'",
    "fk-quick-called": "Button 'Called …'",
    "fk-quick-voicemail": "Button 'Left voicemail for …'",
    "fk-quick-reply": "Button 'Got a reply'",
    "fk-guard": "VBox (the over-contact warning, hidden until needed)",
    "fk-guard-confirm": "Button 'Save it anyway'",
    "fk-guard-cancel": "Button 'Don't save it'",
    "fk-quick-status": "HTML",
    "fk-followups": "HTML (this interview's follow-ups)",
    "fk-followup-pick": "Dropdown 'Follow-up'",
    "fk-followup-delete": "Button 'Delete this follow-up'",
    "fk-followup-box": "VBox (confirmation)",
    "fk-followup-confirm": "Button",
    "fk-followup-cancel": "Button",
    "fk-closeout": "VBox (the close-out section)",
    "fk-outcome-pick": "Dropdown 'Interview'",
    "fk-outcome": "Dropdown 'Outcome'",
    "fk-outcome-save": "Button 'Save the outcome'",
    "fk-next-step": "HTML (what to do next, with its source)",
    "fk-closeout-status": "HTML",
    "fk-data": "VBox (download and upload)",
    "fk-download": "HTML (an <a download> data-URI link)",
    "fk-download-prepare": "Button 'Prepare my download' (only for a log too big to zip on every change)",
    "fk-upload": "UploadControl 'Choose a file (.zip or .csv)' (size checked in the browser)",
    "fk-upload-mode": "RadioButtons 'When importing'",
    "fk-import": "Button 'Import the upload'",
    "fk-import-box": "VBox (confirmation for replace)",
    "fk-import-confirm": "Button 'Replace my log'",
    "fk-import-cancel": "Button",
    "fk-upload-status": "HTML",
    "fk-excel": "Button 'Download for Excel'",
    "fk-excel-link": "HTML (the .xlsx download link)",
}
#: Classes that come and go with the state (class -> meaning), for browser tests.
STATE_CSS_CLASSES = {
    "fk-invalid": "on a form field's widget while its value is refused (its inputs get aria-invalid='true')",
}
#: Inside the upload control (HTML elements, not widgets): its file input, the limit and what it said.
UPLOAD_CSS_CLASSES = dict(_UPLOAD_CLASSES)


def error_text(error: Exception, labels: dict[str, str] | None = None) -> str:
    """What a learner reads for an error: the field as the form names it, what was expected, what came.

    ``labels`` overrides ``FIELD_LABELS`` for one section (a follow-up's notes are "Note (optional)").
    """
    if isinstance(error, ValidationErrors):
        lines = [error_text(problem, labels) for problem in error.problems]
        return f"{len(lines)} things to fix: " + " ".join(lines)
    if isinstance(error, ValidationError):
        label = {**FIELD_LABELS, **(labels or {})}.get(error.field, error.field)
        if error.expected == "a non-empty text":
            return f"{label} is required."
        return f"{label}: expected {error.expected}, got {describe(error.received)}."
    return str(error)


def _guarded(
    status: str, suffix: str = " Nothing was saved.", labels: dict[str, str] | None = None
) -> Callable:
    """Wrap a callback: a bad value or a log problem becomes a message in ``self.<status>``."""

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def run(self: Logbook, *args: Any) -> Any:
            try:
                return method(self, *args)
            except UnknownIdError as error:  # changed elsewhere (another tab, a notebook cell)
                self.refresh()
                getattr(self, status).value = status_html(
                    "error", f"{error_text(error, labels)}{suffix} It was probably deleted in another tab or "
                    "notebook; the view now shows the log as it is on disk."
                )
            except (ValidationError, LogFileError) as error:
                getattr(self, status).value = status_html("error", error_text(error, labels) + suffix)
            except Exception as error:  # never a traceback at the learner
                if STRICT:
                    raise
                getattr(self, status).value = status_html(
                    "error",
                    f"Something unexpected went wrong ({type(error).__name__}: {error}). Your log on disk "
                    "is unchanged unless the table shows the change; please tell your coach.",
                )
            return None

        return run

    return wrap


_when = wording.when


class Logbook(widgets.VBox):
    """The learner's logbook view; see the module docstring for its sections."""

    def __init__(
        self, log: InterviewLog | None = None, *, demo: bool = False, now: datetime | None = None
    ) -> None:
        self._own_log = log
        self._now = now
        self._read_place: Place | None = None
        self.editing: str | None = None
        #: The interview as it was when loaded into the form: what a save is based on.
        self._loaded: Interview | None = None
        self._unwritable = False
        #: Every interview's id, newest first, and its words for the filter (no record is copied) ...
        self._newest: list[str] = []
        self._words: dict[str, str] = {}
        #: ... and the records the view shows: the table's page, what is picked, edited or linked.
        self._records: dict[str, Interview] = {}
        self._counts: dict[str, int] = {}
        self._page = 0
        self._syncing = False
        self._build_mode()
        self._build_form()
        self._build_table()
        self._build_actions()
        self._build_closeout()
        self._build_data()
        super().__init__(
            [
                self.mode_section,
                self.form_section,
                self.table_section,
                self.actions_section,
                self.closeout_section,
                self.data_section,
            ]
        )
        self.add_class("fk-logbook")
        self.interview_log: InterviewLog
        self.demo.value = demo
        if not demo:  # the observer has not run: open the learner's own log
            self._switch_log(False)

    # -- building ----------------------------------------------------------------------------

    def _build_mode(self) -> None:
        self.demo = labelled(
            widgets.Checkbox(
                value=False,
                description="Demo mode (sample, read-only)",
                indent=False,
                layout=widgets.Layout(width="auto"),
            ),
            "fk-demo",
        )
        self.demo_banner = labelled(widgets.HTML(layout=WIDE), "fk-demo-banner")
        self.log_status = labelled(widgets.HTML(layout=WIDE), "fk-log-status")
        self.refresh_button = button("Reload the log", "fk-refresh", tooltip="Read the log from disk again")
        self.demo.observe(lambda change: self._switch_log(change["new"]), names="value")
        self.refresh_button.on_click(lambda _b: self.refresh())
        self.mode_section = widgets.VBox(
            [widgets.HBox([self.demo, self.refresh_button]), self.demo_banner, self.log_status]
        )
        self.mode_section.add_class("fk-mode")

    def _text(self, description: str, css: str, placeholder: str = "") -> widgets.Text:
        return labelled(
            widgets.Text(description=description, placeholder=placeholder, style=STYLE, layout=WIDE), css
        )

    def _build_form(self) -> None:
        self.form_mode = labelled(widgets.HTML(), "fk-form-mode")
        self.company = self._text("Company *", "fk-company", "e.g. Northwind Traders (required)")
        self.role = self._text("Role *", "fk-role", "e.g. Data Analyst (required)")
        self.held_date = labelled(
            widgets.DatePicker(description="Date of the interview *", style=STYLE, layout=MEDIUM),
            "fk-held-date",
        )
        self.held_time = labelled(
            widgets.TimePicker(description="Time it started *", style=STYLE, layout=MEDIUM), "fk-held-time"
        )
        self.kind = labelled(
            widgets.Dropdown(options=KIND_OPTIONS, value="in_person", description="Kind of interview",
                             style=STYLE, layout=MEDIUM),
            "fk-kind",
        )
        self.interviewers = self._text(
            "Interviewers", "fk-interviewers", "names, separated by commas: Dana Whitfield, Raj Patel"
        )
        self.contact = self._text("Your contact", "fk-contact", "whom to ask, by name: e.g. Priya Natarajan")
        self.contact_email = self._text("Contact's email", "fk-contact-email", "e.g. priya@example.com")
        self.contact_phone = self._text("Contact's phone", "fk-contact-phone", "e.g. 07700 900123")
        self.decision_by = labelled(
            widgets.DatePicker(description="They decide by", style=STYLE, layout=MEDIUM), "fk-decision-by"
        )
        self.decision_days = self._text(
            "Hear in N business days", "fk-decision-days", "e.g. 3 (empty if they gave no number)"
        )
        self.agency_contact = self._text(
            "Agency contact", "fk-agency-contact", "your staffing manager, if you applied through an agency"
        )
        self.agency_email = self._text("Agency email", "fk-agency-email", "your staffing manager's email")
        self.agency_phone = self._text("Agency phone", "fk-agency-phone", "your staffing manager's phone")
        self.previous = labelled(
            widgets.Dropdown(options=[_FIRST_ROUND], value="", description="Earlier round", style=STYLE,
                             layout=WIDE),
            "fk-previous-round",
        )
        self.talking_points = labelled(
            widgets.Textarea(
                description="Talking points",
                placeholder="one per line: what you discussed, what you'd add",
                rows=3,
                style=STYLE,
                layout=WIDE,
            ),
            "fk-talking-points",
        )
        self.form_outcome = labelled(
            widgets.Dropdown(options=OUTCOME_OPTIONS, value="pending", description="Outcome", style=STYLE,
                             layout=MEDIUM),
            "fk-form-outcome",
        )
        self.notes = labelled(
            widgets.Textarea(description="Notes", rows=3, style=STYLE, layout=WIDE), "fk-notes"
        )
        self.save_button = button("Save interview", "fk-save", style="primary")
        self.clear_button = button("Clear the form", "fk-clear")
        self.form_status = labelled(widgets.HTML(status_html("info", ""), layout=WIDE), "fk-form-status")
        self.conflict_box = Confirm("fk-conflict-box", "fk-conflict-overwrite", "fk-conflict-reload")
        #: aria-invalid on the inputs marked fk-invalid, and Edit in the form's focus on Company.
        self.form_bridge = DomBridge(".fk-form")
        help_text = widgets.HTML(
            f"<p style='{_PARAGRAPH};color:#444'>Interviewers: separate names with commas. "
            "Talking points: one per line. Give the decision date <em>or</em> the number of business days "
            "they named, if they gave one: the planner times your call from it. A second or later round: "
            "pick the earlier one under <em>Earlier round</em>, so only the latest round gets a call.</p>"
        )
        self.save_button.on_click(self.save)
        self.clear_button.on_click(lambda _b: self.clear_form())
        self.form_inputs = [
            self.company, self.role, self.held_date, self.held_time, self.kind, self.interviewers,
            self.contact, self.contact_email, self.contact_phone, self.decision_by, self.decision_days,
            self.agency_contact, self.agency_email, self.agency_phone, self.previous, self.talking_points,
            self.form_outcome, self.notes,
        ]
        self.form_section = widgets.VBox(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>Log an interview</h4>"),
                self.form_mode,
                *self.form_inputs,
                help_text,
                widgets.HBox([self.save_button, self.clear_button]),
                self.form_status,
                self.conflict_box,
                self.form_bridge,
            ]
        )
        self.form_section.add_class("fk-form")
        self._show_form_mode()

    def _build_table(self) -> None:
        self.table = labelled(widgets.HTML(layout=widgets.Layout(width="100%")), "fk-table")
        self.picker = labelled(
            widgets.Dropdown(options=[], description="Pick an interview", style=STYLE, layout=WIDE), "fk-pick"
        )
        self.table_filter = labelled(
            widgets.Text(description="Filter the table", placeholder="words from the company, role or "
                         "interviewers", continuous_update=False, style=STYLE, layout=WIDE),
            "fk-table-filter",
        )
        self.prev_page = button("Newer interviews", "fk-page-prev")
        self.next_page = button("Older interviews", "fk-page-next")
        self.pager = widgets.HBox([self.prev_page, self.next_page])
        self.table_filter.observe(lambda _change: self._filter_changed(), names="value")
        self.prev_page.on_click(lambda _b: self._turn_page(-1))
        self.next_page.on_click(lambda _b: self._turn_page(1))
        self.edit_button = button("Edit in the form", "fk-edit")
        self.delete_button = button("Delete this interview", "fk-delete", style="danger")
        self.delete_box = Confirm("fk-delete-box", "fk-delete-confirm", "fk-delete-cancel")
        self.table_status = labelled(widgets.HTML(layout=WIDE), "fk-table-status")
        self.picker.observe(lambda change: self._pick(change["new"]), names="value")
        self.edit_button.on_click(self.edit)
        self.delete_button.on_click(self.delete)
        self.table_section = widgets.VBox(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>Your interviews</h4>"),
                self.table_filter,
                self.table,
                self.pager,
                self.picker,
                widgets.HBox([self.edit_button, self.delete_button]),
                self.delete_box,
                self.table_status,
            ]
        )
        self.table_section.add_class("fk-table-section")

    def _build_actions(self) -> None:
        self.quick_picker = labelled(
            widgets.Dropdown(options=[], description="Interview", style=STYLE, layout=WIDE), "fk-quick-pick"
        )
        self.when = labelled(
            widgets.NaiveDatetimePicker(description="When", style=STYLE, layout=_PICKER), "fk-quick-when"
        )
        self.now_button = button("Set the time to now", "fk-quick-now")
        self.to = labelled(
            widgets.Combobox(
                description="To", placeholder="whom you wrote to or called", ensure_option=False,
                style=STYLE, layout=WIDE,
            ),
            "fk-quick-to",
        )
        self.purpose = labelled(
            widgets.Dropdown(options=CALL_PURPOSE_OPTIONS, value="status_check", description="A call was for",
                             style=STYLE, layout=WIDE),
            "fk-quick-purpose",
        )
        self.note = self._text("Note (optional)", "fk-quick-note", "e.g. mentioned the SQL test")
        self.quick_buttons = {
            key: button(text + " …", f"fk-quick-{key.replace('_', '-')}")
            for key, (text, _channel, _purpose) in QUICK_ACTIONS.items()
        }
        self.reply_button = button("Got a reply", "fk-quick-reply")
        self.guard = Confirm("fk-guard", "fk-guard-confirm", "fk-guard-cancel")
        self.quick_status = labelled(widgets.HTML(layout=WIDE), "fk-quick-status")
        self.followups_html = labelled(widgets.HTML(layout=widgets.Layout(width="100%")), "fk-followups")
        self.followup_picker = labelled(
            widgets.Dropdown(options=[], description="Follow-up", style=STYLE, layout=WIDE),
            "fk-followup-pick",
        )
        self.followup_delete = button("Delete this follow-up", "fk-followup-delete")
        self.followup_box = Confirm("fk-followup-box", "fk-followup-confirm", "fk-followup-cancel")
        self.quick_picker.observe(lambda change: self._pick(change["new"]), names="value")
        self.to.observe(lambda _change: self._label_buttons(), names="value")
        self.now_button.on_click(lambda _b: self._reset_when())
        for key, widget in self.quick_buttons.items():
            widget.on_click(functools.partial(self.quick, key))
        self.reply_button.on_click(self.got_reply)
        self.followup_delete.on_click(self.delete_followup)
        self.actions_section = widgets.VBox(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>After the interview: record what you did</h4>"),
                self.quick_picker,
                widgets.HBox([self.when, self.now_button]),
                self.to,
                self.purpose,
                self.note,
                widgets.HBox(list(self.quick_buttons.values()) + [self.reply_button],
                             layout=widgets.Layout(flex_flow="row wrap")),
                self.guard,
                self.quick_status,
                self.followups_html,
                widgets.HBox([self.followup_picker, self.followup_delete]),
                self.followup_box,
            ]
        )
        self.actions_section.add_class("fk-quick")

    def _build_closeout(self) -> None:
        self.outcome_picker = labelled(
            widgets.Dropdown(options=[], description="Interview", style=STYLE, layout=WIDE), "fk-outcome-pick"
        )
        self.outcome = labelled(
            widgets.Dropdown(options=OUTCOME_OPTIONS, value="pending", description="Outcome", style=STYLE,
                             layout=MEDIUM),
            "fk-outcome",
        )
        self.outcome_at = labelled(
            widgets.NaiveDatetimePicker(description="When you heard", style=STYLE, layout=_PICKER),
            "fk-outcome-at",
        )
        self.outcome_button = button("Save the outcome", "fk-outcome-save", style="primary")
        self.next_round_button = button("Log the next round in the form", "fk-next-round")
        self.next_round_button.layout.display = "none"
        self.next_round_button.on_click(self.start_next_round)
        self.next_step = labelled(widgets.HTML(layout=WIDE), "fk-next-step")
        self.closeout_status = labelled(widgets.HTML(layout=WIDE), "fk-closeout-status")
        self.outcome_picker.observe(lambda change: self._pick(change["new"]), names="value")
        self.outcome_button.on_click(self.save_outcome)
        self.closeout_section = widgets.VBox(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>Close out: the outcome</h4>"),
                self.outcome_picker,
                self.outcome,
                widgets.HBox([self.outcome_at, self.outcome_button]),
                self.closeout_status,
                self.next_step,
                self.next_round_button,
            ]
        )
        self.closeout_section.add_class("fk-closeout")

    def _build_data(self) -> None:
        self.download = labelled(widgets.HTML(layout=WIDE), "fk-download")
        self.prepare_download = button("Prepare my download", "fk-download-prepare")
        self.prepare_download.layout.display = "none"
        self.prepare_download.on_click(self.make_download)
        self.upload = labelled(UploadControl(description="Choose a file (.zip, .csv, .xlsx)",
                                        accept=".zip,.csv,.xlsx"), "fk-upload")
        self.upload_mode = labelled(
            widgets.RadioButtons(
                options=[("Merge: add the new rows, keep all of mine", "merge"),
                         ("Replace my log with the upload", "replace")],
                value="merge",
                description="When importing",
                style=STYLE,
                layout=widgets.Layout(width="auto"),
            ),
            "fk-upload-mode",
        )
        self.import_button = button("Import the upload", "fk-import", style="primary")
        self.import_box = Confirm("fk-import-box", "fk-import-confirm", "fk-import-cancel")
        self.upload_status = labelled(widgets.HTML(layout=WIDE), "fk-upload-status")
        self.upload.on_choice(self._upload_chosen)
        self.excel_button = button("Download for Excel", "fk-excel")  # an .xlsx: phones and ids stay text
        self.excel_link = labelled(widgets.HTML(), "fk-excel-link")
        self.excel_button.on_click(self.download_excel)
        self.import_button.on_click(self.import_upload)
        self.data_section = widgets.VBox(
            [
                widgets.HTML(
                    "<h4 style='margin:0.3em 0'>Keep your log: download and upload</h4>"
                    f"<p style='{_PARAGRAPH}'>On Binder a session is deleted after about "
                    "10 idle minutes: download your log before you step away, and upload it next time. "
                    "Text that starts with = + - or @ is saved with a ' in front, so a spreadsheet shows "
                    "it as text instead of running it.</p>"
                ),
                self.download,
                self.prepare_download,
                widgets.HBox([self.excel_button, self.excel_link]),
                widgets.HBox([self.upload]),
                self.upload_mode,
                widgets.HBox([self.import_button]),
                self.import_box,
                self.upload_status,
            ]
        )
        self.data_section.add_class("fk-data")

    # -- state -----------------------------------------------------------------------------

    @property
    def read_only(self) -> bool:
        """True when the view shows a log it must not change (the sample in demo mode)."""
        return self.interview_log.read_only

    @property
    def picked(self) -> str | None:
        """The id of the interview picked in the table (None when the log is empty)."""
        return self.picker.value

    def _writable(self) -> None:
        """Refuse a change in demo mode, or to a folder that cannot be written, saying what to do."""
        if self.read_only:
            raise ReadOnlyLogError(
                "Demo mode shows the read-only sample log, so nothing was changed; untick Demo mode "
                "to work on your own log."
            )
        if self._unwritable:
            raise ReadOnlyLogError(self._unwritable_text())

    def _unwritable_text(self) -> str:
        return (
            f"Changes are off because the folder {self.interview_log.path} cannot be written (it is "
            "read-only): your interviews and the download still work. Make the folder writable, or "
            "download your log and open it in another folder, then press Reload the log."
        )

    def _place(self) -> Place:
        """The learner's calendar and zone, from their own log's settings (unset when unreadable); read
        once per refresh, not on every pick."""
        if self._read_place is None:
            own = self._own_log if self._own_log is not None else self.interview_log
            try:
                self._read_place = own.place()
            except LogFileError:
                self._read_place = Place()
        return self._read_place

    def _clock(self) -> datetime:
        """Now, in the learner's time zone (not the server's), to the minute."""
        moment = self._now if self._now is not None else self._place().now()
        return moment.replace(second=0, microsecond=0)

    def _switch_log(self, demo: bool) -> None:
        """Show the sample read-only (demo) or the learner's own log."""
        if demo:
            try:
                self.interview_log = open_sample_log()
            except LogFileError as error:
                self.log_status.value = status_html("error", str(error))
                self.demo.value = False
                return
            self.demo_banner.value = status_html(
                "info",
                "Demo mode: this is the synthetic sample log, read-only. Nothing you click here changes it; "
                "the buttons that would are switched off. Untick Demo mode to work on your own log.",
            )
        else:
            if self._own_log is None:
                self._own_log = InterviewLog()
            self.interview_log = self._own_log
            self.demo_banner.value = ""
        self.editing = None
        self.clear_form(keep_status=False)
        for box in (self.delete_box, self.guard, self.followup_box, self.import_box, self.conflict_box):
            box.dismiss()
        for status in (self.table_status, self.quick_status, self.closeout_status, self.upload_status):
            status.value = ""
        self._apply_read_only()
        self.refresh()

    def _apply_read_only(self) -> None:
        locked = self.read_only or self._unwritable
        why = "Read-only in demo mode" if self.read_only else "The log's folder cannot be written"
        why = why if locked else ""
        changing = [
            *self.form_inputs, self.save_button, self.clear_button, self.edit_button, self.delete_button,
            *self.quick_buttons.values(), self.reply_button, self.when, self.now_button, self.to,
            self.purpose, self.note, self.followup_delete, self.outcome, self.outcome_button, self.upload,
            self.upload_mode, self.import_button,
        ]
        for widget in changing:
            widget.disabled = locked
            if isinstance(widget, widgets.Button):
                widget.tooltip = why or widget.description

    def refresh(self) -> None:
        """Read the log again and redraw the table, pickers, follow-ups and download link."""
        self._read_place = None  # read the learner's settings again, once
        unwritable = not self.read_only and not self.interview_log.writable
        if unwritable != self._unwritable:
            self._unwritable = unwritable
            self._apply_read_only()
        try:
            listing = self.interview_log.listing()
            counts = self.interview_log.followup_counts()
            export = self.interview_log.export_zip() if len(listing) <= EAGER_DOWNLOAD_MAX else b""
        except LogFileError as error:
            listing, counts, export = [], {}, None
            self.log_status.value = status_html("error", f"{error} (the table stays empty until it is fixed)")
        else:
            self.log_status.value = status_html("warning", self._unwritable_text()) if unwritable else ""
        self._newest = [iid for iid, _held, _words in listing]
        self._words = {iid: words for iid, _held, words in listing}
        self._records = {}
        self._counts = counts
        self._draw_download(export, sum(counts.values()))
        self._draw_listing(keep=self.picked, keep_previous=self.previous.value)

    def _listed(self) -> list[str]:
        """The ids the table lists, newest first: those whose company, role or interviewers hold the
        filter's words (all of them when it is empty)."""
        words = self.table_filter.value.casefold().split()
        if not words:
            return self._newest
        return [iid for iid in self._newest if all(word in self._words[iid] for word in words)]

    def _draw_listing(self, keep: str | None = None, keep_previous: str = "") -> None:
        """Draw one page of the table and give the menus that page's interviews (plus the one picked),
        so a click costs the same with 30 interviews or 100,000."""
        listed = self._listed()
        pages = max(1, -(-len(listed) // PAGE_SIZE))
        self._page = min(max(self._page, 0), pages - 1)
        shown = listed[self._page * PAGE_SIZE:(self._page + 1) * PAGE_SIZE]
        self._draw_table(shown, len(listed), pages)
        self.prev_page.disabled = self._page == 0
        self.next_page.disabled = self._page >= pages - 1
        self.pager.layout.display = "flex" if pages > 1 else "none"
        if keep is not None and keep not in self._words:
            keep = None
        ids = list(shown)
        if keep is not None and keep not in ids:
            ids.insert(0, keep)
        options = interview_options(self._pairs_of(ids))
        self._syncing = True
        try:
            for picker in (self.picker, self.quick_picker, self.outcome_picker):
                picker.options = options
                picker.value = keep if keep is not None else (options[0][1] if options else None)
        finally:
            self._syncing = False
        self._offer_previous(ids, keep_previous)
        self._pick(self.picker.value, force=True)

    def _offer_previous(self, ids: list[str], earlier: str | None) -> None:
        """The Earlier round menu: the listed interviews, and the one it holds (kept while it exists)."""
        earlier = earlier if earlier in self._words else ""
        ids = [*ids, earlier] if earlier and earlier not in ids else ids
        self.previous.options = [_FIRST_ROUND, *interview_options(self._pairs_of(ids))]
        self.previous.value = earlier or ""

    def _ensure_option(self, dropdown: widgets.Dropdown, iid: str) -> None:
        """Put an interview into a menu that lists only one page, so it can be picked (after a save)."""
        if iid in self._words and iid not in {value for _, value in dropdown.options}:
            extra = interview_options(self._pairs_of([iid]))
            dropdown.options = [*extra, *dropdown.options] if dropdown is not self.previous else [
                *dropdown.options, *extra]

    def _filter_changed(self) -> None:
        self._page = 0
        keep = self.picked if self.picked in set(self._listed()) else None  # the menu shows what matches
        self._draw_listing(keep=keep, keep_previous=self.previous.value)

    def _turn_page(self, step: int) -> None:
        self._page += step
        self._draw_listing(keep=None, keep_previous=self.previous.value)

    def _previous_ids(self) -> set[str]:
        """The ids the Earlier round menu offers."""
        return {iid for _, iid in self.previous.options if iid}

    def _draw_table(self, shown: list[str], n_listed: int, pages: int) -> None:
        rows = []
        kinds, outcomes = dict((v, k) for k, v in KIND_OPTIONS), dict((v, k) for k, v in OUTCOME_OPTIONS)
        for iid, iv in self._pairs_of(shown):
            if iv.decision_by is not None:
                decision = f"by {iv.decision_by:%a} {iv.decision_by.day} {iv.decision_by:%b}"
            elif iv.decision_in_business_days is not None:
                decision = f"in {iv.decision_in_business_days} business days"
            else:
                decision = "not given"
            rows.append([
                _when(iv.held_at), iv.company, iv.role, kinds[iv.kind], ", ".join(iv.interviewers), decision,
                outcomes[iv.outcome], str(self._counts.get(iid, 0)),
            ])
        whose = "The sample log (read-only)" if self.read_only else "Your interviews"
        total = len(self._newest)
        caption = f"{whose}, newest first: {total:,}"
        if n_listed != total:
            caption += f", {n_listed:,} matching '{self.table_filter.value.strip()}'"
        if pages > 1:
            first = self._page * PAGE_SIZE + 1
            caption += f" (showing {first:,}–{first + len(shown) - 1:,}, page {self._page + 1} of {pages:,})"
        empty = ("No interviews yet: fill in the form above and press Save interview." if not total
                 else "No interview matches the filter: change or clear it.")
        self.table.value = table_html(
            rows,
            ["When", "Company", "Role", "Kind", "Interviewers", "Decision", "Outcome", "Follow-ups"],
            caption,
            empty=empty,
            max_height="24em",
            nowrap=1,
        )

    def _draw_download(self, export: bytes | None, n_followups: int) -> None:
        if export is None:
            self.download.value = status_html(
                "error", "The log cannot be read, so there is nothing to download."
            )
            self.prepare_download.layout.display = "none"
            return
        n = len(self._newest)
        big = n > EAGER_DOWNLOAD_MAX and not export
        self.prepare_download.layout.display = "flex" if big else "none"
        if big:  # built when asked: a big zip on every click would make every click slow
            self.download.value = status_html(
                "info", f"Your log holds {n:,} interviews: press Prepare my download to make the zip."
            )
            return
        detail = (
            f"(one zip: {n} interview{'s' if n != 1 else ''}, {n_followups} follow-up"
            f"{'s' if n_followups != 1 else ''}, {len(export) / 1024:.1f} KB)"
        )
        if self.read_only:
            self.download.value = download_link(
                export, "followup-sample-log.zip", "application/zip", "Download the sample log", detail=detail
            )
        else:
            name = f"followup-log-{self._clock():%Y-%m-%d}.zip"
            self.download.value = download_link(export, name, "application/zip", "Download my log",
                                                detail=detail)

    def _interview(self, iid: str | None) -> Interview | None:
        """An interview of the log as last read (fetched once per refresh), or None."""
        if iid is None or iid not in self._words:
            return None
        return dict(self._pairs_of([iid])).get(iid)

    def _pairs_of(self, ids: list[str]) -> list[tuple[str, Interview]]:
        """(id, interview) for these ids, fetching those the view has not read since the refresh."""
        missing = [iid for iid in ids if iid not in self._records and iid in self._words]
        if missing:
            try:
                self._records.update(self.interview_log.interviews_by_id(missing))
            except LogFileError:
                pass  # shown at the next refresh; the view lists what it has
        return [(iid, self._records[iid]) for iid in ids if iid in self._records]

    @_guarded("upload_status", suffix="")
    def make_download(self, _button: Any = None) -> None:
        """Build the download link now (for a log too big to rebuild it on every change)."""
        export = self.interview_log.export_zip()
        self._draw_download(export, sum(self._counts.values()))

    def _pick(self, iid: str | None, *, force: bool = False) -> None:
        """One interview is picked (in any of the three pickers): sync them and redraw what depends on it."""
        if self._syncing and not force:
            return
        self._syncing = True
        try:
            for picker in (self.picker, self.quick_picker, self.outcome_picker):
                if iid is not None:
                    self._ensure_option(picker, iid)
                if picker.value != iid:
                    picker.value = iid
        finally:
            self._syncing = False
        for box in (self.delete_box, self.guard, self.followup_box):
            box.dismiss()
        interview = self._interview(iid)
        people = recipients(interview) if interview is not None else []  # the agency contact first
        if interview is not None:
            self.purpose.value = call_purpose(interview.outcome)
            self.outcome.value = interview.outcome
            self.next_round_button.layout.display = "flex" if interview.outcome == "next_round" else "none"
        self.outcome_at.value = (interview.outcome_at if interview is not None and interview.outcome_at
                                 else self._clock())
        self.to.options = people
        self.to.value = people[0] if people else ""
        self._reset_when()
        self._draw_followups(iid)
        self._draw_next_step(iid)
        self._label_buttons()

    def _reset_when(self) -> None:
        self.when.value = self._clock()

    def _label_buttons(self) -> None:
        name = self.to.value.strip() or "…"
        for key, widget in self.quick_buttons.items():
            widget.description = f"{QUICK_ACTIONS[key][0]} {name}"
            if not self.read_only:
                widget.tooltip = widget.description

    def _draw_followups(self, iid: str | None) -> None:
        if iid is None or self._interview(iid) is None:
            self.followups_html.value = ""
            self.followup_picker.options = []
            return
        try:
            items = self.interview_log.followup_items(iid)
        except (LogFileError, UnknownIdError) as error:
            self.followups_html.value = status_html("error", str(error))
            self.followup_picker.options = []
            return
        rows = [
            [
                _when(fu.at), fu.channel, _PURPOSE_WORDS.get(fu.purpose, fu.purpose), fu.to,
                _when(fu.response_at) if fu.response_at else "no reply yet", fu.notes,
            ]
            for _, fu in items
        ]
        self.followups_html.value = table_html(
            rows,
            ["When", "Channel", "For", "To", "Reply", "Note"],
            f"Follow-ups of {self._interview(iid).label}: {len(rows)}",  # type: ignore[union-attr]
            empty="Nothing recorded yet: use the buttons above.",
            nowrap=1,
        )
        self.followup_picker.options = [
            (f"{_when(fu.at)}: {fu.channel} to {fu.to} ({_PURPOSE_WORDS.get(fu.purpose, fu.purpose)})", fid)
            for fid, fu in reversed(items)
        ]
        self.followup_picker.value = items[-1][0] if items else None

    def _draw_next_step(self, iid: str | None) -> None:
        interview = self._interview(iid)
        if interview is None:
            self.next_step.value = ""
            return
        text = self._next_step_text(iid, interview)  # type: ignore[arg-type]
        self.next_step.value = text

    def _next_step_text(self, iid: str, interview: Interview) -> str:
        """The planner's next step after the outcome (``planner.next_step_after``), as HTML."""
        try:
            done = self.interview_log.followup_items(iid)
        except (LogFileError, UnknownIdError):
            done = []
        nxt = next_step_after(interview, done, self._clock(), interview_id=iid,
                              **self._place().planner_options())
        if nxt.practice:
            parts = []
            step = nxt.step
            if step is not None:
                state = "done" if step.status == "done" else f"due {_when(step.due)} ({step.status})"
                parts.append(
                    f"<p><strong>Next: {html.escape(step.action)}</strong>, {html.escape(state)}.<br>"
                    f"Why: {html.escape(step.why)}<br><small>Rule {html.escape(step.rule)}; source: "
                    f"{html.escape(step.source)}</small></p>"
                )
            parts.append(
                f"<p>{html.escape(nxt.practice)} in <code>{html.escape(nxt.notebook)}</code> "
                f"({html.escape(nxt.exercise)}).</p>"
            )
            return "<div role='note' class='fk-next' style='line-height:1.45'>" + "".join(parts) + "</div>"
        advice = nxt.advice
        if nxt.next_round is not None:
            advice += (" Press Log the next round in the form to add it, linked to this one, so only the "
                       "latest round gets a status call.")
        return status_html("info", advice)

    # -- the form ----------------------------------------------------------------------------

    def _show_form_mode(self) -> None:
        if self.editing is None:
            self.form_mode.value = "<p style='margin:0'><strong>New interview</strong></p>"
            self.save_button.description = "Save interview"
        else:
            interview = self._interview(self.editing)
            label = interview.label if interview is not None else self.editing
            self.form_mode.value = (
                f"<p style='margin:0'><strong>Editing:</strong> {html.escape(label)} "
                "(press Clear the form to log a new one instead)</p>"
            )
            self.save_button.description = "Save changes"
        self.save_button.tooltip = self.save_button.description

    def form_interview(self) -> Interview:
        """The interview the form describes, validated; a ``ValidationError`` (``ValidationErrors`` when
        several) names every bad field, and those inputs are marked in the form."""
        day, start = self.held_date.value, self.held_time.value
        held = datetime.combine(day, start) if day is not None and start is not None else None
        try:
            interview = Interview(
                company=self.company.value,
                role=self.role.value,
                held_at=held,  # type: ignore[arg-type]
                kind=self.kind.value,
                interviewers=self.interviewers.value.split(","),
                contact=self.contact.value,
                contact_email=self.contact_email.value,
                contact_phone=self.contact_phone.value,
                decision_by=self.decision_by.value,
                decision_in_business_days=self.decision_days.value,
                agency_contact=self.agency_contact.value,
                agency_email=self.agency_email.value,
                agency_phone=self.agency_phone.value,
                talking_points=self.talking_points.value,
                notes=self.notes.value,
                **self._form_round(),
                **self._form_outcome(),
            )
        except ValidationError as error:
            found = getattr(error, "problems", [error])
            problems = [self._plain(problem, held, day, start) for problem in found]
            self._mark_invalid({problem.field for problem in problems})
            raise (ValidationErrors(problems) if len(problems) > 1 else problems[0]) from None
        self._mark_invalid(set())
        return interview

    @staticmethod
    def _plain(problem: ValidationError, held: Any, day: Any, start: Any) -> ValidationError:
        """A missing date or time said as what to pick, not as a type the learner never sees."""
        if problem.field == "held_at" and held is None and day is not None:
            return ValidationError("held_at", "the time it started as well, like 10:00", start)
        if problem.field == "held_at" and held is None:
            return ValidationError("held_at", "the day of the interview (pick a date)", day)
        return problem

    def _mark_invalid(self, fields: set[str]) -> None:
        """Mark the inputs of ``fields`` (a tinted box and a ⚠ in the label) and unmark the others."""
        for field, controls in self._field_controls().items():
            for control in controls:
                bad = field in fields
                base = control.description.removesuffix(" ⚠")
                control.description = base + " ⚠" if bad else base
                if bad:
                    control.add_class("fk-invalid")
                else:
                    control.remove_class("fk-invalid")
                if "background" in control.style.keys:
                    control.style.background = "#fde8e8" if bad else None

    def _field_controls(self) -> dict[str, list[widgets.Widget]]:
        return {
            "company": [self.company], "role": [self.role], "held_at": [self.held_date, self.held_time],
            "kind": [self.kind], "interviewers": [self.interviewers], "contact": [self.contact],
            "contact_email": [self.contact_email], "contact_phone": [self.contact_phone],
            "decision_by": [self.decision_by], "decision_in_business_days": [self.decision_days],
            "agency_contact": [self.agency_contact], "agency_email": [self.agency_email],
            "agency_phone": [self.agency_phone], "talking_points": [self.talking_points],
            "notes": [self.notes],
        }

    def _form_round(self) -> dict[str, Any]:
        """round and previous_id from the Earlier round menu (round 1 when none is picked)."""
        previous = self._interview(self.previous.value) if self.previous.value else None
        if previous is None:
            return {"round": 1, "previous_id": None}
        return previous.next_round(self.previous.value)

    def _form_outcome(self) -> dict[str, Any]:
        """outcome and when it was heard: kept from the interview being edited while the outcome is
        unchanged, else now (the learner's clock)."""
        outcome = self.form_outcome.value
        loaded = self._loaded if self.editing else None
        if loaded is not None and loaded.outcome == outcome:
            return {"outcome": outcome, "outcome_at": loaded.outcome_at}
        return {"outcome": outcome, "outcome_at": None if outcome == "pending" else self._clock()}

    @_guarded("form_status")
    def save(self, _button: Any = None) -> str | None:
        """Save the form: a new interview, or the changes to the one being edited; returns its id."""
        self._writable()
        self.conflict_box.dismiss()
        if self.editing is None and self._form_blank() and "fk-status-ok" in self.form_status.value:
            # a second click of a double-click: the first saved and emptied the form; keep its message
            return None
        interview = self.form_interview()
        if self.editing is not None:
            return self._save_edit(interview, overwrite=False)
        iid = self.interview_log.add(interview)
        self.clear_form(keep_status=True)
        self.refresh()
        self._pick(iid)
        message = f"Saved: {interview.label}. It is in your log on disk now."
        self.form_status.value = status_html("ok", message)
        return iid

    def _save_edit(self, interview: Interview, *, overwrite: bool) -> str | None:
        """Save only the fields the learner changed in the form since loading it (so a close-out or a
        change made in another tab meanwhile is kept); a field changed both here and elsewhere is a
        conflict the learner settles (see ``_conflict``), unless ``overwrite``."""
        iid, loaded = self.editing, self._loaded
        assert iid is not None and loaded is not None
        changes = {
            name: getattr(interview, name)
            for name in INTERVIEW_FIELDS
            if getattr(interview, name) != getattr(loaded, name)
        }
        try:
            before = self.interview_log.get(iid)
            if changes:
                self.interview_log.update(iid, base=None if overwrite else loaded, **changes)
        except UnknownIdError:  # deleted since it was loaded: offer to save it as new
            self.editing, self._loaded = None, None
            self._show_form_mode()
            self.refresh()
            self.form_status.value = status_html(
                "error",
                f"{interview.label} is no longer in your log (deleted in another tab or notebook?), so "
                "nothing was saved. The form still holds it: press Save interview to log it again.",
            )
            return None
        except ConflictError as conflict:
            self._conflict(iid, interview, conflict)
            return None
        kept = [FIELD_LABELS[name] for name in INTERVIEW_FIELDS
                if getattr(before, name) != getattr(loaded, name) and name not in changes]
        self.refresh()
        self._pick(iid)
        self.load(iid)  # the form now shows what is saved, theirs included
        if not changes:
            message = f"Nothing was changed in the form, so there was nothing to save: {interview.label}."
            self.form_status.value = status_html("info", message)
            return iid
        message = f"Saved changes: {self._loaded.label if self._loaded else interview.label}."
        if kept:
            message += f" Kept what was changed elsewhere meanwhile: {', '.join(kept)}."
        self.form_status.value = status_html("ok", message)
        return iid

    def _conflict(self, iid: str, interview: Interview, conflict: ConflictError) -> None:
        """Say what changed elsewhere (field: theirs → yours) and offer Reload or Overwrite anyway."""
        lines = [
            f"{FIELD_LABELS.get(name, name)}: {_shown(theirs)} there → {_shown(yours)} here"
            for name, theirs, yours in conflict.changes
        ]
        self.form_status.value = status_html(
            "error",
            "Not saved: this interview was changed in another tab or notebook since you loaded it.",
        )
        self.conflict_box.ask(
            "Changed meanwhile (saved there → yours in the form):\n" + "\n".join(lines) + "\n"
            "Overwrite anyway saves everything you changed in the form, yours winning on these fields. "
            "Reload what is saved fills the form from your log instead, dropping your unsaved edits "
            "(copy them first if you want to keep them).",
            "Overwrite anyway",
            lambda: self._overwrite(iid),
            lambda: self._reload_form(iid),
            no_text="Reload what is saved",
        )

    @_guarded("form_status")
    def _overwrite(self, iid: str) -> None:
        if self.editing != iid:
            self.form_status.value = status_html("error", "The form holds another interview now; nothing "
                                                 "was saved.")
            return
        self._save_edit(self.form_interview(), overwrite=True)

    @_guarded("form_status", suffix="")
    def _reload_form(self, iid: str) -> None:
        self.refresh()
        self.load(iid)
        self.form_status.value = status_html(
            "info",
            "Reloaded: the form shows what is saved now. Make your change again and press Save changes.",
        )

    def _form_blank(self) -> bool:
        """True when the form is as Clear the form leaves it (nothing typed or picked)."""
        return (
            not any(widget.value.strip() for widget in self._form_texts())
            and not self.previous.value
            and self.held_date.value is None and self.held_time.value is None
            and self.decision_by.value is None
            and self.kind.value == "in_person" and self.form_outcome.value == "pending"
        )

    def _form_texts(self) -> tuple[widgets.Widget, ...]:
        return (self.company, self.role, self.interviewers, self.contact, self.contact_email,
                self.contact_phone, self.decision_days, self.agency_contact, self.agency_email,
                self.agency_phone, self.talking_points, self.notes)

    def clear_form(self, keep_status: bool = False) -> None:
        """Empty the form for a new interview (leaves the log alone)."""
        self.editing = None
        self._loaded = None
        self.conflict_box.dismiss()
        self._mark_invalid(set())
        for widget in self._form_texts():
            widget.value = ""
        self.previous.value = ""
        self.held_date.value = None
        self.held_time.value = None
        self.decision_by.value = None
        self.kind.value = "in_person"
        self.form_outcome.value = "pending"
        self._show_form_mode()
        if not keep_status:
            self.form_status.value = status_html("info", "")

    def load(self, iid: str) -> None:
        """Fill the form with an interview of the log, to edit it."""
        interview = self.interview_log.get(iid)
        if not isinstance(interview, Interview):
            raise UnknownIdError(f"No interview has the id {iid!r} in this log.")
        self.company.value = interview.company
        self.role.value = interview.role
        self.held_date.value = interview.held_at.date()
        self.held_time.value = interview.held_at.time()
        self.kind.value = interview.kind
        self.interviewers.value = ", ".join(interview.interviewers)
        self.contact.value = interview.contact
        self.decision_by.value = interview.decision_by
        self.decision_days.value = (
            "" if interview.decision_in_business_days is None else str(interview.decision_in_business_days)
        )
        self.agency_contact.value = interview.agency_contact or ""
        self.contact_email.value = interview.contact_email or ""
        self.contact_phone.value = interview.contact_phone or ""
        self.agency_email.value = interview.agency_email or ""
        self.agency_phone.value = interview.agency_phone or ""
        if interview.previous_id:
            self._ensure_option(self.previous, interview.previous_id)
        self.previous.value = interview.previous_id if interview.previous_id in self._previous_ids() else ""
        self.talking_points.value = "\n".join(interview.talking_points)
        self.form_outcome.value = interview.outcome
        self.notes.value = interview.notes
        self.editing = iid
        self._loaded = interview
        self.conflict_box.dismiss()
        self._show_form_mode()

    # -- the table ---------------------------------------------------------------------------

    @_guarded("table_status", suffix="")
    def edit(self, _button: Any = None) -> None:
        """Load the picked interview into the form."""
        if self.picked is None:
            self.table_status.value = status_html("error", "Pick an interview first: there is none yet.")
            return
        self.load(self.picked)
        self.table_status.value = status_html(
            "info", "Loaded into the form above: change what you need, then press Save changes."
        )
        self.form_status.value = status_html("info", "")
        self.form_bridge.focus("fk-company")  # the browser scrolls to the form and focuses Company

    @_guarded("table_status", suffix="")
    def delete(self, _button: Any = None) -> None:
        """Ask before deleting the picked interview and its follow-ups, naming each follow-up."""
        iid = self.picked
        interview = self._interview(iid)
        if iid is None or interview is None:
            self.table_status.value = status_html("error", "Pick an interview first: there is none yet.")
            return
        self._writable()
        self._ask_delete(iid, interview, "")

    def _ask_delete(self, iid: str, interview: Interview, before: str) -> None:
        items = self.interview_log.followup_items(iid)
        extra = ""
        if items:
            listed = "; ".join(_followup_words(fu) for _, fu in items)
            extra = f" and its {_count(len(items), 'follow-up')} ({listed})"
        told = [iid, *(fid for fid, _ in items)]
        self.delete_box.ask(
            f"{before}Delete {interview.label}{extra}? This cannot be undone "
            "(download your log first to keep a copy).",
            "Yes, delete it",
            lambda: self._delete(iid, interview, told),
            lambda: self._say(self.table_status, "info", "Nothing was deleted."),
        )

    @_guarded("table_status", suffix=" Nothing was deleted.")
    def _delete(self, iid: str, interview: Interview, told: list[str]) -> None:
        try:
            self.interview_log.remove(iid, expected=told)  # refuses if more would go than was said
        except ConflictError as conflict:
            listed = "; ".join(_followup_words(fu) for _, fu in conflict.extra)
            self.table_status.value = status_html("warning", "Not deleted yet: answer the question again.")
            self._ask_delete(
                iid, interview, f"Since you were asked, this was recorded in another tab: {listed}. "
            )
            return
        if self.editing == iid:
            self.clear_form()
        self.refresh()
        self.table_status.value = status_html("ok", f"Deleted: {interview.label}.")

    @staticmethod
    def _say(target: widgets.HTML, kind: str, text: str) -> None:
        target.value = status_html(kind, text)

    # -- quick actions -----------------------------------------------------------------------

    def _picked_interview(self, status: widgets.HTML) -> tuple[str, Interview] | None:
        interview = self._interview(self.picked)
        if self.picked is None or interview is None:
            status.value = status_html("error", "Pick an interview first: log one in the form above.")
            return None
        return self.picked, interview

    @_guarded("quick_status", labels=_QUICK_LABELS)
    def quick(self, key: str, _button: Any = None) -> None:
        """Record the quick action ``key`` (see ``QUICK_ACTIONS``) for the picked interview."""
        self._writable()
        found = self._picked_interview(self.quick_status)
        if found is None:
            return
        iid, interview = found
        _text, channel, purpose = QUICK_ACTIONS[key]
        followup = FollowUp(
            interview_id=iid,
            at=self.when.value,  # type: ignore[arg-type]
            channel=channel,
            purpose=purpose or self.purpose.value,
            to=self.to.value,
            notes=self.note.value,
        )
        check_followup_after(interview, followup)
        done = self.interview_log.followup_items(iid)
        warning, declined = second_call_warning(done, followup), "Not saved: one call is enough (seed 003)."
        if warning is None:  # the same guard for a second thank-you to one person (seed 001)
            warning = second_thank_you_warning(done, followup)
            declined = "Not saved: one thank-you to each person is enough (seed 001)."
        if warning:
            self.quick_status.value = status_html("warning", "Not saved yet: answer the question below.")
            self.guard.ask(
                warning,
                "Save it anyway",
                lambda: self._record(followup, interview),
                lambda: self._say(self.quick_status, "info", declined),
                no_text="Don't save it",
            )
            return
        self._record(followup, interview)

    @_guarded("quick_status", labels=_QUICK_LABELS)
    def _record(self, followup: FollowUp, interview: Interview) -> None:
        self.interview_log.record(followup)
        self.note.value = ""
        self.refresh()
        self._pick(followup.interview_id)
        self._after_record(followup)
        what = _PURPOSE_WORDS.get(followup.purpose, followup.purpose)
        self.quick_status.value = status_html(
            "ok",
            f"Saved: {what} by {_CHANNEL_WORDS.get(followup.channel, followup.channel)} to {followup.to}, "
            f"{_when(followup.at)} ({interview.label}).",
        )

    def _after_record(self, followup: FollowUp) -> None:
        """Ready the next click: When keeps the time just recorded (thank-yous sent together are one
        click each), and after a thank-you To moves to the next person in the menu not yet thanked, so
        a second click thanks the second interviewer, not the first one twice; after a call To stays."""
        self.when.value = followup.at
        try:
            done = self.interview_log.followup_items(followup.interview_id)
        except (LogFileError, UnknownIdError):
            done = []
        self.to.value = next_recipient(self.to.options, done, followup)

    @_guarded("quick_status")
    def got_reply(self, _button: Any = None) -> None:
        """Mark the latest follow-up still waiting for a reply as answered, at the time in When."""
        self._writable()
        found = self._picked_interview(self.quick_status)
        if found is None:
            return
        iid, interview = found
        waiting = awaiting_reply(self.interview_log.followup_items(iid))
        if waiting is None:
            self.quick_status.value = status_html(
                "error",
                f"Nothing of {interview.label} is waiting for a reply: record what you sent or said first, "
                "then press Got a reply. Nothing was saved.",
            )
            return
        fid, fu = waiting
        assert fid is not None  # the log's follow-ups come with their ids
        replied = self.when.value
        if replied is None:  # an emptied When would "save" no reply at all
            raise ValidationError("response_at", "a date and time (press Set the time to now)", replied)
        try:
            self.interview_log.update(fid, base=fu, response_at=replied)
        except ConflictError as conflict:
            self.refresh()
            self._pick(iid)
            (_name, theirs, _yours), *_ = conflict.changes
            self.quick_status.value = status_html(
                "error",
                f"A reply to your {fu.channel} to {fu.to} was recorded in another tab meanwhile "
                f"({_shown(theirs)}), so nothing was saved; press Got a reply again for the next one.",
            )
            return
        self.refresh()
        self._pick(iid)
        self.quick_status.value = status_html(
            "ok",
            f"Saved: a reply at {_when(replied)} to your {fu.channel} to {fu.to} of {_when(fu.at)}. "
            "If they told you the outcome, set it under Close out.",
        )

    @_guarded("quick_status", suffix=" Nothing was deleted.")
    def delete_followup(self, _button: Any = None) -> None:
        """Ask before deleting the follow-up picked under the list (a mistaken click, say)."""
        fid = self.followup_picker.value
        if fid is None:
            self.quick_status.value = status_html("error", "There is no follow-up to delete.")
            return
        self._writable()
        label = self.followup_picker.label
        self.followup_box.ask(
            f"Delete the follow-up '{label}'? This cannot be undone.",
            "Yes, delete it",
            lambda: self._delete_followup(fid, label),
            lambda: self._say(self.quick_status, "info", "Nothing was deleted."),
        )

    @_guarded("quick_status", suffix=" Nothing was deleted.")
    def _delete_followup(self, fid: str, label: str) -> None:
        iid = self.picked
        self.interview_log.remove(fid, expected=[fid])
        self.refresh()
        self._pick(iid)
        self.quick_status.value = status_html("ok", f"Deleted the follow-up: {label}.")

    # -- close-out ---------------------------------------------------------------------------

    @_guarded("closeout_status")
    def save_outcome(self, _button: Any = None) -> None:
        """Set the outcome of the picked interview; the next step appears below."""
        self._writable()
        found = self._picked_interview(self.closeout_status)
        if found is None:
            return
        iid, interview = found
        outcome = self.outcome.value
        heard = self.outcome_at.value
        if outcome != "pending" and heard is None:
            raise ValidationError("outcome_at", "the date and time you heard (press Save again after "
                                  "picking it)", heard)
        changed = interview.with_outcome(outcome, heard)
        try:
            self.interview_log.update(
                iid, base=interview, outcome=changed.outcome, outcome_at=changed.outcome_at
            )
        except ConflictError as conflict:
            self.refresh()
            self._pick(iid)
            lines = "; ".join(f"{FIELD_LABELS.get(n, n)}: {_shown(t)} there → {_shown(y)} here"
                              for n, t, y in conflict.changes)
            self.closeout_status.value = status_html(
                "error",
                f"Not saved: the outcome was set in another tab or notebook meanwhile ({lines}). The view "
                "now shows it; press Save the outcome again to save yours over it.",
            )
            return
        loaded = self._loaded if self.editing == iid else None
        if loaded is not None and self.form_outcome.value == loaded.outcome:
            self._loaded = loaded.with_outcome(changed.outcome, changed.outcome_at)  # the form follows
            self.form_outcome.value = changed.outcome
        self.refresh()
        self._pick(iid)
        word = dict((v, k) for k, v in OUTCOME_OPTIONS)[outcome]
        when = "" if changed.outcome_at is None else f", heard {wording.when(changed.outcome_at)}"
        self.closeout_status.value = status_html("ok", f"Saved: {interview.label} is now '{word}'{when}.")

    @_guarded("closeout_status")
    def start_next_round(self, _button: Any = None) -> None:
        """Fill the form for the next round of the picked interview's process, linked to it."""
        found = self._picked_interview(self.closeout_status)
        if found is None:
            return
        iid, interview = found
        self.clear_form()
        self.company.value = interview.company
        self.role.value = interview.role
        self.contact.value = interview.contact
        self.contact_email.value = interview.contact_email or ""
        self.contact_phone.value = interview.contact_phone or ""
        self.agency_contact.value = interview.agency_contact or ""
        self.agency_email.value = interview.agency_email or ""
        self.agency_phone.value = interview.agency_phone or ""
        self._ensure_option(self.previous, iid)
        self.previous.value = iid
        self.form_status.value = status_html(
            "info", f"Round {interview.round + 1} of {interview.company}: add its date, time and "
            "interviewers above, then press Save interview."
        )

    # -- download and upload -----------------------------------------------------------------

    def _upload_chosen(self, chosen: Chosen) -> None:
        """The browser reported a choice: say it is ready, or why it was refused (nothing is imported)."""
        self.import_box.dismiss()
        if chosen.data is None:
            self.upload_status.value = status_html("error", chosen.problem)
            return
        self.upload_status.value = status_html(
            "info",
            f"Ready: {chosen.name} ({chosen.size / 1024:.1f} KB). Choose Merge or Replace, then press "
            "Import the upload.",
        )

    @_guarded("upload_status", suffix="")
    def import_upload(self, _button: Any = None) -> ImportReport | None:
        """Merge the chosen file, or replace the log with it after a confirmation that gives the counts.

        The store checks the whole upload before writing anything (``import_file`` for a merge,
        ``preview_import`` before the question for a replace), so a bad file, or a replace that
        would drop follow-ups the upload lacks, gets its message here and no question.
        """
        self._writable()
        chosen = self.upload.file  # only ever the file chosen last (a refused choice forgets it)
        if chosen is None or chosen.data is None:
            self.upload_status.value = status_html(
                "error", "Choose a file first with the 'Choose a file' button. Nothing was imported."
            )
            return None
        data, name = chosen.data, chosen.name
        if self.upload_mode.value == "merge":  # merging never removes a row: no question to ask
            return self._import(data, name, "merge")
        try:
            self._ask_replace(data, name)
        except Exception:
            self.upload.clear()  # a refused file is not offered again: choose it (or another) anew
            raise
        return None

    def _ask_replace(self, data: bytes, name: str, before: str = "") -> None:
        """Ask before replacing, with the counts of the log now; the answer is checked against them."""
        preview = self.interview_log.preview_import(data, name, mode="replace")  # raises LogFileError
        question = (
            f"{before}Replace your log ({_count(preview.before_interviews, 'interview')}, "
            f"{_count(preview.before_followups, 'follow-up')}) with {name} "
            f"({_count(preview.added_interviews, 'interview')}, "
            f"{_count(preview.added_followups, 'follow-up')})? "
            "Your current log will be gone: download it first if you are not sure."
        )
        if preview.added_followups == 0 and preview.before_followups:
            question += (
                f" The upload holds no follow-ups, so your {_count(preview.before_followups, 'follow-up')} "
                "would be deleted."
            )
        self.import_box.ask(
            question,
            "Replace my log",
            lambda: self._import(data, name, "replace", preview.based_on),
            lambda: self._say(self.upload_status, "info", "Nothing was imported; your log is unchanged."),
        )
        if not before:
            self.upload_status.value = status_html("warning", "Not imported yet: answer the question below.")

    @_guarded("upload_status", suffix="")
    def download_excel(self, _button: Any = None) -> None:
        """Build the .xlsx (``store.export_xlsx``: text cells typed as text, dates as dates) on demand."""
        from ..store import XLSX_MIME, export_xlsx

        data = export_xlsx(self.interview_log)
        stem = "followup-sample-log" if self.read_only else f"followup-log-{self._clock():%Y-%m-%d}"
        detail = (f"({len(data) / 1024:.1f} KB, your log as at {self._clock():%H:%M}: press Download for "
                  "Excel again after a change; upload the file here to bring your edits back)")
        self.excel_link.value = download_link(data, f"{stem}.xlsx", XLSX_MIME, "Save the .xlsx file",
                                              detail=detail)

    @_guarded("upload_status", suffix="")
    def _import(self, data: bytes, name: str, mode: str, based_on: str | None = None) -> ImportReport | None:
        try:
            report = self.interview_log.import_file(
                data, name, mode=mode, based_on=based_on  # type: ignore[arg-type]
            )
        except ConflictError as conflict:  # the log changed after the question: ask again, with new counts
            self.upload_status.value = status_html("error", str(conflict))
            self._ask_replace(data, name, "Your log changed meanwhile. ")
            return None
        except (LogFileError, ValidationError):
            self.upload.clear()  # imported or refused, a file is brought in once: the next needs a choice
            raise
        self.upload.clear()
        self.refresh()
        self.upload_status.value = status_html("ok", report.message)
        return report


def _count(n: int, noun: str) -> str:
    """ "1 interview", "2 interviews": counts in what the learner reads."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _shown(value: Any) -> str:
    """A field's value as the learner typed it: lists joined by commas, nothing as 'nothing'."""
    if isinstance(value, list):
        return repr(", ".join(value)) if value else "nothing"
    return describe(value)


def _followup_words(followup: FollowUp) -> str:
    """ "thank-you by email to Dana, Fri 6 Mar 16:00": a follow-up named in a question."""
    what = _PURPOSE_WORDS.get(followup.purpose, followup.purpose)
    channel = _CHANNEL_WORDS.get(followup.channel, followup.channel)
    return f"{what} by {channel} to {followup.to}, {_when(followup.at)}"
