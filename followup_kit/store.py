"""The learner's interview log on disk: two CSV files in one folder, safe to crash and share.

A log is a folder holding ``interviews.csv`` and ``followups.csv``, created on
the first change.  Each file is UTF-8 with a header row of ``id`` followed by the
field names of ``records`` (``INTERVIEW_FIELDS`` / ``FOLLOWUP_FIELDS``), then one
row per record in the order they were logged:

* a date and time as ``2026-03-06 10:00`` (``:SS`` only when the seconds are not
  zero), a date as ``2026-03-13``, a number as ``3``;
* a list (interviewers, talking points) as one quoted cell, one item per line;
* nothing (``None``) as an empty cell; rows end in ``\\n``; the same records
  always give the same bytes (the sample in ``followup_kit/data/sample`` is checked byte for byte).

The log is a learner's only record of their search, so:

* every change goes to a temporary file in the folder, flushed and fsynced, and
  is swapped in with ``os.replace``; a change to both files (removing an
  interview with its follow-ups, replacing the log) is staged in a folder that
  is renamed to ``.incoming`` as its commit point and finished by whoever comes
  next.  A crash leaves the old log or the new one, never a torn or empty file;
* every change holds ``.log.lock`` (``filelock``) and re-reads both files under
  it, so two kernels writing one log lose nothing;
* every read sees both files of one committed state, never an old one beside a
  new one: a kernel that may write reads under the lock; a read-only log, or a
  folder that cannot be written, reads under a shared ``flock`` on an existing
  lock file (opened read-only, never created), or else reads again until the
  folder's signature (inodes, sizes and times of both files and of
  ``.incoming``) is the same before and after.  So a read-only folder shows the
  log, and a change to it raises ``LogFileError`` saying it cannot be written;
* a file that is not a log (damaged, foreign, a row that fails validation)
  raises ``LogFileError`` and is never written over; a missing interviews.csv
  beside a followups.csv is reported as missing; a stray ``.incoming.tmp``
  (our staging name) is removed and a stray *file* named ``.incoming`` is
  renamed aside with a warning naming it, never a traceback.

Files saved from a spreadsheet load as well: a UTF-8 BOM, ``;`` or tab
separators, CRLF line endings, columns in another order, ``2026-03-06 10:00:00``,
and ``06/03/2026 10:00`` or ``06.03.2026`` dates (the day/month order of slashed
dates is read from the file itself and refused when it cannot be told).  Columns
a learner added are kept, after ours, when the file is written again; the rest
is written back in the canonical form above.

The files on disk are as safe to open in a spreadsheet as an export: a cell that
starts with ``= + - @``, a tab or a carriage return, and in our text columns (ids,
names, phone numbers, notes) a cell a spreadsheet would turn into a number or a
date (``07700900123``, ``0123``, ``1.50``), is written behind one ``'`` and read
back without it, so the learner's text round-trips exactly and a phone keeps its
0 or +.  A file read as Windows-1252 and saved again (``ï»¿id``, ``Ã©``) is named
as such; every bad row of a file is reported at once, by row and field; a row
without an id gets one (the same on every read until it is saved); US dates with
AM/PM are read when the file tells the day/month order.  ``export_xlsx`` writes
an .xlsx with text typed as text and dates as dates, and ``import_file`` reads one.

Export and import carry a log across Binder sessions: ``export_zip`` holds both
files with a BOM for spreadsheets and every cell that starts with ``= + - @``, a
tab or a carriage return (after any quotes) prefixed with ``'``, so a
spreadsheet shows it as text instead of running it as a formula.  Import removes
exactly one leading ``'`` from such cells, so an export imports back unchanged.
Uploads are bounded while they are read, whatever they declare: zip members are
unzipped a chunk at a time and cut at ``MAX_UPLOAD_BYTES`` in all, and CSV text
is refused at the first line longer than ``MAX_LINE_CHARS``, row wider than
``MAX_COLUMNS``, or past ``MAX_ROWS`` rows or ``MAX_CELLS`` cells, before any
record is built; every refusal is a ``LogFileError`` and nothing is written.
``read_upload`` reads and checks an upload without writing anything (an upload
must be a consistent log on its own); ``preview_import`` says what an import
would add, skip or replace, for a confirmation; ``import_file`` applies it under
the lock.  ``replace`` refuses an upload without ``followups.csv`` while the log
has follow-ups, rather than deleting them silently.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import os
import random
import re
import shutil
import time
import uuid
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeVar

try:
    import fcntl
except ImportError:  # Windows: a reader without the lock relies on the snapshot check alone
    fcntl = None  # type: ignore[assignment]

from filelock import FileLock, Timeout

if TYPE_CHECKING:  # pandas is imported by _frame, when a frame is asked for: a log alone never needs it
    import pandas as pd

from followup_kit.records import (
    FOLLOWUP_DTYPES,
    FOLLOWUP_FIELDS,
    INTERVIEW_DTYPES,
    INTERVIEW_FIELDS,
    FollowUp,
    Interview,
    ValidationError,
    check_followup_after,
    check_single_line_characters,
    describe,
)

from . import drafts as _drafts
from . import files as _files  # ``files`` is a parameter name below
from . import paths
from .place import Place
from .wording import plural

__all__ = [
    "DEFAULT_LOG_DIR",
    "FOLLOWUPS_CSV",
    "INTERVIEWS_CSV",
    "SAMPLE_DIR",
    "SETTINGS_JSON",
    "ConflictError",
    "ImportReport",
    "InterviewLog",
    "LogFileError",
    "ReadOnlyLogError",
    "UnknownIdError",
    "Upload",
    "default_log_dir",
    "export_xlsx",
    "interviews_csv",
    "new_id",
    "open_sample_log",
    "read_tables",
    "read_upload",
    "write_tables",
]

Record = Interview | FollowUp
T = TypeVar("T")

#: The synthetic sample log, read-only for learners, shipped inside the package (``paths.SAMPLE_DIR``).
SAMPLE_DIR = paths.SAMPLE_DIR
#: Environment variable that moves the learner's own log elsewhere (``paths.LOG_ENV``).
LOG_ENV = paths.LOG_ENV

INTERVIEWS_CSV = "interviews.csv"
FOLLOWUPS_CSV = "followups.csv"
#: The learner's country, time zone and working week (``place.Place``), beside the two tables.
SETTINGS_JSON = "settings.json"
#: In an ``export_zip``: the SHA-256 of each table as the kit wrote it.  A table whose bytes still match
#: was never re-saved by another program, so it cannot have been mis-encoded by one: its cells are not
#: searched for Windows-1252 look-alikes (a learner may really have typed "Â¡").
MANIFEST_JSON = "followup-kit-manifest.json"
#: Largest settings file we read, in bytes (it holds four short values).
MAX_SETTINGS_BYTES = 10_000
LOCK_NAME = ".log.lock"
#: How long a change waits for another kernel's change to finish, in seconds.
LOCK_TIMEOUT = 30.0
#: Largest upload, and most bytes unzipped from one, accepted by ``read_upload`` and ``import_file``.
#: Under the Jupyter server's 10 MiB cap on one websocket message (a larger file sent by a widget never
#: reaches the kernel), so the upload control can refuse it in the browser with this one number.
MAX_UPLOAD_BYTES = 10_000_000
#: Limits checked while a CSV is read, before any row is kept: a real log has 27 columns (plus a few a
#: learner added), a few hundred rows and lines of a few KB, so anything past these is not a log, and
#: stopping early keeps a hostile file from taking the kernel's memory and minutes of its time.
MAX_COLUMNS = 200
#: Rows per file: 20,000 interviews is a century of job hunting; it bounds what a learner's kernel must
#: parse and list (benchmarks/bench_logbook.py times the Logbook at this size).
MAX_ROWS = 20_000
MAX_LINE_CHARS = 1_000_000
#: Most cells in one file (20,000 rows of 50 columns): rows of 200 empty cells stay under the byte
#: limit yet would keep the kernel busy for many seconds.
MAX_CELLS = 1_000_000
#: A physical line with its ending (``\r\n``, ``\r`` or ``\n``), as ``open(newline="")`` gives them.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
#: Bytes read from a zip member at a time, so what is unzipped is counted as it is produced.
_UNZIP_CHUNK = 1 << 16
#: How many times a reader without the lock reads both files again when they changed under it.
#: A change counter that stays odd, with the files unchanged, this long was left by a crash.
_STALE_ODD = 1.0

_STAGING = ".incoming.tmp"  # a two-file change being written; discarded after a crash
_COMMITTED = ".incoming"  # a two-file change committed; finished by the next reader under the lock
_TEMP_NAME = re.compile(r"\.(interviews\.csv|followups\.csv|settings\.json|\.log\.seq)\.[0-9a-f]{8}\.tmp")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same log exports the same bytes
_BOM = "\ufeff"

_DISK_FIX = "the file was left untouched, so correct it or move it out of the folder"
_UPLOAD_FIX = "nothing was imported, so correct the file and upload it again"


def default_log_dir() -> Path:
    """The learner's own log (``paths.log_dir``): ``$FOLLOWUP_KIT_LOG`` if set; on a JupyterHub or an
    installed kit ``~/followup-kit-log``; else ``data/my_log`` in the checkout."""
    return paths.log_dir()


#: Where ``InterviewLog()`` opens, as resolved at import time (``InterviewLog()`` re-reads the variable).
DEFAULT_LOG_DIR = default_log_dir()


# -- errors ---------------------------------------------------------------------


class LogFileError(Exception):
    """A log file that cannot be used as it is; the message says what is wrong and what to do."""


class ReadOnlyLogError(LogFileError):
    """A change asked of a read-only log, such as the sample."""


class UnknownIdError(KeyError):
    """No interview or follow-up has this id; ``str()`` is the plain message, fit for a widget."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ConflictError(LogFileError):
    """A change based on a version of the log that is no longer the one on disk; nothing was written.

    Raised when another tab or notebook changed what this change was based on meanwhile: ``changes``
    lists ``(field, theirs, yours)`` for each field both changed to different values (``update``);
    ``extra`` lists ``(id, record)`` that a removal would now take too (``remove``); ``current`` is the
    record as it is on disk now (None when it is gone).  For a stale import preview, both are empty.
    """

    def __init__(
        self,
        message: str,
        *,
        row_id: str | None = None,
        current: Any = None,
        changes: tuple[tuple[str, Any, Any], ...] = (),
        extra: tuple[tuple[str, Any], ...] = (),
    ) -> None:
        super().__init__(message)
        self.row_id = row_id
        self.current = current
        self.changes = changes
        self.extra = extra


