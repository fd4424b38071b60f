"""The exercise helpers: folded hints, a model answer that opens only after a check, the countdown."""

from datetime import datetime

import pytest

from followup_kit.lesson import (
    CLOSED_REASON,
    Countdown,
    SolutionGate,
    hint,
    model_thank_you,
    practice_interview,
)
from followup_kit.messages import check_message, compare_notes
from followup_kit.records import Interview, ValidationError
from followup_kit.store import InterviewLog


def test_hint_is_folded_html_with_its_source():
    h = hint("Name the person <and> the role.", "seed001")
    page = h._repr_html_()
    assert page.startswith("<details>")
    assert "<summary>" in page and "Hint" in page
    assert "&lt;and&gt;" in page  # escaped, not injected
    assert "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001)" in page
    assert "seed 001" in str(h)


@pytest.mark.parametrize("bad", ["", "   ", None])
def test_an_empty_hint_is_refused(bad):
    with pytest.raises(ValidationError, match="hint"):
        hint(bad)


def test_a_hint_with_an_unknown_source_fails_when_written():
    with pytest.raises(KeyError):
        hint("text", "seed999")


def test_the_model_answer_stays_closed_until_a_check():
    gate = SolutionGate("Dear Dana, thank you…", sources=("model_thank_you",))
    assert not gate.open
    assert gate.reason == CLOSED_REASON
    assert "after a check" in gate.reason
    with pytest.raises(ValidationError, match="check of your own attempt"):
        gate.reveal()
    with pytest.raises(ValidationError):
        gate.answer_html()


def test_recording_a_check_opens_it_and_tells_listeners():
    gate = SolutionGate("Dear Dana,\nthank you", sources=("model_thank_you",))
    seen = []
    gate.on_change(lambda g: seen.append(g.checks))
    feedback = object()
    assert gate.record(feedback) is feedback  # a check cell can show what it recorded
    assert gate.open and gate.reason == ""
    assert seen == [1]
    assert gate.reveal() == "Dear Dana,\nthank you"
    page = gate.answer_html()
    assert "Dear Dana,<br>thank you" in page
    assert "Evidence pack §3 A: model thank-you email" in page


def test_recording_nothing_does_not_open_it():
    gate = SolutionGate("model")
    gate.record(None)
    gate.record(False)
    assert not gate.open


def test_an_empty_model_answer_is_refused():
    with pytest.raises(ValidationError, match="model_answer"):
        SolutionGate("  ")


def test_countdown_ticks_to_zero_and_stops():
    clock = Countdown(30)
    assert clock.remaining == 30 and not clock.running
    assert "Ready" in clock.label
    assert clock.tick() is False and clock.remaining == 30  # not started: time does not pass
    clock.start()
    for _ in range(29):
        assert clock.tick() is True
    assert clock.remaining == 1 and "1 s left" in clock.label
    assert clock.tick() is False
    assert clock.finished and clock.elapsed == 30
    assert "Time's up" in clock.label
    clock.tick()
    assert clock.remaining == 0


def test_countdown_can_be_stopped_and_restarted():
    clock = Countdown(10)
    clock.start()
    clock.tick()
    clock.tick()
    clock.stop()
    assert clock.tick() is False and clock.elapsed == 2
    assert clock.label == "Stopped after 2 s."
    clock.start()
    assert clock.remaining == 10 and clock.running


@pytest.mark.parametrize("bad", [0, 4, 301, 2.5, True, "30"])
def test_countdown_refuses_odd_lengths(bad):
    with pytest.raises(ValidationError, match="seconds"):
        Countdown(bad)


# -- the interview an exercise practises on -------------------------------------------------

HELD = datetime(2026, 3, 3, 10, 0)


def interview(**changes):
    fields = dict(
        company="Northwind Traders",
        role="Data Analyst",
        held_at=HELD,
        interviewers=["Dana Whitfield", "Raj Patel"],
        talking_points=["the Q3 churn dashboard", "moving the monthly reports to Python"],
    )
    fields.update(changes)
    return Interview(**fields)


