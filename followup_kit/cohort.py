"""Anonymised participant summaries, and the coach's view of a folder of them.

A participant shares their habits with one call::

    from followup_kit import InterviewLog, cohort
    cohort.export_summary(InterviewLog(), "exports")   # -> exports/cohort-summary-p-3f9a0c12.json

The summary is one JSON file (with ``spreadsheet=True`` also a CSV twin of the same name beside it,
one row per follow-up, for a spreadsheet) that keeps only what the cohort charts need:

* per interview: its kind and outcome, numbered 1, 2, 3 ... (no id), and the number of its earlier
  round when it is a later round of one hiring process;
* per follow-up: which interview it follows, its channel and purpose, the hours
  from the interview to it, and the hours to the reply (or none).

It keeps **no** names, e-mail addresses, phone numbers, companies, roles,
notes, talking points, interviewer or contact fields, log ids, and no dates:
times are relative hours, rounded to a tenth.  The participant is a random id
(``p-`` and 8 hex digits from ``secrets``); pass the same id again to replace
an earlier export.

The coach loads a folder of summaries with ``load_cohort(folder)``, which
rebuilds frames the ``metrics`` and ``charts`` functions accept (each
interview placed at a fixed, meaningless date), so every dashboard chart works
on the whole cohort, plus ``cohort_table`` and ``on_time_chart`` by
participant.  Files that are not summaries are skipped with a warning that
names them; they never stop the others from loading.
"""

from __future__ import annotations

import csv
import html
import io
import json
import math
import os
import re
import secrets
import warnings
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from . import files, metrics, paths
from .records import CHANNELS, KINDS, OUTCOMES, PURPOSES, ValidationError
from .wording import plural

__all__ = [
    "EPOCH",
    "FILE_PREFIX",
    "FORMAT",
    "MAX_BYTES",
    "MAX_HOURS",
    "PARTICIPANT_FILE",
    "PARTICIPANT_ID",
    "SPREADSHEET_COLUMNS",
    "VERSION",
    "Cohort",
    "cohort_chart",
    "cohort_charts",
    "cohort_table",
    "export_summary",
    "is_spreadsheet_twin",
    "load_cohort",
    "load_summaries",
    "new_participant_id",
    "on_time_chart",
    "own_participant_id",
    "readable_table",
    "summarise",
    "summary_folder",
    "write_demo_summaries",
]

if TYPE_CHECKING:
    from matplotlib.figure import Figure

FORMAT = "followup-kit cohort summary"
VERSION = 1


def summary_folder() -> Path:
    """Where a summary goes by default: the coach's hand-in folder (``FOLLOWUP_KIT_HANDIN``) when set,
    else ``exports`` beside the learner's log (``paths.export_dir``)."""
    return paths.handin_dir() or paths.export_dir()
FILE_PREFIX = "cohort-summary-"
PARTICIPANT_ID = re.compile(r"p-[0-9a-f]{8}")
#: The fixed date every loaded interview is placed at: summaries hold relative hours only.
EPOCH = pd.Timestamp("2000-01-03 00:00")
#: Largest summary file accepted, in bytes (a summary of 5,000 interviews is well under this).
MAX_BYTES = 20_000_000
#: Largest hours value accepted in a summary: ten years.  A bigger one cannot be a real follow-up,
#: and one beyond pandas' time range would stop the whole cohort from loading.
MAX_HOURS = 10 * 366 * 24


def new_participant_id() -> str:
    """A random participant id such as ``p-3f9a0c12``."""
    return f"p-{secrets.token_hex(4)}"


#: The file beside the learner's log that keeps their participant id, so a second hand-in replaces the first.
PARTICIPANT_FILE = "participant-id.txt"


def own_participant_id(log_folder: str | os.PathLike[str] | None = None) -> str:
    """The learner's participant id: read from ``participant-id.txt`` in their log folder, or made and
    kept there, so handing in again (even in a new session) replaces the earlier file instead of
    counting the learner twice.  A damaged file gets a new id."""
    folder = paths.log_dir() if log_folder is None else Path(log_folder)
    path = folder / PARTICIPANT_FILE
    try:
        kept = path.read_text(encoding="utf-8").strip()
        if PARTICIPANT_ID.fullmatch(kept):
            return kept
    except (OSError, UnicodeDecodeError):
        pass
    made = new_participant_id()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(made + "\n", encoding="utf-8")
    except OSError:
        pass  # a read-only log folder still hands in, with an id for this session only
    return made


