"""Thin ipywidgets views over the kit: they call the logic and hold none of it.

The front door for notebooks' views: every view a lesson shows is importable from here, loaded
lazily, so ``import followup_kit.widgets`` does not import ipywidgets until a view is used (and
``import followup_kit`` never does).
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "Logbook": "logbook",
    "UploadControl": "upload",
    "TrackerImport": "tracker_import",
    "PlaceView": "place",
    "PlanView": "plan",
    "SAMPLE_NOW": "..records",  # from the logic, so a demo Logbook imports neither the plan view nor numpy
    "rules_html": "plan",
    "disagreements_html": "plan",
    "DashboardView": "dashboard",
    "SummaryExport": "dashboard",
    "Exercise": "exercise",
    "Card": "exercise",
    "practice_card": "exercise",
    "Rehearsal": "rehearsal",
    "TimedRehearsal": "rehearsal",
    "CompareNotes": "rehearsal",
    "solution_on_demand": "rehearsal",
    "RolePlay": "roleplay",
    "reply_exercise": "roleplay",
    "QuizView": "quiz",
    "sources_html": "sources",
    "cohort_view": "cohort",
    "CohortView": "cohort",
    "projector_page": "projector",  # the function ``projector.projector``: its module has the same name
    "ProjectorView": "projector",
}

#: Exported names that differ from the attribute in their module (a function named like its module
#: would be shadowed by the module once it is imported).
_ATTRIBUTE = {"projector_page": "projector"}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'followup_kit.widgets' has no attribute {name!r}")
    where = f"followup_kit.{module[2:]}" if module.startswith("..") else f"followup_kit.widgets.{module}"
    value = getattr(importlib.import_module(where), _ATTRIBUTE.get(name, name))
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
