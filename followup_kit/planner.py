"""The sourced follow-up planner: what to do after one interview, when, to whom, and why.

``plan_followups`` turns an ``Interview`` (and the follow-ups already logged for
it) into a list of ``Step``\\ s.  Every step names the rule it comes from
(``RULES``), and every rule names its sources (``sources.SOURCES`` ids), so the
learner always sees *where* a piece of advice comes from.  Where the sources
disagree, ``disagreements()`` shows the choice made here next to the
alternatives, rather than hiding it.

Timing choices (all times naive wall-clock times in the learner's zone; business days are those of
the learner's working week less their country's public holidays, see ``place.Place``):

* Thank-you note: one per interviewer, due 24 hours after ``held_at``
  (seed 000, Accountemps, TopResume).  Sources that allow 24-48 hours are listed
  in ``disagreements()``.
* Optional handwritten card: mailed the interview day, by 18:00 (a usual last
  post collection); if the interview runs past 18:00 (we assume interviews last
  an hour) by 23:59 (seed 001, seed 004).
* No decision date known: an optional step "ask for their time frame and whom
  to contact" due with the thank-you (seed 002).  It is optional because the
  natural place for the question is the thank-you email itself; it is done as
  soon as an ``extra_info`` follow-up is logged, and skipped once the learner
  records a decision date (kept as skipped, so a calendar export cancels it).
* Status call (one only, seed 003), whichever timing the employer gave:

  - ``decision_by``: 09:30 that morning (seed 004);
  - ``decision_in_business_days`` N: 16:00 on the N-th business day after the
    interview (seed 001), days outside the working week, the country's public holidays (the
    ``holidays`` package) and the given ``holidays`` skipped
    (numpy's ``busday_offset``, counting as ``pandas.offsets.CustomBusinessDay`` counts).
    N = 0 ("you'll hear today") is 16:00 on the interview day, or the first business
    day after it when the interview day is not a business day;
  - neither: 10:00 one week after the interview (seed 003), moved to the next
    business day when that is a weekend or holiday.

  If both dates are given, ``decision_by`` wins (the employer's own date).  A
  decision day on a weekend or holiday moves to the next business day.  A call
  is never planned less than an hour after the interview started: such a slot
  moves to the same time on the next business day.
  The call goes to ``agency_contact`` (seed 004), else ``contact``, else the
  first interviewer, else "the hiring manager".
* ``calls="seed004"`` adds an optional second try at 14:30 on the decision day
  (only on the ``decision_by`` path, which is what seed 004 describes); it
  stays open while the first status check has no ``response_at`` and is
  skipped once a response is recorded.
* Outcome known: "rejected" adds a feedback-request call, "offer" a rapport
  call.  Both are due soon after you heard: 17:00 that day when you heard
  before 16:00 on a business day, else 10:00 the next business day (Clayton
  Legal's "within 24 hours"; McQuaig's "same day, 48 hours at most").  "When you
  heard" is the latest ``response_at`` logged for the interview, or ``now`` when
  none is logged (log the reply's time as ``response_at`` to pin it).
  Every waiting-phase step not yet done (thank-you, card, time frame, status
  calls) becomes "skipped" once the outcome is not "pending".

Status of a step, judged against the logged follow-ups and ``now``: "done"
when a matching follow-up exists, "skipped" as above, "overdue" when ``now``
is past ``due``, "due" when ``due`` is later today, "upcoming" otherwise.
Matching: a thank-you follow-up (any channel) to an interviewer satisfies that
interviewer's thank-you step, matching ``to`` by name case-insensitively (all the
words of the shorter name must appear in the longer, so "Dana" matches "Dana
Whitfield"); a thank-you whose ``to`` names no interviewer satisfies the first
still-open thank-you step.  A card (channel "card") also satisfies the
optional card step.  Any ``status_check`` follow-up (call, voicemail, email…)
counts as the one status check.

Missed steps: nothing in a plan expires, so a log kept for months has open
steps that are long past.  ``split_missed`` splits a queue into the steps still
worth acting on and the *missed* ones, each past its own window
(``MISSED_WINDOWS``, rule ``missed_after_its_window``): a thank-you after a week
(CareerBuilder 2005: employers expect it within 2 to 5 days), a status call
after 3 weeks (Glassdoor: 24 to 28 days to hire; Jobcase chases 2-3 weeks), a
feedback or offer call after 2 weeks.  Views list the first and count
the second in one line (``missed_note``), so the learner is told, not nagged.

A call logged after the interview is for ``call_purpose(outcome)``: a status
check while waiting, a feedback request after a rejection, the rapport call
after an offer (seed 003).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

from . import wording
from .place import Place
from .place import now as clock_now
from .records import (
    FOLLOWUP_FIELDS,
    INTERVIEW_FIELDS,
    FollowUp,
    Interview,
    ValidationError,
    is_email,
)
from .sources import cite, quote

if TYPE_CHECKING:  # pandas is imported where a frame is made or read: planning one interview needs none
    import pandas as pd

__all__ = [
    "CALL_OPTIONS",
    "DISAGREEMENTS",
    "MISSED_AFTER",
    "MISSED_WINDOWS",
    "NEXT_EXERCISE",
    "NUDGE_COLUMNS",
    "OUTCOME_CALL_PURPOSE",
    "RULES",
    "STATUSES",
    "NextStep",
    "Rule",
    "Step",
    "awaiting_reply",
    "business_day_after",
    "call_purpose",
    "disagreements",
    "followup_from_row",
    "interview_from_row",
    "is_missed",
    "later_rounds",
    "missed_note",
    "missed_window",
    "next_recipient",
    "next_step_after",
    "nudge_queue",
    "open_steps",
    "plan_followups",
    "recipients",
    "rules_table",
    "second_call_warning",
    "second_thank_you_warning",
    "split_missed",
    "steps_table",
]

STATUSES = ("done", "due", "overdue", "upcoming", "skipped")
CALL_OPTIONS = ("one", "seed004")

#: How long after the interview the thank-you note is due (seed 000: "within twenty (24) hours").
THANK_YOU_WITHIN = timedelta(hours=24)
#: Post the card by this time on the interview day; later interviews post by LATE_POST.
CARD_POST_BY = time(18, 0)
LATE_POST = time(23, 59)
#: We assume an interview lasts this long (for the card's last post).
INTERVIEW_LENGTH = timedelta(hours=1)
#: "Toward the end of the Nth business day" (seed 001).
END_OF_DAY_CALL = time(16, 0)
#: "Call once in the morning on Friday, and once in the afternoon" (seed 004).
MORNING_CALL = time(9, 30)
AFTERNOON_RETRY = time(14, 30)
#: "A week after your interview" (seed 003).
ONE_WEEK = timedelta(days=7)
ONE_WEEK_CALL = time(10, 0)
#: After an outcome: the same day by 17:00 if you heard before 16:00, else the next business day 10:00.
SAME_DAY_BY = time(17, 0)
SAME_DAY_IF_BEFORE = time(16, 0)
NEXT_DAY_CALL = time(10, 0)
#: Return an offer call within this (McQuaig: "48 hours at most"); later that working day before this.
OFFER_LIMIT = timedelta(hours=48)
LATEST_SAME_DAY = time(20, 0)
#: The window of a step whose purpose has none of its own in ``MISSED_WINDOWS``.
MISSED_AFTER = timedelta(days=14)
#: What a call after the outcome is for (seed 003); while waiting, a call is a status check.
OUTCOME_CALL_PURPOSE = {"rejected": "feedback_request", "offer": "rapport"}


# -- rules ------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One rule the planner applies, in a sentence a learner reads, with its sources."""

    id: str
    summary: str
    source_ids: tuple[str, ...]

    @property
    def source(self) -> str:
        """The sources for display, e.g. "seed 001 (001_19ce361d3e07b2b6.txt)"."""
        return cite(*self.source_ids)


RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "thank_you_email",
            "Email a separate, short thank-you note to each interviewer within 24 hours of the interview "
            "(employers themselves expect it within 2 to 5 days, CareerBuilder 2005).",
            ("seed000", "seed001", "accountemps2017", "topresume2017", "careerbuilder2005",
             "model_thank_you"),
        ),
        Rule(
            "thank_you_card",
            "Optionally, also mail a handwritten thank-you card to each interviewer on the interview day "
            "(by 18:00, or 23:59 if the interview runs past 18:00: our choice of a last post time).",
            ("seed001", "seed004", "workbook"),
        ),
        Rule(
            "ask_time_frame",
            "If they gave no decision date, ask for their time frame and whom to contact "
            "(in your thank-you email), and ask before you leave next time.",
            ("seed002",),
        ),
        Rule(
            "status_call_business_days",
            "If they said you'd hear in N business days, call toward the end (16:00) of the N-th "
            "business day after the interview, counting your working week and skipping your country's "
            "public holidays (set in notebook 00).",
            ("seed001",),
        ),
        Rule(
            "status_call_decision_day",
            "If they named a decision date, call once that morning at 09:30.",
            ("seed004",),
        ),
        Rule(
            "status_call_not_too_soon",
            "Never call on the day of the interview or before your thank-you is due: when their date is "
            "that close (\"we decide today\", \"by tomorrow\"), call at 09:30 on the first working day "
            "after their date that is past the thank-you deadline.",
            ("seed004", "timings"),
        ),
        Rule(
            "status_call_retry_seed004",
            "Only with the seed 004 option: if they still haven't got back to you by the afternoon, call "
            "once more at 14:30 the same day, and no more.",
            ("seed004",),
        ),
        Rule(
            "status_call_one_week",
            "If they gave no date, call one week after the interview at 10:00 (the next working day "
            "if that is a weekend or one of your country's public holidays).",
            ("seed003",),
        ),
        Rule(
            "one_call",
            "Make only one status call: once any status check is logged, no further call is planned.",
            ("seed003",),
        ),
        Rule(
            "call_agency",
            "Through an agency, call your staffing manager; otherwise your contact, else the first "
            "interviewer.",
            ("seed004",),
        ),
        Rule(
            "invited_back",
            "Once you are invited to another round, that round's status call is no longer needed: the "
            "next round gets its own plan, and nothing of this round is left overdue.",
            ("workbook",),
        ),
        Rule(
            "feedback_request",
            "After a rejection, call within a day of hearing to ask for feedback: one or two specific "
            "questions, framed as your development.",
            ("seed003", "model_feedback", "feedback_timing"),
        ),
        Rule(
            "offer_rapport_call",
            "After an offer, call the same day if you can (48 hours at most) to thank them and build "
            "rapport before your first day.",
            ("seed003", "mcquaig", "model_offer"),
        ),
        Rule(
            "agency_offer_call",
            "Through an agency, the agency handles the offer: return your staffing manager's call the "
            "same day if you can (48 hours at most); the rapport call with your new manager comes after.",
            ("seed004", "mcquaig", "workbook"),
        ),
        Rule(
            "missed_after_its_window",
            "A step long past its time is counted as missed instead of listed, each after its own window: "
            "a thank-you after a week (employers expect it within 2 to 5 days), a status call after "
            "3 weeks (hiring takes 24 to 28 days on average; Jobcase chases for 2-3 weeks), a feedback "
            "call after 2 weeks (then ask in writing), an offer call after 2 weeks.",
            ("careerbuilder2005", "glassdoor2017", "timings", "feedback_timing"),
        ),
        Rule(
            "skip_after_outcome",
            "Once the outcome is known, the waiting-phase steps not yet done (thank-you, card, status "
            "call) are skipped: you can move on.",
            ("seed003",),
        ),
    )
}

_STATUS_CALL_RULES = ("status_call_business_days", "status_call_decision_day", "status_call_one_week",
                      "status_call_not_too_soon", "status_call_retry_seed004", "ask_time_frame")
_WAITING_RULES = ("thank_you_email", "thank_you_card", *_STATUS_CALL_RULES)
#: How long after its due time a step is still worth doing (rule missed_after_its_window).
MISSED_WINDOWS: dict[str, timedelta] = {
    "thank_you": timedelta(days=7),
    "extra_info": timedelta(days=7),
    "status_check": timedelta(days=21),
    "feedback_request": timedelta(days=14),
    "rapport": timedelta(days=14),
}

#: Where the sources disagree: the choice made here, the alternatives, and where each comes from.
DISAGREEMENTS: tuple[dict[str, str], ...] = (
    {
        "topic": "When to send the thank-you",
        "choice": "Within 24 hours of the interview.",
        "rule": "thank_you_email",
        "alternatives": "24-48 hours (UTSA, St. Olaf); employers surveyed expect it within 2 days (26%) "
        "or 3-5 days (36%) (CareerBuilder 2005). Seed 001 says email from your phone straight after; "
        "UTSA advises against sending from your phone as you leave.",
        "sources": cite("seed000", "seed001", "accountemps2017", "careerbuilder2005", "timings"),
    },
    {
        "topic": "Email or handwritten",
        "choice": "An email to each interviewer is the step; a handwritten card the same day is optional, "
        "and a card alone also counts as the thank-you.",
        "rule": "thank_you_email, thank_you_card",
        "alternatives": "Paper unless time is short (Harvard Law OPIA); handwritten has the most impact "
        "(St. Olaf, seed 004); handwrite only if the decision is a week or more away (Lawrence). "
        "Surveys moved from handwritten (2007) to email (2011-17); text is rarely accepted (4-10%).",
        "sources": cite("seed001", "seed004", "accountemps2017", "timings"),
    },
    {
        "topic": "Status call when no date was given",
        "choice": "One week after the interview, 10:00.",
        "rule": "status_call_one_week",
        "alternatives": "At least 5 business days (Indeed US); 5-7 business days (Indeed Canada); "
        "1-2 weeks (CareerOneStop); about 2 weeks (SWOSU, Parkland College).",
        "sources": cite("seed003", "timings"),
    },
    {
        "topic": "Status call when a date was given",
        "choice": "The decision day itself, 09:30 (seed 004); for 'in N business days', toward the end "
        "of day N, 16:00 (seed 001).",
        "rule": "status_call_decision_day, status_call_business_days",
        "alternatives": "The next morning (Jobcase); 1-2 business days after (Indeed); 2-3 days after "
        "(Brainfuse, All Star Career Services); a week or more after (St. Olaf, UC Davis GSM, which "
        "notes interviewers are usually over-optimistic about timelines).",
        "sources": cite("seed004", "seed001", "timings"),
    },
    {
        "topic": "When their date is very close (today, tomorrow)",
        "choice": "Never on the interview day nor before your thank-you is due: 09:30 on the first working "
        "day after their date that is past the thank-you deadline.",
        "rule": "status_call_not_too_soon",
        "alternatives": "Seed 004: the morning of their date (for 'by the end of the week'), while warning "
        "not to call too soon; the next morning (Jobcase); 1-2 business days after (Indeed); 2-3 days "
        "after (Brainfuse, All Star Career Services).",
        "sources": cite("seed004", "timings"),
    },
    {
        "topic": "How many calls",
        "choice": "One call (seed 003). With calls='seed004', one more try at 14:30 on the decision day "
        "if they still haven't got back to you.",
        "rule": "one_call, status_call_retry_seed004",
        "alternatives": "Seed 004: once in the morning, once in the afternoon; two at most, at least 3 "
        "business days apart (do2learn, Parkland College); weekly for 2-3 weeks (Jobcase).",
        "sources": cite("seed003", "seed004", "timings"),
    },
    {
        "topic": "When to ask for feedback after a rejection",
        "choice": "By phone within a day of hearing: 17:00 that day, or 10:00 the next business day.",
        "rule": "feedback_request",
        "alternatives": "During the rejection call or within 24 hours (Clayton Legal); about 2 weeks "
        "later, in writing, because phone feedback is less candid (Lisa B. Marshall); phone requests get "
        "more useful answers (mumsemployability).",
        "sources": cite("seed003", "model_feedback", "feedback_timing"),
    },
    {
        "topic": "Whom to call",
        "choice": "Your agency's staffing manager if you applied through one (seed 004), else your "
        "contact, else the first interviewer.",
        "rule": "call_agency",
        "alternatives": "Skip HR and go to the hiring manager, or ask the recruiter or HR first: "
        "sources disagree.",
        "sources": cite("seed004", "mistakes"),
    },
)


