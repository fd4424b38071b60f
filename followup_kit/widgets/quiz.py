"""The self-check quiz as plain ipywidgets: pick an answer, press Check, get a hint, then the answer.

Grading lives in ``followup_kit.quiz``; this view shows it.  Headless tests set
``answer.value`` and click ``check_button`` or ``show_button``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets

from ..quiz import QUESTIONS, Attempt, Question, Verdict, score
from ._common import button, labelled, shown_in, status_html

__all__ = ["CSS_CLASSES", "QuestionView", "QuizView"]

#: The stable CSS classes of the key widgets (class -> widget), for browser tests.
CSS_CLASSES = {
    "fk-quiz": "VBox (the whole quiz)",
    "fk-question": "VBox (one question), one per question",
    "fk-answers": "RadioButtons 'Your answer'",
    "fk-quiz-check": "Button 'Check my answer'",
    "fk-quiz-show": "Button 'Show the answer'",
    "fk-quiz-result": "HTML (hint, verdict or answer with its source)",
    "fk-quiz-summary": "HTML (the running summary, not a grade)",
}


class QuestionView(widgets.VBox):
    """One question: the options as radio buttons, 'Check my answer', 'Show the answer', the verdict."""

    def __init__(self, question: Question, number: int, on_change: Any = None) -> None:
        self.attempt = Attempt(question)
        self._on_change = on_change
        self.prompt = widgets.HTML(
            f"<p><strong>{number}. {html.escape(question.prompt)}</strong></p>", description_allow_html=False
        )
        self.answer = labelled(
            widgets.RadioButtons(
                options=list(question.options),
                value=None,
                description="Your answer",
                style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"),
            ),
            "fk-answers",
        )
        self.check_button = button("Check my answer", "fk-quiz-check", style="primary")
        self.show_button = button("Show the answer", "fk-quiz-show")
        self.result = labelled(widgets.HTML(layout=widgets.Layout(max_width="52em")), "fk-quiz-result")
        self.check_button.on_click(self.check)
        self.show_button.on_click(self.show)
        super().__init__(
            [self.prompt, self.answer, widgets.HBox([self.check_button, self.show_button]), self.result]
        )
        self.add_class("fk-question")

    def check(self, _button: Any = None) -> Verdict | None:
        """Grade the picked option: a hint after the first wrong try, the answer after the second."""
        if self.answer.value is None:
            self.result.value = status_html("error", "Pick one of the options first, then press Check.")
            return None
        with shown_in(self.result) as guard:
            verdict = self.attempt.check(self.answer.value)
        return None if guard.failed else self._show(verdict)

    def show(self, _button: Any = None) -> Verdict:
        """Show the answer with its source without another try."""
        return self._show(self.attempt.reveal())

    def _show(self, verdict: Verdict) -> Verdict:
        self.result.value = verdict._repr_html_()
        if self._on_change is not None:
            self._on_change()
        return verdict


class QuizView(widgets.VBox):
    """Every question, one under the other, and a running summary (not a grade)."""

    def __init__(self, questions: Sequence[Question] = QUESTIONS) -> None:
        self.summary = labelled(widgets.HTML(), "fk-quiz-summary")
        self.questions = [QuestionView(q, n, self._update) for n, q in enumerate(questions, start=1)]
        self._update()
        super().__init__([*self.questions, self.summary])
        self.add_class("fk-quiz")

    def _update(self) -> None:
        so_far = score([v.attempt for v in self.questions])
        self.summary.value = status_html("info", f"So far: {so_far}.")

    def question(self, qid: str) -> QuestionView:
        """The view of the question with id ``qid`` (for a demonstration or a test)."""
        for view in self.questions:
            if view.attempt.question.id == qid:
                return view
        raise KeyError(qid)
