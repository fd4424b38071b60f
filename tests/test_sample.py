"""The synthetic sample: deterministic, in the log's schema, valid row by row, realistic."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from followup_kit import metrics, sample
from followup_kit.records import (
    CHANNELS,
    FOLLOWUP_FIELDS,
    INTERVIEW_FIELDS,
    OUTCOMES,
    FollowUp,
    Interview,
    check_followup_after,
)


def _plain(value):
    """A frame cell as the plain Python value a record takes (NaN, NaT, NA become None)."""
    if isinstance(value, list):
        return value
    return None if pd.isna(value) else value


def test_same_seed_same_frames_other_seed_other_frames():
    a, b = sample.generate(50, seed=3), sample.generate(50, seed=3)
    pd.testing.assert_frame_equal(a[0], b[0])
    pd.testing.assert_frame_equal(a[1], b[1])
    c = sample.generate(50, seed=4)
    assert not a[0]["id"].equals(c[0]["id"])


def test_columns_and_dtypes_are_the_logs():
    iv, fu = sample.generate(30)
    assert tuple(iv.columns) == ("id",) + INTERVIEW_FIELDS
    assert tuple(fu.columns) == ("id",) + FOLLOWUP_FIELDS
    for column in ("held_at", "decision_by"):
        assert iv[column].dtype == "datetime64[us]"
    for column in ("at", "response_at"):
        assert fu[column].dtype == "datetime64[us]"
    assert iv["decision_in_business_days"].dtype == "Int64"
    assert iv["company"].dtype == "str" and fu["channel"].dtype == "str"
    assert all(isinstance(x, list) for x in iv["interviewers"])
    assert all(isinstance(x, list) for x in iv["talking_points"])
    assert iv["id"].str.fullmatch(r"iv-[0-9a-f]{8}").all()
    assert fu["id"].str.fullmatch(r"fu-[0-9a-f]{8}").all()
    empty_iv, empty_fu = sample.generate(0)
    assert empty_iv.empty and empty_fu.empty
    assert dict(empty_iv.dtypes) == dict(iv.dtypes) and dict(empty_fu.dtypes) == dict(fu.dtypes)


def test_every_row_is_a_valid_record():
    iv, fu = sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)
    records = {}
    for row in iv.to_dict("records"):
        key = row.pop("id")
        records[key] = Interview(**{k: _plain(v) for k, v in row.items()})
    for row in fu.to_dict("records"):
        row.pop("id")
        followup = FollowUp(**{k: _plain(v) for k, v in row.items()})
        check_followup_after(records[followup.interview_id], followup)
        assert followup.response_at is None or followup.response_at >= followup.at


def test_large_frames_keep_the_ordering_rules():
    iv, fu = sample.generate(5_000, seed=9)
    held = fu["interview_id"].map(iv.set_index("id")["held_at"])
    assert (fu["at"] >= held).all()
    answered = fu["response_at"].notna()
    assert (fu.loc[answered, "response_at"] >= fu.loc[answered, "at"]).all()
    assert iv["id"].is_unique and fu["id"].is_unique
    assert iv["held_at"].is_monotonic_increasing and fu["at"].is_monotonic_increasing


def test_the_committed_sample_has_a_realistic_spread():
    iv, fu = sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)
    assert len(iv) >= 60
    buckets = set(metrics.time_to_follow_up(iv, fu)["bucket"])
    assert buckets == set(metrics.TIMING_BUCKETS)  # on time, 24-48 h, later and missing all occur
    assert set(iv["outcome"]) == set(OUTCOMES)
    assert set(iv["kind"]) == {"phone", "video", "in_person"}
    assert iv["interviewers"].map(len).between(1, 3).all() and iv["interviewers"].map(len).nunique() == 3
    assert iv["agency_contact"].notna().any() and iv["decision_by"].notna().any()
    assert iv["decision_in_business_days"].notna().any()
    assert iv["company"].duplicated().any()  # some companies come back, as in real searches
    channels = fu["channel"].value_counts()
    assert channels.index[0] == "email" and len(channels) >= 5
    assert iv["held_at"].min() >= pd.Timestamp("2026-01-01")
    assert iv["held_at"].max() < pd.Timestamp("2026-11-01")


def test_calls_get_replies_more_often_than_emails_at_scale():
    iv, fu = sample.generate(20_000)
    assert 80_000 <= len(fu) <= 120_000
    rates = metrics.response_rates(iv, fu, "channel").set_index("channel")["rate"]
    assert set(rates.index) == set(CHANNELS)
    assert rates["call"] > 2 * rates["email"]
    share_agency = iv["agency_contact"].notna().mean()
    assert 0.12 < share_agency < 0.18
    on_time = (metrics.time_to_follow_up(iv, fu)["bucket"] == "within 24 h").mean()
    assert 0.6 < on_time < 0.75


@pytest.mark.parametrize("bad", [-1, 2.5, "10", True])
def test_a_bad_size_is_refused(bad):
    with pytest.raises((TypeError, ValueError), match="n_interviews"):
        sample.generate(bad)


def test_numpy_integers_are_accepted():
    assert len(sample.generate(np.int64(5))[0]) == 5


def test_write_sample_rebuilds_the_committed_files_byte_for_byte(tmp_path):
    written = sample.write_sample(tmp_path / "sample")
    names = sorted(p.name for p in written.iterdir())
    assert names == ["followups.csv", "interviews.csv"]
    for name in names:
        committed = (sample.SAMPLE_DIR / name).read_bytes()
        stale = f"followup_kit/data/sample/{name} is stale: run python -m followup_kit.sample"
        assert (written / name).read_bytes() == committed, stale


def test_the_sample_log_reads_back_as_the_generated_frames():
    from followup_kit.store import open_sample_log

    log = open_sample_log()
    iv, fu = sample.generate(sample.SAMPLE_INTERVIEWS, seed=sample.SAMPLE_SEED)
    pd.testing.assert_frame_equal(log.interviews(), iv)
    pd.testing.assert_frame_equal(log.followups(), fu)


def test_to_records_refuses_a_follow_up_answered_before_it_was_sent():
    from followup_kit.records import ValidationError

    iv, fu = sample.generate(5)
    broken = fu.copy()
    broken.loc[0, "response_at"] = broken.loc[0, "at"] - pd.Timedelta(hours=1)
    with pytest.raises(ValidationError, match="response_at"):
        sample.to_records(iv, broken)


def test_a_damaged_log_shows_the_sample_and_says_why_instead_of_a_traceback(tmp_path):
    """Notebook 03 opens with own_log_or_sample(): a CSV broken in a spreadsheet must not stop it."""
    from followup_kit.store import SAMPLE_DIR, InterviewLog

    folder = tmp_path / "my_log"
    folder.mkdir()
    broken = b'id,company\n"unterminated'
    (folder / "interviews.csv").write_bytes(broken)
    interviews, followups, source = sample.own_log_or_sample(InterviewLog(folder, read_only=True))
    assert len(interviews) == sample.SAMPLE_INTERVIEWS == len(InterviewLog(SAMPLE_DIR, read_only=True))
    assert len(followups) > 0
    assert source.startswith("Your log could not be read (interviews.csv in ") and ".)" not in source
    assert "synthetic sample" in source and source.endswith("Fix it and run this again.")
    assert (folder / "interviews.csv").read_bytes() == broken  # looking never writes


def test_open_log_or_sample_falls_back_only_when_asked_and_says_whose(tmp_path):
    """The plan view's "your log, else the sample" choice, as logic (``sample.open_log_or_sample``)."""
    from datetime import datetime

    from followup_kit.store import InterviewLog as Log
    from followup_kit.store import LogFileError, open_sample_log

    empty = Log(tmp_path / "empty")
    shown = sample.open_log_or_sample(empty)
    assert shown.is_sample and len(shown.log) == sample.SAMPLE_INTERVIEWS
    assert shown.whose.startswith("Your log is empty") and "notebook 01" in shown.hint
    kept = sample.open_log_or_sample(empty, fallback=False)
    assert kept.log is empty and not kept.is_sample and kept.whose == "Your log"
    demo = sample.open_log_or_sample(empty, demo=True)
    assert demo.is_sample and demo.whose.startswith("Demo mode")
    assert sample.open_log_or_sample(open_sample_log(), fallback=False).is_sample

    own = Log(tmp_path / "own")
    own.add(Interview(company="Contoso", role="Analyst", held_at=datetime(2026, 3, 6, 10),
                      interviewers=["Dana Whitfield"]))
    mine = sample.open_log_or_sample(own)
    assert mine.log is own and not mine.is_sample and mine.hint == ""

    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "interviews.csv").write_bytes(b'id,company\n"unterminated')
    instead = sample.open_log_or_sample(Log(broken, read_only=True))
    assert instead.is_sample and instead.hint.startswith("Your own log could not be read")
    with pytest.raises(LogFileError):
        sample.open_log_or_sample(Log(broken, read_only=True), fallback=False)
    assert sample.SAMPLE_NOW == datetime(2026, 11, 2, 9, 0)
