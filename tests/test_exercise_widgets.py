"""widgets/exercise.py: the writing exercise (box, Check, drafts, model answer) used by notebooks 04-07."""

import json
from datetime import datetime

import ipywidgets as widgets
import pytest
from widget_tree import classes, walk

from followup_kit import drafts
from followup_kit.records import Interview, ValidationError
from followup_kit.roleplay import Call, load_scenarios
from followup_kit.widgets.exercise import CSS_CLASSES, Exercise, interview_card, rows_for
from followup_kit.widgets.rehearsal import CompareNotes

INTERVIEW = Interview(
    company="Northwind Analytics",
    role="Data Analyst",
    held_at=datetime(2026, 3, 3, 10, 0),
    interviewers=["Dana Whitfield", "Raj Patel"],
    talking_points=["the Q3 churn dashboard", "moving reports to Python"],
)
WEAK = "Hi, did I get the job?"
MARKER = "ZQX-marker-7731"


def opener(folder, **options):
    return Exercise(
        "05-opener",
        "status_call_opener",
        INTERVIEW,
        label="Your call opener",
        model_answer="Hi Dana, this is Sam Rivera…",
        sources=("model_call",),
        folder=folder,
        **options,
    )


def test_check_shows_the_verdict_first_with_sources_and_opens_the_model_answer(tmp_path):
    ex = opener(tmp_path)
    assert ex.solution.button.disabled and "after a check" in ex.solution.reason.value
    ex.text.value = WEAK
    feedback = ex.check_button.click() or ex.feedback
    assert ex.status.value.count(feedback.verdict) == 1  # the verdict beside the button
    html = ex.feedback_area.value
    assert html.index(feedback.verdict) < html.index("Source:")  # verdict before the details
    assert "seconds to say aloud" in ex.timing.value  # a spoken message: its speaking time
    assert not ex.solution.button.disabled
    ex.solution.button.click()
    assert "Hi Dana, this is Sam Rivera" in ex.solution.answer.value


def test_check_saves_the_draft_and_a_new_view_brings_it_back(tmp_path):
    ex = opener(tmp_path)
    ex.text.value = f"Hi Dana, {MARKER}"
    ex.check_button.click()
    saved = json.loads((tmp_path / "drafts" / "05-opener.json").read_text(encoding="utf-8"))
    assert saved["parts"]["text"] == f"Hi Dana, {MARKER}"
    again = opener(tmp_path)  # what a kernel restart and Run All do
    assert again.text.value == f"Hi Dana, {MARKER}"
    assert "Your draft is back" in again.drafts.status.value
    assert again.solution.button.disabled  # a new session checks again before the model answer


def test_save_draft_says_where_and_refuses_an_empty_box(tmp_path):
    ex = opener(tmp_path)
    ex.drafts.save_button.click()
    assert "Nothing to save yet" in ex.drafts.status.value
    assert not (tmp_path / "drafts").exists()
    ex.text.value = "Hi Dana"
    ex.drafts.save_button.click()
    assert (
        str(tmp_path / "drafts") in ex.drafts.status.value and "not in the notebook" in ex.drafts.status.value
    )
    assert drafts.load("05-opener", folder=tmp_path).text == "Hi Dana"


def test_delete_draft_asks_first(tmp_path):
    ex = opener(tmp_path)
    ex.text.value = "Hi Dana"
    ex.drafts.save_button.click()
    ex.drafts.delete_button.click()
    assert ex.drafts.confirm.pending and ex.drafts.confirm.layout.display == "flex"
    ex.drafts.confirm.no.click()
    assert drafts.load("05-opener", folder=tmp_path).text == "Hi Dana" and ex.text.value == "Hi Dana"
    ex.drafts.delete_button.click()
    ex.drafts.confirm.yes.click()
    assert drafts.load("05-opener", folder=tmp_path) is None
    assert ex.text.value == "" and "Draft deleted" in ex.drafts.status.value


def test_an_empty_check_says_so_beside_the_button_and_saves_nothing(tmp_path):
    ex = opener(tmp_path)
    assert ex.check() is None
    assert "⚠" in ex.status.value and ex.feedback_area.value == ""
    assert ex.solution.button.disabled
    assert drafts.load("05-opener", folder=tmp_path) is None


def test_a_damaged_draft_is_named_and_the_exercise_still_works(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "05-opener.json").write_text("{oops", encoding="utf-8")
    ex = opener(tmp_path)
    assert "05-opener.json" in ex.drafts.status.value and ex.text.value == ""
    ex.text.value = "Hi Dana, this is Sam Rivera."
    ex.check_button.click()
    assert drafts.load("05-opener", folder=tmp_path).text == "Hi Dana, this is Sam Rivera."


