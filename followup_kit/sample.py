"""Seeded synthetic interview logs, for the committed sample and for benchmarks.

``generate(n, seed)`` makes an interviews frame and a follow-ups frame in
exactly the schema ``InterviewLog.interviews()`` / ``followups()`` return, so
every notebook, chart and metric runs on it unchanged.  Everything is drawn
from ``numpy.random.default_rng(seed)`` and fixed base dates (2026), never from
today's date, so the same seed gives the same frames, and the same bytes on
disk, on every machine.  ``write_sample()`` (or ``python -m followup_kit.sample``)
rebuilds ``followup_kit/data/sample/``.

All people, companies, agencies, phone numbers (555-01xx, reserved for fiction)
and e-mail addresses (example.com) are made up.

The habits simulated are realistic rather than ideal, so the dashboard has
something to find: most thank-yous go out within 24 hours (the rule of seeds 000
and 001), some take 24-48 hours, some later, some never; most follow-ups are
e-mails, and answered calls get replies far more often than e-mails do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from . import paths
from .records import (
    FOLLOWUP_DTYPES,
    FOLLOWUP_FIELDS,
    INTERVIEW_DTYPES,
    INTERVIEW_FIELDS,
    SAMPLE_NOW,
    FollowUp,
    Interview,
)
from .wording import plural

if TYPE_CHECKING:
    from .store import InterviewLog

__all__ = [
    "AGENCIES",
    "AS_OF",
    "COMPANIES",
    "FIRST_DAY",
    "FIRST_NAMES",
    "FOLLOWUP_NOTES",
    "INTERVIEW_NOTES",
    "LAST_DAY",
    "LAST_NAMES",
    "ROLES",
    "SAMPLE_DIR",
    "SAMPLE_INTERVIEWS",
    "SAMPLE_NOW",
    "SAMPLE_SEED",
    "SECOND_ROUND_SHARE",
    "TALKING_POINTS",
    "empty_frames",
    "generate",
    "Shown",
    "open_log_or_sample",
    "own_log_or_sample",
    "to_records",
    "write_sample",
]

#: Where the committed sample lives: shipped inside the package (``paths.SAMPLE_DIR``).
SAMPLE_DIR = paths.SAMPLE_DIR
#: How many interviews the committed sample holds, and its seed.
SAMPLE_INTERVIEWS = 72
SAMPLE_SEED = 0

#: Interviews fall on business days between these dates (inclusive start, exclusive end).
FIRST_DAY = np.datetime64("2026-01-05", "D")
LAST_DAY = np.datetime64("2026-10-31", "D")
#: The day the sample log "was exported": interviews in the last weeks before it are mostly pending.
#: The sample is shown as of 09:00 that day, ``SAMPLE_NOW``, which lives in ``records`` (a demo Logbook
#: needs the moment, not numpy and this generator); this date is taken from it, so there is one.
AS_OF = np.datetime64(SAMPLE_NOW.date(), "D")

COMPANIES = (
    "Northwind Traders", "Contoso", "Fabrikam", "Tailspin Toys", "Adventure Works",
    "Wide World Importers", "Woodgrove Bank", "Litware", "Proseware", "Fourth Coffee",
    "Lucerne Publishing", "Margie's Travel", "Alpine Ski House", "Blue Yonder Airlines",
    "Coho Winery", "Humongous Insurance", "Trey Research", "Wingtip Toys", "Relecloud",
    "City Power & Light", "Consolidated Messenger", "VanArsdel", "Graphic Design Institute",
    "Best For You Organics",
)  # fmt: skip
ROLES = (
    "Data Analyst", "Customer Success Manager", "Junior Developer", "Project Coordinator",
    "Marketing Assistant", "Accounts Payable Clerk", "Warehouse Supervisor", "UX Researcher",
    "Sales Associate", "Operations Analyst", "Office Manager", "IT Support Technician",
)  # fmt: skip
FIRST_NAMES = (
    "Avery", "Bilal", "Chiara", "Dmitri", "Esperanza", "Farah", "Gideon", "Hana", "Idris",
    "Jolene", "Kwame", "Leilani", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosalind",
    "Soren", "Tamsin", "Ulrich", "Valentina", "Wendell", "Ximena", "Yusuf", "Zofia",
)  # fmt: skip
LAST_NAMES = (
    "Abernathy", "Brightwater", "Castellano", "Delacroix", "Eriksdottir", "Fairbanks", "Goldfarb",
    "Haverford", "Ishikawa", "Juniper", "Kettleworth", "Lindqvist", "Marchetti", "Nakashima",
    "Okonkwo", "Pemberton", "Quillfeather", "Rasmussen", "Silverthorn", "Thistlewood", "Underhill",
    "Valderrama", "Whitcombe", "Yellowlees", "Zabrowski",
)  # fmt: skip
AGENCIES = ("Brightpath Staffing", "Keystone Recruiting", "Harbor Talent Partners", "Summit Temps")
TALKING_POINTS = (
    "their move to a new CRM next quarter",
    "how the team measures customer churn",
    "my project cutting invoice errors by a third",
    "the onboarding plan for the first 90 days",
    "weekend cover on the warehouse floor",
    "the dashboard they want rebuilt",
    "mentoring two junior colleagues",
    "my volunteer work running a food bank rota",
    "why I left my last role",
    "the expansion into the north-east region",
    "their hybrid working pattern",
    "a case study on reducing support tickets",
)
INTERVIEW_NOTES = (
    "",
    "",
    "",
    "Went well; they liked the portfolio.",
    "Forgot to mention my certification - put it in the thank-you.",
    "Panel seemed rushed; second round likely.",
    "Asked about salary range early.",
    "Bad line on the phone for the first ten minutes.",
)
FOLLOWUP_NOTES = {
    "thank_you": ("", "", "", "Mentioned the CRM project.", "Added the point I forgot."),
    "status_check": ("", "", "Asked if a decision is close.", "They are still interviewing."),
    "feedback_request": ("", "Asked for two things to improve.",),
    "rapport": ("", "Asked for background reading before day one."),
    "extra_info": ("", "Sent the work sample they asked for."),
}  # fmt: skip

_HOUR = np.timedelta64(3600, "s")
# Response probability and median reply delay (hours) by channel; a "call" is one that was answered.
_REPLY_P = {"email": 0.33, "card": 0.06, "call": 0.85, "voicemail": 0.35, "text": 0.45, "linkedin": 0.3}
_REPLY_H = {"email": 9.0, "card": 120.0, "call": 0.05, "voicemail": 20.0, "text": 3.0, "linkedin": 30.0}


def _interview_dtypes() -> dict[str, object]:
    return dict(INTERVIEW_DTYPES)  # the frames' one schema (records.INTERVIEW_DTYPES)


def _followup_dtypes() -> dict[str, object]:
    return dict(FOLLOWUP_DTYPES)


def empty_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """An empty interviews frame and follow-ups frame with the log's columns and dtypes."""
    interviews = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _interview_dtypes().items()})
    followups = pd.DataFrame({c: pd.Series(dtype=t) for c, t in _followup_dtypes().items()})
    return interviews, followups