def rules_table() -> pd.DataFrame:
    """Every rule the planner applies, for the learner: columns rule_id, rule, source."""
    import pandas as pd

    return pd.DataFrame(
        {
            "rule_id": [r.id for r in RULES.values()],
            "rule": [r.summary for r in RULES.values()],
            "source": [r.source for r in RULES.values()],
        }
    )


def disagreements() -> pd.DataFrame:
    """Where sources disagree: columns topic, choice, rule, alternatives, sources."""
    import pandas as pd

    return pd.DataFrame(list(DISAGREEMENTS), columns=["topic", "choice", "rule", "alternatives", "sources"])


# -- steps ------------------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """One planned follow-up: what to do, when, to whom, under which rule and source, and its status."""

    due: datetime
    action: str
    purpose: str
    channel: str
    to: str
    rule: str
    source: str
    status: str
    why: str
    optional: bool = False
    interview_id: str | None = None
    done_by: str | None = None  # the id of the follow-up that satisfied it, when known
    done_at: datetime | None = None  # when that follow-up happened
    note: str = ""  # an alternative the sources offer, or a hint

    @property
    def is_open(self) -> bool:
        """True while the step still needs doing (due, overdue or upcoming)."""
        return self.status in ("due", "overdue", "upcoming")

    def to_dict(self) -> dict[str, Any]:
        """The fields as plain values, in declaration order."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def steps_table(steps: Iterable[Step]) -> pd.DataFrame:
    """Steps as a DataFrame (one row each, one column per ``Step`` field), for display."""
    import pandas as pd

    columns = list(Step.__dataclass_fields__)
    frame = pd.DataFrame([s.to_dict() for s in steps], columns=columns)
    frame["due"] = pd.to_datetime(frame["due"]).astype("datetime64[us]")
    frame["done_at"] = pd.to_datetime(frame["done_at"]).astype("datetime64[us]")
    return frame


@dataclass
class _Draft:
    """A step before its status is known (done/skipped are filled in by the matching)."""

    due: datetime
    action: str
    purpose: str
    channel: str
    to: str
    rule: str
    why: str
    optional: bool = False
    note: str = ""
    done_by: str | None = None
    done_at: datetime | None = None
    skipped: bool = False


# -- business days ----------------------------------------------------------------


@dataclass(frozen=True)
class _Calendar:
    """The working days a plan counts in: the learner's working week, their public holidays (from
    ``Place.holidays``, i.e. the ``holidays`` package) and any explicit ``holidays`` dates."""

    offset: _WorkingDays
    words: str
    names: dict[date, str]
    region: str | None = None
    workweek: str = "Mon–Fri"

    def nth(self, day: date, n: int) -> date:
        """The n-th working day after ``day`` (n = 0: ``day`` itself, rolled forward to a working day)."""
        return self.offset.nth(day, n)

    def roll(self, day: date) -> date:
        """``day`` when it is a working day, else the first working day after it."""
        return self.offset.roll(day)

    def next(self, day: date) -> date:
        """The first working day after ``day``."""
        return self.offset.nth(day, 1)

    def is_working(self, day: date) -> bool:
        """True when ``day`` is a working day in this calendar."""
        return self.offset.is_working(day)

    def why_off(self, day: date) -> str:
        """Why ``day`` is no working day, for the learner: "Fri 25 Dec is Christmas Day, a public
        holiday in England" or "Sat 5 Dec is outside the working week (Mon–Fri)"."""
        name = self.names.get(day)
        if name and self.region and name != _GIVEN:
            return f"{wording.day(day)} is {name}, a public holiday in {self.region}"
        if name:
            return f"{wording.day(day)} is {name}"
        return f"{wording.day(day)} is outside the working week ({self.workweek})"


_GIVEN = "a holiday you gave"


def _calendar(
    holidays: Iterable[date] = (),
    *,
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
    years: Iterable[int] = (),
) -> _Calendar:
    """The calendar for a plan: ``country``/``subdivision`` holidays in ``years`` plus explicit dates."""
    place = Place(country=country, subdivision=subdivision, workweek=workweek)
    names = place.holidays(years) if country else {}
    extra = {_as_date(h) for h in holidays}
    for day in extra:
        names.setdefault(day, _GIVEN)
    words = place.calendar_words()
    if extra and not country:
        words = f"{workweek}, skipping the {wording.plural(len(extra), 'holiday')} given"
    elif extra:
        words += f" and the {wording.plural(len(extra), 'holiday')} given"
    return _Calendar(_offset(place.weekmask, tuple(sorted(names))), words, names, place.region, workweek)


@dataclass(frozen=True)
class _WorkingDays:
    """Business-day arithmetic by numpy's ``busday_offset`` over a ``busdaycalendar`` (weekmask and
    holidays), counting as ``pandas.offsets.CustomBusinessDay`` does (a test compares the two): planning
    an interview (notebook 01's next step) then needs no pandas in the kernel, only numpy, which notebook
    01 loads anyway (openpyxl imports it for the tracker template)."""

    calendar: Any  # numpy.busdaycalendar; None for a week with no working day

    def is_working(self, day: date) -> bool:
        """True when ``day`` is in the working week and no holiday."""
        import numpy as np

        return self.calendar is not None and bool(np.is_busday(day, busdaycal=self.calendar))

    def roll(self, day: date) -> date:
        """``day`` when it is a working day, else the first working day after it."""
        return self.nth(day, 0)

    def nth(self, day: date, n: int) -> date:
        """``day + n * CustomBusinessDay``: n = 0 rolls forward; for n > 0 a day off first rolls back,
        so one step from a Saturday is Monday, as pandas counts."""
        import numpy as np

        if self.calendar is None:
            raise ValidationError("working week", "at least one working day", "none")
        moved = np.busday_offset(day, n, roll="forward" if n == 0 else "backward", busdaycal=self.calendar)
        return moved.astype(date)


@lru_cache(maxsize=256)
def _offset(weekmask: str, days: tuple[date, ...]) -> _WorkingDays:
    if not weekmask.split():
        return _WorkingDays(None)
    import numpy as np

    return _WorkingDays(np.busdaycalendar(weekmask=weekmask, holidays=list(days)))


def _years(*moments: date) -> range:
    """The years a plan can touch: from the year before the first moment to the year after the last."""
    years = [m.year for m in moments]
    return range(min(years) - 1, max(years) + 2)


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    import pandas as pd  # a string or a numpy/pandas value: pandas reads every form it did before

    return pd.Timestamp(value).date()