def _frames_of(source: Any) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(interviews, followups) from an InterviewLog, a log folder, or a pair of frames."""
    if isinstance(source, tuple) and len(source) == 2:
        return source
    if isinstance(source, (str, os.PathLike)):
        from .store import InterviewLog

        source = InterviewLog(source, read_only=True)
    if hasattr(source, "interviews") and hasattr(source, "followups"):
        return source.interviews(), source.followups()
    raise TypeError(
        f"expected an InterviewLog, a log folder or (interviews, followups), got {type(source).__name__}"
    )


def _hours(values: pd.Series) -> list[float | None]:
    return [None if math.isnan(v) else round(float(v), 1) for v in values.to_numpy(dtype=float)]


def _previous(iv: pd.DataFrame) -> list[Any]:
    """Each interview's earlier round (its ``previous_id``), or None; logs without rounds have none."""
    if "previous_id" not in iv.columns:
        return [None] * len(iv)
    return [None if pd.isna(v) else str(v) for v in iv["previous_id"]]


def summarise(interviews: pd.DataFrame, followups: pd.DataFrame, participant_id: str) -> dict[str, Any]:
    """The anonymised summary as a plain dict (what ``export_summary`` writes)."""
    iv, fu = metrics._prepare(interviews, followups)
    iv = iv.sort_values("held_at", kind="stable")
    number = pd.Series(np.arange(1, len(iv) + 1), index=iv["id"].to_numpy())
    held = fu["interview_id"].map(iv.set_index("id")["held_at"])
    after = (fu["at"] - held).dt.total_seconds() / 3600
    reply = (fu["response_at"] - fu["at"]).dt.total_seconds() / 3600
    fu_rows = [
        {"interview": int(n), "channel": str(c), "purpose": str(p), "hours_after_interview": a,
         "hours_to_response": r}
        for n, c, p, a, r in zip(fu["interview_id"].map(number).to_numpy(dtype="int64"), fu["channel"],
                                 fu["purpose"], _hours(after), _hours(reply), strict=True)
    ]  # fmt: skip
    fu_rows.sort(key=lambda row: (row["interview"], row["hours_after_interview"]))
    return {
        "format": FORMAT,
        "version": VERSION,
        "participant": participant_id,
        "interviews": [
            {"interview": int(n), "kind": str(k), "outcome": str(o),
             **({"previous": int(number[prev])} if isinstance(prev, str) and prev in number.index else {})}
            for n, k, o, prev in zip(number.to_numpy(), iv["kind"], iv["outcome"], _previous(iv), strict=True)
        ],
        "follow_ups": fu_rows,
    }


