"""The planner gives sourced steps at the times the seeds name, and tracks what is done."""

from datetime import date, datetime, time, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_kit.planner import (
    NEXT_EXERCISE,
    NUDGE_COLUMNS,
    RULES,
    NextStep,
    Step,
    awaiting_reply,
    business_day_after,
    call_purpose,
    disagreements,
    followup_from_row,
    interview_from_row,
    is_missed,
    missed_note,
    next_recipient,
    next_step_after,
    nudge_queue,
    open_steps,
    plan_followups,
    recipients,
    rules_table,
    second_call_warning,
    second_thank_you_warning,
    split_missed,
    steps_table,
)
from followup_kit.records import CHANNELS, PURPOSES, FollowUp, Interview, ValidationError
from followup_kit.sources import SOURCES

FRI = datetime(2026, 3, 6, 10, 0)  # Friday 6 March 2026, 10:00
STATUS_RULES = {"status_call_business_days", "status_call_decision_day", "status_call_one_week",
                "status_call_not_too_soon",
                "status_call_retry_seed004"}


def interview(**changes) -> Interview:
    fields = dict(company="Northwind Traders", role="Data Analyst", held_at=FRI,
                  interviewers=["Dana Whitfield", "Raj Patel"])
    fields.update(changes)
    return Interview(**fields)


def followup(at, purpose="thank_you", channel="email", to="Dana Whitfield", iid="iv1", **more) -> FollowUp:
    return FollowUp(interview_id=iid, at=at, channel=channel, purpose=purpose, to=to, **more)


def by_rule(steps, rule):
    return [s for s in steps if s.rule == rule]


def status_steps(steps):
    return [s for s in steps if s.rule in STATUS_RULES]


# -- the acceptance example ----------------------------------------------------------


def test_friday_interview_three_business_days_calls_wednesday_and_thanks_saturday():
    steps = plan_followups(interview(decision_in_business_days=3), now=datetime(2026, 3, 6, 12))
    calls = status_steps(steps)
    assert len(calls) == 1
    assert calls[0].due == datetime(2026, 3, 11, 16, 0)  # Wednesday of the following week
    assert calls[0].rule == "status_call_business_days"
    assert calls[0].channel == "call" and calls[0].purpose == "status_check"
    thanks = by_rule(steps, "thank_you_email")
    assert [s.due for s in thanks] == [datetime(2026, 3, 7, 10, 0)] * 2  # Saturday 10:00
    assert [s.to for s in thanks] == ["Dana Whitfield", "Raj Patel"]
    assert thanks[0].action == "Email a thank-you note to Dana Whitfield"
    assert "80%" in thanks[0].why and "24 hours" in thanks[0].why
    assert steps == sorted(steps, key=lambda s: s.due)


# -- business days ---------------------------------------------------------------------


def test_business_days_skip_given_holidays():
    # Monday 9 March is a holiday: Friday + 3 business days becomes Thursday.
    steps = plan_followups(interview(decision_in_business_days=3), now=FRI, holidays=[date(2026, 3, 9)])
    assert status_steps(steps)[0].due == datetime(2026, 3, 12, 16, 0)
    # Thursday + 2 with Friday off: Monday is day 1, Tuesday day 2.
    thu = datetime(2026, 3, 5, 11, 0)
    assert business_day_after(thu.date(), 2, [date(2026, 3, 6)]) == date(2026, 3, 10)
    steps = plan_followups(interview(held_at=thu, decision_in_business_days=2), now=thu,
                           holidays=[date(2026, 3, 6)])
    assert status_steps(steps)[0].due == datetime(2026, 3, 10, 16, 0)


def test_you_will_hear_today_is_never_a_call_on_the_interview_day():
    """'You'll hear today' after a Friday 10:00 interview: not that day (seed 004: don't call too soon)
    and not before the thank-you is due (Sat 10:00): 09:30 on the next working day, Monday (Jobcase:
    the next morning)."""
    steps = plan_followups(interview(decision_in_business_days=0), now=FRI)
    (call,) = status_steps(steps)
    assert (call.due, call.rule) == (datetime(2026, 3, 9, 9, 30), "status_call_not_too_soon")
    assert "too soon" in call.why and "Jobcase" in call.why
    late = interview(held_at=datetime(2026, 3, 6, 16, 30), decision_in_business_days=0)
    assert status_steps(plan_followups(late, now=FRI))[0].due == datetime(2026, 3, 9, 9, 30)
    # A Saturday interview: day 0 is Monday 16:00, past the thank-you (Sunday 10:00), so it stands.
    sat = interview(held_at=datetime(2026, 3, 7, 10, 0), decision_in_business_days=0)
    assert status_steps(plan_followups(sat, now=FRI))[0].due == datetime(2026, 3, 9, 16, 0)


def test_business_day_after_refuses_a_negative_count():
    with pytest.raises(ValidationError, match="zero or more"):
        business_day_after(date(2026, 3, 6), -1)


