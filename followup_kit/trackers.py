"""Bring in a job-search tracker's file: LinkedIn, Huntr, Teal, the kit's template or any sheet.

A learner who already tracks applications elsewhere uploads that file; ``read_tracker`` recognises its
layout by the header row (``LAYOUTS``), maps its columns to the log's fields and its statuses to the
kit's outcomes (Rejected -> ``rejected``, Offer -> ``offer``, …), and returns a ``TrackerPreview``:
one ``TrackerRow`` per row, what could not be mapped, and the questions to answer before importing.

Nothing is invented.  A file that holds only an application date (LinkedIn's ``Application Date``,
Huntr's ``Date Applied``) says so, and each row asks for the interview's date and time: the plan
times the thank-you from the interview (within 24 hours, seed 000) and the call from the decision
day (seed 003), so midnight of the application day would put both in the wrong place.  Dates like
``3/6/2026`` are read day/month or month/day as the file itself shows (a part above 12), as the
layout is known to write them (LinkedIn writes US dates), or as the learner answers (``day_first``);
``2026-03-13junk`` is not a date.  A layout nobody recognised gets ``guess_mapping`` and a
column-mapping step in the widget (``widgets/tracker_import.py``).

``import_rows`` writes the rows that have an interview time into a log in one atomic merge (through
``InterviewLog.import_file``), with ids made from the tracker row, so importing the same file again
adds nothing twice.  ``template_csv`` and ``template_xlsx`` give a documented template
(``TEMPLATE_COLUMNS``: required columns marked, date formats) that ``read_tracker`` reads back.

The public layouts were taken from files other people published, noted on each ``Layout``; the
samples in ``tests/data/trackers/`` were typed by hand in those layouts, with no real person's data.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from . import wording
from .records import MAX_YEAR, MIN_YEAR, OUTCOME_WORDS, Interview, ValidationError
from .sources import cite
from .wording import FIELD_LABELS, plural

if TYPE_CHECKING:
    from .store import ImportReport, InterviewLog

__all__ = [
    "FIELDS",
    "LAYOUTS",
    "REQUIRED",
    "STATUS_OUTCOMES",
    "TEMPLATE_COLUMNS",
    "Layout",
    "TrackerError",
    "TrackerPreview",
    "TrackerRow",
    "guess_mapping",
    "import_rows",
    "parse_time",
    "read_tracker",
    "template_csv",
    "template_xlsx",
]

#: The fields a tracker column can fill, with how the learner reads them: a field of the log's records by
#: the form's own label (``wording.FIELD_LABELS``), the tracker's own columns by theirs.
FIELDS = {
    "company": FIELD_LABELS["company"],
    "role": FIELD_LABELS["role"],
    "interview_date": "Interview date (or date and time)",
    "interview_time": "Interview time",
    "applied_on": "Application date",
    "status": "Status",
    **{name: FIELD_LABELS[name] for name in ("contact", "contact_email", "contact_phone", "interviewers",
                                             "kind", "decision_by", "notes")},
    "url": "Job link",
}
#: A row needs these (the interview date and time can be given in the preview instead).
REQUIRED = ("company", "role")
#: Largest tracker file read, and most rows: a tracker of a whole search is far smaller.
MAX_BYTES = 5_000_000
MAX_ROWS = 5_000

#: Tracker statuses (lower case) and the kit's outcome each one means; ``None``: no interview yet.
STATUS_OUTCOMES: dict[str, str | None] = {
    "rejected": "rejected", "not selected": "rejected", "declined": "rejected", "turned down": "rejected",
    "offer": "offer", "offered": "offer", "offer received": "offer", "negotiating": "offer",
    "accepted": "offer", "hired": "offer",
    "withdrawn": "withdrawn", "withdrew": "withdrawn", "i withdrew": "withdrawn",
    "no response": "no_response", "ghosted": "no_response", "archived": "no_response",
    "interview": "pending", "interviewing": "pending", "interviewed": "pending", "phone screen": "pending",
    "screening": "pending", "on-site": "pending", "onsite": "pending", "final round": "pending",
    "pending": "pending", "waiting": "pending",
    "next round": "next_round", "second interview": "next_round",
    "applied": None, "applying": None, "wishlist": None, "bookmarked": None, "saved": None,
}  # fmt: skip


@dataclass(frozen=True)
class Layout:
    """A tracker's file layout: the headers that identify it and which header fills which field."""

    name: str
    signature: tuple[str, ...]  # every one of these headers (lower case) is in the file
    columns: dict[str, tuple[str, ...]]  # field -> headers that fill it (lower case), first found wins
    source: str  # where the layout was seen
    month_first: bool | None = None  # how the tracker writes 3/6/2026, when it is known
    ignored: dict[str, str] = field(default_factory=dict)  # header -> why it is not imported


