"""The learner's drafts: what they wrote in an exercise, kept beside their log, never in a notebook.

A notebook is a file the workbook ships (and git tracks); what a learner writes
in an exercise is theirs, so it lives in their own folder: one JSON file per
exercise in ``drafts/`` inside the log folder (``paths.log_dir()``, git-ignored in
a checkout, in their home on a hub).  A draft is saved when the learner checks
it or presses *Save draft*, comes back when the exercise is built again (after a
kernel restart), can be deleted, and travels in the log's download zip
(``store.InterviewLog.export_zip`` / ``import_file``).

Every write goes to a temporary file in the folder, is flushed and fsynced, and
is swapped in with ``os.replace``, as ``store.py`` does for the log: a crash
leaves the old draft or the new one, never a torn file.  A draft that cannot be
read raises :class:`DraftError` naming the file; it is never written over by a
read.  Nothing here imports ipywidgets: the view is ``widgets/exercise.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from . import files, paths

__all__ = [
    "DRAFTS_FOLDER",
    "MAX_DRAFT_CHARS",
    "MAX_DRAFTS",
    "Draft",
    "DraftError",
    "check_id",
    "delete",
    "drafts_dir",
    "list_drafts",
    "load",
    "read_zip",
    "restore",
    "save",
    "zip_files",
]

#: The folder inside the learner's log folder that holds their drafts.
DRAFTS_FOLDER = "drafts"
#: Longest text kept for one part of a draft, in characters (a message is a few hundred).
MAX_DRAFT_CHARS = 20_000
#: Largest draft file read, in bytes (its parts, escaped, plus a few keys).
MAX_DRAFT_BYTES = 400_000
#: Most drafts brought in from one upload (the workbook has about a dozen exercises).
MAX_DRAFTS = 200
#: An exercise id: lower-case letters, digits, ``-`` and ``_``; it is also the file's name.
_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
_VERSION = 1


class DraftError(Exception):
    """A draft that cannot be saved or read; the message names the file and what to do."""


@dataclass(frozen=True)
class Draft:
    """What the learner wrote in one exercise: its text by part (``"text"``, or one per box)."""

    exercise: str
    parts: Mapping[str, str] = field(default_factory=dict)
    saved: str = ""  # ISO 8601 time in UTC, for the learner's information only

    @property
    def text(self) -> str:
        """The single text of a one-box exercise (the ``"text"`` part)."""
        return self.parts.get("text", "")

    @property
    def empty(self) -> bool:
        """True when every part is blank."""
        return not any(value.strip() for value in self.parts.values())

    def to_json(self) -> bytes:
        """The draft file's bytes (UTF-8 JSON, keys sorted, so the same draft gives the same bytes)."""
        data = {
            "version": _VERSION,
            "exercise": self.exercise,
            "saved": self.saved,
            "parts": dict(self.parts),
        }
        return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def check_id(exercise: str) -> str:
    """The exercise id, refused with a clear message unless it is a safe file name."""
    if not isinstance(exercise, str) or not _ID.fullmatch(exercise):
        raise DraftError(
            f"An exercise id should be 1-64 lower-case letters, digits, '-' or '_', not {exercise!r}."
        )
    return exercise


def _parts(parts: Mapping[str, str] | str) -> dict[str, str]:
    if isinstance(parts, str):
        parts = {"text": parts}
    if not isinstance(parts, Mapping) or not parts:
        raise DraftError("A draft needs at least one text.")
    clean: dict[str, str] = {}
    for name, value in parts.items():
        if not isinstance(name, str) or not name.strip() or not isinstance(value, str):
            raise DraftError(
                f"A draft's parts should be texts by name, not {name!r}: {type(value).__name__}."
            )
        if len(value) > MAX_DRAFT_CHARS:
            raise DraftError(
                f"Your text is {len(value):,} characters, more than a draft keeps ({MAX_DRAFT_CHARS:,}); "
                "shorten it, then save again. Nothing was saved."
            )
        clean[name] = value
    return clean


def drafts_dir(folder: str | os.PathLike[str] | None = None) -> Path:
    """Where the drafts live: ``drafts/`` in ``folder`` (default: the learner's log folder)."""
    return Path(folder if folder is not None else paths.log_dir()) / DRAFTS_FOLDER


def _file(exercise: str, folder: str | os.PathLike[str] | None) -> Path:
    return drafts_dir(folder) / f"{check_id(exercise)}.json"


def _write_atomic(path: Path, data: bytes) -> None:
    """Swap in a draft file in one step, private to the learner (mode 0600): ``files.write_atomic``."""
    files.write_atomic(path, data, mode=0o600)


def save(
    exercise: str,
    parts: Mapping[str, str] | str,
    *,
    folder: str | os.PathLike[str] | None = None,
    now: datetime | None = None,
) -> Draft:
    """Keep the learner's text for ``exercise`` (a text, or texts by part), replacing the last draft.

    Raises ``DraftError`` (nothing written) for an over-long text or a folder that cannot be written.
    """
    from .place import now as clock_now  # the kit's one clock (``FOLLOWUP_KIT_NOW`` stops it)

    path = _file(exercise, folder)
    moment = now or clock_now("UTC")
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)  # a naive ``now`` is taken as UTC already
    draft = Draft(exercise, _parts(parts), moment.strftime("%Y-%m-%dT%H:%M:%SZ"))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_atomic(path, draft.to_json())
    except OSError as error:
        raise DraftError(
            f"Your draft could not be saved in {path.parent} ({error.strerror or error}); "
            "copy your text somewhere safe before you close the notebook."
        ) from None
    return draft


