"""The coach's cohort view: the hand-in folder read live, summaries uploaded through the page, the charts.

Everything a coach does here is a control on the page, so it works in Voilà with
the code hidden: the hand-in folder (``FOLLOWUP_KIT_HANDIN`` by default) is read
again on **Refresh**; summary files a participant e-mailed can be added with
**Add summary files** (kept in this page only, nothing is written); **Show a demo
cohort** makes three synthetic summaries to try the view before class.  Loading
is ``cohort.load_summaries``, the table ``cohort.readable_table`` and the charts
those of ``cohort.cohort_charts`` (each a ``cohort.cohort_chart``: ``on_time_chart``, then the
dashboard's five pooled); this view only wires controls to them.  A file that is not a summary is
listed under the charts, never a traceback.

The six charts sit in tabs, one in view at a time, as on the dashboard: new summaries draw the chart
of the open tab at once and mark the others stale, and a stale chart is drawn when its tab is opened.
A Voilà page (notebooks 90 and 91) so draws one chart before it is usable, not six.

Headless tests set ``folder.value``, press ``refresh_button.click()`` and read
``status.value``, ``group``, ``titles`` (which draws the stale charts first) and ``table.value``.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path
from typing import Any

import ipywidgets as widgets

from .. import charts, cohort, paths
from ..wording import plural
from ._common import button, guarded, labelled, shown_in, status_html, table_html
from .dashboard import CHART_TABS

__all__ = ["COHORT_TABS", "CSS_CLASSES", "STALE_NOTE", "CohortView", "cohort_view"]

#: The tab of each cohort chart, in the order of ``cohort.cohort_charts``.
COHORT_TABS = ("By participant", *CHART_TABS)
#: What a tab holds while its chart waits to be drawn: never the chart of other summaries.
STALE_NOTE = "<p class='fk-chart-stale' role='status'>Drawing this chart for the summaries loaded…</p>"

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.
CSS_CLASSES = {
    "fk-cohort-view": "VBox (the whole view)",
    "fk-cohort-folder": "Text 'Hand-in folder'",
    "fk-cohort-refresh": "Button 'Refresh'",
    "fk-cohort-upload": "FileUpload 'Add summary files'",
    "fk-cohort-demo": "Button 'Show a demo cohort'",
    "fk-cohort-view-status": "HTML (how many participants were loaded, from where, or what is wrong)",
    "fk-cohort-table": "HTML (one row per participant)",
    "fk-cohort-charts": "Tab (the six charts, one per tab)",
    "fk-chart": "HTML (one chart: an <img> with alt text), six of them",
    "fk-cohort-problems": "HTML (files that were skipped, and why)",
}
#: Largest single uploaded file accepted, checked before it is read (the websocket drops > 10 MiB).
MAX_UPLOAD = cohort.MAX_BYTES


class CohortView(widgets.VBox):
    """Hand-in folder + Refresh, uploads, a demo, then the table by participant and the charts."""

    def __init__(
        self, folder: str | Path | None = None, *, large: bool = True, controls: bool = True
    ) -> None:
        start = folder if folder is not None else paths.handin_dir()
        self.large = large
        self.folder = labelled(widgets.Text(
            value="" if start is None else str(start), description="Hand-in folder",
            placeholder="a folder of cohort-summary-….json files", style={"description_width": "initial"},
            layout=widgets.Layout(width="100%", max_width="46em"),
        ), "fk-cohort-folder")  # fmt: skip
        self.refresh_button = button("Refresh", "fk-cohort-refresh", style="primary",
                                     tooltip="Read the hand-in folder again")  # fmt: skip
        self.upload = labelled(widgets.FileUpload(
            accept=".json", multiple=True, description="Add summary files",
            layout=widgets.Layout(width="auto"),
        ), "fk-cohort-upload")  # fmt: skip
        self.demo_button = button(
            "Show a demo cohort", "fk-cohort-demo", tooltip="Three summaries made from synthetic logs"
        )
        self.status = labelled(widgets.HTML(), "fk-cohort-view-status")
        self.table = labelled(widgets.HTML(), "fk-cohort-table")
        self.chart_boxes = [labelled(widgets.HTML(layout=widgets.Layout(max_width="62em")), "fk-chart")
                            for _ in COHORT_TABS]  # fmt: skip
        self.charts = labelled(widgets.Tab(), "fk-cohort-charts")
        self.problems = labelled(widgets.HTML(), "fk-cohort-problems")
        #: The uploaded summaries of this page: (name, bytes), newest upload of a name wins.
        self.uploads: dict[str, bytes] = {}
        #: The cohort shown now, and its charts drawn so far (None while stale) with their titles.
        self.group: cohort.Cohort | None = None
        self._pages: list[str | None] = []
        self._titles: list[str | None] = []
        self._drawn: tuple[Any, ...] | None = None
        #: How many charts were drawn (each chart of a cohort once, when it is first in view).
        self.drawn_charts = 0
        #: Draws the charts on one kept canvas per size, each kind's layout remembered (``charts.Renderer``).
        self.renderer = charts.Renderer()

        self.refresh_button.on_click(self.refresh)
        self.demo_button.on_click(self.demo)
        self.upload.observe(self._uploaded, names="value")
        self.charts.observe(self._tab_opened, names="selected_index")
        bar = widgets.HBox(
            [self.refresh_button, self.upload, self.demo_button],
            layout=widgets.Layout(flex_flow="row wrap", grid_gap="0.8em", align_items="center"),
        )
        self.controls = widgets.VBox([self.folder, bar])
        if not controls:
            self.controls.layout.display = "none"
        super().__init__([self.controls, self.status, self.table, self.charts, self.problems])
        self.add_class("fk-cohort-view")
        self.refresh()

    # -- actions ---------------------------------------------------------------------------------

    def _folder(self) -> Path | None:
        text = self.folder.value.strip()
        return Path(text).expanduser() if text else None

    def refresh(self, _button: Any = None) -> None:
        """Read the folder and the uploads again; redraw only when something changed."""
        folder = self._folder()
        if folder is None and not self.uploads:
            self.group = None
            self._pages, self._titles, self._drawn = [], [], None
            self.table.value = ""
            self.charts.children = ()
            self.problems.value = ""
            self.status.value = status_html(
                "info",
                "No hand-in folder is set (FOLLOWUP_KIT_HANDIN) and nothing is uploaded yet. Type the "
                "folder where participants hand in and press Refresh, add summary files they sent you, "
                "or press Show a demo cohort to try the view.",
            )
            return
        with shown_in(self.status, prefix="The cohort could not be shown: ", also=(OSError,)):
            self._show(cohort.load_summaries(folder, sorted(self.uploads.items())), folder)

    @guarded("status", "", prefix="The demo could not be made: ", also=(OSError,), reload=None)
    def demo(self, _button: Any = None) -> None:
        """Write three synthetic summaries to a new temporary folder and show them."""
        folder = tempfile.mkdtemp(prefix="cohort-demo-")
        cohort.write_demo_summaries(folder, seeds=(1, 2, 3))
        self.folder.value = folder
        self.refresh()

    def set_large(self, large: bool) -> None:
        """Draw the charts for a projector (bigger text) or for a screen, and redraw."""
        if bool(large) != self.large:
            self.large = bool(large)
            self._drawn = None
            self.refresh()

    def _uploaded(self, change: dict[str, Any]) -> None:
        items = change.get("new") or ()
        too_big = [item["name"] for item in items if int(item.get("size", 0)) > MAX_UPLOAD]
        for item in items:
            if item["name"] not in too_big:
                self.uploads[str(item["name"])] = bytes(item["content"])
        self.refresh()
        if too_big:
            self.status.value += status_html(
                "error", f"Not added, too large to be a summary: {', '.join(too_big)}."
            )

    # -- drawing ---------------------------------------------------------------------------------

    def _show(self, group: cohort.Cohort, folder: Path | None) -> None:
        self.group = group
        where = []
        if folder is not None:
            where.append(f"the folder {folder}")
        if self.uploads:
            where.append(plural(len(self.uploads), "uploaded file"))
        kind = "ok" if len(group) else "warning"
        self.status.value = status_html(kind, f"{group.summary} Read from {' and '.join(where)}.")
        self.problems.value = (
            "<div role='note'><b>Not loaded:</b><ul>"
            + "".join(f"<li>{html.escape(p)}</li>" for p in group.problems)
            + "</ul></div>"
            if group.problems
            else ""
        )
        key = (tuple(group.participants), len(group.interviews), len(group.followups), self.large,
               _fingerprint(group))  # fmt: skip
        if key == self._drawn:
            return  # nothing new handed in: keep the charts as they are
        table = cohort.readable_table(group)
        rows = [[index, *map(str, row)] for index, row in zip(table.index, table.to_numpy(), strict=True)]
        self.table.value = table_html(
            rows, ["Participant", *table.columns], "By participant (random ids; no names are handed in)",
            empty="No summaries yet.",
        )  # fmt: skip
        count = len(COHORT_TABS) if len(group) else 0
        self._pages, self._titles = [None] * count, [None] * count
        if count:
            self._draw([self.charts.selected_index or 0])
        if len(self.charts.children) != count:
            self.charts.children = tuple(self.chart_boxes[:count])
            self.charts.titles = COHORT_TABS[:count]  # the Tab clears its titles with new children
        if count and self.charts.selected_index is None:
            self.charts.selected_index = 0
        self._show_pages()
        self._drawn = key

    @property
    def titles(self) -> list[str]:
        """The titles of the charts shown, in order (stale ones are drawn first): what tests and screen
        readers check."""
        if None in self._titles:
            self._draw(range(len(self._titles)))
            self._show_pages()
        return [str(title) for title in self._titles]

    def _tab_opened(self, change: dict[str, Any]) -> None:
        """A tab was opened: draw its chart if it is stale."""
        index = change["new"]
        if index is None or index >= len(self._pages) or self._pages[index] is not None:
            return
        with shown_in(self.status, prefix="The chart could not be drawn: ") as guard:
            self._draw([index])
        if not guard.failed:
            self._show_pages()

    def _draw(self, indices: Any) -> None:
        """Draw the stale charts ``indices`` of the cohort shown (each once, on the kept canvases)."""
        group = self.group
        with charts.young_garbage_collected():
            for index in indices:
                if self._pages[index] is not None:
                    continue
                figure = cohort.cohort_chart(group, index, large=self.large)
                self._pages[index] = self.renderer.html(figure, f"cohort-{index}")
                self._titles[index] = figure.get_suptitle()
                self.drawn_charts += 1

    def _show_pages(self) -> None:
        """Each drawn chart in its tab, a note in the stale ones (never the chart of other summaries)."""
        for box, page in zip(self.chart_boxes, self._pages, strict=False):
            page = STALE_NOTE if page is None else page
            if box.value != page:
                box.value = page


def _fingerprint(group: cohort.Cohort) -> int:
    """A cheap hash of the cohort's numbers, so a replaced hand-in with the same counts still redraws."""
    import pandas as pd

    parts = [pd.util.hash_pandas_object(group.interviews[["kind", "outcome"]], index=False).sum()]
    if len(group.followups):
        columns = group.followups[["channel", "purpose", "at", "response_at"]]
        parts.append(pd.util.hash_pandas_object(columns, index=False).sum())
    return hash(tuple(int(p) for p in parts))


def cohort_view(folder: str | Path | None = None, *, large: bool = True) -> CohortView:
    """The coach's cohort view over ``folder`` (default: the hand-in folder, ``FOLLOWUP_KIT_HANDIN``)."""
    return CohortView(folder, large=large)