@settings(max_examples=150, deadline=None)
@given(
    day=st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)),
    n=st.integers(min_value=0, max_value=30),
    offsets=st.lists(st.integers(min_value=0, max_value=60), max_size=8),
)
def test_business_day_call_lands_on_the_nth_business_day(day, n, offsets):
    """The call is toward the end of business day N, counted one day at a time here; when that is the
    interview day or before the thank-you is due, it is 09:30 on the first business day after day N
    that is past the thank-you deadline (rule status_call_not_too_soon)."""
    holidays = sorted({day + timedelta(days=k) for k in offsets})
    held = datetime.combine(day, datetime.min.time()).replace(hour=10)
    steps = plan_followups(interview(held_at=held, decision_in_business_days=n), now=held, holidays=holidays)
    (call,) = status_steps(steps)

    def is_business(d):
        return d.weekday() < 5 and d not in holidays

    def next_business(d):
        d += timedelta(days=1)
        while not is_business(d):
            d += timedelta(days=1)
        return d

    nth = day if is_business(day) else next_business(day)
    for _ in range(n if is_business(day) else max(n - 1, 0)):
        nth = next_business(nth)
    expected = datetime.combine(nth, time(16, 0))
    if nth == day or expected < held + timedelta(hours=24):
        candidate = next_business(nth)
        while datetime.combine(candidate, time(9, 30)) < held + timedelta(hours=24):
            candidate = next_business(candidate)
        expected = datetime.combine(candidate, time(9, 30))
        assert call.rule == "status_call_not_too_soon"
    else:
        assert call.rule == "status_call_business_days"
    assert call.due == expected
    assert call.due.date() > day and call.due >= held + timedelta(hours=24)


# -- decision date, seed 004 option, one week ------------------------------------------------


def test_decision_by_calls_that_morning_once_and_names_the_seed004_alternative():
    steps = plan_followups(interview(decision_by=date(2026, 3, 13)), now=FRI)
    calls = status_steps(steps)
    assert [(s.due, s.rule) for s in calls] == [(datetime(2026, 3, 13, 9, 30), "status_call_decision_day")]
    assert "seed 004" in calls[0].note.lower() and "seed 003" in calls[0].note.lower()
    assert calls[0].source == "Tan, Following Up After Your Interview (seed 004)"


def test_decision_day_on_a_weekend_or_the_interview_day_moves_to_the_next_business_morning():
    sat = plan_followups(interview(decision_by=date(2026, 3, 14)), now=FRI)
    assert status_steps(sat)[0].due == datetime(2026, 3, 16, 9, 30)
    today = plan_followups(interview(decision_by=date(2026, 3, 6)), now=FRI)
    assert status_steps(today)[0].due == datetime(2026, 3, 9, 9, 30)


def test_decision_by_wins_over_business_days_when_both_are_given():
    steps = plan_followups(interview(decision_by=date(2026, 3, 13), decision_in_business_days=2), now=FRI)
    assert [s.rule for s in status_steps(steps)] == ["status_call_decision_day"]


def test_seed004_option_adds_an_optional_afternoon_retry():
    iv = interview(decision_by=date(2026, 3, 13))
    steps = plan_followups(iv, now=FRI, calls="seed004")
    first, retry = status_steps(steps)
    assert first.due == datetime(2026, 3, 13, 9, 30) and not first.optional
    assert retry.rule == "status_call_retry_seed004"
    assert retry.due == datetime(2026, 3, 13, 14, 30) and retry.optional
    # Morning call unanswered: the retry stays open.  Answered: skipped.  Second call: done.
    morning = followup(datetime(2026, 3, 13, 9, 35), "status_check", "call", "Dana Whitfield")
    noon = datetime(2026, 3, 13, 12, 0)
    assert status_steps(plan_followups(iv, [morning], noon, calls="seed004"))[1].status == "due"
    answered = morning.replace(response_at=datetime(2026, 3, 13, 9, 40))
    assert status_steps(plan_followups(iv, [answered], noon, calls="seed004"))[1].status == "skipped"
    again = followup(datetime(2026, 3, 13, 14, 40), "status_check", "call", "Dana Whitfield")
    later = plan_followups(iv, [("f1", morning), ("f2", again)], noon, calls="seed004")
    assert [(s.status, s.done_by) for s in status_steps(later)] == [("done", "f1"), ("done", "f2")]
    with pytest.raises(ValidationError, match="calls"):
        plan_followups(iv, calls="three")


def test_without_a_date_the_call_is_a_week_later_and_shifts_off_the_weekend():
    steps = plan_followups(interview(), now=FRI)
    calls = [(s.due, s.rule) for s in status_steps(steps)]
    assert calls == [(datetime(2026, 3, 13, 10), "status_call_one_week")]
    sat = plan_followups(interview(held_at=datetime(2026, 3, 7, 11)), now=FRI)
    assert status_steps(sat)[0].due == datetime(2026, 3, 9 + 7, 10)  # Monday 16 March
    holiday = plan_followups(interview(), now=FRI, holidays=[date(2026, 3, 13)])
    assert status_steps(holiday)[0].due == datetime(2026, 3, 16, 10)


def test_without_a_date_an_optional_step_asks_for_their_time_frame():
    steps = plan_followups(interview(contact="Lee Chen"), now=FRI)
    (ask,) = by_rule(steps, "ask_time_frame")
    assert ask.optional and ask.to == "Lee Chen" and ask.due == FRI + timedelta(hours=24)
    assert "time frame" in ask.action and "Weakest Link" in ask.source and "(seed 002)" in ask.source
    done = plan_followups(interview(), [("x", followup(FRI + timedelta(hours=2), "extra_info"))], FRI)
    assert by_rule(done, "ask_time_frame")[0].status == "done"
    (known,) = by_rule(plan_followups(interview(decision_in_business_days=3), now=FRI), "ask_time_frame")
    assert known.status == "skipped" and known.note.startswith("Not needed")