def _from_bytes(data: bytes, where: str, exercise: str | None = None) -> Draft:
    """A Draft from a file's bytes, or ``DraftError`` naming ``where``."""
    if len(data) > MAX_DRAFT_BYTES:
        raise DraftError(f"{where} is larger than a draft can be; move it out of the folder.")
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise DraftError(f"{where} is not a readable draft ({error}); move it out of the folder.") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("parts"), dict):
        raise DraftError(f"{where} is not a followup-kit draft (no 'parts'); move it out of the folder.")
    name = raw.get("exercise")
    if exercise is not None and name != exercise:
        raise DraftError(f"{where} holds the draft of {name!r}, not of {exercise!r}.")
    try:
        return Draft(check_id(name), _parts(raw["parts"]), str(raw.get("saved", "")))
    except DraftError as error:
        raise DraftError(f"{where}: {error}") from None


def load(exercise: str, *, folder: str | os.PathLike[str] | None = None) -> Draft | None:
    """The saved draft of ``exercise``, or None when there is none; a damaged file raises ``DraftError``."""
    path = _file(exercise, folder)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise DraftError(f"Your draft {path} cannot be read ({error.strerror or error}).") from None
    return _from_bytes(data, f"Your draft {path}", exercise)


def delete(exercise: str, *, folder: str | os.PathLike[str] | None = None) -> bool:
    """Delete the draft of ``exercise``; True if there was one."""
    path = _file(exercise, folder)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DraftError(f"Your draft {path} could not be deleted ({error.strerror or error}).") from None
    return True


def list_drafts(folder: str | os.PathLike[str] | None = None) -> list[Draft]:
    """Every readable draft in the folder, by exercise id (damaged files are left out, and left alone)."""
    where = drafts_dir(folder)
    if not where.is_dir():
        return []
    found = []
    for path in sorted(where.glob("*.json")):
        if not _ID.fullmatch(path.stem):
            continue
        try:
            found.append(_from_bytes(path.read_bytes(), str(path), path.stem))
        except (DraftError, OSError):
            continue
    return found


# -- in the log's zip ------------------------------------------------------------------------


def zip_files(folder: str | os.PathLike[str] | None = None) -> list[tuple[str, bytes]]:
    """``(name in the zip, bytes)`` for every readable draft: ``drafts/<exercise>.json``."""
    return [(f"{DRAFTS_FOLDER}/{d.exercise}.json", d.to_json()) for d in list_drafts(folder)]


def read_zip(data: bytes, *, limit: int = MAX_DRAFTS) -> tuple[list[Draft], list[str]]:
    """The drafts in an uploaded zip (``drafts/*.json``, in any folder), and a note per one left out.

    Each member is unzipped a chunk at a time and cut at ``MAX_DRAFT_BYTES``, whatever it declares;
    a zip that cannot be read gives no drafts and one note.  Nothing is written.
    """
    drafts: list[Draft] = []
    notes: list[str] = []
    try:
        with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
            for info in archive.infolist():
                path = info.filename.replace("\\", "/")
                parts = path.split("/")
                if info.is_dir() or path.startswith("__MACOSX/") or len(parts) < 2:
                    continue
                if parts[-2] != DRAFTS_FOLDER or not parts[-1].endswith(".json"):
                    continue
                if len(drafts) >= limit:
                    notes.append(f"more than {limit} drafts: the rest were left out")
                    break
                stem = parts[-1][: -len(".json")]
                body = _unzip_bounded(archive, info)
                if body is None:
                    notes.append(f"{path} is larger than a draft can be")
                    continue
                try:
                    drafts.append(_from_bytes(body, path, stem))
                except DraftError as error:
                    notes.append(str(error))
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        zlib.error,
        RuntimeError,
    ):
        return [], ["the drafts in the upload could not be read"]
    return drafts, notes


def _unzip_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    parts: list[bytes] = []
    total = 0
    with archive.open(info) as member:
        while chunk := member.read(1 << 16):
            total += len(chunk)
            if total > MAX_DRAFT_BYTES:
                return None
            parts.append(chunk)
    return b"".join(parts)


def restore(
    drafts: list[Draft], *, folder: str | os.PathLike[str] | None = None, replace: bool = False
) -> int:
    """Write uploaded drafts into the folder; returns how many were written.

    A merge keeps a draft the learner already has for the same exercise (it is their newer work);
    ``replace=True`` (the log was replaced) writes every uploaded draft over the learner's.
    """
    written = 0
    for draft in drafts:
        path = _file(draft.exercise, folder)
        if not replace and path.exists():
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, draft.to_json())
        except OSError as error:
            raise DraftError(
                f"Your drafts could not be saved in {path.parent} ({error.strerror or error})."
            ) from None
        written += 1
    return written
