"""One planning pass for the plan view: the queue, the missed steps, each timeline and the calendar steps."""

from __future__ import annotations

from datetime import datetime

import pandas as pd
import pytest

from followup_kit import planner
from followup_kit.nudges import plan_all
from followup_kit.planner import is_missed, nudge_queue, open_steps, plan_followups, split_missed
from followup_kit.records import Interview
from followup_kit.sample import SAMPLE_NOW
from followup_kit.store import open_sample_log


@pytest.fixture(scope="module")
def sample():
    log = open_sample_log()
    return log.items(), log.followup_items()


@pytest.mark.parametrize("include_optional", [False, True])
def test_the_queue_and_missed_steps_are_the_planners_own(sample, include_optional):
    pairs, followups = sample
    plans = plan_all(pairs, followups, SAMPLE_NOW, include_optional=include_optional)
    queue = nudge_queue(pairs, followups, SAMPLE_NOW, include_optional=include_optional)
    current, missed = split_missed(queue, SAMPLE_NOW)
    assert len(current) and len(missed)  # the sample has both, so the comparison means something
    pd.testing.assert_frame_equal(plans.queue, current)
    pd.testing.assert_frame_equal(plans.missed, missed)
    everything = plan_all(pairs, followups, SAMPLE_NOW, include_optional=include_optional, show_missed=True)
    pd.testing.assert_frame_equal(everything.queue, queue)
    assert everything.missed.empty


def test_the_calendar_steps_are_the_queues_open_and_closed_ones_without_missed(sample):
    pairs, followups = sample
    plans = plan_all(pairs, followups, SAMPLE_NOW)
    steps = open_steps(pairs, followups, SAMPLE_NOW, include_closed=True)
    expected = [s for s in steps if not (s.is_open and is_missed(s.due, SAMPLE_NOW, purpose=s.purpose))]
    assert list(plans.calendar) == expected and len(expected) < len(steps)
    assert list(plan_all(pairs, followups, SAMPLE_NOW, show_missed=True).calendar) == steps


def test_each_interview_is_planned_once(sample, monkeypatch):
    pairs, followups = sample
    planned: list[str | None] = []
    real = planner.plan_followups

    def counting(*args, **kwargs):
        planned.append(kwargs.get("interview_id"))
        return real(*args, **kwargs)

    monkeypatch.setattr(planner, "plan_followups", counting)
    plans = plan_all(pairs, followups, SAMPLE_NOW, include_optional=True)
    assert sorted(planned) == sorted(iid for iid, _ in pairs)
    iid, interview = pairs[0]
    timeline = plans.for_interview(iid)
    assert timeline and {s.interview_id for s in timeline} == {iid}
    assert [s.due for s in timeline] == sorted(s.due for s in timeline)
    later = planner.later_rounds(pairs).get(iid)
    mine = [(fid, fu) for fid, fu in followups if fu.interview_id == iid]
    assert sorted(timeline, key=lambda s: (s.due, s.rule)) == sorted(
        real(interview, mine, SAMPLE_NOW, interview_id=iid, later_round=later), key=lambda s: (s.due, s.rule)
    )


def test_a_later_round_drops_the_earlier_rounds_status_call_from_its_timeline_too():
    """Planned alone, round 1 still has an upcoming status call; the queue (rule invited_back) has none,
    and the timeline now comes from the same pass, so it agrees with the queue."""
    first = Interview(company="Contoso", role="Analyst", held_at=datetime(2026, 3, 2, 10),
                      interviewers=["Dana Whitfield"], decision_in_business_days=5)
    second = Interview(company="Contoso", role="Analyst", held_at=datetime(2026, 3, 5, 10),
                       interviewers=["Raj Patel"], decision_in_business_days=5, round=2, previous_id="iv-1")
    now = datetime(2026, 3, 6, 9)
    alone = plan_followups(first, [], now, interview_id="iv-1")
    assert any(s.rule.startswith("status_call") and s.is_open for s in alone)
    plans = plan_all([("iv-1", first), ("iv-2", second)], [], now)
    assert not any(s.rule.startswith("status_call") and s.is_open for s in plans.for_interview("iv-1"))
    assert "iv-1" not in set(plans.queue["interview_id"])


def test_now_defaults_to_the_kits_clock(monkeypatch, sample):
    monkeypatch.setenv("FOLLOWUP_KIT_NOW", "2026-11-02T09:00")
    pairs, followups = sample
    assert plan_all(pairs[:3], followups).now == datetime(2026, 11, 2, 9, 0)


def test_the_plan_benchmark_runs_and_counts_one_plan_per_interview():
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, str(root / "benchmarks" / "bench_plan.py"), "--sizes", "4",
                           "--repeat", "1"], capture_output=True, text=True, cwd=root, timeout=300,
                          env={**os.environ, "MPLBACKEND": "Agg"})  # fmt: skip
    assert done.returncode == 0, done.stderr
    row = done.stdout.splitlines()[-1].split()
    assert row[:2] == ["4", "4"], done.stdout
