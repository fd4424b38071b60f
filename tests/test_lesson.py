"""The exercise helpers: folded hints, a model answer that opens only after a check, the countdown."""

import pytest

from followup_kit.lesson import CLOSED_REASON, Countdown, SolutionGate, hint
from followup_kit.records import ValidationError


def test_hint_is_folded_html_with_its_source():
    h = hint("Name the person <and> the role.", "seed001")
    page = h._repr_html_()
    assert page.startswith("<details>")
    assert "<summary>" in page and "Hint" in page
    assert "&lt;and&gt;" in page  # escaped, not injected
    assert "seed 001 (001_19ce361d3e07b2b6.txt)" in page
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
    assert "evidence.md: §3 A. Thank-you email" in page


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
