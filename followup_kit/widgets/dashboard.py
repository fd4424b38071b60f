"""The dashboard as ipywidgets: filter by date range and interview kind, see the five charts and findings.

Filtering is ``metrics.filter_frames``, the charts are ``charts.dashboard_charts``
and the sentences are ``metrics.findings``; this view only wires controls to
them.  Each chart is shown as an ``<img>`` whose ``alt`` is the chart's
one-sentence description, inside an ``HTML`` widget, so screen readers hear it
and Voila renders it without a kernel-side Output.

Headless tests set ``start.value``, ``end.value``, ``kinds.value`` or
``large.value`` and read ``status.value``, ``titles`` and ``findings.value``.
"""

from __future__ import annotations

import asyncio
import html
from datetime import date
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import charts, metrics
from ..records import KINDS
from ..wording import dated, plural
from ._common import button, download_link, guarded, labelled, shown_in, status_html

__all__ = ["CHART_TABS", "CSS_CLASSES", "EXPORT_CSS_CLASSES", "STALE_NOTE", "DashboardView", "SummaryExport",
           "dashboard"]

_KIND_LABELS = {"phone": "Phone", "video": "Video", "in_person": "In person"}
#: The tab of each dashboard chart, in the order of ``charts.DASHBOARD_CHARTS``.
CHART_TABS = ("Thank-you timing", "Replies", "Funnel", "Time to a reply", "Outcomes")
#: What a tab holds while its chart waits to be drawn for the filters: never the chart of other filters.
STALE_NOTE = "<p class='fk-chart-stale' role='status'>Drawing this chart for the filters chosen…</p>"

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.
CSS_CLASSES = {
    "fk-dashboard": "VBox (the whole view)",
    "fk-dashboard-source": "HTML (whose data is shown: your log or the sample)",
    "fk-from": "DatePicker 'From (held on or after)'",
    "fk-to": "DatePicker 'To (held on or before)'",
    "fk-kinds": "SelectMultiple 'Interview kinds'",
    "fk-large-text": "Checkbox 'Large text for a projector'",
    "fk-reset-filters": "Button 'Show everything'",
    "fk-dashboard-status": "HTML (what is shown, or what is wrong with the filters)",
    "fk-charts": "Tab (the five charts, one per tab; tabs=False: a VBox of all five, as on the projector)",
    "fk-chart": "HTML (one chart: an <img> with alt text), five of them",
    "fk-findings": "HTML (the three findings, an <ol>)",
}
#: The same for ``SummaryExport``.
EXPORT_CSS_CLASSES = {
    "fk-cohort-export": "Button 'Export my anonymised summary'",
    "fk-cohort-status": "HTML (what was exported and where, or what is wrong)",
    "fk-cohort-download": "HTML (a download link for the summary file)",
}


def _day(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).date()


