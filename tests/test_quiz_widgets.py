"""The quiz view, driven headless: pick, check, hint first, then the answer with its source."""

import ipywidgets as widgets

from followup_kit.quiz import QUESTIONS
from followup_kit.widgets.quiz import CSS_CLASSES, QuestionView, QuizView


def wrong(q):
    return next(o for o in q.options if o != q.answer_text)


def test_every_question_has_labelled_controls():
    quiz = QuizView()
    assert len(quiz.questions) == len(QUESTIONS)
    for view in quiz.questions:
        assert isinstance(view.answer, widgets.RadioButtons)
        assert view.answer.description == "Your answer"
        assert view.answer.value is None  # nothing pre-selected
        assert view.check_button.description == "Check my answer"
        assert view.show_button.description == "Show the answer"
        assert view.answer.description_allow_html is False


def test_checking_without_a_pick_asks_for_one():
    view = QuizView().questions[0]
    assert view.check() is None
    assert "Pick one of the options first" in view.result.value
    assert view.attempt.tries == []


def test_wrong_answer_gets_the_hint_then_the_answer_with_source():
    quiz = QuizView()
    view = quiz.question("agency_whom")
    q = view.attempt.question
    view.answer.value = wrong(q)
    view.check_button.click()
    assert "Hint:" in view.result.value
    assert "staffing manager" not in view.result.value.lower()  # the answer is held back
    assert "Source" not in view.result.value
    view.check_button.click()
    assert "The answer: Your staffing manager at the agency" in view.result.value
    assert "Source: Tan, Following Up After Your Interview (seed 004)" in view.result.value
    assert "1 answer shown" in quiz.summary.value


def test_right_answer_and_the_running_summary():
    quiz = QuizView()
    view = quiz.question("the_86_percent")
    view.answer.value = "About 19%"
    view.check_button.click()
    assert "Right." in view.result.value and "19%" in view.result.value
    assert "CareerBuilder, survey of 2,800+ employers, 2011 (evidence pack)" in view.result.value
    assert "1 of 6 right at the first try" in quiz.summary.value


def test_show_the_answer_button():
    view = QuestionView(QUESTIONS[1], 2)
    view.show_button.click()
    assert "The answer: About a week after the interview" in view.result.value
    assert "seed 003" in view.result.value


def test_key_widgets_carry_their_stable_css_classes():
    quiz = QuizView()
    found: dict[str, list[str]] = {}
    stack = [quiz]
    while stack:
        widget = stack.pop()
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
        stack.extend(getattr(widget, "children", ()))
    n = len(QUESTIONS)
    assert found["fk-quiz"] == ["QuizView"] and found["fk-quiz-summary"] == ["HTML"]
    assert found["fk-question"] == ["QuestionView"] * n
    assert found["fk-answers"] == ["RadioButtons"] * n
    assert found["fk-quiz-check"] == ["Button"] * n and found["fk-quiz-show"] == ["Button"] * n
    assert found["fk-quiz-result"] == ["HTML"] * n
    for view in quiz.questions:  # each box holds its own controls
        assert "fk-answers" in view.answer._dom_classes
        assert "fk-quiz-check" in view.check_button._dom_classes
        assert "fk-quiz-result" in view.result._dom_classes
    assert set(found) == set(CSS_CLASSES)


def test_messages_are_live_regions():
    quiz = QuizView()
    view = quiz.questions[0]
    view.check()
    assert view.result.value.startswith("<div role='alert'")
    assert "⚠ Pick one of the options first" in view.result.value
    assert "role='status'" in quiz.summary.value and "So far: " in quiz.summary.value
