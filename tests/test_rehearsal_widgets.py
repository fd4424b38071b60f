"""Rehearsal widgets driven headless: type, click, read the feedback; the countdown; comparing notes."""

import html
from datetime import datetime

import ipywidgets as widgets
import pytest
from widget_tree import classes

from followup_kit.lesson import SolutionGate
from followup_kit.messages import LABELS
from followup_kit.records import Interview, ValidationError
from followup_kit.widgets.rehearsal import (
    CSS_CLASSES,
    CompareNotes,
    Rehearsal,
    SolutionView,
    TimedRehearsal,
    solution_on_demand,
)

INTERVIEW = Interview(
    company="Northwind Traders",
    role="Data Analyst",
    held_at=datetime(2026, 3, 3, 10, 0),
    interviewers=["Dana Whitfield", "Raj Patel"],
    contact="Dana Whitfield",
    talking_points=["the Q3 churn dashboard", "moving the monthly reports to Python"],
)
WEAK = "Hi, did I get the job?"
GOOD = (
    "Hi Dana, this is Sam Rivera. I interviewed with you and Raj for the Data Analyst role last Tuesday, "
    "3 March. I'm calling to check on the status of the position, and I'm still very interested. Is there "
    "anything else I can provide?"
)


def test_controls_are_labelled_and_the_button_has_text():
    r = Rehearsal("status_call_opener", INTERVIEW)
    assert r.label.value.startswith("Your message")
    assert r.check_button.description == "Check my message"
    assert r.kind.description == "Kind of message"
    assert r.kind.layout.display == "none"  # one kind: no menu to distract
    assert "Northwind Traders, Data Analyst" in r.children[0].value
    several = Rehearsal("thank_you", kinds=("thank_you", "feedback_request"))
    assert several.kind.layout.display == "flex"
    assert [label for label, _ in several.kind.options] == [
        "Thank-you note",
        "Feedback request after a rejection",
    ]


def test_a_weak_opener_gets_at_least_three_sourced_pieces_of_advice():
    r = Rehearsal("status_call_opener", INTERVIEW)
    r.text.value = WEAK
    r.check_button.click()
    feedback = r.feedback
    assert feedback is not None and feedback.kind == "status_call_opener"
    assert len(feedback.failed) >= 3
    assert "Revise these three things first" in r.status.value  # the verdict, as the feedback opens
    assert feedback.verdict in html.unescape(r.status.value)
    page = r.feedback_area.value
    assert page == feedback._repr_html_()
    assert page.count("Source:") >= 3
    assert LABELS["no_pressure"] in page
    assert page.index("Top priorities") < page.index("Details") < page.index("To change")
    assert page.count("✗") == len(feedback.failed)  # one mark per failed check, in the details
    for check in feedback.failed:  # each piece of advice and its source is visible text
        assert html.escape(check.advice) in page and html.escape(check.source) in page


def test_the_rewrite_turns_green_and_shows_the_speaking_time():
    r = Rehearsal("status_call_opener", INTERVIEW)
    r.text.value = WEAK
    r.check()
    r.text.value = GOOD
    feedback = r.check()
    assert feedback.passed, [c.id for c in feedback.failed]
    assert "Ready to say: every check is met." in r.status.value
    assert f"About {feedback.speaking_seconds:.0f} seconds to say aloud" in r.timing.value
    assert "words per minute" in r.timing.value


@pytest.mark.parametrize("bad", ["", "   \n ", "x" * 6000])
def test_bad_text_shows_a_message_not_a_traceback(bad):
    r = Rehearsal("thank_you", INTERVIEW)
    r.text.value = GOOD
    r.check()
    r.text.value = bad
    r.check_button.click()  # must not raise
    assert r.status.value.startswith("<div role='alert' aria-live='assertive'")
    assert "⚠ text: expected " in r.status.value
    assert r.feedback_area.value == "" and r.timing.value == ""


def test_an_unknown_kind_is_refused_when_built():
    with pytest.raises(ValidationError, match="kind"):
        Rehearsal("love_letter")


def test_the_model_answer_opens_only_after_a_check():
    gate = SolutionGate("Hi Dana, this is Sam…", sources=("model_call",))
    view = solution_on_demand(gate)
    assert isinstance(view, SolutionView)
    assert view.button.description == "Show a model answer"
    assert view.button.disabled
    assert "only on demand, after a check" in view.reason.value
    view.button.click()  # a disabled button's handler still runs headless: it must not reveal
    assert view.answer.value == ""
    r = Rehearsal("status_call_opener", INTERVIEW, gate=gate)
    r.text.value = "   "
    r.check()
    assert view.button.disabled  # a refused text is not a check
    r.text.value = WEAK
    r.check()
    assert not view.button.disabled and view.reason.value == ""
    view.button.click()
    assert "Hi Dana, this is Sam…" in view.answer.value
    assert "Evidence pack §3 B: model follow-up call" in view.answer.value
    assert view.button.description == "Hide the model answer"
    view.button.click()
    assert view.answer.value == "" and view.button.description == "Show a model answer"


