"""Installed size of the workbook's environment against the design card's five packages.

Builds two throwaway virtual environments with the pinned versions and
compares the size of their site-packages: (a) jupyterlab, ipywidgets, pandas,
matplotlib and nbval alone, (b) everything environment.yml lists.
Goal: (b) is at most 1.15x (a).  Needs the network (or a warm pip cache).

    .venv/bin/python benchmarks/bench_env_size.py
"""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESIGN_CARD = ("jupyterlab", "ipywidgets", "pandas", "matplotlib", "nbval")


def environment_pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s*-\s*([A-Za-z0-9_.\-]+)=([^\s#]+)", line)
        if match and match.group(1) != "python":
            pins[match.group(1)] = match.group(2)
    return pins


def installed_size(requirements: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        venv.create(tmp, with_pip=True)
        python = Path(tmp) / "bin" / "python"
        subprocess.run([python, "-m", "pip", "install", "-q", "--disable-pip-version-check", *requirements],
                       check=True)
        site = next(Path(tmp).glob("lib/python*/site-packages"))
        return sum(f.stat().st_size for f in site.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> None:
    pins = environment_pins()
    card = installed_size([f"{name}=={pins[name]}" for name in DESIGN_CARD])
    full = installed_size([f"{name}=={version}" for name, version in pins.items()])
    print(f"design card's five packages: {card / 2**20:.0f} MiB")
    print(f"environment.yml ({len(pins)} packages): {full / 2**20:.0f} MiB")
    print(f"ratio: {full / card:.3f}x (goal <= 1.15x)")
    print(f"(python {sys.version.split()[0]}; sizes of site-packages, pip and setuptools included in both)")


if __name__ == "__main__":
    main()
