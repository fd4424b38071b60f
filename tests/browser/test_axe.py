"""Accessibility, measured by axe-core: every notebook after Run All, scoped to the kit's widget outputs.

axe-core (npm, installed by ``python3 tasks.py test``) is injected into JupyterLab's page and run on
the output areas that hold a widget or one of the kit's ``fk-…`` elements, not on JupyterLab's own
chrome.  Serious and critical violations fail the test; every violation, of any impact, is written
to ``test-artifacts/axe.json`` (per notebook: counts by impact, and each rule with its elements).
"""

from __future__ import annotations

import json

import pytest

from .conftest import ROOT
from .lab import error_outputs, open_notebook, run_all

NOTEBOOKS = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
REPORT = ROOT / "test-artifacts" / "axe.json"
FAILING = ("serious", "critical")

#: Run axe on the kit's outputs of the notebook in view; resolve to {outputs, violations}.
RUN_AXE = """async () => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  const outputs = [...panel.querySelectorAll('.jp-OutputArea-output')]
    .filter(o => o.querySelector('.jupyter-widgets, [class*="fk-"]'));
  if (!outputs.length) return {outputs: 0, violations: []};
  const result = await axe.run({include: outputs}, {resultTypes: ['violations']});
  return {
    outputs: outputs.length,
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 300),
                                summary: (n.failureSummary || '').slice(0, 400)})),
    })),
  };
}"""


def record(name: str, found: dict) -> dict:
    """Add this notebook's result to test-artifacts/axe.json and return its counts by impact."""
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    report = json.loads(REPORT.read_text()) if REPORT.is_file() else {}
    counts = {impact: 0 for impact in ("critical", "serious", "moderate", "minor")}
    for violation in found["violations"]:
        counts[violation["impact"] or "minor"] += len(violation["nodes"])
    report[name] = {"outputs_checked": found["outputs"], "counts": counts, "violations": found["violations"]}
    REPORT.write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
    return counts


@pytest.mark.browser
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_no_serious_or_critical_accessibility_violations(page, lab_url, axe_script, name):
    open_notebook(page, lab_url, f"notebooks/{name}")
    run_all(page)
    assert error_outputs(page) == []
    page.wait_for_timeout(1000)  # let the last widgets render
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate(RUN_AXE)
    counts = record(name, found)
    print(f"axe-core {name}: {found['outputs']} outputs checked, {counts}")
    failing = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:5]}"
        for v in found["violations"] if v["impact"] in FAILING
    ]
    assert not failing, "\n".join(failing)
