"""Every source id points at a real seed file or a real evidence entry."""

from pathlib import Path

import pytest

from followup_kit.sources import SOURCES, cite

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def test_seed_sources_name_existing_files():
    seeds = [s for s in SOURCES.values() if s.id.startswith("seed")]
    assert len(seeds) == 5
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside this checkout")
    for source in seeds:
        assert (SHARED / "seeds" / source.ref).is_file(), source.ref


def test_evidence_sources_name_entries_in_the_evidence_pack():
    if not (SHARED / "domain" / "evidence.md").is_file():
        pytest.skip("../shared is not beside this checkout")
    evidence = (SHARED / "domain" / "evidence.md").read_text(encoding="utf-8")
    for source in SOURCES.values():
        if source.ref.startswith("evidence.md: "):
            entry = source.ref.removeprefix("evidence.md: ")
            words = entry.replace("§", "").split(".")[-1].split(",")[0].split()
            assert all(word.strip("()") in evidence for word in words), source.ref


def test_the_86_percent_figure_is_given_for_its_subgroup_only():
    assert "19%" in SOURCES["careerbuilder2011"].says


def test_cite_joins_short_forms():
    assert cite("seed003", "accountemps2017") == (
        "seed 003 (003_9b819d2bac94c9ed.txt); evidence.md: Accountemps 2017"
    )