def test_a_folder_that_cannot_be_written_is_said_and_the_check_still_runs(tmp_path):
    blocker = tmp_path / "log"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    ex = opener(blocker)
    ex.text.value = WEAK
    ex.check_button.click()
    assert "could not be saved" in ex.drafts.status.value
    assert ex.feedback is not None and ex.feedback.verdict in ex.status.value


def test_the_learners_text_is_not_in_the_widgets_text_repr(tmp_path):
    """JupyterLab saves an output's text/plain copy in the notebook: it must not carry the draft."""
    drafts.save("05-opener", f"Hi Dana, {MARKER}", folder=tmp_path)
    ex = opener(tmp_path)
    assert ex.text.value.endswith(MARKER)
    assert MARKER not in ex._repr_mimebundle_()["text/plain"] and repr(ex) == "Exercise('05-opener')"
    notes = CompareNotes(["Dana Whitfield", "Raj Patel"], notes={"Dana Whitfield": MARKER, "Raj Patel": "x"})
    assert MARKER not in notes._repr_mimebundle_()["text/plain"]


def test_the_box_grows_with_the_text(tmp_path):
    ex = opener(tmp_path)
    assert ex.text.rows == 4
    ex.text.value = "\n".join(["line"] * 12)
    assert ex.text.rows == 13
    ex.text.value = "x" * (80 * 50)
    assert ex.text.rows == 30  # capped: the page scrolls, not a box inside it
    assert rows_for("") == 4 and rows_for("a" * 161) == 4


def test_a_timed_exercise_stops_the_clock_on_check_and_shows_the_time_used(tmp_path):
    ex = opener(tmp_path, seconds=30, live_clock=False)
    ex.timer.start_button.click()
    for _ in range(12):
        ex.timer.tick()
    ex.text.value = WEAK
    ex.check_button.click()
    assert not ex.timer.countdown.running
    assert "Your timer ran 12 s of 30 s." in ex.timing.value


def test_a_written_message_shows_no_speaking_time(tmp_path):
    ex = Exercise("04-thank-you", "thank_you", INTERVIEW, label="Your note", folder=tmp_path)
    ex.text.value = "Dear Dana, thank you for Tuesday."
    ex.check_button.click()
    assert ex.feedback is not None and ex.timing.value == ""
    assert ex.solution is None  # no model answer given, none shown


def test_a_custom_check_plays_the_reply_and_shows_what_comes_next(tmp_path):
    gatekeeper = load_scenarios()["gatekeeper"]

    def play(text):
        call = Call(gatekeeper, "regarding")
        turn = call.reply(text)
        return turn.feedback, f"<p class='next'>{call.speaker}: {call.line}</p>"

    ex = Exercise(
        "07-gatekeeper", "status_call_opener", gatekeeper.interview, label="Your answer",
        check=play, model_answer=gatekeeper.model_answer, sources=gatekeeper.sources, folder=tmp_path,
    )  # fmt: skip
    ex.text.value = "Hi, it's Sam. It's about a job."
    ex.check_button.click()
    assert "class='next'" in ex.feedback_area.value
    assert ex.feedback_area.value.index("followup-verdict") < ex.feedback_area.value.index("class='next'")


def test_bad_arguments_are_refused_when_the_notebook_builds_the_view(tmp_path):
    with pytest.raises(ValidationError):
        Exercise("05-opener", "sonnet", label="x", folder=tmp_path)
    with pytest.raises(drafts.DraftError):
        Exercise("../escape", "thank_you", label="x", folder=tmp_path)


def test_compare_notes_keeps_its_notes_as_a_draft(tmp_path):
    names = ["Dana Whitfield", "Raj Patel"]
    notes = CompareNotes(names, notes={n: "template" for n in names}, exercise="04-compare", folder=tmp_path)
    notes.boxes["Dana Whitfield"].value = f"Dear Dana, {MARKER}"
    notes.compare_button.click()
    assert drafts.load("04-compare", folder=tmp_path).parts["Dana Whitfield"] == f"Dear Dana, {MARKER}"
    again = CompareNotes(names, notes={n: "template" for n in names}, exercise="04-compare", folder=tmp_path)
    assert again.boxes["Dana Whitfield"].value == f"Dear Dana, {MARKER}"
    assert again.boxes["Raj Patel"].value == "template"