def _describe_folder(folder: Path) -> str:
    """ "data/my_log" inside the repository, the full path elsewhere: how messages name a folder."""
    root = paths.checkout()
    try:
        return folder.resolve().relative_to(root).as_posix() if root is not None else str(folder)
    except ValueError:
        return str(folder)


# -- what the two tables hold ------------------------------------------------------

_TEXT, _DATETIME, _DATE, _INT, _LIST = "text", "datetime", "date", "int", "list"


@dataclass(frozen=True, eq=False)
class _Spec:
    """One table: its file, its record type and how each column is written."""

    filename: str
    noun: str  # with its article: "an interview"
    record: type
    fields: tuple[str, ...]
    kinds: dict[str, str]  # fields not named here are text

    def kind(self, name: str) -> str:
        return self.kinds.get(name, _TEXT)

    @property
    def required(self) -> tuple[str, ...]:
        """The fields without a default, which a file must have a column for."""
        missing = dataclasses.MISSING
        return tuple(
            f.name
            for f in dataclasses.fields(self.record)
            if f.default is missing and f.default_factory is missing
        )


_INTERVIEWS = _Spec(
    INTERVIEWS_CSV,
    "an interview",
    Interview,
    INTERVIEW_FIELDS,
    {
        "held_at": _DATETIME,
        "decision_by": _DATE,
        "decision_in_business_days": _INT,
        "outcome_at": _DATETIME,
        "round": _INT,
        "interviewers": _LIST,
        "talking_points": _LIST,
    },
)
_FOLLOWUPS = _Spec(
    FOLLOWUPS_CSV, "a follow-up", FollowUp, FOLLOWUP_FIELDS, {"at": _DATETIME, "response_at": _DATETIME}
)


# -- cells and rows ------------------------------------------------------------------

_NEEDS_QUOTES = re.compile(r'[,"\r\n]')
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Text a spreadsheet opening a CSV reads as a number, a date or a time, losing a leading 0 or digits past
#: the 15th (07700900123, 0123, 1.50, 1E5, 12/3, 3-4, 10:30): in a text column it gets a ``'`` as well.
_SPREADSHEET_NUMBER = re.compile(
    r"\s*(?:[+-]?(?:\d[\d,]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?"
    r"|\d{1,4}[-/.]\d{1,2}(?:[-/.]\d{1,4})?|\d{1,2}:\d{2}(?::\d{2})?)\s*"
)


def _cell(value: Any) -> str:
    """One field as the text of its cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(" ", "seconds" if value.second else "minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "\n".join(value)
    return str(value)


def _csv_line(cells: Iterable[str]) -> str:
    """One CSV row; quoted only where needed, and always on ``\\r`` (the csv module does not)."""
    return ",".join('"' + c.replace('"', '""') + '"' if _NEEDS_QUOTES.search(c) else c for c in cells) + "\n"


def _guard(cell: str, *, as_text: bool = False) -> str:
    """Prefix ``'`` so a spreadsheet shows a would-be formula as text; with ``as_text`` (a text column:
    phone numbers, ids, postcodes) also text a spreadsheet would turn into a number or a date."""
    rest = cell.lstrip("'")
    if rest.startswith(_FORMULA_START) or (as_text and _SPREADSHEET_NUMBER.fullmatch(rest)):
        return "'" + cell
    return cell


def _unguard(cell: str, *, as_text: bool = False) -> str:
    """Undo ``_guard`` (with the same ``as_text``): drop one ``'`` where ``_guard`` would have added it."""
    if not cell.startswith("'"):
        return cell
    rest = cell.lstrip("'")
    if rest.startswith(_FORMULA_START) or (as_text and _SPREADSHEET_NUMBER.fullmatch(rest)):
        return cell[1:]
    return cell


def _copy(record: Record) -> Record:
    """An independent copy, so a caller changing it cannot change the log behind its back.

    Built directly (not ``copy.copy``, several times slower): a Logbook of 20,000 interviews copies
    a page of them on every refresh."""
    twin = object.__new__(type(record))
    twin.__dict__.update(record.__dict__)
    if isinstance(twin, Interview):
        twin.interviewers = list(twin.interviewers)
        twin.talking_points = list(twin.talking_points)
    return twin


@dataclass(frozen=True, eq=False)
class _Table:
    """One file's content: records by id in file order, each row's serialised line, and extra columns.

    Tables are never changed in place; ``with_rows`` and ``without`` return new ones, so a failed
    change leaves the cached table as it was.
    """

    spec: _Spec
    rows: dict[str, Record] = field(default_factory=dict)
    extra_columns: tuple[str, ...] = ()
    extras: dict[str, dict[str, str]] = field(default_factory=dict)  # id -> {extra column: cell}
    origin: dict[str, str] = field(default_factory=dict)  # id -> "interviews.csv in data/my_log, row 4"
    lines: dict[str, str] = field(default_factory=dict)  # id -> its CSV row, same order as rows
    raw: bytes | None = None  # the bytes on disk this table was read from or written as

    def cells(self, row_id: str) -> list[str]:
        record, extra = self.rows[row_id], self.extras.get(row_id, {})
        return [
            row_id,
            *(_cell(getattr(record, name)) for name in self.spec.fields),
            *(extra.get(column, "") for column in self.extra_columns),
        ]

    def header(self) -> list[str]:
        return ["id", *self.spec.fields, *self.extra_columns]

    def guarded_cells(self, row_id: str) -> list[str]:
        """``cells`` as written to a file: formulas, and numbers in our text columns, behind a ``'``
        (a learner's own columns, such as a salary, keep their numbers as numbers)."""
        kinds = ["id", *map(self.spec.kind, self.spec.fields), *(["own"] * len(self.extra_columns))]
        return [
            _guard(cell, as_text=kind in ("id", _TEXT, _LIST))
            for cell, kind in zip(self.cells(row_id), kinds, strict=True)
        ]

    def to_bytes(self, *, guard: bool = False) -> bytes:
        """The file's bytes, guarded on disk as in an export; ``guard`` adds the BOM a spreadsheet needs
        to read UTF-8 (an export)."""
        text = _csv_line(_guard(c) for c in self.header()) + "".join(self.lines.values())
        return ((_BOM if guard else "") + text).encode("utf-8")

    def with_rows(
        self,
        records: dict[str, Record],
        extras: dict[str, dict[str, str]] | None = None,
        origin: dict[str, str] | None = None,
        extra_columns: tuple[str, ...] | None = None,
    ) -> _Table:
        """A table with these records added, or replaced where the id is already here."""
        table = dataclasses.replace(
            self,
            rows={**self.rows, **records},
            extras={**self.extras, **(extras or {})},
            origin={**self.origin, **(origin or {})},
            extra_columns=self.extra_columns if extra_columns is None else extra_columns,
            raw=None,
        )
        changed = table.rows if table.extra_columns != self.extra_columns else records
        lines = {**self.lines, **{row_id: _csv_line(table.guarded_cells(row_id)) for row_id in changed}}
        for row_id in records:
            _check_encodable(table, row_id, lines[row_id])
        return dataclasses.replace(table, lines=lines)

    def without(self, ids: Iterable[str]) -> _Table:
        gone = set(ids)

        def keep(mapping: dict[str, Any]) -> dict[str, Any]:
            return {key: value for key, value in mapping.items() if key not in gone}

        return dataclasses.replace(
            self,
            rows=keep(self.rows),
            extras=keep(self.extras),
            origin=keep(self.origin),
            lines=keep(self.lines),
            raw=None,
        )


def _check_encodable(table: _Table, row_id: str, line: str) -> None:
    """Refuse text UTF-8 cannot hold (a lone surrogate), naming the field, before anything is written."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        record = table.rows[row_id]
        for name in table.spec.fields:
            value = _cell(getattr(record, name))
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                raise ValidationError(name, "text that can be saved as UTF-8", value) from None
        raise ValidationError("id", "text that can be saved as UTF-8", row_id) from None


@dataclass(frozen=True, eq=False)
class _State:
    """Both tables of a log at one moment."""

    interviews: _Table
    followups: _Table

    @classmethod
    def empty(cls) -> _State:
        return cls(_Table(_INTERVIEWS), _Table(_FOLLOWUPS))

    @property
    def tables(self) -> tuple[_Table, _Table]:
        return self.interviews, self.followups

    def find(self, row_id: str) -> Record:
        for table in self.tables:
            if row_id in table.rows:
                return table.rows[row_id]
        raise UnknownIdError(f"No interview or follow-up has the id {row_id!r} in this log.")

    def followups_of(self, interview_id: str) -> list[tuple[str, FollowUp]]:
        """The follow-ups of one interview as (id, follow-up), earliest first."""
        found = [(i, f) for i, f in self.followups.rows.items() if f.interview_id == interview_id]
        return sorted(found, key=lambda item: item[1].at)


def _check_links(state: _State, fix: str) -> None:
    """Refuse follow-ups whose interview is missing or later than them, and ids used in both tables."""
    shared = state.interviews.rows.keys() & state.followups.rows.keys()
    if shared:
        row_id = min(shared)
        place = state.followups.origin.get(row_id, f"follow-up {row_id!r}")
        raise LogFileError(f"{place}, id: expected an id no interview uses, got {row_id!r}; {fix}.")
    for row_id, followup in state.followups.rows.items():
        interview = state.interviews.rows.get(followup.interview_id)
        try:
            if interview is None:
                raise ValidationError(
                    "interview_id", f"the id of an interview in {INTERVIEWS_CSV}", followup.interview_id
                )
            check_followup_after(interview, followup)
        except ValidationError as error:
            place = state.followups.origin.get(row_id, f"follow-up {row_id!r}")
            raise LogFileError(f"{place}, {error}; {fix}.") from None


# -- reading a file ----------------------------------------------------------------

_SLASHED = re.compile(
    r"\s*(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?:(?:[ T]+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2}))?"
    r"(?:\s*([AaPp])\.?[Mm]\.?)?)?\s*"
)
_WHOLE_FLOAT = re.compile(r"\s*(\d+)\.0*\s*")


def _sniff_delimiter(text: str) -> str:
    """The header row names plain fields, so its most frequent separator is the file's."""
    header = text.split("\n", 1)[0]
    return max((",", ";", "\t"), key=header.count)


def _day_first(cells: Iterable[str], fail: Callable[[str], LogFileError]) -> bool:
    """Whether this file's slashed dates are day/month, judged from a day above 12 in either place."""
    day_first = month_first = False
    example = None
    for cell in cells:
        match = _SLASHED.fullmatch(cell)
        if match and match[2] == "/":
            example = example or cell.strip()
            day_first |= int(match[1]) > 12
            month_first |= int(match[3]) > 12
    if example is not None and day_first == month_first:
        raise fail(
            f" has dates like {example!r} that could be day/month or month/day, "
            "so write them as 2026-03-06 10:00"
        )
    return day_first


