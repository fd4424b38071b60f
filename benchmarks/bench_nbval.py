"""Time the nbval run over every notebook against a floor, and print both.

The floor is the same number of notebooks that only import pandas, matplotlib
and ipywidgets: the cost of starting kernels and loading the stack, which no
workbook can avoid.  Goal: the workbook's run is at most 1.5x the floor.

    .venv/bin/python benchmarks/bench_nbval.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NBVAL = ["--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300", "-q", "-p", "no:cacheprovider"]


def timed_nbval(paths: list[Path], cwd: Path) -> float:
    env = dict(os.environ, MPLBACKEND="Agg")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pytest", *NBVAL, *map(str, paths)], cwd=cwd, env=env,
                   check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor_notebooks(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
            "import ipywidgets\nimport matplotlib.pyplot as plt\nimport pandas as pd"
        )])
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                           "language": "python"}
        path = folder / f"floor_{index:02d}.ipynb"
        nbformat.write(notebook, path)
        paths.append(path)
    return paths


def main() -> None:
    notebooks = sorted((ROOT / "notebooks").glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as log:
        os.environ["FOLLOWUP_KIT_LOG"] = log  # never touch a learner's own log
        floor = timed_nbval(floor_notebooks(Path(tmp), len(notebooks)), Path(tmp))
        workbook = timed_nbval(notebooks, ROOT)
    print(f"notebooks: {len(notebooks)}")
    print(f"floor (import pandas, matplotlib, ipywidgets only): {floor:.1f} s")
    print(f"workbook nbval run: {workbook:.1f} s")
    print(f"ratio: {workbook / floor:.2f}x (goal <= 1.5x)")


if __name__ == "__main__":
    main()
