"""How the kit writes a file so that a crash never leaves half of it: one home for the atomic write.

``write_atomic(path, data)`` writes a temporary file beside ``path`` (``.NAME.xxxxxxxx.tmp``, a name the
log's recovery knows and every reader skips, since it starts with a dot), flushes and fsyncs it, swaps it
in with ``os.replace`` and fsyncs the folder, so the file is the old one or the new one, never a mix.
The permission is a parameter: the log's files take 0666 less the umask, as any file the learner makes;
the learner's drafts 0600 (private); a summary in the coach's shared hand-in folder exactly 0644
(``exact=True``: the coach's account must read it, whatever the learner's umask).  ``replace`` and
``fsync_dir`` are the same steps for the log's two-file commit (a staging folder renamed into place).
``tests/test_architecture.py`` checks that no other module calls ``os.replace``.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

__all__ = ["fsync_dir", "replace", "temp_name", "write_atomic", "write_synced"]


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (Windows has no directory fsync; some file systems refuse it)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_synced(path: Path, data: bytes, mode: int = 0o666) -> None:
    """Write a new file (never an existing one) and make sure its bytes are on disk (``mode`` less the
    umask)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    with open(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def replace(source: Path, target: Path) -> None:
    """Rename ``source`` over ``target`` in one step (a file or a folder; the kit's one ``os.replace``)."""
    os.replace(source, target)


def temp_name(path: Path) -> Path:
    """The temporary file beside ``path`` that ``write_atomic`` writes first: ``.NAME.xxxxxxxx.tmp``."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")


def write_atomic(
    path: str | os.PathLike[str],
    data: bytes | str,
    *,
    mode: int = 0o666,
    exact: bool = False,
    durable: bool = True,
) -> None:
    """Replace ``path`` with ``data`` (text is written as UTF-8) in one step: a temporary file beside it,
    flushed and fsynced, then ``os.replace`` and an fsync of the folder.

    ``mode`` is the new file's permission, less the umask unless ``exact``; ``durable=False`` skips the
    fsyncs (for a file that only signals and keeps no data).  On any failure the temporary file is
    removed and ``path`` is left as it was.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    temp = temp_name(path)
    try:
        if durable:
            write_synced(temp, payload, mode)
        else:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
            with open(fd, "wb") as handle:
                handle.write(payload)
        if exact:
            os.chmod(temp, mode)
        replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)
