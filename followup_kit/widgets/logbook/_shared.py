"""The logbook's vocabulary, shared by its sections: field labels, menus, words, CSS hooks, small helpers."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ... import wording
from ...records import FollowUp, describe
from .._common import STYLE, WIDE, labelled
from ..upload import CSS_CLASSES as _UPLOAD_CLASSES

#: How the form names each field (the kit's one table, ``wording.FIELD_LABELS``); messages use these
#: names, so the learner finds the box.
FIELD_LABELS = wording.FIELD_LABELS


class Section(widgets.VBox):
    """One section of the Logbook, composed by it: ``book`` is the Logbook whose state it shares."""

    book: Any

    def _reload(self) -> None:
        """Read the log again, for the whole Logbook (the guard calls it after an id deleted elsewhere)."""
        self.book.refresh()

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



_when = wording.when


def text_input(description: str, css: str, placeholder: str = "") -> widgets.Text:
    """A labelled one-line text box of the form's width, with its CSS hook."""
    return labelled(
        widgets.Text(description=description, placeholder=placeholder, style=STYLE, layout=WIDE), css
    )


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
