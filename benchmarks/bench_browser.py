"""Time the real-browser suite (JupyterLab and Voilà in Chromium) and print it.

    .venv/bin/python benchmarks/bench_browser.py
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "tests/browser"], cwd=ROOT,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    summary = [line for line in result.stdout.splitlines() if " passed" in line or " failed" in line]
    print(f"browser suite: {elapsed:.1f} s ({summary[-1].strip('= ') if summary else 'no summary'})")
    if result.returncode:
        print(result.stdout[-3000:])
        raise SystemExit(result.returncode)


if __name__ == "__main__":
    main()
