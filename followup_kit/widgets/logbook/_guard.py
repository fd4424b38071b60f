"""The logbook's error guard: a learner's bad value or a log problem becomes a status line, never a traceback.

``error_text`` words an error as the form labels its field; ``_guarded(status)`` wraps a section's
callback so that a ``ValidationError`` or ``LogFileError`` shows in that section's ``status`` line (an
id deleted meanwhile also reloads the view), and anything unexpected shows a plain message, unless the
package's ``STRICT`` is on (tests), when it is raised.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any

from ...records import ValidationError, ValidationErrors, describe
from ...store import LogFileError, UnknownIdError
from .._common import status_html
from ._shared import FIELD_LABELS


def _strict() -> bool:
    """The package's ``STRICT`` switch, read at each error (tests set ``logbook.STRICT``)."""
    return bool(getattr(sys.modules.get(__package__ or ""), "STRICT", False))


def error_text(error: Exception, labels: dict[str, str] | None = None) -> str:
    """What a learner reads for an error: the field as the form names it, what was expected, what came.

    ``labels`` overrides ``FIELD_LABELS`` for one section (a follow-up's notes are "Note (optional)").
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


def _guarded(
    status: str, suffix: str = " Nothing was saved.", labels: dict[str, str] | None = None
) -> Callable:
    """Wrap a callback: a bad value or a log problem becomes a message in ``self.<status>``."""

    def wrap(method: Callable) -> Callable:
        @functools.wraps(method)
        def run(self: Any, *args: Any) -> Any:
            try:
                return method(self, *args)
            except UnknownIdError as error:  # changed elsewhere (another tab, a notebook cell)
                getattr(self, "book", self).refresh()  # a section's Logbook reads the log again
                getattr(self, status).value = status_html(
                    "error", f"{error_text(error, labels)}{suffix} It was probably deleted in another tab or "
                    "notebook; the view now shows the log as it is on disk."
                )
            except (ValidationError, LogFileError) as error:
                getattr(self, status).value = status_html("error", error_text(error, labels) + suffix)
            except Exception as error:  # never a traceback at the learner
                if _strict():
                    raise
                getattr(self, status).value = status_html(
                    "error",
                    f"Something unexpected went wrong ({type(error).__name__}: {error}). Your log on disk "
                    "is unchanged unless the table shows the change; please tell your coach.",
                )
            return None

        return run

    return wrap