def _ids(rng: np.random.Generator, prefix: str, n: int) -> list[str]:
    numbers = rng.choice(2**32, size=n, replace=False)
    return [f"{prefix}{x:08x}" for x in numbers.tolist()]


def _email(name: str) -> str:
    """ "Priya Natarajan" -> "priya.natarajan@example.com" (example.com is reserved for examples)."""
    return ".".join(name.lower().split()) + "@example.com"


def _pick(rng: np.random.Generator, options: tuple[str, ...], n: int, p=None) -> np.ndarray:
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=n, p=p)]


def _hours(values: np.ndarray) -> np.ndarray:
    """Hours as a timedelta64[s] array, rounded to the minute (the log stores whole seconds)."""
    return (np.round(np.asarray(values, dtype=float) * 60.0) * 60).astype("timedelta64[s]")


class _Rows:
    """Follow-up rows collected block by block, as parallel numpy arrays."""

    def __init__(self) -> None:
        self.parts: list[dict[str, np.ndarray]] = []

    def add(self, rng, *, iv, at, channel, purpose, to, reply_scale=1.0, notes=None) -> None:
        n = len(iv)
        if n == 0:
            return
        if isinstance(channel, str):
            channel = np.full(n, channel, dtype=object)
        channel = np.asarray(channel, dtype=object)
        p = np.array([_REPLY_P[c] for c in channel]) * reply_scale
        median = np.array([_REPLY_H[c] for c in channel])
        replied = rng.random(n) < np.clip(p, 0, 1)
        delay = median * np.exp(rng.normal(0.0, 0.8, n))
        delay = np.maximum(delay, 1 / 60)
        response = np.where(replied, at + _hours(delay), np.datetime64("NaT", "s"))
        notes_pool = FOLLOWUP_NOTES[purpose] if notes is None else notes
        self.parts.append(
            {
                "iv": np.asarray(iv),
                "at": at.astype("datetime64[s]"),
                "channel": channel,
                "purpose": np.full(n, purpose, dtype=object),
                "to": np.asarray(to, dtype=object),
                "response_at": response.astype("datetime64[s]"),
                "notes": _pick(rng, notes_pool, n),
            }
        )

    def concat(self) -> dict[str, np.ndarray]:
        keys = ("iv", "at", "channel", "purpose", "to", "response_at", "notes")
        if not self.parts:
            return {k: np.array([], dtype=object) for k in keys}
        return {k: np.concatenate([p[k] for p in self.parts]) for k in keys}


