"""Whole-process cost of ``import followup_kit`` against ``import pandas``.

    .venv/bin/python benchmarks/bench_import.py [--runs 15]

Each run starts a fresh interpreter (``python -c "import X"``) and times it
from outside, so interpreter start-up, site packages and every import are
counted, as a learner's kernel pays them.  Runs alternate between the
commands and the medians are compared.  Goal: ``import followup_kit`` at most
1.15x ``import pandas``.  The last two lines show what the first log or chart
costs on top, for information (matplotlib and ipywidgets load only then).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

GOAL_RATIO = 1.15
COMMANDS = {
    "import pandas": "import pandas",
    "import followup_kit": "import followup_kit",
    "import followup_kit.metrics (pandas + numpy)": "import followup_kit.metrics",
    "followup_kit.charts + a first chart (matplotlib)": (
        "import followup_kit.charts as c, followup_kit.sample as s; c.funnel_chart(*s.generate(5))"
    ),
}


def run_once(code: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    options = parser.parse_args()
    for code in COMMANDS.values():  # warm the file cache once
        run_once(code)
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(options.runs):
        for name, code in COMMANDS.items():
            times[name].append(run_once(code))
    medians = {name: statistics.median(values) for name, values in times.items()}
    base = medians["import pandas"]
    for name, seconds in medians.items():
        print(f"{name:<50} median {seconds * 1000:6.0f} ms  ({seconds / base:.2f}x pandas)")
    ratio = medians["import followup_kit"] / base
    verdict = "OK" if ratio <= GOAL_RATIO else "MISSED"
    print(f"import followup_kit / import pandas: {ratio:.2f}x (goal <= {GOAL_RATIO}x) {verdict}")


if __name__ == "__main__":
    main()
