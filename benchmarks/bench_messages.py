"""How well the message checks agree with a career coach's labels, on the tuning and the held-out part.

    .venv/bin/python benchmarks/bench_messages.py [--part tuning|tuning2|tuning3|tuning4|heldout|both]

The labelled messages live in ``tests/data/messages/``: ``tuning.json`` and ``tuning2.json`` to
``tuning4.json`` (the checks may be improved against them; the later batches were written and
labelled in round 2, before the checker was run on them, and are reported separately) and
``heldout.json`` (written and labelled before the checks changed; it is only read here, to measure,
and a test keeps it that way).  Each message
lists the checks a coach would fail; every other check of its kind passes.  Printed per check and
per kind: agreement, false alarms (a check fails where the coach would pass it) and misses (a check
passes where the coach would fail it); then the share of good messages with no false alarm, of bad
messages with at least one correct failure, of tone faults flagged, of form-letter groups judged right
(parts with note groups), and the time per message.

Goals on the held-out part: agreement per check >= 95% and none below 85%; >= 85% of good messages
without a false alarm; >= 97% of bad messages with a correct failure; >= 80% of tone faults
flagged; >= 95% of form-letter groups right.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run from anywhere: the worktree's package, not an installed one
    sys.path.insert(0, str(ROOT))

from followup_kit.messages import CHECK_IDS, TONE_CHECKS, check_message, compare_notes  # noqa: E402
from followup_kit.records import Interview  # noqa: E402

DATA = ROOT / "tests" / "data" / "messages"
#: The tuning part, the later tuning batches (tuning2.json, tuning3.json, … each reported on its own),
#: and the held-out part.
PARTS = {
    "tuning": DATA / "tuning.json",
    **{path.stem: path for path in sorted(DATA.glob("tuning[0-9]*.json"))},
    "heldout": DATA / "heldout.json",
}

GOAL_CHECK = 0.95
GOAL_CHECK_MIN = 0.85
GOAL_GOOD_CLEAN = 0.85
GOAL_BAD_CAUGHT = 0.97
GOAL_TONE = 0.80
GOAL_GROUPS = 0.95


def load(part: str) -> dict[str, Any]:
    """The part's interviews (as ``Interview``), messages and note groups, as stored."""
    data = json.loads(PARTS[part].read_text(encoding="utf-8"))
    data["interviews"] = {key: Interview(**value) for key, value in data["interviews"].items()}
    return data


def expected(entry: dict[str, Any]) -> dict[str, bool]:
    """Check id -> the coach's verdict: an explicit ``expect``, else every check passes but ``fails``."""
    if "expect" in entry:
        return dict(entry["expect"])
    fails = set(entry["fails"])
    unknown = fails - set(CHECK_IDS[entry["kind"]])
    if unknown:
        raise ValueError(f"{entry['id']}: {entry['kind']} has no check {sorted(unknown)}")
    return {check_id: check_id not in fails for check_id in CHECK_IDS[entry["kind"]]}


@dataclass
class Tally:
    """Agreement of one check (or kind) with the labels."""

    n: int = 0
    agree: int = 0
    false_alarms: int = 0  # failed, coach says pass
    misses: int = 0  # passed, coach says fail

    def add(self, want: bool, got: bool) -> None:
        self.n += 1
        self.agree += want == got
        self.false_alarms += want and not got
        self.misses += got and not want

    @property
    def rate(self) -> float:
        return self.agree / self.n if self.n else 1.0


@dataclass
class Report:
    """Everything the benchmark measures on one part of the corpus."""

    part: str
    by_check: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    overall: Tally = field(default_factory=Tally)
    good: int = 0
    good_clean: int = 0
    bad: int = 0
    bad_caught: int = 0
    tone: int = 0
    tone_flagged: int = 0
    groups: int = 0
    groups_right: int = 0
    seconds_per_message: float = 0.0
    mismatches: list[str] = field(default_factory=list)

    def goals(self) -> dict[str, tuple[float, float, bool]]:
        """Goal name -> (measured, target, met)."""
        rates = [t.rate for t in self.by_check.values()]
        mean = sum(rates) / len(rates) if rates else 1.0
        measured = {
            "mean agreement per check": (mean, GOAL_CHECK),
            "lowest agreement of a check": (min(rates, default=1.0), GOAL_CHECK_MIN),
        }
        # a batch with no bad messages, tone faults or note groups (tuning4…) has no such figure
        for name, hit, total, goal in (
            ("good messages with no false alarm", self.good_clean, self.good, GOAL_GOOD_CLEAN),
            ("bad messages with a correct failure", self.bad_caught, self.bad, GOAL_BAD_CAUGHT),
            ("tone faults flagged", self.tone_flagged, self.tone, GOAL_TONE),
            ("form-letter groups right", self.groups_right, self.groups, GOAL_GROUPS),
        ):
            if total:
                measured[name] = (hit / total, goal)
        return {name: (value, goal, value >= goal) for name, (value, goal) in measured.items()}


