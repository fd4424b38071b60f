"""How a learner's follow-up habits add up: response rates, timing, the funnel, outcomes.

Pure pandas (no matplotlib, no widgets), so every number on the dashboard can
be tested and reused.  Every function takes the ``interviews()`` and
``followups()`` frames of an ``InterviewLog`` (or of ``sample.generate``) and
returns a tidy DataFrame.

What is counted, once and for all:

* An *interview* is one row of ``interviews``, keyed by its ``id``.  The same
  company interviewed twice is two interviews: nothing is ever merged by
  company name.
* A *follow-up* is one row of ``followups``.  Follow-ups whose interview is not
  in ``interviews`` (for example because a filter left it out) are ignored.
* A follow-up *got a response* when its ``response_at`` is set.  An interview
  *got a response* when any of its follow-ups did.
* The *first thank-you* of an interview is its earliest follow-up with purpose
  ``thank_you``, on any channel.  Timing buckets judge each interview once, by
  that first thank-you: within 24 h (the 24-hour rule of seeds 000 and 001),
  24-48 h, later, or none.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from .records import CHANNELS, FOLLOWUP_DTYPES, INTERVIEW_DTYPES, KINDS, OUTCOMES, PURPOSES
from .sources import cite
from .wording import dated as _dated
from .wording import noun as _noun
from .wording import plural as _plural

__all__ = [
    "COUNTED",
    "FUNNEL_STAGES",
    "LATER",
    "MIN_COMPARE",
    "NONE",
    "THANK_YOU_HOURS",
    "THANK_YOU_SOURCES",
    "TIMING_BUCKETS",
    "WITHIN_24H",
    "WITHIN_48H",
    "channel_noun",
    "computed_once",
    "filter_frames",
    "filter_problem",
    "findings",
    "funnel",
    "latest_rounds",
    "outcome_mix",
    "response_rates",
    "response_time_summary",
    "time_to_follow_up",
    "time_to_response",
]

#: The thank-you deadline the dashboard judges against, and where it comes from.
THANK_YOU_HOURS = 24
THANK_YOU_SOURCES = ("seed000", "seed001")
#: Timing buckets, by the first thank-you of each interview.
WITHIN_24H = "within 24 h"
WITHIN_48H = "24-48 h"
LATER = "after 48 h"
NONE = "no thank-you"
TIMING_BUCKETS = (WITHIN_24H, WITHIN_48H, LATER, NONE)
#: Funnel stages, each counted in interviews.
FUNNEL_STAGES = ("interviews", "thank-you within 24 h", "status check made", "any response", "offer")
#: What one unit of ``count`` in ``response_rates`` is, for each ``by``.
COUNTED = {"channel": "follow-ups", "purpose": "follow-ups", "kind": "interviews", "timing": "interviews"}
#: Fewest follow-ups per channel before ``findings`` compares channels.
MIN_COMPARE = 5

#: The columns the metrics read, with their dtypes from the frames' one schema (``records``).
_IV_COLUMNS = {name: INTERVIEW_DTYPES[name] for name in ("id", "held_at", "kind", "outcome")}
_FU_COLUMNS = {name: FOLLOWUP_DTYPES[name] for name in ("id", "interview_id", "at", "channel", "purpose",
                                                         "response_at")}
_HOUR = np.timedelta64(3600, "s")
_F = TypeVar("_F", bound=Callable[..., Any])
#: Results computed inside ``computed_once()``: (function, frames by identity, options) -> (result, frames).
_MEMO: dict[tuple, tuple[Any, tuple]] | None = None


@contextmanager
def computed_once() -> Iterator[None]:
    """Inside this block each metric is computed once per pair of frames (by identity).

    The dashboard draws five charts and its findings from one filter state; several of them ask
    for the same table (reply rates by channel, hours to the first thank-you).  Outside the block
    nothing is remembered, so a changed frame can never get a stale answer."""
    global _MEMO
    outer = _MEMO
    _MEMO = {} if outer is None else outer
    try:
        yield
    finally:
        _MEMO = outer


def _once(function: _F) -> _F:
    """Remember ``function``'s result inside ``computed_once()``; hand out a (copy-on-write) copy."""

    @functools.wraps(function)
    def remembered(*args: Any, **kwargs: Any) -> Any:
        if _MEMO is None:
            return function(*args, **kwargs)
        key = (function.__name__, *(id(a) if isinstance(a, pd.DataFrame) else a for a in args),
               *sorted(kwargs.items()))  # fmt: skip
        if key not in _MEMO:  # the frames are kept with the result, so their ids cannot be reused
            _MEMO[key] = (function(*args, **kwargs), args)
        result = _MEMO[key][0]
        return result.copy(deep=False) if isinstance(result, pd.DataFrame | pd.Series) else result

    return remembered  # type: ignore[return-value]


