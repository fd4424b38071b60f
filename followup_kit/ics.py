"""Calendar export: the open follow-up steps as an .ics file any calendar app can import.

One VEVENT per open step (done and skipped steps are left out), with a display
reminder 15 minutes before.  Times in the kit are naive wall-clock times in the
learner's zone, so each event carries a TZID: the ``tzid`` you pass (the views
pass the learner's ``Place.zone``), else the server's zone.  A VTIMEZONE for it
is added so calendar apps place the events correctly, whatever zone the server
runs in.

Each event's UID is derived from the interview id, the rule and the person (plus
the due time when there is no interview id), so importing a fresh export again
updates the same events instead of duplicating them, even when a step's time
moved because the interview details changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from .place import machine_zone, valid_zone
from .planner import RULES, Step

__all__ = ["REMINDER_BEFORE", "event_uid", "local_tzid", "save_ics", "to_ics"]

#: The reminder fires this long before the step is due.
REMINDER_BEFORE = timedelta(minutes=15)
#: How long the calendar entry lasts: a call gets more room than writing a note.
CALL_LENGTH = timedelta(minutes=30)
OTHER_LENGTH = timedelta(minutes=15)
PRODID = "-//followup-kit//Interview follow-ups//EN"


def local_tzid() -> str:
    """The server's zone (``place.machine_zone``): only the fallback when the learner set no zone."""
    return machine_zone()


def event_uid(step: Step) -> str:
    """A stable UID for a step: same interview, rule and person give the same UID."""
    if step.interview_id is not None:
        key = f"{step.interview_id}|{step.rule}|{step.to.casefold()}"
    else:
        key = f"-|{step.rule}|{step.to.casefold()}|{step.due.isoformat()}"
    return hashlib.sha1(key.encode()).hexdigest()[:24] + "@followup-kit"


def _description(step: Step) -> str:
    lines = [step.why]
    if step.note:
        lines.append(step.note)
    if step.optional:
        lines.append("Optional step.")
    rule = RULES.get(step.rule)
    lines.append(f"Rule ({step.rule}): {rule.summary}" if rule else f"Rule: {step.rule}")
    lines.append(f"Source: {step.source}")
    return "\n".join(lines)


def to_ics(
    steps: Iterable[Step],
    *,
    tzid: str | None = None,
    calendar_name: str = "Interview follow-ups",
    stamp: datetime | None = None,
) -> bytes:
    """The open steps as iCalendar bytes (RFC 5545), one event with a reminder each.

    ``tzid`` (an IANA name like "Europe/Berlin") says which zone the naive due times are in;
    by default the machine's (``local_tzid()``).  ``stamp`` is the DTSTAMP (default: now, UTC).
    Raises ``ValueError`` for an unknown ``tzid``.
    """
    zone_name = tzid if tzid is not None else local_tzid()
    if valid_zone(zone_name) is None:
        raise ValueError(f"tzid: expected a time zone name like 'Europe/Berlin', got {zone_name!r}")
    zone = ZoneInfo(valid_zone(zone_name))
    stamp = stamp or datetime.now(UTC)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=zone)
    stamp = stamp.astimezone(UTC)

    calendar_uid = hashlib.sha1(calendar_name.encode()).hexdigest()[:24] + "@followup-kit"
    calendar = Calendar.new(name=calendar_name, prodid=PRODID, uid=calendar_uid)
    seen: dict[str, int] = {}
    dues: list[date] = []
    for step in steps:
        if not step.is_open:
            continue
        uid = event_uid(step)
        seen[uid] = seen.get(uid, 0) + 1
        if seen[uid] > 1:  # the same person listed twice: keep both events apart
            uid = f"{seen[uid]}-{uid}"
        start = step.due.replace(tzinfo=zone)
        length = CALL_LENGTH if step.channel in ("call", "voicemail") else OTHER_LENGTH
        event = Event.new(
            uid=uid,
            stamp=stamp,
            summary=step.action,
            description=_description(step),
            start=start,
            end=start + length,
            categories=[step.purpose],
        )
        event.add_component(Alarm.new_display(description=step.action, trigger=-REMINDER_BEFORE))
        calendar.add_component(event)
        dues.append(step.due.date())
    if dues:
        calendar.add_missing_timezones(
            first_date=min(dues) - timedelta(days=366), last_date=max(dues) + timedelta(days=366)
        )
    return calendar.to_ical()


def save_ics(steps: Iterable[Step], path: str | Path, **options: object) -> Path:
    """Write ``to_ics(steps, **options)`` to ``path`` (e.g. "followups.ics") and return the path."""
    path = Path(path)
    path.write_bytes(to_ics(steps, **options))  # type: ignore[arg-type]
    return path
