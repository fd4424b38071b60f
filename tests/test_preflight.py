"""The preflight says OK in a good environment and says what to fix otherwise."""

import importlib.metadata as metadata
from pathlib import Path

from followup_kit import preflight


def test_preflight_is_ok_in_the_test_environment(tmp_path):
    report = preflight.run_preflight(log_dir=tmp_path)
    assert report.ok, str(report)
    assert str(report).startswith("OK: Python 3.")
    assert any(line.startswith("pandas ") for line in report.checked)
    assert "✓ OK" in report._repr_html_()


def test_pins_come_from_the_installed_kit():
    pins = preflight.pinned_requirements()
    assert pins["pandas"] == metadata.version("pandas")
    assert "pytest" not in pins  # test tools are extras, not needed in a learner's kernel


def test_a_version_drift_is_reported_with_the_fix(monkeypatch, tmp_path):
    real = metadata.version
    monkeypatch.setattr(
        preflight.metadata, "version", lambda name: "0.0.1" if name == "pandas" else real(name)
    )
    report = preflight.run_preflight(log_dir=tmp_path)
    assert not report.ok
    (problem,) = report.problems
    assert problem.startswith("pandas is 0.0.1 but the workbook is tested with ")
    assert "python3 tasks.py lab" in problem
    assert "NOT READY" in str(report) and "role='alert'" in report._repr_html_()


def test_a_missing_package_is_reported(monkeypatch, tmp_path):
    real = metadata.version

    def version(name):
        if name == "icalendar":
            raise metadata.PackageNotFoundError(name)
        return real(name)

    monkeypatch.setattr(preflight.metadata, "version", version)
    report = preflight.run_preflight(log_dir=tmp_path)
    pinned = preflight.pinned_requirements()["icalendar"]
    expected = f"icalendar is missing: run 'python3 tasks.py lab' (it installs icalendar=={pinned})."
    assert report.problems == [expected]


def test_an_unwritable_log_folder_is_reported(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder's parent should be")
    report = preflight.run_preflight(log_dir=blocker / "my_log")
    (problem,) = report.problems
    assert problem.startswith(f"Your log folder {blocker / 'my_log'} (as given) cannot be written")
    assert "FOLLOWUP_KIT_LOG" in problem


def test_binder_sessions_are_recognised_and_warned_about():
    binder = {"BINDER_LAUNCH_HOST": "https://mybinder.org/"}
    assert preflight.on_binder(binder) and not preflight.on_binder({})
    notice = preflight.session_notice(binder)
    assert "You are on Binder" in notice and "10 idle minutes" in notice and "Download my log" in notice
    assert "data/my_log</code>" in preflight.session_notice({})  # its real path


def test_the_notice_names_the_buttons_the_logbook_really_has():
    from followup_kit.widgets.logbook import Logbook

    book = Logbook(demo=True)
    for notice in (preflight.session_notice({}), preflight.session_notice({"BINDER_REQUEST": "x"})):
        assert "Upload a log" not in notice  # no such button: the learner would look for it in vain
        assert book.import_button.description in notice and "Choose a file" in notice
        assert book.upload.description.startswith("Choose a file")


def test_the_checked_folder_is_the_one_the_log_opens(monkeypatch, tmp_path):
    from followup_kit.store import default_log_dir

    monkeypatch.setenv("HOME", str(tmp_path))
    for value in ("~/my_log", "  ", f" {tmp_path / 'x'} "):
        monkeypatch.setenv("FOLLOWUP_KIT_LOG", value)
        report = preflight.run_preflight()
        line = next(line for line in report.checked if line.startswith("your log folder"))
        assert line.startswith(f"your log folder is {default_log_dir()} ("), value
        assert line.endswith("can be written"), value


def test_every_runtime_dependency_has_an_import_name_that_imports():
    """The preflight imports each pinned package by its import name; a wrong name reads as NOT READY
    on a fresh install (vaderSentiment's module is not 'vadersentiment')."""
    import importlib.util
    import tomllib

    project = tomllib.loads((Path(preflight.__file__).parents[1] / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        name = requirement.partition("==")[0].strip().lower()
        module = preflight.IMPORT_NAMES.get(name, name.replace("-", "_"))
        assert importlib.util.find_spec(module) is not None, (name, module)


def test_the_coachs_hand_in_folder_is_checked_when_set(monkeypatch, tmp_path):
    monkeypatch.delenv("FOLLOWUP_KIT_HANDIN", raising=False)
    assert not any("hand-in" in line for line in preflight.run_preflight(log_dir=tmp_path).checked)
    monkeypatch.setenv("FOLLOWUP_KIT_HANDIN", str(tmp_path))
    report = preflight.run_preflight(log_dir=tmp_path)
    assert f"your coach's hand-in folder is {tmp_path} and can be written" in report.checked
    monkeypatch.setenv("FOLLOWUP_KIT_HANDIN", str(tmp_path / "missing"))
    (problem,) = [p for p in preflight.run_preflight(log_dir=tmp_path).problems if "hand-in" in p]
    assert "does not exist: tell your coach" in problem and "download" in problem