class DashboardView(widgets.VBox):
    """Date range and kind filters, a projector switch, the five charts and the three findings.

    The charts sit in tabs (``tabs=True``, notebook 03), one chart in view at a time: a change of the
    filters draws the chart in view at once and marks the others stale, and a stale chart is drawn
    when its tab is opened.  A chart costs a tenth to a quarter of a second on a busy two-core
    machine, so drawing all five on every click could not answer at once; ``tabs=False`` stacks the
    five (the projector, where every chart is in view) and draws them all.  ``titles`` brings the
    stale charts up to date first.

    Each selection is drawn once: going back to one seen before (a kind off and on again, Large text
    off and on) shows the remembered charts at once (``REMEMBERED`` selections are kept).  A new
    selection computes its metrics once (``metrics.computed_once``), redraws only the charts whose
    tables changed (``charts.input_digest``) and reuses each chart's layout and canvas
    (``charts.Renderer``).  Clicks that arrive from the browser within ``debounce`` seconds of each
    other are drawn once, for the last of them; a change made in Python (a test, a notebook cell) is
    drawn at once.  Drawing runs without the cyclic garbage collector, which then frees the drawn
    figures at once (``charts.young_garbage_collected``), so no full collection lands in a later click."""

    REMEMBERED = 16
    #: Seconds to wait for the next click before drawing (browser changes only; 0 draws at once).
    DEBOUNCE = 0.08

    def __init__(
        self,
        interviews: pd.DataFrame,
        followups: pd.DataFrame,
        *,
        source: str = "",
        large: bool = False,
        owner: str = "your",
        debounce: float | None = None,
        tabs: bool = True,
    ) -> None:
        self.interviews, self.followups, self.owner = interviews, followups, owner
        self.tabs = tabs
        self.debounce = self.DEBOUNCE if debounce is None else debounce
        held = interviews["held_at"] if "held_at" in interviews else pd.Series(dtype="datetime64[us]")
        self.first_day, self.last_day = _day(held.min()), _day(held.max())
        style = {"description_width": "initial"}
        self.start = labelled(widgets.DatePicker(
            value=self.first_day, description="From (held on or after)", style=style,
            layout=widgets.Layout(width="auto"),
        ), "fk-from")  # fmt: skip
        self.end = labelled(widgets.DatePicker(
            value=self.last_day, description="To (held on or before)", style=style,
            layout=widgets.Layout(width="auto"),
        ), "fk-to")  # fmt: skip
        self.kinds = labelled(widgets.SelectMultiple(
            options=[(_KIND_LABELS[k], k) for k in KINDS], value=KINDS, rows=3,
            description="Interview kinds", style=style, layout=widgets.Layout(width="auto"),
        ), "fk-kinds")  # fmt: skip
        self.large = labelled(
            widgets.Checkbox(value=large, description="Large text for a projector", indent=False),
            "fk-large-text",
        )
        self.reset_button = button("Show everything", "fk-reset-filters")
        self.source = labelled(
            widgets.HTML(status_html("info", source) if source else ""), "fk-dashboard-source"
        )
        self.status = labelled(widgets.HTML(), "fk-dashboard-status")
        self.chart_boxes = [
            labelled(widgets.HTML(layout=widgets.Layout(max_width="62em")), "fk-chart")
            for _ in charts.DASHBOARD_CHARTS
        ]
        if tabs:
            self.charts = labelled(widgets.Tab(self.chart_boxes, titles=CHART_TABS), "fk-charts")
            self.charts.selected_index = 0
        else:
            self.charts = labelled(widgets.VBox(self.chart_boxes), "fk-charts")
        self.findings = labelled(widgets.HTML(layout=widgets.Layout(max_width="52em")), "fk-findings")
        #: The findings currently shown, as plain sentences.
        self.sentences: list[str] = []
        self._quiet = False
        #: Selections seen already (filters -> _Selection, its charts drawn so far): going back is instant.
        self._drawn: dict[tuple, _Selection] = {}
        #: The selection shown now, and its filtered frames (kept for its stale charts).
        self._shown: _Selection | None = None
        self._frames: tuple[tuple, pd.DataFrame, pd.DataFrame] | None = None
        #: Charts drawn already, by (chart, large, digest of its tables) -> (page, title).
        self._pages: dict[tuple, tuple[str, str]] = {}
        self.renderer = charts.Renderer()
        #: How many charts were drawn, and how many were skipped because their tables had not changed.
        self.drawn_charts = self.skipped_charts = 0
        self._pending: Any = None

        for control in (self.start, self.end, self.kinds, self.large):
            control.observe(self._changed, names="value")
        if tabs:
            self.charts.observe(self._tab_opened, names="selected_index")
        self.reset_button.on_click(self.reset)
        filters = widgets.HBox(
            [widgets.VBox([self.start, self.end]), self.kinds, widgets.VBox([self.large, self.reset_button])],
            layout=widgets.Layout(flex_flow="row wrap", grid_gap="1.5em", align_items="flex-start"),
        )
        super().__init__(
            [
                self.source,
                filters,
                self.status,
                self.charts,
                widgets.HTML("<h3 style='font-size:1.05em'>What stands out in this selection</h3>"),
                self.findings,
            ]
        )
        self.add_class("fk-dashboard")
        self.refresh()

    def reset(self, _button: Any = None) -> None:
        """Clear every filter and show the whole log."""
        self._quiet = True  # one redraw, not one per control
        try:
            self.start.value, self.end.value = self.first_day, self.last_day
            self.kinds.value = KINDS
        finally:
            self._quiet = False
        self.refresh()

    def _changed(self, change: Any) -> None:
        """A control changed: draw now, or, for a click from the browser, once the clicks pause."""
        owner = getattr(change, "owner", None) if not isinstance(change, dict) else change.get("owner")
        from_browser = bool(getattr(owner, "_property_lock", None))  # set while a browser update applies
        if not (from_browser and self.debounce > 0):
            self.refresh()
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # no event loop (a plain script): nothing to wait with
            self.refresh()
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self.debounce, self._settled)

    def _settled(self) -> None:
        self._pending = None
        with shown_in(self.status, prefix="The charts could not be drawn: "):  # a timer has no cell
            self.refresh()

    def refresh(self, _change: Any = None) -> None:
        """Filter, redraw the charts and findings, and say what is shown; bad filters only get a message."""
        if self._quiet:
            return
        start, end, kinds = self.start.value, self.end.value, tuple(self.kinds.value)
        problem = metrics.filter_problem(start, end, kinds)
        if problem:
            self.status.value = status_html("error", problem)
            return
        key = (start, end, tuple(sorted(kinds)), bool(self.large.value))
        with shown_in(self.status, prefix="The charts could not be drawn: ") as guard:
            # each table once, for the digests, the charts and the findings
            with metrics.computed_once(), charts.young_garbage_collected():
                selection = self._drawn.get(key) or self._select(key, start, end, kinds)
                self._fill(selection, self._in_view())
                self._shown = selection
                self._show_pages()  # the chart goes to the browser now; the findings follow
                self._find(selection)
        if guard.failed:
            return
        self._drawn[key] = selection
        while len(self._drawn) > self.REMEMBERED:  # keep the latest selections, forget the oldest
            self._drawn.pop(next(iter(self._drawn)))
        sentences, shown = selection.sentences, selection.count
        self.sentences = list(sentences)
        self.findings.value = "<ol>" + "".join(f"<li>{html.escape(s)}</li>" for s in sentences) + "</ol>"
        total = len(self.interviews)
        kinds_text = "all kinds" if set(kinds) == set(KINDS) else ", ".join(_KIND_LABELS[k] for k in kinds)
        span = [f"from {dated(start)}"] if start else []
        span += [f"to {dated(end)}"] if end else []
        held = f", held {' '.join(span)}" if span else ""
        self.status.value = status_html(
            "ok",
            f"Showing {shown:,} of {plural(total, 'interview')} ({kinds_text}{held}) and their follow-ups.",
        )


    @property
    def titles(self) -> list[str]:
        """The titles of the five charts of the selection shown, in order (stale ones are drawn first):
        what a test or a screen-reader user checks."""
        if self._shown is None:
            return []
        if None in self._shown.titles:
            with metrics.computed_once(), charts.young_garbage_collected():
                self._fill(self._shown, range(len(charts.DASHBOARD_CHARTS)))
            self._show_pages()
        return [str(title) for title in self._shown.titles]

    def _in_view(self) -> list[int]:
        """The charts a person can see now: the open tab's, or all five when they are stacked."""
        if not self.tabs:
            return list(range(len(charts.DASHBOARD_CHARTS)))
        return [self.charts.selected_index or 0]

    def _tab_opened(self, change: Any) -> None:
        """A tab was opened: draw its chart if the filters changed since it was last drawn."""
        if self._shown is None or change["new"] is None or self._shown.pages[change["new"]] is not None:
            return
        with shown_in(self.status, prefix="The chart could not be drawn: ") as guard:
            with metrics.computed_once(), charts.young_garbage_collected():
                self._fill(self._shown, [change["new"]])
        if guard.failed:
            return
        self._show_pages()

    def _show_pages(self) -> None:
        """Put the drawn charts of the selection shown in their boxes, and a note in those not drawn yet
        (a hidden tab never keeps the picture of other filters)."""
        for box, page in zip(self.chart_boxes, self._shown.pages, strict=True):
            page = STALE_NOTE if page is None else page
            if box.value != page:
                box.value = page

    def _select(self, key: tuple, start: Any, end: Any, kinds: tuple[str, ...]) -> _Selection:
        """Filter for one selection; its charts are drawn by ``_fill``, its findings by ``_find``."""
        interviews, _ = self._filtered(key, start, end, kinds)
        count = len(charts.DASHBOARD_CHARTS)
        return _Selection(key, [None] * count, [None] * count, [], len(interviews))

    def _find(self, selection: _Selection) -> None:
        """What stands out in ``selection``, found once (after its chart in view is on its way)."""
        if selection.sentences:
            return
        start, end, kinds, _ = selection.key
        interviews, followups = self._filtered(selection.key, start, end, kinds)
        if interviews.empty and not self.interviews.empty:  # the filters hid them: not "none logged"
            selection.sentences = [
                f"None of the {len(self.interviews):,} interviews is in this selection: widen the dates, "
                "pick more kinds, or press Show everything."
            ]
        else:
            selection.sentences = metrics.findings(interviews, followups)

    def _filtered(self, key: tuple, start: Any, end: Any, kinds: tuple[str, ...]) -> tuple[Any, Any]:
        """The frames of one selection; the last one's are kept for the charts drawn later."""
        if self._frames is None or self._frames[0] != key[:3]:
            interviews, followups = metrics.filter_frames(
                self.interviews, self.followups, start=start, end=end, kinds=kinds
            )
            self._frames = (key[:3], interviews, followups)
        return self._frames[1], self._frames[2]

    def _fill(self, selection: _Selection, indices: Any) -> None:
        """Draw the charts ``indices`` of ``selection`` that are not drawn yet, skipping any whose tables
        are those of a chart drawn before (``charts.input_digest``)."""
        missing = [i for i in indices if selection.pages[i] is None]
        if not missing:
            return
        start, end, kinds, large = selection.key
        interviews, followups = self._filtered(selection.key, start, end, kinds)
        for index in missing:
            chart = charts.DASHBOARD_CHARTS[index]
            key = (chart.__name__, large, charts.input_digest(chart, interviews, followups))
            known = self._pages.get(key)
            if known is None:
                figure = chart(interviews, followups, large=large, owner=self.owner)
                known = self._pages[key] = (self.renderer.html(figure, chart.__name__), figure.get_suptitle())
                self.drawn_charts += 1
            else:
                self.skipped_charts += 1
            selection.pages[index], selection.titles[index] = known
        while len(self._pages) > self.REMEMBERED * len(charts.DASHBOARD_CHARTS):
            self._pages.pop(next(iter(self._pages)))


