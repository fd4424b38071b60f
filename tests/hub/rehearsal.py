"""Rehearse a class on a local JupyterHub: N participants from the nbgitpuller link to a handed-in summary.

    python3 tasks.py hub-rehearsal --participants 5      # what a coach runs
    .venv/bin/python -m tests.hub.rehearsal --participants 5 [--browsers 1] [--keep]

It starts JupyterHub on 127.0.0.1 only (``DummyAuthenticator``, ``SimpleLocalProcessSpawner`` with homes
in a temporary folder, npm's ``configurable-http-proxy`` installed into ``.hub-tools/`` on first use),
with the settings ``docs/coaches.md`` tells a coach to paste (the log in each learner's home, a hand-in
folder, ``http_timeout``/``start_timeout``, servers given distinct ports and taking turns to start).  The
workbook is handed out by nbgitpuller from a local bare clone of this repository (its committed
``HEAD``), through the same link a coach shares.

All participants arrive at once, as at the start of a workshop.  Some drive Debian's Chromium through
Playwright (login, the link, Run All in notebook 01, three interviews typed into the form, notebook 03,
the hand-in button); the rest do the same through the hub's and their server's REST and kernel websocket
APIs (the notebooks' own cells, then the same widgets pressed in the kernel).  Then it checks that every
log is separate and complete and that the coach's cohort view counts N, prints the table (link → ready
notebook, memory per participant with notebooks 01 and 03 open, hub + proxy memory, CPU-seconds,
failures) and stops everything it started.  Memory and CPU are read from ``/proc`` (Linux only).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode

from tests.browser.lab import KERNEL_READY  # one home for the page scripts that drive JupyterLab

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
TOOLS = ROOT / ".hub-tools"
PROXY_PACKAGE = "configurable-http-proxy@5.3.0"
NOTEBOOK_01 = "notebooks/01_log_your_interviews.ipynb"
NOTEBOOK_03 = "notebooks/03_your_dashboard.ipynb"
REPO_NAME = "followup-kit"  # the real repository's name: the clone folder is the last part of repo
PASSWORD = "rehearsal"
#: What docs/coaches.md tells a coach to set, mirrored here so the rehearsal tests the guide.
LOG_SETTING = "~/followup-kit-log"
HTTP_TIMEOUT, START_TIMEOUT = 180, 300
#: Also from the guide (measured there): a learner's server starts without what learners never use.
#: jsonschema's optional IRI checker (rfc3987-syntax) compiles its grammars on import, 2.8 CPU-s and 16 MB
#: in every server, for a format no Jupyter schema uses: the server is started with it hidden.
LEARNER_SERVER_CODE = ("import sys; sys.modules['rfc3987_syntax'] = None; "
                       "from jupyterhub.singleuser import main; sys.exit(main())")  # fmt: skip
#: A learner's kernel without the debugger: ipykernel imports debugpy at start (about 8 MB and 0.2 CPU-s in
#: every kernel) and, when it cannot, runs as a kernel without the debugging feature (JupyterLab then
#: shows no debugger switch).  Installed as the learners' "python3" kernel through ``JUPYTER_PATH``.
LEARNER_KERNEL_CODE = ("import sys; sys.modules['debugpy'] = None; sys.path[0] == '' and sys.path.pop(0); "
                       "from ipykernel.kernelapp import launch_new_instance; "
                       "launch_new_instance()")  # fmt: skip
#: jupyter-lsp (no language server installed) and Voilà's server extension (the coach's, not the
#: learners') are left out; an idle kernel with no tab open is stopped after 30 minutes.
LEARNER_ARGS = [
    "--ServerApp.jpserver_extensions=jupyter_lsp=False",
    "--ServerApp.jpserver_extensions=voila.server_extension=False",
    "--MappingKernelManager.cull_idle_timeout=1800",
    "--MappingKernelManager.cull_interval=300",
]
#: JupyterHub's local spawners give each server a "random" free port (bind to port 0, read it, close):
#: two servers started in the same second can be handed the same one, and then the second fails while
#: the hub, seeing the first answer on that port, calls it ready (a class of 30 lost a learner to it).
#: This hook, which the guide has a TLJH coach paste, never hands out a port twice.
PORT_HOOK = """
import socket

_ports_given = set()


def distinct_port(spawner):
    \"\"\"A free port no other server of this hub was given (random_port() can repeat under load).\"\"\"
    while True:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        if port not in _ports_given:
            _ports_given.add(port)
            spawner.port = port
            return
"""
#: When a whole class clicks the link at once, every learner's server starts at the same moment and they
#: share the cores: all of them are ready late, together.  Taking turns (a few at a time, in order of
#: arrival) costs the class nothing in total, but the first learners are working while the last still
#: wait, and each waiting learner sees their place in the queue.  The guide has a TLJH coach paste this.
TURNS_HOOK = """
import asyncio

from jupyterhub.app import JupyterHub
from jupyterhub.utils import maybe_future, wait_for_http_server

STARTING_AT_ONCE = 2  # servers starting at the same moment: about one per core (nproc)
TURN_AT_MOST = 60  # seconds a turn is held: one stuck server must not halve the queue's pace for long