def business_day_after(
    day: date,
    n: int,
    holidays: Iterable[date] = (),
    *,
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
) -> date:
    """The n-th business day after ``day``: days outside ``workweek``, ``country``'s (and
    ``subdivision``'s) public holidays and the given ``holidays`` are skipped.

    Counting starts the day after ``day``: Friday + 3 is Wednesday.  ``n = 0`` is
    ``day`` itself when it is a business day, else the first business day after it.
    """
    if n < 0:
        raise ValidationError("business days", "zero or more", n)
    cal = _calendar(holidays, country=country, subdivision=subdivision, workweek=workweek,
                    years=_years(day, day + timedelta(days=2 * n + 14)))
    return cal.nth(day, n)


# -- matching follow-ups ------------------------------------------------------------


def _words(name: str) -> list[str]:
    return "".join(ch if ch.isalnum() else " " for ch in name.casefold()).split()


def _same_person(a: str, b: str) -> bool:
    """Names match when all the words of the shorter appear in the longer ("Dana" ~ "Dana Whitfield")."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    short, long = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return all(word in long for word in short)


_fmt = wording.day_and_time
_fmt_day = wording.day


def _followup_pairs(followups: Any) -> list[tuple[str | None, FollowUp]]:
    """Accept FollowUps, (id, FollowUp) pairs, or the log's DataFrame; give (id or None, FollowUp)."""
    if followups is None:
        return []
    if _is_frame(followups):
        return [(_row_id(row), followup_from_row(row)) for _, row in followups.iterrows()]
    pairs: list[tuple[str | None, FollowUp]] = []
    for item in followups:
        if isinstance(item, FollowUp):
            pairs.append((None, item))
        elif isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], FollowUp):
            pairs.append((None if item[0] is None else str(item[0]), item[1]))
        else:
            raise ValidationError("followups", "FollowUp records or (id, FollowUp) pairs", item)
    return pairs


def _mark_done(draft: _Draft, fid: str | None, fu: FollowUp) -> None:
    draft.done_by, draft.done_at = fid, fu.at


def _match_thank_yous(drafts: list[_Draft], pairs: list[tuple[str | None, FollowUp]],
                      interviewers: list[str]) -> None:
    """Mark thank-you (and card) steps done from the logged thank-you follow-ups (see module doc)."""
    notes = [d for d in drafts if d.rule == "thank_you_email"]
    cards = [d for d in drafts if d.rule == "thank_you_card"]
    thanks = sorted((p for p in pairs if p[1].purpose == "thank_you"), key=lambda p: p[1].at)
    unmatched: list[tuple[str | None, FollowUp]] = []
    for fid, fu in thanks:
        if not any(_same_person(fu.to, name) for name in interviewers):
            unmatched.append((fid, fu))
            continue
        for group in (notes, cards) if fu.channel == "card" else (notes,):
            for draft in group:
                if draft.done_at is None and _same_person(fu.to, draft.to):
                    _mark_done(draft, fid, fu)
                    break
    for fid, fu in unmatched:
        for group in (notes, cards) if fu.channel == "card" else (notes,):
            for draft in group:
                if draft.done_at is None:
                    _mark_done(draft, fid, fu)
                    break


# -- the planner --------------------------------------------------------------------


def _on(phone: str | None) -> str:
    return f" on {phone}" if phone else ""


def _contact_name(interview: Interview) -> str:
    """The contact's name; an old log may hold an email address there, which is not a name."""
    return "" if is_email(interview.contact) else interview.contact


def _call_target(interview: Interview) -> tuple[str, str, str]:
    """Whom to call, " on <their phone>" when known, and a phrase for ``why`` (seed 004: through an
    agency, your staffing manager)."""
    if interview.agency_contact:
        return interview.agency_contact, _on(interview.agency_phone), (
            f" You applied through an agency, so call {interview.agency_contact}, your staffing manager "
            "(seed 004)."
        )
    name = _contact_name(interview)
    if name:
        return name, _on(interview.contact_phone), ""
    if interview.interviewers:
        return interview.interviewers[0], _on(interview.contact_phone), ""
    return "the hiring manager", _on(interview.contact_phone), ""


def _manager(interview: Interview) -> tuple[str, str]:
    """The person at the employer (not the agency): the contact, else the first interviewer."""
    name = _contact_name(interview)
    if name:
        return name, _on(interview.contact_phone)
    if interview.interviewers:
        return interview.interviewers[0], ""
    return "your new manager", ""


def _not_too_soon(due: datetime, held: datetime, stated: date, cal: _Calendar) -> tuple[datetime, str]:
    """A status call is never due on the interview day nor before the thank-you is: such a slot moves to
    09:30 on the first working day after the stated date that is past the thank-you deadline (Jobcase's
    next morning; seed 004: don't call too soon).  Returns the slot and why it moved ("" if it did not).
    """
    thank_due = held + THANK_YOU_WITHIN
    if due.date() > held.date() and due >= thank_due:
        return due, ""
    slot = datetime.combine(cal.next(max(stated, held.date())), MORNING_CALL)
    while slot < thank_due:
        slot = datetime.combine(cal.next(slot.date()), MORNING_CALL)
    if due.date() == held.date():
        reason = "on the day of the interview"
    else:
        reason = f"before your thank-you is due ({_fmt(thank_due)})"
    return slot, reason


def _too_soon_why(said: str, reason: str, slot: datetime, via_agency: str) -> str:
    return (
        f"They said {said}. A call then would come {reason}, which is too soon (seed 004: don't call too "
        f"soon), so call the morning after their date, {_fmt(slot)} (Jobcase: the next morning).{via_agency}"
    )


def _status_drafts(interview: Interview, cal: _Calendar, calls: str) -> list[_Draft]:
    """The one status call (plus the seed 004 retry when asked for), from whichever date they gave."""
    held = interview.held_at
    who, on, via_agency = _call_target(interview)
    role = interview.role
    action = f"Call {who}{on} for a status check on the {role} role"
    one_call = "Seed 003: only make one call; have one sensible question ready."
    drafts: list[_Draft] = []
    if interview.decision_by is not None:
        stated = interview.decision_by
        day = cal.roll(stated)
        morning = datetime.combine(day, MORNING_CALL)
        due, reason = _not_too_soon(morning, held, stated, cal)
        moved = ""
        if day != stated:
            moved = f"; {cal.why_off(stated)}, so {_fmt_day(day)}"
        said = f"they'd decide by {_fmt_day(stated)}{moved}"
        if reason:
            drafts.append(_Draft(due, action, "status_check", "call", who, "status_call_not_too_soon",
                                 _too_soon_why(said, reason, due, via_agency), note=one_call))
        else:
            drafts.append(_Draft(
                due, action, "status_check", "call", who, "status_call_decision_day",
                f"They said {said}; seed 004: call that morning.{via_agency}",
                note=(
                    "Seed 004 would allow one more try that afternoon if they still haven't got back to "
                    "you; seed 003 says only one call, which this plan follows (choose calls='seed004' for "
                    "the retry). Other sources wait a day or more after the date (Indeed, St. Olaf)."
                    if calls == "one" else one_call
                ),
            ))
        if calls == "seed004":
            drafts.append(_Draft(
                datetime.combine(due.date(), max(AFTERNOON_RETRY, due.time())),
                f"If they still haven't got back to you, call {who}{on} once more",
                "status_check", "call", who, "status_call_retry_seed004",
                "Seed 004: call once in the morning and once in the afternoon if they still haven't gotten "
                "back to you; anything more risks being taken out of consideration.",
                optional=True,
                note="Seed 003 disagrees: only make one call. Skipped once they get back to you.",
            ))
    elif interview.decision_in_business_days is not None:
        n = interview.decision_in_business_days
        day = cal.nth(held.date(), n)
        end_of_day = datetime.combine(day, END_OF_DAY_CALL)
        due, reason = _not_too_soon(end_of_day, held, day, cal)
        said = "today" if n == 0 else f"in {wording.plural(n, 'business day')}"
        which = "that business day" if n == 0 else f"the {_ordinal(n)} business day after the interview"
        if reason:
            drafts.append(_Draft(due, action, "status_check", "call", who, "status_call_not_too_soon",
                                 _too_soon_why(f"you'd hear {said}", reason, due, via_agency),
                                 note=one_call))
        else:
            drafts.append(_Draft(
                due, action, "status_check", "call", who, "status_call_business_days",
                f"They said you'd hear {said}; seed 001: call toward the end of {which} ({cal.words})."
                f"{via_agency}",
                note="Other sources wait longer: 1-2 business days after (Indeed), a week or more "
                "(St. Olaf). " + one_call,
            ))
    else:
        week_on = held.date() + ONE_WEEK
        day = cal.roll(week_on)
        due = datetime.combine(day, ONE_WEEK_CALL)
        moved = ""
        if day != week_on:
            moved = f" {cal.why_off(week_on)}, so {_fmt_day(day)}, the next working day."
        drafts.append(_Draft(
            due, action, "status_check", "call", who, "status_call_one_week",
            f"No decision date was given; seed 003: call if you haven't heard a week after the interview."
            f"{moved}{via_agency}",
            note="Other sources wait 5 business days (Indeed) to 2 weeks (SWOSU, Parkland). " + one_call,
        ))
    return drafts


