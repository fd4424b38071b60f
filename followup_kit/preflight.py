"""The preflight check notebook 00 runs: is this kernel ready for the workbook?

It compares each installed package with the version pinned in pyproject.toml
(recorded in the installed package's metadata), tries the imports the
notebooks need, and checks that the log folder can be written.  The result
prints "OK" or, for each problem, exactly what to fix.
"""

from __future__ import annotations

import importlib
import importlib.metadata as metadata
import os
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import paths

__all__ = [
    "BINDER_VARIABLES",
    "FIX_COMMAND",
    "IMPORT_NAMES",
    "MIN_PYTHON",
    "Preflight",
    "on_binder",
    "pinned_requirements",
    "run_preflight",
    "session_notice",
]

MIN_PYTHON = (3, 11)
#: Import names for packages whose import name differs from the distribution name.
IMPORT_NAMES = {"jupyterlab": "jupyterlab", "ipywidgets": "ipywidgets", "voila": "voila",
                "vadersentiment": "vaderSentiment"}
FIX_COMMAND = "python3 tasks.py lab"


@dataclass
class Preflight:
    """What the check found: one line per item, and the problems to fix."""

    checked: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.ok:
            return "OK: " + "; ".join(self.checked)
        return "NOT READY. Fix these, then restart the kernel and run this cell again:\n" + "\n".join(
            f"  - {problem}" for problem in self.problems
        )

    def _repr_html_(self) -> str:
        from html import escape

        if self.ok:
            return f"<p role='status'><strong>✓ OK</strong>: {escape('; '.join(self.checked))}</p>"
        items = "".join(f"<li>{escape(problem)}</li>" for problem in self.problems)
        return (
            "<div role='alert'><strong>✗ Not ready.</strong> Fix these, then restart the kernel "
            f"(Kernel ▸ Restart) and run this cell again:<ul>{items}</ul></div>"
        )


def pinned_requirements(distribution: str = "followup-kit") -> dict[str, str]:
    """The ``name==version`` pins of the installed kit, without extras-only ones."""
    try:
        requirements = metadata.requires(distribution) or []
    except metadata.PackageNotFoundError:
        return {}
    pins = {}
    for requirement in requirements:
        if "extra ==" in requirement:
            continue
        match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*==\s*([^\s;]+)", requirement)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def run_preflight(log_dir: Path | None = None) -> Preflight:
    """Check Python, the pinned packages, the kit itself and the log folder."""
    report = Preflight()
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info < MIN_PYTHON:
        report.problems.append(
            f"Python {version} is too old: install Python 3.11 or later, then run '{FIX_COMMAND}'."
        )
    else:
        report.checked.append(f"Python {version}")

    pins = pinned_requirements()
    if not pins:
        report.problems.append(
            f"followup-kit is not installed in this kernel's Python ({sys.executable}): "
            f"run '{FIX_COMMAND}' and pick the kernel of .venv."
        )
    for name, wanted in sorted(pins.items()):
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            report.problems.append(f"{name} is missing: run '{FIX_COMMAND}' (it installs {name}=={wanted}).")
            continue
        if installed != wanted:
            report.problems.append(
                f"{name} is {installed} but the workbook is tested with {wanted}: run '{FIX_COMMAND}'."
            )
            continue
        module = IMPORT_NAMES.get(name, name.replace("-", "_"))
        try:
            importlib.import_module(module)
        except Exception as error:  # an import can fail in many ways; report any of them
            report.problems.append(f"{name} {installed} is installed but 'import {module}' fails: {error}.")
            continue
        report.checked.append(f"{name} {installed}")

    folder, why = (Path(log_dir), "as given") if log_dir is not None else paths.where_and_why()
    probe_dir = folder
    while not probe_dir.exists() and probe_dir != probe_dir.parent:
        probe_dir = probe_dir.parent
    try:
        with tempfile.TemporaryFile(dir=probe_dir):
            pass
        report.checked.append(f"your log folder is {folder} ({why}) and can be written")
    except OSError as error:
        report.problems.append(
            f"Your log folder {folder} ({why}) cannot be written ({error.strerror}): "
            f"check its permissions or set {paths.LOG_ENV} to a folder you own."
        )
    _check_handin(report)
    return report


def _check_handin(report: Preflight, environ: dict[str, str] | None = None) -> None:
    """When the coach set a hand-in folder (``FOLLOWUP_KIT_HANDIN``), say whether a summary can go there."""
    folder = paths.handin_dir(environ)
    if folder is None:
        return
    if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
        report.checked.append(f"your coach's hand-in folder is {folder} and can be written")
    else:
        why = "does not exist" if not folder.is_dir() else "cannot be written"
        report.problems.append(
            f"Your coach's hand-in folder {folder} ({paths.HANDIN_ENV}) {why}: tell your coach. Until it is "
            "fixed, the summary button in notebook 03 offers your summary as a download instead."
        )


#: Environment variables BinderHub sets in every session it launches.
BINDER_VARIABLES = ("BINDER_LAUNCH_HOST", "BINDER_REPO_URL", "BINDER_REQUEST", "BINDER_SERVICE_HOST")


def on_binder(environ: dict[str, str] | None = None) -> bool:
    """True inside a mybinder.org (BinderHub) session, whose files vanish when it ends."""
    environ = os.environ if environ is None else environ
    return any(name in environ for name in BINDER_VARIABLES)


def session_notice(environ: dict[str, str] | None = None) -> str:
    """What a learner must know about keeping their log, worded for where they are."""
    keep = (
        "Before you step away, open notebook 01 and press <b>Download my log</b>; next time, "
        "choose that zip there with <b>Choose a file</b> and press <b>Import the upload</b> "
        "to carry on where you left off."
    )
    if on_binder(environ):
        return (
            "<div role='alert'><b>You are on Binder.</b> This session is deleted after about "
            "10 idle minutes (and after about 6 hours at most), and nothing in it is kept. " + keep + "</div>"
        )
    from html import escape

    folder = escape(str(paths.log_dir(dict(environ) if environ is not None else None)))
    return (
        f"<div role='note'>You are not on Binder: your log is saved in <code>{folder}</code> and stays "
        "there. If you ever use the Binder link, remember that a Binder session is deleted after about "
        "10 idle minutes. " + keep + "</div>"
    )
