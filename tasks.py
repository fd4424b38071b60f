"""Set up the workbook and open it, or set it up and run every test.

    python3 tasks.py lab     # make .venv, install the pinned kit, open JupyterLab on notebook 00
    python3 tasks.py test    # make .venv, install the kit with its test tools, run every test
    python3 tasks.py hub-rehearsal --participants 5   # a class of 5 on a local JupyterHub, with figures
    python3 tasks.py train-tone    # retrain the learned tone signal on the tuning messages (scikit-learn)
    python3 tasks.py train-presence   # the same for the learned presence signal (a second opinion)
    python3 tasks.py template      # rebuild the shipped .xlsx tracker template after changing its columns

Only the Python standard library is used here, so it runs on a fresh machine
with Python 3.11+ and pip, on Linux, macOS and Windows (use ``py tasks.py``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
FIRST_NOTEBOOK = "notebooks/00_start_here.ipynb"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")


def say(message: str) -> None:
    print(f"[tasks] {message}", flush=True)


def run(*args: str | Path, **kwargs) -> None:
    command = [str(a) for a in args]
    result = subprocess.run(command, cwd=ROOT, **kwargs)
    if result.returncode:
        raise SystemExit(result.returncode)


def ensure_env(extras: str = "") -> None:
    """Create .venv and install the pinned kit, unless it is already up to date."""
    if sys.version_info < (3, 11):  # noqa: UP036 - tasks.py may be started by an older python3
        raise SystemExit(f"Python 3.11 or later is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        say("creating the virtual environment in .venv …")
        try:
            venv.create(VENV, with_pip=True)
        except Exception as error:  # e.g. Debian's python3 without python3-venv
            raise SystemExit(
                f"Could not create .venv ({error}). On Debian or Ubuntu run "
                "'sudo apt-get install python3-venv' and try again."
            ) from None
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    stamp = VENV / f".installed{extras or '-base'}"
    if stamp.exists() and stamp.read_text() == wanted:
        return
    say("installing the pinned packages (a minute or two the first time) …")
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    run(PYTHON, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", target)
    stamp.write_text(wanted)


#: JupyterLab settings the set-up installs into .venv: no news pop-up and no update check for learners.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    # One kernel per open notebook, not per notebook ever opened: closing a tab stops its kernel (on a hub
    # each kernel is 80-140 MB of the learner's memory; the log is on disk, so nothing is lost).
    "@jupyterlab/notebook-extension:tracker": {"kernelShutdown": True},
}


def write_lab_overrides(prefix: Path = VENV) -> Path:
    """Write JupyterLab's overrides.json into the environment (``share/jupyter/lab/settings``)."""
    import json

    path = prefix / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    # Widget state (every text a learner typed into an exercise) must never be saved into a notebook:
    # @jupyter-widgets/jupyterlab-manager writes it on save only when its saveState setting is on.
    settings = {**LAB_OVERRIDES, "@jupyter-widgets/jupyterlab-manager:plugin": {"saveState": False}}
    path.write_text(json.dumps(settings, indent=2) + "\n", encoding="utf-8")
    return path


#: The kit's Voilà template for the coach's projector (no CDN icons, no markdown), in the checkout.
VOILA_TEMPLATE = ROOT / "share" / "jupyter" / "voila" / "templates" / "fk-projector"


def install_voila_template(prefix: Path = VENV) -> Path:
    """Copy the ``fk-projector`` Voilà template into the environment, where Voilà looks for templates."""
    target = prefix / "share" / "jupyter" / "voila" / "templates" / VOILA_TEMPLATE.name
    shutil.copytree(VOILA_TEMPLATE, target, dirs_exist_ok=True)
    return target