def _soon_after(moment: datetime, cal: _Calendar) -> datetime:
    """17:00 the same business day if it is before 16:00, else 10:00 the next business day."""
    day = moment.date()
    if cal.is_working(day) and moment.time() < SAME_DAY_IF_BEFORE:
        return datetime.combine(day, SAME_DAY_BY)
    return datetime.combine(cal.next(day), NEXT_DAY_CALL)


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _heard(interview: Interview, pairs: list[tuple[str | None, FollowUp]]) -> tuple[datetime, str]:
    """When the learner heard the outcome, and how the step says so.

    ``outcome_at`` (saved with the outcome), else their latest logged reply, else the latest thing
    logged for the interview: a fixed time, so the step goes overdue and missed like any other.
    """
    if interview.outcome_at is not None:
        return interview.outcome_at, f"you heard on {_fmt(interview.outcome_at)}"
    responses = [fu.response_at for _, fu in pairs if fu.response_at is not None]
    if responses:
        return max(responses), f"their reply came on {_fmt(max(responses))}"
    latest = max([interview.held_at, *(fu.at for _, fu in pairs)])
    return latest, (
        f"no time was logged for when you heard, so this counts from {_fmt(latest)}; save the outcome "
        "with its time in notebook 01"
    )


def _offer_due(heard: datetime, cal: _Calendar) -> datetime:
    """Return an offer call the same day if possible, 48 hours at most (McQuaig): 17:00 when heard
    before 16:00 on a working day, an hour later when heard later that working day (before 20:00),
    else 10:00 the next working day, or the next day when a working day is further than 48 hours."""
    limit = heard + OFFER_LIMIT
    if cal.is_working(heard.date()):
        if heard.time() < SAME_DAY_IF_BEFORE:
            return datetime.combine(heard.date(), SAME_DAY_BY)
        if heard.time() < LATEST_SAME_DAY:
            return heard + timedelta(hours=1)
    following = datetime.combine(cal.next(heard.date()), NEXT_DAY_CALL)
    if following <= limit:
        return following
    return datetime.combine(heard.date() + timedelta(days=1), NEXT_DAY_CALL)


def _outcome_drafts(interview: Interview, pairs: list[tuple[str | None, FollowUp]],
                    cal: _Calendar) -> list[_Draft]:
    """Feedback request after a rejection, the calls after an offer (seed 003; seed 004 via an agency)."""
    if interview.outcome not in ("rejected", "offer"):
        return []
    heard, heard_text = _heard(interview, pairs)
    who, on, via_agency = _call_target(interview)
    if interview.outcome == "rejected":
        return [_Draft(
            _soon_after(heard, cal), f"Call {who}{on} to ask for feedback on your interview",
            "feedback_request", "call", who, "feedback_request",
            f"Seed 003: a call after a rejection gets feedback for next time, and a runner-up may be "
            f"called if the chosen candidate does not work out; Clayton Legal: within 24 hours "
            f"({heard_text}).{via_agency}",
            note="Lisa B. Marshall suggests asking about 2 weeks later in writing instead. "
            "Thank them, accept the decision in a line, ask one or two specific questions.",
        )]
    due = _offer_due(heard, cal)
    latest = f"Return the call by {_fmt(heard + OFFER_LIMIT)} at the latest (McQuaig: 48 hours at most)."
    writing = " Ask their deadline and for the offer in writing; you don't have to accept on the spot."
    if interview.agency_contact:
        manager, manager_on = _manager(interview)
        rapport_due = max(datetime.combine(cal.next(due.date()), NEXT_DAY_CALL), due)
        return [
            _Draft(
                due, f"Call {who}{on} (your staffing manager) about the offer", "rapport", "call", who,
                "agency_offer_call",
                f"You applied through an agency, so the agency handles the offer and its terms: return "
                f"{who}'s call first (seed 004: through an agency, call your staffing manager; McQuaig: "
                f"same day if possible) ({heard_text}).",
                note=latest + writing,
            ),
            _Draft(
                rapport_due, f"Call {manager}{manager_on} to thank them and build rapport before your "
                "first day", "rapport", "call", manager, "offer_rapport_call",
                "Seed 003: after an offer, a call builds rapport with your new boss before your first day. "
                f"Ask {who} first whether a direct call is welcome.",
            ),
        ]
    return [_Draft(
        due, f"Call {who}{on} to thank them for the offer and build rapport", "rapport", "call", who,
        "offer_rapport_call",
        f"Seed 003: the call builds rapport with your new boss before your first day; McQuaig: same day "
        f"if possible, 48 hours at most ({heard_text}).",
        note=latest + writing,
    )]


