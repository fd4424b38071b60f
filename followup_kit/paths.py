"""Where the learner's files live: one home for the log folder, the exports and the coach's hand-in.

On a laptop with a checkout of the workbook, the learner's folder is ``data/my_log``
inside it (git-ignored).  On a JupyterHub (``JUPYTERHUB_USER`` is set) and whenever
the package is not inside a writable checkout (``pip install`` into a shared
environment), the package folder is shared by every learner or not writable at
all, so the log goes under the learner's own home: ``~/followup-kit-log``, beside (never
inside) the ``~/followup-kit`` folder an nbgitpuller link clones the workbook into.
``FOLLOWUP_KIT_LOG`` overrides both.  Exports (the anonymised summary) go beside
the log, in its ``exports`` folder, never into the repository.  A coach's hand-in
folder is ``FOLLOWUP_KIT_HANDIN`` (e.g. a shared folder every learner can write).

It is also the one place the kit reads its ``FOLLOWUP_KIT_*`` environment variables: ``FOLLOWUP_KIT_NOW``
(``frozen_now``, the clock a coach or a test stops; ``place.now`` reads it through here).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = [
    "HANDIN_ENV",
    "NOW_ENV",
    "SAMPLE_DIR",
    "SCENARIO_DIR",
    "HOME_FOLDER",
    "LOG_ENV",
    "checkout",
    "export_dir",
    "frozen_now",
    "handin_dir",
    "log_dir",
    "on_hub",
    "where_and_why",
]

#: Environment variable that moves the learner's own log elsewhere.
LOG_ENV = "FOLLOWUP_KIT_LOG"
#: Environment variable naming the coach's hand-in folder for anonymised summaries.
HANDIN_ENV = "FOLLOWUP_KIT_HANDIN"
#: Environment variable that stops the kit's clock (an ISO 8601 date and time; see ``place.now``).
NOW_ENV = "FOLLOWUP_KIT_NOW"
#: The learner's log folder under their home when the checkout cannot be used.  Not
#: ``~/followup-kit/...``: that is where an nbgitpuller link clones the workbook, and a log inside
#: the clone would show in its ``git status`` (or block the first clone if it came first).
HOME_FOLDER = Path("followup-kit-log")

_PACKAGE = Path(__file__).resolve().parent


def _shipped(*parts: str) -> Path:
    """A folder shipped inside the package (``followup_kit/data/...``), found with importlib.resources.

    The sample log and the role-play scenarios travel in the wheel, so an installed kit has them
    without a checkout.  They are opened as ordinary files (``InterviewLog`` reads a folder), so the
    package must be installed unzipped, as pip always does.
    """
    return Path(str(resources.files("followup_kit").joinpath("data", *parts)))


#: The synthetic sample log, read-only for learners (written by ``python -m followup_kit.sample``).
SAMPLE_DIR = _shipped("sample")
#: The role-play scripts, one JSON file per scenario.
SCENARIO_DIR = _shipped("scenarios")


def checkout() -> Path | None:
    """The workbook checkout the package runs from, or None for an installed package."""
    root = _PACKAGE.parent
    if (root / "pyproject.toml").is_file() and (root / "notebooks").is_dir():
        return root
    return None


def frozen_now(environ: dict[str, str] | None = None) -> str:
    """The ``FOLLOWUP_KIT_NOW`` text (stripped), or "" when the clock runs (``place.now`` parses it)."""
    environ = os.environ if environ is None else environ
    return environ.get(NOW_ENV, "").strip()


def on_hub(environ: dict[str, str] | None = None) -> bool:
    """True in a learner's server on a JupyterHub, where every learner has a home of their own."""
    environ = os.environ if environ is None else environ
    return bool(environ.get("JUPYTERHUB_USER", "").strip())


def _writable(folder: Path) -> bool:
    probe = folder
    while not probe.exists() and probe != probe.parent:
        probe = probe.parent
    return os.access(probe, os.W_OK)


def where_and_why(environ: dict[str, str] | None = None) -> tuple[Path, str]:
    """The learner's log folder and, in a few words, why it is there."""
    environ = os.environ if environ is None else environ
    override = environ.get(LOG_ENV, "").strip()
    if override:
        return Path(override).expanduser(), f"set by {LOG_ENV}"
    root = checkout()
    if on_hub(environ):
        return Path.home() / HOME_FOLDER, "on a JupyterHub, in your own home"
    if root is None:
        return Path.home() / HOME_FOLDER, "the kit is installed, so in your home"
    if not _writable(root / "data"):
        return Path.home() / HOME_FOLDER, "the workbook's folder cannot be written, so in your home"
    return root / "data" / "my_log", "in the workbook's data folder (git ignores it)"


def log_dir(environ: dict[str, str] | None = None) -> Path:
    """The learner's own log folder (see the module doc)."""
    return where_and_why(environ)[0]


def export_dir(environ: dict[str, str] | None = None) -> Path:
    """Where the learner's exports go: ``exports`` inside their log folder."""
    return log_dir(environ) / "exports"


def handin_dir(environ: dict[str, str] | None = None) -> Path | None:
    """The coach's hand-in folder (``FOLLOWUP_KIT_HANDIN``), or None when the coach set none."""
    environ = os.environ if environ is None else environ
    value = environ.get(HANDIN_ENV, "").strip()
    return Path(value).expanduser() if value else None
