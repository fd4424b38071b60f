"""Coach mode: Voilà serves the dashboard and the cohort view with charts and no code."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT, screenshot, start

VOILA_NOTEBOOKS = ["03_your_dashboard.ipynb", "90_coach_cohort_view.ipynb"]
#: Notebooks that ask for the kit's own fk-projector template: no CDN request at all is allowed.
PROJECTOR_TEMPLATE = {"90_coach_cohort_view.ipynb", "91_coach_projector.ipynb"}
#: Voilà's lab template links Font Awesome's CSS from a CDN.  The test machine
#: is offline, so that one stylesheet is answered with an empty one; any other
#: request that leaves 127.0.0.1 is recorded and fails the test.
CDN_STYLESHEETS = "https://cdn.jsdelivr.net/npm/@fortawesome/fontawesome-free"


def keep_offline(page, *, strict: bool = False) -> list[str]:
    """Serve Voilà's CDN stylesheet locally (empty) and record any other outside request; ``strict``
    records the CDN stylesheet too (the ``fk-projector`` template must not ask for it)."""
    outside: list[str] = []

    def handle(route):
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:")):
            route.continue_()
        elif url.startswith(CDN_STYLESHEETS) and not strict:
            route.fulfill(status=200, content_type="text/css", body="")
        else:
            outside.append(url)
            route.abort()

    page.route("**/*", handle)
    return outside


#: Where Voilà finds the kit's ``fk-projector`` template in a checkout (tasks.py also installs it in .venv).
TEMPLATES = ROOT / "share" / "jupyter"


def voila(workspace: Path, notebook: str, **env: str) -> Iterator[str]:
    command = [
        sys.executable, "-m", "voila", f"notebooks/{notebook}", "--no-browser",
        "--Voila.ip=127.0.0.1", "--port={port}", "--Voila.port_retries=0", "--show_tracebacks=True",
    ]
    paths = os.pathsep.join(p for p in (str(TEMPLATES), os.environ.get("JUPYTER_PATH", "")) if p)
    # Probe the port only: a GET of the page would execute the notebook once more.
    yield from start(command, workspace, f"voila-{notebook}", None, JUPYTER_PATH=paths, **env)


@pytest.mark.browser
@pytest.mark.parametrize("notebook", VOILA_NOTEBOOKS)
def test_voila_renders_charts_without_code(page, workspace, notebook):
    assert (ROOT / "notebooks" / notebook).is_file()
    outside = keep_offline(page, strict=notebook in PROJECTOR_TEMPLATE)
    for url in voila(workspace, notebook):
        page.goto(url + "/", timeout=180_000, wait_until="load")
        # Voilà executes the notebook, then shows the outputs: wait for the first chart.
        page.wait_for_selector("img[src^='data:image/png']", timeout=180_000)
        page.wait_for_load_state("networkidle", timeout=180_000)
        images = page.locator("img[src^='data:image/png']")
        # The dashboard's and the cohort's charts sit in tabs: the open tab's chart is drawn at once,
        # another tab's when it is opened (a click in the page reaches Voilà's kernel like any widget event).
        page.locator(".lm-TabBar-tab", has_text="Replies").first.click()
        for _ in range(240):
            if images.count() >= 2:
                break
            page.wait_for_timeout(250)
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


#: Body text and chart labels at the back of the room: the issue's floor, in CSS pixels at 1280×720.
BODY_MIN_PX, CHART_LABEL_MIN_PX = 20, 16
SCREEN = {"width": 1280, "height": 720}

TEXT_SIZES = """() => {
  const sizes = [];
  for (const el of document.querySelectorAll('body *')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'OPTION'].includes(el.tagName)) continue;
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || !el.getClientRects().length) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    sizes.push([parseFloat(style.fontSize), el.textContent.trim().slice(0, 40)]);
  }
  return sizes;
}"""

CHART_BOXES = """() => [...document.querySelectorAll('.fk-projector img[src^="data:image/png"]')]
  .filter(img => img.getClientRects().length)
  .map(img => ({alt: img.alt, width: img.getBoundingClientRect().width,
                height: img.getBoundingClientRect().height, natural: img.naturalWidth}))"""


def smallest_chart_text_pt(figures) -> float:
    """The smallest font (points) of any text drawn in these figures."""
    from matplotlib.text import Text

    return min(
        t.get_fontsize()
        for fig in figures
        for t in fig.findobj(Text)
        if t.get_text().strip() and t.get_visible()
    )


def check_screen(page, label_pt: float, expected_charts: int, floor_px: float) -> list[str]:
    """Body text, chart labels, one copy of each chart, each chart within 1280×720; return the alts."""
    sizes = page.evaluate(TEXT_SIZES)
    small = [(size, text) for size, text in sizes if size < floor_px]
    assert sizes and not small, f"text under {floor_px}px at 1280x720: {small[:8]}"
    boxes = page.evaluate(CHART_BOXES)
    alts = [box["alt"] for box in boxes]
    assert len(boxes) == expected_charts and len(set(alts)) == len(alts), alts
    for box in boxes:
        assert box["width"] <= SCREEN["width"] and box["height"] <= SCREEN["height"], box
        label_px = label_pt * 100 / 72 * box["width"] / box["natural"]  # charts are drawn at 100 dpi
        assert label_px >= CHART_LABEL_MIN_PX, f"chart labels render at {label_px:.1f}px: {box['alt'][:60]}"
    return alts


@pytest.mark.browser
def test_projector_is_readable_from_the_back_at_1280x720(browser, workspace, tmp_path):
    """Notebook 91 in Voilà with its fk-projector template: the cohort, then the dashboard, at 1280×720."""
    from followup_kit import charts, cohort, sample

    from .conftest import new_page

    handin = tmp_path / "handin"
    cohort.write_demo_summaries(handin, seeds=(1, 2, 3))
    group = cohort.load_cohort(handin)
    interviews, followups = sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)
    pooled = cohort.cohort_charts(group, large=True)
    label_pt = smallest_chart_text_pt([*pooled, *charts.dashboard_charts(interviews, followups, large=True)])
    context, page = new_page(browser)
    page.set_viewport_size(SCREEN)
    outside = keep_offline(page, strict=True)
    try:
        for url in voila(workspace, "91_coach_projector.ipynb", FOLLOWUP_KIT_HANDIN=str(handin)):
            page.goto(url + "/", timeout=180_000, wait_until="load")
            page.wait_for_selector(".fk-projector img[src^='data:image/png']", timeout=180_000)
            page.wait_for_load_state("networkidle", timeout=180_000)
            body = page.inner_text("body")
            assert "3 participants:" in body
            for hidden in ("Objectives", "Key points", "Run the cell", "assert", "Export my", "Hand in my"):
                assert hidden not in body, f"{hidden!r} shows on the projector"
            assert page.locator(".jp-InputArea-editor, .cm-editor, .jp-OutputArea-output pre").count() == 0
            # The cohort's six charts sit in tabs: one in view at a time, each drawn when its tab opens.
            tabs = page.locator(".fk-projector .fk-cohort-charts .lm-TabBar-tab")
            assert tabs.count() == 6
            alts = check_screen(page, label_pt, 1, BODY_MIN_PX)
            page.screenshot(path=str(shot("projector-cohort-1280x720")))
            screenshot(page, "projector-cohort-full")
            for index in range(1, 6):
                tabs.nth(index).click()
                shown = ("() => [...document.querySelectorAll('.fk-projector .fk-cohort-charts img')]"
                         f".filter(i => i.getClientRects().length && !{json.dumps(alts)}.includes(i.alt))")
                page.wait_for_function(f"{shown}.length === 1", timeout=60_000)
                alts += check_screen(page, label_pt, 1, BODY_MIN_PX)
            assert len(alts) == len(set(alts)) == 6, alts  # every chart once

            page.locator(".fk-projector-show button", has_text="Dashboard").click()
            page.wait_for_function("() => document.querySelectorAll('.fk-projector .fk-dashboard img').length"
                                   " === 5")  # fmt: skip
            check_screen(page, label_pt, 5, BODY_MIN_PX)
            assert page.locator(".fk-cohort-view").count() == 0  # one view at a time: each chart once
            page.screenshot(path=str(shot("projector-dashboard-1280x720")))

            before = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                                   "'.fk-projector .fk-dashboard-status div')).fontSize)")  # fmt: skip
            page.locator(".fk-projector-large input").click()
            page.wait_for_selector(".fk-projector.fk-projector-xl")
            after = page.evaluate("() => parseFloat(getComputedStyle(document.querySelector("
                                  "'.fk-projector .fk-dashboard-status div')).fontSize)")  # fmt: skip
            assert before >= BODY_MIN_PX and after >= before * 1.3, (before, after)
            check_screen(page, label_pt, 5, after - 0.5)
            page.screenshot(path=str(shot("projector-dashboard-large-1280x720")))
            assert page.errors == []
            assert outside == [], "the page asked for resources outside this machine (icons from a CDN?)"
    finally:
        context.close()


def shot(name: str) -> Path:
    from .conftest import ARTIFACTS

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / f"{name}.png"
