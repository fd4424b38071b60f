"""Coach mode: Voilà serves the dashboard and the cohort view with charts and no code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, screenshot, start

VOILA_NOTEBOOKS = ["03_your_dashboard.ipynb", "90_coach_cohort_view.ipynb"]
#: Voilà's lab template links Font Awesome's CSS from a CDN.  The test machine
#: is offline, so that one stylesheet is answered with an empty one; any other
#: request that leaves 127.0.0.1 is recorded and fails the test.
CDN_STYLESHEETS = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free"


def keep_offline(page) -> list[str]:
    """Serve Voilà's CDN stylesheet locally (empty) and record any other outside request."""
    outside: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:")):
            route.continue_()
        elif url.startswith(CDN_STYLESHEETS):
            route.fulfill(status=200, content_type="text/css", body="")
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", handle)
    return outside


def voila(workspace: Path, notebook: str) -> Iterator[str]:
    command = [
        sys.executable, "-m", "voila", f"notebooks/{notebook}", "--no-browser",
        "--Voila.ip=127.0.0.1", "--port={port}", "--Voila.port_retries=0", "--show_tracebacks=True",
    ]
    # Probe the port only: a GET of the page would execute the notebook once more.
    yield from start(command, workspace, f"voila-{notebook}", None)


@pytest.mark.browser
@pytest.mark.parametrize("notebook", VOILA_NOTEBOOKS)
def test_voila_renders_charts_without_code(page, workspace, notebook):
    assert (ROOT / "notebooks" / notebook).is_file()
    outside = keep_offline(page)
    for url in voila(workspace, notebook):
        page.goto(url + "/", timeout=180_000, wait_until="load")
        # Voilà executes the notebook, then shows the outputs: wait for the first chart.
        page.wait_for_selector("img[src^='data:image/png']", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        images = page.locator("img[src^='data:image/png']")
        assert images.count() >= 2, "expected the charts to render as images"
        missing_alt = [i for i in range(images.count()) if not images.nth(i).get_attribute("alt")]
        assert not missing_alt, f"charts without a text description for screen readers: {missing_alt}"
        assert page.locator(".jp-InputArea-editor, .jp-CodeMirrorEditor, .cm-editor").count() == 0, (
            "code is visible in Voilà"
        )
        body = page.inner_text("body")
        assert "Traceback" not in body and "Error" not in body.split("\n")[0]
        screenshot(page, f"voila-{notebook.removesuffix('.ipynb')}")
        assert page.errors == []
        assert outside == [], "the page asked for resources outside this machine"
