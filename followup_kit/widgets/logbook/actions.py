"""The logbook's quick actions: a follow-up in one click, Got a reply, the over-contact guards.

The planner decides whom the next click goes to, which follow-up a reply answers and when to
ask before a second status call (seed 003) or a second thank-you (seed 001).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ...planner import (
    awaiting_reply,
    call_purpose,
    next_recipient,
    recipients,
    second_call_warning,
    second_thank_you_warning,
)
from ...records import FollowUp, Interview, ValidationError, check_followup_after
from ...store import ConflictError
from .._common import STYLE, WIDE, Confirm, button, labelled, shown_in, status_html, table_html
from ._guard import _guarded
from ._shared import (
    _CHANNEL_WORDS,
    _PICKER,
    _PURPOSE_WORDS,
    _QUICK_LABELS,
    CALL_PURPOSE_OPTIONS,
    QUICK_ACTIONS,
    Section,
    _shown,
    _when,
    text_input,
)

if TYPE_CHECKING:
    from . import Logbook

__all__ = ["ActionsSection"]


class ActionsSection(Section):
    """The quick actions of a ``Logbook`` (``book``), which holds the log and what is picked."""

    def __init__(self, book: Logbook) -> None:
        self.book = book
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
        self.note = text_input("Note (optional)", "fk-quick-note", "e.g. mentioned the SQL test")
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
        self.quick_picker.observe(lambda change: self.book._pick(change["new"]), names="value")
        self.to.observe(lambda _change: self._label_buttons(), names="value")
        self.now_button.on_click(lambda _b: self._reset_when())
        for key, widget in self.quick_buttons.items():
            widget.on_click(functools.partial(self.quick, key))
        self.reply_button.on_click(self.got_reply)
        self.followup_delete.on_click(self.delete_followup)
        super().__init__(
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
        self.add_class("fk-quick")

    def show(self, iid: str | None, interview: Interview | None) -> None:
        """The picked interview: its people in To (the agency contact first), the purpose a call has
        now, When at now, its follow-ups and the buttons named for the first person."""
        people = recipients(interview) if interview is not None else []
        if interview is not None:
            self.purpose.value = call_purpose(interview.outcome)
        self.to.options = people
        self.to.value = people[0] if people else ""
        self._reset_when()
        self._draw_followups(iid)
        self._label_buttons()

    def _reset_when(self) -> None:
        self.when.value = self.book._clock()

    def _label_buttons(self) -> None:
        name = self.to.value.strip() or "…"
        for key, widget in self.quick_buttons.items():
            widget.description = f"{QUICK_ACTIONS[key][0]} {name}"
            if not self.book.read_only:
                widget.tooltip = widget.description

    def _draw_followups(self, iid: str | None) -> None:
        if iid is None or self.book._interview(iid) is None:
            self.followups_html.value = ""
            self.followup_picker.options = []
            return
        with shown_in(self.followups_html, "", reload=None) as guard:
            items = self.book.interview_log.followup_items(iid)
        if guard.failed:
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
            f"Follow-ups of {self.book._interview(iid).label}: {len(rows)}",  # type: ignore[union-attr]
            empty="Nothing recorded yet: use the buttons above.",
            nowrap=1,
        )
        self.followup_picker.options = [
            (f"{_when(fu.at)}: {fu.channel} to {fu.to} ({_PURPOSE_WORDS.get(fu.purpose, fu.purpose)})", fid)
            for fid, fu in reversed(items)
        ]
        self.followup_picker.value = items[-1][0] if items else None

    @_guarded("quick_status", labels=_QUICK_LABELS)
    def quick(self, key: str, _button: Any = None) -> None:
        """Record the quick action ``key`` (see ``QUICK_ACTIONS``) for the picked interview."""
        self.book._writable()
        found = self.book._picked_interview(self.quick_status)
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
        done = self.book.interview_log.followup_items(iid)
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
                lambda: self.book._say(self.quick_status, "info", declined),
                no_text="Don't save it",
            )
            return
        self._record(followup, interview)

    @_guarded("quick_status", labels=_QUICK_LABELS)
    def _record(self, followup: FollowUp, interview: Interview) -> None:
        self.book.interview_log.record(followup)
        self.note.value = ""
        self.book.refresh()
        self.book._pick(followup.interview_id)
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
        with shown_in(self.quick_status, " Check To before the next click.", kind="warning") as guard:
            done = self.book.interview_log.followup_items(followup.interview_id)
        if guard.failed:
            done = []
        self.to.value = next_recipient(self.to.options, done, followup)

    @_guarded("quick_status")
    def got_reply(self, _button: Any = None) -> None:
        """Mark the latest follow-up still waiting for a reply as answered, at the time in When."""
        self.book._writable()
        found = self.book._picked_interview(self.quick_status)
        if found is None:
            return
        iid, interview = found
        waiting = awaiting_reply(self.book.interview_log.followup_items(iid))
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
            self.book.interview_log.update(fid, base=fu, response_at=replied)
        except ConflictError as conflict:
            self.book.refresh()
            self.book._pick(iid)
            (_name, theirs, _yours), *_ = conflict.changes
            self.quick_status.value = status_html(
                "error",
                f"A reply to your {fu.channel} to {fu.to} was recorded in another tab meanwhile "
                f"({_shown(theirs)}), so nothing was saved; press Got a reply again for the next one.",
            )
            return
        self.book.refresh()
        self.book._pick(iid)
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
        self.book._writable()
        label = self.followup_picker.label
        self.followup_box.ask(
            f"Delete the follow-up '{label}'? This cannot be undone.",
            "Yes, delete it",
            lambda: self._delete_followup(fid, label),
            lambda: self.book._say(self.quick_status, "info", "Nothing was deleted."),
        )

    @_guarded("quick_status", suffix=" Nothing was deleted.")
    def _delete_followup(self, fid: str, label: str) -> None:
        iid = self.book.picked
        self.book.interview_log.remove(fid, expected=[fid])
        self.book.refresh()
        self.book._pick(iid)
        self.quick_status.value = status_html("ok", f"Deleted the follow-up: {label}.")