LINKEDIN = Layout(
    "LinkedIn data export (Job Applications.csv)",
    ("application date", "company name", "job title", "job url"),
    {"applied_on": ("application date",), "company": ("company name",), "role": ("job title",),
     "url": ("job url",)},  # fmt: skip
    # Header seen in several public importers' tests of LinkedIn's "Get a copy of your data" archive
    # (Jobs/Job Applications.csv), with dates such as "11/20/24, 8:15 AM".
    "the header of LinkedIn's Jobs/Job Applications.csv as published importers test it; US dates",
    month_first=True,
    ignored={
        "contact email": "your own email, sent with the application",
        "contact phone number": "your own phone, sent with the application",
        "resume name": "the CV you sent", "question and answers": "the screening questions",
    },  # fmt: skip
)
HUNTR = Layout(
    "Huntr export",
    ("list",),
    {"company": ("company", "employer", "company name"), "role": ("title", "job title", "position"),
     "status": ("list",), "applied_on": ("date applied", "applied date", "date saved"),
     "url": ("url", "job url"), "notes": ("notes", "description")},  # fmt: skip
    # The observation of a Huntr export (Company,Title,List,Date Applied,…) and a published
    # importer's test of another Huntr header (Employer,Job Title,List,URL,Location,Salary,Date Saved,Notes).
    "Huntr's board export: a List column holds the board's list (Wishlist, Applied, Interview, …)",
)
TEAL = Layout(
    "Teal export",
    ("company name", "job title", "status"),
    {"company": ("company name",), "role": ("job title",), "status": ("status",),
     "applied_on": ("date applied", "applied date", "application date"),
     "interview_date": ("interview date",), "url": ("job url", "url"), "notes": ("notes",),
     "contact": ("contact", "contact name")},  # fmt: skip
    # A published importer's test of Teal's job tracker export (Company Name,Job Title,Status,Job URL,…).
    "Teal's job tracker export as a published importer tests it",
)
#: The kit's own template (``TEMPLATE_COLUMNS``): every field has its column.
TEMPLATE = Layout(
    "followup-kit template",
    ("company", "role", "interview date", "interview time"),
    {"company": ("company",), "role": ("role",), "interview_date": ("interview date",),
     "interview_time": ("interview time",), "kind": ("kind",), "interviewers": ("interviewers",),
     "contact": ("contact",), "contact_email": ("contact email",), "contact_phone": ("contact phone",),
     "status": ("status",), "decision_by": ("decision by",), "notes": ("notes",),
     "applied_on": ("application date",)},  # fmt: skip
    "this kit's template (template_csv / template_xlsx)",
)
#: Checked in this order: the first whose signature the header holds is the file's layout.
LAYOUTS = (TEMPLATE, LINKEDIN, TEAL, HUNTR)

#: Header words a sheet nobody recognised may use for each field (for ``guess_mapping``).
_GUESSES: dict[str, tuple[str, ...]] = {
    "company": ("company", "employer", "organisation", "organization", "firm"),
    "role": ("role", "job title", "title", "position", "job"),
    "interview_date": ("interview date", "interview", "interviewed on", "date of interview"),
    "interview_time": ("interview time", "time"),
    "applied_on": ("date applied", "applied", "application date", "date"),
    "status": ("status", "stage", "outcome", "result", "list"),
    "contact": ("contact", "recruiter", "hiring manager"),
    "contact_email": ("email", "e-mail"),
    "contact_phone": ("phone", "telephone", "mobile"),
    "interviewers": ("interviewers", "interviewer"),
    "kind": ("kind", "type", "format"),
    "decision_by": ("decision by", "decision", "hear back by"),
    "notes": ("notes", "comments", "note"),
    "url": ("url", "link", "job link"),
}

