"""The learner's place and clock: country, region, time zone and working week, and "now" where they are.

A plan counts business days, so it must know which days the learner's employers
work: their **working week** (Mon–Fri in most countries, Sun–Thu or Mon–Sat in
some) and their **public holidays**, which come from the well-kept ``holidays``
package (country and subdivision aware, e.g. ``GB``/``ENG`` skips Easter
Monday, ``US`` skips Thanksgiving).  No holiday list is written here.

Times in the kit are naive wall-clock times *in the learner's time zone*.  On
Binder and most JupyterHubs the server's clock runs in UTC, so "now" is never the
server's local time when the learner set a zone: ``now(place.timezone)`` is the
wall-clock time where the learner is, and the calendar file carries that zone.

``Place`` is a small validated record; ``store.InterviewLog.place()`` reads it
from ``settings.json`` beside the log (and ``save_place`` writes it), so it
travels with the log in the download/upload zip.  A learner who never set it
gets ``Place()``: Mon–Fri, no public holidays, the server's zone, and every view
says so in one line (``Place.notice``).

``FOLLOWUP_KIT_NOW`` (an ISO 8601 date and time) freezes the clock for tests and
rehearsals: with an offset (``2027-03-28T01:30+00:00``) it is an instant, shown in
the learner's zone; without one it is the learner's wall-clock time.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from . import paths
from .records import ValidationError

__all__ = [
    "NOW_ENV",
    "WORKWEEKS",
    "Place",
    "country_for_zone",
    "country_name",
    "countries",
    "default_workweek",
    "machine_zone",
    "now",
    "parse_now",
    "subdivisions",
    "valid_zone",
    "zones",
]

#: Environment variable that freezes the kit's clock (ISO 8601), for tests and rehearsals.
NOW_ENV = paths.NOW_ENV

#: The working weeks a learner can pick: label -> the working weekdays (Monday = 0).
WORKWEEKS: dict[str, tuple[int, ...]] = {
    "Mon–Fri": (0, 1, 2, 3, 4),
    "Sun–Thu": (6, 0, 1, 2, 3),
    "Mon–Sat": (0, 1, 2, 3, 4, 5),
    "Sat–Thu": (5, 6, 0, 1, 2, 3),
}
_UTC_ALIASES = {"Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu", "Etc/GMT"}
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


# -- time zones ---------------------------------------------------------------------------------


def valid_zone(name: str | None) -> str | None:
    """The IANA zone name in ``name`` ("Europe/Berlin", or a TZ value such as ":Europe/Berlin" or a
    zoneinfo file path), or None when it is not one."""
    if not name:
        return None
    name = name.strip().lstrip(":")
    if not name or name.startswith("/"):
        name = name.split("zoneinfo/", 1)[1] if "zoneinfo/" in name else ""
    if not name or ".." in name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def machine_zone() -> str:
    """The server's own zone: env ``TZ``, then the /etc/localtime link, else "UTC".

    Only a fallback: on Binder and on a hub the server's zone is not the learner's.
    """
    found = valid_zone(os.environ.get("TZ"))
    if not found:
        try:
            target = os.path.realpath("/etc/localtime")
        except OSError:
            target = ""
        if "zoneinfo/" in target:
            found = valid_zone(target.split("zoneinfo/", 1)[1])
    return "UTC" if not found or found in _UTC_ALIASES else found


@lru_cache(maxsize=1)
def zones() -> tuple[str, ...]:
    """Every IANA zone name with a region ("Europe/Berlin"), sorted, plus "UTC", for a menu."""
    named = {z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))}
    return ("UTC", *sorted(named))


def _zone_table() -> str:
    """zone.tab from the tzdata package, else the system's zoneinfo; "" when neither has it."""
    try:
        return resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        pass
    for folder in ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"):
        path = Path(folder) / "zone.tab"
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


@lru_cache(maxsize=1)
def _zone_countries() -> dict[str, str]:
    found: dict[str, str] = {}
    for line in _zone_table().splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            found[parts[2]] = parts[0]
    return found


def country_for_zone(zone: str | None) -> str | None:
    """The country a time zone belongs to ("Europe/London" -> "GB"), as a guess to confirm; None for
    UTC and zones shared by several countries' conventions."""
    name = valid_zone(zone)
    if name is None:
        return None
    code = _zone_countries().get(name)
    if code is None:
        key = getattr(ZoneInfo(name), "key", name)
        code = _zone_countries().get(key)
    return code if code in _supported() else None