# -- preparing the frames ------------------------------------------------------------


def _ensure(frame: pd.DataFrame | None, columns: dict[str, str]) -> pd.DataFrame:
    """The frame with at least ``columns`` (added empty if missing), so empty logs just work."""
    if frame is None:
        frame = pd.DataFrame()
    missing = [c for c in columns if c not in frame.columns]
    if not missing:
        return frame
    if len(frame) and any(c in ("id", "held_at", "interview_id", "at") for c in missing):
        raise KeyError(f"the frame lacks the column(s) {', '.join(missing)}; pass InterviewLog frames")
    frame = frame.copy()
    for column in missing:
        frame[column] = pd.Series(index=frame.index, dtype=columns[column])
    return frame


def _prepare(interviews: pd.DataFrame | None, followups: pd.DataFrame | None):
    """Both frames with their key columns, follow-ups limited to the given interviews."""
    iv = _ensure(interviews, _IV_COLUMNS)
    fu = _ensure(followups, _FU_COLUMNS)
    if len(fu) and not fu["interview_id"].isin(iv["id"]).all():
        fu = fu[fu["interview_id"].isin(iv["id"])]
    return iv, fu


def _hours_to_first_thank_you(iv: pd.DataFrame, fu: pd.DataFrame) -> np.ndarray:
    """Hours from each interview (in ``iv`` order) to its first thank-you; NaN when there is none."""
    ty = fu.loc[fu["purpose"] == "thank_you", ["interview_id", "at"]]
    first = ty.groupby("interview_id", sort=False)["at"].min()
    first_at = first.reindex(iv["id"]).to_numpy(dtype="datetime64[us]")
    return (first_at - iv["held_at"].to_numpy(dtype="datetime64[us]")) / _HOUR


def _bucket(hours: np.ndarray) -> np.ndarray:
    """The timing bucket of each interview, from hours to its first thank-you."""
    with np.errstate(invalid="ignore"):
        return np.select(
            [hours <= THANK_YOU_HOURS, hours <= 2 * THANK_YOU_HOURS, hours > 2 * THANK_YOU_HOURS],
            [WITHIN_24H, WITHIN_48H, LATER],
            default=NONE,
        ).astype(object)


def _answered_interviews(iv: pd.DataFrame, fu: pd.DataFrame) -> np.ndarray:
    """For each interview, whether any of its follow-ups got a response."""
    answered = fu.loc[fu["response_at"].notna(), "interview_id"]
    return iv["id"].isin(answered).to_numpy()


def _ordered(table: pd.DataFrame, column: str, order: tuple[str, ...]) -> pd.DataFrame:
    """Rows in vocabulary order (unknown values last, alphabetically), index reset."""
    rank = {value: i for i, value in enumerate(order)}
    key = table[column].map(lambda v: (rank.get(v, len(order)), str(v)))
    return table.iloc[np.argsort(key.to_numpy(), kind="stable")].reset_index(drop=True)


