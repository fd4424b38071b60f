"""Nothing a learner writes ends up in a notebook: typed into every exercise, saved with Ctrl+S, then read.

A learner logs an interview whose company is a unique marker (notebook 01's form), then in notebooks
04-07 types the marker into every exercise, presses Check and Save draft, and saves each notebook with
JupyterLab's own save.  The marker must be in no ``.ipynb`` (checkpoints included), ``git status`` may
show the notebooks changed only by what running them adds (execution counts, outputs, the kernel's
``language_info``), and the marker must be in the learner's own folder (the log and ``drafts/``).
A second test restarts the kernel and finds the draft back in its box.

The server runs on a git repository made from a copy of the notebooks, with the Lab settings the set-up
installs (``tasks.write_lab_overrides``, which turns widget-state saving off) and a frozen clock.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from followup_kit.place import NOW_ENV
from followup_kit.store import InterviewLog

from .conftest import LAB_COMMAND, ROOT, make_workspace, screenshot, start
from .lab import command, error_outputs, open_notebook, run_all

TIMEOUT = 30_000
MARKER = f"Zyx{uuid.uuid4().hex[:10]}"
NOW = "2026-03-10T12:00:00+00:00"
EXERCISE_NOTEBOOKS = (
    "04_write_a_thank_you_note",
    "05_rehearse_your_call_opener",
    "06_ask_for_feedback",
    "07_role_play_the_call",
)
#: What JupyterLab may change in a notebook it ran and saved: none of it is the learner's text.
RUN_METADATA = {"language_info"}
CELL_RUN_METADATA = {"execution", "scrolled", "collapsed"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
        cwd=root, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def install_setup_overrides(root: Path) -> None:
    """The Lab settings ``python3 tasks.py lab`` installs, as this server's user settings."""
    spec = importlib.util.spec_from_file_location("tasks", ROOT / "tasks.py")
    tasks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tasks)
    overrides = json.loads(tasks.write_lab_overrides(root / ".setup-prefix").read_text(encoding="utf-8"))
    for plugin_id, values in overrides.items():
        package, plugin = plugin_id.split(":")
        path = root / ".lab-settings" / package / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        current = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
        path.write_text(json.dumps({**values, **current}), encoding="utf-8")


@pytest.fixture(scope="module")
def private_lab(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """JupyterLab on a git repository of the notebooks, with the set-up's settings and a frozen clock."""
    root = make_workspace(tmp_path_factory.mktemp("privacy"))
    install_setup_overrides(root)
    (root / ".gitignore").write_text(".lab-settings/\n.lab-workspaces/\n.setup-prefix/\nmy_log/\n*.log\n")
    git(root, "init", "-q")
    git(root, "add", "notebooks", ".gitignore")
    git(root, "commit", "-q", "-m", "the workbook as shipped")
    for url in start(LAB_COMMAND, root, "jupyterlab-privacy", "/api/status", **{NOW_ENV: NOW}):
        yield url, root


def type_into(field, text: str) -> None:
    """Type into a widget's input key by key, as a learner does."""
    field.click()
    field.press("Control+A")
    field.press_sequentially(text)
    field.blur()


def has_text(locator) -> None:
    expect(locator).to_have_text(re.compile(r"\S"), timeout=TIMEOUT)


def save_with_ctrl_s(page, path: Path) -> None:
    """JupyterLab's own save: command mode on a cell, then Ctrl+S; wait until the file is written."""
    before = path.stat().st_mtime_ns
    page.keyboard.press("Escape")
    page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell .jp-InputPrompt").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("Control+s")
    deadline = time.monotonic() + 30
    while path.stat().st_mtime_ns == before:
        if time.monotonic() > deadline:
            raise AssertionError(f"Ctrl+S did not save {path.name}")
        time.sleep(0.2)
    time.sleep(0.5)  # let the write finish


def shut_down_kernels(page) -> None:
    """Free the kernel's memory before the next notebook (two cores, other engineers' tests)."""
    page.evaluate("async () => { await window.jupyterapp.serviceManager.sessions.shutdownAll(); }")


def log_the_marker_interview(page, url: str, root: Path) -> None:
    open_notebook(page, url, "notebooks/01_log_your_interviews.ipynb")
    run_all(page)
    assert error_outputs(page) == []
    type_into(page.locator(".fk-company input").first, MARKER)
    type_into(page.locator(".fk-role input").first, "Data Analyst")
    page.locator(".fk-held-date input").first.fill("2026-03-06")
    page.locator(".fk-held-time input").first.fill("10:00")
    type_into(page.locator(".fk-interviewers input").first, "Dana Whitfield, Raj Patel")
    type_into(page.locator(".fk-talking-points textarea").first, f"the {MARKER} dashboard\nPython reports")
    page.locator("button.fk-save").first.click()
    expect(page.locator(".fk-form-status").first).to_contain_text(f"Saved: {MARKER}", timeout=TIMEOUT)
    save_with_ctrl_s(page, root / "notebooks" / "01_log_your_interviews.ipynb")
    shut_down_kernels(page)


def write_in_every_exercise(page, name: str) -> int:
    """Type the marker into every box of the notebook, press Check (or Compare, Send) and Save draft."""
    written = 0
    exercises = page.locator(".fk-exercise")
    for index in range(exercises.count()):
        exercise = exercises.nth(index)
        exercise.scroll_into_view_if_needed()
        type_into(
            exercise.locator(".fk-exercise-text textarea"), f"Hi Dana, this is {MARKER} ({name} {index})."
        )
        exercise.locator("button.fk-exercise-check").click()
        has_text(exercise.locator(".fk-exercise-status"))
        exercise.locator("button.fk-save-draft").click()
        expect(exercise.locator(".fk-draft-status")).to_contain_text("not in the notebook", timeout=TIMEOUT)
        written += 1
    notes = page.locator(".fk-compare-notes")
    for index in range(notes.count()):
        view = notes.nth(index)
        boxes = view.locator(".fk-note textarea")
        for box in range(boxes.count()):
            type_into(boxes.nth(box), f"Dear colleague, {MARKER} note {box}.")
        view.locator("button.fk-compare").click()
        has_text(view.locator(".fk-compare-status"))
        written += 1
    plays = page.locator(".fk-roleplay")
    for index in range(plays.count()):
        play = plays.nth(index)
        type_into(play.locator(".fk-learner-name input"), MARKER)
        play.locator("button.fk-start-call").click()
        has_text(play.locator(".fk-choices"))
        type_into(play.locator(".fk-reply textarea"), f"Hello, it's {MARKER}. Is a decision close?")
        play.locator("button.fk-send").click()
        has_text(play.locator(".fk-turn-feedback"))
        written += 1
    return written


def notebook_without_run_data(text: str) -> dict:
    """A notebook as shipped: outputs, execution counts and what a run adds taken out."""
    notebook = json.loads(text)
    notebook["metadata"] = {k: v for k, v in notebook["metadata"].items() if k not in RUN_METADATA}
    for cell in notebook["cells"]:
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k not in CELL_RUN_METADATA}
    return notebook


