"""How much planning the plan view (notebook 02) does per refresh, and how long a refresh takes.

    PYTHONPATH=. .venv/bin/python benchmarks/bench_plan.py [--sizes 72 500] [--repeat 3]

For each size it writes a synthetic log (``sample.write_sample``, the sample's own generator and seed)
and opens ``PlanView`` on it as of ``sample.SAMPLE_NOW``.  It prints, per refresh (the *Reload the log*
button, or any change of the menus): how many times ``planner.plan_followups`` ran, against the number of
interviews (``nudges.plan_all`` plans each once: before it, the queue and its calendar file planned each
interview once each, and the picked one a third time), and the median and worst time of ``--repeat``
refreshes.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from followup_kit import planner, sample  # noqa: E402
from followup_kit.place import Place  # noqa: E402
from followup_kit.store import InterviewLog  # noqa: E402
from followup_kit.widgets.plan import PlanView  # noqa: E402


def measure(n: int, repeat: int) -> tuple[int, int, float, float]:
    """(interviews, plans per refresh, median ms, worst ms) for a synthetic log of ``n`` interviews."""
    calls = 0
    real = planner.plan_followups

    def counting(*args: object, **kwargs: object) -> list[planner.Step]:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)  # type: ignore[arg-type]

    with tempfile.TemporaryDirectory() as folder:
        sample.write_sample(Path(folder) / "log", n, seed=sample.SAMPLE_SEED)
        log = InterviewLog(Path(folder) / "log", read_only=True)
        view = PlanView(log, now=sample.SAMPLE_NOW, fallback_to_sample=False, place=Place(timezone="UTC"))
        planner.plan_followups = counting
        try:
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                view.refresh()
                times.append((time.perf_counter() - start) * 1000)
        finally:
            planner.plan_followups = real
        return len(log), calls // repeat, statistics.median(times), max(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[sample.SAMPLE_INTERVIEWS, 500])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'interviews':>10} {'plans per refresh':>18} {'median ms':>10} {'worst ms':>9}")
    for n in args.sizes:
        count, plans, median, worst = measure(n, args.repeat)
        print(f"{count:>10,} {plans:>18,} {median:>10.0f} {worst:>9.0f}")


if __name__ == "__main__":
    main()