def taking_turns(spawner_class, at_once=STARTING_AT_ONCE):
    \"\"\"The spawner class, starting at most ``at_once`` servers at once, the rest in order of arrival.

    Needs JupyterHub 5.1 or later (``start_timeout`` then cancels a start still waiting its turn).
    \"\"\"
    if isinstance(spawner_class, str):  # an entry point's name ("simple", "systemd") or a dotted name
        spawner_class = JupyterHub.class_traits()["spawner_class"].validate(None, spawner_class)
    if not isinstance(spawner_class, type):  # a TLJH drop-in file cannot see the class TLJH chose
        raise TypeError("taking_turns() needs the spawner class itself, e.g. UserCreatingSpawner on TLJH")
    turns = asyncio.Semaphore(at_once)
    queue = []  # spawners waiting for a turn, first come first

    class TakingTurns(spawner_class):
        async def start(self):
            queue.append(self)
            try:
                async with turns:
                    queue.remove(self)
                    address = await maybe_future(super().start())  # TLJH's start() is not async
                    if address:  # (plain http: internal_ssl hubs would need the hub's certificates)
                        url = address if isinstance(address, str) else "http://{}:{}".format(*address)
                        await self._until_answering(url + self.server.base_url + "api")
            finally:
                if self in queue:  # cancelled while waiting (start_timeout, or an admin stopped it)
                    queue.remove(self)
            return address

        async def _until_answering(self, url):
            \"\"\"Keep the turn until the server answers (its start-up is done), TURN_AT_MOST s at most.\"\"\"
            loop = asyncio.get_running_loop()
            deadline = loop.time() + min(self.http_timeout, TURN_AT_MOST)
            while loop.time() < deadline:
                if await maybe_future(self.poll()) is not None:
                    raise RuntimeError("the server stopped while it was starting")
                try:
                    await wait_for_http_server(url, timeout=2)
                    return
                except asyncio.TimeoutError:  # not the built-in TimeoutError before Python 3.11
                    pass

        async def progress(self):
            place = None
            while self in queue:
                if queue.index(self) != place:
                    place = queue.index(self)
                    ahead = f"{place} {'learner is' if place == 1 else 'learners are'} ahead of you"
                    yield {"progress": 10, "message": f"Servers start {at_once} at a time: "
                           + (ahead if place else "yours is next")}
                await asyncio.sleep(0.5)
            async for event in super().progress():
                yield event

    TakingTurns.__name__ = f"TakingTurns{spawner_class.__name__}"
    return TakingTurns
