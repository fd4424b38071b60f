"""Rehearsal widgets driven headless: type, click, read the feedback; the countdown; comparing notes."""

import html
from datetime import datetime

import ipywidgets as widgets
import pytest

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


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def classes(root):
    """CSS class -> the type names of the widgets under ``root`` that carry it."""
    found: dict[str, list[str]] = {}
    for widget in walk(root):
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
    return found


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