class _Selection:
    """One selection of the filters: its charts drawn so far (``None`` while stale), findings and count."""

    __slots__ = ("count", "key", "pages", "sentences", "titles")

    def __init__(self, key: tuple, pages: list[str | None], titles: list[str | None], sentences: list[str],
                 count: int) -> None:
        self.key, self.pages, self.titles, self.sentences, self.count = key, pages, titles, sentences, count


def dashboard(log_or_frames: Any = None, *, large: bool = False) -> DashboardView:
    """The dashboard for an ``InterviewLog``, a pair of frames, or (default) your log or else the sample.

    With no argument it shows ``data/my_log``, or the synthetic sample when your
    log is empty, and says which above the filters.
    """
    from ..sample import own_log_or_sample

    if log_or_frames is None or hasattr(log_or_frames, "interviews"):
        interviews, followups, source = own_log_or_sample(log_or_frames)
    else:
        interviews, followups = log_or_frames
        source = ""
    return DashboardView(interviews, followups, source=source, large=large)


class SummaryExport(widgets.VBox):
    """One button that writes your anonymised summary for the coach, and a link to download it.

    The file comes from ``cohort.export_summary``: kinds, outcomes, channels and
    hours only, with a random participant id; no names, companies, contacts,
    notes or talking points.  Pressing again in the same session keeps the same
    id, so the new file replaces the old one instead of counting you twice.
    """

    def __init__(self, log: Any = None, folder: Any = None) -> None:
        from ..store import InterviewLog

        self.interview_log = InterviewLog() if log is None else log
        self.folder = folder  # None: the coach's hand-in folder, else exports beside the log
        self.participant_id: str | None = None
        from .. import paths

        # With the coach's hand-in folder set (and no folder given) the one button hands the summary in.
        hand_in = paths.handin_dir() is not None and folder is None
        text = "Hand in my anonymised summary" if hand_in else "Export my anonymised summary"
        self.export_button = button(text, "fk-cohort-export", style="primary")
        self.status = labelled(widgets.HTML(), "fk-cohort-status")
        self.link = labelled(widgets.HTML(), "fk-cohort-download")
        self.export_button.on_click(self.export)
        super().__init__([self.export_button, self.status, self.link])

    @guarded("status", "", prefix="Nothing was exported: ", also=(OSError,), reload=None)
    def export(self, _button: Any = None) -> None:
        """Write the summary of your log; say where it is, or say in words what went wrong."""
        from .. import cohort

        self.link.value = ""
        if len(self.interview_log) == 0:
            self.status.value = status_html(
                "info", "Your log has no interviews yet: log some in notebook 01, then export."
            )
            return
        try:
            # kept beside the log, so handing in again (even next session) replaces the earlier file
            self.participant_id = self.participant_id or cohort.own_participant_id(self.interview_log.path)
            path = cohort.export_summary(self.interview_log, self.folder, self.participant_id)
        except OSError as error:
            if self.folder is None and self._offer_instead(error):
                return
            raise  # the guard says it
        count = len(self.interview_log)
        from .. import paths

        handed_in = paths.handin_dir() is not None and self.folder is None
        then = ("Your coach's hand-in folder has it now: nothing more to do." if handed_in
                else "Download it below and send it to your coach.")
        self.status.value = status_html(
            "ok",
            f"Exported {plural(count, 'interview')} as participant {self.participant_id} to "
            f"{path}. It holds no names, companies, contacts, notes or talking points: open it to check. "
            + then,
        )
        self.link.value = download_link(
            path.read_bytes(), path.name, "application/json", "Download my anonymised summary"
        )

    def _offer_instead(self, error: OSError) -> bool:
        """The hand-in folder failed: write the summary beside the log and offer it as a download."""
        from .. import cohort, paths

        try:
            path = cohort.export_summary(self.interview_log, paths.export_dir(), self.participant_id)
        except OSError:
            return False
        self.status.value = status_html(
            "warning",
            f"Your coach's hand-in folder could not take it ({error.strerror or error}: {error.filename}). "
            f"Your summary is in {path} instead: download it below and send it to your coach.",
        )
        self.link.value = download_link(
            path.read_bytes(), path.name, "application/json", "Download my anonymised summary"
        )
        return True
