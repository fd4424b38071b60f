"""Forty-odd planner cases a careful coach would recognise, each with the expected steps and due times.

Every expectation was worked out by hand from the rule and source named in its docstring line
(``why``), on the March 2026 calendar (Mon 2, Fri 6, Mon 9, Fri 13 ...) unless a country is given.
The 24-hour thank-you (seeds 000, 001) is checked for every case with interviewers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import pytest

from followup_kit.planner import nudge_queue, plan_followups
from followup_kit.records import FollowUp, Interview

D = datetime


@dataclass
class Case:
    id: str
    why: str  # the source-backed expectation, in a line
    interview: dict[str, Any]
    now: datetime
    call: tuple[str, datetime, str] | None  # (rule, due, to) of the first status call, or None
    outcome: list[tuple[str, datetime, str]] = field(default_factory=list)  # (rule, due, to)
    followups: list[dict[str, Any]] = field(default_factory=list)
    options: dict[str, Any] = field(default_factory=dict)
    call_status: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def iv(held: datetime, **more: Any) -> dict[str, Any]:
    fields = {"company": "Northwind Traders", "role": "Data Analyst", "held_at": held,
              "interviewers": ["Dana Whitfield", "Raj Patel"]}
    fields.update(more)
    return fields


FRI = D(2026, 3, 6, 10)
CASES = [
    Case("fri-3-business-days", "seed 001: end of the 3rd business day after: Wed 11 16:00",
         iv(FRI, decision_in_business_days=3), FRI, ("status_call_business_days", D(2026, 3, 11, 16), "Dana Whitfield")),
    Case("mon-3-business-days", "seed 001: Mon + 3 business days is Thu 5 at 16:00",
         iv(D(2026, 3, 2, 10), decision_in_business_days=3), FRI,
         ("status_call_business_days", D(2026, 3, 5, 16), "Dana Whitfield")),
    Case("wed-1-business-day", "seed 001: Thu 16:00, after the thank-you (Thu 10:00)",
         iv(D(2026, 3, 4, 10), decision_in_business_days=1), FRI,
         ("status_call_business_days", D(2026, 3, 5, 16), "Dana Whitfield")),
    Case("evening-interview-1-day", "Wed 17:00, 1 day: Thu 16:00 is before the thank-you (Thu 17:00), so the "
         "morning after their day: Fri 09:30 (Jobcase; seed 004: not too soon)",
         iv(D(2026, 3, 4, 17), decision_in_business_days=1), FRI,
         ("status_call_not_too_soon", D(2026, 3, 6, 9, 30), "Dana Whitfield")),
    Case("decide-today-morning", "08:00 'we decide today': never that day; Tue 09:30 (after the thank-you Tue 08:00)",
         iv(D(2026, 3, 2, 8), decision_in_business_days=0), D(2026, 3, 2, 9),
         ("status_call_not_too_soon", D(2026, 3, 3, 9, 30), "Dana Whitfield")),
    Case("thu-afternoon-by-friday", "Thu 16:00 'by Friday': Fri 09:30 is before the thank-you (Fri 16:00): Mon 09:30",
         iv(D(2026, 3, 5, 16), decision_by=date(2026, 3, 6)), D(2026, 3, 5, 17),
         ("status_call_not_too_soon", D(2026, 3, 9, 9, 30), "Dana Whitfield")),
    Case("by-next-friday", "seed 004: the decision day's morning, 09:30",
         iv(FRI, decision_by=date(2026, 3, 13)), FRI, ("status_call_decision_day", D(2026, 3, 13, 9, 30), "Dana Whitfield")),
    Case("by-a-saturday", "a decision day off work moves to the next working day: Mon 16 09:30",
         iv(FRI, decision_by=date(2026, 3, 14)), FRI, ("status_call_decision_day", D(2026, 3, 16, 9, 30), "Dana Whitfield")),
    Case("by-the-same-day", "'we decide today' as a date: the morning after, Mon 9 09:30 (Fri is the interview day)",
         iv(FRI, decision_by=date(2026, 3, 6)), FRI, ("status_call_not_too_soon", D(2026, 3, 9, 9, 30), "Dana Whitfield")),
    Case("by-monday", "seed 004: Mon 9 09:30 is after the thank-you (Sat 10:00)",
         iv(FRI, decision_by=date(2026, 3, 9)), FRI, ("status_call_decision_day", D(2026, 3, 9, 9, 30), "Dana Whitfield")),
    Case("no-date", "seed 003: a week later, 10:00",
         iv(FRI), FRI, ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield")),
    Case("saturday-interview-no-date", "seed 003: a week later is a Saturday: Mon 16 10:00",
         iv(D(2026, 3, 7, 11)), FRI, ("status_call_one_week", D(2026, 3, 16, 10), "Dana Whitfield")),
    Case("sunday-interview-2-days", "seed 001: from a Sunday, Mon is day 1 and Tue day 2: Tue 10 16:00",
         iv(D(2026, 3, 8, 11), decision_in_business_days=2), FRI,
         ("status_call_business_days", D(2026, 3, 10, 16), "Dana Whitfield")),
    Case("saturday-interview-today", "'today' on a Saturday is the first working day, Mon 9 16:00, after the thank-you",
         iv(D(2026, 3, 7, 10), decision_in_business_days=0), FRI,
         ("status_call_business_days", D(2026, 3, 9, 16), "Dana Whitfield")),
    Case("england-easter", "England: Good Friday and Easter Monday skipped: Wed 8 Apr 16:00",
         iv(D(2026, 4, 1, 10), decision_in_business_days=3), D(2026, 4, 1, 11),
         ("status_call_business_days", D(2026, 4, 8, 16), "Dana Whitfield"),
         options={"country": "GB", "subdivision": "ENG"}),
    Case("us-thanksgiving", "US: Thanksgiving skipped: Tue 1 Dec 16:00",
         iv(D(2026, 11, 25, 10), decision_in_business_days=3), D(2026, 11, 25, 11),
         ("status_call_business_days", D(2026, 12, 1, 16), "Dana Whitfield"), options={"country": "US"}),
    Case("england-christmas-week", "England: a week later is Christmas; Boxing Day is observed Mon 28: Tue 29 10:00",
         iv(D(2026, 12, 18, 10)), D(2026, 12, 18, 11),
         ("status_call_one_week", D(2026, 12, 29, 10), "Dana Whitfield"), options={"country": "GB", "subdivision": "ENG"}),
    Case("decision-on-easter-monday", "England: decide by Easter Monday: Tue 7 Apr 09:30",
         iv(D(2026, 3, 30, 10), decision_by=date(2026, 4, 6)), D(2026, 3, 30, 11),
         ("status_call_decision_day", D(2026, 4, 7, 9, 30), "Dana Whitfield"), options={"country": "GB", "subdivision": "ENG"}),
    Case("explicit-holiday", "a holiday you give is skipped: decide by Fri 13 (a holiday) -> Mon 16 09:30",
         iv(FRI, decision_by=date(2026, 3, 13)), FRI, ("status_call_decision_day", D(2026, 3, 16, 9, 30), "Dana Whitfield"),
         options={"holidays": [date(2026, 3, 13)]}),
    Case("seed004-retry", "seed 004: once in the morning, once in the afternoon if they still haven't got back",
         iv(FRI, decision_by=date(2026, 3, 13)), FRI, ("status_call_decision_day", D(2026, 3, 13, 9, 30), "Dana Whitfield"),
         options={"calls": "seed004"}, extra={"retry": (D(2026, 3, 13, 14, 30), "upcoming")}),
    Case("seed004-retry-after-an-answer", "seed 004: no afternoon call once they got back to you",
         iv(FRI, decision_by=date(2026, 3, 13)), D(2026, 3, 13, 12),
         ("status_call_decision_day", D(2026, 3, 13, 9, 30), "Dana Whitfield"), options={"calls": "seed004"},
         followups=[dict(at=D(2026, 3, 13, 9, 35), channel="call", purpose="status_check", to="Dana Whitfield",
                         response_at=D(2026, 3, 13, 9, 40))],
         call_status="done", extra={"retry": (D(2026, 3, 13, 14, 30), "skipped")}),
    Case("seed004-retry-after-a-reply-to-the-note", "seed 004: a reply to the thank-you is getting back to you",
         iv(FRI, decision_by=date(2026, 3, 13)), D(2026, 3, 13, 12),
         ("status_call_decision_day", D(2026, 3, 13, 9, 30), "Dana Whitfield"), options={"calls": "seed004"},
         followups=[dict(at=D(2026, 3, 6, 15), channel="email", purpose="thank_you", to="Dana Whitfield",
                         response_at=D(2026, 3, 13, 11))],
         call_status="overdue", extra={"retry": (D(2026, 3, 13, 14, 30), "skipped")}),
    Case("agency", "seed 004: through an agency, call your staffing manager, on their number",
         iv(FRI, agency_contact="Sam Okafor", agency_phone="020 7946 0000"), FRI,
         ("status_call_one_week", D(2026, 3, 13, 10), "Sam Okafor"),
         extra={"action": "Call Sam Okafor on 020 7946 0000 for a status check on the Data Analyst role"}),
    Case("contact-with-phone", "the call names the person and the number, never an email",
         iv(FRI, contact="Priya Natarajan", contact_phone="07700 900123", contact_email="priya@example.com"), FRI,
         ("status_call_one_week", D(2026, 3, 13, 10), "Priya Natarajan"),
         extra={"action": "Call Priya Natarajan on 07700 900123 for a status check on the Data Analyst role"}),
    Case("old-log-email-as-contact", "an email in the name field is not a person to call: the first interviewer",
         iv(FRI, contact="priya@example.com"), FRI, ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield")),
    Case("panel-of-three", "seed 001: a separate note to each of three interviewers",
         iv(FRI, interviewers=["Dana Whitfield", "Raj Patel", "Lee Chen"]), FRI,
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"), extra={"thank_yous": 3}),
    Case("no-interviewers-contact", "one thank-you to your contact when no interviewer is logged",
         iv(FRI, interviewers=[], contact="Lee Chen"), FRI, ("status_call_one_week", D(2026, 3, 13, 10), "Lee Chen"),
         extra={"thank_yous": 1}),
    Case("one-thank-you-done", "a logged note to Dana marks hers done; Raj's stays open",
         iv(FRI), FRI + timedelta(hours=3), ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         followups=[dict(at=FRI + timedelta(hours=2), channel="email", purpose="thank_you", to="Dana")],
         extra={"thank_you_status": {"Dana Whitfield": "done", "Raj Patel": "upcoming"}}),
    Case("call-made", "seed 003: one call; once logged, no other call is due",
         iv(FRI), D(2026, 3, 13, 12), ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         followups=[dict(at=D(2026, 3, 13, 10, 5), channel="call", purpose="status_check", to="Dana Whitfield")],
         call_status="done"),
    Case("rejected-heard-tuesday", "Clayton Legal: within 24 hours of hearing: Tue 10 17:00; waiting steps skipped",
         iv(FRI, outcome="rejected", outcome_at=D(2026, 3, 10, 11)), D(2026, 3, 10, 12),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("feedback_request", D(2026, 3, 10, 17), "Dana Whitfield")], call_status="skipped"),
    Case("rejected-heard-friday-evening", "heard Fri 18:00: the next working morning, Mon 16 10:00",
         iv(FRI, outcome="rejected", outcome_at=D(2026, 3, 13, 18)), D(2026, 3, 13, 19),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("feedback_request", D(2026, 3, 16, 10), "Dana Whitfield")], call_status="skipped"),
    Case("rejected-no-time", "no time logged: counted from the interview, so overdue, not 'due today' every day",
         iv(FRI, outcome="rejected"), D(2026, 3, 20), ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("feedback_request", D(2026, 3, 6, 17), "Dana Whitfield")], call_status="skipped",
         extra={"outcome_status": "overdue"}),
    Case("offer-monday", "McQuaig: same day if possible: heard Mon 11:00, call by 17:00",
         iv(FRI, outcome="offer", outcome_at=D(2026, 3, 9, 11), contact="Dana Whitfield"), D(2026, 3, 9, 12),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("offer_rapport_call", D(2026, 3, 9, 17), "Dana Whitfield")], call_status="skipped"),
    Case("offer-friday-1630", "McQuaig: heard Fri 16:30: that evening, 17:30, inside 48 hours",
         iv(FRI, outcome="offer", outcome_at=D(2026, 3, 13, 16, 30)), D(2026, 3, 13, 17),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("offer_rapport_call", D(2026, 3, 13, 17, 30), "Dana Whitfield")], call_status="skipped"),
    Case("offer-friday-night", "McQuaig: heard Fri 21:00: Monday is past 48 hours, so Saturday 10:00",
         iv(FRI, outcome="offer", outcome_at=D(2026, 3, 13, 21)), D(2026, 3, 13, 22),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         [("offer_rapport_call", D(2026, 3, 14, 10), "Dana Whitfield")], call_status="skipped"),
    Case("offer-via-agency", "seed 004: the agency call about the offer first; seed 003's rapport call after",
         iv(FRI, outcome="offer", outcome_at=D(2026, 3, 9, 11), agency_contact="Sam Okafor", contact="Dana Whitfield"),
         D(2026, 3, 9, 12), ("status_call_one_week", D(2026, 3, 13, 10), "Sam Okafor"),
         [("agency_offer_call", D(2026, 3, 9, 17), "Sam Okafor"), ("offer_rapport_call", D(2026, 3, 10, 10),
                                                                    "Dana Whitfield")],
         call_status="skipped"),
    Case("invited-back", "invited to another round: nothing is pending or overdue for this round",
         iv(FRI, outcome="next_round", outcome_at=D(2026, 3, 9, 11)), D(2026, 3, 9, 12),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"), call_status="skipped",
         extra={"thank_you_status": {"Dana Whitfield": "skipped", "Raj Patel": "skipped"}}),
    Case("a-later-round-exists", "only the latest round of a process gets a status call",
         iv(FRI), D(2026, 3, 9, 12), ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         options={"later_round": 2}, call_status="skipped"),
    Case("withdrawn", "withdrawn: nothing is pending",
         iv(FRI, outcome="withdrawn", outcome_at=D(2026, 3, 9, 9)), D(2026, 3, 9, 12),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"), call_status="skipped"),
    Case("no-response", "no response after the call: let it go (seed 003: one call)",
         iv(FRI, outcome="no_response", outcome_at=D(2026, 3, 27, 9)), D(2026, 3, 27, 12),
         ("status_call_one_week", D(2026, 3, 13, 10), "Dana Whitfield"),
         followups=[dict(at=D(2026, 3, 13, 10), channel="call", purpose="status_check", to="Dana Whitfield")],
         call_status="done"),
    Case("evening-interview-card", "seeds 001/004: a card the same day: by 23:59 after a 19:00 interview",
         iv(D(2026, 3, 5, 19)), D(2026, 3, 5, 20), ("status_call_one_week", D(2026, 3, 12, 10), "Dana Whitfield"),
         extra={"card": D(2026, 3, 5, 23, 59)}),
    Case("israel-sun-thu", "Israel works Sun–Thu: a Thursday's 1st business day is the Sunday",
         iv(D(2026, 6, 11, 10), decision_in_business_days=1), D(2026, 6, 11, 11),
         ("status_call_business_days", D(2026, 6, 14, 16), "Dana Whitfield"),
         options={"country": "IL", "workweek": "Sun–Thu"}),
]


def _steps(case: Case):
    followups = [FollowUp(interview_id="iv1", **f) for f in case.followups]
    return plan_followups(Interview(**case.interview), followups, case.now, interview_id="iv1", **case.options)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_planner_case(case: Case):
    steps = _steps(case)
    calls = [s for s in steps if s.purpose == "status_check" and s.rule != "status_call_retry_seed004"]
    if case.call is None:
        assert not calls, case.why
    else:
        (call,) = calls
        assert (call.rule, call.due, call.to) == case.call, case.why
        if case.call_status:
            assert call.status == case.call_status, case.why
    outcome = [(s.rule, s.due, s.to) for s in steps if s.purpose in ("feedback_request", "rapport")]
    assert outcome == case.outcome, case.why
    held = case.interview["held_at"]
    thanks = [s for s in steps if s.rule == "thank_you_email"]
    wanted = case.extra.get("thank_yous", len(case.interview.get("interviewers") or []) or 1)
    assert len(thanks) == wanted and all(s.due == held + timedelta(hours=24) for s in thanks), case.why
    if "thank_you_status" in case.extra:
        assert {s.to: s.status for s in thanks} == case.extra["thank_you_status"], case.why
    if "retry" in case.extra:
        (retry,) = [s for s in steps if s.rule == "status_call_retry_seed004"]
        assert (retry.due, retry.status) == case.extra["retry"] and retry.optional, case.why
    if "action" in case.extra:
        assert calls[0].action == case.extra["action"], case.why
    if "card" in case.extra:
        assert {s.due for s in steps if s.rule == "thank_you_card"} == {case.extra["card"]}, case.why
    if "outcome_status" in case.extra:
        assert {s.status for s in steps if s.purpose == "feedback_request"} == {case.extra["outcome_status"]}
    for step in steps:  # never too soon
        if step.purpose == "status_check" and step.status != "skipped":
            assert step.due.date() > held.date() and step.due >= held + timedelta(hours=24), case.why


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40 and len({c.id for c in CASES}) == len(CASES)


def test_only_the_latest_round_of_a_process_gets_a_call_in_the_queue():
    """Round 1 (still pending) and round 2 linked by previous_id: the queue chases round 2 only."""
    first = Interview(**iv(FRI))
    second = Interview(**iv(D(2026, 3, 16, 10), decision_in_business_days=2, round=2, previous_id="iv1"))
    queue = nudge_queue([("iv1", first), ("iv2", second)], now=D(2026, 3, 16, 12))
    calls = queue[queue["purpose"] == "status_check"]
    assert list(zip(calls["interview_id"], calls["due"], strict=True)) == [("iv2", D(2026, 3, 18, 16))]