def generate(n_interviews: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Make ``n_interviews`` synthetic interviews and their follow-ups, deterministically.

    Returns ``(interviews, followups)`` with the same columns and dtypes as
    ``InterviewLog.interviews()`` / ``followups()``, interviews sorted by
    ``held_at`` and follow-ups by ``at``.  The same ``seed`` always gives equal
    frames.  Follow-ups are never dated before their interview, and responses
    never before their follow-up, so every row is a valid ``Interview`` /
    ``FollowUp``.  About 4-5 follow-ups per interview: 20,000 interviews make
    roughly 90,000-100,000 follow-ups in well under a second.
    """
    if isinstance(n_interviews, bool) or not isinstance(n_interviews, (int, np.integer)):
        raise TypeError(f"n_interviews: expected a whole number, got {n_interviews!r}")
    if n_interviews < 0:
        raise ValueError(f"n_interviews: expected zero or more, got {n_interviews}")
    n = int(n_interviews)
    if n == 0:
        return empty_frames()
    rng = np.random.default_rng(seed)

    # -- interviews ------------------------------------------------------------
    n_days = int(np.busday_count(FIRST_DAY, LAST_DAY))
    day = np.busday_offset(FIRST_DAY, np.sort(rng.integers(0, n_days, n)), roll="forward")
    minute = rng.choice([9 * 60, 9 * 60 + 30, 10 * 60, 11 * 60, 13 * 60, 14 * 60, 14 * 60 + 30, 15 * 60,
                         16 * 60], size=n)  # fmt: skip
    held = day.astype("datetime64[s]") + (minute * 60).astype("timedelta64[s]")
    order = np.argsort(held, kind="stable")
    held = held[order]
    day = held.astype("datetime64[D]")

    kind = _pick(rng, ("phone", "video", "in_person"), n, p=[0.3, 0.4, 0.3])
    n_people = rng.choice([1, 2, 3], size=n, p=[0.25, 0.45, 0.3])
    first = rng.integers(0, len(FIRST_NAMES), (n, 3))
    last0 = rng.integers(0, len(LAST_NAMES), n)
    last = (last0[:, None] + np.array([0, 7, 13])) % len(LAST_NAMES)  # no shared surname in one panel
    fn = np.asarray(FIRST_NAMES, dtype=object)
    ln = np.asarray(LAST_NAMES, dtype=object)
    people = fn[first] + " " + ln[last]  # (n, 3) full names
    interviewers = [row[:k].tolist() for row, k in zip(people, n_people.tolist(), strict=True)]

    recruiter = fn[rng.integers(0, len(FIRST_NAMES), n)] + " " + ln[(last0 + 19) % len(LAST_NAMES)]
    phone = rng.integers(100, 200, n) % 100
    contact = recruiter
    contact_phone = np.where(rng.random(n) < 0.8, np.array([f"555-01{p:02d}" for p in phone.tolist()],
                                                           dtype=object), None)  # fmt: skip
    contact_email = np.array([_email(name) for name in recruiter.tolist()], dtype=object)
    agency = rng.random(n) < 0.15
    agency_person = fn[rng.integers(0, len(FIRST_NAMES), n)] + " " + ln[rng.integers(0, len(LAST_NAMES), n)]
    agency_contact = np.where(agency, agency_person + " (" + _pick(rng, AGENCIES, n) + ")", None)
    agency_phone = np.where(agency, np.array([f"555-01{(p + 50) % 100:02d}" for p in phone.tolist()],
                                             dtype=object), None)  # fmt: skip
    agency_email = np.where(agency, np.array([_email(name) for name in agency_person.tolist()], dtype=object),
                            None)  # fmt: skip

    u = rng.random(n)
    in_days = rng.choice([2, 3, 3, 5, 5, 7, 10], size=n)
    by_days = rng.choice([2, 3, 4, 5, 7, 10], size=n)
    has_bdays = u < 0.35
    has_by = (u >= 0.35) & (u < 0.65)
    decision_by = np.where(has_by, np.busday_offset(day, by_days, roll="forward"), np.datetime64("NaT", "D"))
    decision_days = pd.array(np.where(has_bdays, in_days, 0), dtype="Int64")
    decision_days[~has_bdays] = pd.NA

    n_points = rng.choice([0, 1, 2, 3], size=n, p=[0.1, 0.3, 0.4, 0.2])
    point_idx = rng.permuted(np.tile(np.arange(len(TALKING_POINTS)), (n, 1)), axis=1)[:, :3]
    tp = np.asarray(TALKING_POINTS, dtype=object)[point_idx]
    talking_points = [row[:k].tolist() for row, k in zip(tp, n_points.tolist(), strict=True)]

    age = (AS_OF - day).astype(int)
    recent = age < 21
    outcome = np.where(
        recent,
        _pick(rng, ("pending", "rejected", "offer", "withdrawn"), n, p=[0.75, 0.12, 0.05, 0.08]),
        _pick(rng, ("pending", "offer", "rejected", "no_response", "withdrawn"), n,
              p=[0.12, 0.14, 0.38, 0.28, 0.08]),
    )  # fmt: skip

    # When the learner heard: a few days after a decision, a few weeks for no response, never after AS_OF.
    heard_after = np.where(np.isin(outcome, ("no_response", "withdrawn")), rng.uniform(14, 30, n),
                           rng.uniform(3, 9, n)) * 24  # fmt: skip
    as_of = (AS_OF.astype("datetime64[s]") + np.timedelta64(8, "h"))
    heard_day = (held + _hours(heard_after)).astype("datetime64[D]").astype("datetime64[s]")
    heard = heard_day + _hours(rng.uniform(9, 17, n))  # in office hours
    heard = np.maximum(np.minimum(heard, as_of), held + _hours(np.full(n, 1.0)))
    outcome_at = np.where(outcome == "pending", np.datetime64("NaT", "s"), heard)

    # -- follow-ups -------------------------------------------------------------
    rows = _Rows()
    idx = np.arange(n)

    # Thank-yous: one per interviewer (sometimes only the first), first one timed in buckets.
    sends = rng.random(n) < 0.92
    bucket = rng.random(n)
    first_delay = np.where(
        bucket < 0.72,
        rng.uniform(0.5, 23.5, n),
        np.where(bucket < 0.87, rng.uniform(24.5, 47.5, n), rng.uniform(49, 150, n)),
    )
    # Nobody writes at 3 a.m.: a note that would land between midnight and 7:00 goes out after 7:00.
    clock = ((held + _hours(first_delay)) - (held + _hours(first_delay)).astype("datetime64[D]")) / _HOUR
    first_delay = np.where(clock < 7, first_delay + (7 - clock) + rng.uniform(0, 1.5, n), first_delay)
    ty_channel = _pick(rng, ("email", "linkedin"), n, p=[0.93, 0.07])
    everyone = rng.random(n) < 0.85
    prompt = first_delay <= 24
    for j in range(3):
        pick = sends & (n_people > j) & ((j == 0) | everyone)
        at = held[pick] + _hours(first_delay[pick] + j * rng.uniform(0.05, 0.4, pick.sum()))
        rows.add(rng, iv=idx[pick], at=at, channel=ty_channel[pick], purpose="thank_you",
                 to=people[pick, j], reply_scale=np.where(prompt[pick], 1.15, 0.75))  # fmt: skip

    # The optional handwritten card to each interviewer, mailed the same day (seeds 001, 004).
    card = rng.random(n) < 0.18
    for j in range(3):
        pick = card & (n_people > j)
        rows.add(rng, iv=idx[pick], at=held[pick] + _hours(rng.uniform(2.0, 7.0, pick.sum())),
                 channel="card", purpose="thank_you", to=people[pick, j])  # fmt: skip

    # A thank-you to the recruiter or agency contact who arranged it.
    thank_recruiter = sends & (rng.random(n) < 0.6)
    who = np.where(agency, agency_person, recruiter)
    pick = thank_recruiter
    rows.add(rng, iv=idx[pick], at=held[pick] + _hours(first_delay[pick] + rng.uniform(0.1, 1.0, pick.sum())),
             channel="email", purpose="thank_you", to=who[pick])  # fmt: skip

    # LinkedIn connection requests to the panel, a day or two later.
    connect = rng.random(n) < 0.45
    for j in range(3):
        pick = connect & (n_people > j)
        rows.add(rng, iv=idx[pick], at=held[pick] + _hours(rng.uniform(20, 60, pick.sum())),
                 channel="linkedin", purpose="rapport", to=people[pick, j],
                 notes=("", "", "Connection request with a short note."))  # fmt: skip

    # Status checks: on the day they named, N business days later, or a week later.
    check = (rng.random(n) < 0.75) & (outcome != "withdrawn")
    check_day = np.where(
        has_bdays,
        np.busday_offset(day, in_days, roll="forward"),
        np.where(has_by, decision_by, day + 7),
    )
    check_hour = np.where(has_bdays, rng.uniform(15.5, 16.75, n), rng.uniform(9.5, 14.0, n))
    check_at = check_day.astype("datetime64[s]") + _hours(check_hour)
    check_at = np.maximum(check_at, held + _hours(np.full(n, 24.0)))
    status_channel = _pick(rng, ("call", "voicemail", "email", "text", "linkedin"), n,
                           p=[0.4, 0.2, 0.3, 0.05, 0.05])  # fmt: skip
    status_to = np.where(agency, agency_person, recruiter)
    rows.add(rng, iv=idx[check], at=check_at[check], channel=status_channel[check], purpose="status_check",
             to=status_to[check])  # fmt: skip
    # Seed 004's one retry that afternoon after a voicemail (seed 003 says one call only).
    retry = check & (status_channel == "voicemail") & (rng.random(n) < 0.3)
    rows.add(rng, iv=idx[retry], at=check_at[retry] + _hours(np.full(retry.sum(), 4.0)), channel="call",
             purpose="status_check", to=status_to[retry])  # fmt: skip
    # A second chaser a week later, which some sources allow (do2learn, Parkland).
    chase = check & (outcome == "no_response") & (rng.random(n) < 0.35)
    rows.add(rng, iv=idx[chase], at=check_at[chase] + _hours(np.full(chase.sum(), 24.0 * 7)),
             channel=_pick(rng, ("email", "call"), int(chase.sum())), purpose="status_check",
             to=status_to[chase])  # fmt: skip

    # Extra information they asked for.
    extra = rng.random(n) < 0.1
    rows.add(rng, iv=idx[extra], at=held[extra] + _hours(rng.uniform(3, 96, extra.sum())), channel="email",
             purpose="extra_info", to=recruiter[extra])  # fmt: skip

    # After the outcome: feedback request after a rejection, rapport call after an offer (seed 003).
    fb = (outcome == "rejected") & (rng.random(n) < 0.45)
    rows.add(rng, iv=idx[fb], at=held[fb] + _hours(rng.uniform(10 * 24, 25 * 24, fb.sum())),
             channel=_pick(rng, ("email", "call"), int(fb.sum()), p=[0.7, 0.3]), purpose="feedback_request",
             to=recruiter[fb])  # fmt: skip
    rp = (outcome == "offer") & (rng.random(n) < 0.75)
    rows.add(rng, iv=idx[rp], at=held[rp] + _hours(rng.uniform(8 * 24, 20 * 24, rp.sum())), channel="call",
             purpose="rapport", to=people[rp, 0], reply_scale=1.1)  # fmt: skip

    cols = rows.concat()
    fu_order = np.lexsort((cols["iv"], cols["at"].astype("int64")))
    cols = {k: v[fu_order] for k, v in cols.items()}

    iv_ids = _ids(rng, "iv-", n)
    fu_ids = _ids(rng, "fu-", len(cols["iv"]))

    interviews = pd.DataFrame(
        {
            "id": iv_ids,
            "company": _pick(rng, COMPANIES, n),
            "role": _pick(rng, ROLES, n),
            "held_at": held.astype("datetime64[us]"),
            "kind": kind,
            "interviewers": interviewers,
            "contact": contact,
            "decision_by": decision_by.astype("datetime64[us]"),
            "decision_in_business_days": decision_days,
            "agency_contact": agency_contact,
            "talking_points": talking_points,
            "outcome": outcome,
            "notes": _pick(rng, INTERVIEW_NOTES, n),
            "contact_email": contact_email,
            "contact_phone": contact_phone,
            "agency_email": agency_email,
            "agency_phone": agency_phone,
            "outcome_at": outcome_at.astype("datetime64[us]"),
            "round": np.ones(n, dtype=int),
            "previous_id": np.full(n, None, dtype=object),
        }
    )
    _link_rounds(rng, interviews)
    followups = pd.DataFrame(
        {
            "id": fu_ids,
            "interview_id": np.asarray(iv_ids, dtype=object)[cols["iv"]],
            "at": cols["at"].astype("datetime64[us]"),
            "channel": cols["channel"],
            "purpose": cols["purpose"],
            "to": cols["to"],
            "response_at": cols["response_at"].astype("datetime64[us]"),
            "notes": cols["notes"],
        }
    )
    return _conform(interviews, _interview_dtypes()), _conform(followups, _followup_dtypes())


#: About this share of processes have a second round (a later interview at the same company and role).
SECOND_ROUND_SHARE = 0.06


def _link_rounds(rng: np.random.Generator, interviews: pd.DataFrame) -> None:
    """Make a few later interviews the second round of an earlier one, in place.

    The earlier interview gets the outcome "next_round", heard a few days after it; the later one takes
    its company, role and contact, ``round`` 2 and ``previous_id``.  Only interviews that ended without
    news (no_response) and a pending or decided interview held 7 to 30 days later are paired, so every
    logged follow-up still fits its interview's outcome.
    """
    held = interviews["held_at"].to_numpy()
    order = np.argsort(held, kind="stable")
    in_order = held[order]
    taken: set[int] = set()
    wanted = max(1, round(len(interviews) * SECOND_ROUND_SHARE))
    outcomes = interviews["outcome"].to_numpy()
    candidates = np.flatnonzero(outcomes == "no_response")
    for i in rng.permutation(candidates).tolist():
        if len(taken) >= 2 * wanted:
            break
        if i in taken:
            continue
        start = int(np.searchsorted(in_order, held[i] + np.timedelta64(7, "D")))
        stop = int(np.searchsorted(in_order, held[i] + np.timedelta64(30, "D"), side="right"))
        j = next((int(k) for k in order[start:stop] if int(k) not in taken), None)
        if j is None:
            continue
        taken.update((i, j))
        interviews.at[i, "outcome"] = "next_round"
        interviews.at[i, "outcome_at"] = min(held[i] + np.timedelta64(3, "D"), held[j])
        for column in ("company", "role", "contact", "contact_email", "contact_phone", "agency_contact",
                       "agency_email", "agency_phone"):
            interviews.at[j, column] = interviews.at[i, column]
        interviews.at[j, "round"] = 2
        interviews.at[j, "previous_id"] = interviews.at[i, "id"]


def _conform(frame: pd.DataFrame, dtypes: dict[str, object]) -> pd.DataFrame:
    out = {}
    for name, dtype in dtypes.items():
        column = frame[name]
        out[name] = column if dtype == "object" else column.astype(dtype)
    return pd.DataFrame(out)


def _plain(value: object) -> object:
    """A frame cell as the plain value a record takes: NaN, NaT and NA become None."""
    if isinstance(value, list):
        return value
    return None if pd.isna(value) else value


def to_records(
    interviews: pd.DataFrame, followups: pd.DataFrame
) -> tuple[list[tuple[str, Interview]], list[tuple[str, FollowUp]]]:
    """Frames in the log's schema as validated ``(id, record)`` pairs, in row order.

    Building each ``Interview`` and ``FollowUp`` runs the records' own checks,
    so a frame that would not make a valid log is refused with a ``ValidationError``.
    """
    iv_pairs = []
    for row in interviews.to_dict("records"):
        key = row.pop("id")
        iv_pairs.append((key, Interview(**{k: _plain(row[k]) for k in INTERVIEW_FIELDS})))
    fu_pairs = []
    for row in followups.to_dict("records"):
        key = row.pop("id")
        fu_pairs.append((key, FollowUp(**{k: _plain(row[k]) for k in FOLLOWUP_FIELDS})))
    return iv_pairs, fu_pairs


def write_sample(
    folder: str | Path = SAMPLE_DIR, n_interviews: int = SAMPLE_INTERVIEWS, seed: int = SAMPLE_SEED
) -> Path:
    """Write a generated log to ``folder`` in the log's exact CSV format, via ``store.write_tables``.

    With the defaults this rebuilds the committed ``followup_kit/data/sample`` byte for byte.
    ``write_tables`` validates every row (follow-ups after their interview) first.
    """
    from .store import write_tables

    folder = Path(folder)
    write_tables(folder, *to_records(*generate(n_interviews, seed)))
    return folder


def own_log_or_sample(log: object | None = None) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The learner's log frames, or the sample's when that log has no interviews yet, and a sentence
    saying which one it is (notebook 03 shows it above the dashboard).

    ``log`` is an ``InterviewLog`` (default: ``data/my_log``, opened read-only: looking never writes).
    A log that cannot be read (a CSV damaged in a spreadsheet, say) also gets the sample, and the
    sentence gives the store's message, so notebook 03 runs on and says what to fix.
    """
    from .store import InterviewLog, LogFileError, open_sample_log

    log = InterviewLog(read_only=True) if log is None else log
    try:
        interviews, followups = log.interviews(), log.followups()
    except LogFileError as error:
        why = f"Your log could not be read ({str(error).rstrip('.')}), so this shows the synthetic sample"
        then = "Fix it"
    else:
        if len(interviews):
            count = plural(len(interviews), "interview")
            return interviews, followups, f"Showing your own log ({count} in {log.path})."
        why = f"Your log in {log.path} has no interviews yet, so this shows the synthetic sample"
        then = "Log your own"
    sample_log = open_sample_log()
    return (
        sample_log.interviews(),
        sample_log.followups(),
        f"{why} ({SAMPLE_INTERVIEWS} made-up interviews shipped with the kit). {then} and run this again.",
    )


@dataclass(frozen=True)
class Shown:
    """The log a view shows (``log``), whose it is in a few words (``whose``), a hint for the learner
    (``hint``, may be empty) and whether it is the synthetic sample (``is_sample``; then show it as of
    ``SAMPLE_NOW``)."""

    log: InterviewLog
    whose: str
    hint: str
    is_sample: bool


def open_log_or_sample(
    log: InterviewLog | None = None, *, demo: bool = False, fallback: bool = True
) -> Shown:
    """The learner's log (default: ``InterviewLog()``), or the sample when it is empty or cannot be read.

    ``demo`` always shows the sample; with ``fallback=False`` an unreadable log raises its
    ``LogFileError`` and an empty one is shown as it is.  What the plan view (notebook 02) opens.
    """
    from .store import InterviewLog, LogFileError, open_sample_log

    if demo:
        return Shown(open_sample_log(), "Demo mode: the synthetic sample log (read-only)", "", True)
    own = log if log is not None else InterviewLog()
    try:
        empty = len(own) == 0
    except LogFileError as error:
        if not fallback:
            raise
        return Shown(open_sample_log(), "The synthetic sample log (read-only)",
                     f"Your own log could not be read, so the sample is shown instead: {error}", True)
    if empty and fallback:
        return Shown(open_sample_log(), "Your log is empty, so this shows the synthetic sample (read-only)",
                     "Log an interview in notebook 01, then press Reload the log to see your own plan.", True)
    return Shown(own, "Your log", "", _is_sample(own))


def _is_sample(log: InterviewLog) -> bool:
    """True for the shipped sample opened read-only (``open_sample_log()``, or the sample passed in)."""
    return bool(log.read_only and log.path.resolve() == SAMPLE_DIR.resolve())


if __name__ == "__main__":  # python -m followup_kit.sample
    written = write_sample()
    print(f"Wrote the synthetic sample ({SAMPLE_INTERVIEWS} interviews, seed {SAMPLE_SEED}) to {written}")
