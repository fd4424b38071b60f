"""Metrics on small hand-made logs whose answers are known, plus the sample at scale."""

from __future__ import annotations

import math
from datetime import date, datetime, timedelta

import pandas as pd
import pytest

from followup_kit import metrics, sample
from followup_kit.records import FollowUp, Interview, ValidationError
from followup_kit.sources import SOURCES

T0 = datetime(2026, 3, 2, 10, 0)


def frames(interviews: dict[str, Interview], followups: dict[str, FollowUp]):
    """Frames in the log's schema, built from validated records (as the log would hold them)."""
    iv, fu = sample.empty_frames()
    iv_rows = [{"id": key, **record.to_dict()} for key, record in interviews.items()]
    fu_rows = [{"id": key, **record.to_dict()} for key, record in followups.items()]
    if iv_rows:
        iv = pd.DataFrame(iv_rows).astype({c: t for c, t in iv.dtypes.items() if t != "object"})
    if fu_rows:
        fu = pd.DataFrame(fu_rows).astype(dict(fu.dtypes.items()))
    return iv, fu


def h(hours: float) -> timedelta:
    return timedelta(hours=hours)


@pytest.fixture
def small():
    """Contoso twice (an offer, a rejection) and Fabrikam with no follow-ups at all."""
    a = Interview("Contoso", "Analyst", T0, kind="phone", interviewers=["Ann Ames", "Bo Bell"],
                  outcome="offer")  # fmt: skip
    b = Interview("Contoso", "Analyst", T0 + timedelta(days=7), kind="video", outcome="rejected")
    c = Interview("Fabrikam", "Clerk", T0 + timedelta(days=2, hours=4), kind="in_person")
    ivs = {"iv-a": a, "iv-b": b, "iv-c": c}
    fus = {
        "fu-1": FollowUp("iv-a", T0 + h(3), "email", "thank_you", "Ann Ames", response_at=T0 + h(5)),
        "fu-2": FollowUp("iv-a", T0 + h(5), "email", "thank_you", "Bo Bell"),
        "fu-3": FollowUp("iv-a", T0 + timedelta(days=5), "call", "status_check", "HR",
                         response_at=T0 + timedelta(days=5, minutes=3)),
        "fu-4": FollowUp("iv-b", b.held_at + h(30), "email", "thank_you", "Cy Cole"),
        "fu-5": FollowUp("iv-b", b.held_at + timedelta(days=7), "email", "status_check", "HR"),
    }  # fmt: skip
    return frames(ivs, fus)


def test_response_rates_by_channel_count_each_follow_up(small):
    table = metrics.response_rates(*small, by="channel")
    assert table["channel"].tolist() == ["email", "call"]
    assert table["count"].tolist() == [4, 1]
    assert table["responses"].tolist() == [1, 1]
    assert table["rate"].tolist() == [0.25, 1.0]


def test_response_rates_by_purpose(small):
    table = metrics.response_rates(*small, by="purpose").set_index("purpose")
    assert table.loc["thank_you", ["count", "responses"]].tolist() == [3, 1]
    assert table.loc["status_check", ["count", "responses"]].tolist() == [2, 1]


def test_company_interviewed_twice_counts_as_two_interviews(small):
    by_kind = metrics.response_rates(*small, by="kind").set_index("kind")
    assert by_kind["count"].sum() == 3
    assert by_kind.loc["phone", "responses"] == 1 and by_kind.loc["video", "responses"] == 0
    timing = metrics.response_rates(*small, by="timing").set_index("timing")
    assert timing["count"].to_dict() == {"within 24 h": 1, "24-48 h": 1, "no thank-you": 1}
    assert timing["responses"].to_dict() == {"within 24 h": 1, "24-48 h": 0, "no thank-you": 0}


def test_timing_uses_the_first_thank_you_of_each_interview(small):
    iv, fu = small
    # a later extra thank-you must not move interview a out of "within 24 h"
    extra = FollowUp("iv-a", T0 + h(80), "card", "thank_you", "Ann Ames")
    fu = pd.concat([fu, frames({}, {"fu-6": extra})[1]], ignore_index=True)
    timing = metrics.response_rates(iv, fu, by="timing").set_index("timing")
    assert timing.loc["within 24 h", "count"] == 1 and "after 48 h" not in timing.index


