"""Metrics at class scale: the kit against a minimal hand-written pandas version, in the same run.

    .venv/bin/python benchmarks/bench_metrics.py [--interviews 20000] [--repeats 15]

Times ``response_rates`` + ``time_to_follow_up`` + ``funnel`` together on
``sample.generate(20_000)`` (about 95,000 follow-ups), and a bare groupby/merge
version that computes the same three answers with no checks, labels or
ordering.  Runs alternate and the medians are compared.  Goals: the kit takes
at most 0.3 s and at most 1.5x the hand-written version.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time

import numpy as np
import pandas as pd

from followup_kit import metrics, sample

GOAL_SECONDS = 0.3
GOAL_RATIO = 1.5


def kit(interviews: pd.DataFrame, followups: pd.DataFrame):
    return (
        metrics.response_rates(interviews, followups, by="channel"),
        metrics.time_to_follow_up(interviews, followups),
        metrics.funnel(interviews, followups),
    )


def by_hand(interviews: pd.DataFrame, followups: pd.DataFrame):
    """The same three answers as plainly as pandas allows: one groupby, one merge, a few isin."""
    answered = followups["response_at"].notna()
    checked = followups.loc[followups["purpose"] == "status_check", "interview_id"]
    rates = answered.groupby(followups["channel"]).agg(["size", "sum", "mean"])
    first = followups[followups["purpose"] == "thank_you"].groupby("interview_id")["at"].min()
    timing = interviews[["id", "held_at"]].merge(first, left_on="id", right_index=True, how="left")
    hours = (timing["at"] - timing["held_at"]).dt.total_seconds() / 3600
    stages = [
        len(interviews),
        int((hours <= 24).sum()),
        int(interviews["id"].isin(checked).sum()),
        int(interviews["id"].isin(followups.loc[answered, "interview_id"]).sum()),
        int((interviews["outcome"] == "offer").sum()),
    ]
    return rates, hours, stages


def check_same(interviews: pd.DataFrame, followups: pd.DataFrame) -> None:
    """Both versions must give the same answers, or the comparison means nothing."""
    rates, timing, funnel = kit(interviews, followups)
    hand_rates, hand_hours, hand_stages = by_hand(interviews, followups)
    mine = rates.set_index("channel")["responses"].sort_index()
    assert mine.tolist() == hand_rates["sum"].sort_index().tolist()
    assert np.allclose(timing["hours"].to_numpy(), hand_hours.to_numpy(), equal_nan=True)
    assert funnel["interviews"].tolist() == hand_stages


def median_seconds(function, args, repeats: int) -> list[float]:
    times = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=15)
    options = parser.parse_args()

    start = time.perf_counter()
    frames = sample.generate(options.interviews, seed=0)
    made = time.perf_counter() - start
    print(f"sample.generate({options.interviews:,}): {len(frames[1]):,} follow-ups in {made:.2f} s")
    check_same(*frames)
    kit(*frames), by_hand(*frames)  # warm up
    kit_times, hand_times = [], []
    for _ in range(options.repeats):  # alternate, so both see the same machine load
        kit_times += median_seconds(kit, frames, 1)
        hand_times += median_seconds(by_hand, frames, 1)
    kit_s, hand_s = statistics.median(kit_times), statistics.median(hand_times)
    ratio = kit_s / hand_s
    print(f"kit  response_rates + time_to_follow_up + funnel: median {kit_s * 1000:.0f} ms "
          f"(goal <= {GOAL_SECONDS * 1000:.0f} ms) {'OK' if kit_s <= GOAL_SECONDS else 'MISSED'}")
    print(f"hand-written groupby/merge, same answers:       median {hand_s * 1000:.0f} ms")
    verdict = "OK" if ratio <= GOAL_RATIO else "MISSED"
    print(f"ratio kit / hand-written: {ratio:.2f}x (goal <= {GOAL_RATIO}x) {verdict}")


if __name__ == "__main__":
    main()
