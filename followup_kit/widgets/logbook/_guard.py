"""The logbook's use of the kit's one error guard (``widgets._common.guarded``).

A section's callback shows a learner's bad value or a log problem in that section's own status line,
worded as the form labels the field; an id deleted meanwhile makes the whole Logbook read the log
again first; anything unexpected is a plain message (raised under ``_common.STRICT``, as in tests).
"""

from __future__ import annotations

from collections.abc import Callable

from .._common import error_text, guarded

__all__ = ["error_text"]

#: Said after an unexpected error in the logbook, which writes a change whole or not at all.
UNEXPECTED = "Your log on disk is unchanged unless the table shows the change; please tell your coach."


def _guarded(
    status: str, suffix: str = " Nothing was saved.", labels: dict[str, str] | None = None
) -> Callable:
    """``guarded`` for a logbook section: its ``status`` line, its labels, and ``_reload`` after a gone id."""
    return guarded(status, suffix, labels, unexpected=UNEXPECTED, reload="_reload")
