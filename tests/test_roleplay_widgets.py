"""The role-play view driven headless: start, click replies or type one, read feedback and the debrief."""

import html
import json
import shutil

import pytest
from widget_tree import classes

from followup_kit.messages import LABELS
from followup_kit.roleplay import SCENARIO_DIR, load_scenarios
from followup_kit.widgets.roleplay import CSS_CLASSES, RolePlay

SCENARIOS = load_scenarios()


def test_before_the_call_the_scenario_is_shown_and_replies_are_hidden():
    rp = RolePlay(SCENARIOS, start="gatekeeper")
    assert rp.picker.description == "Scenario"
    assert rp.picker.value == "gatekeeper"
    assert "A gatekeeper answers" in rp.context.value and "Coastal Bank" in rp.context.value
    assert rp.start_button.description == "Start the call"
    assert rp.reply_box.layout.display == "none"
    assert "press 'Start the call'" in rp.line.value
    rp.picker.value = "offer"
    assert "Quill &amp; Co" in rp.context.value


def test_replying_before_the_start_is_a_message_not_an_error():
    rp = RolePlay(SCENARIOS)
    rp.reply_text.value = "Hello?"
    rp.send_button.click()
    assert "Start the call" in rp.status.value


def test_a_whole_call_by_buttons_ends_in_a_debrief():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    assert rp.reply_box.layout.display == "flex"
    assert "Northwind Traders, Dana Whitfield speaking." in rp.line.value
    labels = [b.description for b in rp.choice_buttons]
    assert labels == [c.label for c in SCENARIOS["no_news_week"].nodes["open"].choices]
    assert all(b.description for b in rp.choice_buttons)  # text labels, not icons
    words = [row.children[1].value for row in rp.choice_box.children]
    assert any("Did I get the job?" in w for w in words)
    rp.choice_buttons[1].click()  # "Did I get the job?"
    assert "Feedback on your reply (turn 1)" in rp.feedback_area.value
    assert LABELS["no_pressure"] in rp.feedback_area.value
    assert "who is this" in rp.line.value
    assert "You:</strong> Hi, it&#x27;s Sam. Did I get the job?" in rp.transcript.value
    rp.choice_buttons[0].click()
    rp.choice_buttons[0].click()
    assert rp.call.finished
    assert rp.reply_box.layout.display == "none"
    assert "The call is over" in rp.status.value
    page = rp.debrief_area.value
    assert "Debrief: A week later, no news" in page
    assert "What to change" in page and LABELS["no_pressure"] in page
    assert "source: Evidence pack §3 B: model follow-up call" in page


def test_a_typed_reply_is_checked_and_routed():
    rp = RolePlay(SCENARIOS, start="rejected")
    rp.start_button.click()
    rp.reply_text.value = (
        "Thank you for letting me know, Tom. I'm disappointed, but I understand. Could you tell me one thing "
        "that would make me a stronger candidate? Please keep me in mind for future roles."
    )
    rp.send_button.click()
    assert rp.reply_text.value == ""  # cleared for the next line
    assert rp.call.node_id == "feedback_given"
    assert "it was close" in rp.line.value
    assert "did what this moment needs" in rp.status.value


def test_an_empty_typed_reply_shows_a_message_and_keeps_the_line():
    rp = RolePlay(SCENARIOS, start="offer")
    rp.start_button.click()
    before = rp.line.value
    rp.reply_text.value = "   "
    rp.send_button.click()
    assert "⚠" in rp.status.value and "reply" not in rp.feedback_area.value
    assert rp.line.value == before and rp.call.turns == []


def test_the_model_answer_opens_after_the_first_reply():
    rp = RolePlay(SCENARIOS, start="voicemail")
    rp.start_button.click()
    (view,) = rp.solution_box.children
    assert view.button.disabled
    rp.choice_buttons[1].click()  # "Hi, it's me. Call me back." ends the call
    assert rp.call.finished
    assert not view.button.disabled
    view.button.click()
    assert "07700 900123" in view.answer.value


def test_start_again_resets_the_call():
    rp = RolePlay(SCENARIOS, start="agency")
    rp.start_button.click()
    rp.choice_buttons[0].click()
    assert rp.start_button.description == "Start again"
    rp.start_button.click()
    assert rp.call.turns == [] and rp.transcript.value == "" and rp.debrief_area.value == ""
    assert "Brightside Staffing, Priya Shah speaking." in rp.line.value


@pytest.mark.parametrize("sid", sorted(SCENARIOS))
def test_every_scenario_plays_to_a_debrief_in_the_view(sid):
    rp = RolePlay(SCENARIOS, start=sid)
    rp.start_button.click()
    while not rp.call.finished:
        rp.choice_buttons[-1].click()
    assert rp.debrief_area.value.startswith("<div><h4>Debrief:")


def test_a_broken_scenario_folder_shows_the_problem(tmp_path):
    for path in SCENARIO_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    data = json.loads((tmp_path / "offer.json").read_text(encoding="utf-8"))
    data["nodes"]["terms"]["choices"][0]["next"] = "nowhere"
    (tmp_path / "offer.json").write_text(json.dumps(data), encoding="utf-8")
    rp = RolePlay(folder=tmp_path)
    assert "offer.json, node &#x27;terms&#x27;: choice 1 goes to unknown node" in rp.status.value
    rp.start_button.click()
    assert "No scenario to play" in rp.status.value


