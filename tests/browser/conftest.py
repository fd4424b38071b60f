"""Real-browser fixtures: Debian's Chromium via Playwright, JupyterLab and Voilà on 127.0.0.1.

Servers work on a temporary copy of the repository with their own settings
(windowing off, autosave and news off) and their own learner log, so a test
never writes into the checkout.  Without a browser the tests fail with a
clear message: they are part of CI and must run there.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from moments import IDS, INSTANTS

from followup_kit.place import NOW_ENV, Place
from followup_kit.store import InterviewLog

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
}


def chromium_path() -> str:
    """Debian's Chromium, or a clear failure saying how to get it."""
    for candidate in (os.environ.get("CHROMIUM"), *CHROMIUM_CANDIDATES):
        if candidate and Path(candidate).is_file():
            return candidate
    pytest.fail(
        "No Chromium found for the browser tests (looked at $CHROMIUM and "
        f"{', '.join(CHROMIUM_CANDIDATES)}). Install Debian's package: 'sudo apt-get install chromium' "
        "(python3 tasks.py test does this when it runs as root). Never 'playwright install'.",
        pytrace=False,
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str | None, port: int, process: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    """Wait until the server answers ``url`` (or, without a url, accepts connections)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            if url is None:
                socket.create_connection(("127.0.0.1", port), timeout=2).close()
            else:
                with urllib.request.urlopen(url, timeout=2):
                    pass
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} within {timeout} s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="session")
def workspace(tmp_path_factory) -> Path:
    """A copy of the notebooks and data, plus a fresh learner log folder."""
    return make_workspace(tmp_path_factory.mktemp("workbook"))


def make_workspace(root: Path) -> Path:
    """Copy the notebooks and data into ``root``, with an empty learner log and private Lab settings."""
    shutil.copytree(ROOT / "notebooks", root / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("my_log"))
    (root / "my_log").mkdir()
    settings = root / ".lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    return root


def server_env(workspace: Path, **extra: str) -> dict[str, str]:
    """The servers run in UTC, as on Binder and most hubs, whatever this machine's zone."""
    env = dict(
        os.environ,
        FOLLOWUP_KIT_LOG=str(workspace / "my_log"),
        JUPYTERLAB_SETTINGS_DIR=str(workspace / ".lab-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(workspace / ".lab-workspaces"),
        MPLBACKEND="module://matplotlib_inline.backend_inline",
        TZ="UTC",
        **extra,
    )
    if NOW_ENV not in extra:
        env.pop(NOW_ENV, None)
    return env


def start(
    command: list[str], workspace: Path, name: str, probe: str | None, **env: str
) -> Iterator[str]:
    port = free_port()
    log = workspace / f"{name}.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [arg.replace("{port}", str(port)) for arg in command],
            cwd=workspace, env=server_env(workspace, **env), stdout=out, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(None if probe is None else url + probe, port, process, log)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


LAB_COMMAND = [
    sys.executable, "-m", "jupyter", "lab", "--no-browser",
    "--ServerApp.ip=127.0.0.1", "--ServerApp.port={port}", "--ServerApp.port_retries=0",
    "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.open_browser=False",
    "--LabApp.expose_app_in_browser=True", "--ServerApp.root_dir=.", "--ServerApp.allow_root=True",
]


@pytest.fixture(scope="session")
def lab_url(workspace: Path) -> Iterator[str]:
    """JupyterLab on 127.0.0.1, empty token (tests only), no retries on a taken port."""
    yield from start(LAB_COMMAND, workspace, "jupyterlab", "/api/status")


@dataclass(frozen=True)
class FrozenLab:
    """A JupyterLab whose kernels read a frozen clock (``FOLLOWUP_KIT_NOW``), with its own learner log."""

    url: str
    workspace: Path
    moment: datetime  # aware, UTC
    place: Place

    @property
    def log(self) -> InterviewLog:
        return InterviewLog(self.workspace / "my_log")

    @property
    def learner_now(self) -> datetime:
        """The learner's wall-clock time at the frozen moment."""
        return self.moment.astimezone(ZoneInfo(self.place.zone)).replace(tzinfo=None)


#: The learner of the frozen runs: in Berlin, while the server's clock runs in UTC.
FROZEN_PLACE = Place(country="DE", subdivision="BE", timezone="Europe/Berlin")


@pytest.fixture(scope="module", params=INSTANTS, ids=IDS)
def frozen_lab(request, tmp_path_factory) -> Iterator[FrozenLab]:
    """JupyterLab started with ``FOLLOWUP_KIT_NOW`` at each of ``moments.MOMENTS`` (one server per
    moment), a learner in Berlin on a UTC server, and a fresh log holding their settings."""
    moment = request.param.astimezone(ZoneInfo("UTC"))
    root = make_workspace(tmp_path_factory.mktemp("frozen"))
    InterviewLog(root / "my_log").save_place(FROZEN_PLACE)
    for url in start(LAB_COMMAND, root, "jupyterlab-frozen", "/api/status", **{NOW_ENV: moment.isoformat()}):
        yield FrozenLab(url, root, moment, FROZEN_PLACE)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = chromium_path()
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def new_page(browser, **options):
    """A page in a new context that records page errors and console errors for the test to assert on."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, **options)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(f"page error: {error}"))
    page.on(
        "console",
        lambda m: page.errors.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    return context, page


@pytest.fixture
def page(browser):
    """A page whose browser is in Berlin (the learner's zone), on servers that run in UTC."""
    context, page = new_page(browser, timezone_id="Europe/Berlin")
    yield page
    context.close()


#: The tallest screenshot we take, in pixels (Chromium's limit is about 16,384).
MAX_SHOT_HEIGHT = 16_000

FULL_HEIGHT = """() => {
  const scroller = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer')
    || document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  const page = document.scrollingElement ? document.scrollingElement.scrollHeight : 0;
  if (!scroller) return page;
  return Math.max(page, scroller.scrollHeight + (window.innerHeight - scroller.clientHeight));
}"""


SCROLL_TOP = """() => document.querySelectorAll('.jp-WindowedPanel-outer, .jp-Notebook')
  .forEach(element => { element.scrollTop = 0; })"""


def screenshot(page, name: str) -> Path:
    """Save the whole notebook or page as one picture, under the git-ignored test-artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    size = page.viewport_size
    height = min(int(page.evaluate(FULL_HEIGHT)) + 40, MAX_SHOT_HEIGHT)
    if height > size["height"]:
        page.set_viewport_size({"width": size["width"], "height": height})
        page.wait_for_timeout(500)  # let JupyterLab lay the taller panel out
    page.evaluate(SCROLL_TOP)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(size)
    return path


#: axe-core's script, installed into ./node_modules by ``python3 tasks.py test`` (see tasks.AXE_CORE).
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """The path of ``axe.min.js`` for ``page.add_script_tag(path=...)``, or a clear failure."""
    if not AXE_SCRIPT.is_file():
        pytest.fail(
            f"axe-core is not installed ({AXE_SCRIPT} is missing): run 'python3 tasks.py test', which "
            "installs it with npm, or 'npm install --no-save axe-core' in the repository.",
            pytrace=False,
        )
    return AXE_SCRIPT