def test_the_card_names_company_role_date_and_interviewers():
    card = interview_card(INTERVIEW, title="The call", origin="A scenario, not your log.")
    for text in ("Northwind Analytics", "Data Analyst", "Tuesday 3 March 2026", "Dana Whitfield, Raj Patel"):
        assert text in card


def test_key_widgets_carry_their_stable_css_classes(tmp_path):
    ex = opener(tmp_path, context=interview_card(INTERVIEW))
    found = classes(ex)
    assert found["fk-exercise"] == ["Exercise"]
    assert found["fk-exercise-text"] == ["Textarea"] and found["fk-exercise-check"] == ["Button"]
    assert found["fk-save-draft"] == ["Button"] and found["fk-delete-draft"] == ["Button"]
    assert all(isinstance(w, widgets.Widget) for w in walk(ex))
    documented = set(CSS_CLASSES)
    mine = {c for c in found if c.startswith("fk-")} - {c for c in found if c.startswith(("fk-solution",
            "fk-show-model", "fk-model-"))}  # fmt: skip
    from followup_kit.widgets.exercise import Card

    assert documented == mine | set(classes(Card()))


def test_the_gatekeeper_exercise_shows_the_scenario_card_above_the_prompt_and_never_says_your_log(tmp_path):
    from followup_kit.widgets.roleplay import reply_exercise

    gatekeeper = load_scenarios()["gatekeeper"]
    ex = reply_exercise(
        gatekeeper, "regarding", "07-gatekeeper", label="Your answer to reception", folder=tmp_path
    )
    order = list(ex.children)
    assert order.index(ex.context) < order.index(ex.label) < order.index(ex.text)
    card = ex.context.value
    for text in ("Coastal Bank", gatekeeper.interview.role, "Tuesday 3 March 2026", "Nora Lind"):
        assert text in card, text
    assert "Can I ask what this is regarding?" in card
    ex.text.value = (
        "Hi, this is Sam Rivera. I interviewed with Nora for a role last Friday; I'm following up."
    )
    ex.check_button.click()
    assert "What happens next" in ex.feedback_area.value
    assert "your log" not in (ex.feedback_area.value + ex.status.value).lower()
    assert "the scenario says" in ex.feedback_area.value  # the day check, worded for a scenario
    ex.solution.button.click()
    assert gatekeeper.nodes["regarding"].choices[0].say[:40] in html_unescape(ex.solution.answer.value)


def html_unescape(text):
    import html

    return html.unescape(text)


def test_the_practice_card_is_a_widget_whose_repr_holds_nothing_of_the_interview(tmp_path):
    from followup_kit.lesson import practice_interview
    from followup_kit.store import InterviewLog
    from followup_kit.widgets.exercise import Card, practice_card

    mine = InterviewLog(tmp_path / "log")
    mine.add(
        Interview(
            company=MARKER, role="Analyst", held_at=datetime(2026, 3, 3, 10, 0),
            interviewers=["Dana Reyes", "Raj Patel"], talking_points=["one", "two"],
        )
    )  # fmt: skip
    card = practice_card(practice_interview(interviewers=2, talking_points=2, own=mine))
    assert isinstance(card, Card) and MARKER in card.value and "From your log." in card.value
    assert MARKER not in card._repr_mimebundle_()["text/plain"]


def _code_cells(stem):
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "notebooks" / f"{stem}.ipynb"
    return [c for c in json.loads(path.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]


EXERCISE_NOTEBOOKS = ["04_write_a_thank_you_note", "05_rehearse_your_call_opener", "06_ask_for_feedback",
                      "07_role_play_the_call"]  # fmt: skip


@pytest.mark.parametrize("stem", EXERCISE_NOTEBOOKS)
def test_no_learner_text_goes_into_a_code_cell_and_no_demonstration_drives_widgets(stem):
    cells = _code_cells(stem)
    sources = ["".join(c["source"]) for c in cells]
    assert not [s for s in sources if '"""' in s or "'''" in s], "a text to type between quotes"
    driving = [s for s in sources if ".click()" in s or ".value =" in s or ".tick()" in s]
    assert not driving, "a demonstration that drives widgets by code belongs in tests/"
    assert not [s for s in sources if s.strip().startswith("print(")], "outputs that echo data: use a widget"
    assert any("Exercise(" in s or "reply_exercise(" in s for s in sources)
    hidden = [c for c in cells if c["metadata"].get("jupyter", {}).get("source_hidden")]
    assert len(hidden) <= 1, "at most one short worked example, folded"