#: The template: (column, required, what it holds).
TEMPLATE_COLUMNS = (
    ("Company", True, "The employer's name."),
    ("Role", True, "The job title."),
    ("Interview date", True, "2026-03-06 (or 06/03/2026 or 3/6/2026: the file's dates tell the order)."),
    ("Interview time", True, "10:00 or 2:30 PM, in your own time zone."),
    ("Kind", False, "phone, video or in person."),
    ("Interviewers", False, "Names, separated by ; ."),
    ("Contact", False, "Whom to call about the decision."),
    ("Contact email", False, "priya@example.com"),
    ("Contact phone", False, "07700 900123 or +44 7700 900123 (kept as text)."),
    ("Status", False, "Interviewing, Offer, Rejected, Withdrawn or No response."),
    ("Decision by", False, "The date they said they would decide, like 2026-03-13."),
    ("Notes", False, "Anything else."),
    ("Application date", False, "When you applied (not used for the plan)."),
)


class TrackerError(ValueError):
    """A tracker file that cannot be read at all; the message says what to do."""


@dataclass(frozen=True)
class TrackerRow:
    """One row of a tracker file as the log would take it; ``held_at`` is None until a time is given."""

    number: int  # the row in the file (the header is row 1)
    company: str
    role: str
    held_at: datetime | None
    outcome: str
    status: str  # as written in the file
    applied_on: date | None = None
    values: dict[str, Any] = field(default_factory=dict)  # the other Interview fields found
    problems: tuple[str, ...] = ()  # what stops this row (besides a missing interview time)
    no_interview_yet: bool = False  # its status says it was not interviewed (Applied, Wishlist, …)

    @property
    def needs_time(self) -> bool:
        """True when the file gave no interview date and time for this row: the learner is asked."""
        return self.held_at is None

    @property
    def ready(self) -> bool:
        return not self.problems and self.held_at is not None


@dataclass(frozen=True)
class TrackerPreview:
    """What a tracker file holds, before anything is written: for the preview table and its questions."""

    filename: str
    layout: Layout | None  # None: nobody recognised it; ``mapping`` is a guess to confirm
    headers: tuple[str, ...]
    mapping: dict[str, str]  # field -> the file's header
    rows: tuple[TrackerRow, ...]
    unmapped: tuple[str, ...]  # headers not imported, each with why
    notes: tuple[str, ...]  # what the learner should know (only application dates, kind not in the file…)
    date_question: str | None = None  # set when dates like 3/6/2026 could be either order
    unknown_statuses: tuple[str, ...] = ()

    @property
    def needs_mapping(self) -> bool:
        """True when the layout was not recognised or company/role have no column yet."""
        return self.layout is None or any(name not in self.mapping for name in REQUIRED)

    @property
    def waiting_for_times(self) -> list[TrackerRow]:
        return [row for row in self.rows if row.needs_time and not row.problems]

    def with_times(self, times: dict[int, datetime | None]) -> TrackerPreview:
        """The preview with interview times given by the learner (row number -> date and time)."""
        rows = []
        for row in self.rows:
            given = times.get(row.number)
            if given is not None and row.held_at is None and not row.problems:
                row = replace(row, held_at=given.replace(second=0, microsecond=0))
                try:
                    _record(row)
                except ValidationError as error:
                    row = replace(row, problems=(str(error),))
            rows.append(row)
        return replace(self, rows=tuple(rows))

    def summary(self) -> str:
        """One paragraph: the layout, the counts, and what is asked."""
        kind = self.layout.name if self.layout else "a sheet whose layout was not recognised"
        ready = sum(row.ready for row in self.rows)
        parts = [f"{self.filename}: {kind}, {_count(len(self.rows), 'row')}; {ready} ready to import"]
        waiting = len(self.waiting_for_times)
        if waiting:
            parts.append(f"{waiting} need the interview's date and time")
        bad = sum(bool(row.problems) for row in self.rows)
        if bad:
            parts.append(f"{bad} cannot be imported as they are")
        return "; ".join(parts) + "."

    def table(self) -> list[list[str]]:
        """The preview rows as text cells: row, company, role, interview, outcome, status, what is missing."""
        out = []
        for row in self.rows:
            when = wording.when(row.held_at) if row.held_at else "— (give it below)"
            if row.needs_time and row.applied_on:
                when = f"— applied {wording.dated(row.applied_on)}; give the interview's date and time"
            missing = "; ".join(row.problems) or ("needs the interview time" if row.needs_time else "ready")
            out.append([str(row.number), row.company, row.role, when, OUTCOME_WORDS[row.outcome],
                        row.status or "—", missing])  # fmt: skip
        return out

    def _repr_html_(self) -> str:
        items = "".join(f"<li>{html.escape(note)}</li>" for note in self.notes + self.unmapped)
        return f"<p>{html.escape(self.summary())}</p><ul>{items}</ul>"