# -- whom to contact ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "who"),
    [
        ({"agency_contact": "Sam Okafor", "contact": "Lee Chen"}, "Sam Okafor"),
        ({"contact": "Lee Chen"}, "Lee Chen"),
        ({}, "Dana Whitfield"),
        ({"interviewers": []}, "the hiring manager"),
    ],
)
def test_the_call_goes_to_the_agency_then_contact_then_first_interviewer(changes, who):
    (call,) = status_steps(plan_followups(interview(**changes), now=FRI))
    assert call.to == who and who in call.action
    assert ("staffing manager" in call.why) == ("agency_contact" in changes)


def test_no_interviewers_means_one_thank_you_to_the_contact_or_your_interviewer():
    named = plan_followups(interview(interviewers=[], contact="Lee Chen"), now=FRI)
    assert [s.to for s in by_rule(named, "thank_you_email")] == ["Lee Chen"]
    nobody = plan_followups(interview(interviewers=[]), now=FRI)
    assert [s.to for s in by_rule(nobody, "thank_you_email")] == ["your interviewer"]


# -- cards and matching thank-yous ------------------------------------------------------------


def test_card_is_optional_and_due_the_interview_day():
    cards = by_rule(plan_followups(interview(), now=FRI), "thank_you_card")
    assert [(c.to, c.due, c.optional, c.channel) for c in cards] == [
        ("Dana Whitfield", datetime(2026, 3, 6, 18), True, "card"),
        ("Raj Patel", datetime(2026, 3, 6, 18), True, "card"),
    ]
    late = by_rule(plan_followups(interview(held_at=datetime(2026, 3, 6, 17, 30)), now=FRI), "thank_you_card")
    assert late[0].due == datetime(2026, 3, 6, 23, 59)


def test_thank_yous_match_interviewers_by_name_case_insensitively():
    logged = [("f1", followup(FRI + timedelta(hours=1), to="raj patel")),
              ("f2", followup(FRI + timedelta(hours=2), to="DANA"))]
    thanks = by_rule(plan_followups(interview(), logged, now=FRI + timedelta(hours=3)), "thank_you_email")
    assert [(s.to, s.status, s.done_by) for s in thanks] == [
        ("Dana Whitfield", "done", "f2"),
        ("Raj Patel", "done", "f1"),
    ]


def test_an_unmatched_thank_you_fills_the_first_open_step_and_a_card_counts_for_both():
    logged = [("f1", followup(FRI + timedelta(hours=1), to="Dana Whitfield")),
              ("f2", followup(FRI + timedelta(hours=2), to="the hiring team")),
              ("f3", followup(FRI + timedelta(hours=3), channel="card", to="Raj"))]
    steps = plan_followups(interview(interviewers=["Dana Whitfield", "Raj Patel", "Mo Ali"]), logged,
                           now=FRI + timedelta(hours=4))
    thanks = {s.to: s.done_by for s in by_rule(steps, "thank_you_email")}
    assert thanks == {"Dana Whitfield": "f1", "Raj Patel": "f3", "Mo Ali": "f2"}
    cards = {s.to: s.status for s in by_rule(steps, "thank_you_card")}
    assert cards == {"Dana Whitfield": "due", "Raj Patel": "done", "Mo Ali": "due"}


def test_followups_for_other_interviews_are_ignored_when_the_id_is_given():
    other = followup(FRI + timedelta(hours=1), iid="iv2")
    steps = plan_followups(interview(), [other], now=FRI + timedelta(hours=2), interview_id="iv1")
    assert all(s.status != "done" for s in steps)
    assert {s.interview_id for s in steps} == {"iv1"}


# -- one call ------------------------------------------------------------------------------


def test_after_one_status_check_no_status_call_is_due_or_overdue():
    iv = interview(decision_in_business_days=3)
    call = followup(datetime(2026, 3, 10, 11), "status_check", "voicemail", "Dana Whitfield")
    for now in (datetime(2026, 3, 10, 12), datetime(2026, 3, 11, 15), datetime(2026, 4, 30)):
        steps = plan_followups(iv, [("c1", call)], now)
        assert [(s.status, s.done_by) for s in status_steps(steps)] == [("done", "c1")]
    # Without it, the call is overdue a month later.
    assert status_steps(plan_followups(iv, [], datetime(2026, 4, 30)))[0].status == "overdue"


def test_second_call_warning_quotes_seed003_word_for_word():
    first = followup(datetime(2026, 3, 11, 16), "status_check", "call")
    second = followup(datetime(2026, 3, 12, 16), "status_check", "call")
    assert second_call_warning([], first) is None
    warning = second_call_warning([("c1", first)], second)
    said = ("Only make one call. Any more than that and you\u2019ll look like a stalker and risk annoying "
            "people.")
    assert f"\u201c{said}\u201d" in warning
    assert "(seed 003)" in warning and "agreed" in warning
    assert "number 2" in warning
    assert second_call_warning([first], second.replace(purpose="thank_you")) is None
    assert second_call_warning([first.replace(interview_id="iv2")], second) is None
    frame = pd.DataFrame([{"id": "c1", **first.to_dict()}])
    assert "Only make one call" in second_call_warning(frame, second)


