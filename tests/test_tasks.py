"""tasks.py, the README's two commands: what they run."""

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tasks(monkeypatch):
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls = []
    monkeypatch.setattr(module, "ensure_env", lambda extras="": calls.append(("env", extras)))
    monkeypatch.setattr(module, "ensure_chromium", lambda: calls.append(("chromium",)))
    monkeypatch.setattr(module, "install_voila_template", lambda prefix=None: calls.append(("template",)))
    monkeypatch.setattr(module, "ensure_axe", lambda: calls.append(("axe",)))
    monkeypatch.setattr(module, "run", lambda *args, **kwargs: calls.append(tuple(map(str, args))))
    module.calls = calls
    return module


def test_lab_opens_the_first_notebook_with_the_repo_as_root(tasks):
    tasks.lab(["--no-browser"])
    (env, template, command) = tasks.calls
    assert template == ("template",)
    assert env == ("env", "")
    assert command[1:3] == ("lab", f"--ServerApp.root_dir={ROOT}")
    default_url = next(arg for arg in command if arg.startswith("--LabApp.default_url="))
    assert (ROOT / default_url.removeprefix("--LabApp.default_url=/lab/tree/")).is_file()
    assert "--no-browser" in command


def test_test_installs_the_test_tools_and_runs_lint_units_notebooks(tasks):
    tasks.test(["-x"])
    env, chromium, template, axe, ruff, pytest_run = tasks.calls
    assert env == ("env", "test,hub") and chromium == ("chromium",) and axe == ("axe",)
    assert ruff[1:] == ("check", ".")
    assert pytest_run[1:5] == ("-m", "pytest", "tests", "notebooks")
    assert {"--nbval-lax", "--nbval-current-env", "-x"} <= set(pytest_run)


def test_an_unknown_command_prints_the_usage(tasks, capsys):
    with pytest.raises(SystemExit) as exit_:
        tasks.main(["deploy"])
    assert exit_.value.code == 2
    assert "python3 tasks.py test" in capsys.readouterr().out


def test_lab_installs_overrides_that_turn_the_news_pop_up_off(tasks, tmp_path):
    import json

    path = tasks.write_lab_overrides(tmp_path)
    assert path == tmp_path / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    settings = json.loads(path.read_text())
    assert settings["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_hub_rehearsal_installs_the_hub_extra_and_passes_the_participants_on(tasks):
    tasks.main(["hub-rehearsal", "--participants", "5"])
    env, chromium, command = tasks.calls
    assert env == ("env", "test,hub") and chromium == ("chromium",)
    assert command[1:] == ("-m", "tests.hub.rehearsal", "--participants", "5")
    assert (ROOT / "tests" / "hub" / "rehearsal.py").is_file()


def test_the_projector_template_lands_where_voila_looks(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("tasks_real", ROOT / "tasks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = module.install_voila_template(tmp_path)
    assert target == tmp_path / "share" / "jupyter" / "voila" / "templates" / "fk-projector"
    assert '"base_template": "lab"' in (target / "conf.json").read_text()
    assert "cdn." not in (target / "index.html.j2").read_text()
def test_lab_overrides_keep_widget_state_out_of_notebooks(tasks, tmp_path):
    """jupyterlab-manager saves widget state (the learner's exercise texts) into a notebook on save only
    when its ``saveState`` setting is on; the set-up turns it off for good."""
    import json

    settings = json.loads(tasks.write_lab_overrides(tmp_path).read_text())
    assert settings["@jupyter-widgets/jupyterlab-manager:plugin"] == {"saveState": False}


def test_lab_overrides_stop_a_kernel_when_its_notebook_closes(tasks, tmp_path):
    """On a hub every open kernel is the learner's memory: a closed notebook's kernel stops (issue 14)."""
    import json

    settings = json.loads(tasks.write_lab_overrides(tmp_path).read_text())
    assert settings["@jupyterlab/notebook-extension:tracker"] == {"kernelShutdown": True}
