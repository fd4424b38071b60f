"""The kit's one atomic writer: the old file or the new one, never a mix, with the permission asked for."""

from __future__ import annotations

import os
import stat

import pytest

from followup_kit import files


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_write_replaces_the_file_whole_and_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "interviews.csv"
    files.write_atomic(target, b"old\n")
    files.write_atomic(target, "new, and UTF-8: café\n")
    assert target.read_bytes() == "new, and UTF-8: café\n".encode()
    assert [p.name for p in tmp_path.iterdir()] == ["interviews.csv"]
    files.write_atomic(tmp_path / ".log.seq", "3\n", durable=False)
    assert (tmp_path / ".log.seq").read_text() == "3\n"


def test_a_failure_before_the_swap_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "draft.json"
    files.write_atomic(target, b"old")

    def boom(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space left"):
        files.write_atomic(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["draft.json"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_the_permission_is_a_parameter_less_the_umask_unless_exact(tmp_path):
    old = os.umask(0o077)  # a learner whose umask hides everything from others
    try:
        files.write_atomic(tmp_path / "log.csv", b"x")
        files.write_atomic(tmp_path / "draft.json", b"x", mode=0o600)
        files.write_atomic(tmp_path / "summary.json", b"x", mode=0o644, exact=True)
        files.write_atomic(tmp_path / "masked.json", b"x", mode=0o644)
    finally:
        os.umask(old)
    assert _mode(tmp_path / "log.csv") == 0o600  # 0666 less the umask
    assert _mode(tmp_path / "draft.json") == 0o600
    assert _mode(tmp_path / "summary.json") == 0o644  # the coach's account must read it
    assert _mode(tmp_path / "masked.json") == 0o600


def test_the_temporary_name_is_hidden_and_known_to_the_logs_recovery(tmp_path):
    from followup_kit.store import _TEMP_NAME

    temp = files.temp_name(tmp_path / "interviews.csv")
    assert temp.parent == tmp_path and temp.name.startswith(".") and _TEMP_NAME.fullmatch(temp.name)
    assert _TEMP_NAME.fullmatch(files.temp_name(tmp_path / ".log.seq").name)
