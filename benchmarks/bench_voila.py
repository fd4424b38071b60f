"""How long a coach waits for a Voilà page: time to the first chart and to a usable page, against a floor.

    .venv/bin/python benchmarks/bench_voila.py [--pages 03_your_dashboard 90_coach_cohort_view
                                                91_coach_projector] [--runs 2]

Each page is served by its own Voilà (``python -m voila NOTEBOOK``) on 127.0.0.1, on a copy of the
notebooks and data with an empty learner log (and, for 91, a hand-in folder of three demo summaries,
so the projector opens on a cohort), with the kit's ``fk-projector`` template found as the browser
tests find it, and opened in Debian's Chromium through Playwright (``executable_path``, as the
browser tests do).  From the moment the page is requested it times:

* **first chart**: the first ``<img src="data:image/png…">`` on the page;
* **usable**: the page's last output is there (the page's ``USABLE`` selector: every chart in view,
  and every widget a coach would touch, rendered) and the browser's load event has fired.  The charts
  of notebook 03 and of the cohort view (90, and 91, which opens on the cohort) sit in tabs, so one
  chart is in view with its tabs; 91's dashboard is drawn when it is first shown.

The floor, measured in the same run before each page, is a Voilà page of the same layout that only
imports pandas, matplotlib and ipywidgets, draws one chart and shows one widget.  The goal (issue
"Interactive speed"): a coach page usable in <= 1.3x its floor.  ``--runs`` takes the median of
several loads; each load starts a fresh Voilà kernel (Voilà executes the notebook per request).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART = "img[src^='data:image/png']"
#: What must be on screen for a page to be usable: (selector, how many at least).
USABLE = {
    "floor": [(CHART, 1), (".widget-dropdown", 1)],
    "03_your_dashboard": [(".fk-dashboard .fk-chart img", 1), (".fk-findings li", 3),
                          (".fk-cohort-export", 1)],  # the chart of the open tab
    # the cohort's charts sit in tabs: the open tab's chart (the on-time chart) and the six tabs
    "90_coach_cohort_view": [(".fk-cohort-charts " + CHART, 1), (".fk-cohort-charts .lm-TabBar-tab", 6),
                             (".fk-cohort-refresh", 1)],
    "91_coach_projector": [(".fk-projector .fk-cohort-charts " + CHART, 1),
                           (".fk-projector .fk-cohort-charts .lm-TabBar-tab", 6), (".fk-projector-show", 1)],
}
FLOOR_CELLS = [
    ("markdown", "# Floor page\n\nThe same layout with nothing of the kit: one chart and one widget."),
    ("code", "import base64\nimport io\n\nimport ipywidgets as widgets\nimport matplotlib\n"
             "import pandas as pd\nfrom IPython.display import HTML, display\n"
             "from matplotlib.figure import Figure"),
    ("code", "frame = pd.DataFrame({'kind': ['phone', 'video', 'in person'], 'count': [20, 31, 21]})\n"
             "fig = Figure(figsize=(8, 4.4), dpi=100)\nax = fig.add_subplot()\n"
             "ax.barh(frame['kind'], frame['count'])\nfig.suptitle('Interviews by kind')\n"
             "buffer = io.BytesIO()\nfig.savefig(buffer, format='png')\n"
             "data = base64.b64encode(buffer.getvalue()).decode()\n"
             "display(HTML(f'<img src=\"data:image/png;base64,{data}\" alt=\"Interviews by kind\">'))"),
    ("code", "widgets.Dropdown(options=['phone', 'video', 'in person'], description='Kind')"),
]


def floor_notebook(path: Path) -> None:
    cells = []
    for number, (kind, source) in enumerate(FLOOR_CELLS):
        cell = {"cell_type": kind, "id": f"floor-{number}", "metadata": {}, "source": source}
        if kind == "code":
            cell.update(execution_count=None, outputs=[])
        cells.append(cell)
    notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                            "name": "python3"}},
                "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(notebook, indent=1) + "\n")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(workspace: Path, notebook: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    templates = os.pathsep.join(p for p in (str(ROOT / "share" / "jupyter"), os.environ.get("JUPYTER_PATH"))
                                if p)  # fmt: skip
    env = dict(os.environ, FOLLOWUP_KIT_LOG=str(workspace / "my_log"), TZ="UTC", JUPYTER_PATH=templates,
               MPLBACKEND="module://matplotlib_inline.backend_inline")
    env.pop("FOLLOWUP_KIT_HANDIN", None)
    if notebook == "91_coach_projector":
        env["FOLLOWUP_KIT_HANDIN"] = str(workspace / "handin")
    process = subprocess.Popen(
        [sys.executable, "-m", "voila", f"notebooks/{notebook}.ipynb", "--no-browser", "--Voila.ip=127.0.0.1",
         f"--port={port}", "--Voila.port_retries=0"],
        cwd=workspace, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    return process, f"http://127.0.0.1:{port}/"


def offline(route) -> None:
    """Voilà's lab template asks a CDN for Font Awesome: answer it empty, as the browser tests do."""
    if route.request.url.startswith(("http://127.0.0.1", "data:")):
        route.continue_()
    else:
        route.fulfill(status=200, content_type="text/css", body="")


def load(browser, url: str, name: str) -> tuple[float, float]:
    """Seconds from the request to the first chart, and to a usable page."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.route("**/*", offline)
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=300_000)
        page.wait_for_selector(CHART, timeout=300_000)
        first = time.perf_counter() - start
        for selector, count in USABLE[name]:
            script = f"() => document.querySelectorAll({json.dumps(selector)}).length >= {count}"
            page.wait_for_function(script, timeout=300_000)
        page.wait_for_load_state("load", timeout=300_000)
        return first, time.perf_counter() - start
    finally:
        context.close()


def measure(browser, workspace: Path, name: str, runs: int) -> tuple[float, float]:
    process, url = serve(workspace, name)
    try:
        times = [load(browser, url, name) for _ in range(runs)]
    finally:
        process.terminate()
        process.wait(timeout=30)
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", nargs="+",
                        default=["03_your_dashboard", "90_coach_cohort_view", "91_coach_projector"])
    parser.add_argument("--runs", type=int, default=2)
    options = parser.parse_args()
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM") or next((p for p in CHROMIUM if Path(p).is_file()), None)
    if executable is None:
        raise SystemExit("No Chromium: 'apt-get install chromium', or set CHROMIUM to a Chrome.")
    with tempfile.TemporaryDirectory(prefix="bench-voila-") as folder, sync_playwright() as playwright:
        workspace = Path(folder)
        shutil.copytree(ROOT / "notebooks", workspace / "notebooks",
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
        shutil.copytree(ROOT / "data", workspace / "data", ignore=shutil.ignore_patterns("my_log"))
        (workspace / "my_log").mkdir()
        from followup_kit import cohort

        cohort.write_demo_summaries(workspace / "handin", seeds=(1, 2, 3))
        floor_notebook(workspace / "notebooks" / "floor.ipynb")
        browser = playwright.chromium.launch(executable_path=executable, args=ARGS)
        print(f"{'page':<22} {'first chart s':>13} {'usable s':>9} {'floor usable s':>14} {'ratio':>6}")
        for name in options.pages:
            floor_first, floor_usable = measure(browser, workspace, "floor", options.runs)
            first, usable = measure(browser, workspace, name, options.runs)
            print(f"{'floor':<22} {floor_first:13.2f} {floor_usable:9.2f}")
            print(f"{name:<22} {first:13.2f} {usable:9.2f} {floor_usable:14.2f} {usable / floor_usable:6.2f}")
        browser.close()


if __name__ == "__main__":
    main()