# -- countries and their holidays ------------------------------------------------------------------


@lru_cache(maxsize=1)
def _supported() -> dict[str, tuple[str, ...]]:
    import holidays

    return {
        code: tuple(subdivs)
        for code, subdivs in holidays.list_supported_countries().items()
        if len(code) == 2
    }


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    from holidays.registry import COUNTRIES

    names: dict[str, str] = {}
    for class_name, code, *_ in COUNTRIES.values():
        names[code] = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", class_name)
    return names


def country_name(code: str) -> str:
    """ "GB" -> "United Kingdom"."""
    return _country_names().get(code, code)


def countries() -> list[tuple[str, str]]:
    """(name, code) for every country with public holidays, sorted by name, for a menu."""
    return sorted(((f"{country_name(c)} ({c})", c) for c in _supported()), key=lambda pair: pair[0])


def _country_class(code: str) -> Any:
    import holidays

    return holidays.country_holidays(code, years=[])


@cache
def _subdivision_names(code: str) -> dict[str, str]:
    aliases = getattr(_country_class(code), "subdivisions_aliases", {}) or {}
    names: dict[str, str] = {}
    for alias, sub in aliases.items():
        names.setdefault(sub, alias)
    return names


def subdivisions(country: str) -> list[tuple[str, str]]:
    """(label, code) for each subdivision of ``country`` ("England (ENG)"), in code order."""
    names = _subdivision_names(country)
    return [(f"{names[s]} ({s})" if s in names else s, s) for s in _supported().get(country, ())]


def default_workweek(country: str | None) -> str:
    """The working week a country usually keeps, from its weekend in ``holidays`` (else Mon–Fri)."""
    if not country or country not in _supported():
        return "Mon–Fri"
    weekend = set(getattr(_country_class(country), "weekend", {5, 6}) or {5, 6})
    working = tuple(d for d in range(7) if d not in weekend)
    for label, days in WORKWEEKS.items():
        if set(days) == set(working):
            return label
    return "Mon–Fri"


@lru_cache(maxsize=256)
def _holidays(country: str, subdivision: str | None, years: tuple[int, ...]) -> tuple[tuple[date, str], ...]:
    import holidays

    options: dict[str, Any] = {"subdiv": subdivision, "years": list(years)}
    if "en_US" in (getattr(_country_class(country), "supported_languages", ()) or ()):
        options["language"] = "en_US"
    found = holidays.country_holidays(country, **options)
    return tuple(sorted(found.items()))


