"""Smoke script run by ``tests/test_wheel.py`` inside a fresh venv where only the built wheel is installed.

It must not import anything from a checkout: it checks that the kit found is the installed one, then uses
what a JupyterHub admin's learners use first: the sample log, the planner, every role-play scenario, a
chart and every widget.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path


def main() -> None:
    os.environ["MPLBACKEND"] = "Agg"
    os.environ["FOLLOWUP_KIT_LOG"] = tempfile.mkdtemp(prefix="learner-log-")
    import followup_kit
    from followup_kit import open_sample_log, plan_followups

    where = Path(followup_kit.__file__).resolve()
    assert "site-packages" in where.parts, f"the kit came from {where}, not from the installed wheel"

    sample = open_sample_log()
    items = sample.items()
    assert len(items) == 72, len(items)
    interview_id, interview = items[-1]
    steps = plan_followups(interview, sample.followup_items(interview_id), now=datetime(2026, 12, 2, 9, 0))
    assert steps, "the planner gave no steps for a sample interview"

    from followup_kit.roleplay import load_scenarios

    scenarios = load_scenarios()
    assert len(scenarios) == 7, sorted(scenarios)

    from followup_kit import charts

    figures = charts.dashboard_charts(sample.interviews(), sample.followups())
    assert len(figures) == 5 and charts.to_png(figures[0]).startswith(b"\x89PNG")

    from followup_kit.lesson import SolutionGate, model_thank_you
    from followup_kit.widgets.dashboard import SummaryExport, dashboard
    from followup_kit.widgets.logbook import Logbook
    from followup_kit.widgets.place import PlaceView
    from followup_kit.widgets.plan import PlanView
    from followup_kit.widgets.quiz import QuizView
    from followup_kit.widgets.rehearsal import CompareNotes, Rehearsal, TimedRehearsal, solution_on_demand
    from followup_kit.widgets.roleplay import RolePlay
    from followup_kit.widgets.sources import sources_html

    now = datetime(2026, 12, 2, 9, 0)
    built = [
        Logbook(now=now),
        Logbook(demo=True, now=now),
        PlanView(now=now),
        dashboard(sample),
        SummaryExport(),
        PlaceView(),
        QuizView(),
        Rehearsal("status_call_opener", interview),
        TimedRehearsal("status_call_opener", interview, live_clock=False),
        CompareNotes(["Ana Silva", "Ben Okafor"]),
        RolePlay(scenarios),
        solution_on_demand(SolutionGate(model_thank_you(interview, interview.interviewers[0]))),
    ]
    assert "<table" in sources_html()
    print(f"installed kit OK: {len(items)} sample interviews, {len(steps)} steps, "
          f"{len(scenarios)} scenarios, {len(figures)} charts, {len(built)} widgets from {where.parent}")


if __name__ == "__main__":
    main()
    sys.exit(0)
