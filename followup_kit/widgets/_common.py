"""Small pieces the logbook and plan views share: status lines, download links, tables, a confirm box.

These are presentation helpers only; the one that knows interviews just names them in a menu.  Status
lines are HTML with ``role="status"`` (``role="alert"`` for errors) and
``aria-live``, so a screen reader announces them; a message never relies on
colour alone (it starts with a word or a mark).  Download links are data URIs
in an ``<a download>``, which JupyterLab and Voilà both serve without a file on
the server, so they work on Binder too.

The one error guard of every view is here too: ``guarded(...)`` (a decorator for a view's callbacks) and
``shown_in(...)`` (the same as a ``with`` block) turn the errors a learner can cause or fix
(``learner_errors()``: a bad value, a log file that cannot be used, an unknown id, a damaged scenario,
draft or tracker file) into a plain sentence in the view's status line (``error_text``), and anything
else into "Something unexpected went wrong", never a traceback.  ``STRICT = True`` (the tests' setting,
one switch for the whole kit) raises the unexpected ones instead.
"""

from __future__ import annotations

import base64
import functools
import html
import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

import ipywidgets as widgets

from ..records import Interview, ValidationError, ValidationErrors, describe
from ..wording import FIELD_LABELS

__all__ = [
    "Confirm",
    "STATUS_KINDS",
    "STRICT",
    "button",
    "download_link",
    "error_text",
    "guarded",
    "interview_options",
    "labelled",
    "learner_errors",
    "shown_in",
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


# -- the one error guard -------------------------------------------------------------------------

#: When True, an unexpected error in a view's callback is raised instead of shown (the tests switch it
#: on, in tests/conftest.py); one switch for every view of the kit.
STRICT = False

#: The errors a learner can cause or fix, by module and class name.  They are looked up among the
#: modules already imported (an error of a class can only exist once its module is), so the guard
#: imports no logic module of its own.
_LEARNER_ERRORS = {
    "followup_kit.records": ("ValidationError",),
    "followup_kit.store": ("LogFileError", "UnknownIdError"),
    "followup_kit.roleplay": ("ScenarioError",),
    "followup_kit.drafts": ("DraftError",),
    "followup_kit.trackers": ("TrackerError",),
}
#: What the learner reads after an error nobody foresaw (after "Something unexpected went wrong (…).").
UNEXPECTED = "Please tell your coach."
#: Said after an unknown id, once the view shows the log as it is on disk again.
GONE = " It was probably deleted in another tab or notebook; the view now shows the log as it is on disk."


def learner_errors() -> tuple[type[Exception], ...]:
    """The error classes whose message is meant for the learner (``ValidationError``, ``LogFileError``,
    ``UnknownIdError``, ``ScenarioError``, ``DraftError``, ``TrackerError``), among the modules loaded."""
    found: list[type[Exception]] = []
    for module, names in _LEARNER_ERRORS.items():
        loaded = sys.modules.get(module)
        if loaded is not None:
            found += [getattr(loaded, name) for name in names]
    return tuple(found)


def error_text(error: BaseException, labels: dict[str, str] | None = None) -> str:
    """What a learner reads for an error: the field as the form names it, what was expected, what came.

    ``labels`` overrides ``wording.FIELD_LABELS`` for one section (a follow-up's notes are "Note
    (optional)"); several problems are listed at once.  Other errors are their own message.
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


class shown_in:  # noqa: N801 - used like a function: ``with shown_in(self.status): ...``
    """A ``with`` block whose errors become a status line in ``status`` (an HTML widget), never a traceback.

    A learner's error (``learner_errors()``, plus ``also``) reads ``prefix + error_text + suffix``; an
    unexpected one ``prefix`` + "Something unexpected went wrong (Type: message).", then ``unexpected`` (so
    the learner still reads what could not be done), and is raised
    under ``STRICT``.  After an unknown id, ``reload`` (when given) runs before the message, so the view
    shows the log as it is on disk.  ``kind="warning"`` shows a learner's error as a warning (the view
    carries on with a default).  ``failed`` holds the error shown (None when the block succeeded).
    """

    def __init__(
        self,
        status: widgets.HTML,
        suffix: str = "",
        labels: dict[str, str] | None = None,
        *,
        prefix: str = "",
        also: tuple[type[Exception], ...] = (),
        unexpected: str = UNEXPECTED,
        reload: Callable[[], Any] | None = None,
        kind: str = "error",
    ) -> None:
        self.status, self.kind = status, kind
        self.suffix, self.labels, self.prefix = suffix, labels, prefix
        self.also, self.unexpected, self.reload = also, unexpected, reload
        self.failed: Exception | None = None

    def __enter__(self) -> shown_in:
        self.failed = None
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _trace: TracebackType | None
    ) -> bool:
        if error is None or not isinstance(error, Exception):  # KeyboardInterrupt and the like pass
            return False
        known = isinstance(error, (*learner_errors(), *self.also))
        if not known and STRICT:
            return False
        self.failed = error
        if not known:
            what = f"{type(error).__name__}: {error}"
            text = f"{self.prefix}Something unexpected went wrong ({what}).{self.suffix}"
            self.status.value = status_html("error", f"{text} {self.unexpected}".strip())
            return True
        gone = type(error).__name__ == "UnknownIdError" and self.reload is not None
        if gone:
            self.reload()  # type: ignore[misc]
        text = f"{self.prefix}{error_text(error, self.labels)}{self.suffix}{GONE if gone else ''}"
        self.status.value = status_html(self.kind, text)
        return True


def guarded(
    status: str = "status",
    suffix: str = " Nothing was saved.",
    labels: dict[str, str] | None = None,
    *,
    prefix: str = "",
    also: tuple[type[Exception], ...] = (),
    unexpected: str = UNEXPECTED,
    reload: str | None = "refresh",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Wrap a view's callback in ``shown_in``: its errors go to ``self.<status>``, and it returns None.

    ``status`` names the status widget attribute (the Logbook's sections each have their own:
    ``form_status``, ``quick_status`` …) and ``labels`` the section's own field names; ``reload`` names
    the method that re-reads the log after an unknown id (skipped when the view has none).
    """

    def wrap(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            again = getattr(self, reload, None) if reload else None
            with shown_in(getattr(self, status), suffix, labels, prefix=prefix, also=also,
                          unexpected=unexpected, reload=again if callable(again) else None):
                return method(self, *args, **kwargs)
            return None

        return run

    return wrap