def export_summary(
    log_or_frames: Any,
    folder: str | os.PathLike[str] | None = None,
    participant_id: str | None = None,
    *,
    spreadsheet: bool = True,
) -> Path:
    """Write one anonymised summary of a log to ``folder`` (default ``summary_folder()``) and return
    its path.  The file is readable by everyone (mode 0644), so a coach's account can read it from a
    shared hand-in folder; it holds no names.

    ``log_or_frames`` is an ``InterviewLog``, a log folder, or ``(interviews,
    followups)`` frames.  ``participant_id`` defaults to a new random id; reuse
    your earlier one to replace your earlier file.  The file is written to a
    temporary name and swapped in, so a coach never reads half a summary.
    ``spreadsheet=True`` (the default) also writes its CSV twin (``cohort-summary-p-….csv``, see
    ``SPREADSHEET_COLUMNS``) for Excel or LibreOffice; ``load_cohort`` passes over twins.
    """
    if participant_id is None:
        participant_id = new_participant_id()
    if not isinstance(participant_id, str) or not PARTICIPANT_ID.fullmatch(participant_id):
        raise ValidationError(
            "participant_id", "a random id like p-3f9a0c12 (never a name), or nothing", participant_id
        )
    interviews, followups = _frames_of(log_or_frames)
    content = summarise(interviews, followups, participant_id)
    try:  # the coach's loader checks exactly this: a summary it would skip is never written
        _parse(_dump(content).encode("utf-8"))
    except _Bad as reason:
        error = ValidationError("anonymised summary", "one the coach's cohort view can read", str(reason))
        error.args = (
            f"Your anonymised summary was not written: the coach's cohort view would skip it, because "
            f"{reason}. Correct the log in notebook 01 first: an interview date mistyped by years "
            "(e.g. 1976 for 2026) puts a follow-up decades after it.",
        )
        raise error from None
    folder = summary_folder() if folder is None else Path(folder)
    if folder == paths.handin_dir() and not folder.is_dir():
        # the coach makes the hand-in folder (shared, writable by all); one made here nobody would read
        raise FileNotFoundError(2, "the coach's hand-in folder does not exist", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{FILE_PREFIX}{participant_id}.json"
    if spreadsheet:  # the same summary as a table, written first so the JSON never lacks its twin
        _write_shared(folder, target.with_suffix(".csv"), _spreadsheet(content))
    _write_shared(folder, target, _dump(content) + "\n")
    return target


def _write_shared(folder: Path, target: Path, text: str) -> None:
    """Swap in ``target`` in one step, readable by everyone whatever the umask (mode exactly 0644): the
    coach's account must read it (``files.write_atomic``)."""
    files.write_atomic(folder / target.name, text, mode=0o644, exact=True)


#: Columns of the spreadsheet twin (``cohort-summary-p-….csv``): one row per follow-up, and one for each
#: interview without any, so the file opens as a plain table in Excel, Numbers or LibreOffice.
SPREADSHEET_COLUMNS = ("participant", "interview", "kind", "outcome", "previous", "channel", "purpose",
                       "hours_after_interview", "hours_to_response")  # fmt: skip


def _spreadsheet(content: dict[str, Any]) -> str:
    """A summary as CSV text (a BOM so Excel reads UTF-8; only kinds, outcomes, numbers and the id)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(SPREADSHEET_COLUMNS)
    followed: dict[int, list[dict[str, Any]]] = {}
    for row in content["follow_ups"]:
        followed.setdefault(row["interview"], []).append(row)
    for iv in content["interviews"]:
        head = [content["participant"], iv["interview"], iv["kind"], iv["outcome"], iv.get("previous", "")]
        for fu in followed.get(iv["interview"], [{}]):
            hours = [fu.get(name) for name in ("hours_after_interview", "hours_to_response")]
            writer.writerow([*head, fu.get("channel", ""), fu.get("purpose", ""),
                             *("" if h is None else h for h in hours)])  # fmt: skip
    return "\ufeff" + out.getvalue()


def is_spreadsheet_twin(path: Path) -> bool:
    """A summary's CSV twin (``cohort-summary-p-3f9a0c12.csv``), which the coach's loader passes over."""
    stem = path.name.removeprefix(FILE_PREFIX).removesuffix(".csv")
    named = path.suffix == ".csv" and path.name.startswith(FILE_PREFIX)
    return named and bool(PARTICIPANT_ID.fullmatch(stem))


def _dump(content: dict[str, Any]) -> str:
    """JSON with one interview or follow-up per line, so a coach can read the file and see what is in it."""
    lines = ["{"]
    for key, value in content.items():
        if isinstance(value, list):
            rows = [f"  {json.dumps(row, ensure_ascii=True, allow_nan=False)}" for row in value]
            lines.append(f" {json.dumps(key)}: [" + ("\n" + ",\n".join(rows) + "\n ]," if rows else "],"))
        else:
            lines.append(f" {json.dumps(key)}: {json.dumps(value, ensure_ascii=True)},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}"


# -- the coach's side -------------------------------------------------------------------------


@dataclass
class Cohort:
    """Summaries loaded from a folder: frames for ``metrics``/``charts``, and what was skipped."""

    interviews: pd.DataFrame
    followups: pd.DataFrame
    participants: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one sentence per skipped file

    def __len__(self) -> int:
        return len(self.participants)

    @property
    def summary(self) -> str:
        """"3 participants: 169 interviews and 812 follow-ups.", plus how many files were skipped."""
        people = plural(len(self), "participant")
        text = f"{people}: {len(self.interviews):,} interviews and {len(self.followups):,} follow-ups."
        skipped = sum(p.startswith("Skipped ") for p in self.problems)
        if skipped:
            text += f" {plural(skipped, 'file')} skipped."
        return text

    def _repr_html_(self) -> str:
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
        heading = "Not loaded:" if any(p.startswith("Skipped ") for p in self.problems) else "Note:"
        listing = f"<p>{heading}</p><ul>{problems}</ul>" if problems else ""
        return f"<p><strong>{html.escape(self.summary)}</strong></p>{listing}"


class _Bad(Exception):
    """Why one file is not a usable summary (a sentence fragment)."""


def _check(condition: bool, reason: str) -> None:
    if not condition:
        raise _Bad(reason)


def _number(value: Any, name: str, *, optional: bool = False) -> float:
    if value is None and optional:
        return math.nan
    ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    ok = ok and math.isfinite(value) and 0 <= value <= MAX_HOURS
    _check(ok, f"{name} should be a number of hours from 0 to {MAX_HOURS:,}, not {value!r}")
    return float(value)


def _parse(data: bytes) -> dict[str, Any]:
    """A summary's content, checked field by field; raises ``_Bad`` with the first problem."""
    _check(len(data) <= MAX_BYTES, f"it is {len(data) / 1e6:.0f} MB, too large to be a summary")
    try:
        content = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _Bad("it is not text (UTF-8)") from None
    except json.JSONDecodeError as error:
        raise _Bad(f"it is not valid JSON ({error.msg} at line {error.lineno})") from None
    is_summary = isinstance(content, dict) and content.get("format") == FORMAT
    _check(is_summary, "it is not a followup-kit cohort summary")
    version = content.get("version")
    _check(isinstance(version, int) and 1 <= version <= VERSION,
           f"it has format version {version!r}; this kit reads up to version {VERSION}")  # fmt: skip
    participant = content.get("participant")
    _check(isinstance(participant, str) and bool(PARTICIPANT_ID.fullmatch(participant)),
           f"its participant id {participant!r} is not of the form p-3f9a0c12")  # fmt: skip
    interviews, followups = content.get("interviews"), content.get("follow_ups")
    _check(isinstance(interviews, list) and isinstance(followups, list),
           "it lacks its interviews or follow-ups")  # fmt: skip
    numbers = set()
    for row in interviews:
        _check(isinstance(row, dict), "an interview entry is not a record")
        _check(isinstance(row.get("interview"), int) and not isinstance(row.get("interview"), bool),
               f"interview number {row.get('interview')!r} is not a whole number")  # fmt: skip
        _check(row["interview"] not in numbers, f"interview number {row['interview']} appears twice")
        numbers.add(row["interview"])
        _check(row.get("kind") in KINDS,
               f"interview kind {row.get('kind')!r} is not one of {', '.join(KINDS)}")  # fmt: skip
        _check(row.get("outcome") in OUTCOMES,
               f"interview outcome {row.get('outcome')!r} is not one of {', '.join(OUTCOMES)}")  # fmt: skip
    for row in interviews:
        earlier = row.get("previous")
        known = isinstance(earlier, int) and earlier in numbers and earlier != row["interview"]
        _check(earlier is None or known,
               f"interview {row['interview']} names an earlier round {earlier!r} that the file does not list")
    for row in followups:
        _check(isinstance(row, dict), "a follow-up entry is not a record")
        _check(row.get("interview") in numbers, f"a follow-up refers to interview {row.get('interview')!r}, "
               "which the file does not list")  # fmt: skip
        _check(row.get("channel") in CHANNELS, f"follow-up channel {row.get('channel')!r} is unknown")
        _check(row.get("purpose") in PURPOSES, f"follow-up purpose {row.get('purpose')!r} is unknown")
        _number(row.get("hours_after_interview"), "hours_after_interview")
        _number(row.get("hours_to_response"), "hours_to_response", optional=True)
    return content


def _frames_from(summaries: list[dict[str, Any]]) -> tuple[pd.DataFrame, pd.DataFrame]:
    iv_rows: dict[str, list] = {"id": [], "participant": [], "held_at": [], "kind": [], "outcome": [],
                                "previous_id": []}
    fu_rows: dict[str, list] = {k: [] for k in ("id", "interview_id", "participant", "channel", "purpose")}
    after, reply = [], []
    for content in summaries:
        who = content["participant"]
        for row in content["interviews"]:
            iv_rows["id"].append(f"{who}/{row['interview']}")
            iv_rows["participant"].append(who)
            iv_rows["kind"].append(row["kind"])
            iv_rows["outcome"].append(row["outcome"])
            earlier = row.get("previous")
            iv_rows["previous_id"].append(None if earlier is None else f"{who}/{earlier}")
        for i, row in enumerate(content["follow_ups"], start=1):
            fu_rows["id"].append(f"{who}/f{i}")
            fu_rows["interview_id"].append(f"{who}/{row['interview']}")
            fu_rows["participant"].append(who)
            fu_rows["channel"].append(row["channel"])
            fu_rows["purpose"].append(row["purpose"])
            after.append(float(row["hours_after_interview"]))
            waited = row.get("hours_to_response")
            reply.append(math.nan if waited is None else float(waited))
    iv_rows["held_at"] = [EPOCH] * len(iv_rows["id"])
    interviews = pd.DataFrame(iv_rows).astype(
        {"id": "str", "participant": "str", "held_at": "datetime64[us]", "kind": "str", "outcome": "str",
         "previous_id": "str"}
    )
    at = EPOCH + pd.to_timedelta(np.asarray(after, dtype=float), unit="h")
    followups = pd.DataFrame(fu_rows).astype("str")
    followups["at"] = pd.Series(at, dtype="datetime64[us]").dt.round("s")
    waits = pd.to_timedelta(np.asarray(reply, dtype=float), unit="h")
    followups["response_at"] = (followups["at"] + waits).dt.round("s")
    return interviews, followups


def load_cohort(folder: str | os.PathLike[str]) -> Cohort:
    """Every summary in ``folder`` as one cohort; other files are skipped with a warning naming them.

    Hidden files and sub-folders are ignored.  A file that is not a summary, is
    damaged, or repeats a participant already loaded is listed in
    ``Cohort.problems`` (one sentence each) and in a ``UserWarning``.
    """
    cohort = load_summaries(folder)
    if cohort.problems:
        warnings.warn(" ".join(cohort.problems), UserWarning, stacklevel=2)
    return cohort


def load_summaries(
    folder: str | os.PathLike[str] | None = None, files: Iterable[tuple[str, bytes]] = ()
) -> Cohort:
    """The summaries in ``folder`` (if any) plus uploaded ``files`` (name, bytes), as one cohort.

    What the coach's cohort view calls on every Refresh: it never warns or raises for a bad file,
    it lists it in ``Cohort.problems``.  A participant in both the folder and an upload counts once
    (the folder's copy, the newer hand-in, wins).
    """
    problems: list[str] = []
    summaries: list[dict[str, Any]] = []
    seen: dict[str, str] = {}

    def take(name: str, read: Any) -> None:
        try:
            content = _parse(read())
            who = content["participant"]
            _check(who not in seen, f"it repeats participant {who}, already loaded from {seen.get(who)}")
            seen[who] = name
            summaries.append(content)
        except _Bad as reason:
            problems.append(f"Skipped {name}: {reason}.")
        except OSError as error:
            problems.append(f"Skipped {name}: it cannot be read ({error.strerror}).")

    if folder is not None:
        folder = Path(folder)
        if not folder.is_dir():
            problems.append(
                f"The folder {folder} does not exist yet; put the participants' summary files there."
            )
        else:
            for path in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")
                               and not is_spreadsheet_twin(p)):
                take(path.name, lambda path=path: _read_small(path))
    for name, data in files:
        take(f"{name} (uploaded)", lambda data=data: bytes(data))
    interviews, followups = _frames_from(summaries)
    return Cohort(interviews, followups, [c["participant"] for c in summaries], problems)


