"""The moments a person waits on the dashboard: building the view, and each filter change.

    .venv/bin/python benchmarks/bench_dashboard.py [--sizes sample 1000 20000] [--changes 8]

For each log size it prints the time to build ``DashboardView`` (metrics, five charts, findings),
and the median and worst time of a filter change: the kind filter (one kind off, then back on),
the date range, and *Large text*.  The floor, measured in the same run, is drawing the same five
charts once with the kit's own chart functions on the precomputed, unfiltered frames (no widget).
Goals (issue "Interactive speed"): filter change on the sample and at 1,000 interviews median
<= 0.25 s and worst <= 0.5 s; the view built in <= 1.5x the floor; at 20,000 a change <= 1 s.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import timedelta

from followup_kit import charts, sample
from followup_kit.records import KINDS
from followup_kit.widgets.dashboard import DashboardView


def frames_for(size: str):
    if size == "sample":
        from followup_kit.store import open_sample_log

        log = open_sample_log()
        return log.interviews(), log.followups()
    return sample.generate(int(size), seed=0)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "1000", "20000"])
    parser.add_argument("--changes", type=int, default=8, help="filter changes of each kind to time")
    options = parser.parse_args()
    charts.to_png(charts.dashboard_charts(*sample.generate(20, seed=1))[0])  # import matplotlib first
    print(f"{'log':>8} {'floor s':>8} {'build s':>8} {'ratio':>6}  {'change':<10} {'median s':>9} "
          f"{'worst s':>8}")
    for size in options.sizes:
        measure(size, options.changes)


def measure(size: str, changes: int) -> None:
    """Print the floor, the build time and the filter-change times for one log size."""
    interviews, followups = frames_for(size)

    def draw_floor() -> None:
        [charts.to_html(figure) for figure in charts.dashboard_charts(interviews, followups)]

    floor = min(timed(draw_floor) for _ in range(2))
    start = time.perf_counter()
    view = DashboardView(interviews, followups)
    build_time = time.perf_counter() - start
    times: dict[str, list[float]] = {"kinds": [], "dates": [], "large": []}
    for i in range(changes):
        picked = KINDS[1:] if i % 2 == 0 else KINDS
        times["kinds"].append(timed(lambda picked=picked: setattr(view.kinds, "value", picked)))
        first = view.first_day + timedelta(days=7 * (i + 1))
        times["dates"].append(timed(lambda first=first: setattr(view.start, "value", first)))
        times["large"].append(timed(lambda: setattr(view.large, "value", not view.large.value)))
    for row, (name, values) in enumerate(times.items()):
        head = f"{size:>8} {floor:8.2f} {build_time:8.2f} {build_time / floor:6.2f}" if row == 0 else " " * 35
        print(f"{head}  {name:<10} {statistics.median(values):9.3f} {max(values):8.3f}")


if __name__ == "__main__":
    main()
