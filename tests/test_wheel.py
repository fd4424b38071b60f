"""The kit as a JupyterHub admin installs it: a built wheel in a fresh venv, far from the checkout.

The wheel is built from a copy of the package (so the build leaves nothing in the checkout), installed
with ``--no-deps`` into a new venv in a temporary folder, and the pinned dependencies are borrowed from
the test environment through a ``.pth`` line (the same pins; it keeps the test offline and quick).  The
smoke script runs with ``python -I`` from the temporary folder, so neither the checkout nor
``PYTHONPATH`` nor the editable install can supply ``followup_kit``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The fresh venv's pip and python must not see the checkout (PYTHONPATH would show its egg-info to pip
#: as "already installed", and its package to python).
CLEAN_ENV = {name: value for name, value in os.environ.items() if not name.startswith("PYTHON")}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("followup_kit", "share"):  # share/: data files the wheel installs (Voila templates)
        if (ROOT / folder).is_dir():
            shutil.copytree(ROOT / folder, source / folder,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
         "-w", str(out), str(source)],
        check=True, cwd=out, timeout=600, env=CLEAN_ENV,
    )
    (built,) = out.glob("followup_kit-*.whl")
    return built


def test_the_wheel_ships_the_sample_and_every_scenario(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = {name for name in names if name.startswith("followup_kit/data/")}
    expected = {
        f"followup_kit/data/{path.relative_to(ROOT / 'followup_kit' / 'data').as_posix()}"
        for path in (ROOT / "followup_kit" / "data").rglob("*")
        if path.is_file() and path.suffix in {".csv", ".json", ".xlsx"}
    }
    assert {"followup_kit/data/sample/interviews.csv", "followup_kit/data/sample/followups.csv"} <= shipped
    assert len([n for n in shipped if n.startswith("followup_kit/data/scenarios/")]) == 7
    assert "followup_kit/data/followup-kit-template.xlsx" in shipped  # the tracker template's download
    assert shipped == expected
    assert "followup_kit/py.typed" in names


def test_an_installed_wheel_works_without_the_checkout(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index",
         "--disable-pip-version-check", str(wheel)],
        check=True, timeout=300, env=CLEAN_ENV,
    )
    site = Path(subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True, env=CLEAN_ENV,
    ).stdout.strip())
    (site / "_pinned_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    smoke = tmp_path / "installed_smoke.py"
    shutil.copy(ROOT / "tests" / "installed_smoke.py", smoke)
    done = subprocess.run(
        [str(python), "-I", str(smoke)], cwd=tmp_path, capture_output=True, text=True, timeout=600,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MPLBACKEND": "Agg"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "installed kit OK: 72 sample interviews" in done.stdout
    assert str(site / "followup_kit") in done.stdout