@pytest.mark.browser
def test_nothing_the_learner_writes_is_saved_into_a_notebook(page, private_lab):
    url, root = private_lab
    log_the_marker_interview(page, url, root)
    counts = {}
    for name in EXERCISE_NOTEBOOKS:
        open_notebook(page, url, f"notebooks/{name}.ipynb")
        run_all(page)
        assert error_outputs(page) == [], name
        counts[name] = write_in_every_exercise(page, name)
        save_with_ctrl_s(page, root / "notebooks" / f"{name}.ipynb")
        screenshot(page, f"privacy-{name}")
        shut_down_kernels(page)
    assert counts == {
        "04_write_a_thank_you_note": 2,  # the note, and the two notes to compare
        "05_rehearse_your_call_opener": 2,  # the opener (timed) and the voicemail
        "06_ask_for_feedback": 2,  # on the call, and by email
        "07_role_play_the_call": 2,  # the gatekeeper, and a typed reply in the role-play
    }, counts

    leaks = [p.relative_to(root) for p in root.rglob("*.ipynb") if MARKER in p.read_text(encoding="utf-8")]
    assert leaks == [], f"the learner's text was saved into {leaks}"

    changed = git(root, "status", "--porcelain", "--untracked-files=no").splitlines()
    assert all(line[3:].startswith("notebooks/") and line[3:].endswith(".ipynb") for line in changed), changed
    assert any("04_write" in line for line in changed), "the saves did not reach the disk"
    for line in changed:
        path = line[3:]
        shipped = notebook_without_run_data(git(root, "show", f"HEAD:{path}"))
        saved = notebook_without_run_data((root / path).read_text(encoding="utf-8"))
        assert "widgets" not in saved["metadata"], f"{path}: widget state was saved"
        assert saved == shipped, f"{path} changed beyond execution counts and outputs"

    mine = [
        p for p in (root / "my_log").rglob("*") if p.is_file() and MARKER in p.read_text("utf-8", "replace")
    ]
    names = {p.relative_to(root / "my_log").as_posix() for p in mine}
    assert "interviews.csv" in names
    assert {
        "drafts/04-thank-you.json", "drafts/04-compare.json", "drafts/05-opener.json",
        "drafts/05-voicemail.json", "drafts/06-feedback.json", "drafts/06-feedback-email.json",
        "drafts/07-gatekeeper.json", "drafts/07-roleplay.json",
    } <= names, names  # fmt: skip
    assert len(InterviewLog(root / "my_log")) == 1
    assert page.errors == []


@pytest.mark.browser
def test_a_draft_is_back_in_its_box_after_a_kernel_restart(page, private_lab):
    url, root = private_lab
    text = f"Thank you, Tom. {MARKER} after a restart."
    open_notebook(page, url, "notebooks/06_ask_for_feedback.ipynb")
    run_all(page)
    box = page.locator(".fk-exercise").first
    type_into(box.locator(".fk-exercise-text textarea"), text)
    box.locator("button.fk-exercise-check").click()
    has_text(box.locator(".fk-exercise-status"))

    command(page, "kernelmenu:restart", wait=False)
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget; const k = w && w.sessionContext.session"
        " && w.sessionContext.session.kernel; return !!k && k.status === 'idle'; }",
        timeout=90_000,
    )
    run_all(page)
    assert error_outputs(page) == []
    restored = page.locator(".fk-exercise").first
    expect(restored.locator(".fk-exercise-text textarea")).to_have_value(text, timeout=TIMEOUT)
    expect(restored.locator(".fk-draft-status")).to_contain_text("Your draft is back")
    shut_down_kernels(page)
    # after a restart JupyterLab's widget manager logs "widget model not found" for the outputs the old
    # kernel drew, until Run All replaces them: that is the restart, not the kit
    assert [e for e in page.errors if "widget model not found" not in e] == []
