"""The logbook's table: a page of 50 interviews with a word filter, the picker, Edit and Delete.

The menus hold the table's page, so a click costs the same on any size of log; Delete asks
first, names each follow-up it removes, and asks again if one was recorded meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ...records import Interview
from ...store import ConflictError
from .._common import STYLE, WIDE, Confirm, button, interview_options, labelled, status_html, table_html
from ._guard import _guarded
from ._shared import KIND_OPTIONS, OUTCOME_OPTIONS, PAGE_SIZE, Section, _count, _followup_words, _when

if TYPE_CHECKING:
    from . import Logbook

__all__ = ["TableSection"]


class TableSection(Section):
    """The table of a ``Logbook`` (``book``), which holds the log and what is picked."""

    def __init__(self, book: Logbook) -> None:
        self.book = book
        self._page = 0
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
        self.picker.observe(lambda change: self.book._pick(change["new"]), names="value")
        self.edit_button.on_click(self.edit)
        self.delete_button.on_click(self.delete)
        super().__init__(
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
        self.add_class("fk-table-section")

    def _listed(self) -> list[str]:
        """The ids the table lists, newest first: those whose company, role or interviewers hold the
        filter's words (all of them when it is empty)."""
        words = self.table_filter.value.casefold().split()
        if not words:
            return self.book._newest
        return [iid for iid in self.book._newest if all(word in self.book._words[iid] for word in words)]

    def draw_listing(self, keep: str | None = None, keep_previous: str = "") -> None:
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
        if keep is not None and keep not in self.book._words:
            keep = None
        ids = list(shown)
        if keep is not None and keep not in ids:
            ids.insert(0, keep)
        options = interview_options(self.book._pairs_of(ids))
        self.book._syncing = True
        try:
            for picker in self.book._pickers():
                picker.options = options
                picker.value = keep if keep is not None else (options[0][1] if options else None)
        finally:
            self.book._syncing = False
        self.book.form_section.offer_previous(ids, keep_previous)
        self.book._pick(self.picker.value, force=True)

    def _filter_changed(self) -> None:
        self._page = 0
        picked = self.book.picked
        keep = picked if picked in set(self._listed()) else None  # the menu shows what matches
        self.draw_listing(keep=keep, keep_previous=self.book.form_section.previous.value)

    def _turn_page(self, step: int) -> None:
        self._page += step
        self.draw_listing(keep=None, keep_previous=self.book.form_section.previous.value)

    def _draw_table(self, shown: list[str], n_listed: int, pages: int) -> None:
        rows = []
        kinds, outcomes = dict((v, k) for k, v in KIND_OPTIONS), dict((v, k) for k, v in OUTCOME_OPTIONS)
        for iid, iv in self.book._pairs_of(shown):
            if iv.decision_by is not None:
                decision = f"by {iv.decision_by:%a} {iv.decision_by.day} {iv.decision_by:%b}"
            elif iv.decision_in_business_days is not None:
                decision = f"in {iv.decision_in_business_days} business days"
            else:
                decision = "not given"
            rows.append([
                _when(iv.held_at), iv.company, iv.role, kinds[iv.kind], ", ".join(iv.interviewers), decision,
                outcomes[iv.outcome], str(self.book._counts.get(iid, 0)),
            ])
        whose = "The sample log (read-only)" if self.book.read_only else "Your interviews"
        total = len(self.book._newest)
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

    @_guarded("table_status", suffix="")
    def edit(self, _button: Any = None) -> None:
        """Load the picked interview into the form."""
        if self.book.picked is None:
            self.table_status.value = status_html("error", "Pick an interview first: there is none yet.")
            return
        self.book.form_section.load(self.book.picked)
        self.table_status.value = status_html(
            "info", "Loaded into the form above: change what you need, then press Save changes."
        )
        self.book.form_section.form_status.value = status_html("info", "")
        self.book.form_section.form_bridge.focus("fk-company")  # the browser scrolls there, focuses Company

    @_guarded("table_status", suffix="")
    def delete(self, _button: Any = None) -> None:
        """Ask before deleting the picked interview and its follow-ups, naming each follow-up."""
        iid = self.book.picked
        interview = self.book._interview(iid)
        if iid is None or interview is None:
            self.table_status.value = status_html("error", "Pick an interview first: there is none yet.")
            return
        self.book._writable()
        self._ask_delete(iid, interview, "")

    def _ask_delete(self, iid: str, interview: Interview, before: str) -> None:
        items = self.book.interview_log.followup_items(iid)
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
            lambda: self.book._say(self.table_status, "info", "Nothing was deleted."),
        )

    @_guarded("table_status", suffix=" Nothing was deleted.")
    def _delete(self, iid: str, interview: Interview, told: list[str]) -> None:
        try:
            self.book.interview_log.remove(iid, expected=told)  # refuses if more would go than was said
        except ConflictError as conflict:
            listed = "; ".join(_followup_words(fu) for _, fu in conflict.extra)
            self.table_status.value = status_html("warning", "Not deleted yet: answer the question again.")
            self._ask_delete(
                iid, interview, f"Since you were asked, this was recorded in another tab: {listed}. "
            )
            return
        if self.book.form_section.editing == iid:
            self.book.form_section.clear_form()
        self.book.refresh()
        self.table_status.value = status_html("ok", f"Deleted: {interview.label}.")