# -- reading a file ---------------------------------------------------------------------------


def read_tracker(
    data: bytes,
    filename: str,
    *,
    mapping: dict[str, str] | None = None,
    day_first: bool | None = None,
) -> TrackerPreview:
    """Read a tracker's CSV or XLSX, recognise its layout and map it; writes nothing.

    ``mapping`` (field -> header) overrides the layout's, for the column-mapping step; ``day_first``
    answers the preview's ``date_question``.  Raises ``TrackerError`` for a file that is not a table.
    """
    headers, body = _table_of(bytes(data), filename)
    lowered = [h.strip().lower() for h in headers]
    layout = next((lay for lay in LAYOUTS if set(lay.signature) <= set(lowered)), None)
    if mapping is None:
        mapping = _layout_mapping(layout, headers) if layout else guess_mapping(headers)
    else:
        unknown = [h for h in mapping.values() if h not in headers]
        if unknown:
            raise TrackerError(f"{filename} has no column named {unknown[0]!r}; pick one of its columns.")
        mapping = {name: header for name, header in mapping.items() if header and name in FIELDS}
    index = {name: headers.index(header) for name, header in mapping.items()}

    def cell(cells: list[str], name: str) -> str:
        column = index.get(name)
        return cells[column].strip() if column is not None and column < len(cells) else ""

    date_cells = [cell(c, n) for _, c in body for n in ("interview_date", "applied_on", "decision_by")]
    month_first, question = _date_order(date_cells, layout, day_first)
    rows = []
    unknown_statuses: list[str] = []
    for number, cells in body:
        if not any(c.strip() for c in cells):
            continue
        rows.append(_row(number, cells, cell, month_first, unknown_statuses))
    if question is not None:  # nothing is imported on a guess of the date order
        wait = "say above whether dates are day/month or month/day"
        rows = [replace(row, problems=(*row.problems, wait)) for row in rows]
    notes = _notes(mapping, rows, layout)
    used = set(mapping.values())
    ignored = layout.ignored if layout else {}
    unmapped = tuple(
        f"Column {h!r} is not imported ({ignored.get(h.strip().lower(), 'the log has no field for it')})."
        for h in headers if h.strip() and h not in used
    )  # fmt: skip
    if unknown_statuses:
        unmapped += (
            "Statuses the kit does not know were logged as waiting to hear: "
            + ", ".join(repr(s) for s in dict.fromkeys(unknown_statuses)) + ".",
        )
    return TrackerPreview(
        filename, layout, tuple(headers), dict(mapping), tuple(rows), unmapped, tuple(notes), question,
        tuple(dict.fromkeys(unknown_statuses)),
    )