"""
INTERVIEWS_EACH = 3
PARTICIPANT_TIMEOUT = 900
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
LAB_SETTINGS = {
    # kernelShutdown: closing a notebook's tab stops its kernel, as the workbook's overrides.json says
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none", "kernelShutdown": True,
    },
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false", "checkForUpdates": False,
    },
}  # fmt: skip


def learner_kernel_spec(python: str) -> dict[str, object]:
    """The learners' ``python3`` kernelspec: ipykernel without the debugger (``LEARNER_KERNEL_CODE``)."""
    return {"argv": [python, "-c", LEARNER_KERNEL_CODE, "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python", "metadata": {"debugger": False}}


def say(message: str) -> None:
    print(f"[rehearsal] {message}", flush=True)


# -- tools ---------------------------------------------------------------------------------------


def ensure_proxy() -> Path:
    """npm's configurable-http-proxy in ``.hub-tools/`` (installed there on first use)."""
    exe = TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
    if exe.exists():
        return exe
    npm = shutil.which("npm")
    if not npm:
        raise SystemExit("npm is needed for JupyterHub's proxy: 'sudo apt-get install npm' (Debian/Ubuntu).")
    say(f"installing {PROXY_PACKAGE} into {TOOLS} …")
    TOOLS.mkdir(exist_ok=True)
    subprocess.run([npm, "install", "--prefix", str(TOOLS), "--no-audit", "--no-fund", "--loglevel=error",
                    PROXY_PACKAGE], check=True)  # fmt: skip
    return exe


def chromium() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def low_priority_chromium(workdir: Path, name: str) -> str:
    """Chromium behind ``nice -n 19``: in a class each browser runs on the learner's own laptop, not on the
    hub's cores, so here the browsers take only the CPU the hub, the servers and the kernels leave over
    (their participants' own figures are then, if anything, too slow)."""
    wrapper = workdir / f"chromium-low-priority-{name}"  # one each: browsers start in parallel threads
    wrapper.write_text(f'#!/bin/sh\nexec nice -n 19 "{chromium()}" "$@"\n')
    wrapper.chmod(0o755)
    return str(wrapper)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- processes, from /proc -----------------------------------------------------------------------

_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def _stat(pid: int) -> list[str] | None:
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return raw[raw.rindex(")") + 2:].split()  # fields from 3 (state) on


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it is gone)."""
    try:
        pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * _PAGE / 1e6


def pss_mb(pid: int) -> float:
    """Proportional memory of one process in MB: its own pages plus its share of pages it maps with
    others (the libraries every kernel loads).  Summed over a class it is what the machine really
    needs, where RSS counts each shared page once per process (0 when it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024 / 1e6
    except (OSError, IndexError, ValueError):
        return 0.0
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process and its reaped children."""
    fields = _stat(pid)
    if not fields:
        return 0.0
    return sum(int(v) for v in fields[11:15]) / _TICK


def _environ(pid: int) -> dict[str, str]:
    try:
        raw = Path(f"/proc/{pid}/environ").read_bytes()
    except OSError:
        return {}
    pairs = (item.split(b"=", 1) for item in raw.split(b"\0") if b"=" in item)
    return {k.decode(errors="replace"): v.decode(errors="replace") for k, v in pairs}


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def marked_processes(marker: str) -> dict[str, list[int]]:
    """Processes started for this rehearsal (servers and kernels), by the participant they belong to."""
    found: dict[str, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        env = _environ(int(entry.name))
        if env.get("FOLLOWUP_KIT_REHEARSAL") == marker:
            found.setdefault(env.get("JUPYTERHUB_USER", "?"), []).append(int(entry.name))
    return found


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))):
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        for child in children.get(pid, []):
            found.append(child)
            todo.append(child)
    return found


# -- the hub -------------------------------------------------------------------------------------


@dataclass
class Hub:
    """One local JupyterHub with its proxy, configured as docs/coaches.md says; stopped by ``stop``."""

    workdir: Path
    proxy: Path
    marker: str = field(default_factory=lambda: uuid.uuid4().hex)
    token: str = field(default_factory=lambda: secrets.token_hex(24))
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def homes(self) -> Path:
        return self.workdir / "homes"

    @property
    def handin(self) -> Path:
        return self.workdir / "handin"

    def learner_bin(self) -> Path:
        """The learners' PATH: their environment's programs and git (nbgitpuller's), not the proxy's Node.js.

        On a hub the proxy runs apart from the learners (TLJH's traefik, Zero to JupyterHub's proxy pod);
        here both share one machine.  With ``node`` on its PATH, every learner's server runs ``node yarn
        config`` as JupyterLab starts (it asks for the npm registry, which only building extensions uses):
        0.6 CPU-seconds a server, measured.
        """
        folder = self.workdir / "learner-bin"
        folder.mkdir(exist_ok=True)
        for program in [*Path(sys.executable).parent.iterdir(), Path(shutil.which("git") or "/usr/bin/git")]:
            link = folder / program.name
            if program.name != "node" and not link.exists():
                link.symlink_to(program)
        return folder

    def config(self) -> str:
        settings = self.workdir / "lab-settings"
        for name, values in LAB_SETTINGS.items():
            plugin, _, file = name.partition("/")
            target = settings / plugin / file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(json.dumps(values))
        kernels = self.workdir / "jupyter" / "kernels" / "python3"
        kernels.mkdir(parents=True, exist_ok=True)
        (kernels / "kernel.json").write_text(json.dumps(learner_kernel_spec(sys.executable), indent=1))
        environment = {
            # what the guide has a coach paste:
            "FOLLOWUP_KIT_LOG": LOG_SETTING,
            "FOLLOWUP_KIT_HANDIN": str(self.handin),
            # the rehearsal's own: this checkout's kit, no GUI backend, our lab settings, a marker
            "PYTHONPATH": str(ROOT),
            "MPLBACKEND": "Agg",
            "JUPYTERLAB_SETTINGS_DIR": str(settings),
            "JUPYTER_PATH": str(self.workdir / "jupyter"),
            "FOLLOWUP_KIT_REHEARSAL": self.marker,
            "PATH": str(self.learner_bin()),
        }
        values = {
            "bind_url": self.url,
            "hub_bind_url": f"http://127.0.0.1:{free_port()}",
            "api_url": f"http://127.0.0.1:{free_port()}",
            "proxy": str(self.proxy),
            "db": f"sqlite:///{self.workdir / 'jupyterhub.sqlite'}",
            "cookie": str(self.workdir / "cookie_secret"),
            "pid": str(self.workdir / "proxy.pid"),
            "homes": str(self.homes / "{username}"),
            "cmd": [sys.executable, "-c", LEARNER_SERVER_CODE],
            "env": environment,
            "token": self.token,
            "args": ["--ServerApp.allow_root=True", "--LabApp.expose_app_in_browser=True", *LEARNER_ARGS],
        }
        return f"""# written by tests/hub/rehearsal.py
v = {values!r}
c.JupyterHub.bind_url = v["bind_url"]
c.JupyterHub.hub_bind_url = v["hub_bind_url"]
c.ConfigurableHTTPProxy.api_url = v["api_url"]
c.ConfigurableHTTPProxy.command = [v["proxy"]]
c.ConfigurableHTTPProxy.pid_file = v["pid"]
c.JupyterHub.db_url = v["db"]
c.JupyterHub.cookie_secret_file = v["cookie"]
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = v["homes"]
c.Spawner.cmd = v["cmd"]
c.Spawner.args = v["args"]
c.Spawner.default_url = "/lab"
c.Spawner.environment = v["env"]
c.Spawner.http_timeout = {HTTP_TIMEOUT}
c.Spawner.start_timeout = {START_TIMEOUT}
c.JupyterHub.cleanup_servers = True
{PORT_HOOK}
c.Spawner.pre_spawn_hook = distinct_port
{TURNS_HOOK}
c.JupyterHub.spawner_class = taking_turns(c.JupyterHub.spawner_class)
c.JupyterHub.services = [{{"name": "rehearsal", "api_token": v["token"]}}]
c.JupyterHub.load_roles = [{{
    "name": "rehearsal",
    "scopes": ["admin:users", "admin:servers", "access:servers", "list:users", "read:users"],
    "services": ["rehearsal"],
}}]
"""

    def start(self) -> None:
        self.homes.mkdir(parents=True)
        self.handin.mkdir()
        os.chmod(self.handin, 0o1777)  # every learner writes, nobody deletes another's file (sticky)
        config = self.workdir / "jupyterhub_config.py"
        config.write_text(self.config())
        log = (self.workdir / "hub.log").open("w")
        self.process = subprocess.Popen(
            [str(BIN / "jupyterhub"), "-f", str(config)], cwd=self.workdir, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
            env=dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"),
        )  # fmt: skip
        deadline = time.monotonic() + 120
        import urllib.request

        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterHub exited:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(f"{self.url}/hub/api/", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer in 120 s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        path = self.workdir / "hub.log"
        return path.read_text(errors="replace")[-chars:] if path.exists() else ""

    def hub_and_proxy(self) -> list[int]:
        if self.process is None:
            return []
        return [self.process.pid, *(p for p in descendants(self.process.pid) if p not in self._server_pids())]

    def _server_pids(self) -> set[int]:
        return {pid for pids in marked_processes(self.marker).values() for pid in pids}

    def stop(self) -> list[str]:
        """Stop the hub (which stops the servers and the proxy), then anything of ours still running."""
        left: list[str] = []
        ours = set(self._server_pids())
        if self.process is not None:
            ours.update(descendants(self.process.pid))
            if self.process.poll() is None:
                self.process.send_signal(signal.SIGTERM)
                try:
                    self.process.wait(60)
                except subprocess.TimeoutExpired:
                    os.killpg(self.process.pid, signal.SIGKILL)
                    self.process.wait(10)
        ours.update(self._server_pids())
        # A kernel whose server has gone stops by itself once its parent poller notices (ipykernel looks
        # every second, then shuts down cleanly): give that a few seconds before calling it left over.
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(_alive(pid) for pid in ours):
            time.sleep(0.25)
        for pid in ours:
            if not _alive(pid):
                continue
            try:
                os.kill(pid, signal.SIGKILL)
                left.append(str(pid))
            except ProcessLookupError:
                pass
        return left


def _alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, exited but not yet reaped, counts as gone)."""
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


# -- one participant -----------------------------------------------------------------------------


@dataclass
class Result:
    name: str
    browser: bool
    ready_s: float | None = None
    done_s: float | None = None
    #: times the learner had to reconnect to notebook 01's starting kernel or select it again
    reconnects: int = 0
    #: the first progress message that gave the learner a place in the queue (servers take turns), if any
    queued: str = ""
    error: str = ""
    companies: list[str] = field(default_factory=list)


#: Silent reading of non-fiction, words per minute: Brysbaert (2019), "How many words do we read per
#: minute? A review and meta-analysis of reading rate", Journal of Memory and Language 109.
READING_WPM = 238
#: Typing, words (of five characters) per minute: the mean of 168,000 volunteers in Dhakal et al. (2018),
#: "Observations on Typing from 136 Million Keystrokes", CHI '18.
TYPING_WPM = 52


@dataclass(frozen=True)
class Pace:
    """How long a learner takes between the steps, so the rehearsal's load has a class's shape.

    ``class``: each participant reads notebook 01's opening before Run All, types each interview at
    ``TYPING_WPM`` and reads notebook 03's opening before handing in, spread ×0.5–1.5 per participant
    (seeded by name, so a rerun is the same class).  ``none``: every step straight after the last, the
    stress case, where those who are in already run notebooks 01 and 03 while the others still arrive.
    """

    name: str = "class"

    def reading_s(self, who: str, notebook: Path) -> float:
        """Seconds to read the notebook's markdown before its first code cell."""
        if self.name == "none":
            return 0.0
        return _opening_words(notebook) / READING_WPM * 60 * self._spread(who, notebook.name)

    def typing_s(self, who: str, text: str) -> float:
        """Seconds to type ``text`` into the form."""
        if self.name == "none":
            return 0.0
        return len(text) / (TYPING_WPM * 5) * 60 * self._spread(who, text)

    def key_delay_ms(self) -> float:
        """Playwright's delay between key presses for the same typing speed."""
        return 0.0 if self.name == "none" else 60_000 / (TYPING_WPM * 5)

    @staticmethod
    def _spread(who: str, what: str) -> float:
        return 0.5 + random.Random(f"{who}/{what}").random()


PACES = ("class", "none")


@functools.cache
def _opening_words(notebook: Path) -> int:
    """Words of markdown before the notebook's first code cell: read once, not once per participant."""
    words = 0
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            break
        words += len("".join(cell["source"]).split())
    return words


def companies_for(name: str) -> list[str]:
    return [f"Rehearsal {name} Co {i}" for i in range(1, INTERVIEWS_EACH + 1)]


def link(hub: Hub, repo: str, branch: str) -> str:
    """The nbgitpuller link a coach shares, for this hub and the local bare clone."""
    query = urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{REPO_NAME}/{NOTEBOOK_01}"},
                      quote_via=quote)  # fmt: skip
    return f"{hub.url}/hub/user-redirect/git-pull?{query}"


LOG_CODE = """
from datetime import date, time
book.company.value = {company!r}
book.role.value = {role!r}
book.held_date.value = date.fromisoformat({day!r})
book.held_time.value = time(10, 0)
book.save_button.click()
assert "Saved:" in book.form_status.value, book.form_status.value
"""
ROLE = "Data Analyst"
HAND_IN_CODE = """
from followup_kit.widgets.dashboard import SummaryExport
share = SummaryExport()
share.export_button.click()
assert "hand-in folder has it now" in share.status.value, share.status.value
"""


def code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


class Api:
    """The hub's and a server's REST and kernel APIs, with the rehearsal service's token."""

    #: seconds before reconnecting to a kernel whose websocket closed, about JupyterLab's first retry
    reconnect_wait_s: float = 2.0

    def __init__(self, hub: Hub) -> None:
        from tornado.httpclient import AsyncHTTPClient

        self.hub = hub
        self.http = AsyncHTTPClient(max_clients=200)
        self.headers = {"Authorization": f"token {hub.token}"}
        #: kernel id → (websocket, session id): one per kernel, as a notebook tab has
        self.sockets: dict[str, tuple[object, str]] = {}

    async def call(self, method: str, path: str, body: object = None, timeout: float = 300) -> object:
        from tornado.httpclient import HTTPRequest

        data = None if body is None else json.dumps(body)
        if data is None and method in ("POST", "PUT", "PATCH"):
            data = ""
        request = HTTPRequest(self.hub.url + path, method=method, headers=self.headers, body=data,
                              request_timeout=timeout)  # fmt: skip
        try:
            response = await self.http.fetch(request, raise_error=True)
        except Exception as error:  # say which request: a participant's failure must be traceable
            raise RuntimeError(f"{method} {path}: {type(error).__name__}: {error}") from error
        return json.loads(response.body) if response.body else None

    async def wait_ready(self, name: str) -> list[str]:
        """Wait for the user's server as the hub's spawn-pending page does: one progress event stream
        (``/hub/api/users/<name>/server/progress``) that ends with a ready or a failed event, rather than
        polling the users API (which, for a class at once, keeps the hub busy answering polls).  Returns
        the messages the page would have shown, the place in the start queue among them."""
        from tornado.httpclient import HTTPRequest

        request = HTTPRequest(f"{self.hub.url}/hub/api/users/{name}/server/progress", headers=self.headers,
                              request_timeout=START_TIMEOUT + 30)  # fmt: skip
        try:
            response = await self.http.fetch(request, raise_error=True)
        except Exception as error:
            raise RuntimeError(f"GET progress of {name}: {type(error).__name__}: {error}") from error
        lines = response.body.decode().splitlines()
        events = [json.loads(line[5:]) for line in lines if line.startswith("data:")]
        last = events[-1] if events else {}
        if not last.get("ready"):
            raise RuntimeError(f"the server did not start: {last.get('message', 'no progress events')}")
        return [event.get("message", "") for event in events]

    async def _channel(self, name: str, kernel: str):
        """The kernel's one websocket, opened on first use and kept, as JupyterLab keeps one per notebook."""
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        if kernel not in self.sockets:
            session = uuid.uuid4().hex
            path = f"/user/{name}/api/kernels/{kernel}/channels?session_id={session}"
            url = self.hub.url.replace("http", "ws", 1) + path
            # the server answers the upgrade once the kernel replies to kernel_info: a kernel still
            # starting on a loaded machine can take minutes, and JupyterLab would keep waiting too
            request = HTTPRequest(url, headers=self.headers, request_timeout=300)
            try:
                self.sockets[kernel] = (await websocket_connect(request), session)
            except Exception as error:  # say which request: a participant's failure must be traceable
                raise RuntimeError(f"kernel websocket of {name}: {type(error).__name__}: {error}") from error
        return self.sockets[kernel]

    def close(self, *kernels: str) -> None:
        """Close these kernels' websockets (a participant is done with them)."""
        for kernel in kernels:
            socket_, _ = self.sockets.pop(kernel, (None, None))
            if socket_ is not None:
                socket_.close()

    async def run(self, name: str, kernel: str, code: str, timeout: float = 300) -> None:
        """Execute ``code`` in a kernel of the user's server; raise with the error if it fails."""
        socket_, session = await self._channel(name, kernel)
        msg_id = uuid.uuid4().hex
        socket_.write_message(json.dumps({
            "header": {"msg_id": msg_id, "username": name, "session": session, "msg_type": "execute_request",
                       "version": "5.3", "date": datetime.now(UTC).isoformat()},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                        "allow_stdin": False, "stop_on_error": True},
        }))  # fmt: skip
        reply, idle, error = None, False, ""
        deadline = time.monotonic() + timeout
        try:
            while not (reply and idle):
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"a cell took over {timeout:.0f} s: {code[:80]!r}")
                raw = await asyncio.wait_for(socket_.read_message(), left)
                if raw is None:
                    raise ConnectionError("the kernel's websocket closed")
                msg = json.loads(raw)
                if msg.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = msg["header"]["msg_type"]
                if kind == "execute_reply":
                    reply = msg["content"]
                elif kind == "status" and msg["content"].get("execution_state") == "idle":
                    idle = True
                elif kind == "error":
                    error = f"{msg['content']['ename']}: {msg['content']['evalue']}"
        except BaseException:
            self.close(kernel)  # a half-read socket is not reused
            raise
        if reply.get("status") != "ok":
            raise RuntimeError(error or f"{reply.get('ename')}: {reply.get('evalue')}")

    async def ready(self, name: str, path: str, kernel: str, tries: int = 3) -> tuple[str, int]:
        """Wait until the notebook's kernel runs a cell, as a learner would; return the kernel id (a new one
        if the first died) and how often the learner had to act.

        When many kernels start at once on one machine, two can be handed the same ZMQ port (jupyter_client
        picks free ports and lets them go, the same race as the hub's): the loser dies, and the server
        closes its websocket ("Connecting" in JupyterLab, which reconnects) or, if the kernel cannot be
        restarted, drops it (JupyterLab then shows no kernel, and the learner picks the kernel again:
        a new session).  This does the same rather than count the learner as failed.
        """
        from tornado.websocket import WebSocketClosedError

        for attempt in range(tries):
            try:
                await self.run(name, kernel, "pass")
                return kernel, attempt
            except (ConnectionError, WebSocketClosedError):
                self.close(kernel)
                await asyncio.sleep(self.reconnect_wait_s)
            except RuntimeError as error:
                if "404" not in str(error) or attempt == tries - 1:
                    raise
                kernel = await self.open(name, path)  # the learner selects the kernel again
        raise ConnectionError(f"the kernel of {name} did not answer after {tries} tries")

    async def open(self, name: str, path: str) -> str:
        """Open a notebook as JupyterLab does (a session with a python3 kernel); return the kernel id."""
        made = await self.call("POST", f"/user/{name}/api/sessions",
                               {"path": path, "type": "notebook", "name": "", "kernel": {"name": "python3"}})
        return made["kernel"]["id"]


