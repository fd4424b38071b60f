"""Memory of one learner's kernel after each notebook, for the JupyterHub sizing note.

Runs each notebook in a fresh kernel and prints the kernel's resident memory
(RSS) at the end.  docs/coaches.md sizes The Littlest JupyterHub from the largest.

    .venv/bin/python benchmarks/bench_kernel_memory.py
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


def kernel_rss(path: Path) -> int:
    """Run the notebook in a fresh kernel; a last cell reports the kernel's own RSS in bytes."""
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(
        "import psutil\nprint(psutil.Process().memory_info().rss)"
    ))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return int(notebook.cells[-1].outputs[0]["text"])


def main() -> None:
    with tempfile.TemporaryDirectory() as log:
        os.environ["FOLLOWUP_KIT_LOG"] = log
        sizes = {p.name: kernel_rss(p) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))}
    for name, rss in sizes.items():
        print(f"{name:45s} {rss / 2**20:6.0f} MiB")
    print(f"largest kernel: {max(sizes.values()) / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
