"""The layers of docs/architecture.md, enforced: records → logic → views → notebooks.

Imports may only point down: a foundation module (the records and the vocabularies every layer shares)
imports no other part of the kit but the foundation; a logic module never imports a view, nor
``ipywidgets``/``anywidget`` at all, nor ``matplotlib`` at module level (``import followup_kit`` stays
cheap and the logic runs without a display); views may import anything below them.  The map in
``docs/architecture.md`` names every module, so it cannot silently fall behind the tree.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "followup_kit"
#: The bottom layer: plain records, sources, wording and paths, shared by every other layer.
FOUNDATION = {"records", "sources", "wording", "paths", "files"}
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


# -- one front door: notebooks import from followup_kit and followup_kit.widgets only -------------------

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
FRONT_DOORS = {"followup_kit", "followup_kit.widgets"}


def _notebook_imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every ``from followup_kit… import …`` and ``import followup_kit…`` in a notebook."""
    import json

    found = []
    for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] != "code":
            continue
        for node in ast.walk(ast.parse("".join(cell["source"]))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("followup_kit"):
                found.append((node.module, [alias.name for alias in node.names]))
            elif isinstance(node, ast.Import):
                found += [(alias.name, []) for alias in node.names if alias.name.startswith("followup_kit")]
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_import_only_through_the_two_front_doors(path):
    import importlib

    for module, names in _notebook_imports(path):
        assert module in FRONT_DOORS, f"{path.name} imports from {module}: use a front door ({FRONT_DOORS})"
        door = importlib.import_module(module)
        for name in names:
            is_module = importlib.util.find_spec(f"{module}.{name}") is not None
            assert name in door.__all__ or is_module, f"{path.name}: {module} does not export {name}"


def test_every_front_door_name_resolves_and_the_doors_stay_lazy():
    import importlib
    import subprocess
    import sys

    for door in FRONT_DOORS:
        module = importlib.import_module(door)
        assert [name for name in module.__all__ if getattr(module, name, None) is None] == []
    code = ("import sys, followup_kit, followup_kit.widgets; "
            "print(sorted(m for m in ('ipywidgets', 'matplotlib', 'pandas') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=ROOT).stdout.strip()
    assert loaded == "[]", loaded


@pytest.mark.parametrize("module", sorted(m for m in MODULES if not m.rpartition(".")[2].startswith("_")
                                          and MODULES[m].name != "__init__.py"))
def test_every_public_module_says_what_it_exports(module):
    import importlib

    imported = importlib.import_module(module)
    assert isinstance(getattr(imported, "__all__", None), (list, tuple)), f"{module} has no __all__"
    assert [name for name in imported.__all__ if not hasattr(imported, name)] == []


# -- one error guard: views catch errors only through widgets/_common.py -------------------------------

#: The errors the guard shows to the learner (``_common.learner_errors``), and the broad ones.
#: ``ConflictError`` is not among them: it is a question for the learner (reload, or overwrite anyway),
#: answered where it is raised with the fields that clash, not an error to word.
GUARDED_ERRORS = {"ValidationError", "ValidationErrors", "LogFileError", "ReadOnlyLogError", "UnknownIdError",
                  "ScenarioError", "DraftError", "TrackerError"}
BROAD = {"Exception", "BaseException"}
VIEWS = sorted(m for m in MODULES if _layer(m) == "view" and m != "followup_kit.widgets._common")


def _caught(handler: ast.ExceptHandler) -> set[str]:
    """The class names an ``except`` clause names (``Exception`` for a bare ``except:``)."""
    if handler.type is None:
        return {"Exception"}
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return {k.attr if isinstance(k, ast.Attribute) else getattr(k, "id", "") for k in kinds}


def _catches_outside_the_guard(source: str) -> list[str]:
    """Every ``except`` for a learner's error or for any error that does not end by raising (it, or a
    clearer one for the guard to show)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ExceptHandler):
            names = _caught(node) & (GUARDED_ERRORS | BROAD)
            raises_again = isinstance(node.body[-1], ast.Raise)  # passed on (as is, or reworded) to the guard
            if names and not raises_again:
                found.append(f"line {node.lineno}: except {', '.join(sorted(names))}")
    return found


def test_the_guard_check_sees_a_views_own_except():
    own = """
try:
    save()
except (store.LogFileError, OSError) as error:
    show(error)
except Exception:
    pass
try:
    read()
except OSError:
    pass
except Exception:
    forget()
    raise
"""
    assert _catches_outside_the_guard(own) == ["line 4: except LogFileError", "line 6: except Exception"]


@pytest.mark.parametrize("module", VIEWS)
def test_views_catch_errors_only_through_the_one_guard(module):
    """A view shows errors with ``_common.guarded`` / ``shown_in``, never an ``except`` of its own."""
    found = _catches_outside_the_guard(MODULES[module].read_text(encoding="utf-8"))
    assert not found, f"{module} catches errors itself ({'; '.join(found)}): use _common.guarded or shown_in"


# -- one home each: paths and env variables in paths.py, the atomic write in files.py --------------------

KIT_VARIABLE = re.compile(r"FOLLOWUP_KIT_[A-Z_]+")


def _one_home_breaches(source: str, module: str) -> list[str]:
    """Where a module does what only paths.py (the kit's variables, ``__file__``) or files.py
    (``os.replace``, ``os.rename``) may do."""
    found = []
    for node in ast.walk(ast.parse(source)):
        where = f"line {getattr(node, 'lineno', '?')}"
        if module != "paths":
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and KIT_VARIABLE.fullmatch(
                    node.value):
                found.append(f"{where}: names {node.value}: read it through paths")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in {
                    "get", "getenv"} and node.args and isinstance(node.args[0], (ast.Name, ast.Attribute)):
                name = node.args[0].id if isinstance(node.args[0], ast.Name) else node.args[0].attr
                if name.endswith("_ENV"):
                    found.append(f"{where}: reads {name}: read it through paths")
            if isinstance(node, ast.Name) and node.id == "__file__":
                found.append(f"{where}: a path from __file__: use paths")
        if module != "files" and isinstance(node, ast.Attribute) and node.attr in {"replace", "rename"} and (
                isinstance(node.value, ast.Name) and node.value.id == "os"):
            found.append(f"{where}: os.{node.attr}: use files.write_atomic or files.replace")
    return found


def test_the_one_home_check_sees_a_second_home():
    own = """
import os
folder = os.environ.get("FOLLOWUP_KIT_LOG", "")
when = os.environ.get(NOW_ENV)
here = Path(__file__).parent
os.replace(temp, target)
message = "set FOLLOWUP_KIT_LOG to move it"
"""
    assert sorted(line.split(":")[0] for line in _one_home_breaches(own, "store")) == [
        "line 3", "line 4", "line 5", "line 6"]
    assert _one_home_breaches(own, "paths") == ["line 6: os.replace: use files.write_atomic or files.replace"]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_paths_variables_and_atomic_writes_have_one_home_each(module):
    found = _one_home_breaches(MODULES[module].read_text(encoding="utf-8"), module.rpartition(".")[2])
    assert not found, f"{module}: {'; '.join(found)}"
