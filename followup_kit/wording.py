"""How the kit writes dates, times and counts for a learner: one home, so every view says them alike.

Day numbers have no leading zero ("Wed 2 Dec"), weekday and month are abbreviated
in English, times use the 24-hour clock.  Tests compare a view's text with these
functions rather than with a format of their own.
"""

from __future__ import annotations

from datetime import date, datetime

__all__ = ["day", "day_and_time", "plural", "when"]


def when(moment: datetime) -> str:
    """A due time with its year, as the plan shows it: "Wed 2 Dec 2026 16:00"."""
    return f"{moment:%a} {moment.day} {moment:%b} {moment:%Y} {moment:%H:%M}"


def day_and_time(moment: datetime) -> str:
    """A time within the next weeks, without the year: "Wed 2 Dec 16:00"."""
    return f"{moment:%a} {moment.day} {moment:%b} {moment:%H:%M}"


def day(value: date) -> str:
    """A day without the year: "Wed 2 Dec"."""
    return f"{value:%a} {value.day} {value:%b}"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """ "1 reply", "2 replies": the count and the noun in the right number (``many`` when irregular)."""
    if count == 1:
        return f"{count} {noun}"
    if many is None:
        if noun.endswith("y") and noun[-2:-1] not in "aeiou":
            many = noun[:-1] + "ies"
        elif noun.endswith(("s", "sh", "ch", "x")):
            many = noun + "es"
        else:
            many = noun + "s"
    return f"{count:,} {many}"