async def rest_participant(api: Api, result: Result, repo: str, branch: str, pace: Pace = Pace()) -> None:
    name = result.name
    start = time.monotonic()
    await api.call("POST", f"/hub/api/users/{name}")
    await api.call("POST", f"/hub/api/users/{name}/server", timeout=START_TIMEOUT + 30)
    said = await api.wait_ready(name)
    result.queued = next((m for m in said if "at a time" in m), "")
    from tornado.httpclient import HTTPRequest

    query = urlencode({"repo": repo, "branch": branch})
    try:
        response = await api.http.fetch(HTTPRequest(f"{api.hub.url}/user/{name}/git-pull/api?{query}",
                                                    headers=api.headers, request_timeout=300))  # fmt: skip
    except Exception as error:  # say which request
        raise RuntimeError(f"nbgitpuller of {name}: {type(error).__name__}: {error}") from error
    events = response.body.decode(errors="replace")
    if '"phase": "finished"' not in events:
        raise RuntimeError(f"nbgitpuller did not finish: {events[-500:]}")
    folder = f"{REPO_NAME}/notebooks"
    first = await api.open(name, f"{REPO_NAME}/{NOTEBOOK_01}")
    first, result.reconnects = await api.ready(name, f"{REPO_NAME}/{NOTEBOOK_01}", first)
    result.ready_s = time.monotonic() - start
    await asyncio.sleep(pace.reading_s(name, ROOT / NOTEBOOK_01))
    for cell in code_cells(ROOT / NOTEBOOK_01):  # Run All, as a learner does
        await api.run(name, first, cell)
    for day, company in enumerate(result.companies, start=2):
        iso = f"2026-03-{day:02d}"
        await asyncio.sleep(pace.typing_s(name, company + ROLE + iso + "10:00"))
        await api.run(name, first, LOG_CODE.format(company=company, role=ROLE, day=iso))
    third = await api.open(name, f"{folder}/03_your_dashboard.ipynb")
    await asyncio.sleep(pace.reading_s(name, ROOT / NOTEBOOK_03))
    for cell in code_cells(ROOT / NOTEBOOK_03)[:-1]:  # the last cell shows the hand-in button: pressed below
        await api.run(name, third, cell)
    await api.run(name, third, HAND_IN_CODE)
    api.close(first, third)
    result.done_s = time.monotonic() - start


