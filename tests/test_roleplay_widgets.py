"""The role-play view driven headless: start, click replies or type one, read feedback and the debrief."""

import json
import shutil

import pytest

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
    assert "Did I get the job?" in rp.choice_words.value
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


def classes(root):
    """CSS class -> the type names of the widgets under ``root`` that carry it."""
    found: dict[str, list[str]] = {}
    stack = [root]
    while stack:
        widget = stack.pop()
        for css in widget._dom_classes:
            found.setdefault(css, []).append(type(widget).__name__)
        stack.extend(getattr(widget, "children", ()))
    return found


def test_key_widgets_carry_their_stable_css_classes():
    rp = RolePlay(SCENARIOS, start="no_news_week")
    rp.start_button.click()
    found = classes(rp)
    single = {
        "fk-roleplay": "RolePlay", "fk-scenario": "Dropdown", "fk-start-call": "Button",
        "fk-roleplay-status": "HTML", "fk-scenario-context": "HTML", "fk-transcript": "HTML",
        "fk-employer-line": "HTML", "fk-choices": "HTML", "fk-reply": "Textarea", "fk-send": "Button",
        "fk-turn-feedback": "HTML", "fk-debrief": "HTML",
    }  # fmt: skip
    for css, kind in single.items():
        assert found[css] == [kind], css
    assert set(single) | {"fk-choice"} == set(CSS_CLASSES)
    assert found["fk-choice"] == ["Button"] * len(SCENARIOS["no_news_week"].nodes["open"].choices)
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
