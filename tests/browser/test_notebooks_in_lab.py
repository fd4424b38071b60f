"""Every notebook runs clean in a real JupyterLab, in Chromium, with its widgets rendered."""

from __future__ import annotations

import re

import pytest

from .conftest import ROOT, screenshot
from .lab import error_outputs, open_notebook, run_all

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))


def uses_widgets(name: str) -> bool:
    return "followup_kit.widgets" in (ROOT / "notebooks" / name).read_text(encoding="utf-8")


@pytest.mark.browser
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_all_cells_cleanly(page, lab_url, name):
    open_notebook(page, lab_url, f"notebooks/{name}")
    prompts = run_all(page)
    assert prompts, "no code cells found"
    unfinished = [i for i, p in enumerate(prompts) if not re.fullmatch(r"\[\d+\]:", p)]
    assert not unfinished, f"cells that did not finish: {unfinished} (prompts {prompts})"
    assert error_outputs(page) == []
    if uses_widgets(name):
        assert page.locator(".jp-OutputArea .jupyter-widgets").count() > 0, "no widget rendered"
        assert page.get_by_text("Error displaying widget").count() == 0
    screenshot(page, name.removesuffix(".ipynb"))
    assert page.errors == []