def test_a_second_thank_you_to_the_same_person_asks_first_naming_seed001():
    first = followup(datetime(2026, 3, 6, 12), to="Dana Whitfield")
    assert second_thank_you_warning([], first) is None
    again = followup(datetime(2026, 3, 6, 15), to="dana")  # as the planner matches names: Dana ~ Dana W.
    warning = second_thank_you_warning([("f1", first)], again)
    said = "You already sent Dana Whitfield a thank-you by email for this interview (Fri 6 Mar 12:00)"
    assert said in warning
    assert "(seed 001)" in warning and "rule thank_you_email" in warning and warning.endswith("anyway?")
    assert "\u201c" not in warning  # a paraphrase, so no quote marks
    # another interviewer, another interview, another kind of follow-up: nothing to ask
    assert second_thank_you_warning([first], again.replace(to="Raj Patel")) is None
    assert second_thank_you_warning([first.replace(interview_id="iv2")], again) is None
    assert second_thank_you_warning([first], again.replace(purpose="status_check", channel="call")) is None
    # the optional card after the email is its own step; a second card asks
    card = again.replace(channel="card")
    assert second_thank_you_warning([first], card) is None
    assert "a thank-you card" in second_thank_you_warning([first, first.replace(channel="card")], card)
    assert "rule thank_you_card" in second_thank_you_warning([first.replace(channel="card")], card)
    # the log's frame works too
    frame = pd.DataFrame([{"id": "f1", **first.to_dict()}])
    assert "Dana Whitfield" in second_thank_you_warning(frame, again)


# -- who, which one, what next (issue 16: decisions out of the logbook) ----------------------------


def test_recipients_offer_the_agency_contact_first_then_interviewers_and_contact_once_each():
    iv = interview(contact="Raj Patel", agency_contact="Alex Morgan")
    assert recipients(iv) == ["Alex Morgan", "Dana Whitfield", "Raj Patel"]
    assert recipients(interview(contact="Sam Ortiz")) == ["Dana Whitfield", "Raj Patel", "Sam Ortiz"]
    assert recipients(interview(interviewers=[], contact="")) == []
    assert "seed004" in RULES["call_agency"].source_ids  # the rule the order follows


def test_next_recipient_after_a_thank_you_is_the_next_person_not_yet_thanked():
    options = ["Dana Whitfield", "Raj Patel", "Sam Ortiz"]
    dana = followup(FRI + timedelta(hours=2), to="Dana Whitfield")
    assert next_recipient(options, [dana], dana) == "Raj Patel"
    raj = followup(FRI + timedelta(hours=3), to="Raj Patel")
    assert next_recipient(options, [("f1", dana), ("f2", raj)], raj) == "Sam Ortiz"
    everyone = [dana, raj, followup(FRI + timedelta(hours=4), to="Sam Ortiz")]
    assert next_recipient(options, everyone, everyone[-1]) == "Sam Ortiz"  # all thanked: stay
    other = followup(FRI + timedelta(hours=2), to="Dana Whitfield", iid="iv2")  # another interview's
    assert next_recipient(options, [other, dana], dana) == "Raj Patel"
    call = followup(datetime(2026, 3, 11, 16), "status_check", "call", to="Sam Ortiz")
    assert next_recipient(options, [dana, call], call) == "Sam Ortiz"  # after a call: the same person


def test_a_reply_answers_the_latest_follow_up_still_waiting():
    sent = ("f1", followup(FRI + timedelta(hours=2)))
    called = ("f2", followup(datetime(2026, 3, 11, 16), "status_check", "call"))
    answered = ("f3", followup(datetime(2026, 3, 12, 9), "status_check", "call",
                               response_at=datetime(2026, 3, 12, 9, 5)))
    assert awaiting_reply([]) is None
    assert awaiting_reply([sent, called, answered]) == called
    assert awaiting_reply([called, sent]) == called  # by time, not by the order given
    assert awaiting_reply([answered]) is None
    twin = ("f4", called[1].replace(to="Raj Patel"))
    assert awaiting_reply([called, twin]) == twin  # a tie: the one recorded last
    frame = pd.DataFrame([{"id": fid, **fu.to_dict()} for fid, fu in (sent, called)])
    assert awaiting_reply(frame)[0] == "f2"


def test_next_step_after_a_rejection_is_the_feedback_call_and_its_exercise():
    iv = interview(contact="Sam Ortiz", contact_phone="555-0100", outcome="rejected",
                   outcome_at=datetime(2026, 3, 10, 11, 0))
    nxt = next_step_after(iv, [], datetime(2026, 3, 10, 12), interview_id="iv1")
    assert isinstance(nxt, NextStep) and nxt.outcome == "rejected"
    assert nxt.step is not None and nxt.step.rule == "feedback_request" and nxt.step.interview_id == "iv1"
    assert nxt.step.due == datetime(2026, 3, 10, 17, 0) and "ask for feedback" in nxt.step.action
    assert "seed 003" in nxt.step.source
    assert (nxt.notebook, nxt.practice) == ("notebooks/06_ask_for_feedback.ipynb", "Prepare the call")
    assert nxt.notebook == NEXT_EXERCISE["rejected"][1]