def browser_participant(hub: Hub, result: Result, url: str, pace: Pace = Pace()) -> None:
    """A participant in Chromium: the link, login, notebook 01's form, notebook 03's hand-in button."""
    from playwright.sync_api import expect, sync_playwright

    from tests.browser.lab import error_outputs, open_notebook, run_all

    name = result.name
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=low_priority_chromium(hub.workdir, name),
                                             args=CHROMIUM_ARGS)  # fmt: skip
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.set_default_timeout(120_000)
            start = time.monotonic()
            page.goto(url)
            page.fill("#username_input", name)
            page.fill("#password_input", PASSWORD)
            page.click("#login_submit")
            page.wait_for_url("**/lab/tree/**", timeout=(START_TIMEOUT + 120) * 1000)
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=180_000)
            page.wait_for_function(KERNEL_READY, timeout=180_000)
            result.ready_s = time.monotonic() - start
            base = f"{hub.url}/user/{name}"
            page.wait_for_timeout(pace.reading_s(name, ROOT / NOTEBOOK_01) * 1000)
            run_all(page)
            problems = error_outputs(page)
            if problems:
                raise RuntimeError(f"notebook 01 showed errors: {problems[0][:300]}")
            status = page.locator(".fk-form-status").first
            for day, company in enumerate(result.companies, start=2):
                _type(page, ".fk-company", company, pace)
                _type(page, ".fk-role", ROLE, pace)
                page.locator(".fk-held-date input").first.fill(f"2026-03-{day:02d}")
                page.locator(".fk-held-time input").first.fill("10:00")
                page.locator("button.fk-save").first.click()
                expect(status).to_contain_text(f"Saved: {company}", timeout=60_000)
            open_notebook(page, base, f"{REPO_NAME}/{NOTEBOOK_03}")
            page.wait_for_timeout(pace.reading_s(name, ROOT / NOTEBOOK_03) * 1000)
            run_all(page)
            page.locator("button.fk-cohort-export").first.click()
            expect(page.locator(".fk-cohort-status").first).to_contain_text("hand-in folder has it now",
                                                                           timeout=60_000)  # fmt: skip
            result.done_s = time.monotonic() - start
        finally:
            browser.close()


