"""The repository keeps its promises to newcomers, Binder and CI.

Pins in environment.yml and pyproject.toml agree; notebooks are committed
clean and framed as lessons; the README's commands are the ones CI runs.
"""

import json
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def conda_pins() -> dict[str, str]:
    """``name=version`` lines of environment.yml's dependencies (no YAML library needed)."""
    pins = {}
    for line in (ROOT / "environment.yml").read_text().splitlines():
        match = re.match(r"^\s*-\s*([A-Za-z0-9_.\-]+)\s*(?:=\s*([^\s#]+))?\s*(?:#.*)?$", line)
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def pip_pins(requirements: list[str]) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        name, _, version = requirement.partition("==")
        assert version, f"{requirement!r} in pyproject.toml is not pinned with =="
        pins[name.strip().lower()] = version.strip()
    return pins


def test_environment_pins_equal_pyproject_pins():
    project = pyproject()["project"]
    runtime = pip_pins(project["dependencies"])
    everything = runtime | pip_pins(project["optional-dependencies"]["test"])
    conda = conda_pins()
    assert conda.pop("python") == "3.12"
    assert conda.pop("pip") is None
    drift = {name: (version, everything.get(name)) for name, version in conda.items()
             if everything.get(name) != version}
    assert not drift, f"environment.yml vs pyproject.toml pins differ: {drift}"
    missing = sorted(set(runtime) - set(conda))
    assert not missing, f"runtime dependencies missing from environment.yml: {missing}"


def test_environment_uses_conda_forge_and_the_design_cards_packages():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"channels:\s*\n\s*-\s*conda-forge", text)
    assert {"jupyterlab", "ipywidgets", "pandas", "matplotlib", "nbval"} <= set(conda_pins())


def test_binder_reads_the_root_files():
    assert not (ROOT / "binder").exists() and not (ROOT / ".binder").exists()
    post_build = (ROOT / "postBuild").read_bytes()
    assert b"\r\n" not in post_build, "postBuild must have LF line endings"
    assert b"set -euo pipefail" in post_build
    assert b"pip install --no-deps -e ." in post_build
    assert re.search(r"^postBuild .*eol=lf", (ROOT / ".gitattributes").read_text(), re.M)


def test_ci_runs_the_readme_test_command_exactly():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    commands = re.findall(r"^(python3 tasks\.py (?:lab|test))\s*$", readme, re.M)
    assert commands[:2] == ["python3 tasks.py lab", "python3 tasks.py test"]
    assert readme.index("python3 tasks.py test") < 1500, "the two commands belong near the top"
    assert re.search(r"^python3 tasks\.py test$", ci, re.M)


def test_binder_badge_opens_an_existing_notebook():
    readme = (ROOT / "README.md").read_text()
    match = re.search(r"https://mybinder\.org/v2/gh/[^)\s]+\?urlpath=lab/tree/([^)\s]+\.ipynb)", readme)
    assert match, "README needs a Binder badge with urlpath=lab/tree/notebooks/…"
    assert (ROOT / match.group(1)).is_file(), match.group(1)
    assert "conda env create -f environment.yml" in readme


def test_participants_logs_are_git_ignored():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "data/my_log/" in ignored and ".venv/" in ignored


def test_notebooks_exist_and_are_numbered_in_order():
    numbers = [int(p.name[:2]) for p in NOTEBOOKS if p.name[:2].isdigit()]
    assert numbers and numbers[0] == 0
    learner = [n for n in numbers if n < 90]
    assert learner == list(range(len(learner))), f"learner notebooks must be numbered 00, 01, …: {learner}"
    assert not list((ROOT / "notebooks").glob("Untitled*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_is_committed_clean_with_the_python3_kernel(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["metadata"]["kernelspec"]["name"] == "python3"
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [], f"cell {index} has stored outputs"
            assert cell["execution_count"] is None, f"cell {index} has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_uses_the_lesson_frame(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    first, last = markdown[0], markdown[-1]
    assert re.match(rf"# {path.name[:2]} · \S", first), "first cell: '# NN · Title'"
    assert re.search(r"\*\*Time:\*\* \d+ minutes", first) and "## Objectives" in first
    assert "## Key points" in last and "## Next" in last


def test_minutes_are_written_once_and_every_table_agrees():
    """Each notebook's minutes live in its metadata (and its header says the same); the README's and the
    coach's guide's tables, and the guide's totals, must equal them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "coaches.md").read_text(encoding="utf-8")
    minutes = {}
    for path in NOTEBOOKS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        minutes[path.stem] = notebook["metadata"]["followup_kit"]["minutes"]
        header = "".join(notebook["cells"][0]["source"])
        assert f"**Time:** {minutes[path.stem]} minutes" in header, path.name
    for stem, value in minutes.items():
        readme_row = next(line for line in readme.splitlines() if line.startswith(f"| `{stem}` |"))
        assert readme_row.rstrip(" |").rsplit("|", 1)[1].strip() == str(value), stem
        guide_row = next(line for line in guide.splitlines() if line.startswith(f"| `{stem}` |"))
        assert guide_row.split("|")[2].strip() == str(value), stem
    core = sum(v for k, v in minutes.items() if k[:2] in ("00", "01", "02", "04", "05"))
    learner = sum(v for k, v in minutes.items() if int(k[:2]) < 90)
    assert f"take {learner} minutes in all" in guide
    assert f"the core (00–02, 04, 05) takes {core} minutes" in guide


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_each_notebook_links_to_the_next_and_says_how_to_shut_it_down(path):
    last = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][-1]["source"])
    links = re.findall(r"\]\(([^)]+\.ipynb)\)", last[last.index("## Next"):])
    assert links and all((path.parent / link).is_file() for link in links), links
    assert "File ▸ Close and Shut Down Notebook" in last
