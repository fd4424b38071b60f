"""A class of two on a local JupyterHub: separate logs, two hand-ins, the cohort view counts two.

Runs ``tests/hub/rehearsal.py`` (what ``python3 tasks.py hub-rehearsal`` runs) as a subprocess: one
participant in Chromium, one over the hub's and server's APIs.  The rehearsal stops everything it
started and counts leftovers as a failure.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.hub
def test_a_class_of_two_gets_separate_logs_and_hands_in(tmp_path):
    figures = tmp_path / "figures.json"
    env = dict(os.environ, MPLBACKEND="Agg", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "tests.hub.rehearsal", "--participants", "2", "--browsers", "1",
         "--pace", "none", "--json", str(figures)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-6000:]
    report = json.loads(figures.read_text())
    assert report["participants"] == report["ready"] == 2 and report["browsers"] == 1
    assert report["pace"] == "none"
    assert report["failures"] == []
    assert 0 < report["ready_median_s"] <= report["ready_worst_s"]
    assert report["memory_median_mb"] > 50 and report["hub_proxy_mb"] > 20  # real processes were measured
    assert 0 < report["pss_median_mb"] < report["memory_median_mb"]  # shared pages counted once, not twice
    assert "link → ready" in output and "hub + proxy (RSS)" in output


def test_the_guide_has_a_coach_paste_what_the_rehearsal_measured():
    """docs/coaches.md's snippets carry the rehearsal's lean server and kernel settings, word for word."""
    from tests.hub import rehearsal

    guide = (ROOT / "docs" / "coaches.md").read_text(encoding="utf-8")
    assert rehearsal.LEARNER_SERVER_CODE in guide  # the Zero to JupyterHub cmd
    assert rehearsal.PORT_HOOK.strip() in guide  # TLJH's hook against two servers on one port
    assert rehearsal.TURNS_HOOK.strip() in guide  # servers start a few at a time, in order of arrival
    assert "c.JupyterHub.spawner_class = taking_turns(c.JupyterHub.spawner_class)" in guide
    assert json.dumps(rehearsal.LEARNER_KERNEL_CODE) in guide  # the kernel.json argv
    for argument in rehearsal.LEARNER_ARGS:
        assert f'"{argument}"' in guide, argument
    spec = rehearsal.learner_kernel_spec("/opt/tljh/user/bin/python")
    assert spec["argv"][1:3] == ["-c", rehearsal.LEARNER_KERNEL_CODE] and "{connection_file}" in spec["argv"]


def test_a_class_reads_and_types_at_human_speeds_and_the_stress_case_does_not():
    """The "class" pace waits as long as reading the notebook's opening and typing the form take."""
    from tests.hub.rehearsal import NOTEBOOK_01, READING_WPM, TYPING_WPM, Pace

    notebook = ROOT / NOTEBOOK_01
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    opening = []
    for cell in cells:
        if cell["cell_type"] == "code":
            break
        opening += "".join(cell["source"]).split()
    full = len(opening) / READING_WPM * 60
    waits = [Pace("class").reading_s(f"learner{i:02d}", notebook) for i in range(30)]
    assert all(0.5 * full <= w <= 1.5 * full for w in waits) and len(set(waits)) == 30  # spread, not in step
    assert waits == [Pace("class").reading_s(f"learner{i:02d}", notebook) for i in range(30)]  # seeded
    assert 0.5 * 2.4 <= Pace("class").typing_s("learner00", "x" * 10) <= 1.5 * 2.4  # 10 keys at 52 wpm: 2.3 s
    assert Pace("class").key_delay_ms() == 60_000 / (TYPING_WPM * 5)
    none = Pace("none")
    assert none.reading_s("learner00", notebook) == none.typing_s("learner00", "abc") == 0
    assert none.key_delay_ms() == 0


