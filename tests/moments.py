"""The moments the date-sensitive tests run at: the hard days of the calendar, and today.

Each is an instant in UTC, as a Binder or hub server sees it.  The list covers a
month's first days (a day number below 10), Christmas Eve, New Year's night,
the end of February, Europe's and the US's clock changes, and the real today,
so a test that is only right on some dates fails here on the others.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

#: (test id, the moment in UTC).
FIXED = (
    ("2026-12-02T09:00", datetime(2026, 12, 2, 9, 0, tzinfo=UTC)),
    ("2026-12-24T17:00", datetime(2026, 12, 24, 17, 0, tzinfo=UTC)),
    ("2027-01-01T00:30", datetime(2027, 1, 1, 0, 30, tzinfo=UTC)),
    ("2027-02-28T23:30", datetime(2027, 2, 28, 23, 30, tzinfo=UTC)),
    ("2027-03-28T01:30", datetime(2027, 3, 28, 1, 30, tzinfo=UTC)),  # Europe: 01:00 UTC clocks go forward
    ("2027-11-07T01:30", datetime(2027, 11, 7, 1, 30, tzinfo=timezone(timedelta(hours=-5)))),  # US: fall back
)


def today() -> datetime:
    """The real now, to the minute, in UTC: read when the tests are collected."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


MOMENTS = (*FIXED, ("today", today()))
IDS = [name for name, _ in MOMENTS]
INSTANTS = [moment for _, moment in MOMENTS]