def _read_small(path: Path) -> bytes:
    size = path.stat().st_size
    _check(size <= MAX_BYTES, f"it is {size / 1e6:.0f} MB, too large to be a summary")
    return path.read_bytes()


def cohort_table(cohort: Cohort) -> pd.DataFrame:
    """One row per participant: interviews, share thanked within 24 h, median hours to the first
    thank-you, follow-ups, share of follow-ups answered, status checks and offers.

    Counted as in ``metrics``: each interview once, by its first thank-you;
    each follow-up once.
    """
    iv, fu = cohort.interviews, cohort.followups
    timing = metrics.time_to_follow_up(iv, fu)
    timing["participant"] = iv["participant"].to_numpy()
    per_iv = timing.groupby("participant", sort=False).agg(
        interviews=("interview_id", "size"),
        within_24h=("hours", lambda h: float((h <= metrics.THANK_YOU_HOURS).mean())),
        median_hours_to_thank_you=("hours", "median"),
    )
    per_fu = fu.assign(answered=fu["response_at"].notna(), check=fu["purpose"] == "status_check")
    per_fu = per_fu.groupby("participant", sort=False).agg(
        follow_ups=("id", "size"), replied=("answered", "mean"), status_checks=("check", "sum")
    )
    offers = (iv["outcome"] == "offer").groupby(iv["participant"], sort=False).sum().rename("offers")
    table = per_iv.join(per_fu, how="left").join(offers, how="left")
    table = table.reindex(cohort.participants)
    table["follow_ups"] = table["follow_ups"].fillna(0).astype("int64")
    table["status_checks"] = table["status_checks"].fillna(0).astype("int64")
    table["interviews"] = table["interviews"].fillna(0).astype("int64")
    table["offers"] = table["offers"].fillna(0).astype("int64")
    table.index.name = "participant"
    return table.reset_index().astype({"participant": "str"})[
        ["participant", "interviews", "within_24h", "median_hours_to_thank_you", "follow_ups", "replied",
         "status_checks", "offers"]
    ]  # fmt: skip