def test_a_kernel_that_dies_while_starting_is_reconnected_or_selected_again_as_a_learner_would():
    """A closed websocket is reopened (JupyterLab reconnects); a kernel the server dropped (404) is replaced
    by selecting the kernel again (a new session); three failures in a row fail the learner."""
    import asyncio
    from types import SimpleNamespace

    from tornado.websocket import WebSocketClosedError

    from tests.hub.rehearsal import Api

    api = Api(SimpleNamespace(url="http://127.0.0.1:9", token="t"))
    api.reconnect_wait_s = 0
    outcomes: list = []
    opened: list[str] = []

    async def run(name, kernel, code, timeout=300):
        outcome = outcomes.pop(0)
        if outcome:
            raise outcome

    async def open_(name, path):
        opened.append(path)
        return "k2"

    def ready() -> tuple[str, int]:
        # its own thread and event loop: an earlier test may leave a loop running in this thread
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, api.ready("learner00", "nb.ipynb", "k1")).result()

    api.run, api.open = run, open_
    outcomes[:] = [ConnectionError("closed"), WebSocketClosedError(), None]
    assert ready() == ("k1", 2)
    gone = RuntimeError("kernel websocket of learner00: HTTPClientError: HTTP 404: Not Found")
    outcomes[:] = [gone, None]
    assert ready() == ("k2", 1) and opened == ["nb.ipynb"]
    outcomes[:] = [ConnectionError("closed")] * 3
    with pytest.raises(ConnectionError):
        ready()
    outcomes[:] = [RuntimeError("a cell raised: NameError")]
    with pytest.raises(RuntimeError):
        ready()


def test_the_port_hook_never_hands_two_servers_one_port():
    """The hook the rehearsal and the TLJH guide use: each spawn gets a port no earlier spawn got."""
    from types import SimpleNamespace

    from tests.hub import rehearsal

    space: dict = {}
    exec(compile(rehearsal.PORT_HOOK, "PORT_HOOK", "exec"), space)
    spawners = [SimpleNamespace(port=0) for _ in range(200)]
    for spawner in spawners:
        space["distinct_port"](spawner)
    ports = [s.port for s in spawners]
    assert len(set(ports)) == len(ports) and all(p > 0 for p in ports)