def test_next_step_after_an_offer_is_the_rapport_call_through_the_agency_when_there_is_one():
    heard = datetime(2026, 3, 10, 11, 0)
    nxt = next_step_after(interview(outcome="offer", outcome_at=heard), [], heard)
    assert nxt.step is not None and nxt.step.rule == "offer_rapport_call"
    assert "build rapport" in nxt.step.action
    assert (nxt.notebook, nxt.exercise) == ("notebooks/07_role_play_the_call.ipynb", "its offer scenario")
    agency = next_step_after(interview(outcome="offer", outcome_at=heard, agency_contact="Alex Morgan"),
                             [], heard)
    assert agency.step is not None and agency.step.rule in NEXT_EXERCISE["offer"][0]
    assert "Alex Morgan" in agency.step.action


def test_next_step_for_the_outcomes_without_a_call_is_advice():
    heard = datetime(2026, 3, 20, 11, 0)
    quiet = next_step_after(interview(outcome="no_response", outcome_at=heard), [], heard)
    assert quiet.step is None and "let this one go" in quiet.advice
    assert "Making a follow-up call after an interview (seed 003)" in quiet.advice
    assert "nothing more to do" in next_step_after(interview(outcome="withdrawn", outcome_at=heard)).advice
    again = next_step_after(interview(outcome="next_round", outcome_at=heard, round=2), [], heard)
    assert again.next_round == 3 and again.advice.startswith("Invited to round 3")
    waiting = next_step_after(interview(), [], FRI)
    assert waiting.step is None and waiting.notebook == "notebooks/02_plan_your_follow_up.ipynb"
    assert "Waiting to hear" in waiting.advice


# -- outcomes ------------------------------------------------------------------------------------


def test_rejection_plans_a_feedback_call_and_skips_the_waiting_steps():
    thanked = ("f1", followup(FRI + timedelta(hours=1), to="Dana Whitfield"))
    told = ("f2", followup(datetime(2026, 3, 10, 11), "status_check", "call",
                           response_at=datetime(2026, 3, 10, 11, 5)))
    iv = interview(decision_in_business_days=3, outcome="rejected")
    steps = plan_followups(iv, [thanked], now=datetime(2026, 3, 12, 9), interview_id="iv1")
    by = {(s.rule, s.to): s.status for s in steps}
    assert by[("thank_you_email", "Dana Whitfield")] == "done"
    assert by[("thank_you_email", "Raj Patel")] == "skipped"
    assert by[("status_call_business_days", "Dana Whitfield")] == "skipped"
    # Heard Tuesday 11:05 (the logged reply): call for feedback by 17:00 that day.
    steps = plan_followups(iv, [thanked, told], now=datetime(2026, 3, 10, 12))
    (feedback,) = by_rule(steps, "feedback_request")
    assert feedback.due == datetime(2026, 3, 10, 17) and feedback.status == "due"
    assert feedback.purpose == "feedback_request" and feedback.channel == "call"
    assert "Marshall" in feedback.note
    asked = ("f3", followup(datetime(2026, 3, 10, 15), "feedback_request", "call"))
    assert by_rule(plan_followups(iv, [thanked, told, asked], datetime(2026, 3, 11)),
                   "feedback_request")[0].done_by == "f3"


def test_the_outcome_call_counts_from_when_you_heard_and_goes_overdue():
    """The feedback call is due from outcome_at (Clayton Legal: within 24 hours); without it, from the
    latest thing logged, a fixed time, so it goes overdue and then missed instead of being 'due today'
    on every day the learner looks."""
    heard = interview(outcome="rejected", outcome_at=datetime(2026, 3, 13, 18))  # Friday evening
    (call,) = by_rule(plan_followups(heard, now=datetime(2026, 3, 13, 19)), "feedback_request")
    assert call.due == datetime(2026, 3, 16, 10) and "you heard on Fri 13 Mar 18:00" in call.why
    morning = interview(outcome="rejected", outcome_at=datetime(2026, 3, 12, 9))
    assert by_rule(plan_followups(morning, now=datetime(2026, 3, 12, 9)), "feedback_request")[0].due == \
        datetime(2026, 3, 12, 17)
    unknown = interview(outcome="rejected")  # no time logged: counted from the interview (Fri 10:00)
    statuses = [by_rule(plan_followups(unknown, now=day), "feedback_request")[0]
                for day in (datetime(2026, 3, 6, 12), datetime(2026, 3, 9), datetime(2026, 4, 30))]
    assert [s.due for s in statuses] == [datetime(2026, 3, 6, 17)] * 3
    assert [s.status for s in statuses] == ["due", "overdue", "overdue"]
    assert "no time was logged" in statuses[0].why
    queue = nudge_queue([("iv1", unknown)], now=datetime(2026, 4, 30))
    assert split_missed(queue, datetime(2026, 4, 30))[1]["rule"].tolist() == ["feedback_request"]


def test_an_offer_plans_a_rapport_call_within_48_hours():
    told = followup(datetime(2026, 3, 9, 15), "status_check", "call",
                    response_at=datetime(2026, 3, 9, 15, 30))
    steps = plan_followups(interview(outcome="offer", contact="Dana Whitfield"), [told],
                           now=datetime(2026, 3, 9, 16))
    (rapport,) = by_rule(steps, "offer_rapport_call")
    assert rapport.due == datetime(2026, 3, 9, 17) and rapport.to == "Dana Whitfield"
    assert rapport.purpose == "rapport" and "48 hours" in rapport.why
    assert "Wed 11 Mar 15:30" in rapport.note
    assert status_steps(steps)[0].status == "done"  # the call that brought the news


