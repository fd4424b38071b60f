"""The self-check quiz: hint first, then the answer with its source; the rules it asks about."""

import pytest

from followup_kit.quiz import QUESTIONS, Attempt, Question, score
from followup_kit.records import ValidationError
from followup_kit.sources import SOURCES


def question(qid):
    return next(q for q in QUESTIONS if q.id == qid)


def wrong(q):
    return next(i for i in range(len(q.options)) if i != q.answer)


def test_the_quiz_covers_the_rules_the_issue_asks_for():
    ids = {q.id for q in QUESTIONS}
    assert {"thank_you_when", "call_when_no_date", "call_when_date", "how_many_calls", "agency_whom"} <= ids
    assert question("agency_whom").answer_text == "Your staffing manager at the agency"
    assert "24 hours" in question("thank_you_when").answer_text
    assert question("how_many_calls").answer_text.startswith("One call")
    assert "week" in question("call_when_no_date").answer_text


def test_the_86_percent_misreading_is_corrected():
    q = question("the_86_percent")
    assert q.answer_text == "About 19%"
    assert "careerbuilder2011" in q.sources
    assert "19%" in q.explanation and "22%" in q.explanation


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_every_question_is_well_formed(q):
    assert 2 <= len(q.options) <= 4 and len(set(q.options)) == len(q.options)
    assert q.hint and q.explanation and q.sources
    assert all(s in SOURCES for s in q.sources)
    assert q.answer_text not in q.hint  # the hint does not give the answer away


@pytest.mark.parametrize("q", QUESTIONS, ids=lambda q: q.id)
def test_wrong_then_wrong_gives_hint_then_answer_with_source(q):
    attempt = Attempt(q)
    first = attempt.check(wrong(q))
    assert first.stage == "hint" and not first.correct
    assert q.hint in first.message
    assert q.answer_text not in first.message and first.source == ""
    assert not attempt.done
    second = attempt.check(wrong(q))
    assert second.stage == "answer"
    assert q.answer_text in second.message
    assert second.source == "; ".join(SOURCES[s].short for s in q.sources)
    assert "Source:" in second._repr_html_()
    assert attempt.done and not attempt.first_try_right


def test_right_first_time_explains_and_cites():
    q = question("agency_whom")
    attempt = Attempt(q)
    verdict = attempt.check(q.answer_text)  # by text as well as by index
    assert verdict.correct and verdict.stage == "correct"
    assert verdict.message.startswith("Right.") and "staffing manager" in verdict.message
    assert "seed 004" in verdict.source
    assert attempt.first_try_right and attempt.done


def test_hint_then_right_is_right_but_not_first_try():
    q = question("how_many_calls")
    attempt = Attempt(q)
    assert attempt.check(wrong(q)).stage == "hint"
    assert attempt.check(q.answer).stage == "correct"
    assert not attempt.first_try_right


def test_reveal_shows_the_answer_without_a_try():
    q = question("call_when_date")
    attempt = Attempt(q)
    verdict = attempt.reveal()
    assert verdict.stage == "answer" and verdict.picked is None
    assert verdict.message.startswith("The answer: Friday morning")
    assert "→" in verdict._repr_html_()
    assert attempt.done


@pytest.mark.parametrize("bad", [None, 7, -1, "Maybe", True])
def test_no_choice_or_a_bad_choice_is_a_clear_error(bad):
    attempt = Attempt(QUESTIONS[0])
    with pytest.raises(ValidationError, match="pick one first"):
        attempt.check(bad)
    assert attempt.tries == []


def test_a_question_with_a_bad_answer_index_is_refused():
    with pytest.raises(ValueError, match="not an option index"):
        Question("x", "?", ("a", "b"), 2, "h", "e", ("seed003",))


def test_score_summarises_without_grading():
    attempts = [Attempt(q) for q in QUESTIONS[:3]]
    attempts[0].check(QUESTIONS[0].answer)
    attempts[1].check(wrong(QUESTIONS[1]))
    attempts[1].check(wrong(QUESTIONS[1]))
    assert score(attempts) == "1 of 3 right at the first try; 1 answer shown; 1 still open"


def test_a_right_answer_after_showing_the_answer_is_not_a_first_try_success():
    q = question("agency_whom")
    attempt = Attempt(q)
    attempt.reveal()
    assert attempt.check(q.answer).stage == "correct"
    assert attempt.done and not attempt.first_try_right
    assert score([attempt]) == "0 of 1 right at the first try; 1 answer shown"


def test_an_answer_shown_stays_counted_after_a_right_try():
    q = question("how_many_calls")
    attempt = Attempt(q)
    attempt.check(wrong(q))
    attempt.check(wrong(q))  # the answer is shown
    attempt.check(q.answer)
    assert score([attempt]) == "0 of 1 right at the first try; 1 answer shown"
    right = Attempt(q)
    right.check(q.answer)
    right.reveal()  # reading the explanation again after a right first try keeps the success
    assert right.first_try_right
