"""Import from a tracker: upload a LinkedIn, Huntr or Teal export (or any sheet), preview it, give the
interview times the file does not hold, and bring the rows into the log.

``TrackerImport(log=None)`` is one view over ``trackers`` (all the reading, mapping and checking) and an
``InterviewLog`` (the learner's own by default).  Its steps, top to bottom in ``view``:

1. *Choose your tracker file* and *Preview the file* (``trackers.read_tracker``);
2. when the layout was not recognised, *Which column is …* menus and *Use these columns*;
3. when dates like 3/6/2026 could be either order, *Dates in this file are* (day/month or month/day);
4. the preview table: every row with its interview time, outcome, status and what is missing, and
   below it what could not be mapped;
5. a date and a time for each row that has only an application date (never midnight);
6. *Import into my log* (``trackers.import_rows``: one atomic merge; importing again adds nothing).

The template (``trackers.template_csv`` / ``template_xlsx``) is offered as two download links.  Every
callback shows its problem in the status line; no traceback reaches the learner.  ``CSS_CLASSES``
lists the stable hooks.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import ipywidgets as widgets

from .. import trackers
from ..store import InterviewLog
from ..wording import dated
from ._common import MEDIUM, STYLE, WIDE, button, download_link, guarded, labelled, status_html, table_html

__all__ = ["CSS_CLASSES", "MAX_TIME_ROWS", "TrackerImport"]

#: The stable CSS classes of the key widgets (class -> widget type), for browser tests.
CSS_CLASSES = {
    "fk-tracker": "VBox (the whole view)",
    "fk-tracker-template": "HTML (template download links)",
    "fk-tracker-upload": "FileUpload 'Choose your tracker file (.csv or .xlsx)'",
    "fk-tracker-preview": "Button 'Preview the file'",
    "fk-tracker-status": "HTML (role=status / role=alert)",
    "fk-tracker-mapping": "VBox (a 'Which column is …' menu per field)",
    "fk-tracker-use-columns": "Button 'Use these columns'",
    "fk-tracker-date-order": "RadioButtons 'Dates in this file are'",
    "fk-tracker-table": "HTML (the preview table)",
    "fk-tracker-notes": "HTML (what could not be mapped, what to know)",
    "fk-tracker-times": "VBox (a date and a time per row without an interview time)",
    "fk-tracker-import": "Button 'Import into my log'",
}
#: Most rows that get their own date and time inputs at once (the rest: import, then preview again).
MAX_TIME_ROWS = 40
_NOT_IN_FILE = "— not in this file —"
#: Every callback's problem goes to the status line (the kit's one guard), and says nothing was imported.
_guarded = guarded("status", " Nothing was imported.", unexpected="Please tell your coach.")


class TrackerImport:
    """The tracker import view; ``view`` is the widget to display."""

    def __init__(self, log: InterviewLog | None = None) -> None:
        self.interview_log = log if log is not None else InterviewLog()
        self.preview: trackers.TrackerPreview | None = None
        self._file: tuple[bytes, str] | None = None
        self._mapping: dict[str, str] | None = None
        self._day_first: bool | None = None
        self._time_inputs: dict[int, tuple[widgets.DatePicker, widgets.Text]] = {}

        self.template = labelled(widgets.HTML(
            download_link(trackers.template_csv(), "followup-kit-template.csv", "text/csv",
                          "Template (.csv)", detail="") + " · "
            + download_link(trackers.template_xlsx(), "followup-kit-template.xlsx",
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            "Template (.xlsx)",
                            detail="(required: Company, Role, Interview date, Interview time; dates like "
                                   "2026-03-06, times like 10:00 or 2:30 PM; the .xlsx has an About sheet)")
        ), "fk-tracker-template")  # fmt: skip
        self.upload = labelled(
            widgets.FileUpload(accept=".csv,.xlsx", multiple=False,
                               description="Choose your tracker file (.csv or .xlsx)",
                               layout=widgets.Layout(width="auto")),
            "fk-tracker-upload",
        )  # fmt: skip
        self.preview_button = button("Preview the file", "fk-tracker-preview", style="primary")
        self.status = labelled(widgets.HTML(layout=WIDE), "fk-tracker-status")
        self.menus = {
            name: widgets.Dropdown(options=[_NOT_IN_FILE], description=f"Which column is: {label}",
                                   style=STYLE, layout=MEDIUM)
            for name, label in trackers.FIELDS.items()
        }  # fmt: skip
        self.use_columns = button("Use these columns", "fk-tracker-use-columns")
        self.mapping_box = labelled(
            widgets.VBox([widgets.HTML("<b>Pick which column holds what</b> (the layout was not recognised)"),
                          *self.menus.values(), self.use_columns]),
            "fk-tracker-mapping",
        )  # fmt: skip
        self.mapping_box.layout.display = "none"
        self.date_order = labelled(widgets.RadioButtons(
            options=[("day/month: 06/03/2026 is 6 March", True), ("month/day: 03/06/2026 is 6 March", False)],
            value=None, description="Dates in this file are", style=STYLE,
            layout=widgets.Layout(width="auto"),
        ), "fk-tracker-date-order")  # fmt: skip
        self.date_order.layout.display = "none"
        self.table = labelled(widgets.HTML(layout=widgets.Layout(width="100%")), "fk-tracker-table")
        self.notes = labelled(widgets.HTML(layout=WIDE), "fk-tracker-notes")
        self.times = labelled(widgets.VBox(), "fk-tracker-times")
        self.import_button = button("Import into my log", "fk-tracker-import", style="primary")
        self.import_button.disabled = True

        self.upload.observe(lambda _change: self._chosen(), names="value")
        self.preview_button.on_click(self.read)
        self.use_columns.on_click(self.apply_mapping)
        self.date_order.observe(lambda change: self._order(change["new"]), names="value")
        self.import_button.on_click(self.import_rows)
        self.view = widgets.VBox([
            self.template, widgets.HBox([self.upload, self.preview_button]), self.status, self.mapping_box,
            self.date_order, self.table, self.notes, self.times, self.import_button,
        ])  # fmt: skip
        self.view.add_class("fk-tracker")

    def _ipython_display_(self) -> None:
        from IPython.display import display

        display(self.view)

    # -- steps ---------------------------------------------------------------------------------

    def _chosen(self) -> None:
        if not self.upload.value:
            return
        item = self.upload.value[0]
        self._file = (bytes(item["content"]), str(item["name"]))
        self._mapping, self._day_first = None, None
        self.status.value = status_html("info", f"Ready: {item['name']}. Press Preview the file.")

    @_guarded
    def read(self, _button: Any = None) -> trackers.TrackerPreview | None:
        """Read the chosen file (with the columns and date order picked so far) and show the preview."""
        if self._file is None:
            self.status.value = status_html("error", "Choose your tracker file first. Nothing was imported.")
            return None
        data, name = self._file
        self.preview = trackers.read_tracker(data, name, mapping=self._mapping, day_first=self._day_first)
        self._show()
        return self.preview

    @_guarded
    def apply_mapping(self, _button: Any = None) -> None:
        """Read the file again with the columns picked in the menus."""
        self._mapping = {name: menu.value for name, menu in self.menus.items() if menu.value != _NOT_IN_FILE}
        self.read()

    def _order(self, day_first: bool | None) -> None:
        if day_first is None or self._file is None or day_first == self._day_first:
            return
        self._day_first = day_first
        self.read()

    def _show(self) -> None:
        preview = self.preview
        assert preview is not None
        for name, menu in self.menus.items():
            menu.options = [_NOT_IN_FILE, *preview.headers]
            menu.value = preview.mapping.get(name, _NOT_IN_FILE)
        self.mapping_box.layout.display = "" if preview.needs_mapping else "none"
        asked = preview.date_question is not None or self._day_first is not None
        self.date_order.layout.display = "" if asked else "none"
        self.table.value = table_html(
            preview.table(),
            ["Row", "Company", "Role", "Interview", "Outcome", "Status in the file", "To do"],
            preview.summary(), empty="The file has a header row but no rows.", max_height="22em", nowrap=1,
        )  # fmt: skip
        lines = [*preview.notes, *preview.unmapped]
        if preview.date_question:
            lines.insert(0, preview.date_question)
        self.notes.value = "".join(status_html("info", line) for line in lines)
        self._draw_times(preview)
        kind = "warning" if preview.needs_mapping or preview.date_question else "ok"
        self.status.value = status_html(kind, preview.summary())
        self.import_button.disabled = False

    def _draw_times(self, preview: trackers.TrackerPreview) -> None:
        waiting = preview.waiting_for_times
        kept = {n: (d.value, t.value) for n, (d, t) in self._time_inputs.items()}
        self._time_inputs = {}
        rows: list[widgets.Widget] = []
        for row in waiting[:MAX_TIME_ROWS]:
            when = f" (applied {dated(row.applied_on)})" if row.applied_on else ""
            picked_day, picked_time = kept.get(row.number, (None, ""))
            day = widgets.DatePicker(value=picked_day, description=f"Row {row.number}: {row.company}, "
                                     f"{row.role}{when}", style=STYLE, layout=widgets.Layout(width="38em"))
            clock = widgets.Text(value=picked_time, placeholder="10:00 or 2:30 PM", description="at",
                                 layout=widgets.Layout(width="14em"))  # fmt: skip
            self._time_inputs[row.number] = (day, clock)
            rows.append(widgets.HBox([day, clock]))
        if waiting:
            more = (f" The first {MAX_TIME_ROWS} are here; import them, then preview the file again for the "
                    "rest." if len(waiting) > MAX_TIME_ROWS else "")  # fmt: skip
            head = widgets.HTML(
                "<b>When was each interview?</b> Give the date and the time it started; rows left empty are "
                f"not imported (a row without an interview is only an application).{more}"
            )
            rows.insert(0, head)
        self.times.children = rows

    @_guarded
    def import_rows(self, _button: Any = None) -> Any:
        """Import every ready row with the times given; a half-given time is named, nothing is written."""
        if self.preview is None:
            self.status.value = status_html("error", "Preview the file first. Nothing was imported.")
            return None
        times: dict[int, datetime] = {}
        half: list[str] = []
        for number, (day, clock) in self._time_inputs.items():
            text = clock.value.strip()
            if day.value is None and not text:
                continue
            moment = trackers.parse_time(text) if text else None
            if day.value is None or moment is None:
                half.append(f"row {number}: " + ("a date" if day.value is None else
                                                  f"a time like 10:00 or 2:30 PM, not {text!r}"))  # fmt: skip
                continue
            times[number] = datetime.combine(day.value, moment)
        if half:
            self.status.value = status_html("error", "Give " + "; ".join(half) + ". Nothing was imported.")
            return None
        timed = self.preview.with_times(times)
        refused = [f"row {row.number}: {'; '.join(row.problems)}" for row in timed.rows
                   if row.number in times and row.problems]  # fmt: skip
        if refused:
            self.status.value = status_html("error", "; ".join(refused) + ". Nothing was imported.")
            return None
        report = trackers.import_rows(self.interview_log, timed)
        self.status.value = status_html(
            "ok", f"{report.message} Your plan is in notebook 02 (Plan your follow-up): press Reload the log "
            "there; in the Logbook above, press Reload the log to see the rows."
        )
        self.preview = None
        self.import_button.disabled = True
        self.times.children = []
        return report