def test_the_timed_mode_counts_down_with_an_injected_clock():
    r = TimedRehearsal("status_call_opener", INTERVIEW, seconds=30, live_clock=False)
    assert r.start_button.description == "Start the 30-second timer"
    assert isinstance(r.progress, widgets.IntProgress) and r.progress.description == "Time left"
    assert r.progress.value == 30 and "Ready" in r.clock_label.value
    r.start_button.click()
    for _ in range(10):
        assert r.tick()
    assert r.progress.value == 20 and r.clock_label.value.startswith("20 s left")
    r.text.value = GOOD
    r.check_button.click()
    assert not r.countdown.running  # checking stops the clock
    assert "Your timer ran 10 s of 30 s." in r.timing.value
    assert "seconds to say aloud" in r.timing.value
    assert r.tick() is False and r.progress.value == 20  # a stopped clock does not move


def test_the_timer_runs_out():
    r = TimedRehearsal(seconds=5, live_clock=False)
    r.start()
    while r.tick():
        pass
    assert r.progress.value == 0 and r.progress.bar_style == "warning"
    assert r.clock_label.value.startswith("Time's up")
    r.start()
    assert r.progress.value == 5 and r.countdown.running


def test_the_live_clock_ticks_in_a_thread():
    r = TimedRehearsal(seconds=5, live_clock=True)
    r.start()
    thread_stop = r.timer._stop
    assert thread_stop is not None and not thread_stop.is_set()
    r.text.value = GOOD
    r.check()
    assert thread_stop.is_set()  # the check stops the background clock


def test_compare_notes_flags_two_near_identical_notes():
    body = (
        "thank you for meeting me on Tuesday about the Data Analyst role. I enjoyed hearing about the Q3 "
        "churn dashboard and I am excited about the role."
    )
    c = CompareNotes(["Dana Whitfield", "Raj Patel"])
    assert [w.value for w in c.children if isinstance(w, widgets.Label)] == [
        "Note to Dana Whitfield",
        "Note to Raj Patel",
    ]
    assert c.compare_button.description == "Compare my notes"
    c.boxes["Dana Whitfield"].value = "Dear Dana, " + body
    c.boxes["Raj Patel"].value = "Dear Raj, " + body
    result = c.compare()
    assert result.form_letter
    assert "form letter" in c.status.value and "role='status'" in c.status.value
    assert "Shared word for word" in c.result_area.value
    assert "seed 001" in c.result_area.value


def test_compare_notes_lets_personal_notes_pass():
    c = CompareNotes(["Dana Whitfield", "Raj Patel"])
    c.boxes["Dana Whitfield"].value = (
        "Dear Dana, thank you for Tuesday's interview for the Data Analyst role. Your plan for the Q3 churn "
        "dashboard is exactly the work I want to do."
    )
    c.boxes["Raj Patel"].value = (
        "Hi Raj, I enjoyed our talk about moving the monthly reports to Python; I have since sketched how "
        "the first report could run as a script. Thanks for your time."
    )
    c.compare_button.click()
    assert c.result is not None and not c.result.form_letter
    assert "Each note reads as its own" in c.status.value


def test_compare_notes_with_an_empty_box_says_which():
    c = CompareNotes(["Dana Whitfield", "Raj Patel"], notes={"Dana Whitfield": "Dear Dana, thanks."})
    c.compare_button.click()
    assert "note for Raj Patel" in c.status.value
    assert c.result_area.value == ""


def test_compare_notes_needs_two_people():
    with pytest.raises(ValidationError, match="two or more"):
        CompareNotes(["Dana Whitfield", " "])