def test_unknown_grouping_is_refused(small):
    with pytest.raises(ValueError, match="by: expected one of channel"):
        metrics.response_rates(*small, by="company")


def test_time_to_follow_up_keeps_interviews_without_thank_you(small):
    table = metrics.time_to_follow_up(*small).set_index("interview_id")
    assert len(table) == 3
    assert table.loc["iv-a", "hours"] == 3.0
    assert table.loc["iv-b", "hours"] == 30.0
    assert math.isnan(table.loc["iv-c", "hours"])
    assert table["bucket"].to_dict() == {"iv-a": "within 24 h", "iv-b": "24-48 h", "iv-c": "no thank-you"}


def test_funnel_counts_interviews_per_stage(small):
    table = metrics.funnel(*small)
    assert table["stage"].tolist() == list(metrics.FUNNEL_STAGES)
    assert table["interviews"].tolist() == [3, 1, 2, 1, 1]
    assert table["share"].iloc[1] == pytest.approx(1 / 3)


def test_time_to_response_and_summary(small):
    answered = metrics.time_to_response(*small)
    assert sorted(answered["follow_up_id"]) == ["fu-1", "fu-3"]
    assert answered.set_index("follow_up_id")["hours"].to_dict() == {"fu-1": 2.0, "fu-3": 0.05}
    summary = metrics.response_time_summary(*small).set_index("channel")
    assert summary.loc["email", "median_hours"] == 2.0 and summary.loc["call", "responses"] == 1


def test_outcome_mix_lists_every_outcome(small):
    table = metrics.outcome_mix(*small).set_index("outcome")
    assert table["interviews"].to_dict() == {
        "pending": 1, "offer": 1, "rejected": 1, "next_round": 0, "no_response": 0, "withdrawn": 0,
    }  # fmt: skip
    assert table["share"].sum() == pytest.approx(1.0)


def test_interviews_with_no_follow_ups_at_all():
    iv, fu = frames({"iv-x": Interview("Litware", "Clerk", T0)}, {})
    assert metrics.response_rates(iv, fu, "channel").empty
    assert metrics.response_rates(iv, fu, "timing")[["timing", "count", "responses"]].values.tolist() == [
        ["no thank-you", 1, 0]
    ]
    assert metrics.funnel(iv, fu)["interviews"].tolist() == [1, 0, 0, 0, 0]
    assert math.isnan(metrics.time_to_follow_up(iv, fu)["hours"].iloc[0])
    sentences = metrics.findings(iv, fu)
    assert len(sentences) == 3
    assert sentences[0].startswith("Your interview got no thank-you yet [24-hour rule: Four Reasons You")


@pytest.mark.parametrize("empty", ["schema", "bare"])
def test_empty_frames_give_empty_tables_not_errors(empty):
    iv, fu = sample.empty_frames() if empty == "schema" else (pd.DataFrame(), pd.DataFrame())
    for by in metrics.COUNTED:
        assert metrics.response_rates(iv, fu, by).empty
    assert metrics.time_to_follow_up(iv, fu).empty
    assert metrics.funnel(iv, fu)["interviews"].tolist() == [0] * 5
    assert metrics.time_to_response(iv, fu).empty
    assert metrics.response_time_summary(iv, fu).empty
    assert metrics.outcome_mix(iv, fu)["interviews"].sum() == 0
    assert metrics.findings(iv, fu) == [
        "No interviews logged yet: log your first one and the dashboard fills in."
    ]


def test_a_response_before_its_follow_up_is_refused_upstream():
    with pytest.raises(ValidationError, match="response_at: expected a time after the follow-up"):
        FollowUp("iv-a", T0 + h(3), "email", "thank_you", "Ann", response_at=T0 + h(2))


def test_follow_ups_of_unknown_interviews_are_ignored(small):
    iv, fu = small
    stray = frames({}, {"fu-9": FollowUp("iv-gone", T0, "call", "status_check", "HR", response_at=T0)})[1]
    both = pd.concat([fu, stray], ignore_index=True)
    assert metrics.response_rates(iv, both).equals(metrics.response_rates(iv, fu))


