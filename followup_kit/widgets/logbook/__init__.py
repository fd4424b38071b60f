"""The logbook: log interviews in a form, see them in a table, record follow-ups in one click, close out.

``Logbook(log=None, *, demo=False, now=None)`` is one view over an ``InterviewLog``
(the learner's own, ``InterviewLog()``, by default).  It only calls the kit:
``records`` validates, ``store`` saves and exports, ``planner`` decides: the questions before a
second status call or a second thank-you, whom a follow-up can go to, which follow-up a reply
answers and the next step after an outcome; the view only words and shows what it returns.  Every
callback catches ``ValidationError`` and ``LogFileError`` and shows the message
in the status line of its section, naming the field as the form labels it;
nothing is saved half-way, because the store writes a change whole or not at all.

Sections, each a widget a notebook can display on its own and a class in a module of this package
(``form.FormSection``, ``table.TableSection``, ``actions.ActionsSection``, ``closeout.CloseoutSection``,
``data.DataSection``; the vocabulary in ``_shared``, the error guard in ``_guard``).  ``Logbook`` builds
them, holds the log, the clock and what is picked, and keeps the three pickers in step; each section
reaches the others through it (``book``).  The sections' widgets and methods are also reachable on the
``Logbook`` itself (``book.company``, ``book.save_button``, ``book.save()``), as before the split:

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
set ``.value`` and call ``.click()``.  Errors go through the kit's one guard (``_common.guarded``, see
``_guard.py``): ``_common.STRICT = True`` makes an unexpected error in a callback raise instead of being
shown (tests switch it on).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import ipywidgets as widgets

from ...place import Place
from ...records import Interview
from ...store import InterviewLog, ReadOnlyLogError, open_sample_log
from .._common import WIDE, button, interview_options, labelled, shown_in, status_html
from ._guard import error_text
from ._shared import (
    CALL_PURPOSE_OPTIONS,
    CSS_CLASSES,
    EAGER_DOWNLOAD_MAX,
    FIELD_LABELS,
    KIND_OPTIONS,
    OUTCOME_OPTIONS,
    PAGE_SIZE,
    QUICK_ACTIONS,
    STATE_CSS_CLASSES,
    UPLOAD_CSS_CLASSES,
)
from .actions import ActionsSection
from .closeout import CloseoutSection
from .data import DataSection
from .form import FormSection
from .table import TableSection

__all__ = ["CSS_CLASSES", "FIELD_LABELS", "Logbook", "error_text"]

#: Names kept importable from here, as before the split (tests, benchmarks, other views).
_KEPT = (CALL_PURPOSE_OPTIONS, EAGER_DOWNLOAD_MAX, KIND_OPTIONS, OUTCOME_OPTIONS, PAGE_SIZE, QUICK_ACTIONS,
         STATE_CSS_CLASSES, UPLOAD_CSS_CLASSES)

#: The sections, and the names of each one's widgets and methods that the Logbook passes through.
SECTIONS = {
    "form_section": FormSection,
    "table_section": TableSection,
    "actions_section": ActionsSection,
    "closeout_section": CloseoutSection,
    "data_section": DataSection,
}


class Logbook(widgets.VBox):
    """The learner's logbook view, composed of its sections; see the module docstring.

    What the sections share lives here and they reach it through ``book``: the log
    (``interview_log``, ``read_only``, ``_writable``), the learner's clock and calendar (``_clock``,
    ``_place``), the listing of the last refresh (``_newest``, ``_words``, ``_pairs_of``,
    ``_interview``) and the picked interview (``picked``, ``_pick``, ``_pickers``); ``refresh`` reads
    the log again and redraws every section.
    """

    def __init__(
        self, log: InterviewLog | None = None, *, demo: bool = False, now: datetime | None = None
    ) -> None:
        self._own_log = log
        self._now = now
        self._read_place: Place | None = None
        self._unwritable = False
        #: Every interview's id, newest first, and its words for the filter (no record is copied) ...
        self._newest: list[str] = []
        self._words: dict[str, str] = {}
        #: ... and the records the view shows: the table's page, what is picked, edited or linked.
        self._records: dict[str, Interview] = {}
        self._counts: dict[str, int] = {}
        self._syncing = False
        self.mode_section = self._build_mode()
        self.form_section = FormSection(self)
        self.table_section = TableSection(self)
        self.actions_section = ActionsSection(self)
        self.closeout_section = CloseoutSection(self)
        self.data_section = DataSection(self)
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

    def __getattr__(self, name: str) -> Any:
        """A section's widget or method by its old name (``book.company``, ``book.save``): the sections
        own them now; the Logbook passes reads through, so notebooks and tests keep working."""
        sections = self.__dict__.get("_sections_built")
        if sections is None and "data_section" in self.__dict__:
            sections = self.__dict__["_sections_built"] = [self.__dict__[key] for key in SECTIONS]
        for section in sections or ():
            if name in section.__dict__ or hasattr(type(section), name):
                return getattr(section, name)
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    @property
    def editing(self) -> str | None:
        """The id of the interview loaded into the form (None for a new one)."""
        return self.form_section.editing

    def _build_mode(self) -> widgets.VBox:
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
        section = widgets.VBox(
            [widgets.HBox([self.demo, self.refresh_button]), self.demo_banner, self.log_status]
        )
        section.add_class("fk-mode")
        return section

    @property
    def read_only(self) -> bool:
        """True when the view shows a log it must not change (the sample in demo mode)."""
        return self.interview_log.read_only

    @property
    def picked(self) -> str | None:
        """The id of the interview picked in the table (None when the log is empty)."""
        return self.table_section.picker.value

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
            with shown_in(self.log_status, " Your calendar uses the defaults until it is fixed.",
                          kind="warning") as guard:
                self._read_place = own.place()
            if guard.failed:
                self._read_place = Place()
        return self._read_place

    def _clock(self) -> datetime:
        """Now, in the learner's time zone (not the server's), to the minute."""
        moment = self._now if self._now is not None else self._place().now()
        return moment.replace(second=0, microsecond=0)

    def _switch_log(self, demo: bool) -> None:
        """Show the sample read-only (demo) or the learner's own log."""
        if demo:
            with shown_in(self.log_status, "") as guard:
                self.interview_log = open_sample_log()
            if guard.failed:
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
        self.form_section.editing = None
        self.form_section.clear_form(keep_status=False)
        table, actions, closeout, data = (self.table_section, self.actions_section, self.closeout_section,
                                          self.data_section)
        for box in (table.delete_box, actions.guard, actions.followup_box, data.import_box,
                    self.form_section.conflict_box):
            box.dismiss()
        for status in (table.table_status, actions.quick_status, closeout.closeout_status,
                       data.upload_status):
            status.value = ""
        self._apply_read_only()
        self.refresh()

    def _apply_read_only(self) -> None:
        locked = self.read_only or self._unwritable
        why = "Read-only in demo mode" if self.read_only else "The log's folder cannot be written"
        why = why if locked else ""
        form, table, actions, closeout, data = (self.form_section, self.table_section, self.actions_section,
                                                self.closeout_section, self.data_section)
        changing = [
            *form.form_inputs, form.save_button, form.clear_button, table.edit_button, table.delete_button,
            *actions.quick_buttons.values(), actions.reply_button, actions.when, actions.now_button,
            actions.to,
            actions.purpose, actions.note, actions.followup_delete, closeout.outcome, closeout.outcome_button,
            data.upload, data.upload_mode, data.import_button,
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
        with shown_in(self.log_status, " (the table stays empty until it is fixed)") as guard:
            listing = self.interview_log.listing()
            counts = self.interview_log.followup_counts()
            export = self.interview_log.export_zip() if len(listing) <= EAGER_DOWNLOAD_MAX else b""
        if guard.failed:
            listing, counts, export = [], {}, None
        else:
            self.log_status.value = status_html("warning", self._unwritable_text()) if unwritable else ""
        self._newest = [iid for iid, _held, _words in listing]
        self._words = {iid: words for iid, _held, words in listing}
        self._records = {}
        self._counts = counts
        self.data_section.draw_download(export, sum(counts.values()))
        self.table_section.draw_listing(keep=self.picked, keep_previous=self.form_section.previous.value)

    def _ensure_option(self, dropdown: widgets.Dropdown, iid: str) -> None:
        """Put an interview into a menu that lists only one page, so it can be picked (after a save)."""
        if iid in self._words and iid not in {value for _, value in dropdown.options}:
            extra = interview_options(self._pairs_of([iid]))
            at_end = dropdown is self.form_section.previous  # Earlier round: after "None: the first round"
            dropdown.options = [*dropdown.options, *extra] if at_end else [*extra, *dropdown.options]

    def _interview(self, iid: str | None) -> Interview | None:
        """An interview of the log as last read (fetched once per refresh), or None."""
        if iid is None or iid not in self._words:
            return None
        return dict(self._pairs_of([iid])).get(iid)

    def _pairs_of(self, ids: list[str]) -> list[tuple[str, Interview]]:
        """(id, interview) for these ids, fetching those the view has not read since the refresh."""
        missing = [iid for iid in ids if iid not in self._records and iid in self._words]
        if missing:
            with shown_in(self.log_status, " The table lists what could be read."):
                self._records.update(self.interview_log.interviews_by_id(missing))
        return [(iid, self._records[iid]) for iid in ids if iid in self._records]

    def _pick(self, iid: str | None, *, force: bool = False) -> None:
        """One interview is picked (in any of the three pickers): sync them and redraw what depends on it."""
        if self._syncing and not force:
            return
        self._syncing = True
        try:
            for picker in self._pickers():
                if iid is not None:
                    self._ensure_option(picker, iid)
                if picker.value != iid:
                    picker.value = iid
        finally:
            self._syncing = False
        actions = self.actions_section
        for box in (self.table_section.delete_box, actions.guard, actions.followup_box):
            box.dismiss()
        interview = self._interview(iid)
        self.actions_section.show(iid, interview)
        self.closeout_section.show(iid, interview)

    def _pickers(self) -> tuple[widgets.Dropdown, widgets.Dropdown, widgets.Dropdown]:
        """The three menus that pick an interview (table, quick actions, close-out): always in step."""
        return (self.table_section.picker, self.actions_section.quick_picker,
                self.closeout_section.outcome_picker)

    @staticmethod
    def _say(target: widgets.HTML, kind: str, text: str) -> None:
        target.value = status_html(kind, text)

    def _picked_interview(self, status: widgets.HTML) -> tuple[str, Interview] | None:
        interview = self._interview(self.picked)
        if self.picked is None or interview is None:
            status.value = status_html("error", "Pick an interview first: log one in the form above.")
            return None
        return self.picked, interview