def _table_of(data: bytes, filename: str) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the numbered rows of a CSV (any of , ; tab) or of an XLSX's first sheet."""
    if not data:
        raise TrackerError(f"{filename} is empty; export your tracker again and upload that file.")
    if len(data) > MAX_BYTES:
        raise TrackerError(f"{filename} is larger than a tracker can be ({MAX_BYTES / 1e6:.0f} MB).")
    if data[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        rows = _xlsx_rows(data, filename)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # an older Excel's plain "CSV" is Windows-1252
            except UnicodeDecodeError:
                raise TrackerError(f"{filename} is not text; save it as CSV UTF-8 and upload it.") from None
        if text.startswith("ï»¿"):
            raise TrackerError(
                f"{filename} starts with 'ï»¿': this looks like UTF-8 read as Windows-1252, so save it again "
                "as UTF-8 (in Excel: Save As, 'CSV UTF-8') and upload it again."
            )
        first = text.split("\n", 1)[0]
        delimiter = max((",", ";", "\t"), key=first.count)
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        except csv.Error as error:
            raise TrackerError(f"{filename} cannot be read as CSV ({error}).") from None
    if not rows or not any(h.strip() for h in rows[0]):
        raise TrackerError(f"{filename} has no header row; its first row should name the columns.")
    if len(rows) > MAX_ROWS + 1:
        raise TrackerError(f"{filename} has more than {MAX_ROWS:,} rows; split it and import each part.")
    headers = [h.strip() for h in rows[0]]
    _refuse_mojibake(filename, rows)
    return headers, [(number, row) for number, row in enumerate(rows[1:], start=2)]


_MOJIBAKE = re.compile("[ÂÃ][\u00a0-\u00bf]|â€")


def _refuse_mojibake(filename: str, rows: list[list[str]]) -> None:
    """Refuse a file whose UTF-8 text was read as Windows-1252 and saved again ("Ã©" for "é")."""
    for number, row in enumerate(rows, start=1):
        for cell in row:
            if not _MOJIBAKE.search(cell):
                continue
            try:
                meant = cell.encode("cp1252").decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            raise TrackerError(
                f"{filename}, row {number}, has {cell[:40]!r} (it would read {meant[:40]!r}): this looks "
                "like UTF-8 read as Windows-1252, so save it again as UTF-8 (in Excel: Save As, 'CSV UTF-8') "
                "and upload it again."
            )


def _xlsx_rows(data: bytes, filename: str) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TrackerError(f"{filename} is not a readable .xlsx workbook ({type(error).__name__}).") from None
    try:
        sheet = book.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_xlsx_text(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        book.close()


def _xlsx_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M") if value.time() != time(0) else value.strftime("%Y-%m-%d")
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _layout_mapping(layout: Layout, headers: list[str]) -> dict[str, str]:
    lowered = {h.strip().lower(): h for h in headers}
    mapping = {}
    for name, candidates in layout.columns.items():
        found = next((lowered[c] for c in candidates if c in lowered), None)
        if found is not None:
            mapping[name] = found
    return mapping


def guess_mapping(headers: list[str] | tuple[str, ...]) -> dict[str, str]:
    """A first guess of which header fills which field, for a layout nobody recognised: exact header
    words first, then a header containing them; each header fills at most one field."""
    lowered = [(h, h.strip().lower()) for h in headers if h.strip()]
    mapping: dict[str, str] = {}
    taken: set[str] = set()
    for exact in (True, False):
        for name, words in _GUESSES.items():
            if name in mapping:
                continue
            for word in words:
                found = next((h for h, low in lowered if h not in taken
                              and (low == word if exact else word in low)), None)  # fmt: skip
                if found is not None:
                    mapping[name] = found
                    taken.add(found)
                    break
    return mapping


# -- dates and statuses ----------------------------------------------------------------------------

_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_HALF = r"(?:\s*([AaPp])\.?[Mm]\.?)"  # AM / PM / a.m. / p.m.
_SLASH = re.compile(
    r"(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2})(?:(?:,\s*|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?" + _HALF + "?)?"
)
_TIME = re.compile(r"(\d{1,2})[:.](\d{2})(?::\d{2})?" + _HALF + r"?|(\d{1,2})" + _HALF)


def _date_order(cells: list[str], layout: Layout | None, day_first: bool | None) -> tuple[bool, str | None]:
    """Whether 3/6/2026 is month first, and the question to ask when nothing tells."""
    firsts = seconds = False
    example = None
    for text in cells:
        match = _SLASH.fullmatch(text)
        if match and match[2] == "/":
            example = example or text
            firsts |= int(match[1]) > 12
            seconds |= int(match[3]) > 12
    if day_first is not None:
        return not day_first, None
    if firsts != seconds:
        return seconds, None
    if layout is not None and layout.month_first is not None:
        return layout.month_first, None
    if example is None:
        return False, None
    return False, (
        f"Dates like {example!r} could be day/month or month/day: say which this file uses, so no date "
        "is read the wrong way round."
    )


def _when(text: str, month_first: bool) -> tuple[date | None, time | None] | None:
    """A cell's date and optional time; None when it is not a date (nothing may follow it)."""
    text = text.strip()
    match = _ISO.fullmatch(text)
    try:
        if match:
            day = date(int(match[1]), int(match[2]), int(match[3]))
            clock = time(int(match[4]), int(match[5])) if match[4] else None
            return day, clock
        match = _SLASH.fullmatch(text)
        if match:
            first, _, second, year, hour, minute, _, half = match.groups()
            month, day_ = (first, second) if month_first and match[2] == "/" else (second, first)
            year = f"20{year}" if len(year) == 2 else year
            day = date(int(year), int(month), int(day_))
            clock = _clock(int(hour), int(minute), half) if hour else None
            if hour and clock is None:
                return None
            return day, clock
    except ValueError:
        return None
    return None


def _clock(hour: int, minute: int, half: str | None) -> time | None:
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half.lower() == "p" else 0)
    try:
        return time(hour, minute)
    except ValueError:
        return None


def parse_time(text: str) -> time | None:
    """A time of day as a tracker or the learner writes it: "10:00", "9.30", "2:30 PM", "2pm"; None if not."""
    match = _TIME.fullmatch(text.strip())
    if not match:
        return None
    if match[4]:
        return _clock(int(match[4]), 0, match[5])
    return _clock(int(match[1]), int(match[2]), match[3])


def status_outcome(status: str) -> tuple[str, bool, bool]:
    """(outcome, known, interviewed) for a tracker's status; an unknown one is "pending", not known."""
    key = " ".join(status.strip().lower().replace("_", " ").split())
    if not key:
        return "pending", True, True
    if key in STATUS_OUTCOMES:
        outcome = STATUS_OUTCOMES[key]
        return (outcome or "pending"), True, outcome is not None
    return "pending", False, True


# -- one row ----------------------------------------------------------------------------------------


def _row(number: int, cells: list[str], cell: Any, month_first: bool, unknown: list[str]) -> TrackerRow:
    problems: list[str] = []
    company, role = cell(cells, "company"), cell(cells, "role")
    if not company:
        problems.append("no company")
    if not role:
        problems.append("no role")
    status = cell(cells, "status")
    outcome, known, interviewed = status_outcome(status)
    if not known:
        unknown.append(status)

    def date_of(name: str, label: str) -> tuple[date | None, time | None]:
        text = cell(cells, name)
        if not text:
            return None, None
        found = _when(text, month_first)
        if found is None:
            problems.append(f"{label}: {text!r} is not a date like 2026-03-13 or 3/13/2026")
            return None, None
        day, clock = found
        if not MIN_YEAR <= day.year <= MAX_YEAR:
            problems.append(f"{label}: a date between {MIN_YEAR} and {MAX_YEAR}, not {text!r}")
            return None, None
        return day, clock

    interview_day, clock = date_of("interview_date", "interview date")
    applied_on, _ = date_of("applied_on", "application date")
    decision_by, _ = date_of("decision_by", "decision by")
    time_text = cell(cells, "interview_time")
    if time_text:
        clock = parse_time(time_text)
        if clock is None:
            problems.append(f"interview time: {time_text!r} is not a time like 10:00 or 2:30 PM")
    held_at = datetime.combine(interview_day, clock) if interview_day and clock else None
    if interview_day and not clock and not time_text:
        problems.append("interview time: the file gives the interview's day but not its time")
    values: dict[str, Any] = {
        "contact": cell(cells, "contact"),
        "contact_email": cell(cells, "contact_email") or None,
        "contact_phone": cell(cells, "contact_phone") or None,
        "interviewers": [n.strip() for n in re.split(r"[;\n]", cell(cells, "interviewers")) if n.strip()],
        "decision_by": decision_by,
        "notes": "\n".join(filter(None, [cell(cells, "notes"), cell(cells, "url")])),
    }
    kind = cell(cells, "kind").lower().replace(" ", "_").replace("-", "_")
    if kind:
        synonyms = {"onsite": "in_person", "on_site": "in_person", "phone_screen": "phone"}
        values["kind"] = synonyms.get(kind, kind)
    row = TrackerRow(number, company, role, held_at, outcome, status, applied_on, values, tuple(problems),
                     not interviewed)  # fmt: skip
    if held_at is not None and not problems:  # the record checks every other field now, not at import
        try:
            _record(row)
        except ValidationError as error:
            row = replace(row, problems=(str(error),))
    return row


def _notes(mapping: dict[str, str], rows: list[TrackerRow], layout: Layout | None) -> list[str]:
    notes = []
    if "interview_date" not in mapping and rows:
        applied = f" ({mapping['applied_on']})" if "applied_on" in mapping else ""
        notes.append(
            f"This file has only application dates{applied}, not when you were interviewed: give each "
            "interview's date and time below. Nothing is set to midnight, because the plan times the "
            f"thank-you and the call from the interview ({cite('seed000', 'seed003')})."
        )
    if any(row.no_interview_yet for row in rows):
        notes.append(
            "Rows whose status says you have not been interviewed yet (Applied, Wishlist, Saved) are "
            "imported only if you give an interview time."
        )
    if "kind" not in mapping and rows:
        notes.append("The file does not say phone, video or in person: each is logged as in person; "
                     "change it in the form above.")  # fmt: skip
    if layout is None:
        notes.append("The layout was not recognised: check which column is the company, the role and the "
                     "dates before importing.")  # fmt: skip
    return notes


# -- into the log --------------------------------------------------------------------------------------


def _row_id(row: TrackerRow) -> str:
    """An id from what the row is (not where it sits), so importing the same tracker again adds nothing."""
    parts = [row.company.casefold(), row.role.casefold(), str(row.applied_on), f"{row.held_at:%Y%m%d%H%M}"]
    key = "|".join(parts)
    return "iv-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]


def _record(row: TrackerRow) -> Interview:
    """The row as an ``Interview`` (raises ``ValidationError`` naming the field)."""
    return Interview(row.company, row.role, row.held_at, outcome=row.outcome, **row.values)


def import_rows(log: InterviewLog, preview: TrackerPreview) -> ImportReport:
    """Merge every ready row into ``log`` in one atomic change; rows without an interview time or with a
    problem are left out and counted in the report's message."""
    from .store import interviews_csv  # the log's own format, so the import checks it as any upload

    ready = [row for row in preview.rows if row.ready]
    if not ready:
        raise ValidationError("rows", "at least one row with its interview date and time", "none")
    data = interviews_csv([(_row_id(row), _record(row)) for row in ready])
    report = log.import_file(data, f"{preview.filename} (tracker)", mode="merge")
    left = len(preview.rows) - len(ready)
    if left:
        report = replace(report, message=report.message + f" {_count(left, 'row')} left out: no interview "
                         "time given, or a problem shown in the preview.")  # fmt: skip
    return report


# -- the template ---------------------------------------------------------------------------------------

_EXAMPLE = ["Northwind Traders", "Data Analyst", "2026-03-06", "10:00", "video", "Dana Whitfield; Raj Patel",
            "Priya Natarajan", "priya@example.com", "07700 900123", "Interviewing", "2026-03-13",
            "Asked about the SQL test.", "2026-02-20"]  # fmt: skip


def template_csv() -> bytes:
    """The template as CSV (a BOM for Excel): header (required columns are the first four), one example
    row; ``TEMPLATE_COLUMNS`` documents each column."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([name for name, _, _ in TEMPLATE_COLUMNS])
    writer.writerow(_EXAMPLE)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


#: The .xlsx template as shipped in the package, written by ``build_template_xlsx`` (``python3 tasks.py
#: template``; a test keeps it equal to what the builder makes now).  Reading the file instead of building
#: it keeps openpyxl (about 0.5 CPU-seconds and 20 MB) out of every kernel that only offers the download.
TEMPLATE_XLSX = "followup-kit-template.xlsx"


def template_xlsx() -> bytes:
    """The template as an .xlsx (see ``build_template_xlsx``): the shipped file's bytes."""
    from importlib import resources

    return resources.files("followup_kit").joinpath("data", TEMPLATE_XLSX).read_bytes()


def build_template_xlsx() -> bytes:
    """Build the template as an .xlsx: the sheet to fill (text columns typed as text), and a second sheet
    'About' listing each column, whether it is required, and its format."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "interviews"
    for column, (name, required, _) in enumerate(TEMPLATE_COLUMNS, start=1):
        head = sheet.cell(row=1, column=column, value=name)
        head.font = Font(bold=required)
        body = sheet.cell(row=2, column=column, value=_EXAMPLE[column - 1])
        body.data_type = "s"
        sheet.column_dimensions[head.column_letter].width = 20
        for row in range(2, 201):
            sheet.cell(row=row, column=column).number_format = "@"  # typed values stay text: 07700…
    about = book.create_sheet("About")
    about.append(["Column", "Required", "What it holds"])
    for name, required, what in TEMPLATE_COLUMNS:
        about.append([name, "required" if required else "optional", what])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


_count = plural  # the kit's one pluraliser (wording.plural)