def _from_slashed(cell: str, day_first: bool) -> str:
    """ "06/03/2026 9:05" -> "2026-03-06 09:05"; other text is returned as it is."""
    match = _SLASHED.fullmatch(cell)
    if not match:
        return cell
    first, separator, second, year, hour, minute, second_of_minute, half = match.groups()
    day, month = (first, second) if day_first or separator == "." else (second, first)
    if len(year) == 2:  # "3/6/26" from a spreadsheet or LinkedIn: this century
        year = f"20{year}"
    text = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour is not None:
        hours = _twelve_hour(int(hour), half)
        if hours is None:  # "13:00 PM": left as written, so the record says what it expected
            return cell
        text += f" {hours:02d}:{minute}" + (f":{second_of_minute}" if second_of_minute else "")
    return text


def _twelve_hour(hour: int, half: str | None) -> int | None:
    """The 24-hour hour of "2:30 PM" (14), "12:05 AM" (0); None for an hour AM/PM cannot have."""
    if half is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if half.lower() == "p" else 0)


def _from_cell(kind: str, cell: str, day_first: bool) -> Any:
    """A cell's text as the value the record type accepts; the record validates it."""
    if kind == _LIST:
        return cell.split("\n")  # not splitlines(): an item may hold U+2028 and the like
    if kind in (_DATETIME, _DATE):
        return _from_slashed(cell, day_first)
    if kind == _INT:
        whole = _WHOLE_FLOAT.fullmatch(cell)  # "3.0" from a spreadsheet
        return whole[1] if whole else cell
    return cell


def _parse_table(
    spec: _Spec, data: bytes, label: str, fix: str, *, unguard: bool = False, upload: bool = False
) -> _Table:
    """Read one file completely, or raise ``LogFileError`` saying where and what is wrong."""

    def fail(detail: str) -> LogFileError:
        return LogFileError(f"{label}{detail}; {fix}.")

    try:
        text = data.decode("utf-8").removeprefix(_BOM)
    except UnicodeDecodeError:
        raise fail(" is not UTF-8 text (a spreadsheet can save it as 'CSV UTF-8')") from None
    if not text.strip():
        raise fail(" is empty (0 bytes)" if not data else " holds no header row")
    _refuse_mojibake(text, fail, everywhere=upload)
    rows = _bounded_rows(text, fail)
    if unguard:
        rows = [[_unguard(cell) for cell in rows[0]], *_unguarded(spec, rows)]

    names = _column_names(spec, rows, fail)
    width = len(names)
    date_columns = [i for i, name in enumerate(names) if spec.kind(name) in (_DATETIME, _DATE)]
    date_cells = (row[i] for row in rows[1:] for i in date_columns if i < len(row))
    day_first = _day_first(date_cells, fail)
    extra_columns = tuple(n for n in names if n and n != "id" and n not in spec.fields)

    records: dict[str, Record] = {}
    extras: dict[str, dict[str, str]] = {}
    origin: dict[str, str] = {}
    problems: list[str] = []
    id_column = names.index("id")
    given = {row[id_column].strip() for row in rows[1:] if len(row) > id_column}
    for number, cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # a blank row
        if any(cell.strip() for cell in cells[width:]):
            problems.append(f"row {number} has more cells than the header row")
            continue
        values = dict(zip(names, cells + [""] * (width - len(cells)), strict=False))
        values.pop("", None)
        row_id = values.pop("id").strip() or _made_id(spec, cells, given)
        try:
            if "\n" in row_id or "\r" in row_id:
                raise ValidationError("id", "a single line of text", row_id)
            check_single_line_characters("id", row_id)
            if row_id in records:
                raise ValidationError(
                    "id", f"an id no earlier row uses ({origin[row_id].rsplit(', ', 1)[1]})", row_id
                )
            kwargs = {
                name: _from_cell(spec.kind(name), values[name], day_first)
                for name in spec.fields
                if name in values and (values[name].strip() or name in spec.required)  # blank: the default
            }
            records[row_id] = spec.record(**kwargs)
        except ValidationError as error:
            problems.append(f"row {number}, {error}")
            continue
        if extra_columns:
            extras[row_id] = {column: values[column] for column in extra_columns}
        origin[row_id] = f"{label}, row {number}"
    if problems:
        raise _all_problems(label, problems, fix)
    table = _Table(spec, extra_columns=extra_columns)
    return table.with_rows(records, extras, origin)


def _bounded_rows(text: str, fail: Callable[[str], LogFileError]) -> list[list[str]]:
    """The CSV rows of ``text``, refused as soon as a line, the column count or the row count is too big."""

    def checked() -> Iterator[str]:
        # one line at a time from the text itself: io.StringIO would copy it at 4 bytes a character
        for number, match in enumerate(_LINE.finditer(text), start=1):
            line = match[0]
            if len(line) > MAX_LINE_CHARS:
                limit = f"{MAX_LINE_CHARS:,} characters"
                raise fail(f", line {number:,} is longer than a log's lines can be ({limit})")
            yield line

    reader = csv.reader(checked(), delimiter=_sniff_delimiter(text), strict=True)
    rows: list[list[str]] = []
    cells = 0
    try:
        for row in reader:
            cells += len(row)
            if cells > MAX_CELLS:
                raise fail(f" has more cells than a log can have ({MAX_CELLS:,})")
            if len(row) > MAX_COLUMNS:
                raise fail(
                    f", row {len(rows) + 1:,} has {len(row):,} columns, more than a log has ({MAX_COLUMNS})"
                )
            if len(rows) > MAX_ROWS:  # the header and MAX_ROWS rows, blank ones included
                raise fail(f" has more rows than a log can have ({MAX_ROWS:,})")
            rows.append(row)
    except csv.Error as error:
        raise fail(f" cannot be read as CSV near line {reader.line_num} ({error})") from None
    return rows


def _column_names(spec: _Spec, rows: list[list[str]], fail: Callable[[str], LogFileError]) -> list[str]:
    """The header as field names (case and spaces forgiven); '' for an unnamed, empty column."""
    known = {"id", *spec.fields}
    names = []
    for index, heading in enumerate(rows[0]):
        heading = heading.strip()
        if heading.lower() in known:
            heading = heading.lower()
        if not heading and any(index < len(row) and row[index].strip() for row in rows[1:]):
            raise fail(f" has data in column {index + 1}, which has no name in the header row")
        if heading and heading in names:
            raise fail(f" has two columns named {heading!r}")
        names.append(heading)
    missing = [name for name in ("id", *spec.required) if name not in names]
    if missing:
        other = _FOLLOWUPS if spec is _INTERVIEWS else _INTERVIEWS
        hint = f" (it looks like {other.filename})" if set(other.required) <= set(names) else ""
        columns = " and ".join(", ".join(f"no {name!r} column" for name in missing).rsplit(", ", 1))
        raise fail(
            f" is not a followup-kit log{hint}: it has {columns} (a log's header row starts "
            f"{','.join(('id', *spec.fields[:3]))}; a file from another tracker goes through "
            "'Import from a tracker' in notebook 01)"
        )
    return names


def _unguarded(spec: _Spec, rows: list[list[str]]) -> list[list[str]]:
    """The body rows with ``_guard`` undone, column by column as ``_Table.guarded_cells`` applied it."""
    header = [heading.strip().lower() for heading in rows[0]]
    as_text = [name == "id" or (name in spec.fields and spec.kind(name) in (_TEXT, _LIST)) for name in header]
    return [
        [_unguard(cell, as_text=index < len(as_text) and as_text[index]) for index, cell in enumerate(row)]
        for row in rows[1:]
    ]


#: Most problems one message lists (the rest are counted), so a broken file still gets a readable answer.
MAX_PROBLEMS_LISTED = 30


def _all_problems(label: str, problems: list[str], fix: str) -> LogFileError:
    """Every bad row of a file in one message, a line each, so the learner fixes them in one go."""
    if len(problems) == 1:
        return LogFileError(f"{label}, {problems[0]}; {fix}.")
    shown = problems[:MAX_PROBLEMS_LISTED]
    more = len(problems) - len(shown)
    tail = f"\n- and {_count(more, 'more problem')}" if more else ""
    lines = "".join(f"\n- {problem}" for problem in shown)
    return LogFileError(f"{label} has {len(problems)} problems; {fix}:{lines}{tail}")


def _made_id(spec: _Spec, cells: list[str], taken: set[str]) -> str:
    """An id for a row a learner added without one: the same for the same row (so reading the file
    twice gives the same id until it is saved), never one the file already uses."""
    prefix = "iv" if spec is _INTERVIEWS else "fu"
    digest = hashlib.sha1("\x1f".join(cells).encode("utf-8", "surrogatepass")).hexdigest()
    for start in range(0, len(digest) - 8):
        row_id = f"{prefix}-{digest[start:start + 8]}"
        if row_id not in taken:
            taken.add(row_id)
            return row_id
    raise ValidationError("id", "a row that differs from the others", "a repeated row")  # pragma: no cover


#: What a UTF-8 file looks like after a program read it as Windows-1252 and saved it again: the BOM
#: becomes "ï»¿", "é" becomes "Ã©", "’" becomes "â€™".
_MOJIBAKE = re.compile("ï»¿|[ÂÃ][\u00a0-\u00bf]|â€")
_WORD = re.compile(r"[^,;\t\"\r\n]+")


def _as_meant(text: str) -> str | None:
    """``text`` decoded as the UTF-8 it was before a Windows-1252 reading, or None when it cannot be."""
    try:
        meant = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    return meant if meant != text else None


def _refuse_mojibake(text: str, fail: Callable[[str], LogFileError], *, everywhere: bool) -> None:
    """Refuse UTF-8 that was read as Windows-1252 and saved again, saying how to save it properly.

    The header row is always checked (a BOM read that way turns ``id`` into ``ï»¿id``); with
    ``everywhere`` (an upload) every cell is, flagged only when the whole cell turns back into UTF-8."""
    header_end = text.find("\n")
    header_end = len(text) if header_end == -1 else header_end
    for match in _MOJIBAKE.finditer(text[: MAX_UPLOAD_BYTES]):
        in_header = match.start() < header_end
        if not in_header and not everywhere:
            return
        word = next((w for w in _WORD.finditer(text, max(0, match.start() - 200), match.end() + 200)
                     if w.start() <= match.start() < w.end()), None)
        cell = word[0].strip() if word else match[0]
        meant = _as_meant(cell)
        if match[0] == "ï»¿":
            meant, said = None, " (the invisible mark that starts a UTF-8 file, read as letters)"
        elif meant is None:
            continue
        else:
            said = f" (it would read {meant!r})"
        line = text.count("\n", 0, match.start()) + 1
        raise fail(
            f", line {line:,}, has {cell[:40]!r}{said}: this looks like UTF-8 read as Windows-1252, so "
            "save it again as UTF-8 (in Excel: Save As, 'CSV UTF-8'; in LibreOffice: Character set "
            "'Unicode (UTF-8)')"
        )


