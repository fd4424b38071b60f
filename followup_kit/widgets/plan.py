"""The follow-up queue ("Needs a nudge"), one interview's plan as a timeline, and the calendar export.

``PlanView(log=None, *, demo=False, now=None, fallback_to_sample=True)`` shows an
``InterviewLog`` through the planner: ``planner.nudge_queue`` for the queue
(overdue, then due today, then upcoming, each with its rule, source and why),
``planner.split_missed`` to count steps past their window (a thank-you after a week, a status call
after 3 weeks) in one line
instead of listing them, ``planner.plan_followups`` for the timeline, and
``ics.to_ics`` for ``.ics`` files offered as data-URI download links (open steps;
optional ones only when *Include optional steps* is ticked).  It holds no rule itself.

The learner's ``Place`` (from ``settings.json`` beside their log, or ``place=``)
sets the calendar the plan counts in (working week, public holidays), "now" (their
wall-clock time, whatever the server's zone) and the zone of the calendar files;
one line under the banner says which.

A learner whose log is empty (or cannot be read) sees the synthetic sample
instead, and the banner says so.  The sample is shown as of ``SAMPLE_NOW``, the
morning of the day it was exported, so its queue looks the same on every day
the notebook is run rather than months overdue.

``rules_html()`` and ``disagreements_html()`` show the planner's rules with
their sources and the choices made where the sources disagree.
"""

from __future__ import annotations

import html
import re
from datetime import datetime
from typing import Any

import ipywidgets as widgets
import pandas as pd

from .. import wording
from ..ics import to_ics
from ..nudges import Plans, plan_all
from ..place import Place
from ..planner import RULES, Step, disagreements, missed_note, rules_table
from ..records import Interview, ValidationError
from ..sample import SAMPLE_NOW, open_log_or_sample
from ..store import InterviewLog
from ._common import (
    STYLE,
    WIDE,
    button,
    download_link,
    interview_options,
    labelled,
    shown_in,
    status_html,
    table_html,
)

# ``SAMPLE_NOW`` lives in ``sample`` (the morning the sample was exported); it is re-exported here for the
# front door, ``followup_kit.widgets.SAMPLE_NOW``.
__all__ = ["CSS_CLASSES", "SAMPLE_NOW", "PlanView", "disagreements_html", "queue_html", "rules_html",
           "steps_html"]


CALL_CHOICES = [
    ("One call (seed 003)", "one"),
    ("Seed 004: one more try that afternoon if they still haven't got back to you", "seed004"),
]
STATUS_WORDS = {
    "overdue": "overdue",
    "due": "due today",
    "upcoming": "upcoming",
    "done": "done",
    "skipped": "skipped",
}
_STATUS_MARKS = {"overdue": "⚠", "due": "▶", "upcoming": "○", "done": "✓", "skipped": "–"}
_STATUS_COLOURS = {"overdue": "#b00020", "due": "#8a5a00", "upcoming": "#444", "done": "#1a7f37",
                   "skipped": "#777"}

#: The stable CSS classes of the key widgets (class -> widget type), for browser tests.
CSS_CLASSES = {
    "fk-plan-view": "VBox (the whole view)",
    "fk-plan-banner": "HTML (whose log, as of when)",
    "fk-place-notice": "HTML (one line: which calendar and time zone the plan uses)",
    "fk-calls": "Dropdown 'Status calls'",
    "fk-include-optional": "Checkbox 'Include optional steps'",
    "fk-show-missed": "Checkbox 'List missed steps too'",
    "fk-plan-refresh": "Button 'Reload the log'",
    "fk-nudge-queue": "HTML (a full-width <table> with a caption: one row per step, its why in a <details>)",
    "fk-missed-note": "HTML (one line: how many steps were missed)",
    "fk-ics-all": "HTML (<a download> .ics link for the whole queue)",
    "fk-plan-picker": "Dropdown 'Interview'",
    "fk-plan": "HTML (the timeline, an <ol>)",
    "fk-ics": "HTML (<a download> .ics link for this interview's open steps)",
    "fk-plan-status": "HTML",
    "fk-plan-events": "HTML (the events in this interview's calendar file, read back from the file)",
}