def test_filter_frames_by_date_and_kind(small):
    iv, fu = small
    kept_iv, kept_fu = metrics.filter_frames(iv, fu, start=date(2026, 3, 3), end=date(2026, 3, 9))
    assert set(kept_iv["id"]) == {"iv-b", "iv-c"}
    assert set(kept_fu["interview_id"]) == {"iv-b"}
    only_phone, phone_fu = metrics.filter_frames(iv, fu, kinds=["phone"])
    assert only_phone["id"].tolist() == ["iv-a"] and len(phone_fu) == 3
    assert metrics.filter_frames(iv, fu, kinds=[])[0].empty


def test_findings_compare_channels_and_count_late_thank_yous():
    ivs, fus = {}, {}
    for i in range(10):
        held = T0 + timedelta(days=i)
        ivs[f"iv-{i}"] = Interview("Contoso", "Analyst", held, outcome="rejected" if i < 4 else "pending")
        late = 30 if i < 3 else 2
        replied = held + h(late + 1) if i < 2 else None
        fus[f"fu-e{i}"] = FollowUp(f"iv-{i}", held + h(late), "email", "thank_you", "Ann",
                                   response_at=replied)  # fmt: skip
        if i < 5:
            answered = held + timedelta(days=3, minutes=5) if i < 4 else None
            fus[f"fu-c{i}"] = FollowUp(f"iv-{i}", held + timedelta(days=3), "call", "status_check", "HR",
                                       response_at=answered)  # fmt: skip
    sentences = metrics.findings(*frames(ivs, fus))
    assert len(sentences) == 3
    assert sentences[0].startswith("3 of your 10 interviews got their first thank-you after 24 h")
    assert "seed 000" in sentences[0] and "seed 001" in sentences[0]
    assert sentences[1] == "Your calls got replies 4.0× as often as your emails (80% of 5 vs 20% of 10)."
    assert sentences[2].startswith("5 of your 6 pending interviews have no status check yet")


def test_findings_on_the_sample_are_three_computed_sentences():
    iv, fu = sample.generate(72, seed=0)
    sentences = metrics.findings(iv, fu)
    assert len(sentences) == 3 and all(s.strip().endswith(".") for s in sentences)
    late = metrics.time_to_follow_up(iv, fu)
    n_late = int((late["hours"] > 24).sum())
    assert sentences[0].startswith(f"{n_late} of your 72 interviews")
    other = sample.generate(72, seed=1)
    assert metrics.findings(*other) != sentences


def test_metrics_scale_to_a_class():
    iv, fu = sample.generate(20_000, seed=1)
    timing = metrics.response_rates(iv, fu, "timing")
    assert timing["count"].sum() == 20_000
    assert metrics.funnel(iv, fu)["interviews"].iloc[0] == 20_000
    assert metrics.response_rates(iv, fu)["count"].sum() == len(fu)


def test_one_interview_thanked_on_time_still_gets_three_findings():
    iv, fu = frames(
        {"iv-1": Interview("Contoso", "Analyst", T0)},
        {"fu-1": FollowUp("iv-1", T0 + h(2), "email", "thank_you", "Ann")},
    )
    sentences = metrics.findings(iv, fu)
    assert sentences == [
        "Your pending interview has no status check yet: one call a week after is enough if "
        f"you haven't heard [{SOURCES['seed003'].short}].",
        "Of your 1 interview, 0 ended in an offer, 0 in a rejection and 1 is still pending.",
        f"Your interview got a thank-you within 24 h [24-hour rule: {metrics.cite('seed000', 'seed001')}].",
    ]
    answered = fu.assign(response_at=fu["at"] + pd.Timedelta(hours=3))
    withdrawn = iv.assign(outcome="withdrawn")
    later = metrics.findings(withdrawn, answered)
    assert later[-1] == "Replies came a median of 3 h after you followed up (1 reply in all)."
    assert len(later) == 3


def test_filter_problem_names_a_backwards_range_and_an_empty_or_unknown_kind():
    assert metrics.filter_problem(None, None, None) is None
    assert metrics.filter_problem(date(2026, 3, 1), date(2026, 3, 1), ("phone",)) is None
    backwards = metrics.filter_problem(date(2026, 9, 1), date(2026, 3, 1), None)
    assert backwards is not None and "'From' (Tue 1 Sep 2026) is after 'To' (Sun 1 Mar 2026)" in backwards
    assert "Pick at least one interview kind" in (metrics.filter_problem(None, None, ()) or "")
    assert "'fax'" in (metrics.filter_problem(None, None, ("phone", "fax")) or "")
