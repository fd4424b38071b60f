"""The logbook's form: every field of an interview, Save (a new one or only the changes), two-tab conflicts.

A refused field gets a ⚠ in its label, a tint, the ``fk-invalid`` hook and, through
``dom.DomBridge``, ``aria-invalid`` on its input; *Save changes* writes only the fields changed
since the interview was loaded, based on that version (``InterviewLog.update(base=)``).
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING, Any

import ipywidgets as widgets

from ...records import INTERVIEW_FIELDS, Interview, ValidationError, ValidationErrors
from ...store import ConflictError, UnknownIdError
from .._common import MEDIUM, STYLE, WIDE, Confirm, button, interview_options, labelled, status_html
from ..dom import DomBridge
from ._guard import _guarded
from ._shared import (
    _FIRST_ROUND,
    _PARAGRAPH,
    FIELD_LABELS,
    KIND_OPTIONS,
    OUTCOME_OPTIONS,
    Section,
    _shown,
    text_input,
)

if TYPE_CHECKING:
    from . import Logbook

__all__ = ["FormSection"]


class FormSection(Section):
    """The form of a ``Logbook`` (``book``), which holds the log and what is picked."""

    def __init__(self, book: Logbook) -> None:
        self.book = book
        self.editing: str | None = None
        #: The interview as it was when loaded into the form: what a save is based on.
        self._loaded: Interview | None = None
        self._build_fields()
        self.save_button = button("Save interview", "fk-save", style="primary")
        self.clear_button = button("Clear the form", "fk-clear")
        self.form_status = labelled(widgets.HTML(status_html("info", ""), layout=WIDE), "fk-form-status")
        self.conflict_box = Confirm("fk-conflict-box", "fk-conflict-overwrite", "fk-conflict-reload")
        #: aria-invalid on the inputs marked fk-invalid, and Edit in the form's focus on Company.
        self.form_bridge = DomBridge(".fk-form")
        help_text = widgets.HTML(
            f"<p style='{_PARAGRAPH};color:#444'>Interviewers: separate names with commas. "
            "Talking points: one per line. Give the decision date <em>or</em> the number of business days "
            "they named, if they gave one: the planner times your call from it. A second or later round: "
            "pick the earlier one under <em>Earlier round</em>, so only the latest round gets a call.</p>"
        )
        self.save_button.on_click(self.save)
        self.clear_button.on_click(lambda _b: self.clear_form())
        self.form_inputs = [
            self.company, self.role, self.held_date, self.held_time, self.kind, self.interviewers,
            self.contact, self.contact_email, self.contact_phone, self.decision_by, self.decision_days,
            self.agency_contact, self.agency_email, self.agency_phone, self.previous, self.talking_points,
            self.form_outcome, self.notes,
        ]
        super().__init__(
            [
                widgets.HTML("<h4 style='margin:0.3em 0'>Log an interview</h4>"),
                self.form_mode,
                *self.form_inputs,
                help_text,
                widgets.HBox([self.save_button, self.clear_button]),
                self.form_status,
                self.conflict_box,
                self.form_bridge,
            ]
        )
        self.add_class("fk-form")
        self._show_form_mode()


    def _build_fields(self) -> None:
        """Every input of the form, labelled as ``FIELD_LABELS`` names it (required ones with *)."""
        self.form_mode = labelled(widgets.HTML(), "fk-form-mode")
        self.company = text_input("Company *", "fk-company", "e.g. Northwind Traders (required)")
        self.role = text_input("Role *", "fk-role", "e.g. Data Analyst (required)")
        self.held_date = labelled(
            widgets.DatePicker(description="Date of the interview *", style=STYLE, layout=MEDIUM),
            "fk-held-date",
        )
        self.held_time = labelled(
            widgets.TimePicker(description="Time it started *", style=STYLE, layout=MEDIUM), "fk-held-time"
        )
        self.kind = labelled(
            widgets.Dropdown(options=KIND_OPTIONS, value="in_person", description="Kind of interview",
                             style=STYLE, layout=MEDIUM),
            "fk-kind",
        )
        self.interviewers = text_input(
            "Interviewers", "fk-interviewers", "names, separated by commas: Dana Whitfield, Raj Patel"
        )
        self.contact = text_input("Your contact", "fk-contact", "whom to ask, by name: e.g. Priya Natarajan")
        self.contact_email = text_input("Contact's email", "fk-contact-email", "e.g. priya@example.com")
        self.contact_phone = text_input("Contact's phone", "fk-contact-phone", "e.g. 07700 900123")
        self.decision_by = labelled(
            widgets.DatePicker(description="They decide by", style=STYLE, layout=MEDIUM), "fk-decision-by"
        )
        self.decision_days = text_input(
            "Hear in N business days", "fk-decision-days", "e.g. 3 (empty if they gave no number)"
        )
        self.agency_contact = text_input(
            "Agency contact", "fk-agency-contact", "your staffing manager, if you applied through an agency"
        )
        self.agency_email = text_input("Agency email", "fk-agency-email", "your staffing manager's email")
        self.agency_phone = text_input("Agency phone", "fk-agency-phone", "your staffing manager's phone")
        self.previous = labelled(
            widgets.Dropdown(options=[_FIRST_ROUND], value="", description="Earlier round", style=STYLE,
                             layout=WIDE),
            "fk-previous-round",
        )
        self.talking_points = labelled(
            widgets.Textarea(
                description="Talking points",
                placeholder="one per line: what you discussed, what you'd add",
                rows=3,
                style=STYLE,
                layout=WIDE,
            ),
            "fk-talking-points",
        )
        self.form_outcome = labelled(
            widgets.Dropdown(options=OUTCOME_OPTIONS, value="pending", description="Outcome", style=STYLE,
                             layout=MEDIUM),
            "fk-form-outcome",
        )
        self.notes = labelled(
            widgets.Textarea(description="Notes", rows=3, style=STYLE, layout=WIDE), "fk-notes"
        )

    def _show_form_mode(self) -> None:
        if self.editing is None:
            self.form_mode.value = "<p style='margin:0'><strong>New interview</strong></p>"
            self.save_button.description = "Save interview"
        else:
            interview = self.book._interview(self.editing)
            label = interview.label if interview is not None else self.editing
            self.form_mode.value = (
                f"<p style='margin:0'><strong>Editing:</strong> {html.escape(label)} "
                "(press Clear the form to log a new one instead)</p>"
            )
            self.save_button.description = "Save changes"
        self.save_button.tooltip = self.save_button.description

    def form_interview(self) -> Interview:
        """The interview the form describes, validated; a ``ValidationError`` (``ValidationErrors`` when
        several) names every bad field, and those inputs are marked in the form."""
        day, start = self.held_date.value, self.held_time.value
        held = datetime.combine(day, start) if day is not None and start is not None else None
        try:
            interview = Interview(
                company=self.company.value,
                role=self.role.value,
                held_at=held,  # type: ignore[arg-type]
                kind=self.kind.value,
                interviewers=self.interviewers.value.split(","),
                contact=self.contact.value,
                contact_email=self.contact_email.value,
                contact_phone=self.contact_phone.value,
                decision_by=self.decision_by.value,
                decision_in_business_days=self.decision_days.value,
                agency_contact=self.agency_contact.value,
                agency_email=self.agency_email.value,
                agency_phone=self.agency_phone.value,
                talking_points=self.talking_points.value,
                notes=self.notes.value,
                **self._form_round(),
                **self._form_outcome(),
            )
        except ValidationError as error:
            found = getattr(error, "problems", [error])
            problems = [self._plain(problem, held, day, start) for problem in found]
            self._mark_invalid({problem.field for problem in problems})
            raise (ValidationErrors(problems) if len(problems) > 1 else problems[0]) from None
        self._mark_invalid(set())
        return interview

    @staticmethod
    def _plain(problem: ValidationError, held: Any, day: Any, start: Any) -> ValidationError:
        """A missing date or time said as what to pick, not as a type the learner never sees."""
        if problem.field == "held_at" and held is None and day is not None:
            return ValidationError("held_at", "the time it started as well, like 10:00", start)
        if problem.field == "held_at" and held is None:
            return ValidationError("held_at", "the day of the interview (pick a date)", day)
        return problem

    def _mark_invalid(self, fields: set[str]) -> None:
        """Mark the inputs of ``fields`` (a tinted box and a ⚠ in the label) and unmark the others."""
        for field, controls in self._field_controls().items():
            for control in controls:
                bad = field in fields
                base = control.description.removesuffix(" ⚠")
                control.description = base + " ⚠" if bad else base
                if bad:
                    control.add_class("fk-invalid")
                else:
                    control.remove_class("fk-invalid")
                if "background" in control.style.keys:
                    control.style.background = "#fde8e8" if bad else None

    def _field_controls(self) -> dict[str, list[widgets.Widget]]:
        return {
            "company": [self.company], "role": [self.role], "held_at": [self.held_date, self.held_time],
            "kind": [self.kind], "interviewers": [self.interviewers], "contact": [self.contact],
            "contact_email": [self.contact_email], "contact_phone": [self.contact_phone],
            "decision_by": [self.decision_by], "decision_in_business_days": [self.decision_days],
            "agency_contact": [self.agency_contact], "agency_email": [self.agency_email],
            "agency_phone": [self.agency_phone], "talking_points": [self.talking_points],
            "notes": [self.notes],
        }

    def _form_round(self) -> dict[str, Any]:
        """round and previous_id from the Earlier round menu (round 1 when none is picked)."""
        previous = self.book._interview(self.previous.value) if self.previous.value else None
        if previous is None:
            return {"round": 1, "previous_id": None}
        return previous.next_round(self.previous.value)

    def _form_outcome(self) -> dict[str, Any]:
        """outcome and when it was heard: kept from the interview being edited while the outcome is
        unchanged, else now (the learner's clock)."""
        outcome = self.form_outcome.value
        loaded = self._loaded if self.editing else None
        if loaded is not None and loaded.outcome == outcome:
            return {"outcome": outcome, "outcome_at": loaded.outcome_at}
        return {"outcome": outcome, "outcome_at": None if outcome == "pending" else self.book._clock()}

    @_guarded("form_status")
    def save(self, _button: Any = None) -> str | None:
        """Save the form: a new interview, or the changes to the one being edited; returns its id."""
        self.book._writable()
        self.conflict_box.dismiss()
        if self.editing is None and self._form_blank() and "fk-status-ok" in self.form_status.value:
            # a second click of a double-click: the first saved and emptied the form; keep its message
            return None
        interview = self.form_interview()
        if self.editing is not None:
            return self._save_edit(interview, overwrite=False)
        iid = self.book.interview_log.add(interview)
        self.clear_form(keep_status=True)
        self.book.refresh()
        self.book._pick(iid)
        message = f"Saved: {interview.label}. It is in your log on disk now."
        self.form_status.value = status_html("ok", message)
        return iid

    def _save_edit(self, interview: Interview, *, overwrite: bool) -> str | None:
        """Save only the fields the learner changed in the form since loading it (so a close-out or a
        change made in another tab meanwhile is kept); a field changed both here and elsewhere is a
        conflict the learner settles (see ``_conflict``), unless ``overwrite``."""
        iid, loaded = self.editing, self._loaded
        assert iid is not None and loaded is not None
        changes = {
            name: getattr(interview, name)
            for name in INTERVIEW_FIELDS
            if getattr(interview, name) != getattr(loaded, name)
        }
        if iid not in self.book.interview_log:  # deleted since it was loaded: offer to save it as new
            self.editing, self._loaded = None, None
            self._show_form_mode()
            self.book.refresh()
            self.form_status.value = status_html(
                "error",
                f"{interview.label} is no longer in your log (deleted in another tab or notebook?), so "
                "nothing was saved. The form still holds it: press Save interview to log it again.",
            )
            return None
        try:  # (deleted in the instant since the check above: the guard says so and reloads)
            before = self.book.interview_log.get(iid)
            if changes:
                self.book.interview_log.update(iid, base=None if overwrite else loaded, **changes)
        except ConflictError as conflict:
            self._conflict(iid, interview, conflict)
            return None
        kept = [FIELD_LABELS[name] for name in INTERVIEW_FIELDS
                if getattr(before, name) != getattr(loaded, name) and name not in changes]
        self.book.refresh()
        self.book._pick(iid)
        self.load(iid)  # the form now shows what is saved, theirs included
        if not changes:
            message = f"Nothing was changed in the form, so there was nothing to save: {interview.label}."
            self.form_status.value = status_html("info", message)
            return iid
        message = f"Saved changes: {self._loaded.label if self._loaded else interview.label}."
        if kept:
            message += f" Kept what was changed elsewhere meanwhile: {', '.join(kept)}."
        self.form_status.value = status_html("ok", message)
        return iid

    def _conflict(self, iid: str, interview: Interview, conflict: ConflictError) -> None:
        """Say what changed elsewhere (field: theirs → yours) and offer Reload or Overwrite anyway."""
        lines = [
            f"{FIELD_LABELS.get(name, name)}: {_shown(theirs)} there → {_shown(yours)} here"
            for name, theirs, yours in conflict.changes
        ]
        self.form_status.value = status_html(
            "error",
            "Not saved: this interview was changed in another tab or notebook since you loaded it.",
        )
        self.conflict_box.ask(
            "Changed meanwhile (saved there → yours in the form):\n" + "\n".join(lines) + "\n"
            "Overwrite anyway saves everything you changed in the form, yours winning on these fields. "
            "Reload what is saved fills the form from your log instead, dropping your unsaved edits "
            "(copy them first if you want to keep them).",
            "Overwrite anyway",
            lambda: self._overwrite(iid),
            lambda: self._reload_form(iid),
            no_text="Reload what is saved",
        )

    @_guarded("form_status")
    def _overwrite(self, iid: str) -> None:
        if self.editing != iid:
            self.form_status.value = status_html("error", "The form holds another interview now; nothing "
                                                 "was saved.")
            return
        self._save_edit(self.form_interview(), overwrite=True)

    @_guarded("form_status", suffix="")
    def _reload_form(self, iid: str) -> None:
        self.book.refresh()
        self.load(iid)
        self.form_status.value = status_html(
            "info",
            "Reloaded: the form shows what is saved now. Make your change again and press Save changes.",
        )

    def _form_blank(self) -> bool:
        """True when the form is as Clear the form leaves it (nothing typed or picked)."""
        return (
            not any(widget.value.strip() for widget in self._form_texts())
            and not self.previous.value
            and self.held_date.value is None and self.held_time.value is None
            and self.decision_by.value is None
            and self.kind.value == "in_person" and self.form_outcome.value == "pending"
        )

    def _form_texts(self) -> tuple[widgets.Widget, ...]:
        return (self.company, self.role, self.interviewers, self.contact, self.contact_email,
                self.contact_phone, self.decision_days, self.agency_contact, self.agency_email,
                self.agency_phone, self.talking_points, self.notes)

    def clear_form(self, keep_status: bool = False) -> None:
        """Empty the form for a new interview (leaves the log alone)."""
        self.editing = None
        self._loaded = None
        self.conflict_box.dismiss()
        self._mark_invalid(set())
        for widget in self._form_texts():
            widget.value = ""
        self.previous.value = ""
        self.held_date.value = None
        self.held_time.value = None
        self.decision_by.value = None
        self.kind.value = "in_person"
        self.form_outcome.value = "pending"
        self._show_form_mode()
        if not keep_status:
            self.form_status.value = status_html("info", "")

    def start_round_after(self, iid: str, interview: Interview) -> None:
        """Fill the form for the round after ``interview`` (its company, role and people), linked to it."""
        self.clear_form()
        self.company.value = interview.company
        self.role.value = interview.role
        self.contact.value = interview.contact
        self.contact_email.value = interview.contact_email or ""
        self.contact_phone.value = interview.contact_phone or ""
        self.agency_contact.value = interview.agency_contact or ""
        self.agency_email.value = interview.agency_email or ""
        self.agency_phone.value = interview.agency_phone or ""
        self.book._ensure_option(self.previous, iid)
        self.previous.value = iid
        self.form_status.value = status_html(
            "info", f"Round {interview.round + 1} of {interview.company}: add its date, time and "
            "interviewers above, then press Save interview."
        )

    def outcome_saved(self, iid: str, changed: Interview) -> None:
        """The close-out saved ``changed``'s outcome: if the form holds that interview with its outcome
        untouched, it shows the new one and bases the next save on it."""
        loaded = self._loaded if self.editing == iid else None
        if loaded is not None and self.form_outcome.value == loaded.outcome:
            self._loaded = loaded.with_outcome(changed.outcome, changed.outcome_at)
            self.form_outcome.value = changed.outcome

    def load(self, iid: str) -> None:
        """Fill the form with an interview of the log, to edit it."""
        interview = self.book.interview_log.get(iid)
        if not isinstance(interview, Interview):
            raise UnknownIdError(f"No interview has the id {iid!r} in this log.")
        self.company.value = interview.company
        self.role.value = interview.role
        self.held_date.value = interview.held_at.date()
        self.held_time.value = interview.held_at.time()
        self.kind.value = interview.kind
        self.interviewers.value = ", ".join(interview.interviewers)
        self.contact.value = interview.contact
        self.decision_by.value = interview.decision_by
        self.decision_days.value = (
            "" if interview.decision_in_business_days is None else str(interview.decision_in_business_days)
        )
        self.agency_contact.value = interview.agency_contact or ""
        self.contact_email.value = interview.contact_email or ""
        self.contact_phone.value = interview.contact_phone or ""
        self.agency_email.value = interview.agency_email or ""
        self.agency_phone.value = interview.agency_phone or ""
        if interview.previous_id:
            self.book._ensure_option(self.previous, interview.previous_id)
        self.previous.value = interview.previous_id if interview.previous_id in self._previous_ids() else ""
        self.talking_points.value = "\n".join(interview.talking_points)
        self.form_outcome.value = interview.outcome
        self.notes.value = interview.notes
        self.editing = iid
        self._loaded = interview
        self.conflict_box.dismiss()
        self._show_form_mode()

    def offer_previous(self, ids: list[str], earlier: str | None) -> None:
        """The Earlier round menu: the listed interviews, and the one it holds (kept while it exists)."""
        earlier = earlier if earlier in self.book._words else ""
        ids = [*ids, earlier] if earlier and earlier not in ids else ids
        self.previous.options = [_FIRST_ROUND, *interview_options(self.book._pairs_of(ids))]
        self.previous.value = earlier or ""

    def _previous_ids(self) -> set[str]:
        """The ids the Earlier round menu offers."""
        return {iid for _, iid in self.previous.options if iid}
