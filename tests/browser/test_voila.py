"""Coach mode: Voilà serves the dashboard and the cohort view with charts and no code."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, screenshot, start

VOILA_NOTEBOOKS = ["03_your_dashboard.ipynb", "90_coach_cohort_view.ipynb"]


def voila(workspace: Path, notebook: str) -> Iterator[str]:
    command = [
        sys.executable, "-m", "voila", f"notebooks/{notebook}", "--no-browser",
        "--Voila.ip=127.0.0.1", "--port={port}", "--Voila.port_retries=0", "--show_tracebacks=True",
    ]
    yield from start(command, workspace, f"voila-{notebook}", "/voila/static/")


@pytest.mark.browser
@pytest.mark.parametrize("notebook", VOILA_NOTEBOOKS)
def test_voila_renders_charts_without_code(page, workspace, notebook):
    assert (ROOT / "notebooks" / notebook).is_file()
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