def readable_table(cohort: Cohort) -> pd.DataFrame:
    """``cohort_table`` with plain column names and formatted numbers, for a projector or Voila."""
    table = cohort_table(cohort)

    def pct(value: float) -> str:
        return "-" if pd.isna(value) else f"{value:.0%}"

    def hours(value: float) -> str:
        return "-" if pd.isna(value) else f"{value:.0f} h"

    return pd.DataFrame(
        {
            "Participant": table["participant"],
            "Interviews": table["interviews"],
            "Thanked within 24 h": table["within_24h"].map(pct),
            "Median time to thank-you": table["median_hours_to_thank_you"].map(hours),
            "Follow-ups": table["follow_ups"],
            "Follow-ups answered": table["replied"].map(pct),
            "Status checks": table["status_checks"],
            "Offers": table["offers"],
        }
    ).set_index("Participant")


def on_time_chart(cohort: Cohort, *, large: bool = False) -> Figure:
    """Share of each participant's interviews thanked within 24 h (seeds 000, 001), one bar each."""
    from . import charts

    table = cohort_table(cohort)
    table = table[table["interviews"] > 0]
    if table.empty:
        return charts._no_data(large, "cohort")
    fig, (ax,), size = charts._figure(large, caption=True)
    rows = table.iloc[::-1]
    bars = ax.barh(rows["participant"], rows["within_24h"] * 100, color=charts.OKABE_ITO["bluish_green"])
    ax.bar_label(bars, labels=[f"{s:.0%} of {n:,}" for s, n in zip(rows["within_24h"], rows["interviews"],
                                                                 strict=True)],
                 padding=4, fontsize=size["note"])  # fmt: skip
    ax.set_xlim(0, 125)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("Interviews thanked within 24 h (%)", fontsize=size["label"])
    ax.set_ylabel("Participant (random id)", fontsize=size["label"])
    low, high = table["within_24h"].min(), table["within_24h"].max()
    n = len(table)
    if n == 1:
        title = f"The one participant thanked {low:.0%} of interviews within 24 h"
    else:
        title = f"Thank-yous within 24 h ranged from {low:.0%} to {high:.0%} across {n} participants"
    parts = [f"{p} {s:.0%} of {i:,}" for p, s, i in zip(table["participant"], table["within_24h"],
                                                         table["interviews"], strict=True)]  # fmt: skip
    alt = (
        "Bar chart of the share of interviews thanked within 24 hours per participant: "
        + ", ".join(parts) + f" ({charts.RULE_CAPTION})."
    )  # fmt: skip
    caption = f"Each interview counted once, by its first thank-you. {charts.RULE_CAPTION}."
    return charts._finish(fig, title, alt, size, caption=caption)


