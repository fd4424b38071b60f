"""Small pieces the logbook and plan views share: status lines, download links, tables, a confirm box.

These are presentation helpers only; the one that knows interviews just names them in a menu.  Status
lines are HTML with ``role="status"`` (``role="alert"`` for errors) and
``aria-live``, so a screen reader announces them; a message never relies on
colour alone (it starts with a word or a mark).  Download links are data URIs
in an ``<a download>``, which JupyterLab and Voilà both serve without a file on
the server, so they work on Binder too.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from typing import Any

import ipywidgets as widgets

from ..records import Interview

__all__ = [
    "Confirm",
    "STATUS_KINDS",
    "button",
    "download_link",
    "interview_options",
    "labelled",
    "status_html",
    "table_html",
]

STATUS_KINDS = ("ok", "error", "warning", "info")
_COLOURS = {"ok": "#1a7f37", "error": "#b00020", "warning": "#8a5a00", "info": "#444"}
_MARKS = {"ok": "✓ ", "error": "⚠ ", "warning": "⚠ ", "info": ""}
#: Input widgets get this description width, so a form lines up.
DESCRIPTION_WIDTH = "15em"
STYLE = {"description_width": DESCRIPTION_WIDTH}
WIDE = widgets.Layout(width="100%", max_width="46em")
#: Date, time and short menus: the description plus room for the control.
MEDIUM = widgets.Layout(width="30em")
_CELL = " style='text-align:left;vertical-align:top'"
_NOWRAP = " style='text-align:left;vertical-align:top;white-space:nowrap'"
#: One style block per table (the class scopes it).  JupyterLab drops <style> from rendered outputs and
#: right-aligns their table cells, so each cell also says text-align:left itself (``_CELL``).
_GRID_STYLE = (
    "<style>.fk-grid{border-collapse:collapse;font-size:0.95em;line-height:1.4}"
    ".fk-grid caption{text-align:left;font-weight:bold;padding:0.3em 0}"
    ".fk-grid th,.fk-grid td{padding:0.25em 0.6em;border-bottom:1px solid #ddd;text-align:left;"
    "vertical-align:top}</style>"
)


def status_html(kind: str, text: str, *, mark: str | None = None) -> str:
    """A status line as HTML: escaped ``text`` in a live region, coloured and marked by ``kind``.

    ``kind`` is one of ``STATUS_KINDS``; the text starts with a mark (✓ or ⚠) unless ``mark`` says
    otherwise, so the meaning never rests on colour alone.
    """
    if kind not in STATUS_KINDS:
        raise ValueError(f"kind must be one of {', '.join(STATUS_KINDS)}, not {kind!r}")
    if not text:
        return "<div role='status' aria-live='polite'></div>"
    role = "alert" if kind == "error" else "status"
    live = "assertive" if kind == "error" else "polite"
    prefix = _MARKS[kind] if mark is None else mark
    body = html.escape(text).replace("\n", "<br>")
    return (
        f"<div role='{role}' aria-live='{live}' class='fk-status fk-status-{kind}' "
        f"style='color:{_COLOURS[kind]};max-width:46em;line-height:1.45'>{html.escape(prefix)}{body}</div>"
    )


def download_link(data: bytes, filename: str, mime: str, text: str, *, detail: str = "") -> str:
    """An ``<a download>`` link holding ``data`` as a base64 data URI, plus an optional detail line."""
    encoded = base64.b64encode(bytes(data)).decode("ascii")
    extra = f" <span style='color:#444'>{html.escape(detail)}</span>" if detail else ""
    return (
        "<span style='line-height:1.45'>"
        f"<a download='{html.escape(filename, quote=True)}' href='data:{mime};base64,{encoded}' "
        f"class='fk-download-link' style='font-weight:bold;color:#0b57d0;text-decoration:underline'>"
        f"{html.escape(text)}</a>{extra}</span>"
    )


def table_html(
    rows: Sequence[Sequence[str]],
    headings: Sequence[str],
    caption: str,
    *,
    empty: str = "Nothing to show yet.",
    row_classes: Sequence[str] | None = None,
    max_height: str | None = None,
    nowrap: int = 0,
) -> str:
    """A readable HTML table with a visible caption; every cell is escaped text.

    The first ``nowrap`` columns (dates, statuses) never wrap, so a row reads across.
    """
    head = "".join(f"<th scope='col'{_CELL}>{html.escape(h)}</th>" for h in headings)
    body = []
    for index, row in enumerate(rows):
        klass = f" class='{html.escape(row_classes[index], quote=True)}'" if row_classes else ""
        cells = "".join(
            f"<td{_NOWRAP if column < nowrap else _CELL}>{html.escape(str(value))}</td>"
            for column, value in enumerate(row)
        )
        body.append(f"<tr{klass}>{cells}</tr>")
    if not body:
        body.append(f"<tr><td colspan='{len(headings)}'>{html.escape(empty)}</td></tr>")
    table = (
        f"{_GRID_STYLE}<table class='fk-grid'>"
        f"<caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )
    if max_height:
        return f"<div style='max-height:{max_height};overflow:auto'>{table}</div>"
    return table


def interview_options(pairs: Sequence[tuple[str, Interview]]) -> list[tuple[str, str]]:
    """(label, id) pairs for a Dropdown, newest first; a label two interviews share gets its time or id."""
    ordered = sorted(pairs, key=lambda pair: pair[1].held_at, reverse=True)
    counts: dict[str, int] = {}
    for _, iv in ordered:
        counts[iv.label] = counts.get(iv.label, 0) + 1
    options: list[tuple[str, str]] = []
    seen: set[str] = set()
    for iid, iv in ordered:
        label = iv.label if counts[iv.label] == 1 else f"{iv.label} {iv.held_at:%Y %H:%M}"
        if label in seen:
            label = f"{label} ({iid})"
        seen.add(label)
        options.append((label, iid))
    return options


def labelled(widget: widgets.Widget, css: str) -> widgets.Widget:
    """Give ``widget`` its stable CSS class (for browser tests) and plain-text descriptions."""
    widget.add_class(css)
    if hasattr(widget, "description_allow_html"):
        widget.description_allow_html = False
    return widget


def button(text: str, css: str, *, style: str = "", tooltip: str = "") -> widgets.Button:
    """A button with a text label (never icon-only), sized to its text, with its CSS class."""
    made = widgets.Button(
        description=text, button_style=style, tooltip=tooltip or text, layout=widgets.Layout(width="auto")
    )
    return labelled(made, css)


class Confirm(widgets.VBox):
    """A question with two buttons, hidden until ``ask`` shows it; one answer hides it again.

    Destructive changes (delete, replace the log) and the over-contact guard go through it,
    so nothing happens before the learner presses the yes button.
    """

    def __init__(self, css: str, yes_css: str, no_css: str) -> None:
        self.question = labelled(widgets.HTML(layout=WIDE), f"{css}-question")
        self.yes = button("Yes", yes_css, style="danger")
        self.no = button("Cancel", no_css)
        self._on_yes: Callable[[], Any] | None = None
        self._on_no: Callable[[], Any] | None = None
        self.yes.on_click(lambda _b: self._answer(True))
        self.no.on_click(lambda _b: self._answer(False))
        super().__init__(
            [self.question, widgets.HBox([self.yes, self.no])],
            layout=widgets.Layout(display="none", border="1px solid #c9a400", padding="0.4em"),
        )
        self.add_class(css)

    @property
    def pending(self) -> bool:
        """True while a question waits for an answer."""
        return self._on_yes is not None

    def ask(
        self,
        question: str,
        yes_text: str,
        on_yes: Callable[[], Any],
        on_no: Callable[[], Any] | None = None,
        *,
        no_text: str = "Cancel",
    ) -> None:
        """Show ``question`` (plain text) with a ``yes_text`` and a ``no_text`` button."""
        self.question.value = status_html("warning", question)
        self.yes.description = yes_text
        self.yes.tooltip = yes_text
        self.no.description = no_text
        self._on_yes, self._on_no = on_yes, on_no
        self.layout.display = "flex"

    def dismiss(self) -> None:
        """Hide the question without running either answer (e.g. another interview was picked)."""
        self._on_yes = self._on_no = None
        self.question.value = ""
        self.layout.display = "none"

    def _answer(self, yes: bool) -> None:
        action = self._on_yes if yes else self._on_no
        self.dismiss()
        if action is not None:
            action()
