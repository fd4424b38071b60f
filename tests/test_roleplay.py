"""The role-play call: scenarios load and validate; every branch of every script plays to a debrief."""

import json
import shutil

import pytest

from followup_kit.messages import CHECK_IDS, LABELS, check_message
from followup_kit.records import ValidationError
from followup_kit.roleplay import (
    SCENARIO_DIR,
    Call,
    ScenarioError,
    load_scenario,
    load_scenarios,
    scenario_from_dict,
)
from followup_kit.sources import SOURCES

SCENARIOS = load_scenarios()
EXPECTED = {"no_news_week", "decision_day_passed", "agency", "rejected", "offer", "voicemail", "gatekeeper"}
KNOWN_SOURCE_TEXTS = {s.short for s in SOURCES.values()}


def choice_paths(scenario):
    """Every sequence of canned-reply indexes from the start node to an end."""
    found = []

    def walk(node_id, picks):
        node = scenario.nodes[node_id]
        if node.end:
            found.append(picks)
            return
        for index, choice in enumerate(node.choices):
            walk(choice.next, (*picks, index))

    walk(scenario.start, ())
    return found


ALL_PATHS = [(sid, picks) for sid, s in SCENARIOS.items() for picks in choice_paths(s)]


def cites_known_sources(text):
    return all(part in KNOWN_SOURCE_TEXTS for part in text.split("; "))


# -- the library ---------------------------------------------------------------------------------


def test_the_seven_scenarios_of_the_issue_are_there():
    assert set(SCENARIOS) == EXPECTED


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_each_scenario_is_complete_and_branches(sid):
    s = SCENARIOS[sid]
    assert s.title and len(s.context.split(". ")) >= 2
    assert s.interview.company and s.interview.role and s.interview.interviewers
    assert s.interview.talking_points
    assert all(src in SOURCES for src in s.sources)
    ends = {n.id for n in s.nodes.values() if n.end}
    assert len(ends) >= 2, "a scenario should end in at least two different ways"
    assert len(choice_paths(s)) >= 3
    assert all(2 <= len(n.choices) <= 3 for n in s.nodes.values() if not n.end)


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_each_model_answer_passes_its_own_checks(sid):
    s = SCENARIOS[sid]
    for kind in s.kinds:
        feedback = check_message(s.model_answer, kind, s.interview)
        assert feedback.passed, (sid, kind, [c.id for c in feedback.failed])


def test_the_employer_lines_the_issue_names_are_in_the_scripts():
    lines = " ".join(n.line for s in SCENARIOS.values() for n in s.nodes.values())
    for phrase in ("haven't decided yet", "went with another candidate", "what this is regarding", "[beep]"):
        assert phrase in lines


def test_the_agency_scenario_is_a_call_to_the_staffing_manager():
    s = SCENARIOS["agency"]
    assert "staffing manager" in s.nodes[s.start].speaker
    assert s.interview.agency_contact.startswith("Priya Shah")
    assert "seed004" in s.sources


# -- every branch ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sid", "picks"), ALL_PATHS, ids=[f"{s}-{''.join(map(str, p))}" for s, p in ALL_PATHS]
)
def test_every_branch_plays_to_the_end_and_gets_a_sourced_debrief(sid, picks):
    scenario = SCENARIOS[sid]
    call = Call(scenario)
    for number, index in enumerate(picks, start=1):
        assert not call.finished
        line = call.line
        choice = call.choices[index]
        turn = call.choose(index)
        assert turn.number == number and turn.line == line and turn.text == choice.say
        assert turn.next == choice.next == call.node_id
        assert turn.feedback.kind == turn.kind and turn.counted
    assert call.finished and call.choices == ()
    debrief = call.debrief()
    points = debrief.went_well + debrief.to_change
    assert points, "a debrief always has something to say"
    for point in points:
        assert point.label and point.advice and point.turns
        assert cites_known_sources(point.source), point.source
    assert debrief.ending == call.line
    page = debrief._repr_html_()
    assert "What went well" in page and "What to change" in page and "source:" in page
    assert debrief.summary().startswith(f"Debrief: {scenario.title}")
    # a turn that failed a counted check, or a choice noted as a mistake, is something to change
    must_change = {c.id for t in call.turns for c in t.counted if not c.passed}
    must_change |= {f"choice:{t.node}" for t in call.turns if t.choice.note and not t.choice.note.went_well}
    assert must_change == {p.id for p in debrief.to_change}
    assert not must_change & {p.id for p in debrief.went_well}


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_the_best_replies_give_a_clean_debrief(sid):
    call = Call(SCENARIOS[sid])
    while not call.finished:
        call.choose(0)  # the first canned reply is always the model one
    debrief = call.debrief()
    assert debrief.to_change == (), [p.label for p in debrief.to_change]
    assert len(debrief.went_well) >= 3


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_a_weak_first_reply_shows_up_as_something_to_change(sid):
    scenario = SCENARIOS[sid]
    call = Call(scenario)
    call.choose(len(call.choices) - 1)  # the last canned reply is always a weak one
    while not call.finished:
        call.choose(0)
    debrief = call.debrief()
    assert any(1 in p.turns for p in debrief.to_change)


