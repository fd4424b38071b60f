"""Notebook 01's kernel logs interviews without pandas (issue 14: memory per learner on a hub).

A learner on a JupyterHub keeps a kernel per open notebook; pandas is about 35 MB of each. Notebook 01
(the log, the planner's next step, the demo Logbook) needs none, so the store and the planner import
pandas only where a frame is made or read, and the business-day calendar is numpy's (``busday_offset``),
which notebook 01 loads anyway (the planner's working days).  The tracker import view offers the .xlsx
template as the file shipped in the package, so openpyxl (about 0.5 CPU-seconds and 20 MB) loads only
when a learner's own spreadsheet is read.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

from followup_kit import planner, records, sample

ROOT = Path(__file__).resolve().parents[1]

#: What notebook 01 imports and does (its cells, as a learner runs them), then the heavy modules loaded.
NOTEBOOK_01 = """
import json, sys
from datetime import timedelta
from followup_kit import InterviewLog, Interview
from followup_kit.planner import next_step_after
from followup_kit.widgets import SAMPLE_NOW, Logbook
log = InterviewLog()
iid = log.add(Interview(company="Contoso", role="Analyst", held_at=SAMPLE_NOW - timedelta(days=3),
                        kind="video", interviewers=["Dana Whitfield"], outcome="rejected"))
book = Logbook(log, now=SAMPLE_NOW)
example = Logbook(demo=True, now=SAMPLE_NOW)
rejected = sorted((iv.held_at, i) for i, iv in example.interview_log.items() if iv.outcome == "rejected")
example.picker.value = rejected[-1][1]
step = next_step_after(log.get(iid), [], SAMPLE_NOW, country="GB")
from followup_kit.widgets import TrackerImport
TrackerImport(log).view
heavy = sorted(m for m in ("pandas", "matplotlib", "icalendar", "openpyxl") if m in sys.modules)
print(json.dumps({"heavy": heavy, "step": step.step is not None}))
"""


def test_notebook_01_needs_no_pandas(tmp_path):
    done = subprocess.run([sys.executable, "-c", NOTEBOOK_01], cwd=ROOT, capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT), "FOLLOWUP_KIT_LOG": str(tmp_path / "log"),
                               "HOME": str(tmp_path), "MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin"},
                          timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures == {"heavy": [], "step": True}  # the rejection's feedback call was planned, pandas-free


def test_the_working_days_count_as_pandas_custom_business_day_does():
    rnd = random.Random(14)
    masks = ["Mon Tue Wed Thu Fri", "Sun Mon Tue Wed Thu", "Mon Tue Wed Thu Fri Sat", "Wed",
             "Mon Tue Wed Thu Fri Sat Sun"]  # fmt: skip
    for _ in range(3000):
        mask = rnd.choice(masks)
        start = date(2025, 1, 1) + timedelta(days=rnd.randrange(700))
        days = tuple(sorted({start + timedelta(days=rnd.randrange(-5, 40)) for _ in range(rnd.randrange(8))}))
        n = rnd.randrange(12)
        offset = pd.offsets.CustomBusinessDay(weekmask=mask, holidays=list(days))
        ours = planner._offset(mask, days)
        moment = pd.Timestamp(start)
        assert ours.nth(start, n) == (moment + n * offset).date(), (mask, start, days, n)
        assert ours.roll(start) == offset.rollforward(moment).date()
        assert ours.is_working(start) == offset.is_on_offset(moment)


def test_the_planner_still_reads_the_log_frames_and_pandas_values():
    assert planner._missing(pd.NaT) and planner._missing(pd.NA) and planner._missing(float("nan"))
    assert not planner._missing([]) and not planner._missing("")
    assert planner._as_date("2026-03-06") == date(2026, 3, 6)
    assert planner._as_date(pd.Timestamp("2026-03-06 10:00")) == date(2026, 3, 6)


def test_the_sample_clock_is_the_committed_sample_export_day_at_nine():
    assert sample.SAMPLE_NOW is records.SAMPLE_NOW
    assert records.SAMPLE_NOW == datetime(2026, 11, 2, 9, 0)  # the day data/sample was exported
    assert sample.AS_OF.astype(date) == records.SAMPLE_NOW.date()
