"""Where the learner's files go: their own folder on a hub or an installed kit, never a shared one."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from followup_kit import paths
from followup_kit.store import InterviewLog


@pytest.fixture
def home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for name in (paths.LOG_ENV, paths.HANDIN_ENV, "JUPYTERHUB_USER"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path / "home"


def test_a_checkout_keeps_the_log_in_its_git_ignored_data_folder(home):
    assert paths.checkout() is not None
    assert paths.log_dir() == paths.checkout() / "data" / "my_log"
    assert paths.export_dir() == paths.log_dir() / "exports"


def test_on_a_hub_each_learner_writes_in_their_own_home(home, monkeypatch):
    """The package is shared on a hub: the log goes under the learner's home, not next to it."""
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-7")
    folder, why = paths.where_and_why()
    assert folder == home / "followup-kit-log" and "JupyterHub" in why
    assert InterviewLog().path == folder


def test_an_installed_kit_uses_the_home_folder(home, monkeypatch):
    monkeypatch.setattr(paths, "checkout", lambda: None)
    assert paths.log_dir() == home / "followup-kit-log"


def test_the_environment_variable_wins(home, monkeypatch, tmp_path):
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-7")
    monkeypatch.setenv(paths.LOG_ENV, "~/elsewhere")
    assert paths.log_dir() == home / "elsewhere"


def test_the_summary_goes_to_the_hand_in_folder_readable_by_the_coach(home, monkeypatch, tmp_path):
    from followup_kit import cohort, sample

    handin = tmp_path / "handin"
    monkeypatch.setenv(paths.HANDIN_ENV, str(handin))
    with pytest.raises(FileNotFoundError, match="hand-in folder does not exist"):
        cohort.export_summary(sample.generate(5, seed=3))  # the coach makes it; never made here
    handin.mkdir()
    written = cohort.export_summary(sample.generate(5, seed=3))
    assert written.parent == handin
    assert stat.S_IMODE(os.stat(written).st_mode) == 0o644
    monkeypatch.delenv(paths.HANDIN_ENV)
    monkeypatch.setenv(paths.LOG_ENV, str(tmp_path / "mylog"))
    assert cohort.export_summary(sample.generate(5, seed=3)).parent == tmp_path / "mylog" / "exports"


def test_preflight_names_the_real_log_folder(home, monkeypatch, tmp_path):
    from followup_kit.preflight import run_preflight, session_notice

    monkeypatch.setenv(paths.LOG_ENV, str(tmp_path / "my-log"))
    report = run_preflight()
    assert any(f"your log folder is {tmp_path / 'my-log'} (set by {paths.LOG_ENV})" in line
               for line in report.checked)
    assert str(tmp_path / "my-log") in session_notice({paths.LOG_ENV: str(tmp_path / "my-log")})
    Path(tmp_path / "locked").mkdir(mode=0o555)
    if os.geteuid() != 0:  # root can write anywhere
        assert not run_preflight(log_dir=tmp_path / "locked").ok


def test_on_a_hub_the_log_is_beside_the_nbgitpuller_clone_not_inside_it(home, monkeypatch):
    """nbgitpuller clones the workbook into ~/followup-kit; the log must not land in that clone."""
    clone = home / "followup-kit"
    monkeypatch.setattr(paths, "checkout", lambda: clone)
    monkeypatch.setenv("JUPYTERHUB_USER", "learner-7")
    folder = paths.log_dir()
    assert folder.parent == home and not folder.is_relative_to(clone)
def test_the_frozen_clock_is_read_here_and_only_when_set():
    assert paths.frozen_now({}) == "" and paths.frozen_now({paths.NOW_ENV: "  "}) == ""
    assert paths.frozen_now({paths.NOW_ENV: " 2026-12-02T09:00 "}) == "2026-12-02T09:00"
    from followup_kit.place import NOW_ENV

    assert NOW_ENV == paths.NOW_ENV == "FOLLOWUP_KIT_NOW"