# -- typed replies ----------------------------------------------------------------------------

REPLY_NODES = [(sid, n.id) for sid, s in SCENARIOS.items() for n in s.nodes.values() if not n.end]


@pytest.mark.parametrize(("sid", "node_id"), REPLY_NODES, ids=[f"{s}-{n}" for s, n in REPLY_NODES])
def test_typed_replies_follow_the_rule_like_the_canned_ones(sid, node_id):
    """Typing the model reply goes the 'passed' way; typing the weakest goes the 'failed' way."""
    scenario = SCENARIOS[sid]
    node = scenario.nodes[node_id]
    good = Call(scenario, node_id)
    turn = good.reply(node.choices[0].say)
    assert turn.choice is None and turn.picked is None
    assert turn.passed and good.node_id == node.typed.passed
    weak = Call(scenario, node_id)
    turn = weak.reply(node.choices[-1].say)
    assert not turn.passed and weak.node_id == node.typed.failed


def test_typed_replies_walk_a_whole_call():
    call = Call(SCENARIOS["rejected"])
    call.reply("That's unfair, why not me? I was better qualified than anyone.")
    assert call.line.startswith("Hmm, I'm not sure how much I can say")
    call.reply("I understand, thank you for your time, Tom. Please keep me in mind for future roles.")
    assert call.finished and call.line.startswith("Thanks for taking it so well")
    debrief = call.debrief()
    to_change = {p.id: p for p in debrief.to_change}
    assert to_change["not_argumentative"].turns == (1,)
    assert to_change["not_argumentative"].label == LABELS["not_argumentative"]
    assert to_change["asks_future_roles"].turns == (1,)  # missing in turn 1, even if fixed in turn 2
    assert "thanks_them" in to_change


def test_the_weak_opener_goes_the_cold_way_and_the_debrief_says_why():
    call = Call(SCENARIOS["no_news_week"])
    call.reply("Hi, did I get the job?")
    assert call.node_id == "put_off"
    assert "who is this" in call.line
    call.choose(1)
    assert call.finished
    debrief = call.debrief()
    change = {p.id: p for p in debrief.to_change}
    assert "Evidence pack §3 B: model follow-up call" in change["no_pressure"].source
    assert change["no_pressure"].advice
    assert {"says_who_you_are", "names_role_and_date", "asks_one_question"} <= set(change)


def test_a_choice_note_reaches_the_debrief_with_its_source():
    call = Call(SCENARIOS["agency"])
    call.choose(0)
    turn = call.choose("Say you'll ring Calder's hiring manager yourself to speed it up")  # by label
    assert turn.passed  # the words pass the checks…
    debrief = call.debrief()
    note = next(p for p in debrief.to_change if p.id == "choice:pending")
    assert note.label == "Your choice: think again"
    assert "staffing manager" in note.advice  # …but whom you call is the point
    assert note.source == "Tan, Following Up After Your Interview (seed 004)"


# -- mistakes a learner can make --------------------------------------------------------------


@pytest.mark.parametrize("bad", ["", "   ", "\n"])
def test_an_empty_reply_is_refused_and_nothing_changes(bad):
    call = Call(SCENARIOS["offer"])
    with pytest.raises(ValidationError, match="text"):
        call.reply(bad)
    assert call.turns == [] and call.node_id == "open"


def test_odd_replies_get_feedback_not_a_crash():
    for text in ("🙂🙂🙂", '=HYPERLINK("x")', "a" * 1999):
        call = Call(SCENARIOS["gatekeeper"])
        turn = call.reply(text)
        assert not turn.passed


def test_an_overlong_reply_is_refused():
    call = Call(SCENARIOS["gatekeeper"])
    with pytest.raises(ValidationError, match="2,000 characters"):
        call.reply("word " * 500)
    assert call.turns == []


def test_a_finished_call_takes_no_more_replies_and_can_restart():
    call = Call(SCENARIOS["voicemail"])
    call.choose(1)
    assert call.finished
    with pytest.raises(ValidationError, match="start a new one"):
        call.reply("Hello?")
    call.restart()
    assert not call.finished and call.turns == [] and "[beep]" in call.line