def plan_followups(
    interview: Interview,
    followups: Iterable[FollowUp] | Iterable[tuple[str, FollowUp]] | pd.DataFrame = (),
    now: datetime | None = None,
    *,
    calls: Literal["one", "seed004"] = "one",
    holidays: Iterable[date] = (),
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
    interview_id: str | None = None,
    later_round: int | None = None,
) -> list[Step]:
    """The sourced follow-up steps for one interview, sorted by due time, each with its status.

    ``followups`` are those already logged (FollowUps, (id, FollowUp) pairs, or the log's
    DataFrame); when ``interview_id`` is given, follow-ups for other interviews are ignored.
    ``calls="seed004"`` adds seed 004's afternoon retry on the decision day.  Business days are
    those of ``workweek`` (a key of ``place.WORKWEEKS``); when ``country`` is given, that country's
    (and ``subdivision``'s) public holidays are skipped like weekends, and so are the explicit
    ``holidays`` dates.  The rules and their sources are in ``RULES``; the step texts name the
    calendar used.  ``now`` defaults to the kit's clock (``place.now``).  ``later_round`` is the
    round number of a later interview of the same process (``nudge_queue`` finds it from
    ``previous_id``): this round's status calls are then skipped, as after the outcome "next_round".
    """
    if calls not in CALL_OPTIONS:
        raise ValidationError("calls", "one of " + ", ".join(CALL_OPTIONS), calls)
    now = _as_datetime(now) if now is not None else clock_now()
    cal = _calendar(holidays, country=country, subdivision=subdivision, workweek=workweek,
                    years=_years(interview.held_at, now, interview.decision_by or interview.held_at))
    pairs = _followup_pairs(followups)
    if interview_id is not None:
        pairs = [p for p in pairs if p[1].interview_id == str(interview_id)]
    held = interview.held_at
    people = list(interview.interviewers) or [_contact_name(interview) or "your interviewer"]

    drafts: list[_Draft] = []
    thank_due = held + THANK_YOU_WITHIN
    for name in people:
        drafts.append(_Draft(
            thank_due, f"Email a thank-you note to {name}", "thank_you", "email", name, "thank_you_email",
            "80% of US HR managers weigh thank-yous, yet only 24% of applicants send one (Accountemps "
            "2017); seed 000 says within 24 hours.",
            note="A separate note for each interviewer, about a paragraph: one specific point from the "
            "conversation (evidence pack §3 A). Employers are more patient than the rule: 26% expect a "
            "note within 2 days, 36% within 3-5 days (CareerBuilder 2005); some guides allow 24-48 hours.",
        ))
    runs_late = held + INTERVIEW_LENGTH > datetime.combine(held.date(), CARD_POST_BY)
    post_by = LATE_POST if runs_late else CARD_POST_BY
    for name in people:
        drafts.append(_Draft(
            datetime.combine(held.date(), post_by), f"Mail a handwritten thank-you card to {name}",
            "thank_you", "card", name, "thank_you_card",
            "Seed 001: mail a card to every interviewer the same day so it arrives in a couple of days; "
            "seed 004: a handwritten letter is what really impresses.",
            optional=True,
            note="Surveys moved from handwritten (2007) to email (2011-17); employers accept both.",
        ))
    first_contact = _contact_name(interview) or (interview.interviewers[0] if interview.interviewers
                                                 else "your interviewer")
    known = interview.decision_by is not None or interview.decision_in_business_days is not None
    drafts.append(_Draft(
        thank_due, f"Ask {first_contact} for their time frame and whom to contact", "extra_info", "email",
        first_contact, "ask_time_frame",
        "Seed 002: without their time frame you can only guess when to follow up; a follow-up call is "
        "easier when you were told whom to call.",
        optional=True,
        note=("Not needed: you logged when they decide. " if known else "")
        + "Put the question in your thank-you email; record their answer as the decision date. "
        "Next time, ask before you leave.",
        skipped=known,
    ))
    status_drafts = _status_drafts(interview, cal, calls)
    drafts.extend(status_drafts)

    # -- mark what is done --
    _match_thank_yous(drafts, pairs, people)
    extra = sorted((p for p in pairs if p[1].purpose == "extra_info"), key=lambda p: p[1].at)
    for draft in drafts:
        if draft.rule == "ask_time_frame" and extra:
            _mark_done(draft, *extra[0])
    checks = sorted((p for p in pairs if p[1].purpose == "status_check"), key=lambda p: p[1].at)
    if checks:  # seed 003: one call; any status check counts as it
        _mark_done(status_drafts[0], *checks[0])
    replied = any(fu.response_at is not None for _, fu in pairs)
    for draft in status_drafts[1:]:  # the seed 004 retry: only if they still haven't got back to you
        if len(checks) > 1:
            _mark_done(draft, *checks[1])
        elif replied:
            draft.skipped = True
            draft.note = "Skipped: they got back to you. " + draft.note

    if later_round is not None or interview.outcome == "next_round":
        which = f"round {later_round}" if later_round is not None else "another round"
        for draft in drafts:
            if draft.rule in _WAITING_RULES and draft.done_at is None:
                draft.skipped = True
                draft.note = (f"Skipped: you were invited to {which}, so nothing is pending for this one. "
                              + draft.note)
    if interview.outcome not in ("pending", "next_round"):
        for draft in drafts:
            if draft.rule in _WAITING_RULES and draft.done_at is None:
                draft.skipped = True
        outcome_drafts = _outcome_drafts(interview, pairs, cal)
        purpose = OUTCOME_CALL_PURPOSE.get(interview.outcome)
        done = sorted((p for p in pairs if p[1].purpose == purpose), key=lambda p: p[1].at)
        for draft in outcome_drafts:
            if done:
                _mark_done(draft, *done[0])
        drafts.extend(outcome_drafts)

    steps = [_finish(d, now, interview_id) for d in drafts]
    return sorted(steps, key=lambda s: s.due)


def _status(draft: _Draft, now: datetime) -> str:
    if draft.done_at is not None:
        return "done"
    if draft.skipped:
        return "skipped"
    if now > draft.due:
        return "overdue"
    if now.date() == draft.due.date():
        return "due"
    return "upcoming"


def _finish(draft: _Draft, now: datetime, interview_id: str | None) -> Step:
    return Step(
        due=draft.due,
        action=draft.action,
        purpose=draft.purpose,
        channel=draft.channel,
        to=draft.to,
        rule=draft.rule,
        source=RULES[draft.rule].source,
        status=_status(draft, now),
        why=draft.why,
        optional=draft.optional,
        interview_id=None if interview_id is None else str(interview_id),
        done_by=draft.done_by,
        done_at=draft.done_at,
        note=draft.note,
    )


# -- over-contact warning -------------------------------------------------------------


def call_purpose(outcome: str) -> str:
    """What a call made now is for: a feedback request after a rejection, the rapport call after an
    offer, else a status check (seed 003)."""
    return OUTCOME_CALL_PURPOSE.get(outcome, "status_check")



def second_call_warning(existing_followups: Any, new_followup: FollowUp) -> str | None:
    """The seed 003 warning when ``new_followup`` would be a second status check for its interview.

    ``existing_followups`` are FollowUps, (id, FollowUp) pairs or the log's DataFrame; only those
    for the same interview count.  Returns None when there is nothing to warn about.  Recording the
    follow-up anyway is allowed: the widget asks the learner to confirm.
    """
    if new_followup.purpose != "status_check":
        return None
    earlier = [
        fu for _, fu in _followup_pairs(existing_followups)
        if fu.interview_id == new_followup.interview_id and fu.purpose == "status_check"
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda fu: fu.at)
    count = len(earlier) + 1
    return (
        f"This would be status check number {count} for this interview (the last one: {last.channel} to "
        f"{last.to}, {_fmt(last.at)}). Seed 003 says: \u201c{quote('seed003', 'Only make one call.')}\u201d "
        f"({cite('seed003')}). Seed 004 allows one more try the same afternoon if they still haven't got "
        f"back to you ({cite('seed004')}). If they agreed that you check back on a given day, that agreed "
        "call is fine. Save it anyway?"
    )


def _thank_you_kind(channel: str) -> str:
    """A card is a thank-you of its own (rule thank_you_card); an email, a call or a voicemail is the note."""
    return "card" if channel == "card" else "note"


def second_thank_you_warning(existing_followups: Any, new_followup: FollowUp) -> str | None:
    """The question to ask when ``new_followup`` would thank the same person a second time the same way.

    The plan has one thank-you note to each interviewer and, optionally, one card to each (rules
    thank_you_email and thank_you_card, seed 001).  A second note (or a second card) to a person already
    thanked that way for this interview, by name as the planner matches names ("Dana" ~ "Dana
    Whitfield"), gets the question; a card after an email does not.  ``existing_followups`` are
    FollowUps, (id, FollowUp) pairs or the log's DataFrame.  None when there is nothing to ask.
    """
    if new_followup.purpose != "thank_you" or not new_followup.to.strip():
        return None
    kind = _thank_you_kind(new_followup.channel)
    earlier = [
        fu for _, fu in _followup_pairs(existing_followups)
        if fu.interview_id == new_followup.interview_id and fu.purpose == "thank_you"
        and _thank_you_kind(fu.channel) == kind and _same_person(fu.to, new_followup.to)
    ]
    if not earlier:
        return None
    last = max(earlier, key=lambda fu: fu.at)
    what = "a thank-you card" if kind == "card" else f"a thank-you by {last.channel}"
    rule = "thank_you_card" if kind == "card" else "thank_you_email"
    return (
        f"You already sent {last.to} {what} for this interview ({_fmt(last.at)}). The plan has one "
        "thank-you note to each interviewer and, if you like, one card each (rule "
        f"{rule}; {cite('seed001')}). If you meant another interviewer, answer "
        "Don't save it and change To. Save this second one anyway?"
    )


