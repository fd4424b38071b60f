"""followup-kit: coaching for what happens after a job interview.

The front door for notebooks: everything a lesson needs from the logic is importable from here (the
views from ``followup_kit.widgets``), and a test keeps notebooks from reaching past the two.  The
public names are loaded lazily, so ``import followup_kit`` costs no more
than the standard library; pandas, matplotlib and ipywidgets load only when a
log, chart or widget is first used.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "Interview": "records",
    "FollowUp": "records",
    "ValidationError": "records",
    "InterviewLog": "store",
    "open_sample_log": "store",
    "LogFileError": "store",
    "plan_followups": "planner",
    "Step": "planner",
    "RULES": "planner",
    "nudge_queue": "planner",
    "to_ics": "ics",
    "check_message": "messages",
    "Feedback": "messages",
    "compare_notes": "messages",
    "SOURCES": "sources",
    "cite": "sources",
    "KIND_NAMES": "messages",
    "hint": "lesson",
    "model_thank_you": "lesson",
    "practice_interview": "lesson",
    "run_preflight": "preflight",
    "session_notice": "preflight",
    "load_scenarios": "roleplay",
    "Call": "roleplay",
    "own_log_or_sample": "sample",
    "day_and_time": "wording",
    "plural": "wording",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'followup_kit' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"followup_kit.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