def test_an_offer_heard_on_friday_evening_is_returned_inside_48_hours():
    """McQuaig: same day if possible, 48 hours at most. Heard Fri 16:30: call back at 17:30 that day,
    not on Monday 10:00 beside a note that says Sunday 16:30 at the latest."""
    iv = interview(outcome="offer", outcome_at=datetime(2026, 3, 13, 16, 30))
    (call,) = by_rule(plan_followups(iv, now=datetime(2026, 3, 13, 16, 31)), "offer_rapport_call")
    assert call.due == datetime(2026, 3, 13, 17, 30)
    assert call.due <= iv.outcome_at + timedelta(hours=48) and "Sun 15 Mar 16:30" in call.note
    late = interview(outcome="offer", outcome_at=datetime(2026, 3, 13, 21, 0))  # Friday night
    (call,) = by_rule(plan_followups(late, now=late.outcome_at), "offer_rapport_call")
    assert call.due == datetime(2026, 3, 14, 10, 0)  # Monday would be past 48 hours


def test_an_offer_through_an_agency_calls_the_agency_then_the_new_manager():
    """The agency handles the offer (seed 004: call your staffing manager); the seed 003 rapport call
    with the new manager is a step of its own."""
    iv = interview(outcome="offer", outcome_at=datetime(2026, 3, 9, 11), agency_contact="Sam Okafor",
                   agency_phone="020 7946 0000", contact="Dana Whitfield")
    steps = plan_followups(iv, now=datetime(2026, 3, 9, 11))
    (agency,) = by_rule(steps, "agency_offer_call")
    (rapport,) = by_rule(steps, "offer_rapport_call")
    assert agency.action == "Call Sam Okafor on 020 7946 0000 (your staffing manager) about the offer"
    assert "agency handles the offer" in agency.why and agency.due == datetime(2026, 3, 9, 17)
    assert rapport.to == "Dana Whitfield" and rapport.due == datetime(2026, 3, 10, 10)
    assert "rapport" in rapport.action and "(seed 003)" in rapport.source


@pytest.mark.parametrize("outcome", ["withdrawn", "no_response"])
def test_withdrawn_or_no_response_adds_nothing_and_skips_what_is_open(outcome):
    thanked = followup(FRI + timedelta(hours=1), to="Dana Whitfield")
    steps = plan_followups(interview(outcome=outcome), [thanked], now=datetime(2026, 3, 20))
    assert {s.rule for s in steps} <= {"thank_you_email", "thank_you_card", "ask_time_frame",
                                        "status_call_one_week"}
    assert sorted({s.status for s in steps}) == ["done", "skipped"]


# -- statuses ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "status"),
    [
        (datetime(2026, 3, 6, 12), "upcoming"),  # the day before
        (datetime(2026, 3, 7, 0, 0), "due"),  # the same day, not yet passed
        (datetime(2026, 3, 7, 10, 0), "due"),  # exactly at the due time
        (datetime(2026, 3, 7, 10, 1), "overdue"),
        (datetime(2026, 3, 30), "overdue"),
    ],
)
def test_status_of_the_thank_you_follows_now(now, status):
    thanks = by_rule(plan_followups(interview(), now=now), "thank_you_email")
    assert {s.status for s in thanks} == {status}
    assert all(s.is_open for s in thanks)


def test_now_defaults_to_the_clock(frozen):
    """Without now=, the planner reads the kit's clock (frozen here at each of moments.MOMENTS)."""
    clock = frozen.replace(tzinfo=None)  # the server runs in UTC in this fixture
    recent = interview(held_at=clock - timedelta(days=30))
    assert {s.status for s in plan_followups(recent)} == {"overdue"}
    fresh = interview(held_at=clock - timedelta(hours=2))
    (first,) = [s for s in plan_followups(fresh) if s.rule == "thank_you_email"][:1]
    assert first.status == ("due" if (clock + timedelta(hours=22)).date() == clock.date() else "upcoming")


# -- rules and sources ----------------------------------------------------------------------------


def _many_plans():
    yield plan_followups(interview(decision_in_business_days=3), now=FRI)
    yield plan_followups(interview(decision_by=date(2026, 3, 13)), now=FRI, calls="seed004")
    yield plan_followups(interview(interviewers=[]), now=FRI)
    yield plan_followups(interview(outcome="rejected"), now=FRI)
    yield plan_followups(interview(outcome="offer"), now=FRI)


def test_every_step_names_a_known_rule_and_its_source():
    rules_seen = set()
    for steps in _many_plans():
        for step in steps:
            assert isinstance(step, Step)
            assert step.rule in RULES
            assert step.source == RULES[step.rule].source
            assert step.purpose in PURPOSES and step.channel in CHANNELS
            assert step.status in ("done", "due", "overdue", "upcoming", "skipped")
            assert step.why and step.action
            rules_seen.add(step.rule)
    assert rules_seen >= {"thank_you_email", "thank_you_card", "ask_time_frame", "status_call_business_days",
                          "status_call_decision_day", "status_call_retry_seed004", "status_call_one_week",
                          "feedback_request", "offer_rapport_call"}