def lab(extra: list[str]) -> None:
    """Open JupyterLab on the first notebook."""
    ensure_env()
    write_lab_overrides()
    install_voila_template()
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "--allow-root" not in extra:
        say("running as root (a container?): passing --allow-root to JupyterLab.")
        extra = [*extra, "--allow-root"]
    say(f"opening JupyterLab on {FIRST_NOTEBOOK} (press Ctrl+C twice to stop) …")
    run(BIN / "jupyter", "lab", f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.default_url=/lab/tree/{FIRST_NOTEBOOK}", *extra)


def ensure_chromium() -> None:
    """Install Debian's Chromium for the browser tests when it is missing and we may."""
    if any(Path(p).is_file() for p in CHROMIUM) or os.environ.get("CHROMIUM"):
        return
    apt = shutil.which("apt-get")
    if apt and hasattr(os, "geteuid") and os.geteuid() == 0:
        say("installing Debian's chromium for the browser tests …")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        run(apt, "update", "-qq", env=env)
        run(apt, "install", "-y", "-qq", "chromium", env=env)
    else:
        say("no Chromium found: the browser tests will fail until you install it "
            "(Debian/Ubuntu: 'sudo apt-get install chromium'; elsewhere set CHROMIUM=/path/to/chrome).")


#: axe-core, the accessibility checker the browser tests inject into each notebook (npm, pinned).
AXE_CORE = "axe-core@4.11.0"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def ensure_axe() -> None:
    """Install axe-core into ./node_modules (git-ignored) for the browser tests, when npm is here."""
    stamp = ROOT / "node_modules" / ".axe-core-pin"
    if AXE_SCRIPT.is_file() and stamp.is_file() and stamp.read_text() == AXE_CORE:
        return
    npm = shutil.which("npm")
    if npm is None:
        say("no npm found: the accessibility tests will fail until you install Node.js and npm "
            f"(then 'npm install --no-save {AXE_CORE}' here).")
        return
    say(f"installing {AXE_CORE} for the accessibility tests …")
    run(npm, "install", "--no-save", "--no-audit", "--no-fund", "--no-package-lock", "--prefix", ROOT,
        AXE_CORE)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(AXE_CORE)


def test(extra: list[str]) -> None:
    """Lint, then run the unit tests, the browser and hub tests and every notebook under nbval."""
    ensure_env(TEST_EXTRAS)
    ensure_chromium()
    install_voila_template()
    ensure_axe()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    say("ruff: lint the package, tests and notebooks …")
    run(BIN / "ruff", "check", ".", env=env)
    say("pytest: unit tests, then every notebook under nbval …")
    run(
        PYTHON, "-m", "pytest", "tests", "notebooks",
        "--nbval-lax", "--nbval-current-env", "--nbval-cell-timeout=300",
        *extra, env=env,
    )


#: The test run needs the browser tools and, for the hub rehearsal test, the ``hub`` extra.
TEST_EXTRAS = "test,hub"


def hub_rehearsal(extra: list[str]) -> None:
    """Rehearse a class on a local JupyterHub and print its figures (tests/hub/rehearsal.py does it all)."""
    ensure_env(TEST_EXTRAS)
    ensure_chromium()
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONHASHSEED="0")
    run(PYTHON, "-m", "tests.hub.rehearsal", *extra, env=env)


def train_tone(extra: list[str]) -> None:
    """Retrain the messages' learned tone signal on the tuning batches only and write
    followup_kit/data/tone_model.json (benchmarks/train_tone.py; scikit-learn comes with the test tools)."""
    ensure_env(TEST_EXTRAS)
    run(PYTHON, ROOT / "benchmarks" / "train_tone.py", *extra)


def train_presence(extra: list[str]) -> None:
    """Cross-validate the messages' learned presence signal on the tuning batches only and write
    followup_kit/data/presence_model.json (benchmarks/train_presence.py)."""
    ensure_env(TEST_EXTRAS)
    run(PYTHON, ROOT / "benchmarks" / "train_presence.py", *extra)


def template(extra: list[str]) -> None:
    """Rebuild the shipped .xlsx template (followup_kit/data/followup-kit-template.xlsx) from
    trackers.build_template_xlsx, after a change to the template's columns."""
    ensure_env()
    code = ("import sys; from followup_kit.trackers import build_template_xlsx; "
            "open(sys.argv[1], 'wb').write(build_template_xlsx())")
    run(PYTHON, "-c", code, ROOT / "followup_kit" / "data" / "followup-kit-template.xlsx")


def main(argv: list[str]) -> None:
    commands = {
        "lab": lab,
        "test": test,
        "hub-rehearsal": hub_rehearsal,
        "train-tone": train_tone,
        "train-presence": train_presence,
        "template": template,
    }
    if not argv or argv[0] not in commands:
        print(__doc__)
        raise SystemExit(2)
    commands[argv[0]](argv[1:])


if __name__ == "__main__":
    main(sys.argv[1:])