def run(part: str) -> Report:
    """Check every message and note group of the part against its labels."""
    data = load(part)
    interviews = data["interviews"]
    report = Report(part)
    started = time.perf_counter()
    for entry in data["messages"]:
        interview = interviews[entry["interview"]] if entry.get("interview") else None
        feedback = check_message(entry["text"], entry["kind"], interview)
        got = {c.id: c.passed for c in feedback.items}
        want = expected(entry)
        for check_id, verdict in want.items():
            report.by_check[check_id].add(verdict, got[check_id])
            report.by_kind[entry["kind"]].add(verdict, got[check_id])
            report.overall.add(verdict, got[check_id])
            if verdict != got[check_id]:
                advice = next(c.advice for c in feedback.items if c.id == check_id)
                report.mismatches.append(
                    f"{entry['id']} {entry['kind']:<18} {check_id:<23} want {verdict!s:<5} "
                    f"| {entry['text'][:60]!r} | {advice[:70]}"
                )
        if all(want.values()):
            report.good += 1
            report.good_clean += all(got[c] for c in want)
        else:
            report.bad += 1
            report.bad_caught += any(not want[c] and not got[c] for c in want)
        if entry.get("tone_fault"):
            report.tone += 1
            report.tone_flagged += any(not got[c] for c in TONE_CHECKS if c in got)
    messages = len(data["messages"])
    report.seconds_per_message = (time.perf_counter() - started) / max(messages, 1)
    for group in data["note_groups"]:
        interview = interviews[group["interview"]] if group.get("interview") else None
        result = compare_notes(group["notes"], interview=interview)
        report.groups += 1
        report.groups_right += result.form_letter == group["form_letter"]
        if result.form_letter != group["form_letter"]:
            report.mismatches.append(
                f"{group['id']} note group want form_letter={group['form_letter']} "
                f"(most alike {result.pairs[0][2]:.2f}) | {group['note']}"
            )
    return report


def table(report: Report) -> str:
    """The report as the plain-text table the README and the final report quote."""
    lines = [f"== {report.part}: {report.overall.n} labels on {report.good + report.bad} messages =="]
    lines.append(f"{'check':<26}{'n':>5}{'agree':>8}{'false alarms':>14}{'misses':>8}")
    for check_id in sorted(report.by_check):
        t = report.by_check[check_id]
        lines.append(f"{check_id:<26}{t.n:>5}{t.rate:>8.1%}{t.false_alarms:>14}{t.misses:>8}")
    lines.append(f"{'kind':<26}{'n':>5}{'agree':>8}{'false alarms':>14}{'misses':>8}")
    for kind in sorted(report.by_kind):
        t = report.by_kind[kind]
        lines.append(f"{kind:<26}{t.n:>5}{t.rate:>8.1%}{t.false_alarms:>14}{t.misses:>8}")
    t = report.overall
    lines.append(f"{'all checks':<26}{t.n:>5}{t.rate:>8.1%}{t.false_alarms:>14}{t.misses:>8}")
    lines.append(f"good messages with no false alarm:   {report.good_clean}/{report.good}")
    lines.append(f"bad messages with a correct failure: {report.bad_caught}/{report.bad}")
    lines.append(f"tone faults flagged:                 {report.tone_flagged}/{report.tone}")
    lines.append(f"form-letter groups judged right:     {report.groups_right}/{report.groups}")
    lines.append(f"time per message:                    {report.seconds_per_message * 1000:.2f} ms")
    for name, (value, goal, met) in report.goals().items():
        lines.append(f"goal {name}: {value:.1%} (target {goal:.0%}) {'met' if met else 'MISSED'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=(*PARTS, "both"), default="both")
    parser.add_argument(
        "--mismatches", action="store_true", help="list each disagreement (tuning parts only)"
    )
    args = parser.parse_args(argv)
    parts = tuple(PARTS) if args.part == "both" else (args.part,)
    for part in parts:
        report = run(part)
        print(table(report))
        if args.mismatches and part != "heldout":
            print("\n".join(report.mismatches))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