# -- the record --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """Where the learner is: ``country`` (ISO 3166 code), ``subdivision`` ("ENG", "CA"), ``timezone``
    (IANA name) and ``workweek`` (a key of ``WORKWEEKS``).  ``Place()`` is the unset default."""

    country: str | None = None
    subdivision: str | None = None
    timezone: str | None = None
    workweek: str = "Mon–Fri"

    def __post_init__(self) -> None:
        for name in ("country", "subdivision", "timezone"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ValidationError(name, "a text or nothing", value)
            if isinstance(value, str) and not value.strip():
                object.__setattr__(self, name, None)
        if self.country is not None:
            code = self.country.strip().upper()
            if code not in _supported():
                expected = "a two-letter country code such as GB, US or DE"
                raise ValidationError("country", expected, self.country)
            object.__setattr__(self, "country", code)
        if self.subdivision is not None:
            if self.country is None:
                raise ValidationError("subdivision", "a country first", self.subdivision)
            sub = self.subdivision.strip().upper()
            allowed = _supported()[self.country]
            if sub not in allowed:
                shown = ", ".join(allowed[:12]) + ("…" if len(allowed) > 12 else "") or "none"
                raise ValidationError("subdivision", f"one of {shown} for {self.country}", self.subdivision)
            object.__setattr__(self, "subdivision", sub)
        if self.timezone is not None:
            zone = valid_zone(self.timezone)
            if zone is None:
                raise ValidationError("timezone", "a time zone name such as Europe/London", self.timezone)
            object.__setattr__(self, "timezone", zone)
        if self.workweek not in WORKWEEKS:
            raise ValidationError("workweek", "one of " + ", ".join(WORKWEEKS), self.workweek)

    # -- what it means ------------------------------------------------------------------------------

    @property
    def is_set(self) -> bool:
        """True once the learner chose a country or a time zone."""
        return self.country is not None or self.timezone is not None

    @property
    def zone(self) -> str:
        """The zone times are in: the learner's, else the server's (``machine_zone``)."""
        return self.timezone or machine_zone()

    @property
    def weekmask(self) -> str:
        """The working week for ``pandas.offsets.CustomBusinessDay`` ("Mon Tue Wed Thu Fri")."""
        days = set(WORKWEEKS[self.workweek])
        return " ".join(name for index, name in enumerate(_DAY_NAMES) if index in days)

    @property
    def region(self) -> str | None:
        """Where the holidays come from, in words: "England", "the United States", None when unset."""
        if self.country is None:
            return None
        if self.subdivision is not None:
            name = _subdivision_names(self.country).get(self.subdivision, self.subdivision)
            return name if self.country in ("GB",) else f"{name}, {country_name(self.country)}"
        name = country_name(self.country)
        return f"the {name}" if name.startswith(("United", "Netherlands", "Philippines")) else name

    def holidays(self, years: Iterable[int]) -> dict[date, str]:
        """The public holidays in these years (date -> name), from the ``holidays`` package."""
        if self.country is None:
            return {}
        return dict(_holidays(self.country, self.subdivision, tuple(sorted(set(years)))))

    def calendar_words(self) -> str:
        """The calendar a plan counts in, for the learner: "Mon–Fri, skipping public holidays in England"."""
        if self.country is None:
            return f"{self.workweek}, no public holidays skipped (no country set)"
        return f"{self.workweek}, skipping public holidays in {self.region}"

    def notice(self) -> str:
        """One line saying which calendar and clock the plan uses, and how to change them."""
        if self.is_set:
            return (
                f"Plans count {self.calendar_words()}; times are in {self.zone}. "
                "Change this in notebook 00 (Your calendar)."
            )
        return (
            f"You have not set your country and time zone yet, so plans count {self.calendar_words()} and "
            f"show times in {self.zone}, the server's zone. Set them in notebook 00 (Your calendar)."
        )

    def planner_options(self) -> dict[str, Any]:
        """Keyword arguments for ``planner.plan_followups`` and ``nudge_queue``."""
        return {"country": self.country, "subdivision": self.subdivision, "workweek": self.workweek}

    def now(self) -> datetime:
        """The wall-clock time where the learner is (``now(self.zone)``)."""
        return now(self.timezone)

    # -- storage ---------------------------------------------------------------------------------------

    def to_json(self) -> bytes:
        """The record as the bytes of ``settings.json`` (sorted keys, UTF-8, a final newline)."""
        return (json.dumps(asdict(self), ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()

    @classmethod
    def from_json(cls, data: bytes | str | Mapping[str, Any]) -> Place:
        """A ``Place`` from ``settings.json``; unknown keys are ignored, bad values raise
        ``ValidationError`` naming the field."""
        if isinstance(data, Mapping):
            values = dict(data)
        else:
            try:
                values = json.loads(data)
            except (ValueError, UnicodeDecodeError) as error:
                raise ValidationError("settings", "a JSON object", f"unreadable JSON ({error})") from None
        if not isinstance(values, dict):
            raise ValidationError("settings", "a JSON object", values)
        known = {k: values[k] for k in ("country", "subdivision", "timezone", "workweek") if k in values}
        if "workweek" in known and known["workweek"] is None:
            known.pop("workweek")
        return cls(**known)


# -- the clock ----------------------------------------------------------------------------------------


def parse_now(text: str, zone: str | None = None) -> datetime:
    """A ``FOLLOWUP_KIT_NOW`` value as a naive wall-clock time in ``zone`` (the machine's when None)."""
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(NOW_ENV, "an ISO date and time such as 2026-12-02T09:00", text) from None
    if moment.tzinfo is not None:
        target = ZoneInfo(zone) if zone else None
        moment = moment.astimezone(target).replace(tzinfo=None)
    return moment.replace(microsecond=0)


def now(zone: str | None = None) -> datetime:
    """Now, as a naive wall-clock time in ``zone`` (an IANA name; the machine's zone when None).

    ``$FOLLOWUP_KIT_NOW`` freezes it (see the module doc).
    """
    frozen = paths.frozen_now()
    if frozen:
        return parse_now(frozen, zone)
    if zone:
        return datetime.now(ZoneInfo(zone)).replace(tzinfo=None, microsecond=0)
    return datetime.now().replace(microsecond=0)
