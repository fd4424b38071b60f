"""Every source is real, readable, and quoted word for word.

The quote test reads ``../shared`` (the seed articles and the evidence pack); it
skips with a reason where ``../shared`` is not beside the checkout, and CI always
has it.
"""

import re
from pathlib import Path

import pytest

from followup_kit.sources import SOURCES, cite, sources_table

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
NO_SHARED = "../shared (the seed articles and the evidence pack) is not beside this checkout"


def _flat(text: str) -> str:
    """The text with runs of white space made one space and markdown bold marks removed."""
    return re.sub(r"\s+", " ", text.replace("**", "")).strip()


def _text_of(source) -> str:
    if source.kind == "seed":
        return (SHARED / "seeds" / source.ref).read_text(encoding="utf-8")
    return (SHARED / "domain" / "evidence.md").read_text(encoding="utf-8")


def test_seed_sources_name_existing_files():
    seeds = [s for s in SOURCES.values() if s.kind == "seed"]
    assert len(seeds) == 5
    if not (SHARED / "seeds").is_dir():
        pytest.skip(NO_SHARED)
    for source in seeds:
        assert (SHARED / "seeds" / source.ref).is_file(), source.ref


@pytest.mark.parametrize("source_id", [s.id for s in SOURCES.values() if s.quotes])
def test_every_quote_occurs_word_for_word_in_its_source(source_id):
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    source = SOURCES[source_id]
    text = _flat(_text_of(source))
    for quote in source.quotes:
        assert _flat(quote) in text, f"{source_id}: not found verbatim: {quote!r}"


def test_every_seed_and_evidence_source_keeps_a_quote():
    assert all(s.quotes for s in SOURCES.values() if s.kind != "workbook")
    assert SOURCES["workbook"].kind == "workbook" and not SOURCES["workbook"].quotes


def test_a_quote_test_that_can_fail():
    """The matcher is strict: a paraphrase of a real sentence is not found."""
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    text = _flat(_text_of(SOURCES["seed003"]))
    assert _flat("Only make one call. Any more than that and you will look like a stalker") not in text


def test_the_86_percent_figure_is_given_for_its_subgroup_only():
    assert "19%" in SOURCES["careerbuilder2011"].says


def test_the_80_percent_figure_names_its_country():
    assert "80% of US HR managers" in SOURCES["accountemps2017"].says
    assert "42%" in SOURCES["accountemps2017ca"].says


def test_citations_are_readable_titles_not_file_names():
    text = cite("seed001", "seed003", "accountemps2017", "workbook")
    assert text == (
        "Krautzel, Are You Making These Follow-Up Mistakes? (seed 001); "
        "Making a follow-up call after an interview (seed 003); "
        "Accountemps, survey of US HR managers, 2017 (evidence pack); "
        "this workbook's own advice (no source gives it)"
    )
    assert ".txt" not in cite(*SOURCES)
    with pytest.raises(KeyError):
        cite("seed999")


def test_sources_table_lists_every_source_with_what_the_workbook_takes():
    rows = sources_table()
    assert len(rows) == len(SOURCES) and all(row["source"] and row["says"] for row in rows)


def test_the_sources_table_shows_each_source_and_its_words():
    from followup_kit.widgets.sources import sources_html

    page = sources_html()
    for source in SOURCES.values():
        assert source.short.replace("'", "&#x27;") in page
        for quoted in source.quotes:
            assert " ".join(quoted.split()[:4]).replace("'", "&#x27;") in page
