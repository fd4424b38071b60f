"""Rendering all five dashboard charts at class scale (20,000 interviews, about 95,000 follow-ups).

    .venv/bin/python benchmarks/bench_charts.py [--interviews 20000] [--repeats 5]

"Render" means what the dashboard does: compute the metrics, build each
Figure and encode it as PNG.  The first (cold) run in this fresh process
includes importing matplotlib; the warm figure is the median of the repeats.
Goal: all five charts in at most 1.5 s.
"""

from __future__ import annotations

import argparse
import statistics
import time

from followup_kit import charts, sample

GOAL_SECONDS = 1.5


def render_all(interviews, followups, large: bool = False) -> list[bytes]:
    return [charts.to_png(fig) for fig in charts.dashboard_charts(interviews, followups, large=large)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--interviews", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    frames = sample.generate(options.interviews, seed=0)
    print(f"{options.interviews:,} interviews, {len(frames[1]):,} follow-ups")

    start = time.perf_counter()
    pngs = render_all(*frames)
    cold = time.perf_counter() - start
    assert len(pngs) == 5 and all(p.startswith(b"\x89PNG") for p in pngs)

    warm, large = [], []
    for _ in range(options.repeats):
        start = time.perf_counter()
        render_all(*frames)
        warm.append(time.perf_counter() - start)
        start = time.perf_counter()
        render_all(*frames, large=True)
        large.append(time.perf_counter() - start)
    for label, seconds in (
        ("cold (first render, includes importing matplotlib)", cold),
        ("warm median", statistics.median(warm)),
        ("warm median, large=True (projector)", statistics.median(large)),
    ):
        verdict = "OK" if seconds <= GOAL_SECONDS else "MISSED"
        print(f"all 5 charts, {label}: {seconds:.2f} s (goal <= {GOAL_SECONDS} s) {verdict}")


if __name__ == "__main__":
    main()
