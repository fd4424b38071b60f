"""Calendar export: the open follow-up steps as an .ics file any calendar app can import.

One VEVENT per open step (done and skipped steps are left out), with a display
reminder 15 minutes before.  Times in the kit are naive wall-clock times in the
learner's zone, so each event carries a TZID: the ``tzid`` you pass (the views
pass the learner's ``Place.zone``), else the server's zone.  A VTIMEZONE for it
is added so calendar apps place the events correctly, whatever zone the server
runs in.

Each event's UID is derived from the interview id and the step's purpose (and the
person, for a thank-you to each interviewer; plus the due time when there is no
interview id), never from its rule, time or the person to call, so importing a
fresh export again updates the same events, even when adding a decision date or
a contact moved the call.  SEQUENCE (minutes since 2026 at export), DTSTAMP and
LAST-MODIFIED let clients replace the older copy; with ``cancel_closed=True``, a
step done or dropped since is exported as ``STATUS:CANCELLED`` so clients remove it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from .place import machine_zone, valid_zone
from .place import now as clock_now
from .planner import RULES, Step

__all__ = ["REMINDER_BEFORE", "event_uid", "local_tzid", "save_ics", "sequence", "to_ics"]

#: The reminder fires this long before the step is due.
REMINDER_BEFORE = timedelta(minutes=15)
#: How long the calendar entry lasts: a call gets more room than writing a note.
CALL_LENGTH = timedelta(minutes=30)
OTHER_LENGTH = timedelta(minutes=15)
PRODID = "-//followup-kit//Interview follow-ups//EN"


def local_tzid() -> str:
    """The server's zone (``place.machine_zone``): only the fallback when the learner set no zone."""
    return machine_zone()


def _uid_key(step: Step) -> str:
    """What identifies a step over time: its interview and purpose, and the person only for a
    thank-you (one per interviewer).  The rule, time and person of a call are left out, because they
    change when the learner adds a decision date or a contact, and the event must move, not double."""
    if step.purpose == "thank_you":
        return f"thank_you|{step.channel}|{step.to.casefold()}"
    if step.purpose == "status_check":
        return "status_check|retry" if step.rule == "status_call_retry_seed004" else "status_check"
    if step.purpose == "rapport":
        return f"rapport|{'agency' if step.rule == 'agency_offer_call' else 'manager'}"
    return step.purpose


def event_uid(step: Step) -> str:
    """A stable UID for a step: one per interview and step purpose (and person, for thank-yous), the
    same when the step's time, contact or rule changes, so a fresh export updates the event."""
    if step.interview_id is not None:
        key = f"{step.interview_id}|{_uid_key(step)}"
    else:
        key = f"-|{_uid_key(step)}|{step.due.isoformat()}"
    return hashlib.sha1(key.encode()).hexdigest()[:24] + "@followup-kit"


#: SEQUENCE counts minutes since this moment, so every later export outranks an earlier one.
_SEQUENCE_FROM = datetime(2026, 1, 1, tzinfo=UTC)


def sequence(stamp: datetime) -> int:
    """The SEQUENCE of events exported at ``stamp`` (aware): minutes since 2026, never below 0.

    A calendar app replaces an event when a newer file brings a higher SEQUENCE (RFC 5545 §3.8.7.4),
    so a later export of the same UID wins without the kit keeping any state."""
    return max(0, int((stamp - _SEQUENCE_FROM).total_seconds() // 60))


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
    cancel_closed: bool = False,
) -> bytes:
    """The open steps as iCalendar bytes (RFC 5545), one event with a reminder each.

    With ``cancel_closed=True`` the done and skipped steps among ``steps`` are written too, as
    ``STATUS:CANCELLED`` events with the same UID, so a calendar that imported them earlier removes
    them.  Every event carries SEQUENCE (``sequence(stamp)``), DTSTAMP and LAST-MODIFIED, so a newer
    file replaces the events of an older one instead of adding copies.

    ``tzid`` (an IANA name like "Europe/Berlin") says which zone the naive due times are in;
    by default the machine's (``local_tzid()``).  ``stamp`` is the DTSTAMP (default: now, UTC).
    Raises ``ValueError`` for an unknown ``tzid``.
    """
    zone_name = tzid if tzid is not None else local_tzid()
    if valid_zone(zone_name) is None:
        raise ValueError(f"tzid: expected a time zone name like 'Europe/Berlin', got {zone_name!r}")
    zone = ZoneInfo(valid_zone(zone_name))
    stamp = stamp or clock_now("UTC").replace(tzinfo=UTC)  # the kit's one clock (``place.now``)
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=zone)
    stamp = stamp.astimezone(UTC)

    calendar_uid = hashlib.sha1(calendar_name.encode()).hexdigest()[:24] + "@followup-kit"
    calendar = Calendar.new(name=calendar_name, prodid=PRODID, uid=calendar_uid)
    seen: dict[str, int] = {}
    dues: list[date] = []
    for step in steps:
        if not step.is_open and not cancel_closed:
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
        event.add("SEQUENCE", sequence(stamp))
        event.add("LAST-MODIFIED", stamp)
        if step.is_open:
            event.add("STATUS", "CONFIRMED")
            event.add_component(Alarm.new_display(description=step.action, trigger=-REMINDER_BEFORE))
        else:
            event.add("STATUS", "CANCELLED")
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