def test_key_widgets_carry_their_stable_css_classes():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    found = classes(rp)
    single = {
        "fk-roleplay": "RolePlay", "fk-scenario": "Dropdown", "fk-start-call": "Button",
        "fk-roleplay-status": "HTML", "fk-scenario-context": "HTML", "fk-transcript": "HTML",
        "fk-employer-line": "HTML", "fk-choices": "VBox", "fk-reply": "Textarea", "fk-send": "Button",
        "fk-turn-feedback": "HTML", "fk-debrief": "HTML", "fk-learner-name": "Text",
    }  # fmt: skip
    for css, kind in single.items():
        assert found[css] == [kind], css
    assert set(single) | {"fk-choice", "fk-choice-words"} == set(CSS_CLASSES)
    n = len(SCENARIOS["no_news_week"].nodes["open"].choices)
    assert found["fk-choice"] == ["Button"] * n and found["fk-choice-words"] == ["HTML"] * n
    assert all("fk-choice" in b._dom_classes for b in rp.choice_buttons)
    assert "fk-employer-line" in rp.line._dom_classes and "fk-reply" in rp.reply_text._dom_classes
    assert "fk-turn-feedback" in rp.feedback_area._dom_classes
    assert "fk-debrief" in rp.debrief_area._dom_classes and "fk-scenario" in rp.picker._dom_classes
    assert found["fk-show-model"] == ["Button"] and found["fk-model-answer"] == ["HTML"]
    rp.choice_buttons[0].click()  # the next line's buttons carry the class too
    assert rp.choice_buttons and all("fk-choice" in b._dom_classes for b in rp.choice_buttons)


def test_status_lines_are_live_regions():
    rp = RolePlay(SCENARIOS)
    rp.send_button.click()
    assert rp.status.value.startswith("<div role='alert'")
    assert "⚠ Press &#x27;Start the call&#x27; first." in rp.status.value
    rp.start_button.click()
    assert "role='status'" in rp.status.value and "The call has started" in rp.status.value


def _all_html(widget):
    """Every text the view shows: HTML values, labels and button texts."""
    texts = []
    stack = [widget]
    while stack:
        w = stack.pop()
        if w.layout.display == "none":
            continue
        texts.append(getattr(w, "value", "") if isinstance(getattr(w, "value", ""), str) else "")
        texts.append(getattr(w, "description", "") or "")
        stack.extend(getattr(w, "children", ()))
    return "\n".join(texts)


def test_each_canned_reply_is_shown_once():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    shown = _all_html(rp)
    for choice in SCENARIOS["no_news_week"].nodes["open"].choices:
        assert shown.count(choice.label) == 1, choice.label
        assert shown.count(html.escape(choice.say)) == 1, choice.say


def test_the_newest_line_stays_above_the_replies_and_the_call_so_far_comes_after_newest_first():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    order = list(rp.children)
    assert order.index(rp.line) + 1 == order.index(rp.reply_box)  # the line sits right above the replies
    assert order.index(rp.transcript) > order.index(rp.reply_box)
    first_line = SCENARIOS["no_news_week"].nodes["open"].line
    rp.choice_buttons[1].click()
    second_line = rp.call.line
    rp.choice_buttons[0].click()
    assert rp.transcript.value.index(html.escape(second_line)) < rp.transcript.value.index(
        html.escape(first_line)
    )
    assert html.escape(rp.call.line) in rp.line.value


def test_the_employer_says_the_learners_name_or_there():
    rp = RolePlay(SCENARIOS, start="offer")
    rp.start_button.click()
    assert "Hi there, it&#x27;s Aisha Khan" in rp.line.value and "Sam" not in rp.line.value
    rp.name.value = "Alex Kim"
    assert "Hi Alex, it&#x27;s Aisha Khan" in rp.line.value
    named = RolePlay(SCENARIOS, start="no_news_week", name="Alex Kim")
    named.start_button.click()
    words = " ".join(row.children[1].value for row in named.choice_box.children)
    assert "Alex Kim" in words and "Sam Rivera" not in words
    named.name.value = "x" * 100
    assert "⚠" in named.status.value  # a bad name is said, the call goes on without it


def test_the_debrief_counts_every_reply_of_the_call():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    while not rp.call.finished:
        rp.choice_buttons[0].click()
    n = len(rp.call.turns)
    assert n >= 2
    assert f"({n} replies by you)" in rp.debrief_area.value


def test_typed_replies_are_a_draft_when_the_view_has_an_exercise_id(tmp_path):
    rp = RolePlay(SCENARIOS, start="rejected", exercise="07-roleplay", drafts_folder=tmp_path)
    rp.start_button.click()
    rp.reply_text.value = "Thank you for letting me know, Tom."
    rp.send_button.click()
    again = RolePlay(SCENARIOS, start="rejected", exercise="07-roleplay", drafts_folder=tmp_path)
    assert again.reply_text.value == "Thank you for letting me know, Tom."
    assert "Tom" not in repr(again)


def test_scenario_feedback_never_says_your_log():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    rp.reply_text.value = (
        "Hi Dana, this is Sam Rivera. I interviewed for the Data Analyst role last Friday. "
        "Is a decision close?"
    )
    rp.send_button.click()
    assert "your log" not in rp.feedback_area.value.lower()