@pytest.mark.parametrize("pick", [3, -1, "No such reply", None, True])
def test_a_choice_that_is_not_on_offer_is_refused(pick):
    call = Call(SCENARIOS["offer"])
    with pytest.raises(ValidationError, match="one of the replies on offer"):
        call.choose(pick)
    assert call.turns == []


def test_no_debrief_before_a_reply():
    with pytest.raises(ValidationError, match="at least one reply"):
        Call(SCENARIOS["offer"]).debrief()


# -- validation of scenario files --------------------------------------------------------------


def raw(sid="no_news_week"):
    return json.loads((SCENARIO_DIR / f"{sid}.json").read_text(encoding="utf-8"))


def test_bad_json_names_the_file_and_the_line(tmp_path):
    path = tmp_path / "broken.json"
    path.write_text('{\n  "id": "broken",\n  "title": "x",\n}\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"broken\.json: not valid JSON \(line 4"):
        load_scenario(path)


def test_an_unknown_next_node_names_the_file_and_the_node(tmp_path):
    data = raw()
    data["nodes"]["not_decided"]["choices"][1]["next"] = "end_nowhere"
    path = tmp_path / "no_news_week.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScenarioError) as error:
        load_scenarios(tmp_path)
    message = str(error.value)
    assert message.startswith(
        "no_news_week.json, node 'not_decided': choice 2 goes to unknown node 'end_nowhere'"
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["nodes"]["open"]["typed"].update(failed="gone"),
            r"node 'open': typed 'failed' goes to unknown",
        ),
        (lambda d: d.update(start="middle"), r"start node 'middle' is not one of the nodes"),
        (lambda d: d.update(sources=["seed999"]), r"unknown source id\(s\) 'seed999'"),
        (
            lambda d: d["nodes"]["open"].update(reply_kind="letter"),
            r"node 'open': reply_kind 'letter' is not",
        ),
        (lambda d: d["nodes"]["open"].update(focus=["greets_by_nmae"]), r"'greets_by_nmae' is not a check"),
        (
            lambda d: d["nodes"]["not_decided"]["choices"].__delitem__(slice(1, 3)),
            r"give 2 or 3 canned replies",
        ),
        (
            lambda d: d["nodes"]["end_good"].update(reply_kind="voicemail"),
            r"node 'end_good': missing 'choices'",
        ),
        (
            lambda d: d["nodes"]["end_good"].update(typed={"passed": "x"}),
            r"a node with choices needs a 'reply_kind'",
        ),
        (lambda d: d["nodes"]["open"]["choices"][0].pop("say"), r"node 'open', choice 1: missing 'say'"),
        (lambda d: d["interview"].update(held_at="someday"), r"interview: held_at: expected a date and time"),
        (lambda d: d.update(id="other"), r"id 'other' should match the file name"),
        (lambda d: d["nodes"]["not_decided"]["choices"][0].update(next="open"), r"goes back to 'open'"),
        (lambda d: d["nodes"].update(orphan={"speaker": "x", "line": "y"}), r"'orphan' can never be reached"),
        (lambda d: d.update(kinds=["voicemail"]), r"reply_kind 'status_call_opener' is missing from"),
        (lambda d: d["nodes"]["open"]["choices"][0].update(note={"text": "x"}), r"'note' needs went_well"),
    ],
)
def test_a_broken_script_is_refused_with_a_clear_message(change, expected, tmp_path):
    data = raw()
    change(data)
    with pytest.raises(ScenarioError, match=expected) as error:
        scenario_from_dict(data, tmp_path / "no_news_week.json")
    assert str(error.value).startswith("no_news_week.json")


def test_an_empty_folder_is_a_clear_error(tmp_path):
    with pytest.raises(ScenarioError, match="no scenario files"):
        load_scenarios(tmp_path)


def test_a_copied_folder_loads_the_same(tmp_path):
    for path in SCENARIO_DIR.glob("*.json"):
        shutil.copy(path, tmp_path / path.name)
    assert set(load_scenarios(tmp_path)) == EXPECTED


def test_focus_and_key_checks_are_real_check_ids():
    for s in SCENARIOS.values():
        for n in s.nodes.values():
            if not n.end:
                assert set(n.focus) | set(n.typed.key_checks) <= set(CHECK_IDS[n.kind])


def test_paths_lists_every_route_including_typed_ones():
    s = SCENARIOS["voicemail"]
    assert sorted(s.paths()) == sorted(
        [("open", "callback", "end_good"), ("open", "callback", "end_cool"), ("open", "end_silence")]
    )
    assert "Summit Engineering" in s._repr_html_()