def _type(page, css: str, text: str, pace: Pace) -> None:
    field_ = page.locator(f"{css} input, {css} textarea").first
    field_.click()
    field_.press("Control+A")
    field_.press_sequentially(text, delay=pace.key_delay_ms())
    field_.blur()


# -- the whole rehearsal -------------------------------------------------------------------------


@dataclass
class Report:
    participants: int
    browsers: int
    results: list[Result]
    memory_mb: dict[str, float]
    cpu_s: dict[str, float]
    hub_proxy_mb: float
    hub_proxy_cpu_s: float
    failures: list[str]
    wall_s: float
    #: RSS of each server process and each kernel process, MB (for sizing: one server, two kernels each)
    split_mb: dict[str, list[float]] = field(default_factory=dict)
    #: PSS per participant (server + kernels), MB: shared library pages split among the processes
    pss_mb: dict[str, float] = field(default_factory=dict)
    #: ``Pace`` of the learners: "class" (reading and typing at human speeds) or "none" (the stress case)
    pace: str = "class"

    @property
    def ok(self) -> bool:
        return not self.failures

    def table(self) -> str:
        ready = [r.ready_s for r in self.results if r.ready_s is not None]
        mem = list(self.memory_mb.values())
        cpu = list(self.cpu_s.values())

        def fmt(values: list[float], unit: str) -> str:
            if not values:
                return "-"
            return f"median {statistics.median(values):.0f} {unit}, worst {max(values):.0f} {unit}"

        rows = [
            ("participants (in Chromium)", f"{self.participants} ({self.browsers})"),
            ("pace", "class: reading and typing at human speeds" if self.pace == "class"
             else "none: every step at once (stress case)"),
            ("ready (link → notebook 01 idle)", f"{len(ready)} of {self.participants}"),
            ("link → ready", fmt(ready, "s")),
            ("memory per participant, 01 + 03 open (RSS)", fmt(mem, "MB")),
            ("  of which a Jupyter server", fmt(self.split_mb.get("server", []), "MB")),
            ("  of which a kernel (01 or 03)", fmt(self.split_mb.get("kernel", []), "MB")),
            ("memory per participant, 01 + 03 open (PSS)", fmt(list(self.pss_mb.values()), "MB")),
            ("hub + proxy (RSS)", f"{self.hub_proxy_mb:.0f} MB"),
            ("CPU-seconds per participant", fmt(cpu, "s")),
            ("CPU-seconds, all participants + hub + proxy", f"{sum(cpu) + self.hub_proxy_cpu_s:.0f} s"),
            ("kernels reconnected or selected again", str(sum(r.reconnects for r in self.results))),
            ("waited for a turn to start (told so)", _queued(self.results)),
            ("wall time", f"{self.wall_s:.0f} s"),
            ("failures", str(len(self.failures))),
        ]
        width = max(len(k) for k, _ in rows)
        lines = [f"{k:<{width}}  {v}" for k, v in rows]
        lines += [f"  - {f}" for f in self.failures]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, object]:
        ready = [r.ready_s for r in self.results if r.ready_s is not None]
        return {
            "participants": self.participants, "browsers": self.browsers, "pace": self.pace,
            "ready": len(ready),
            "ready_median_s": statistics.median(ready) if ready else None,
            "ready_worst_s": max(ready) if ready else None,
            "memory_median_mb": statistics.median(self.memory_mb.values()) if self.memory_mb else None,
            "memory_worst_mb": max(self.memory_mb.values()) if self.memory_mb else None,
            "hub_proxy_mb": self.hub_proxy_mb, "cpu_total_s": sum(self.cpu_s.values()) + self.hub_proxy_cpu_s,
            "cpu_median_s": statistics.median(self.cpu_s.values()) if self.cpu_s else None,
            "failures": self.failures, "wall_s": self.wall_s,
            "reconnects": sum(r.reconnects for r in self.results),
            "queued": sum(bool(r.queued) for r in self.results),
            "server_median_mb": _median(self.split_mb.get("server")),
            "kernel_median_mb": _median(self.split_mb.get("kernel")),
            "kernel_worst_mb": max(self.split_mb["kernel"]) if self.split_mb.get("kernel") else None,
            "pss_median_mb": _median(list(self.pss_mb.values())),
        }  # fmt: skip