def test_practice_uses_your_most_recent_fitting_interview(tmp_path):
    log = InterviewLog(tmp_path / "mine")
    log.add(interview(company="Older Co", held_at=datetime(2026, 2, 1, 9, 0)))
    log.add(interview(company="Newest Co", held_at=datetime(2026, 3, 9, 9, 0), talking_points=[]))
    log.add(interview(company="Newer Co", held_at=datetime(2026, 3, 5, 9, 0)))
    practice = practice_interview(interviewers=2, talking_points=1, own=log)
    assert practice.interview.company == "Newer Co"  # Newest Co has no talking points
    assert practice.origin == "your log" and practice.note == ""
    assert str(practice).startswith(
        "Practising with Newer Co, Data Analyst, Thu 5 Mar (Dana Whitfield, Raj Patel)"
    )


def test_practice_falls_back_to_the_sample_and_says_why(tmp_path):
    log = InterviewLog(tmp_path / "empty")
    practice = practice_interview(interviewers=2, talking_points=2, own=log)
    assert practice.origin == "the sample log"
    assert "no interview with 2 interviewers and 2 talking points" in practice.note
    assert len(practice.interview.interviewers) >= 2 and len(practice.interview.talking_points) >= 2
    assert not (tmp_path / "empty").exists()  # reading never creates the learner's folder


def test_a_damaged_own_log_is_skipped_with_a_note(tmp_path):
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "interviews.csv").write_text("this is not a log\n", encoding="utf-8")
    before = (folder / "interviews.csv").read_bytes()
    practice = practice_interview(own=InterviewLog(folder))
    assert practice.origin == "the sample log"
    assert practice.note.startswith("(Your own log could not be read")
    assert (folder / "interviews.csv").read_bytes() == before


def test_no_fitting_interview_anywhere_is_a_clear_error(tmp_path):
    with pytest.raises(ValidationError, match="an interview with 9 interviewer"):
        practice_interview(
            interviewers=9, own=InterviewLog(tmp_path / "a"), sample=InterviewLog(tmp_path / "b")
        )


def test_the_model_thank_you_passes_every_check_for_each_interviewer():
    iv = interview()
    for name, point in zip(iv.interviewers, iv.talking_points, strict=True):
        note = model_thank_you(iv, name)
        assert note.startswith(f"Dear {name.split()[0]},")
        assert point in note and "Tuesday 3 March" in note and "Data Analyst" in note
        feedback = check_message(note, "thank_you", iv)
        assert feedback.passed, [c.id for c in feedback.failed]


def test_two_model_notes_from_one_template_read_as_a_form_letter():
    iv = interview()
    result = compare_notes({name: model_thank_you(iv, name) for name in iv.interviewers})
    assert result.form_letter


def test_model_thank_you_without_points_or_names():
    note = model_thank_you(interview(talking_points=[], interviewers=[], contact="Lee Park"))
    assert note.startswith("Dear Lee,") and "how your team works" in note
    with pytest.raises(ValidationError, match="interviewer's name"):
        model_thank_you(interview(interviewers=[], contact=""))


@pytest.mark.parametrize(
    ("logged", "greeting"),
    [("Dr. Amy Lee", "Dear Dr. Lee,"), ("Mr Tom Park", "Dear Mr Park,"), ("Ms. Okafor", "Dear Ms. Okafor,"),
     ("Prof Jan de Vries", "Dear Prof de Vries,")],
)  # fmt: skip
def test_a_logged_title_gives_a_formal_greeting_that_passes_the_checks(logged, greeting):
    """Notebook 04 asserts the model passes; an interviewer logged as "Dr. Amy Lee" got "Dear Dr.,"."""
    iv = interview(interviewers=[logged, "Lee Chen"])
    note = model_thank_you(iv, logged)
    assert note.startswith(greeting + "\n")
    feedback = check_message(note, "thank_you", iv)
    assert feedback.passed, [c.advice for c in feedback.failed]


def test_feedback_on_a_scenario_never_says_your_log():
    from followup_kit.lesson import about_scenario

    advice = "Check the day: your log says you interviewed on Tuesday 3 March, not Friday. Your log knows."
    said = about_scenario(advice)
    assert "log" not in said.lower()
    assert said == (
        "Check the day: the scenario says you interviewed on Tuesday 3 March, not Friday. The scenario knows."
    )