def test_every_rule_cites_existing_sources_by_readable_title():
    for rule in RULES.values():
        assert rule.source_ids and all(i in SOURCES for i in rule.source_ids)
        assert ".txt" not in rule.source and "(seed 0" in rule.source or "(evidence pack)" in rule.source \
            or rule.source_ids == ("workbook",)
        assert rule.summary.endswith(".")
    assert RULES["invited_back"].source == "this workbook's own advice (no source gives it)"


def test_rules_table_and_disagreements_show_the_choices_with_sources():
    table = rules_table()
    assert list(table.columns) == ["rule_id", "rule", "source"]
    assert list(table["rule_id"]) == list(RULES)
    diffs = disagreements()
    assert list(diffs.columns) == ["topic", "choice", "rule", "alternatives", "sources"]
    text = " ".join(diffs["topic"]).lower()
    for topic in ("thank-you", "handwritten", "no date", "date was given", "how many calls", "feedback",
                  "very close"):
        assert topic in text
    calls = diffs[diffs["topic"] == "How many calls"].iloc[0]
    assert "(seed 003)" in calls["sources"] and "(seed 004)" in calls["sources"]
    close = diffs[diffs["rule"] == "status_call_not_too_soon"].iloc[0]
    assert "Jobcase" in close["choice"] + close["alternatives"] and "Seed 004" in close["alternatives"]
    assert "Jobcase" in calls["alternatives"]
    for rules in diffs["rule"]:
        assert all(r.strip() in RULES for r in rules.split(","))


def test_steps_table_has_one_row_per_step():
    steps = plan_followups(interview(), now=FRI)
    frame = steps_table(steps)
    assert len(frame) == len(steps) and frame["due"].dtype == "datetime64[us]"
    assert list(frame["action"]) == [s.action for s in steps]


# -- log rows and the nudge queue ------------------------------------------------------------------


def _log_frames():
    """DataFrames shaped like InterviewLog.interviews() / .followups()."""
    interviews = pd.DataFrame({
        "id": ["a", "b", "c", "d"],
        "company": ["Acme", "Northwind Traders", "Globex", "Initech"],
        "role": ["Analyst", "Data Analyst", "Engineer", "Tester"],
        "held_at": pd.to_datetime(["2026-03-02 10:00", "2026-03-06 10:00", "2026-03-11 09:00",
                                   "2026-03-03 09:00"]).astype("datetime64[us]"),
        "kind": ["phone", "in_person", "video", "phone"],
        "interviewers": [["Ann Bell"], ["Dana Whitfield"], ["Cy Young"], []],
        "contact": ["", "", float("nan"), ""],
        "decision_by": pd.to_datetime([None, None, "2026-03-20", None]).astype("datetime64[us]"),
        "decision_in_business_days": pd.array([pd.NA, 3, pd.NA, pd.NA], dtype="Int64"),
        "agency_contact": [None, None, None, pd.NA],
        "talking_points": [[], [], [], []],
        "outcome": ["pending", "pending", "pending", "withdrawn"],
        "notes": ["", "", "", ""],
    })
    followups = pd.DataFrame({
        "id": ["f1"],
        "interview_id": ["b"],
        "at": pd.to_datetime(["2026-03-06 12:00"]).astype("datetime64[us]"),
        "channel": ["email"],
        "purpose": ["thank_you"],
        "to": ["Dana Whitfield"],
        "response_at": pd.to_datetime([None]).astype("datetime64[us]"),
        "notes": [""],
    })
    return interviews, followups


def test_rows_of_the_log_become_records_despite_blanks():
    interviews, followups = _log_frames()
    iv = interview_from_row(interviews.iloc[2])
    assert iv.decision_by == date(2026, 3, 20) and iv.decision_in_business_days is None
    assert iv.contact == "" and iv.agency_contact is None and iv.interviewers == ["Cy Young"]
    assert interview_from_row(interviews.iloc[1]).decision_in_business_days == 3
    blank = interview_from_row({"company": "X", "role": "Y", "held_at": FRI, "outcome": pd.NA})
    assert blank.outcome == "pending"
    raw = interview_from_row({"company": "X", "role": "Y", "held_at": np.datetime64("2026-03-06T10:00", "ns"),
                              "decision_in_business_days": np.int64(3), "interviewers": np.array(["Ann"])})
    assert raw.held_at == FRI and raw.decision_in_business_days == 3 and raw.interviewers == ["Ann"]
    fu = followup_from_row(followups.iloc[0])
    assert fu.response_at is None and fu.at == datetime(2026, 3, 6, 12)


def test_nudge_queue_orders_overdue_then_due_today_then_upcoming():
    interviews, followups = _log_frames()
    queue = nudge_queue(interviews, followups, now=datetime(2026, 3, 11, 12))
    assert tuple(queue.columns) == NUDGE_COLUMNS
    rows = list(zip(queue["interview_id"], queue["rule"], queue["status"], queue["due"], strict=True))
    assert rows == [
        ("a", "thank_you_email", "overdue", pd.Timestamp("2026-03-03 10:00")),
        ("a", "status_call_one_week", "overdue", pd.Timestamp("2026-03-09 10:00")),
        ("b", "status_call_business_days", "due", pd.Timestamp("2026-03-11 16:00")),
        ("c", "thank_you_email", "upcoming", pd.Timestamp("2026-03-12 09:00")),
        ("c", "status_call_decision_day", "upcoming", pd.Timestamp("2026-03-20 09:30")),
    ]
    assert queue["company"].iloc[2] == "Northwind Traders"
    assert queue["due"].dtype == "datetime64[us]"
    assert queue["source"].str.contains("(seed 00", regex=False).all()
    with_optional = nudge_queue(interviews, followups, now=datetime(2026, 3, 11, 12), include_optional=True)
    assert set(with_optional["rule"]) >= {"thank_you_card", "ask_time_frame"}


