"""How long ``InterviewLog.add`` takes as a log grows: 100 rows against 1,000 rows.

    .venv/bin/python benchmarks/bench_log_add.py [--adds 30]

Each size gets a fresh temporary log pre-filled to that many interviews (with a
follow-up each), then times ``add`` that many times and prints the median.  Every
add is a full locked, re-read, atomic, fsynced save, as in the workbook.  Goal:
the 1,000-row median within 3x of the 100-row one and under 50 ms.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import datetime, timedelta

from followup_kit.records import FollowUp, Interview
from followup_kit.store import InterviewLog, new_id, write_tables

GOAL_RATIO = 3.0
GOAL_MS = 50.0


def interview(n: int) -> Interview:
    held = datetime(2026, 1, 5, 9, 0) + timedelta(hours=7 * n)
    return Interview(
        company=f"Company {n}, Ltd",
        role="Data Analyst",
        held_at=held,
        kind=("phone", "video", "in_person")[n % 3],
        interviewers=[f"Interviewer {n}", "Hiring Manager"],
        contact=f"person{n}@example.com",
        decision_in_business_days=n % 10,
        talking_points=["SQL project", "Dashboard for sales"],
        notes=f"Interview {n}: went well; asked about \"team size\".\nFollow up on Friday.",
    )


def prefilled_log(folder: str, rows: int) -> InterviewLog:
    interviews = [(new_id("iv"), interview(n)) for n in range(rows)]
    followups = [
        (new_id("fu"), FollowUp(iv_id, iv.held_at + timedelta(hours=3), "email", "thank_you", "Interviewer"))
        for iv_id, iv in interviews
    ]
    write_tables(folder, interviews, followups)
    log = InterviewLog(folder)
    assert len(log) == rows
    return log


def median_add_ms(rows: int, adds: int) -> float:
    with tempfile.TemporaryDirectory() as folder:
        log = prefilled_log(folder, rows)
        times = []
        for n in range(adds):
            record = interview(rows + n)
            start = time.perf_counter()
            log.add(record)
            times.append(time.perf_counter() - start)
        assert len(InterviewLog(folder)) == rows + adds
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adds", type=int, default=30, help="adds timed per log size (default 30)")
    args = parser.parse_args()
    small = median_add_ms(100, args.adds)
    large = median_add_ms(1000, args.adds)
    ratio = large / small
    print(f"median add into a   100-row log: {small:6.2f} ms")
    print(f"median add into a 1,000-row log: {large:6.2f} ms")
    print(f"ratio: {ratio:.2f}x (goal: within {GOAL_RATIO:.0f}x, and under {GOAL_MS:.0f} ms)")
    met = ratio <= GOAL_RATIO and large < GOAL_MS
    print("goal met" if met else "goal NOT met")
    raise SystemExit(0 if met else 1)


if __name__ == "__main__":
    main()