# -- writing files safely ---------------------------------------------------------------


# The kit's one atomic writer is ``files.write_atomic``; the two-file commit below uses its steps.
_fsync_dir = _files.fsync_dir
_write_synced = _files.write_synced


def _replace_file(folder: Path, name: str, data: bytes) -> None:
    """Swap in one file of the log (mode 0666 less the umask), durably."""
    _files.write_atomic(folder / name, data)


#: A change counter beside the log, odd while a change is being written (a seqlock): a reader that
#: takes no lock trusts what it read only when the counter was even and the same before and after.
_SEQ_NAME = ".log.seq"


def _read_seq(folder: Path) -> int | None:
    """The change counter (0 for a folder without one), or None when it cannot be read."""
    try:
        return int((folder / _SEQ_NAME).read_text(encoding="ascii").strip() or 0)
    except FileNotFoundError:
        return 0
    except (OSError, ValueError):
        return None


def _bump_seq(folder: Path) -> None:
    """Move the counter on by one (atomic replace; no fsync: it only signals, it keeps no data)."""
    current = _read_seq(folder) or 0
    _files.write_atomic(folder / _SEQ_NAME, f"{current + 1}\n", durable=False)


def _settle_seq(folder: Path) -> None:
    """Under the lock: an odd counter left by a crash mid-change is made even again."""
    current = _read_seq(folder)
    if current is not None and current % 2:
        _bump_seq(folder)


def _commit(folder: Path, files: dict[str, bytes]) -> None:
    """Swap in one file with ``os.replace``, or two through a staging folder whose rename commits both.

    The change counter is odd while the files change (see ``_SEQ_NAME``)."""
    _settle_seq(folder)
    _bump_seq(folder)
    try:
        _commit_files(folder, files)
    finally:
        _bump_seq(folder)


def _commit_files(folder: Path, files: dict[str, bytes]) -> None:
    if len(files) == 1:
        [(name, data)] = files.items()
        _replace_file(folder, name, data)
        return
    staging = folder / _STAGING
    _remove(staging)
    staging.mkdir()
    for name, data in files.items():
        _write_synced(staging / name, data)
    _fsync_dir(staging)
    _files.replace(staging, folder / _COMMITTED)  # the commit point
    _fsync_dir(folder)
    _finish_commit(folder)


def _finish_commit(folder: Path) -> None:
    committed = folder / _COMMITTED
    for name in (INTERVIEWS_CSV, FOLLOWUPS_CSV):
        if (committed / name).is_file():
            _files.replace(committed / name, folder / name)
    _fsync_dir(folder)
    shutil.rmtree(committed)


def _remove(path: Path) -> None:
    """Remove a file or a folder tree of ours; nothing when it is not there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _recover(folder: Path) -> None:
    """Under the lock: finish a committed change, drop an uncommitted one and stray temporary files.

    ``.incoming`` that is not a folder was not made by a commit: it is moved aside under a name that
    says so (with a warning naming it) rather than deleted, so the next change can commit.
    """
    committed = folder / _COMMITTED
    if committed.is_dir() and not committed.is_symlink():
        _finish_commit(folder)
    elif committed.exists() or committed.is_symlink():
        aside = folder / f".incoming.stray-{uuid.uuid4().hex[:8]}"
        _files.replace(committed, aside)
        warnings.warn(
            f"A stray file named {_COMMITTED} in {_describe_folder(folder)} was not a saved change of the "
            f"log; it was renamed {aside.name} and ignored.",
            stacklevel=4,
        )
    _remove(folder / _STAGING)  # an uncommitted change, or a stray file with its reserved name
    for path in folder.glob(".*.tmp"):
        if _TEMP_NAME.fullmatch(path.name):
            _remove(path)


def _read_current(folder: Path, name: str) -> bytes | None:
    """A file's committed bytes: a committed but unfinished change wins; None when there is no file."""
    for path in (folder / _COMMITTED / name, folder / name):
        try:
            return path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):  # no file, or a stray file named .incoming
            continue
        except OSError as error:
            raise LogFileError(
                f"{name} in {_describe_folder(folder)} cannot be read ({error.strerror}); "
                "check the file's permissions or move it away."
            ) from None
    return None


def _signature(folder: Path) -> tuple[tuple[int, ...] | None, ...]:
    """What a change to the log alters: the folder and both files, committed or not (inode, size, times).

    Every change replaces a file by a new inode and renames in the folder, so a read that starts and
    ends with the same signature saw one committed state.
    """
    marks: list[tuple[int, ...] | None] = []
    committed = folder / _COMMITTED
    for path in (
        folder,
        folder / INTERVIEWS_CSV,
        folder / FOLLOWUPS_CSV,
        committed,
        committed / INTERVIEWS_CSV,
        committed / FOLLOWUPS_CSV,
    ):
        try:
            mark = os.stat(path)
        except OSError:
            marks.append(None)
        else:
            marks.append((mark.st_ino, mark.st_size, mark.st_mtime_ns, mark.st_ctime_ns))
    return tuple(marks)


def _shared_lock(path: Path) -> int | None:
    """A descriptor holding a shared ``flock`` on an existing lock file (closing it unlocks), or None.

    Opened read-only and never created, so it works in a folder nobody may write; it excludes the
    exclusive lock every change holds.  None without ``fcntl``, without a lock file, or after
    ``LOCK_TIMEOUT`` seconds of waiting: the caller then reads with the snapshot check.
    """
    if fcntl is None:
        return None
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    deadline = time.monotonic() + LOCK_TIMEOUT
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
            return fd
        except BlockingIOError:
            if time.monotonic() > deadline:
                break
            time.sleep(0.002)
        except OSError:
            break
    os.close(fd)
    return None


# -- the log --------------------------------------------------------------------------------