def _in_own_loop(coroutine):
    """Run a coroutine on a fresh event loop in its own thread: in the full suite an earlier test can leave
    an event loop running on the main thread, where ``asyncio.run`` refuses to start (CI saw it)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_servers_take_turns_to_start_in_order_of_arrival_and_each_learner_sees_their_place():
    """The hook the rehearsal and the TLJH guide use: with 2 at a time, 6 servers arriving together start
    two by two in arrival order, each turn held until its server answers HTTP; waiting learners' progress
    says how many are ahead.  Real HTTP servers on 127.0.0.1 that answer only after a start-up delay."""
    import asyncio
    from types import SimpleNamespace

    from tests.hub import rehearsal

    space: dict = {}
    exec(compile(rehearsal.TURNS_HOOK, "TURNS_HOOK", "exec"), space)
    spans: dict[str, list[float]] = {}

    class Local:  # what a local spawner gives: start() returns before the server answers
        http_timeout = 30

        def __init__(self, name: str) -> None:
            self.name, self.server, self.listener = name, SimpleNamespace(base_url=f"/user/{name}/"), None

        def start(self):  # not async, as TLJH's spawner: it returns its parent's coroutine
            return self._begin()

        async def _begin(self):
            loop = asyncio.get_running_loop()
            spans[self.name] = [loop.time()]
            port = free_port()

            async def listen() -> None:
                await asyncio.sleep(1.2)  # the server's own start-up work (longer than progress's 0.5 s look)

                async def answer(reader, writer) -> None:
                    await reader.readuntil(b"\r\n\r\n")
                    spans[self.name].append(loop.time()) if len(spans[self.name]) == 1 else None
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    await writer.drain()
                    writer.close()

                self.listener = await asyncio.start_server(answer, "127.0.0.1", port)

            self.task = asyncio.create_task(listen())
            return ("127.0.0.1", port)

        async def poll(self):
            return None

        async def progress(self):
            yield {"progress": 50, "message": "Spawning server..."}

    def free_port() -> int:
        import socket

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            return probe.getsockname()[1]

    turns = space["taking_turns"](Local, at_once=2)
    assert issubclass(turns, Local) and space["taking_turns"]("simple").__mro__[1].__name__ == (
        "SimpleLocalProcessSpawner")
    from traitlets.config import Config

    unset = Config().JupyterHub.spawner_class  # what a TLJH drop-in file sees: TLJH's choice is elsewhere
    with pytest.raises(TypeError, match="UserCreatingSpawner on TLJH"):
        space["taking_turns"](unset)


    async def main() -> tuple[list[str], list[str]]:
        spawners = [turns(f"learner{i}") for i in range(6)]
        third: list[str] = []
        last: list[str] = []

        async def watch(spawner, seen: list[str]) -> None:
            async for event in spawner.progress():
                seen.append(event["message"])

        starts = [asyncio.create_task(s.start()) for s in spawners]
        await asyncio.sleep(0.05)
        watchers = [asyncio.create_task(watch(spawners[2], third)),
                    asyncio.create_task(watch(spawners[-1], last))]  # fmt: skip
        await asyncio.gather(*starts, *watchers)
        for spawner in spawners:
            spawner.listener.close()
        return third, last

    third, seen = _in_own_loop(main())
    # the third to arrive is first in the queue; the last sees its place go down (two turns can end at
    # once, so a place may be skipped)
    assert third == ["Servers start 2 at a time: yours is next", "Spawning server..."]
    order = sorted(spans, key=lambda name: spans[name][0])
    assert order == [f"learner{i}" for i in range(6)]
    for moment in (t for span in spans.values() for t in span):
        busy = sum(span[0] <= moment < span[1] for span in spans.values())
        assert busy <= 2, spans
    assert all(len(span) == 2 for span in spans.values())  # every turn lasted until its server answered
    assert seen[0] == "Servers start 2 at a time: 3 learners are ahead of you"  # 2 starting, 3 queued first
    assert seen[-1] == "Spawning server..."
    places = [0 if m.endswith("yours is next") else int(m.split(": ")[1].split()[0]) for m in seen[:-1]]
    assert places[0] == 3 and places == sorted(set(places), reverse=True), seen  # only ever moves forward
    assert all(("1 learner is" in m) == (p == 1) for m, p in zip(seen, places, strict=False))

    class Dies(Local):
        async def poll(self):
            return 1  # the server process has exited

    with pytest.raises(RuntimeError, match="stopped while it was starting"):
        _in_own_loop(space["taking_turns"](Dies)("early").start())


def test_the_rehearsals_browsers_run_at_the_lowest_priority(tmp_path):
    """Chromium is started through a wrapper that runs it under ``nice -n 19`` (the learners' laptops are
    not the hub's cores), one wrapper per participant so parallel starts never rewrite a running script."""
    import subprocess as sp

    from tests.hub import rehearsal

    if rehearsal.chromium() is None:
        pytest.skip("no Chromium on this machine")
    wrapper = rehearsal.low_priority_chromium(tmp_path, "learner00")
    assert wrapper.endswith("learner00") and os.access(wrapper, os.X_OK)
    text = Path(wrapper).read_text()
    assert "nice -n 19" in text and rehearsal.chromium() in text
    done = sp.run([wrapper, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "Chromium" in done.stdout


def test_the_report_quotes_the_learner_who_waited_longest_in_the_queue() -> None:
    from tests.hub import rehearsal

    said = [
        "Servers start 2 at a time: yours is next",
        "Servers start 2 at a time: 12 learners are ahead of you",
        "Servers start 2 at a time: 3 learners are ahead of you",
        "",
    ]
    results = [rehearsal.Result(name=f"p{i}", browser=False, queued=q) for i, q in enumerate(said)]
    assert rehearsal._queued(results) == '3 of 4 through the API, e.g. "' + said[1] + '"'