def test_nudge_queue_takes_pairs_and_can_be_empty():
    iv = interview(decision_in_business_days=3)
    done = [("f1", followup(FRI, to="Dana Whitfield", iid="x")),
            ("f2", followup(FRI, to="Raj Patel", iid="x")),
            ("f3", followup(FRI, "status_check", "call", iid="x"))]
    empty = nudge_queue([("x", iv)], done, now=datetime(2026, 3, 20))
    assert empty.empty and tuple(empty.columns) == NUDGE_COLUMNS
    queue = nudge_queue([("x", iv)], done[:1], now=datetime(2026, 3, 20))
    assert list(queue["to"]) == ["Raj Patel", "Dana Whitfield"]
    assert list(queue["status"]) == ["overdue", "overdue"]


# -- calls after the outcome, the whole queue as steps, missed steps ---------------------------


def test_a_call_after_the_outcome_is_for_feedback_or_rapport_else_a_status_check():
    assert call_purpose("rejected") == "feedback_request"
    assert call_purpose("offer") == "rapport"
    for outcome in ("pending", "no_response", "withdrawn"):
        assert call_purpose(outcome) == "status_check"
    # the planner counts such a call as doing the outcome step
    rejected = interview(decision_in_business_days=3, outcome="rejected")
    heard = followup(datetime(2026, 3, 11, 9), "status_check", "call",
                     response_at=datetime(2026, 3, 11, 9, 5))
    asked = followup(datetime(2026, 3, 11, 15), call_purpose("rejected"), "call")
    steps = plan_followups(rejected, [heard, asked], now=datetime(2026, 3, 12))
    assert by_rule(steps, "feedback_request")[0].status == "done"


def test_open_steps_are_the_queue_as_steps_for_the_calendar():
    interviews, followups = _log_frames()
    now = datetime(2026, 3, 11, 12)
    steps = open_steps(interviews, followups, now=now)
    queue = nudge_queue(interviews, followups, now=now)
    assert all(isinstance(s, Step) and s.is_open for s in steps)
    assert [(s.interview_id, s.rule, s.due) for s in steps] == list(
        zip(queue["interview_id"], queue["rule"], queue["due"].dt.to_pydatetime(), strict=True)
    )
    assert len(open_steps(interviews, followups, now=now, include_optional=True)) > len(steps)


def test_each_step_is_missed_after_its_own_window():
    """A thank-you after a week (CareerBuilder 2005: 2 to 5 days expected), a status call after
    3 weeks (Glassdoor: 24-28 days to hire; Jobcase chases 2-3 weeks): a status call with no outcome
    logged is not hidden after 14 days."""
    interviews, followups = _log_frames()
    now = datetime(2026, 3, 17, 12)  # a's thank-you was due Tue 3 Mar 10:00; its call Mon 9 Mar 10:00
    queue = nudge_queue(interviews, followups, now=now)
    current, missed = split_missed(queue, now)
    assert list(missed["rule"]) == ["thank_you_email"] and list(missed["interview_id"]) == ["a"]
    assert "status_call_one_week" in set(current.loc[current["interview_id"] == "a", "rule"])
    assert len(current) + len(missed) == len(queue)
    assert list(current.columns) == list(NUDGE_COLUMNS) and current["due"].dtype == "datetime64[us]"
    later = datetime(2026, 3, 31, 12)  # the call is now 22 days overdue: missed
    current, missed = split_missed(nudge_queue(interviews, followups, now=later), later)
    assert "status_call_one_week" in set(missed.loc[missed["interview_id"] == "a", "rule"])
    # a thank-you due exactly 7 days ago is still listed; a day later it is missed
    assert not is_missed(datetime(2026, 3, 10, 12), now, purpose="thank_you")
    assert is_missed(datetime(2026, 3, 9, 12), now, purpose="thank_you")
    assert not is_missed(datetime(2026, 3, 1, 12), now, purpose="status_check")
    # an explicit window still works
    assert not is_missed(datetime(2026, 3, 3, 12), now, timedelta(days=14))
    # due today and upcoming steps are never missed, however the cutoff is set
    assert split_missed(queue, now, missed_after=timedelta(0))[1]["status"].eq("overdue").all()
    with pytest.raises(ValidationError, match="missed_after"):
        split_missed(queue, now, missed_after=timedelta(days=-1))


def test_the_missed_note_counts_and_names_its_rule_and_source():
    assert missed_note(0) == ""
    one, many = missed_note(1), missed_note(22)
    assert one.startswith("1 older step is past the time the sources still advise it")
    assert "log it in notebook 01" in one and "No response" in one
    assert many.startswith("22 older steps are past") and "log them in notebook 01" in many
    assert "Glassdoor" in many and "(evidence pack)" in many
    assert missed_note(3, timedelta(days=7)).startswith("3 older steps are more than 7 days overdue")