def test_telling_reception_what_it_is_regarding_gets_you_put_through():
    """Notebook 07's exercise asks for who you are, the role and day, and why you call: that must do.

    Reception asked what the call is about, so the advice must not be to greet the receptionist
    as the interviewer ("Hi Nora,").
    """
    good = (
        "This is Sam Rivera. I interviewed for the Branch Operations Associate role on Tuesday 3 March, "
        "and I'm calling to follow up on the status."
    )
    call = Call(SCENARIOS["gatekeeper"], "regarding")
    turn = call.reply(good)
    assert turn.passed and call.node_id == "put_through"
    vague = Call(SCENARIOS["gatekeeper"], "regarding")
    turn = vague.reply("Hi, it's Sam. It's about a job.")
    assert not turn.passed and vague.node_id == "end_message"
    assert {c.id for c in turn.counted if not c.passed} == {"names_role_and_date", "states_purpose"}
    assert all("Hi Nora" not in c.advice for c in turn.counted)


# -- the debrief's counts and the learner's name --------------------------------------------------


def test_the_debrief_counts_every_turn_of_the_call_not_one_points_turns():
    """The debrief once held the last point's turn numbers instead of the call's turns."""
    call = Call(SCENARIOS["no_news_week"])
    call.choose("Ask straight out whether you got the job")
    call.choose("Apologise, then introduce yourself properly and ask one question")
    call.choose("Say you'll call again tomorrow and the day after")
    debrief = call.debrief()
    assert [t.number for t in debrief.turns] == [1, 2, 3]
    assert all(hasattr(t, "feedback") for t in debrief.turns)
    assert "(3 turns)" in debrief.summary()
    assert "(3 replies by you)" in debrief._repr_html_()
    many = next(p for p in (*debrief.went_well, *debrief.to_change) if len(p.turns) > 1)
    assert f"turns {', '.join(map(str, many.turns))};" in debrief._repr_html_()


def test_a_whole_weak_call_played_by_code_gets_a_sourced_debrief():
    """Moved from notebook 07 ("A whole call, played by code"): the pressure and the extra calls."""
    call = Call(SCENARIOS["no_news_week"])
    call.choose("Ask straight out whether you got the job")
    call.choose("Apologise, then introduce yourself properly and ask one question")
    call.choose("Say you'll call again tomorrow and the day after")
    assert call.finished
    debrief = call.debrief()
    to_change = {p.id: p for p in debrief.to_change}
    assert "no_pressure" in to_change  # "Did I get the job?"
    assert "Only make one call" in to_change["choice:not_decided"].advice
    assert all(p.source for p in debrief.went_well + debrief.to_change)


@pytest.mark.parametrize(
    ("line", "name", "said"),
    [
        ("Hi Sam, it's Aisha Khan from Quill & Co.", None, "Hi there, it's Aisha Khan from Quill & Co."),
        (
            "Thanks for calling, Sam. We haven't decided yet.",
            None,
            "Thanks for calling. We haven't decided yet.",
        ),
        ("Thanks for your patience, Sam; talk soon.", None, "Thanks for your patience; talk soon."),
        ("Hi Sam, it's Aisha Khan from Quill & Co.", "Alex Kim", "Hi Alex, it's Aisha Khan from Quill & Co."),
        ("Thanks, Sam.", "Alex Kim", "Thanks, Alex."),
    ],
)
def test_the_employer_says_the_learners_name_or_there(line, name, said):
    from followup_kit.roleplay import personalise

    assert personalise(line, name) == said


def test_a_named_call_personalises_the_employer_and_the_canned_words_but_not_the_checks():
    call = Call(SCENARIOS["offer"], learner="  Alex   Kim ")
    assert call.learner == "Alex Kim"
    assert call.line.startswith("Hi Alex,") and "Sam" not in call.line
    unnamed = Call(SCENARIOS["no_news_week"])
    named = Call(SCENARIOS["no_news_week"], learner="Alex Kim")
    for a, b in zip(unnamed.choices, named.choices, strict=True):
        assert b.say == a.say.replace("Sam Rivera", "Alex Kim").replace("Sam", "Alex")
        assert b.label == a.label and b.next == a.next
    turn = named.choose(0)
    assert "Alex Kim" in turn.text and turn.line == named.scenario.nodes["open"].line


@pytest.mark.parametrize("bad", ["x" * 61, "Alex\x07Kim", "Alex\u202eKim", 42])
def test_a_name_that_is_not_a_short_line_is_refused(bad):
    with pytest.raises(ValidationError, match="your name"):
        Call(SCENARIOS["offer"], learner=bad)
