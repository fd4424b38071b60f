"""The layers of docs/architecture.md, enforced: records → logic → views → notebooks.

Imports may only point down: a foundation module (the records and the vocabularies every layer shares)
imports no other part of the kit but the foundation; a logic module never imports a view, nor
``ipywidgets``/``anywidget`` at all, nor ``matplotlib`` at module level (``import followup_kit`` stays
cheap and the logic runs without a display); views may import anything below them.  The map in
``docs/architecture.md`` names every module, so it cannot silently fall behind the tree.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "followup_kit"
#: The bottom layer: plain records, sources, wording and paths, shared by every other layer.
FOUNDATION = {"records", "sources", "wording", "paths"}
WIDGET_LIBRARIES = {"ipywidgets", "anywidget", "IPython"}
HEAVY_AT_IMPORT = {"matplotlib"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> list[tuple[str, bool]]:
    """Every module this file imports, made absolute, with whether the import runs at module level."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_name(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    at_module_level = {id(node) for node in tree.body}
    found = []
    for node in ast.walk(tree):
        at_top = id(node) in at_module_level
        if isinstance(node, ast.Import):
            found += [(alias.name, at_top) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                stem = ".".join(parts + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            for alias in node.names:  # ``from . import store`` imports the module followup_kit.store
                found.append((f"{stem}.{alias.name}" if f"{stem}.{alias.name}" in MODULES else stem, at_top))
    return found


def _layer(module: str) -> str:
    if module.startswith("followup_kit.widgets"):
        return "view"
    short = module.removeprefix("followup_kit.")
    return "foundation" if short in FOUNDATION else "logic"


LOGIC = [name for name in MODULES if _layer(name) != "view" and name != "followup_kit"]


def test_the_graph_is_read_from_real_imports():
    """Guard the parser: known imports are seen, so the checks below can fail."""
    planner = dict(_imports(MODULES["followup_kit.planner"]))
    assert "followup_kit.records" in planner and "followup_kit.place" in planner
    logbook = dict(_imports(MODULES["followup_kit.widgets.logbook"]))
    assert logbook.get("ipywidgets") is True and "followup_kit.store" in logbook
    charts = _imports(MODULES["followup_kit.charts"])
    assert any(name.startswith("matplotlib") and not at_top for name, at_top in charts)
    assert "followup_kit.sources" in dict(charts)


@pytest.mark.parametrize("module", LOGIC)
def test_logic_never_imports_a_view_or_a_widget_library(module):
    for name, at_top in _imports(MODULES[module]):
        assert not name.startswith("followup_kit.widgets"), f"{module} imports the view {name}"
        assert name.split(".")[0] not in WIDGET_LIBRARIES, f"{module} imports {name}: views only"
        if name.split(".")[0] in HEAVY_AT_IMPORT:
            assert not at_top, f"{module} imports {name} at module level: import it inside the function"


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m) == "foundation"))
def test_the_foundation_imports_only_the_foundation(module):
    for name, _ in _imports(MODULES[module]):
        if name.startswith("followup_kit"):
            assert _layer(name) == "foundation", f"{module} (foundation) imports {name} from a layer above"


def test_the_architecture_map_names_every_module():
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        path.relative_to(PACKAGE).as_posix()
        for path in MODULES.values()
        if path.name != "__init__.py" and f"`{path.relative_to(PACKAGE).as_posix()}`" not in text
        and f"`{path.name}`" not in text
    ]
    assert not missing, f"docs/architecture.md does not describe {missing}"