# -- who, which one, what next: the decisions the logbook shows -----------------------------


def recipients(interview: Interview) -> list[str]:
    """Who a follow-up of ``interview`` can go to, in the order to offer them: through an agency your
    staffing manager first (rule call_agency, seed 004), then the interviewers and your contact; each
    name once, empty ones left out."""
    names = [interview.agency_contact or "", *interview.interviewers, interview.contact]
    people: list[str] = []
    for name in names:
        if name and name not in people:
            people.append(name)
    return people


def next_recipient(options: Iterable[str], followups: Any, recorded: FollowUp) -> str:
    """Whom the next quick follow-up goes to once ``recorded`` is saved.

    After a thank-you, the first of ``options`` not yet thanked for this interview (one note to each
    interviewer, seed 001), so thanking two interviewers is two clicks; when everyone is thanked, and
    after a call or any other follow-up, the person just contacted (a reply would come from them).
    ``followups`` are the interview's follow-ups, ``recorded`` included.
    """
    if recorded.purpose != "thank_you":
        return recorded.to
    done = {fu.to for _, fu in _followup_pairs(followups)
            if fu.interview_id == recorded.interview_id and fu.purpose == recorded.purpose}
    waiting = [name for name in options if name not in done]
    return waiting[0] if waiting else recorded.to


def awaiting_reply(followups: Any) -> tuple[str | None, FollowUp] | None:
    """The follow-up a reply answers: the latest one still waiting for a reply (by its time; the one
    recorded last on a tie), as (id, FollowUp); None when nothing waits.  ``followups`` are FollowUps,
    (id, FollowUp) pairs or the log's DataFrame, of one interview."""
    waiting = [(index, pair) for index, pair in enumerate(_followup_pairs(followups))
               if pair[1].response_at is None]
    if not waiting:
        return None
    _index, pair = max(waiting, key=lambda item: (item[1][1].at, item[0]))
    return pair


#: After these outcomes the learner prepares the next call in an exercise: (the planner's rules that
#: give that call, the notebook, what to open there, what to do there).
NEXT_EXERCISE: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "rejected": (("feedback_request",), "notebooks/06_ask_for_feedback.ipynb",
                 "the feedback-request exercise", "Prepare the call"),
    "offer": (("agency_offer_call", "offer_rapport_call"), "notebooks/07_role_play_the_call.ipynb",
              "its offer scenario", "Rehearse the call"),
}


@dataclass(frozen=True)
class NextStep:
    """What to do once an interview's outcome is set: the planner's step for it (the feedback or
    rapport call, with its due time, why and source) and the exercise to prepare it in, or advice."""

    outcome: str
    step: Step | None = None
    notebook: str = ""
    exercise: str = ""
    practice: str = ""  # "Prepare the call" / "Rehearse the call", in ``notebook``
    advice: str = ""  # for the outcomes without a call: a sentence, with its source when a rule says it
    next_round: int | None = None  # invited back: the number of the next round


def next_step_after(
    interview: Interview,
    followups: Any = (),
    now: datetime | None = None,
    *,
    interview_id: str | None = None,
    **options: Any,
) -> NextStep:
    """The next step after ``interview``'s outcome (seed 003: ask for feedback after a rejection, build
    rapport after an offer, only make one call).  ``followups`` and ``options`` (the learner's
    calendar: ``country=``, ``subdivision=``, ``workweek=``) go to ``plan_followups`` as they are."""
    outcome = interview.outcome
    if outcome in NEXT_EXERCISE:
        rules, notebook, exercise, practice = NEXT_EXERCISE[outcome]
        steps = plan_followups(interview, followups, now, interview_id=interview_id, **options)
        step = next((s for s in steps if s.rule in rules), None)
        return NextStep(outcome, step, notebook, exercise, practice)
    if outcome == "no_response":
        return NextStep(outcome, advice=(
            "No reply after your one call: let this one go and put your energy into the next application "
            f"(seed 003: only make one call; {cite('seed003')})."
        ))
    if outcome == "withdrawn":
        return NextStep(outcome, advice="Withdrawn: nothing more to do for this one.")
    if outcome == "next_round":
        return NextStep(outcome, advice=(
            f"Invited to round {interview.round + 1}: nothing is pending for this round any more."
        ), next_round=interview.round + 1)
    return NextStep(outcome, notebook="notebooks/02_plan_your_follow_up.ipynb", advice=(
        "Waiting to hear: notebook 02 (02_plan_your_follow_up.ipynb) shows what to do and when."
    ))


# -- rows of the log -> records ------------------------------------------------------


def _missing(value: Any) -> bool:
    """True for None, NaN, NaT and pd.NA; False for lists and other containers."""
    if value is None:
        return True
    if isinstance(value, (list, tuple, dict, set)):
        return False
    if "pandas" not in sys.modules and "numpy" not in sys.modules:
        return isinstance(value, float) and value != value  # no NaT or pd.NA can exist: only a NaN
    import pandas as pd

    try:
        result = pd.isna(value)
    except (TypeError, ValueError):
        return False
    return bool(result) if isinstance(result, bool) or getattr(result, "ndim", 1) == 0 else False


def _clean(row: Mapping[str, Any] | pd.Series, fields: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in fields:
        if name not in row:
            continue
        value = row[name]
        if _missing(value):
            continue
        np = sys.modules.get("numpy")  # not loaded: no numpy value can be in the row
        if np is not None and isinstance(value, np.datetime64):
            import pandas as pd

            value = pd.Timestamp(value)
        elif hasattr(value, "tolist") and not isinstance(value, str) and not _is_timestamp(value):
            value = value.tolist()  # numpy arrays and numpy scalars (Int64 -> int)
        out[name] = value
    return out


def _row_id(row: Mapping[str, Any] | pd.Series) -> str | None:
    if "id" in row and not _missing(row["id"]):
        return str(row["id"])
    name = getattr(row, "name", None)
    return None if name is None else str(name)


def interview_from_row(row: Mapping[str, Any] | pd.Series) -> Interview:
    """An ``Interview`` from one row of ``InterviewLog.interviews()`` (or a dict).

    Missing values (None, NaN, NaT, pd.NA) fall back to the field's default, so a
    blank ``decision_by`` is None and a blank ``outcome`` is "pending".  The ``id``
    column is ignored here; see ``_row_id``.  Raises ``ValidationError`` for bad values.
    """
    return Interview(**_clean(row, INTERVIEW_FIELDS))


def followup_from_row(row: Mapping[str, Any] | pd.Series) -> FollowUp:
    """A ``FollowUp`` from one row of ``InterviewLog.followups()`` (or a dict); blanks become defaults."""
    return FollowUp(**_clean(row, FOLLOWUP_FIELDS))


def _is_frame(value: Any) -> bool:
    """True for a pandas DataFrame (without importing pandas: if it is not loaded, none exists)."""
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(value, pd.DataFrame)


def _is_timestamp(value: Any) -> bool:
    pd = sys.modules.get("pandas")
    return pd is not None and isinstance(value, pd.Timestamp)


def _as_datetime(value: Any) -> datetime:
    if _is_timestamp(value):
        value = value.to_pydatetime()
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo is None else value.astimezone().replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, time())
    raise ValidationError("now", "a date and time", value)


