"""The logbook's transfer section: Download my log, Download for Excel, upload and import.

The upload is ``upload.UploadControl`` (a file over the limit is refused in the browser);
*Replace* asks with the log's counts and refuses an answer given after the log changed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ...records import ValidationError
from ...store import ConflictError, ImportReport, LogFileError
from .._common import STYLE, WIDE, Confirm, button, download_link, labelled, status_html
from ..upload import Chosen, UploadControl
from ._guard import _guarded
from ._shared import _PARAGRAPH, EAGER_DOWNLOAD_MAX, Section, _count

if TYPE_CHECKING:
    from . import Logbook

__all__ = ["DataSection"]


class DataSection(Section):
    """The transfer section of a ``Logbook`` (``book``), which holds the log and what is picked."""

    def __init__(self, book: Logbook) -> None:
        self.book = book
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
        super().__init__(
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
        self.add_class("fk-data")

    def draw_download(self, export: bytes | None, n_followups: int) -> None:
        """The download link for ``export`` (None: the log cannot be read; b"": too big, made on request)."""
        if export is None:
            self.download.value = status_html(
                "error", "The log cannot be read, so there is nothing to download."
            )
            self.prepare_download.layout.display = "none"
            return
        n = len(self.book._newest)
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
        if self.book.read_only:
            self.download.value = download_link(
                export, "followup-sample-log.zip", "application/zip", "Download the sample log", detail=detail
            )
        else:
            name = f"followup-log-{self.book._clock():%Y-%m-%d}.zip"
            self.download.value = download_link(export, name, "application/zip", "Download my log",
                                                detail=detail)

    @_guarded("upload_status", suffix="")
    def make_download(self, _button: Any = None) -> None:
        """Build the download link now (for a log too big to rebuild it on every change)."""
        export = self.book.interview_log.export_zip()
        self.draw_download(export, sum(self.book._counts.values()))

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
        self.book._writable()
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
        preview = self.book.interview_log.preview_import(data, name, mode="replace")  # raises LogFileError
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
            lambda: self.book._say(self.upload_status, "info",
                                   "Nothing was imported; your log is unchanged."),
        )
        if not before:
            self.upload_status.value = status_html("warning", "Not imported yet: answer the question below.")

    @_guarded("upload_status", suffix="")
    def download_excel(self, _button: Any = None) -> None:
        """Build the .xlsx (``store.export_xlsx``: text cells typed as text, dates as dates) on demand."""
        from ...store import XLSX_MIME, export_xlsx

        data = export_xlsx(self.book.interview_log)
        now = self.book._clock()
        stem = "followup-sample-log" if self.book.read_only else f"followup-log-{now:%Y-%m-%d}"
        detail = (f"({len(data) / 1024:.1f} KB, your log as at {now:%H:%M}: press Download for "
                  "Excel again after a change; upload the file here to bring your edits back)")
        self.excel_link.value = download_link(data, f"{stem}.xlsx", XLSX_MIME, "Save the .xlsx file",
                                              detail=detail)

    @_guarded("upload_status", suffix="")
    def _import(self, data: bytes, name: str, mode: str, based_on: str | None = None) -> ImportReport | None:
        try:
            report = self.book.interview_log.import_file(
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
        self.book.refresh()
        self.upload_status.value = status_html("ok", report.message)
        return report
