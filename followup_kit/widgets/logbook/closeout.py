"""The logbook's close-out: the outcome, when it was heard, and the next step after it.

The next step is the planner's (``next_step_after``); this view only words it.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ... import wording
from ...planner import next_step_after
from ...records import Interview, ValidationError
from ...store import ConflictError
from .._common import MEDIUM, STYLE, WIDE, button, labelled, shown_in, status_html
from ._guard import _guarded
from ._shared import _PICKER, FIELD_LABELS, OUTCOME_OPTIONS, Section, _shown, _when

if TYPE_CHECKING:
    from . import Logbook

__all__ = ["CloseoutSection"]


class CloseoutSection(Section):
    """The close-out of a ``Logbook`` (``book``), which holds the log and what is picked."""

    def __init__(self, book: Logbook) -> None:
        self.book = book
        self.outcome_picker = labelled(
            widgets.Dropdown(options=[], description="Interview", style=STYLE, layout=WIDE), "fk-outcome-pick"
        )
        self.outcome = labelled(
            widgets.Dropdown(options=OUTCOME_OPTIONS, value="pending", description="Outcome", style=STYLE,
                             layout=MEDIUM),
            "fk-outcome",
        )
        self.outcome_at = labelled(
            widgets.NaiveDatetimePicker(description="When you heard", style=STYLE, layout=_PICKER),
            "fk-outcome-at",
        )
        self.outcome_button = button("Save the outcome", "fk-outcome-save", style="primary")
        self.next_round_button = button("Log the next round in the form", "fk-next-round")
        self.next_round_button.layout.display = "none"
        self.next_round_button.on_click(self.start_next_round)
        self.next_step = labelled(widgets.HTML(layout=WIDE), "fk-next-step")
        self.closeout_status = labelled(widgets.HTML(layout=WIDE), "fk-closeout-status")
        self.outcome_picker.observe(lambda change: self.book._pick(change["new"]), names="value")
        self.outcome_button.on_click(self.save_outcome)
        super().__init__(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>Close out: the outcome</h4>"),
                self.outcome_picker,
                self.outcome,
                widgets.HBox([self.outcome_at, self.outcome_button]),
                self.closeout_status,
                self.next_step,
                self.next_round_button,
            ]
        )
        self.add_class("fk-closeout")

    def show(self, iid: str | None, interview: Interview | None) -> None:
        """The picked interview: its outcome, when it was heard (else now), and the next step."""
        if interview is not None:
            self.outcome.value = interview.outcome
            self.next_round_button.layout.display = "flex" if interview.outcome == "next_round" else "none"
        self.outcome_at.value = (interview.outcome_at if interview is not None and interview.outcome_at
                                 else self.book._clock())
        self._draw_next_step(iid)

    def _draw_next_step(self, iid: str | None) -> None:
        interview = self.book._interview(iid)
        if interview is None:
            self.next_step.value = ""
            return
        text = self._next_step_text(iid, interview)  # type: ignore[arg-type]
        self.next_step.value = text

    def _next_step_text(self, iid: str, interview: Interview) -> str:
        """The planner's next step after the outcome (``planner.next_step_after``), as HTML."""
        assumed = " The next step below assumes no follow-ups."
        with shown_in(self.closeout_status, assumed, kind="warning") as guard:
            done = self.book.interview_log.followup_items(iid)
        if guard.failed:
            done = []
        nxt = next_step_after(interview, done, self.book._clock(), interview_id=iid,
                              **self.book._place().planner_options())
        if nxt.practice:
            parts = []
            step = nxt.step
            if step is not None:
                state = "done" if step.status == "done" else f"due {_when(step.due)} ({step.status})"
                parts.append(
                    f"<p><strong>Next: {html.escape(step.action)}</strong>, {html.escape(state)}.<br>"
                    f"Why: {html.escape(step.why)}<br><small>Rule {html.escape(step.rule)}; source: "
                    f"{html.escape(step.source)}</small></p>"
                )
            parts.append(
                f"<p>{html.escape(nxt.practice)} in <code>{html.escape(nxt.notebook)}</code> "
                f"({html.escape(nxt.exercise)}).</p>"
            )
            return "<div role='note' class='fk-next' style='line-height:1.45'>" + "".join(parts) + "</div>"
        advice = nxt.advice
        if nxt.next_round is not None:
            advice += (" Press Log the next round in the form to add it, linked to this one, so only the "
                       "latest round gets a status call.")
        return status_html("info", advice)

    @_guarded("closeout_status")
    def save_outcome(self, _button: Any = None) -> None:
        """Set the outcome of the picked interview; the next step appears below."""
        self.book._writable()
        found = self.book._picked_interview(self.closeout_status)
        if found is None:
            return
        iid, interview = found
        outcome = self.outcome.value
        heard = self.outcome_at.value
        if outcome != "pending" and heard is None:
            raise ValidationError("outcome_at", "the date and time you heard (press Save again after "
                                  "picking it)", heard)
        changed = interview.with_outcome(outcome, heard)
        try:
            self.book.interview_log.update(
                iid, base=interview, outcome=changed.outcome, outcome_at=changed.outcome_at
            )
        except ConflictError as conflict:
            self.book.refresh()
            self.book._pick(iid)
            lines = "; ".join(f"{FIELD_LABELS.get(n, n)}: {_shown(t)} there → {_shown(y)} here"
                              for n, t, y in conflict.changes)
            self.closeout_status.value = status_html(
                "error",
                f"Not saved: the outcome was set in another tab or notebook meanwhile ({lines}). The view "
                "now shows it; press Save the outcome again to save yours over it.",
            )
            return
        self.book.form_section.outcome_saved(iid, changed)  # the form follows, if it holds this one
        self.book.refresh()
        self.book._pick(iid)
        word = dict((v, k) for k, v in OUTCOME_OPTIONS)[outcome]
        when = "" if changed.outcome_at is None else f", heard {wording.when(changed.outcome_at)}"
        self.closeout_status.value = status_html("ok", f"Saved: {interview.label} is now '{word}'{when}.")

    @_guarded("closeout_status")
    def start_next_round(self, _button: Any = None) -> None:
        """Fill the form for the next round of the picked interview's process, linked to it."""
        found = self.book._picked_interview(self.closeout_status)
        if found is None:
            return
        iid, interview = found
        self.book.form_section.start_round_after(iid, interview)