_when = wording.when


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "interview"


def rules_html() -> str:
    """Every rule the planner applies, with its sources, as a captioned table."""
    table = rules_table()
    rows = [[r.rule_id, r.rule, r.source] for r in table.itertuples()]
    return table_html(rows, ["Rule", "What it says", "Source"], "The rules the planner applies, and where "
                      "each comes from")


def disagreements_html(topic: str | None = None) -> str:
    """Where the sources disagree: the choice made here and the alternatives (one topic if named)."""
    frame = disagreements()
    if topic is not None:
        frame = frame[frame["topic"].str.contains(topic, case=False, regex=False)]
        if frame.empty:
            raise ValidationError("topic", "part of a topic in planner.DISAGREEMENTS", topic)
    rows = [[r.topic, r.choice, r.alternatives, r.sources] for r in frame.itertuples()]
    caption = "Where the sources disagree, and the choice this workbook makes"
    return table_html(rows, ["Topic", "Choice here", "Alternatives", "Sources"], caption)


def steps_html(steps: list[Step], caption: str) -> str:
    """One interview's steps as a timeline: an ordered list, each with status, why, rule and source."""
    if not steps:
        return f"<p><strong>{html.escape(caption)}</strong>: no steps.</p>"
    items = []
    for step in steps:
        colour = _STATUS_COLOURS[step.status]
        status = f"{_STATUS_MARKS[step.status]} {STATUS_WORDS[step.status]}"
        if step.status == "done" and step.done_at is not None:
            status += f" ({_when(step.done_at)})"
        optional = " <em>(optional)</em>" if step.optional else ""
        note = f"<br><small>{html.escape(step.note)}</small>" if step.note else ""
        rule = RULES[step.rule].summary if step.rule in RULES else step.rule
        items.append(
            f"<li class='fk-step fk-step-{step.status}' style='margin-bottom:0.5em'>"
            f"<strong>{html.escape(_when(step.due))}</strong> · "
            f"<span style='color:{colour};font-weight:bold'>{html.escape(status)}</span> · "
            f"{html.escape(step.action)}{optional}<br>"
            f"Why: {html.escape(step.why)}{note}<br>"
            f"<small>Rule {html.escape(step.rule)}: {html.escape(rule)} Source: {html.escape(step.source)}"
            "</small></li>"
        )
    return (
        f"<div><p style='margin:0.2em 0'><strong>{html.escape(caption)}</strong></p>"
        f"<ol style='max-width:52em;line-height:1.45'>{''.join(items)}</ol></div>"
    )


_TD = "text-align:left;vertical-align:top;padding:0.2em 0.6em;border-bottom:1px solid #ddd"
_ONE_LINE = "white-space:nowrap;overflow:hidden;text-overflow:ellipsis"