def filter_frames(
    interviews: pd.DataFrame,
    followups: pd.DataFrame,
    *,
    start: date | datetime | None = None,
    end: date | datetime | None = None,
    kinds: tuple[str, ...] | list[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Interviews held between ``start`` and ``end`` (whole days, both included) of the given kinds,
    and the follow-ups of exactly those interviews.  ``None`` means no limit."""
    iv, fu = _ensure(interviews, _IV_COLUMNS), _ensure(followups, _FU_COLUMNS)
    keep = np.ones(len(iv), dtype=bool)
    held = iv["held_at"]
    if start is not None:
        keep &= (held >= pd.Timestamp(start).normalize()).to_numpy()
    if end is not None:
        keep &= (held < pd.Timestamp(end).normalize() + pd.Timedelta(days=1)).to_numpy()
    if kinds is not None:
        keep &= iv["kind"].isin(list(kinds)).to_numpy()
    iv = iv[keep]
    return iv, fu[fu["interview_id"].isin(iv["id"])]


def filter_problem(
    start: date | datetime | None, end: date | datetime | None, kinds: tuple[str, ...] | list[str] | None
) -> str | None:
    """What is wrong with a choice of filters for ``filter_frames``, in the learner's words, or None.

    A range must not run backwards, and at least one known interview kind must be picked (``None``
    means every kind).  The dashboard shows the sentence and keeps the last valid charts.
    """
    if start is not None and end is not None and pd.Timestamp(start) > pd.Timestamp(end):
        return (
            f"'From' ({_dated(start)}) is after 'To' ({_dated(end)}): pick a 'From' date on or before "
            "the 'To' date. The charts still show the last valid choice."
        )
    if kinds is not None:
        if not kinds:
            return "Pick at least one interview kind (hold Ctrl or Cmd to pick several)."
        unknown = [kind for kind in kinds if kind not in KINDS]
        if unknown:
            return f"Unknown interview kind {', '.join(map(repr, unknown))}: pick from {', '.join(KINDS)}."
    return None


# -- the metrics --------------------------------------------------------------------


@_once
def response_rates(interviews: pd.DataFrame, followups: pd.DataFrame, by: str = "channel") -> pd.DataFrame:
    """The share that got a response, with counts: columns ``[by, count, responses, rate]``.

    What one unit of ``count`` is depends on ``by`` (see ``COUNTED``):

    * ``"channel"``, ``"purpose"``: follow-ups.  Each follow-up counts once, under
      its own channel or purpose; ``responses`` is how many of them have a
      ``response_at``.
    * ``"kind"``: interviews, each once, under its kind; ``responses`` is how many
      of them got a response to any follow-up.
    * ``"timing"``: interviews, each once, in the bucket of its *first*
      thank-you (``TIMING_BUCKETS``: within 24 h, 24-48 h, after 48 h, no
      thank-you); ``responses`` as for ``"kind"``.

    ``rate`` is ``responses / count`` (0-1).  Only groups that occur are listed,
    in vocabulary order.  An interview is never merged with another one at the
    same company.
    """
    if by not in COUNTED:
        raise ValueError(f"by: expected one of {', '.join(COUNTED)}, got {by!r}")
    iv, fu = _prepare(interviews, followups)
    if by in ("channel", "purpose"):
        key = fu[by].to_numpy(dtype=object)
        hit = fu["response_at"].notna().to_numpy()
        order = CHANNELS if by == "channel" else PURPOSES
    else:
        hit = _answered_interviews(iv, fu)
        if by == "kind":
            key = iv["kind"].to_numpy(dtype=object)
            order = KINDS
        else:
            key = _bucket(_hours_to_first_thank_you(iv, fu))
            order = TIMING_BUCKETS
    table = pd.DataFrame({by: key, "hit": hit}).groupby(by, sort=False)["hit"].agg(["size", "sum"])
    table = pd.DataFrame(
        {
            by: table.index.astype(str),
            "count": table["size"].to_numpy(dtype="int64"),
            "responses": table["sum"].to_numpy(dtype="int64"),
        }
    )
    table["rate"] = table["responses"] / table["count"]
    return _ordered(table, by, order)


@_once
def time_to_follow_up(interviews: pd.DataFrame, followups: pd.DataFrame) -> pd.DataFrame:
    """Hours from each interview to its first thank-you, one row per interview.

    Columns ``[interview_id, held_at, kind, hours, bucket]``.  ``hours`` is
    missing (NaN) for an interview with no thank-you yet: it is kept, not
    dropped, and its ``bucket`` is ``"no thank-you"``.  Rows follow the order of
    ``interviews``.
    """
    iv, fu = _prepare(interviews, followups)
    hours = _hours_to_first_thank_you(iv, fu)
    return pd.DataFrame(
        {
            "interview_id": iv["id"].to_numpy(),
            "held_at": iv["held_at"].to_numpy(),
            "kind": iv["kind"].to_numpy(),
            "hours": hours,
            "bucket": _bucket(hours),
        }
    ).astype({"interview_id": "str", "kind": "str", "bucket": "str"})


@_once
def funnel(interviews: pd.DataFrame, followups: pd.DataFrame) -> pd.DataFrame:
    """How many interviews reached each stage: columns ``[stage, interviews, share]``.

    Stages (``FUNNEL_STAGES``), each counted in interviews: all interviews; those
    whose first thank-you went out within 24 h; those with at least one
    follow-up of purpose ``status_check``; those that got a response to any
    follow-up; those whose outcome is ``offer``.  Each stage is counted on its
    own (an offer that came before any status check still counts as an offer),
    and ``share`` is of all interviews (0-1; NaN when there are none).
    """
    iv, fu = _prepare(interviews, followups)
    hours = _hours_to_first_thank_you(iv, fu)
    checked = fu.loc[fu["purpose"] == "status_check", "interview_id"]
    counts = [
        len(iv),
        int(np.count_nonzero(hours <= THANK_YOU_HOURS)),
        int(iv["id"].isin(checked).sum()),
        int(_answered_interviews(iv, fu).sum()),
        int((iv["outcome"] == "offer").sum()),
    ]
    table = pd.DataFrame({"stage": list(FUNNEL_STAGES), "interviews": counts})
    table["share"] = table["interviews"] / len(iv) if len(iv) else np.nan
    return table.astype({"stage": "str"})


@_once
def time_to_response(interviews: pd.DataFrame, followups: pd.DataFrame) -> pd.DataFrame:
    """Hours from each answered follow-up to its response, one row per answered follow-up.

    Columns ``[follow_up_id, interview_id, channel, purpose, hours]``.
    Follow-ups without a response are left out (they have no time to response).
    """
    _, fu = _prepare(interviews, followups)
    fu = fu[fu["response_at"].notna()]
    hours = (fu["response_at"].to_numpy(dtype="datetime64[us]") - fu["at"].to_numpy(dtype="datetime64[us]"))
    return pd.DataFrame(
        {
            "follow_up_id": fu["id"].to_numpy(),
            "interview_id": fu["interview_id"].to_numpy(),
            "channel": fu["channel"].to_numpy(),
            "purpose": fu["purpose"].to_numpy(),
            "hours": hours / _HOUR,
        }
    ).astype({"follow_up_id": "str", "interview_id": "str", "channel": "str", "purpose": "str"})


@_once
def response_time_summary(
    interviews: pd.DataFrame, followups: pd.DataFrame, by: str = "channel"
) -> pd.DataFrame:
    """Median hours to a response per channel or purpose: columns ``[by, responses, median_hours]``.

    Counts answered follow-ups only, each once, in vocabulary order.
    """
    if by not in ("channel", "purpose"):
        raise ValueError(f"by: expected 'channel' or 'purpose', got {by!r}")
    answered = time_to_response(interviews, followups)
    table = answered.groupby(by, sort=False)["hours"].agg(["size", "median"])
    table = pd.DataFrame(
        {
            by: table.index.astype(str),
            "responses": table["size"].to_numpy(dtype="int64"),
            "median_hours": table["median"].to_numpy(dtype=float),
        }
    )
    return _ordered(table, by, CHANNELS if by == "channel" else PURPOSES)


@_once
def latest_rounds(interviews: pd.DataFrame) -> pd.Series:
    """True for each interview that is the latest round of its hiring process (no later round names it
    as its ``previous_id``); every interview of a log without rounds is its own process."""
    iv = _ensure(interviews, _IV_COLUMNS)
    if "previous_id" not in iv.columns:
        return pd.Series(True, index=iv.index)
    named = set(iv["previous_id"].dropna().astype(str))
    return ~iv["id"].astype(str).isin(named)


@_once
def outcome_mix(interviews: pd.DataFrame, followups: pd.DataFrame | None = None) -> pd.DataFrame:
    """How interviews and hiring processes ended: columns ``[outcome, interviews, share, processes,
    process_share]``, every outcome listed.

    ``interviews`` counts each interview once under its ``outcome``; ``processes`` counts each hiring
    process once, under the outcome of its latest round (``latest_rounds``), so a process with two
    rounds and an offer is one offer, not an offer and a "next round".  Shares are of all interviews
    and of all processes (NaN when there are none).  ``followups`` is accepted for a uniform signature.
    """
    iv = _ensure(interviews, _IV_COLUMNS)
    counts = iv["outcome"].value_counts()
    latest = iv.loc[latest_rounds(iv), "outcome"].value_counts()
    extra = tuple(sorted(str(o) for o in counts.index if o not in OUTCOMES))
    names = OUTCOMES + extra
    table = pd.DataFrame(
        {"outcome": list(names), "interviews": [int(counts.get(o, 0)) for o in names]}
    ).astype({"outcome": "str"})
    table["share"] = table["interviews"] / len(iv) if len(iv) else np.nan
    table["processes"] = [int(latest.get(o, 0)) for o in names]
    n_processes = int(table["processes"].sum())
    table["process_share"] = table["processes"] / n_processes if n_processes else np.nan
    return table


# -- findings in plain sentences ---------------------------------------------------------

_CHANNEL_NOUNS = {
    "email": ("email", "emails"),
    "card": ("card", "cards"),
    "call": ("call", "calls"),
    "voicemail": ("voicemail", "voicemails"),
    "text": ("text", "texts"),
    "linkedin": ("LinkedIn message", "LinkedIn messages"),
}


def channel_noun(channel: str, count: int = 2) -> str:
    """How a sentence names a channel: "call"/"calls", "LinkedIn message"/"LinkedIn messages"."""
    one, many = _CHANNEL_NOUNS.get(channel, (channel, None))
    return _noun(count, one, many)


def _pct(share: float) -> str:
    return f"{share:.0%}"


def findings(interviews: pd.DataFrame, followups: pd.DataFrame, n: int = 3) -> list[str]:
    """The ``n`` most useful observations about these frames, as plain sentences.

    Computed from the metrics above, never canned, in this order of usefulness
    (each only when the data supports it): thank-yous after 24 h or missing (judged by
    the 24-hour rule, with its source); the channel that got replies most often
    compared with e-mail or the weakest channel (at least ``MIN_COMPARE``
    follow-ups each, and a real difference); pending interviews with no status
    check (seed 003); replies by thank-you timing; then the outcome mix, the
    share thanked on time and how fast replies came.  With at least one
    interview there are always three; with none, one sentence saying so.
    """
    iv, fu = _prepare(interviews, followups)
    total = len(iv)
    if total == 0:
        return ["No interviews logged yet: log your first one and the dashboard fills in."]
    found: list[str] = []
    rule = f"[24-hour rule: {cite(*THANK_YOU_SOURCES)}]"

    hours = _hours_to_first_thank_you(iv, fu)
    late = int(np.count_nonzero(hours > THANK_YOU_HOURS))
    missing = int(np.count_nonzero(np.isnan(hours)))
    on_time = total - late - missing
    if late:
        none = f" and {missing:,} got none" if missing else ""
        who = f"{late:,} of your {total:,} interviews got their" if total > 1 else "Your interview got its"
        found.append(f"{who} first thank-you after 24 h{none} {rule}.")
    elif missing:
        who = f"{missing:,} of your {total:,} interviews" if total > 1 else "Your interview"
        found.append(f"{who} got no thank-you yet {rule}.")

    by_channel = response_rates(iv, fu, "channel")
    enough = by_channel[by_channel["count"] >= MIN_COMPARE]
    enough = enough.sort_values("rate", ascending=False, kind="stable")
    if len(enough) >= 2:
        best = enough.iloc[0]
        others = enough.iloc[1:]
        ref = others[others["channel"] == "email"]
        worst = ref.iloc[0] if len(ref) else others.iloc[-1]
        if worst["rate"] > 0 and best["rate"] / worst["rate"] >= 1.25:
            ratio = best["rate"] / worst["rate"]
            found.append(
                f"Your {channel_noun(best['channel'])} got replies {ratio:.1f}× as often as your "
                f"{channel_noun(worst['channel'])} ({_pct(best['rate'])} of {best['count']:,} vs "
                f"{_pct(worst['rate'])} of {worst['count']:,})."
            )
        elif worst["rate"] == 0 and best["rate"] > 0:
            found.append(
                f"Your {channel_noun(best['channel'])} got replies {_pct(best['rate'])} of the time, your "
                f"{channel_noun(worst['channel'])} never ({worst['count']:,} sent)."
            )

    pending = iv["outcome"] == "pending"
    if pending.any():
        checked = iv["id"].isin(fu.loc[fu["purpose"] == "status_check", "interview_id"])
        unchecked = int((pending & ~checked).sum())
        if unchecked:
            n_pending = int(pending.sum())
            verb = "has" if unchecked == 1 else "have"
            who = f"{unchecked:,} of your {n_pending:,} pending interviews {verb}"
            if n_pending == 1:
                who = "Your pending interview has"
            found.append(
                f"{who} no status check yet: one call a week after is enough if you haven't heard "
                f"[{cite('seed003')}]."
            )

    by_timing = response_rates(iv, fu, "timing").set_index("timing")
    if WITHIN_24H in by_timing.index:
        prompt = by_timing.loc[WITHIN_24H]
        slow = by_timing.loc[[b for b in (WITHIN_48H, LATER) if b in by_timing.index]]
        slow_count, slow_hits = int(slow["count"].sum()), int(slow["responses"].sum())
        if prompt["count"] >= 3 and slow_count >= 3 and slow_hits > 0:
            slow_rate = slow_hits / slow_count
            ratio = prompt["rate"] / slow_rate
            if abs(ratio - 1) >= 0.2:
                found.append(
                    f"Interviews you thanked within 24 h got a reply {ratio:.1f}× as often as those "
                    f"thanked later ({_pct(prompt['rate'])} of {int(prompt['count']):,} vs "
                    f"{_pct(slow_rate)} of {slow_count:,})."
                )

    mix = outcome_mix(iv).set_index("outcome")["processes"]
    n_processes = int(mix.sum())
    counted = (_plural(total, "interview") if n_processes == total
               else f"{_plural(n_processes, 'hiring process', 'hiring processes')} ({total:,} interviews)")
    found.append(
        f"Of your {counted}, {mix['offer']:,} ended in an offer, "
        f"{mix['rejected']:,} in a rejection and {mix['pending']:,} "
        f"{'is' if mix['pending'] == 1 else 'are'} still pending."
    )
    if not (late or missing):
        everyone = f"All {total:,} of your interviews" if total > 1 else "Your interview"
        found.append(f"{everyone} got a thank-you within 24 h {rule}.")
    else:
        found.append(f"{_pct(on_time / total)} of your interviews got a thank-you within 24 h {rule}.")
    answered = time_to_response(iv, fu)
    if len(answered):
        found.append(
            f"Replies came a median of {answered['hours'].median():.0f} h after you followed up "
            f"({_plural(len(answered), 'reply', 'replies')} in all)."
        )
    elif len(fu):
        found.append(
            f"None of your {_plural(len(fu), 'follow-up')} has a reply logged yet: when they answer, "
            "fill in the response time so the dashboard can count it."
        )
    return found[:n]