def test_key_widgets_carry_their_stable_css_classes():
    timed = TimedRehearsal("thank_you", INTERVIEW, kinds=("thank_you", "voicemail"), live_clock=False)
    found = classes(timed)
    assert found["fk-rehearsal"] == ["TimedRehearsal"]
    expected = {
        "fk-message": "Textarea", "fk-message-kind": "Dropdown", "fk-check": "Button",
        "fk-rehearsal-status": "HTML", "fk-timing": "HTML", "fk-feedback": "HTML",
        "fk-timer-start": "Button", "fk-timer": "IntProgress", "fk-timer-label": "Label",
    }  # fmt: skip
    for css, kind in expected.items():
        assert found[css] == [kind], css
    assert "fk-message" in timed.text._dom_classes and "fk-check" in timed.check_button._dom_classes
    assert "fk-feedback" in timed.feedback_area._dom_classes and "fk-timer" in timed.progress._dom_classes
    assert "fk-timer" not in classes(Rehearsal("thank_you"))  # only the timed mode has a timer

    timed.text.value = GOOD
    timed.check_button.click()
    assert timed.feedback_area.value == timed.feedback._repr_html_()

    view = solution_on_demand(SolutionGate("Hi Dana…", sources=("model_call",)))
    found = classes(view)
    assert found["fk-solution"] == ["SolutionView"] and found["fk-show-model"] == ["Button"]
    assert found["fk-model-answer"] == ["HTML"] and found["fk-model-reason"] == ["HTML"]
    assert "fk-model-answer" in view.answer._dom_classes and "fk-model-reason" in view.reason._dom_classes

    found = classes(CompareNotes(["Dana Whitfield", "Raj Patel", "Lee Chen"]))
    assert found["fk-note"] == ["Textarea"] * 3
    assert found["fk-compare"] == ["Button"] and found["fk-compare-result"] == ["HTML"]
    assert found["fk-compare-status"] == ["HTML"] and found["fk-compare-notes"] == ["CompareNotes"]
    documented = set(CSS_CLASSES)
    used = set(classes(timed)) | set(classes(view)) | set(found)
    assert documented == {c for c in used if c.startswith("fk-")}


# -- moved from the notebooks: what their demonstration cells asserted (notebooks 04-06) ----------------


def _practice(tmp_path):
    """Notebook 04's interview: the sample's, as a learner with an empty log gets it."""
    from followup_kit.lesson import practice_interview
    from followup_kit.store import InterviewLog

    return practice_interview(interviewers=2, talking_points=2, own=InterviewLog(tmp_path / "empty"))


def test_04_template_notes_each_pass_alone_but_read_as_a_form_letter_side_by_side(tmp_path):
    from followup_kit.lesson import model_thank_you
    from followup_kit.messages import check_message, compare_notes

    interview = _practice(tmp_path).interview
    template = {name: model_thank_you(interview, name) for name in interview.interviewers[:2]}
    for note in template.values():
        assert check_message(note, "thank_you", interview).passed
    comparison = compare_notes(template, interview=interview)
    assert comparison.form_letter, comparison.summary()
    assert comparison.pairs[0][2] >= comparison.threshold

    demo = CompareNotes(interview.interviewers[:2], notes=template)  # "press Compare my notes by code"
    demo.compare_button.click()
    assert demo.result.form_letter
    assert "form letter" in demo.status.value and "What to personalize" in demo.result_area.value


def test_04_fresh_wording_gets_the_same_feedback(tmp_path):
    from followup_kit.lesson import model_thank_you
    from followup_kit.messages import check_message, compare_notes

    interview = _practice(tmp_path).interview
    to = interview.interviewers[0]
    first = to.split()[0].lower()
    casual = check_message(
        f"hey {first}, thanks for the chat, was great meeting you. hope to hear back soon!",
        "thank_you",
        interview,
    )
    other_firm = check_message(
        model_thank_you(interview, to) + "\nI'm very excited about joining Globex Vandelay.",
        "thank_you",
        interview,
    )
    for feedback in (casual, other_firm):
        form = next(c for c in feedback.items if c.id == "not_form_letter")
        assert not form.passed, form.advice

    def shuffled(note):
        greeting, body, *_ = note.split("\n\n")
        sentences = [s.rstrip(".") + "." for s in body.split(". ")]
        return f"{greeting}\n\n{' '.join(reversed(sentences))}\n\nBest wishes,\nSam Rivera"

    a, b = interview.interviewers[:2]
    reordered = compare_notes({a: model_thank_you(interview, a), b: shuffled(model_thank_you(interview, b))})
    assert reordered.form_letter, reordered.summary()


def _scenario(sid):
    from followup_kit.roleplay import load_scenarios

    return load_scenarios()[sid]


def test_05_the_weak_opener_gets_three_sourced_points():
    from followup_kit.messages import check_message

    weak = check_message(WEAK, "status_call_opener", _scenario("no_news_week").interview)
    failed = {c.id for c in weak.failed}
    assert len(failed) >= 3 and "no_pressure" in failed
    assert all(c.advice and c.source for c in weak.failed)