def _queued(results: list[Result]) -> str:
    """How many API participants were given a place in the start queue, and the message of the one who
    was furthest back (the queue's longest wait as the learner saw it)."""
    told = [r.queued for r in results if r.queued]
    api = sum(not r.browser for r in results)
    return f"{len(told)} of {api} through the API" + (f', e.g. "{max(told, key=_place)}"' if told else "")


def _place(message: str) -> int:
    """The number of learners ahead in a queue message ("… 12 learners are ahead of you"; 0 if next)."""
    found = re.search(r"(\d+) learners? (?:is|are) ahead", message)
    return int(found.group(1)) if found else 0


def _median(values: list[float] | None) -> float | None:
    return statistics.median(values) if values else None


def bare_clone(workdir: Path) -> tuple[str, str]:
    """A bare clone of this repository's committed HEAD, as the nbgitpuller ``repo``; (url, branch)."""
    target = workdir / "repos" / REPO_NAME
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(target)], check=True)
    head = subprocess.run(["git", "-C", str(target), "symbolic-ref", "--short", "HEAD"], check=True,
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    return f"file://{target}", head


def check(hub: Hub, results: list[Result]) -> list[str]:
    """Every log separate and complete; the coach's cohort view counts everyone."""
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.cohort import CohortView

    failures = []
    for result in results:
        folder = hub.homes / result.name / LOG_SETTING.removeprefix("~/")
        try:
            companies = sorted(iv.company for _, iv in InterviewLog(folder, read_only=True).items())
        except Exception as error:  # report, don't stop the other checks
            failures.append(f"{result.name}: the log in {folder} cannot be read ({error})")
            continue
        if companies != sorted(result.companies):
            failures.append(f"{result.name}: the log holds {companies}, expected {sorted(result.companies)}")
    view = CohortView(hub.handin, large=False)
    counted = len(view.group) if view.group is not None else 0
    if counted != len(results):
        failures.append(f"the cohort view counts {counted} participants, expected {len(results)}")
    elif view.group is not None and len(view.group.interviews) != INTERVIEWS_EACH * len(results):
        failures.append(f"the cohort view holds {len(view.group.interviews)} interviews, "
                        f"expected {INTERVIEWS_EACH * len(results)}")  # fmt: skip
    for problem in view.group.problems if view.group is not None else []:
        failures.append(f"cohort view: {problem}")
    return failures


async def _drive(hub: Hub, results: list[Result], repo: str, branch: str, pace: Pace) -> None:
    api = Api(hub)
    url = link(hub, repo, branch)

    async def one(result: Result) -> None:
        try:
            if result.browser:
                await asyncio.wait_for(asyncio.to_thread(browser_participant, hub, result, url, pace),
                                       PARTICIPANT_TIMEOUT)  # fmt: skip
            else:
                await asyncio.wait_for(rest_participant(api, result, repo, branch, pace),
                                       PARTICIPANT_TIMEOUT)  # fmt: skip
        except Exception as error:  # one participant's failure is reported, the others go on
            lines = (str(error) or type(error).__name__).splitlines()
            actual = [line.strip() for line in lines if line.strip().startswith("Actual value")]
            result.error = f"{type(error).__name__}: {' '.join([lines[0], *actual[:1]])[:400]}"

    await asyncio.gather(*(one(r) for r in results))


def rehearse(participants: int, browsers: int | None = None, keep: bool = False,
             pace: str = "class") -> Report:  # fmt: skip
    """Run the whole rehearsal and return its report; everything started is stopped before returning."""
    if participants < 1:
        raise SystemExit("--participants must be 1 or more")
    if browsers is None:
        browsers = max(1, min(3, participants // 5))
    browsers = min(browsers, participants)
    if browsers and not chromium():
        raise SystemExit("No Chromium found: 'sudo apt-get install chromium', or run with --browsers 0.")
    proxy = ensure_proxy()
    workdir = Path(tempfile.mkdtemp(prefix="hub-rehearsal-"))
    hub = Hub(workdir, proxy)
    results = [Result(f"learner{i:02d}", browser=i < browsers) for i in range(participants)]
    for result in results:
        result.companies = companies_for(result.name)
    failures: list[str] = []
    memory: dict[str, float] = {}
    cpu: dict[str, float] = {}
    split: dict[str, list[float]] = {}
    pss: dict[str, float] = {}
    hub_mb = hub_cpu = 0.0
    began = time.monotonic()
    try:
        repo, branch = bare_clone(workdir)
        say(f"JupyterHub on {hub.url}, participants: {participants} ({browsers} in Chromium), in {workdir}")
        hub.start()
        asyncio.run(_drive(hub, results, repo, branch, Pace(pace)))
        for name, pids in marked_processes(hub.marker).items():  # everyone with 01 and 03 still open
            memory[name] = sum(rss_mb(p) for p in pids)
            pss[name] = sum(pss_mb(p) for p in pids)
            cpu[name] = sum(cpu_seconds(p) for p in pids)
            for pid in pids:
                kind = "kernel" if b"ipykernel" in _cmdline(pid) else "server"
                split.setdefault(kind, []).append(rss_mb(pid))
        own = hub.hub_and_proxy()
        hub_mb = sum(rss_mb(p) for p in own)
        hub_cpu = sum(cpu_seconds(p) for p in own)
        failures += [f"{r.name}{' (Chromium)' if r.browser else ''}: {r.error}" for r in results if r.error]
        failures += check(hub, results)
    except Exception as error:
        failures.append(f"the rehearsal stopped: {type(error).__name__}: {error}")
    finally:
        wall = time.monotonic() - began
        left = hub.stop()
        if left:
            failures.append(f"{len(left)} processes were still running after the hub stopped; killed")
        if failures:
            say(f"the hub's log ends:\n{hub.log_tail(3000)}")
        if keep:
            say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    return Report(participants, browsers, results, memory, cpu, hub_mb, hub_cpu, failures, wall, split, pss,
                  pace)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--participants", type=int, default=5)
    parser.add_argument("--browsers", type=int, default=None, help="how many use Chromium (default 1–3)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (homes, hub log)")
    parser.add_argument("--pace", choices=PACES, default="class",
                        help="class: learners read and type at measured human speeds (default); "
                             "none: every step at once, the stress case")  # fmt: skip
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    report = rehearse(args.participants, args.browsers, args.keep, args.pace)
    print(report.table(), flush=True)
    if args.json:
        args.json.write_text(json.dumps(report.as_dict(), indent=1) + "\n")
    return 0 if report.ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