def _interview_pairs(interviews: Any) -> Iterator[tuple[str, Interview]]:
    if _is_frame(interviews):
        for _, row in interviews.iterrows():
            rid = _row_id(row)
            if rid is None:
                raise ValidationError("interviews", "a row with an id column", "a row without one")
            yield rid, interview_from_row(row)
        return
    for item in interviews:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], Interview)):
            raise ValidationError("interviews", "(id, Interview) pairs", item)
        yield str(item[0]), item[1]


NUDGE_COLUMNS = ("interview_id", "company", "role", "due", "status", "action", "channel", "purpose", "to",
                 "rule", "source", "why")
_STATUS_ORDER = {"overdue": 0, "due": 1, "upcoming": 2}


def _queued(
    interviews: Any,
    followups: Any,
    now: datetime | None,
    calls: str,
    holidays: Iterable[date],
    include_optional: bool,
    calendar: dict[str, Any],
    only_open: bool = True,
) -> list[tuple[Interview, Step]]:
    """Every open step (or every step) across the interviews, in queue order, with its interview."""
    now = _as_datetime(now) if now is not None else clock_now()
    holidays = list(holidays)
    by_interview: dict[str, list[tuple[str | None, FollowUp]]] = {}
    for fid, fu in _followup_pairs(followups):
        by_interview.setdefault(fu.interview_id, []).append((fid, fu))
    found: list[tuple[Interview, Step]] = []
    pairs = list(_interview_pairs(interviews))
    later = later_rounds(pairs)
    for iid, interview in pairs:
        for step in plan_followups(interview, by_interview.get(iid, []), now, calls=calls,  # type: ignore[arg-type]
                                   holidays=holidays, interview_id=iid, later_round=later.get(iid),
                                   **calendar):
            if (step.is_open or not only_open) and (include_optional or not step.optional):
                found.append((interview, step))
    found.sort(key=lambda pair: (_STATUS_ORDER.get(pair[1].status, 3), pair[1].due, pair[1].interview_id))
    return found


def later_rounds(pairs: Iterable[tuple[str, Interview]]) -> dict[str, int]:
    """For each interview that a later round names as its ``previous_id``: that later round's number.

    Only the latest round of a hiring process gets a status call (rule ``invited_back``).
    """
    found: dict[str, int] = {}
    for _, interview in pairs:
        if interview.previous_id:
            found[interview.previous_id] = max(found.get(interview.previous_id, 0), interview.round)
    return found


def open_steps(
    interviews: Any,
    followups: Any = (),
    now: datetime | None = None,
    *,
    calls: Literal["one", "seed004"] = "one",
    holidays: Iterable[date] = (),
    include_optional: bool = False,
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
    include_closed: bool = False,
) -> list[Step]:
    """The open steps across every interview as ``Step``\\ s (each with its ``interview_id``), in the
    order of ``nudge_queue``: for a calendar export of the whole queue (``ics.to_ics``).
    ``include_closed`` adds the done and skipped steps after them, for ``to_ics(cancel_closed=True)``."""
    calendar = {"country": country, "subdivision": subdivision, "workweek": workweek}
    queued = _queued(interviews, followups, now, calls, holidays, include_optional, calendar,
                     only_open=not include_closed)
    return [step for _, step in queued]


def nudge_queue(
    interviews: Any,
    followups: Any = (),
    now: datetime | None = None,
    *,
    calls: Literal["one", "seed004"] = "one",
    holidays: Iterable[date] = (),
    include_optional: bool = False,
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
) -> pd.DataFrame:
    """The open steps across every interview, for the "Needs a nudge" view.

    ``interviews``: the log's ``interviews()`` DataFrame (an ``id`` column plus the record fields) or
    (id, Interview) pairs; ``followups`` likewise (``followups()`` or (id, FollowUp) pairs).
    Rows: overdue first (oldest first), then due today, then upcoming (soonest first); done and
    skipped steps are left out, and so are optional ones unless ``include_optional``.
    Columns: ``NUDGE_COLUMNS``.  Nothing expires here: see ``split_missed`` for long-overdue steps.
    ``country``, ``subdivision`` and ``workweek`` are the learner's calendar, as in ``plan_followups``.
    """
    calendar = {"country": country, "subdivision": subdivision, "workweek": workweek}
    rows = [
        {
            "interview_id": step.interview_id, "company": interview.company, "role": interview.role,
            "due": step.due, "status": step.status, "action": step.action, "channel": step.channel,
            "purpose": step.purpose, "to": step.to, "rule": step.rule, "source": step.source,
            "why": step.why,
        }
        for interview, step in _queued(interviews, followups, now, calls, holidays, include_optional,
                                       calendar)
    ]
    import pandas as pd

    frame = pd.DataFrame(rows, columns=list(NUDGE_COLUMNS))
    frame["due"] = pd.to_datetime(frame["due"]).astype("datetime64[us]")
    return frame


# -- missed steps ------------------------------------------------------------------------


def missed_window(purpose: str) -> timedelta:
    """How long after its due time a step of this purpose is still worth doing (``MISSED_WINDOWS``)."""
    return MISSED_WINDOWS.get(purpose, MISSED_AFTER)


def is_missed(due: datetime, now: datetime, missed_after: timedelta | None = None, *,
              purpose: str | None = None) -> bool:
    """True when a step still open at ``now`` is past its window: ``missed_after`` when given, else the
    window of its ``purpose`` (rule ``missed_after_its_window``)."""
    window = missed_after if missed_after is not None else missed_window(purpose or "")
    return _as_datetime(due) < _as_datetime(now) - window


def split_missed(
    queue: pd.DataFrame, now: datetime, *, missed_after: timedelta | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split a ``nudge_queue`` frame (made at ``now``) into (to act on, missed).

    Missed rows are overdue by more than their purpose's window (rule ``missed_after_its_window``), or
    by more than ``missed_after`` when it is given; both frames keep the queue's columns, order and
    dtypes.
    """
    if missed_after is not None and missed_after < timedelta(0):
        raise ValidationError("missed_after", "zero or more days", missed_after)
    import pandas as pd

    moment = pd.Timestamp(_as_datetime(now))
    if missed_after is not None:
        windows = pd.Series(pd.Timedelta(missed_after), index=queue.index)
    else:
        windows = pd.Series([pd.Timedelta(missed_window(p)) for p in queue["purpose"]], index=queue.index,
                            dtype="timedelta64[us]")
    missed = (queue["status"] == "overdue") & (queue["due"] < moment - windows)
    return queue.loc[~missed].reset_index(drop=True), queue.loc[missed].reset_index(drop=True)


def missed_note(count: int, missed_after: timedelta | None = None) -> str:
    """One line for the learner about the steps ``split_missed`` left out ("" when there are none)."""
    if count <= 0:
        return ""
    steps = "1 older step is" if count == 1 else f"{count} older steps are"
    source = RULES["missed_after_its_window"].source
    them = "it" if count == 1 else "them"
    if missed_after is not None:
        window = f"more than {wording.plural(missed_after.days, 'day')} overdue"
    else:
        window = ("past the time the sources still advise it (a thank-you after a week, a status call "
                  "after 3 weeks, a feedback or offer call after 2 weeks)")
    return (
        f"{steps} {window}, so counted as missed and not listed ({source}). If you did {them}, log "
        f"{them} in notebook 01. Still no answer about a job? Set its outcome to No response there, "
        "and put your energy into the next application."
    )