def test_05_the_timed_mode_by_code_turns_green_and_shows_the_time_used():
    interview = _scenario("no_news_week").interview
    demo = TimedRehearsal("status_call_opener", interview, seconds=30, live_clock=False)
    demo.start_button.click()
    for _ in range(6):
        demo.tick()
    demo.text.value = WEAK
    demo.check_button.click()
    assert len(demo.feedback.failed) >= 3
    demo.start_button.click()
    for _ in range(17):
        demo.tick()
    demo.text.value = (
        "Good afternoon Dana, this is Sam Rivera. We met last Tuesday, 3 March, about the Data Analyst role, "
        "and I'm following up on the status. I'm still very keen. Is a decision close?"
    )
    demo.check_button.click()
    assert demo.feedback.passed, demo.feedback.summary()
    assert "Your timer ran 17 s of 30 s." in demo.timing.value


_START = "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Tuesday."
OPENER_CASES = {
    "Hi, um, Dana? This is Sam Rivera. I interviewed for the Data Analyst role last Tuesday.": {
        "asks_one_question": False
    },
    _START + " How's your day going?": {"asks_one_question": False},
    _START + " So did I get it?": {"asks_one_question": False, "no_pressure": False},
    _START + " Please don't keep me waiting, I need this job.": {"no_pressure": False},
    _START + " I'm checking in, and I wondered whether you're close to a decision.": {
        "asks_one_question": True,
        "no_pressure": True,
    },
    _START + " You mentioned hoping to decide by the 10th, so I'm checking in. Anything else I can send?": {
        "no_pressure": True,
        "asks_one_question": True,
    },
    (
        "hi dana, it's sam rivera. i interviewed for the data analyst job last tuesday "
        "and i'm ringing about the decision. is a decision close?"
    ): {"greets_by_name": True, "states_purpose": True},
}


@pytest.mark.parametrize(("text", "expected"), OPENER_CASES.items())
def test_05_questions_and_tone_are_read_by_structure(text, expected):
    from followup_kit.messages import check_message

    got = {
        c.id: c for c in check_message(text, "status_call_opener", _scenario("no_news_week").interview).items
    }
    for check_id, passed in expected.items():
        assert got[check_id].passed is passed, (text, check_id, got[check_id].advice)


def test_06_an_angry_reply_is_argumentative_thankless_and_asks_nothing_for_later():
    from followup_kit.messages import check_message

    angry = check_message(
        "That's unfair. Why not me? I had more experience than anyone you interviewed.",
        "feedback_request",
        _scenario("rejected").interview,
    )
    assert {"not_argumentative", "thanks_them", "asks_future_roles"} <= {c.id for c in angry.failed}


FEEDBACK_CASES = {
    "Thanks for nothing, really.": {"thanks_them": False, "not_argumentative": False},
    "Thank you for letting me know, Tom, but I can't accept this.": {"accepts_decision": False},
    (
        "Thanks, Tom. I understand. I should have said more about the newsletter. Which answer would you "
        "have liked more detail on, so I can improve? Please keep me in mind for the next opening."
    ): {"not_argumentative": True, "asks_future_roles": True, "asks_specific_questions": True},
}


@pytest.mark.parametrize(("text", "expected"), FEEDBACK_CASES.items())
def test_06_sarcasm_refusal_and_self_criticism_are_read_by_tone(text, expected):
    from followup_kit.messages import check_message

    got = {c.id: c for c in check_message(text, "feedback_request", _scenario("rejected").interview).items}
    for check_id, passed in expected.items():
        assert got[check_id].passed is passed, (text, check_id, got[check_id].advice)


def test_a_written_message_shows_no_speaking_time_but_a_spoken_one_does():
    """Issue 13: a thank-you note is read, not said: no 'seconds to say aloud' under its feedback."""
    from followup_kit.messages import check_message
    from followup_kit.widgets.rehearsal import speaking_line

    note = check_message("Dear Ana, thank you for meeting me on Monday about the Analyst role.", "thank_you")
    opener = check_message("Hi Ana, this is Sam Lee, calling about the Analyst role.", "status_call_opener")
    assert speaking_line(note) == ""
    assert "to say aloud" in speaking_line(opener) and "target" in speaking_line(opener)
    assert "Your timer ran 12 s" in speaking_line(note, 12, 30)
    written = Rehearsal("thank_you", text="Dear Ana, thank you for meeting me on Monday about the role.")
    written.check_button.click()
    assert written.timing.value == "" and written.feedback is not None
