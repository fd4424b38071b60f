"""Every interview's plan from one planning pass: the "Needs a nudge" queue, the missed steps, each
interview's timeline and the steps of the queue's calendar file.

The plan view (notebook 02) shows all four for the same moment and the same choices; asking the planner
for each separately planned every interview twice (once for the queue, once for its calendar file) and
the picked one a third time, without the later-round rule the queue applies (rule ``invited_back``).
``plan_all`` plans each interview once with ``planner.open_steps`` and derives the rest from those steps,
so the four always agree.  The rules and their sources stay in ``planner``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd

from .planner import NUDGE_COLUMNS, Step, is_missed, open_steps, split_missed
from .records import Interview

__all__ = ["Plans", "plan_all"]


@dataclass(frozen=True)
class Plans:
    """The plans of every interview at ``now``, and what the plan view shows of them.

    ``steps``: every step of every interview (optional, done and skipped ones too), in queue order;
    ``queue``: the open steps to act on, as ``planner.nudge_queue`` would give them; ``missed``: the
    open steps past their window (empty when ``show_missed``, since they are then in ``queue``);
    ``calendar``: the steps for the whole queue's calendar file (the open ones first, then the done and
    skipped ones, which ``ics.to_ics(cancel_closed=True)`` marks cancelled; no missed ones unless
    ``show_missed``).
    """

    now: datetime
    steps: tuple[Step, ...]
    queue: pd.DataFrame
    missed: pd.DataFrame
    calendar: tuple[Step, ...]

    def for_interview(self, interview_id: str) -> list[Step]:
        """One interview's steps (all of them, done and skipped too), sorted by due time."""
        return sorted((s for s in self.steps if s.interview_id == interview_id), key=lambda s: s.due)


def _queue_frame(pairs: list[tuple[str, Interview]], steps: list[Step]) -> pd.DataFrame:
    """The open steps as a ``planner.NUDGE_COLUMNS`` frame (the shape of ``planner.nudge_queue``)."""
    interviews = dict(pairs)
    rows = [
        {
            "interview_id": s.interview_id, "company": interviews[s.interview_id].company,
            "role": interviews[s.interview_id].role, "due": s.due, "status": s.status, "action": s.action,
            "channel": s.channel, "purpose": s.purpose, "to": s.to, "rule": s.rule, "source": s.source,
            "why": s.why,
        }
        for s in steps
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=list(NUDGE_COLUMNS))
    frame["due"] = pd.to_datetime(frame["due"]).astype("datetime64[us]")
    return frame


def plan_all(
    interviews: list[tuple[str, Interview]],
    followups: Any = (),
    now: datetime | None = None,
    *,
    calls: Literal["one", "seed004"] = "one",
    include_optional: bool = False,
    show_missed: bool = False,
    holidays: tuple[date, ...] = (),
    country: str | None = None,
    subdivision: str | None = None,
    workweek: str = "Mon–Fri",
) -> Plans:
    """Plan every interview once (``(id, Interview)`` pairs and their follow-ups) and derive the queue,
    the missed steps, each timeline and the queue's calendar steps from that one pass (see ``Plans``).

    ``include_optional`` adds the optional steps to the queue and its calendar file (each timeline
    always has them); the calendar options are those of ``planner.plan_followups``.
    """
    from .place import now as clock_now

    moment = now if now is not None else clock_now()
    pairs = list(interviews)
    steps = open_steps(pairs, followups, moment, calls=calls, holidays=holidays, include_optional=True,
                       include_closed=True, country=country, subdivision=subdivision, workweek=workweek)
    wanted = [s for s in steps if include_optional or not s.optional]
    queue = _queue_frame(pairs, [s for s in wanted if s.is_open])
    if show_missed:
        missed, calendar = queue.iloc[0:0], wanted
    else:
        queue, missed = split_missed(queue, moment)
        calendar = [s for s in wanted if not (s.is_open and is_missed(s.due, moment, purpose=s.purpose))]
    return Plans(moment, tuple(steps), queue, missed, tuple(calendar))
