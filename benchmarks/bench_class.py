"""A class on a local JupyterHub at N = 5, 15 and 30: the rehearsal's figures, one table per class size.

Each size is a full ``tests/hub/rehearsal.py`` run (``python3 tasks.py hub-rehearsal``): everyone
arrives at once through the nbgitpuller link, logs three interviews in notebook 01 and hands in a
summary from notebook 03, with both notebooks' kernels open.  Goals on a 2-core machine (issue 14):
every participant ready, median link → notebook ≤ 60 s, memory per participant ≤ 350 MB RSS.

    .venv/bin/python benchmarks/bench_class.py                 # 5, 15, 30
    .venv/bin/python benchmarks/bench_class.py --sizes 5 15    # a shorter run
    .venv/bin/python benchmarks/bench_class.py --sizes 2 --browsers 1 --json figures.json

Figures depend on the machine and on what else runs on it: say so when you quote them.  The run
starts and ends with a reference figure, the CPU-seconds a fixed pure-Python loop takes (best of three),
so two runs can be compared: on a shared virtual machine the same code has taken 40% more CPU-seconds
at one hour than at another, and every participant's figures move with it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.hub import rehearsal  # noqa: E402

GOAL_MEDIAN_READY_S = 60
GOAL_MEMORY_MB = 350


def verdicts(figures: dict) -> list[str]:
    """The goals, each MET or MISSED with the figure."""
    ready, n = figures["ready"], figures["participants"]
    median, memory = figures["ready_median_s"], figures["memory_median_mb"]
    rows = [f"{'MET' if ready == n else 'MISSED'}: {ready} of {n} participants ready"]
    if median is not None:
        rows.append(f"{'MET' if median <= GOAL_MEDIAN_READY_S else 'MISSED'}: median link → notebook "
                    f"{median:.0f} s (goal ≤ {GOAL_MEDIAN_READY_S} s)")  # fmt: skip
    if memory is not None:
        rows.append(f"{'MET' if memory <= GOAL_MEMORY_MB else 'MISSED'}: memory per participant "
                    f"{memory:.0f} MB RSS (goal ≤ {GOAL_MEMORY_MB} MB)")  # fmt: skip
    if figures.get("pss_median_mb") is not None:
        rows.append(f"for sizing: {figures['pss_median_mb']:.0f} MB PSS per participant (shared library "
                    "pages counted once per machine, not once per process)")  # fmt: skip
    return rows


def reference_cpu_s() -> float:
    """CPU-seconds for a fixed pure-Python loop, best of three: this machine's speed right now."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        sum(i * i for i in range(5_000_000))
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5, 15, 30])
    parser.add_argument("--browsers", type=int, default=None)
    parser.add_argument("--pace", choices=rehearsal.PACES, default="class",
                        help="class (default): learners read and type at human speeds; "
                             "none: the stress case")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write every size's figures to this file")
    args = parser.parse_args(argv)
    before = reference_cpu_s()
    print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.1f} at the start; "
          f"reference loop {before:.3f} CPU-s; pace {args.pace}", flush=True)  # fmt: skip
    everything, ok = {"reference_cpu_s_before": before}, True
    for size in args.sizes:
        print(f"\n== a class of {size} ==", flush=True)
        report = rehearsal.rehearse(size, args.browsers, pace=args.pace)
        print(report.table())
        figures = report.as_dict()
        for line in verdicts(figures):
            print(line)
        everything[str(size)] = figures
        ok = ok and report.ok
    everything["reference_cpu_s_after"] = after = reference_cpu_s()
    print(f"\nreference loop at the end: {after:.3f} CPU-s (at the start: {before:.3f})")
    if args.json:
        args.json.write_text(json.dumps(everything, indent=1) + "\n")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