def queue_html(queue: pd.DataFrame, caption: str, *, empty: str) -> str:
    """The "Needs a nudge" queue as one compact, full-width table: due, what, to whom, status.

    One line per step; the interview, the why, the rule and its source open under the step's
    *what* (a ``<details>`` disclosure, reachable by keyboard).  No scroll box of its own: the
    notebook scrolls, and a 5-interview log fits one screen."""
    heads = [("Due", "12.5em"), ("What to do", "auto"), ("To whom", "11em"), ("Status", "8em")]
    cols = "".join(f"<col style='width:{width}'>" for _, width in heads)
    head = "".join(f"<th scope='col' style='{_TD};font-weight:bold'>{name}</th>" for name, _ in heads)
    rows = []
    for r in queue.itertuples():
        colour = _STATUS_COLOURS.get(r.status, "#444")
        status = f"{_STATUS_MARKS.get(r.status, '')} {STATUS_WORDS.get(r.status, r.status)}"
        rule = RULES[r.rule].summary if r.rule in RULES else ""
        why = (
            f"<div style='white-space:normal;padding:0.2em 0 0.4em 1.2em;font-size:0.95em'>"
            f"For {html.escape(f'{r.company}, {r.role}')}. Why: {html.escape(r.why)}<br>"
            f"<small>Rule {html.escape(r.rule)}: {html.escape(rule)} Source: {html.escape(r.source)}</small>"
            "</div>"
        )
        what = (
            f"<details class='fk-queue-why'><summary style='{_ONE_LINE};cursor:pointer' "
            f"title='{html.escape(f'{r.action} ({r.company})', quote=True)}'>{html.escape(r.action)} "
            f"<span style='color:#555'>· {html.escape(r.company)}</span></summary>{why}</details>"
        )
        rows.append(
            f"<tr class='fk-row-{html.escape(r.status, quote=True)}'>"
            f"<td style='{_TD};white-space:nowrap'>{html.escape(_when(r.due))}</td>"
            f"<td style='{_TD};overflow:hidden'>{what}</td>"
            f"<td style='{_TD};{_ONE_LINE}'>{html.escape(r.to or '')}</td>"
            f"<td style='{_TD};white-space:nowrap;color:{colour};font-weight:bold'>{html.escape(status)}</td>"
            "</tr>"
        )
    if not rows:
        rows.append(f"<tr><td colspan='4' style='{_TD}'>{html.escape(empty)}</td></tr>")
    return (
        "<table class='fk-grid fk-queue' style='width:100%;table-layout:fixed;border-collapse:collapse;"
        "font-size:0.95em;line-height:1.4'>"
        f"<caption style='text-align:left;font-weight:bold;padding:0.3em 0'>{html.escape(caption)}"
        "<span style='font-weight:normal'> (open a step for its why and source)</span></caption>"
        f"<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


class PlanView(widgets.VBox):
    """The "Needs a nudge" queue, one interview's plan, and calendar downloads (see the module doc)."""

    def __init__(
        self,
        log: InterviewLog | None = None,
        *,
        demo: bool = False,
        now: datetime | None = None,
        fallback_to_sample: bool = True,
        tzid: str | None = None,
        place: Place | None = None,
    ) -> None:
        self._own_log = log
        self._fixed_place = place
        self.place = place or Place()
        self._demo = demo
        self._fixed_now = now
        self._fallback = fallback_to_sample
        self._tzid = tzid
        self.showing_sample = False
        self.now = now or self.place.now()
        self._pairs: list[tuple[str, Interview]] = []
        self._followups: list[Any] = []
        self._queue_ids: list[str] = []
        #: Every interview planned once at ``now`` (``nudges.plan_all``): the queue and each plan.
        self.plans: Plans | None = None

        self.banner = labelled(widgets.HTML(layout=WIDE), "fk-plan-banner")
        self.place_notice = labelled(widgets.HTML(layout=WIDE), "fk-place-notice")
        self.calls = labelled(
            widgets.Dropdown(options=CALL_CHOICES, value="one", description="Status calls", style=STYLE,
                             layout=WIDE),
            "fk-calls",
        )
        self.include_optional = labelled(
            widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"),
                             description="Include optional steps (cards, asking their time frame)"),
            "fk-include-optional",
        )
        self.show_missed = labelled(
            widgets.Checkbox(value=False, indent=False, layout=widgets.Layout(width="auto"),
                             description="List missed steps too (past the time the sources advise them)"),
            "fk-show-missed",
        )
        self.refresh_button = button("Reload the log", "fk-plan-refresh", tooltip="Read the log again")
        self.queue = labelled(widgets.HTML(layout=widgets.Layout(width="100%")), "fk-nudge-queue")
        self.missed = labelled(widgets.HTML(layout=WIDE), "fk-missed-note")
        self.ics_all = labelled(widgets.HTML(layout=WIDE), "fk-ics-all")
        self.picker = labelled(
            widgets.Dropdown(options=[], description="Interview", style=STYLE, layout=WIDE), "fk-plan-picker"
        )
        self.plan = labelled(widgets.HTML(layout=widgets.Layout(width="100%")), "fk-plan")
        self.ics = labelled(widgets.HTML(layout=WIDE), "fk-ics")
        self.status = labelled(widgets.HTML(layout=WIDE), "fk-plan-status")
        #: The picked plan's calendar file read back (notebook 02 shows it later): follows the picker.
        self.events = labelled(widgets.HTML(layout=WIDE), "fk-plan-events")

        for control in (self.calls, self.include_optional, self.show_missed):
            control.observe(lambda _change: self.refresh(), names="value")
        self.picker.observe(lambda _change: self._draw_plan(), names="value")
        self.refresh_button.on_click(lambda _b: self.refresh())

        self.queue_section = widgets.VBox(
            [
                widgets.HTML("<h3 style='margin:0.3em 0;font-size:1.05em'>Needs a nudge</h3>"),
                self.banner,
                self.place_notice,
                widgets.HBox([self.calls, self.refresh_button]),
                self.include_optional,
                self.show_missed,
                self.queue,
                self.missed,
                self.ics_all,
            ]
        )
        self.queue_section.add_class("fk-queue-section")
        self.plan_section = widgets.VBox(
            [
                widgets.HTML("<h3 style='margin:0.3em 0;font-size:1.05em'>One interview's plan</h3>"),
                self.picker,
                self.plan,
                self.ics,
                self.status,
            ]
        )
        self.plan_section.add_class("fk-plan-section")
        self.calendar_section = widgets.VBox([self.events])  # notebook 02 shows it after its explanation
        self.calendar_section.add_class("fk-calendar-section")
        super().__init__([self.queue_section, self.plan_section, self.calendar_section])
        self.add_class("fk-plan-view")
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the log again, plan every interview once, and redraw the queue, the picker and the plan."""
        shown = None
        with shown_in(self.banner) as guard:  # an unreadable log (without the sample to fall back on)
            shown = open_log_or_sample(self._own_log, demo=self._demo, fallback=self._fallback)
            self._pairs, self._followups = shown.log.items(), shown.log.followup_items()
        if guard.failed or shown is None:
            self._pairs, self._followups = [], []
        self.showing_sample = shown is not None and not guard.failed and shown.is_sample
        self._read_place()
        if self._fixed_now is not None:
            self.now = self._fixed_now
        elif self.showing_sample:
            self.now = SAMPLE_NOW
        else:
            self.now = self.place.now().replace(second=0)
        if shown is not None and not guard.failed:
            when = f"as of {_when(self.now)}"
            if self.showing_sample and self._fixed_now is None:
                when += ", the morning the sample was exported, so it looks the same on any day"
            self.banner.value = status_html("info", f"{shown.whose}, {when}. {shown.hint}".strip())
        self._replan()
        options = interview_options(self._pairs)
        ids = [iid for _, iid in options]
        keep = self.picker.value if self.picker.value in ids else self._first_in_queue(ids)
        self.picker.options = options
        self.picker.value = keep
        self._draw_plan()

    def _read_place(self) -> None:
        """The learner's calendar and zone: as given, else from their own log's settings."""
        if self._fixed_place is not None:
            self.place = self._fixed_place
        else:
            own = self._own_log if self._own_log is not None else InterviewLog()
            with shown_in(self.place_notice, f" {Place().notice()}", kind="warning") as guard:
                self.place = own.place()
            if guard.failed:
                self.place = Place()
                return
        self.place_notice.value = status_html("info", self.place.notice())

    @property
    def zone(self) -> str:
        """The zone of the times shown and of the calendar files: ``tzid``, else the learner's."""
        return self._tzid or self.place.zone

    def _first_in_queue(self, ids: list[str]) -> str | None:
        if self._queue_ids and self._queue_ids[0] in ids:
            return self._queue_ids[0]
        return ids[0] if ids else None

    # -- the queue ---------------------------------------------------------------------------

    def _replan(self) -> None:
        """Plan every interview once (``nudges.plan_all``), then draw the queue from that pass."""
        self.plans = None
        with shown_in(self.queue, prefix="The queue could not be made: ") as guard:
            self.plans = plan_all(self._pairs, self._followups, self.now, calls=self.calls.value,
                                  include_optional=self.include_optional.value,
                                  show_missed=self.show_missed.value, **self.place.planner_options())
        if guard.failed or self.plans is None:
            self.missed.value = self.ics_all.value = ""
            self._queue_ids = []
            return
        current, missed = self.plans.queue, self.plans.missed
        self._queue_ids = list(dict.fromkeys(current["interview_id"]))
        counts = current["status"].value_counts()
        caption = (
            f"Needs a nudge, as of {_when(self.now)}: {counts.get('overdue', 0)} overdue, "
            f"{counts.get('due', 0)} due today, {counts.get('upcoming', 0)} upcoming"
        )
        self.queue.value = queue_html(
            current, caption, empty="Nothing needs a nudge right now: every step is done, skipped or missed."
        )
        self.missed.value = status_html("info", missed_note(len(missed))) if len(missed) else ""
        self.ics_all.value = self._ics_link(list(self.plans.calendar), "followups-queue.ics",
                                            "Download the whole queue as a calendar file (.ics)")

    # -- one interview -----------------------------------------------------------------------

    def plan_steps(self) -> list[Step]:
        """The picked interview's steps (all of them, done and skipped too), sorted by due time, from the
        same planning pass as the queue."""
        iid = self.picker.value
        if self.plans is None or iid is None:
            return []
        return self.plans.for_interview(iid)

    def _draw_plan(self) -> None:
        iid = self.picker.value
        interview = next((iv for i, iv in self._pairs if i == iid), None)
        if interview is None:
            self.plan.value = status_html("info", "No interview to plan yet: log one in notebook 01.")
            self.ics.value = self.events.value = ""
            return
        if self.plans is None:  # the queue could not be made: its message says why
            self.plan.value = self.ics.value = self.events.value = ""
            self.status.value = status_html("error", "The plan could not be made: see the message above.")
            return
        steps = self.plan_steps()
        self.status.value = ""
        shown = [s for s in steps if not (s.optional and s.status == "skipped")]  # not needed: no noise
        self.plan.value = steps_html(shown, f"The plan for {interview.label} (as of {_when(self.now)})")
        wanted = [s for s in steps if self.include_optional.value or not s.optional]
        self.ics.value = self._ics_link(
            wanted, f"followups-{_slug(interview.company)}.ics",
            f"Download this plan as a calendar file (.ics) for {interview.label}",
        )
        self.events.value = self._events_html(wanted, interview.label)

    def _events_html(self, steps: list[Step], label: str) -> str:
        """The events of this plan's calendar file, read back from the file itself, as a list."""
        from icalendar import Calendar

        open_ = [s for s in steps if s.is_open]
        if not open_:
            return status_html("info", f"{label} has no open steps, so its calendar file would be empty.")
        try:
            events = Calendar.from_ical(to_ics(open_, tzid=self.zone)).walk("VEVENT")
        except ValueError as error:
            return status_html("error", str(error))
        items = "".join(
            f"<li>{html.escape(wording.when(e.decoded('DTSTART').replace(tzinfo=None)))} "
            f"{html.escape(e.decoded('DTSTART').tzname() or '')} · {html.escape(str(e['SUMMARY']))}</li>"
            for e in events
        )
        count = wording.plural(len(events), "event")
        return (f"<p style='margin:0.2em 0'><strong>In the calendar file for {html.escape(label)}</strong> "
                f"({count}, times in {html.escape(self.zone)}):</p><ul>{items}</ul>")

    def _ics_link(self, steps: list[Step], filename: str, text: str) -> str:
        open_ = [s for s in steps if s.is_open]
        if not open_:
            return status_html("info", "No open steps, so there is nothing to put in a calendar.")
        try:
            data = to_ics(steps, tzid=self.zone, cancel_closed=True)
        except ValueError as error:
            return status_html("error", str(error))
        events = wording.plural(len(open_), "event")
        closed = len(steps) - len(open_)
        cancelled = (f"; {wording.plural(closed, 'done or dropped step')} marked cancelled, so your calendar "
                     "removes an older copy" if closed else "")
        detail = f"({events} with a reminder 15 minutes before, times in {self.zone}{cancelled})"
        return download_link(data, filename, "text/calendar", text, detail=detail)
