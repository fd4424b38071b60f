"""Drive a notebook in JupyterLab the way a learner does: open it, clear it, Run All."""

from __future__ import annotations

import time

CELL_TIMEOUT_MS = 240_000

ALL_CELLS_SETTLED = """() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const status = panel.querySelector('.jp-Notebook-ExecutionIndicator');
  const prompts = [...panel.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent);
  const busy = prompts.some(t => t.includes('*'));
  return !busy && (!status || status.getAttribute('data-status') === 'idle');
}"""

KERNEL_READY = """() => {
  const widget = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const kernel = widget && widget.sessionContext && widget.sessionContext.session
    && widget.sessionContext.session.kernel;
  return !!kernel && kernel.connectionStatus === 'connected' && kernel.status === 'idle';
}"""

#: Each code cell's prompt, "[3]:" once it ran; read from the cell model, since a cell whose source is
#: collapsed by default (metadata jupyter.source_hidden) shows no prompt text in the page.
PROMPTS = """() => {
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.widgets) {
    const shown = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputPrompt';
    return [...document.querySelectorAll(shown)].map(p => p.textContent.trim());
  }
  return panel.content.widgets.filter(c => c.model.type === 'code').map(c => {
    if (c.model.executionState === 'running') return '[*]:';
    const n = c.model.executionCount;
    return n === null || n === undefined ? '' : `[${n}]:`;
  });
}"""

ERRORS = """() => {
  const panel = '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output';
  const kinds = ['application/vnd.jupyter.error', 'application/vnd.jupyter.stderr'];
  const selector = kinds.map(kind => `${panel}[data-mime-type="${kind}"]`).join(',');
  return [...document.querySelectorAll(selector)].map(e => e.textContent.slice(0, 2000));
}"""


def command(page, name: str, *, wait: bool = True) -> None:
    """Run a JupyterLab command; wait for it to finish unless told not to."""
    script = f"window.jupyterapp.commands.execute('{name}')"
    page.evaluate(f"async () => {{ await {script}; }}" if wait else f"() => {{ {script}; }}")


def open_notebook(page, base_url: str, path: str) -> None:
    page.goto(f"{base_url}/lab/tree/{path}?reset")
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
    page.wait_for_function(KERNEL_READY, timeout=90_000)


def run_all(page) -> list[str]:
    """Clear outputs, Run All, wait until every cell settled; return the input prompts."""
    command(page, "notebook:clear-all-cell-outputs")
    command(page, "notebook:run-all-cells", wait=False)
    time.sleep(1.0)  # let the first cell enter the queue before polling
    deadline = time.monotonic() + CELL_TIMEOUT_MS / 1000
    settled_since = None
    while time.monotonic() < deadline:
        if page.evaluate(ALL_CELLS_SETTLED):
            settled_since = settled_since or time.monotonic()
            if time.monotonic() - settled_since > 1.5:
                break
        else:
            settled_since = None
        time.sleep(0.25)
    else:
        raise AssertionError(f"cells still running after {CELL_TIMEOUT_MS / 1000:.0f} s")
    return page.evaluate(PROMPTS)


def error_outputs(page) -> list[str]:
    return page.evaluate(ERRORS)
