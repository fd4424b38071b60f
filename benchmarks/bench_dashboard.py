"""The moments a person waits on the dashboard: building the view, and each filter change.

    .venv/bin/python benchmarks/bench_dashboard.py [--sizes sample 1000 20000] [--cohorts 30 300]
                                                   [--changes 8] [--tiny]

For each log size it prints the time to build ``DashboardView`` as notebook 03 shows it (metrics,
findings, and the chart of the open tab: the other four are drawn when their tab opens) and the
median and worst time of a filter change: the kind filter (one kind off, then another selection:
never one seen before, so nothing comes from the view's memory of selections), the date range (a
week later each time), and *Large text* (off and on); ``tab`` is opening another tab after a kind
change (its chart was marked stale, so it is drawn then); ``chart`` is the part of a kind change
until the new chart in view is handed to the widget (sent to the browser at once; the findings are
found after it); ``kinds5`` is a kind change with all five
charts stacked in view (``tabs=False``, as on the projector).  The same for the cohort view (the
pooled summaries of 30 and 300 participants, as notebook 90 loads them, shown in ``DashboardView``
with the cohort's wording and large text).

The floor is measured in the same run, just before each row: the same five charts drawn once with
plain matplotlib (the kit's chart functions, which build ``Figure`` objects directly) on
precomputed tables, to PNG, with no widget.  The machine is shared, so every figure is given as
wall-clock seconds, as CPU seconds of this process (what the work costs, whoever else is busy) and
as a ratio to the floor of the same row; and the same sequence of changes is run ``--repeat`` times
(3) on new views, each change keeping the least of its times: another program busy on the machine
only ever adds time (to CPU seconds too, through shared caches), and the change's own cost, a full
garbage collection included, comes back in every run.

``--alternatives`` also compares, on each chart, ways to redraw after a filter change: rebuilding
the figure with its constrained layout (the old way), rebuilding it with the remembered layout on a
new canvas (``charts.Renderer(keep_canvas=False)``), the same on the kept canvas of its size
(``charts.Renderer(cache_text=False)``), and with the kept canvas's store of glyph images of the
texts drawn before (``charts.Renderer()``, what the view does), and, for the histogram, updating the
artists of one kept figure in place; and says whether ipympl is installed (it would need a live kernel and a
browser, so it is not timed here).

Goals (issue "Interactive speed"): filter change on the sample and at 1,000 interviews median
<= 0.25 s and worst <= 0.5 s; the view built in <= 1.5x the floor; at 20,000 a change <= 1 s.
``--tiny`` runs a 30-interview log and a 3-participant cohort with 2 changes (for the test that
proves the script runs).
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import timedelta

import numpy as np

from followup_kit import charts, metrics, sample
from followup_kit.widgets.dashboard import DashboardView

#: Kind selections a change cycles through: each differs from the one before.
KIND_CYCLE = [("video", "in_person"), ("phone", "in_person"), ("phone", "video"), ("phone",), ("video",),
              ("in_person",), ("phone", "video", "in_person")]


def frames_for(size: str):
    if size == "sample":
        from followup_kit.store import open_sample_log

        log = open_sample_log()
        return log.interviews(), log.followups()
    return sample.generate(int(size), seed=0)


def cohort_frames(participants: int):
    from followup_kit import cohort

    with tempfile.TemporaryDirectory(prefix="bench-cohort-") as folder:
        cohort.write_demo_summaries(folder, seeds=tuple(range(1, participants + 1)))
        group = cohort.load_cohort(folder)
    return group.interviews, group.followups


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def floor(interviews, followups, *, large: bool = False, owner: str = "your") -> tuple[float, float]:
    """Draw the five charts once on precomputed tables, to PNG; the faster of two tries."""

    def draw() -> tuple[float, float]:
        with metrics.computed_once():
            for chart in charts.DASHBOARD_CHARTS:
                charts.CHART_INPUTS[chart.__name__](interviews, followups)  # precomputed: not timed below
            return timed(lambda: [charts.to_png(chart(interviews, followups, large=large, owner=owner))
                                  for chart in charts.DASHBOARD_CHARTS])  # fmt: skip

    return min(draw() for _ in range(2))


def measure(name: str, interviews, followups, changes: int, *, large: bool = False,
            owner: str = "your", repeat: int = 1) -> None:
    """Print the floor, the build time and the filter-change times for one log: each figure the least of
    ``repeat`` runs of the same sequence of changes on new views (a busy machine only ever adds time)."""
    floor_wall, floor_cpu = floor(interviews, followups, large=large, owner=owner)
    runs = [_run(interviews, followups, changes, large=large, owner=owner) for _ in range(repeat)]
    def least(values) -> tuple[float, float]:  # the least wall and the least CPU seconds
        walls, cpus = zip(*values, strict=True)
        return min(walls), min(cpus)

    build = least(run[0] for run in runs)
    times = {kind: [least(values) for values in zip(*(run[1][kind] for run in runs), strict=False)]
             for kind in runs[0][1]}  # fmt: skip
    view, stacked = runs[-1][2], runs[-1][3]
    print(f"{name:>12} {len(interviews):>6} {floor_wall:7.2f} {floor_cpu:7.2f} {build[0]:7.2f} "
          f"{build[1]:7.2f} {build[1] / floor_cpu:6.2f}")
    for kind, values in times.items():
        if not values:
            continue
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        print(f"{'':>12} {'':>6} {'':>31}  {kind:<6} {statistics.median(wall):7.3f} {max(wall):7.3f} "
              f"{statistics.median(cpu):7.3f} {max(cpu):7.3f} {statistics.median(cpu) / floor_cpu:6.2f}")
    print(f"{'':>12} {'':>6} {'':>31}  charts drawn {view.drawn_charts}, skipped (tables unchanged) "
          f"{view.skipped_charts}; layouts reused {view.renderer.reused} of "
          f"{view.renderer.reused + view.renderer.laid_out} (tabs; stacked: {stacked.drawn_charts} drawn)")


def _run(interviews, followups, changes: int, *, large: bool, owner: str) -> tuple:
    """One run: the build time, the times of each kind of change (wall, CPU), and the views."""
    views: list[DashboardView] = []
    build = timed(lambda: views.append(DashboardView(interviews, followups, large=large, owner=owner)))
    view = views[0]
    times: dict[str, list[tuple[float, float]]] = {"kinds": [], "chart": [], "dates": [], "large": [],
                                                   "tab": [], "kinds5": []}  # fmt: skip
    sent: list[tuple[float, float]] = []  # when the chart in view was handed over: wall and CPU clocks
    view.chart_boxes[0].observe(lambda _: sent.append((time.perf_counter(), time.process_time())), "value")
    tabbed = DashboardView(interviews, followups, large=large, owner=owner)  # a view of its own: no memory
    for i in range(changes):  # a tab opened after a kind change draws its stale chart
        tabbed.kinds.value = KIND_CYCLE[(i + 3) % len(KIND_CYCLE)]
        times["tab"].append(timed(lambda i=i: setattr(tabbed.charts, "selected_index", 1 + i % 4)))
    stacked = DashboardView(interviews, followups, large=large, owner=owner, tabs=False)
    for i in range(changes):
        picked = KIND_CYCLE[(i + 1) % len(KIND_CYCLE)]
        times["kinds5"].append(timed(lambda picked=picked: setattr(stacked.kinds, "value", picked)))
    for i in range(changes):
        picked = KIND_CYCLE[i % len(KIND_CYCLE)]
        sent.clear()
        started = time.perf_counter(), time.process_time()
        times["kinds"].append(timed(lambda picked=picked: setattr(view.kinds, "value", picked)))
        if sent:
            times["chart"].append((sent[0][0] - started[0], sent[0][1] - started[1]))
        span = (view.last_day - view.first_day).days if view.first_day and view.last_day else 0
        first = view.first_day + timedelta(days=span * (i + 1) // (changes + 2)) if span else None
        times["dates"].append(timed(lambda first=first: setattr(view.start, "value", first)))
        times["large"].append(timed(lambda: setattr(view.large, "value", not view.large.value)))
        if "Showing" not in view.status.value:
            raise SystemExit(f"the view refused a change: {view.status.value}")
    if len(times["chart"]) != len(times["kinds"]):
        times["chart"] = []  # a kind change that drew nothing new: no part to time
    return build, times, view, stacked


def alternatives(interviews, followups, changes: int) -> None:
    """Three ways to redraw the histogram after each kind change, CPU seconds per redraw."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    selections = [metrics.filter_frames(interviews, followups, kinds=KIND_CYCLE[i % len(KIND_CYCLE)])
                  for i in range(changes)]  # fmt: skip
    print("\nRedrawing each chart after a kind change (CPU s per redraw, median / worst):")
    print(f"  {'chart':<26} {'rebuild (old)':>15} {'new canvas':>15} {'kept canvas':>15} "
          f"{'+ text store':>15}")
    for chart in charts.DASHBOARD_CHARTS:
        rows = []
        for renderer in (None, charts.Renderer(keep_canvas=False), charts.Renderer(cache_text=False),
                         charts.Renderer()):
            if renderer is None:
                draw = lambda s, chart=chart: charts.to_html(chart(*s))  # noqa: E731
            else:
                renderer.html(chart(interviews, followups), chart.__name__)  # its layout, as in a view
                draw = lambda s, chart=chart, r=renderer: r.html(chart(*s), chart.__name__)  # noqa: E731
            with metrics.computed_once():
                values = [timed(lambda s=s, draw=draw: draw(s))[1] for s in selections]
            rows.append(f"{statistics.median(values):6.3f} / {max(values):6.3f}")
        print(f"  {chart.__name__:<26} {rows[0]:>15} {rows[1]:>15} {rows[2]:>15} {rows[3]:>15}")

    rebuild = [timed(lambda s=s: charts.to_html(charts.time_to_follow_up_chart(*s)))[1] for s in selections]
    renderer = charts.Renderer()
    charts.Renderer.html(renderer, charts.time_to_follow_up_chart(interviews, followups), "histogram")
    remembered = [timed(lambda s=s: renderer.html(charts.time_to_follow_up_chart(*s), "histogram"))[1]
                  for s in selections]  # fmt: skip

    kept = charts.time_to_follow_up_chart(interviews, followups)
    FigureCanvasAgg(kept)
    charts.to_png(kept)
    kept.set_layout_engine("none")
    ax = kept.axes[0]
    bars = list(ax.patches)
    edges = np.arange(0, charts.HISTOGRAM_MAX_HOURS + 7, 6)

    def update_in_place(selection) -> None:
        hours = metrics.time_to_follow_up(*selection)["hours"].to_numpy(dtype=float)
        sent = hours[~np.isnan(hours)]
        counts, _ = np.histogram(np.minimum(sent, charts.HISTOGRAM_MAX_HOURS + 1), bins=edges)
        for bar, count in zip(bars, counts, strict=True):
            bar.set_height(count)
        ax.set_ylim(0, max(int(counts.max()), 1) * 1.15)
        inside = int(np.count_nonzero(sent <= metrics.THANK_YOU_HOURS))
        kept.suptitle(f"{inside / max(len(hours), 1):.0%} of your interviews got a thank-you within 24 h")
        charts.to_html(kept, pil_kwargs={"compress_level": 1})

    in_place = [timed(lambda s=s: update_in_place(s))[1] for s in selections]
    print("\nRedrawing the histogram after a kind change (CPU s per redraw, median / worst):")
    for label, values in (("rebuild, constrained layout (old)", rebuild),
                          ("rebuild, layout and canvas kept (Renderer)", remembered),
                          ("update artists in place", in_place)):
        print(f"  {label:<40} {statistics.median(values):6.3f} / {max(values):6.3f}")
    found = importlib.util.find_spec("ipympl") is not None
    print(f"  ipympl: {'installed, not timed (needs a browser)' if found else 'not installed'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", default=["sample", "1000", "20000"])
    parser.add_argument("--cohorts", nargs="+", type=int, default=[30, 300])
    parser.add_argument("--changes", type=int, default=8, help="filter changes of each kind to time")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each sequence; the least time is kept")
    parser.add_argument("--alternatives", action="store_true", help="compare ways to redraw one chart")
    parser.add_argument("--tiny", action="store_true", help="a quick run that proves the script works")
    options = parser.parse_args()
    if options.tiny:
        options.sizes, options.cohorts, options.changes, options.repeat = ["30"], [3], 2, 1
    charts.to_png(charts.dashboard_charts(*sample.generate(20, seed=1))[0])  # import matplotlib first
    print(f"{'log':>12} {'inter-':>6} {'floor':>7} {'floor':>7} {'build':>7} {'build':>7} {'build':>6}  "
          f"{'change':<6} {'median':>7} {'worst':>7} {'median':>7} {'worst':>7} {'median':>6}")
    print(f"{'':>12} {'views':>6} {'wall s':>7} {'CPU s':>7} {'wall s':>7} {'CPU s':>7} {'/floor':>6}  "
          f"{'':<6} {'wall s':>7} {'wall s':>7} {'CPU s':>7} {'CPU s':>7} {'/floor':>6}")
    for size in options.sizes:
        measure(size, *frames_for(size), options.changes, repeat=options.repeat)
    for participants in options.cohorts:
        measure(f"cohort {participants}", *cohort_frames(participants), options.changes, large=True,
                owner="the cohort's", repeat=options.repeat)
    if options.alternatives or options.tiny:
        alternatives(*frames_for("sample" if not options.tiny else "30"), max(options.changes, 2))


if __name__ == "__main__":
    main()