def cohort_chart(cohort: Cohort, index: int, *, large: bool = False) -> Figure:
    """The coach's chart ``index``: 0 is thank-you timing per participant, 1-5 the dashboard's charts
    pooled (the view draws one at a time, when its tab is opened)."""
    if index == 0:
        return on_time_chart(cohort, large=large)
    from . import charts

    chart = charts.DASHBOARD_CHARTS[index - 1]
    return chart(cohort.interviews, cohort.followups, large=large, owner="the cohort's")


def cohort_charts(cohort: Cohort, *, large: bool = False) -> list[Figure]:
    """The coach's charts: thank-you timing per participant, then the five dashboard charts pooled."""
    from . import charts

    return [cohort_chart(cohort, index, large=large) for index in range(1 + len(charts.DASHBOARD_CHARTS))]


def write_demo_summaries(folder: str | os.PathLike[str], seeds: tuple[int, ...] = (1, 2, 3)) -> list[Path]:
    """Summaries of synthetic logs (``sample.generate``), one per seed, for trying the cohort view.

    Sizes and participant ids follow from the seeds, so the demo is the same every time.
    """
    from . import sample

    paths = []
    for seed in seeds:
        rng = np.random.default_rng(seed)
        interviews, followups = sample.generate(int(rng.integers(25, 70)), seed=seed)
        participant = f"p-{int(rng.integers(0, 2**32)):08x}"
        paths.append(export_summary((interviews, followups), folder, participant_id=participant))
    return paths