class InterviewLog:
    """A learner's log of interviews and follow-ups in one folder (see the module docstring).

    ``InterviewLog()`` opens ``data/my_log`` (or ``$FOLLOWUP_KIT_LOG``); a folder that does not
    exist yet is an empty log and is created on the first change.  Every change is on disk when
    the call returns.  ``read_only=True`` refuses every change with ``ReadOnlyLogError`` and
    never writes, not even a lock file.  Records handed out are copies: changing one changes
    nothing until it is passed to ``update``.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path).expanduser() if path is not None else default_log_dir()
        self.read_only = read_only
        self._where = _describe_folder(self.path)
        self._lock = FileLock(str(self.path / LOCK_NAME), timeout=LOCK_TIMEOUT)
        self._cache: _State | None = None
        self._listing: tuple[_Table, list[tuple[str, datetime, str]]] | None = None

    def __repr__(self) -> str:
        return f"InterviewLog({str(self.path)!r}{', read_only=True' if self.read_only else ''})"

    def __len__(self) -> int:
        """The number of interviews."""
        return len(self._state().interviews.rows)

    def __contains__(self, row_id: object) -> bool:
        state = self._state()
        return any(row_id in table.rows for table in state.tables)

    # -- changes ------------------------------------------------------------------------

    def add(self, interview: Interview) -> str:
        """Log an interview; returns its new id ("iv-" and 8 hex digits)."""
        interview = _validated(interview, Interview)

        def apply(state: _State) -> tuple[_State, str]:
            row_id = _fresh_id("iv", state)
            return _State(state.interviews.with_rows({row_id: interview}), state.followups), row_id

        return self._change(apply)

    def record(self, followup: FollowUp) -> str:
        """Log a follow-up of an interview in this log, not dated before it; returns its id ("fu-…")."""
        followup = _validated(followup, FollowUp)

        def apply(state: _State) -> tuple[_State, str]:
            _check_parent(state, followup)
            row_id = _fresh_id("fu", state)
            return _State(state.interviews, state.followups.with_rows({row_id: followup})), row_id

        return self._change(apply)

    def update(self, row_id: str, *, base: Interview | FollowUp | None = None, **fields: Any) -> None:
        """Change fields of an interview or follow-up; the record is built and validated again.

        Only the fields named change, so a close-out (outcome) and an edit (notes) of one record never
        undo each other.  ``base`` is the record as the caller read it (what its change is based on):
        when another tab or notebook changed one of these fields meanwhile to something else,
        ``ConflictError`` lists them (field, theirs, yours) and nothing is written; fields changed
        only there are kept.  Without ``base`` the fields are written over whatever is there
        (overwriting on purpose).

        Raises ``UnknownIdError`` (a ``KeyError``) for an unknown id and ``ValidationError`` for an
        unknown field name, a bad value, or a change that would date a follow-up before its interview.
        """

        def apply(state: _State) -> tuple[_State, None]:
            old = state.find(row_id)
            spec = _INTERVIEWS if isinstance(old, Interview) else _FOLLOWUPS
            for name in fields:
                if name not in spec.fields:
                    raise ValidationError(name, f"a field of {spec.noun} ({', '.join(spec.fields)})", name)
            new = old.replace(**fields)
            if base is not None:
                _check_not_stale(row_id, spec, base, old, new, fields)
            if new == old:
                return state, None
            if isinstance(new, Interview):
                _check_children(state, row_id, new)
                return _State(state.interviews.with_rows({row_id: new}), state.followups), None
            _check_parent(state, new)
            return _State(state.interviews, state.followups.with_rows({row_id: new})), None

        self._change(apply)

    def remove(self, row_id: str, *, expected: Iterable[str] | None = None) -> None:
        """Remove an interview together with its follow-ups, or one follow-up.

        ``expected`` is every id the caller told the learner would go (the interview and the
        follow-ups it listed): when the log now holds more (a follow-up recorded in another tab after
        the question was asked), ``ConflictError`` names them in ``extra`` and nothing is removed.
        """
        promised = None if expected is None else set(expected)

        def apply(state: _State) -> tuple[_State, None]:
            record = state.find(row_id)
            if isinstance(record, FollowUp):
                gone = [row_id]
            else:
                gone = [row_id, *(child_id for child_id, _ in state.followups_of(row_id))]
            if promised is not None:
                extra = tuple((i, _copy(state.find(i))) for i in gone if i not in promised)
                if extra:
                    raise ConflictError(
                        f"Since you were asked, {_count(len(extra), 'follow-up')} of it "
                        f"{'was' if len(extra) == 1 else 'were'} recorded elsewhere (another tab or "
                        "notebook), so nothing was deleted; answer again to delete them too.",
                        row_id=row_id,
                        current=_copy(record),
                        extra=extra,
                    )
            if isinstance(record, FollowUp):
                return _State(state.interviews, state.followups.without(gone)), None
            followups = state.followups.without(gone[1:]) if gone[1:] else state.followups
            return _State(state.interviews.without([row_id]), followups), None

        self._change(apply)

    def generation(self) -> str:
        """A fingerprint of the whole log as on disk now (both files): it changes with every change.

        A question about the whole log (replace it?) is asked against one generation and answered
        against it: ``import_file(..., based_on=...)`` refuses when the log moved on meanwhile.
        """
        return _generation(self._state())

    def revision(self, row_id: str) -> str:
        """A fingerprint of one record as on disk now: it changes whenever one of its fields does."""
        state = self._state()
        for table in state.tables:
            if row_id in table.rows:
                return hashlib.blake2b(table.lines[row_id].encode("utf-8"), digest_size=8).hexdigest()
        raise UnknownIdError(f"No interview or follow-up has the id {row_id!r} in this log.")

    # -- reading --------------------------------------------------------------------------

    def get(self, row_id: str) -> Interview | FollowUp:
        """The interview or follow-up with this id (a copy); ``UnknownIdError`` if there is none."""
        return _copy(self._state().find(row_id))

    def items(self) -> list[tuple[str, Interview]]:
        """Every interview as (id, interview), in the order they were logged: for menus and planners."""
        return [(row_id, _copy(iv)) for row_id, iv in self._state().interviews.rows.items()]

    def followup_items(self, interview_id: str | None = None) -> list[tuple[str, FollowUp]]:
        """Follow-ups as (id, follow-up), earliest first; only those of ``interview_id`` if given."""
        state = self._state()
        if interview_id is None:
            found = sorted(state.followups.rows.items(), key=lambda item: item[1].at)
        else:
            if interview_id not in state.interviews.rows:
                raise UnknownIdError(f"No interview has the id {interview_id!r} in this log.")
            found = state.followups_of(interview_id)
        return [(row_id, _copy(fu)) for row_id, fu in found]

    def listing(self) -> list[tuple[str, datetime, str]]:
        """Every interview as (id, held_at, its company, role and interviewers in lower case), newest
        first: for a table that shows one page at a time and filters by words, without copying every
        record (``interviews_by_id`` gives the page's).  Kept until the interviews change."""
        table = self._state().interviews
        cached = self._listing
        if cached is None or cached[0] is not table:
            rows = sorted(table.rows.items(), key=lambda item: item[1].held_at, reverse=True)
            found = [
                (row_id, iv.held_at, "\n".join((iv.company, iv.role, *iv.interviewers)).casefold())
                for row_id, iv in rows
            ]
            self._listing = cached = (table, found)
        return list(cached[1])

    def interviews_by_id(self, ids: Iterable[str]) -> dict[str, Interview]:
        """Copies of the interviews with these ids (ids not in the log are left out)."""
        rows = self._state().interviews.rows
        return {row_id: _copy(rows[row_id]) for row_id in ids if row_id in rows}  # type: ignore[misc]

    def followup_counts(self) -> dict[str, int]:
        """How many follow-ups each interview has (interviews without any are left out): for a table,
        without copying every follow-up."""
        counts: dict[str, int] = {}
        for followup in self._state().followups.rows.values():
            counts[followup.interview_id] = counts.get(followup.interview_id, 0) + 1
        return counts

    def followups_for(self, interview_id: str) -> list[FollowUp]:
        """One interview's follow-ups, earliest first; ``UnknownIdError`` if the interview is not here."""
        return [fu for _, fu in self.followup_items(interview_id)]

    def interviews(self) -> pd.DataFrame:
        """A frame of interviews: ``id`` then ``INTERVIEW_FIELDS``, in the order logged.

        Datetimes are ``datetime64[us]``, ``decision_by`` a date at midnight or NaT,
        ``decision_in_business_days`` ``Int64``, interviewers and talking points Python
        lists, the rest ``str`` (``agency_contact`` missing when there is none).
        An empty log gives an empty frame with the same columns and dtypes.
        """
        return _frame(self._state().interviews)

    def followups(self) -> pd.DataFrame:
        """A frame of follow-ups: ``id`` then ``FOLLOWUP_FIELDS``; ``response_at`` is NaT until a reply."""
        return _frame(self._state().followups)

    # -- the learner's place ----------------------------------------------------------------

    def place(self) -> Place:
        """The learner's country, time zone and working week from ``settings.json`` in the folder.

        ``Place()`` (unset) when there is no such file; a damaged file raises ``LogFileError`` naming
        it.  The file is replaced atomically, so reading it needs no lock.
        """
        data = _read_current(self.path, SETTINGS_JSON) if self.path.is_dir() else None
        if data is None:
            return Place()
        return _place_from(data, f"{SETTINGS_JSON} in {self._where}", _DISK_FIX)

    def save_place(self, place: Place) -> None:
        """Keep the learner's ``Place`` in ``settings.json`` beside the log (atomic, under the lock)."""
        if not isinstance(place, Place):
            raise TypeError(f"expected a Place, got {type(place).__name__}")
        self._refuse_writes()
        self._refuse_unwritable()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with self._locked():
                _replace_file(self.path, SETTINGS_JSON, place.to_json())
        except OSError as error:
            raise LogFileError(
                f"Your settings could not be saved in {self._where} ({error.strerror}); nothing was changed."
            ) from None

    # -- export and import -------------------------------------------------------------

    def export_zip(self) -> bytes:
        """One zip with both files, formulas neutralised, for a learner to download and keep; the
        learner's settings (``settings.json``) go with them when they were set."""
        state = self._state()
        place = self.place()
        files = [(table.spec.filename, table.to_bytes(guard=True)) for table in state.tables]
        digests = {name: hashlib.sha256(data).hexdigest() for name, data in files}
        files.append((MANIFEST_JSON, json.dumps({"sha256": digests}, indent=1).encode("utf-8")))
        if place.is_set:
            files.append((SETTINGS_JSON, place.to_json()))
        files += _drafts.zip_files(self.path)  # the learner's exercise drafts (drafts.py)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            for name, data in files:
                info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                archive.writestr(info, data)
        return buffer.getvalue()

    def export_csv_bytes(self, table: Literal["interviews", "followups"] = "interviews") -> bytes:
        """One table as an export CSV (BOM, formulas neutralised), for a spreadsheet."""
        if table not in ("interviews", "followups"):
            raise ValueError(f"table must be 'interviews' or 'followups', not {table!r}")
        return getattr(self._state(), table).to_bytes(guard=True)

    def import_zip(
        self, data: bytes, *, mode: Literal["merge", "replace"] = "merge", filename: str = "upload.zip"
    ) -> ImportReport:
        """Bring back a zip from ``export_zip`` (see ``import_file``); anything else is refused."""
        return self._import(data, filename, mode, as_zip=True)

    def import_file(
        self,
        data: bytes,
        filename: str,
        *,
        mode: Literal["merge", "replace"] = "merge",
        based_on: str | None = None,
    ) -> ImportReport:
        """Bring in an upload: a zip from ``export_zip`` or one interviews CSV.

        The whole upload is read and validated first (``read_upload``); any problem raises
        ``LogFileError`` naming the file, row and field, and the log is left as it was.  ``merge``
        adds rows whose id is new and keeps every existing row (the same id with other content is a
        conflict: yours is kept); ``replace`` swaps the whole log for the upload in one atomic step.
        ``replace`` refuses an upload without ``followups.csv`` (a single CSV, or a zip missing it)
        while the log has follow-ups, since it would silently delete them; a zip whose
        ``followups.csv`` holds only its header row is the explicit way to drop them.

        ``based_on`` is the ``generation`` a confirmation was asked against (``preview_import`` gives
        it): when the log changed since, ``ConflictError`` says so and nothing is imported.
        """
        return self._import(data, filename, mode, as_zip=None, based_on=based_on)

    def preview_import(
        self, data: bytes, filename: str, *, mode: Literal["merge", "replace"] = "merge"
    ) -> ImportReport:
        """What ``import_file`` would do with this upload now, writing nothing: for a confirmation.

        The report has ``preview=True``, the counts ``import_file`` would report and the log's counts
        before (``before_interviews``, ``before_followups``).  It raises exactly what ``import_file``
        would raise, including ``ReadOnlyLogError`` on a read-only log.  Another kernel may change
        the log in between, so ``import_file`` checks everything again.
        """
        return self._import(data, filename, mode, as_zip=None, preview=True)

    def _import(
        self,
        data: bytes,
        filename: str,
        mode: str,
        *,
        as_zip: bool | None,
        preview: bool = False,
        based_on: str | None = None,
    ) -> ImportReport:
        """Parse and validate the upload once, then apply it under the lock (or only compute it)."""
        _check_mode(mode)
        self._refuse_writes()
        parsed = _parse_upload(data, filename, as_zip=as_zip)
        apply = _importer(parsed, mode, preview=preview)
        if based_on is not None:
            apply = _unless_moved_on(apply, based_on)
        if preview:
            state = self._state()  # read under the lock; nothing is written
            return dataclasses.replace(apply(state)[1], based_on=_generation(state))
        report = self._change(apply)
        incoming = parsed.place
        if incoming is not None and incoming.is_set and (mode == "replace" or not self.place().is_set):
            self.save_place(incoming)
            report = dataclasses.replace(
                report, message=report.message + " Your country, time zone and working week came back too."
            )
        return _restore_drafts(self.path, data, parsed.is_zip, mode, report)

    # -- machinery --------------------------------------------------------------------------

    def _refuse_writes(self) -> None:
        if not self.read_only:
            return
        if self.path.resolve() == SAMPLE_DIR.resolve():
            raise ReadOnlyLogError("This is the read-only sample log; open your own log to make changes.")
        raise ReadOnlyLogError(
            f"The log in {self._where} was opened read-only; open it again to make changes."
        )

    def _held_too_long(self) -> LogFileError:
        return LogFileError(
            f"Another kernel has held the log in {self._where} for {LOCK_TIMEOUT:.0f} s; "
            "wait a moment and try again, or restart the other kernel."
        )

    @contextmanager
    def _locked(self) -> Iterator[None]:
        try:
            self._lock.acquire()
        except Timeout:
            raise self._held_too_long() from None
        except OSError as error:
            raise LogFileError(
                f"The log in {self._where} cannot be locked for changes ({error.strerror}): the folder "
                "cannot be written, so nothing was changed; make it writable or use another folder."
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def _state(self) -> _State:
        """The log as on disk now, both files from one committed state.

        Under the lock (finishing a crashed change) when the folder can be written; otherwise, and for
        a read-only log, without writing anything: see ``_read_consistent``.
        """
        if not self.path.exists():
            return _State.empty()
        if not self.path.is_dir():
            raise LogFileError(f"{self._where} is a file, not a folder; pick a folder for your log.")
        if not self.read_only and os.access(self.path, os.W_OK):
            try:
                self._lock.acquire()
            except Timeout:
                raise self._held_too_long() from None
            except OSError:
                pass  # the lock file cannot be made: read as a read-only log does
            else:
                try:
                    return self._read(recover=True)
                finally:
                    self._lock.release()
        return self._read_consistent()

    def _read_consistent(self) -> _State:
        """Read both files of one committed state without writing a byte, not even a lock file.

        Under a shared lock on the lock file when it exists (so no change runs meanwhile); else read
        again until the folder's signature is the same before and after a read.
        """
        fd = _shared_lock(self.path / LOCK_NAME)
        if fd is not None:
            try:
                return self._read()
            finally:
                os.close(fd)
        deadline = time.monotonic() + LOCK_TIMEOUT
        odd_since: tuple | None = None
        odd_start = 0.0
        while time.monotonic() < deadline:
            seq, before = _read_seq(self.path), _signature(self.path)
            if seq is None or seq % 2:  # a change is being written (or a crash left the counter odd)
                if odd_since != (seq, before):
                    odd_since, odd_start = (seq, before), time.monotonic()
                if time.monotonic() - odd_start < _STALE_ODD:  # the same odd counter for long: a crash
                    time.sleep(0.005)
                    continue
            cached = self._cache
            try:
                state = self._read()
            except LogFileError:
                if _read_seq(self.path) == seq and _signature(self.path) == before:
                    raise
            else:
                if _read_seq(self.path) == seq and _signature(self.path) == before:
                    return state
            self._cache = cached  # a torn read must not be reused
            time.sleep(0.005)
        raise LogFileError(
            f"The log in {self._where} kept changing while it was read; wait a moment and try again."
        )

    @property
    def writable(self) -> bool:
        """Whether a change could be saved: not read-only, and the folder (or, before the first change,
        the nearest folder that exists above it) can be written.  Reading works either way."""
        if self.read_only:
            return False
        folder = self.path
        while not folder.exists() and folder.parent != folder:
            folder = folder.parent
        return folder.is_dir() and os.access(folder, os.W_OK)

    def _refuse_unwritable(self) -> None:
        """A folder that exists but cannot be written: say so before trying (it still reads fine)."""
        if self.path.is_dir() and not os.access(self.path, os.W_OK):
            raise LogFileError(
                f"The folder {self._where} cannot be written (it is read-only), so nothing was changed; "
                "make it writable, or download your log and open it in another folder."
            )

    def _read(self, *, recover: bool = False) -> _State:
        """Read both files, reusing the parsed tables whose bytes are unchanged."""
        if recover:
            _recover(self.path)
        cached = self._cache or _State.empty()
        tables = []
        missing = set()
        for spec, known in ((_INTERVIEWS, cached.interviews), (_FOLLOWUPS, cached.followups)):
            data = _read_current(self.path, spec.filename)
            if data is None:
                missing.add(spec.filename)
            if data == known.raw:
                tables.append(known)
            elif data is None:
                tables.append(_Table(spec))
            else:
                label = f"{spec.filename} in {self._where}"
                table = _parse_table(spec, data, label, _DISK_FIX, unguard=True)
                tables.append(dataclasses.replace(table, raw=data))
        state = _State(*tables)
        if state.followups.rows and INTERVIEWS_CSV in missing:
            raise LogFileError(
                f"{INTERVIEWS_CSV} is missing from {self._where}, yet {FOLLOWUPS_CSV} there holds "
                f"{_count(len(state.followups.rows), 'follow-up')}; put {INTERVIEWS_CSV} back (the zip "
                f"from 'Download my log' holds it) or move {FOLLOWUPS_CSV} out of the folder."
            )
        if any(new is not old for new, old in zip(state.tables, cached.tables, strict=True)):
            _check_links(state, _DISK_FIX)
        self._cache = state
        return state

    def _change(self, apply: Callable[[_State], tuple[_State, T]]) -> T:
        """Lock, re-read, apply, write what changed, unlock: the only way the log is changed."""
        self._refuse_writes()
        self._refuse_unwritable()
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LogFileError(f"The folder {self._where} cannot be created ({error.strerror}).") from None
        with self._locked():
            before = self._read(recover=True)
            after, result = apply(before)
            files = {
                new.spec.filename: new.to_bytes()
                for new, old in zip(after.tables, before.tables, strict=True)
                if new is not old
            }
            if not files:
                return result
            try:
                _commit(self.path, files)
            except PermissionError as error:
                raise LogFileError(
                    f"The log in {self._where} could not be saved ({error.strerror}); if a spreadsheet has "
                    "the file open, close it and try again; nothing was changed."
                ) from None
            except OSError as error:
                raise LogFileError(
                    f"The log in {self._where} could not be saved ({error.strerror}); "
                    "nothing was changed, so free some disk space or pick another folder."
                ) from None
            self._cache = _State(
                *(
                    dataclasses.replace(t, raw=files[t.spec.filename]) if t.spec.filename in files else t
                    for t in after.tables
                )
            )
            return result


def _validated(record: Any, kind: type) -> Any:
    """A fresh, validated copy of a record handed in (it may have been changed after it was built)."""
    if not isinstance(record, kind):
        raise TypeError(f"expected a {kind.__name__}, got {type(record).__name__}")
    return record.replace()


def _fresh_id(prefix: str, state: _State) -> str:
    while True:
        row_id = new_id(prefix)
        if all(row_id not in table.rows for table in state.tables):
            return row_id


def _check_parent(state: _State, followup: FollowUp) -> None:
    interview = state.interviews.rows.get(followup.interview_id)
    if interview is None:
        raise ValidationError("interview_id", "the id of an interview in this log", followup.interview_id)
    check_followup_after(interview, followup)


def _check_children(state: _State, interview_id: str, interview: Interview) -> None:
    children = state.followups_of(interview_id)
    if children and interview.held_at > children[0][1].at:
        first = children[0][1].at
        raise ValidationError(
            "held_at", f"a time no later than its first follow-up ({describe(first)})", interview.held_at
        )


def _check_not_stale(
    row_id: str, spec: _Spec, base: Record, current: Record, new: Record, fields: dict[str, Any]
) -> None:
    """Refuse an update whose fields were changed to something else since ``base`` was read."""
    if not isinstance(base, spec.record):
        raise TypeError(f"base must be the {spec.record.__name__} the change is based on")
    clashes = tuple(
        (name, getattr(current, name), getattr(new, name))
        for name in fields
        if getattr(current, name) != getattr(base, name) and getattr(new, name) != getattr(current, name)
    )
    if clashes:
        listed = "; ".join(f"{name}: {describe(old)} -> {describe(mine)}" for name, old, mine in clashes)
        raise ConflictError(
            f"{spec.noun.capitalize()} ({row_id}) was changed elsewhere (another tab or notebook) since you "
            f"read it, so nothing was saved. Changed there -> yours: {listed}.",
            row_id=row_id,
            current=_copy(current),
            changes=clashes,
        )


def _generation(state: _State) -> str:
    """A fingerprint of both tables' bytes."""
    digest = hashlib.blake2b(digest_size=8)
    for table in state.tables:
        digest.update(table.to_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def _frame(table: _Table) -> pd.DataFrame:
    import pandas as pd  # here, not at the top: notebook 01's kernel logs interviews without pandas

    records = list(table.rows.values())
    dtypes = INTERVIEW_DTYPES if table.spec.record is Interview else FOLLOWUP_DTYPES  # the one schema
    columns = {"id": pd.Series(list(table.rows), dtype=dtypes["id"])}
    for name in table.spec.fields:
        kind = table.spec.kind(name)
        values = [getattr(record, name) for record in records]
        if kind == _DATE:
            values = [None if v is None else datetime(v.year, v.month, v.day) for v in values]
        elif kind == _LIST:
            values = [list(v) for v in values]
        columns[name] = pd.Series(values, dtype=dtypes[name])  # a date at midnight compares with held_at
    return pd.DataFrame(columns)


def new_id(prefix: str, rng: random.Random | None = None) -> str:
    """An id such as "iv-3f9a0c12": the prefix and 8 hex digits (seeded when ``rng`` is given)."""
    digits = f"{rng.getrandbits(32):08x}" if rng is not None else uuid.uuid4().hex[:8]
    return f"{prefix}-{digits}"


# -- import -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportReport:
    """What an import did, or with ``preview=True`` what it would do; ``message`` is one sentence.

    ``added_*`` count the rows the log gains (for ``replace``: all the upload's rows);
    ``before_*`` count what the log held before, which ``replace`` drops.
    """

    added_interviews: int
    added_followups: int
    skipped_duplicates: int  # same id and same content as a row already in the log
    conflicts: int  # same id, other content: the log's own row was kept
    replaced: bool
    message: str
    before_interviews: int = 0
    before_followups: int = 0
    preview: bool = False  # from ``preview_import``: nothing was written
    #: With ``preview``: the log's ``generation`` it was computed against (for ``import_file``).
    based_on: str = field(default="", compare=False)


@dataclass(frozen=True)
class Upload:
    """An upload read and validated completely, with nothing written: what ``read_upload`` returns.

    ``interviews`` and ``followups`` are (id, record) pairs in file order, copies that change nothing
    when changed.  ``files`` names the log files the upload held: both for a zip from *Download my
    log*; only ``interviews.csv`` for a single CSV or a zip without follow-ups.
    """

    filename: str
    interviews: tuple[tuple[str, Interview], ...]
    followups: tuple[tuple[str, FollowUp], ...]
    files: tuple[str, ...]
    is_zip: bool

    @property
    def n_interviews(self) -> int:
        return len(self.interviews)

    @property
    def n_followups(self) -> int:
        return len(self.followups)

    @property
    def has_followups_file(self) -> bool:
        """Whether the upload held a followups.csv (even an empty one): ``replace`` needs it."""
        return FOLLOWUPS_CSV in self.files


def read_upload(data: bytes, filename: str) -> Upload:
    """Read and check an upload (a zip from ``export_zip`` or one interviews CSV) without writing anything.

    For a widget to show what a file holds before importing it.  The upload is checked as a log on
    its own: every row valid, ids unique, every follow-up belonging to an interview of the upload and
    not dated before it.  Anything wrong raises ``LogFileError`` with one sentence naming the file,
    row and field.  ``import_file`` reads uploads with the same code.
    """
    parsed = _parse_upload(data, filename, as_zip=None)
    return Upload(
        filename=parsed.name,
        interviews=tuple((i, _copy(r)) for i, r in parsed.state.interviews.rows.items()),
        followups=tuple((i, _copy(r)) for i, r in parsed.state.followups.rows.items()),
        files=parsed.files,
        is_zip=parsed.is_zip,
    )


@dataclass(frozen=True, eq=False)
class _Parsed:
    """An upload as tables, ready to apply to a log; ``read_upload`` hands out a copy of it."""

    name: str
    state: _State
    files: tuple[str, ...]
    is_zip: bool
    place: Place | None = None


def _place_from(data: bytes, label: str, fix: str) -> Place:
    """A ``Place`` from the bytes of a settings.json, or ``LogFileError`` naming the file."""
    if len(data) > MAX_SETTINGS_BYTES:
        raise LogFileError(f"{label} is larger than settings can be; {fix}.")
    try:
        return Place.from_json(data)
    except ValidationError as error:
        raise LogFileError(f"{label} cannot be used ({error}); {fix}.") from None


def _parse_upload(data: bytes, filename: str, *, as_zip: bool | None) -> _Parsed:
    """Read and validate an uploaded zip or interviews CSV completely, before anything is written.

    ``as_zip=None`` tells a zip from a CSV by its first bytes or its name.
    """
    name = Path(filename).name or "upload"
    label = f"The upload {name!r}"
    data = bytes(data)
    if not data:
        raise LogFileError(f"{label} is empty; {_UPLOAD_FIX}.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise LogFileError(
            f"{label} is {len(data) / 1e6:.0f} MB, more than a log can be "
            f"({MAX_UPLOAD_BYTES / 1e6:.0f} MB); {_UPLOAD_FIX}."
        )
    if as_zip is None and _is_xlsx(data, name):  # Download for Excel, edited and brought back
        return _parse_xlsx(data, name)
    if as_zip is None:
        as_zip = data[:2] == b"PK" or name.lower().endswith(".zip")
    place = None
    if as_zip:
        members = _zip_members(data, label)
        if INTERVIEWS_CSV not in members:
            raise LogFileError(
                f"{label} holds no {INTERVIEWS_CSV}; {_UPLOAD_FIX} (use the zip that Download gave you)."
            )
        written = _written_by_kit(members)
        tables = [
            _parse_table(
                spec,
                members[spec.filename],
                f"{spec.filename} in the upload {name!r}",
                _UPLOAD_FIX,
                unguard=True,
                upload=spec.filename not in written,
            )
            if spec.filename in members
            else _Table(spec)
            for spec in (_INTERVIEWS, _FOLLOWUPS)
        ]
        state = _State(*tables)
        files = tuple(f for f in (INTERVIEWS_CSV, FOLLOWUPS_CSV) if f in members)
        if SETTINGS_JSON in members:
            where = f"{SETTINGS_JSON} in the upload {name!r}"
            place = _place_from(members[SETTINGS_JSON], where, _UPLOAD_FIX)
    else:
        interviews = _parse_table(_INTERVIEWS, data, label, _UPLOAD_FIX, unguard=True, upload=True)
        state, files = _State(interviews, _Table(_FOLLOWUPS)), (INTERVIEWS_CSV,)
    _check_links(state, _UPLOAD_FIX)
    return _Parsed(name, state, files, as_zip, place)


def _written_by_kit(members: dict[str, bytes]) -> set[str]:
    """The tables of an uploaded zip whose bytes are still those ``export_zip`` wrote (its manifest)."""
    try:
        digests = json.loads(members.get(MANIFEST_JSON, b"{}")).get("sha256", {})
    except (ValueError, AttributeError):  # a damaged or foreign manifest vouches for nothing
        return set()
    if not isinstance(digests, dict):
        return set()
    tables = (INTERVIEWS_CSV, FOLLOWUPS_CSV)
    return {name for name, data in members.items()
            if name in tables and digests.get(name) == hashlib.sha256(data).hexdigest()}


def _zip_members(data: bytes, label: str) -> dict[str, bytes]:
    """interviews.csv and followups.csv from a zip, wherever they sit in it (macOS adds a folder)."""
    found: dict[str, Any] = {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for info in archive.infolist():
                path = info.filename.replace("\\", "/")
                base = path.rsplit("/", 1)[-1].lower()
                if (
                    info.is_dir()
                    or path.startswith("__MACOSX/")
                    or base not in (INTERVIEWS_CSV, FOLLOWUPS_CSV, SETTINGS_JSON, MANIFEST_JSON)
                ):
                    continue
                if base in found:
                    raise LogFileError(f"{label} holds more than one {base}; {_UPLOAD_FIX}.")
                if info.flag_bits & 0x1:
                    raise LogFileError(f"{label} is password-protected; {_UPLOAD_FIX} without a password.")
                if info.file_size > MAX_UPLOAD_BYTES:
                    raise LogFileError(
                        f"{label} holds a file {base} larger than a log can be "
                        f"({MAX_UPLOAD_BYTES / 1e6:.0f} MB); {_UPLOAD_FIX}."
                    )
                found[base] = _unzip_bounded(archive, info, MAX_UPLOAD_BYTES - sum(map(len, found.values())))
                if found[base] is None:
                    raise LogFileError(
                        f"{label} holds a file {base} larger than a log can be "
                        f"({MAX_UPLOAD_BYTES / 1e6:.0f} MB) once unzipped; {_UPLOAD_FIX}."
                    )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, zlib.error) as error:
        raise LogFileError(f"{label} is not a readable zip file ({error}); {_UPLOAD_FIX}.") from None
    return found


def _unzip_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> bytes | None:
    """A member's bytes, unzipped a chunk at a time; None once more than ``budget`` bytes come out.

    The sizes a zip declares can be forged, and ``ZipFile.read`` inflates a whole member at once, so a
    small zip could take gigabytes before its declared size is compared; this stops at the real limit.
    """
    parts: list[bytes] = []
    total = 0
    with archive.open(info) as member:
        while chunk := member.read(_UNZIP_CHUNK):
            total += len(chunk)
            if total > budget:
                return None
            parts.append(chunk)
    return b"".join(parts)


def _merge_table(current: _Table, incoming: _Table) -> tuple[_Table, int, int, int]:
    """Add incoming rows whose id is new; count same-content duplicates and conflicts."""
    new = {row_id: rec for row_id, rec in incoming.rows.items() if row_id not in current.rows}
    duplicates = sum(1 for row_id, rec in incoming.rows.items() if current.rows.get(row_id) == rec)
    conflicts = len(incoming.rows) - len(new) - duplicates
    if not new:
        return current, 0, duplicates, conflicts
    columns = current.extra_columns + tuple(
        c for c in incoming.extra_columns if c not in current.extra_columns
    )
    extras = {row_id: incoming.extras[row_id] for row_id in new if row_id in incoming.extras}
    origin = {row_id: incoming.origin[row_id] for row_id in new if row_id in incoming.origin}
    return current.with_rows(new, extras, origin, extra_columns=columns), len(new), duplicates, conflicts


def _check_mode(mode: str) -> None:
    if mode not in ("merge", "replace"):
        raise ValueError(f"mode must be 'merge' or 'replace', not {mode!r}")


def _importer(
    upload: _Parsed, mode: str, *, preview: bool
) -> Callable[[_State], tuple[_State, ImportReport]]:
    """The change an import makes to a log, as a function of the log under the lock."""

    def apply(state: _State) -> tuple[_State, ImportReport]:
        if mode == "merge":
            return _merge(state, upload, preview=preview)
        mine = len(state.followups.rows)
        if FOLLOWUPS_CSV not in upload.files and mine:
            raise LogFileError(
                f"The upload {upload.name!r} has no {FOLLOWUPS_CSV}, so replacing your log with it would "
                f"delete your {_count(mine, 'follow-up')}; nothing was imported, so upload the whole zip "
                "from 'Download my log', or choose merge."
            )
        new = _State(*(dataclasses.replace(t, raw=None) for t in upload.state.tables))
        return new, _replace_report(state, new, upload.name, preview=preview)

    return apply


def _unless_moved_on(
    apply: Callable[[_State], tuple[_State, ImportReport]], based_on: str
) -> Callable[[_State], tuple[_State, ImportReport]]:
    """An import that refuses, under the lock, a log whose generation is no longer ``based_on``."""

    def checked(state: _State) -> tuple[_State, ImportReport]:
        if _generation(state) != based_on:
            raise ConflictError(
                "Your log changed (in another tab or notebook) after you were asked, so the counts you "
                f"saw are out of date and nothing was imported; it now holds "
                f"{_count(len(state.interviews.rows), 'interview')} and "
                f"{_count(len(state.followups.rows), 'follow-up')}."
            )
        return apply(state)

    return checked


def _merge(state: _State, upload: _Parsed, *, preview: bool) -> tuple[_State, ImportReport]:
    incoming = upload.state
    interviews, added_iv, dup_iv, conflict_iv = _merge_table(state.interviews, incoming.interviews)
    followups, added_fu, dup_fu, conflict_fu = _merge_table(state.followups, incoming.followups)
    merged = _State(interviews, followups)
    _check_links(merged, _UPLOAD_FIX)
    duplicates, conflicts = dup_iv + dup_fu, conflict_iv + conflict_fu
    added = f"{_count(added_iv, 'interview')} and {_count(added_fu, 'follow-up')}"
    if preview:
        parts = [f"Merging {upload.name!r} would add {added}"]
    else:
        parts = [f"Added {added} from {upload.name!r}"]
    if duplicates:
        verb = ("is" if preview else "was") if duplicates == 1 else ("are" if preview else "were")
        parts.append(f"{_count(duplicates, 'row')} {verb} already in your log")
    if conflicts:
        kept = "would be" if preview else ("was" if conflicts == 1 else "were")
        parts.append(
            f"{_count(conflicts, 'row')} {'has' if preview else 'had'} the id of one of yours with other "
            f"content, so yours {kept} kept"
        )
    report = ImportReport(
        added_iv,
        added_fu,
        duplicates,
        conflicts,
        False,
        "; ".join(parts) + ".",
        len(state.interviews.rows),
        len(state.followups.rows),
        preview,
    )
    return merged, report


def _replace_report(before: _State, after: _State, name: str, *, preview: bool) -> ImportReport:
    n_iv, n_fu = len(after.interviews.rows), len(after.followups.rows)
    was_iv, was_fu = len(before.interviews.rows), len(before.followups.rows)
    new = f"{_count(n_iv, 'interview')} and {_count(n_fu, 'follow-up')}"
    if preview:
        message = (
            f"Replacing your log ({_count(was_iv, 'interview')}, {_count(was_fu, 'follow-up')}) "
            f"with {name!r} would leave {new}."
        )
    else:
        message = f"Replaced your log with {new} from {name!r}."
    return ImportReport(n_iv, n_fu, 0, 0, True, message, was_iv, was_fu, preview)


_count = plural  # the kit's one pluraliser (wording.plural)


# -- whole folders ----------------------------------------------------------------------------


def write_tables(
    folder: str | os.PathLike[str],
    interviews: Iterable[tuple[str, Interview]],
    followups: Iterable[tuple[str, FollowUp]] = (),
) -> None:
    """Write a whole log to ``folder`` in the log's format, replacing both files atomically.

    For generators such as ``sample.py``: the same records give the same bytes.  The records are
    validated (ids unique and single-line, follow-ups after their interview) before anything is
    written.  It takes no lock and overwrites whatever is there, so never point it at a log a
    kernel is using; use ``InterviewLog`` for that.
    """
    folder = Path(folder)
    state = _State(_table_of(_INTERVIEWS, interviews), _table_of(_FOLLOWUPS, followups))
    _check_links(state, "nothing was written")
    folder.mkdir(parents=True, exist_ok=True)
    _commit_files(folder, {table.spec.filename: table.to_bytes() for table in state.tables})


def _table_of(spec: _Spec, pairs: Iterable[tuple[str, Record]]) -> _Table:
    records: dict[str, Record] = {}
    for row_id, record in pairs:
        if not isinstance(row_id, str) or not row_id.strip() or row_id != row_id.strip() or "\n" in row_id:
            raise ValidationError("id", "a single line of text without surrounding spaces", row_id)
        check_single_line_characters("id", row_id)
        if row_id in records:
            raise ValidationError("id", "an id used once", row_id)
        records[row_id] = _validated(record, spec.record)
    return _Table(spec).with_rows(records)


def read_tables(
    folder: str | os.PathLike[str],
) -> tuple[list[tuple[str, Interview]], list[tuple[str, FollowUp]]]:
    """Both tables of a log folder as (id, record) lists, in file order, without locking or writing."""
    state = InterviewLog(folder, read_only=True)._state()
    return list(state.interviews.rows.items()), list(state.followups.rows.items())


def open_sample_log() -> InterviewLog:
    """The synthetic sample log shipped with the package, read-only."""
    if not (SAMPLE_DIR / INTERVIEWS_CSV).is_file():
        raise LogFileError(
            f"The sample log is missing from {_describe_folder(SAMPLE_DIR)}; "
            "restore it with 'git checkout -- followup_kit/data/sample' in the workbook's folder, "
            "or reinstall the kit."
        )
    return InterviewLog(SAMPLE_DIR, read_only=True)


# -- spreadsheets: Download for Excel (.xlsx) and bringing it back ------------------------------

#: The two sheets of an .xlsx download, named like the CSV files they stand for.
XLSX_SHEETS = {INTERVIEWS_CSV: "interviews", FOLLOWUPS_CSV: "followups"}
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: Fields a spreadsheet must hold as text: a number there has already lost a leading 0 or +.
_PHONE_FIELDS = ("contact_phone", "agency_phone")
_XLSX_DATETIME = "yyyy-mm-dd hh:mm"
_XLSX_DATE = "yyyy-mm-dd"


def export_xlsx(log: InterviewLog) -> bytes:
    """The log as one .xlsx workbook (openpyxl, written row by row), for Excel, Numbers or LibreOffice.

    One sheet per table (``XLSX_SHEETS``), header row first.  Text columns are typed as text (cell
    type ``s``, number format ``@``), so a phone number keeps its leading 0 or +, an id or a postcode
    stays as written and ``=1+1`` is text, never a formula; dates and times are real dates
    (``yyyy-mm-dd hh:mm``); numbers are numbers.  ``import_file`` brings the workbook back.
    """
    from openpyxl import Workbook

    state = log._state()
    book = Workbook(write_only=True)
    book.properties.creator = "followup-kit"
    for table in state.tables:
        sheet = book.create_sheet(XLSX_SHEETS[table.spec.filename])
        kinds = ["id", *map(table.spec.kind, table.spec.fields), *([_TEXT] * len(table.extra_columns))]
        for column, kind in enumerate(kinds, start=1):
            sheet.column_dimensions[_column_letter(column)].width = 22 if kind in (_DATETIME, _DATE) else 18
        sheet.freeze_panes = "A2"


        sheet.append([_typed_cell(sheet, _TEXT, name) for name in table.header()])
        for row_id, record in table.rows.items():
            values = [row_id, *(getattr(record, name) for name in table.spec.fields)]
            values += [table.extras.get(row_id, {}).get(column, "") for column in table.extra_columns]
            sheet.append([_typed_cell(sheet, kind, value) for kind, value in zip(kinds, values, strict=True)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _typed_cell(sheet: Any, kind: str, value: Any) -> Any:
    """One cell typed by its column: text as text (never a formula), dates with a date format."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=_xlsx_value(kind, value))
    if kind == _DATETIME:
        cell.number_format = _XLSX_DATETIME
    elif kind == _DATE:
        cell.number_format = _XLSX_DATE
    elif kind != _INT:
        cell.number_format = "@"
        if cell.value is not None:
            cell.data_type = "s"  # openpyxl would take a text starting with = for a formula
    return cell


def _column_letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def interviews_csv(interviews: Iterable[tuple[str, Interview]]) -> bytes:
    """(id, interview) pairs as an interviews.csv upload in the log's own format (guarded, with a BOM),
    for code that builds records elsewhere (``trackers.import_rows``) and brings them in with
    ``import_file``."""
    return _table_of(_INTERVIEWS, interviews).to_bytes(guard=True)


def _xlsx_value(kind: str, value: Any) -> Any:
    """A field as the value its spreadsheet cell holds: datetimes and numbers as such, the rest as text."""
    if value is None:
        return None
    if kind in (_DATETIME, _DATE, _INT):
        return value
    return _cell(value)


def _is_xlsx(data: bytes, name: str) -> bool:
    """An Office Open XML workbook: by its name, or a zip that holds ``xl/workbook.xml``."""
    if name.lower().endswith((".xlsx", ".xlsm")):
        return True
    if data[:2] != b"PK":
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "xl/workbook.xml" in archive.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError):
        return False


def _parse_xlsx(data: bytes, name: str) -> _Parsed:
    """An uploaded workbook as tables: the sheets named like ``XLSX_SHEETS`` (else the first sheet as the
    interviews), read cell by cell, then checked exactly as a CSV upload is.  Formulas and phone numbers
    stored as numbers are refused, every one of them in one message."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    label = f"The upload {name!r}"
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as error:
        raise LogFileError(f"{label} is not a readable .xlsx workbook ({error}); {_UPLOAD_FIX}.") from None
    if unzipped > 5 * MAX_UPLOAD_BYTES:
        raise LogFileError(f"{label} unzips to more than a log can be; {_UPLOAD_FIX}.")
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise LogFileError(f"{label} is not a readable .xlsx workbook ({error}); {_UPLOAD_FIX}.") from None
    try:
        sheets = {sheet.title.strip().lower(): sheet for sheet in workbook.worksheets}
        tables, files = [], []
        for spec in (_INTERVIEWS, _FOLLOWUPS):
            title = XLSX_SHEETS[spec.filename]
            sheet = sheets.get(title)
            if sheet is None and spec is _INTERVIEWS and workbook.worksheets:
                sheet = workbook.worksheets[0]
            if sheet is None:
                tables.append(_Table(spec))
                continue
            where = f"the sheet {sheet.title!r} of the upload {name!r}"
            text = _sheet_as_csv(sheet, spec, where)
            tables.append(_parse_table(spec, text.encode("utf-8"), where, _UPLOAD_FIX, upload=True))
            files.append(spec.filename)
    finally:
        workbook.close()
    state = _State(*tables)
    _check_links(state, _UPLOAD_FIX)
    return _Parsed(Path(name).name, state, tuple(files), True)


def _sheet_as_csv(sheet: Any, spec: _Spec, where: str) -> str:
    """A sheet's cells as the log's CSV text (no guard: a workbook's cells are typed), or every formula
    and number-typed phone in one ``LogFileError``."""
    lines: list[str] = []
    problems: list[str] = []
    names: list[str] = []
    for number, row in enumerate(sheet.iter_rows(), start=1):
        if number > MAX_ROWS + 1:
            raise LogFileError(f"{where} has more rows than a log can have ({MAX_ROWS:,}); {_UPLOAD_FIX}.")
        if len(row) > MAX_COLUMNS:
            raise LogFileError(f"{where} has more columns than a log has ({MAX_COLUMNS}); {_UPLOAD_FIX}.")
        cells = []
        for index, cell in enumerate(row):
            field = names[index] if index < len(names) else f"column {index + 1}"
            value = cell.value
            if getattr(cell, "data_type", None) == "f":
                formula = str(value)[:40]
                problems.append(f"row {number}, {field}: a formula ({formula}); type its value instead")
                cells.append("")
                continue
            if field in _PHONE_FIELDS and isinstance(value, (int, float)) and not isinstance(value, bool):
                problems.append(
                    f"row {number}, {field}: the number {_text_of(value)}, which has lost any leading 0 "
                    "or +; format the column as Text and type the number again"
                )
                cells.append("")
                continue
            cells.append(_text_of(value))
        if number == 1:
            names = [c.strip().lower() for c in cells]
        lines.append(_csv_line(cells))
    if problems:
        raise _all_problems(where, problems, _UPLOAD_FIX)
    return "".join(lines)


def _text_of(value: Any) -> str:
    """A typed spreadsheet value as the text of a log cell (a whole float as a whole number)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return _cell(value.replace(microsecond=0))
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
def _restore_drafts(folder: Path, data: bytes, is_zip: bool, mode: str, report: ImportReport) -> ImportReport:
    """After an import, bring back the exercise drafts a zip holds (``drafts/*.json``, see drafts.py).

    A merge keeps the learner's own draft of an exercise; a replace writes the upload's over it.  A
    draft that cannot be read is left out and said, never a reason to undo the log's import.
    """
    if not is_zip:
        return report
    found, notes = _drafts.read_zip(data)
    try:
        written = _drafts.restore(found, folder=folder, replace=mode == "replace")
    except _drafts.DraftError as error:
        return dataclasses.replace(report, message=f"{report.message} {error}")
    extra = f" {_count(written, 'exercise draft')} came back too." if written else ""
    if notes:
        extra += f" Left out: {'; '.join(notes[:3])}."
    return dataclasses.replace(report, message=report.message + extra)
