"""Every source the workbook relies on, for the learner: its readable title, what the workbook takes
from it, and the sentences it relies on, word for word."""

from __future__ import annotations

from ..sources import sources_table
from ._common import table_html

__all__ = ["sources_html"]


def sources_html() -> str:
    """A captioned table of ``sources.SOURCES``; quotes are shown between quote marks, paraphrases without."""
    rows = [
        [row["source"], row["says"], " ".join(f"“{q}”" for q in row["quotes"]) or "—"]
        for row in sources_table()
    ]
    caption = (
        "Where the advice comes from: the five seed articles, the evidence pack (which itself paraphrases "
        "the surveys and guides it names), and this workbook's own advice"
    )
    return table_html(rows, ["Source", "What the workbook takes from it", "In its own words"], caption)
