"""Round trips: text -> model -> text -> model, model -> AKN -> model, line accounting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from amendtool.akn.reader import read_akn
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from amendtool.textparse import parse_text
from amendtool.textparse.emit import emit_text
from tests.property.strategies import LANGUAGES, resolutions

CRUFT = [
    "en | fr",
    "Publication | 07.03.2012",
    "Recommended",
    "Press release",
    "Please share",
    "Image by Boris Štromar from Pixabay",
    "Responsible MEPs",
    "Contact person",
]


@settings(max_examples=150, deadline=None)
@given(resolutions())
def test_text_model_text_is_stable(resolution) -> None:
    parsed = parse_text(emit_text(resolution), "generated")
    assert parsed == resolution
    assert parse_text(emit_text(parsed), "again") == parsed


@settings(max_examples=240, deadline=None)
@given(resolutions(languages=LANGUAGES))
def test_every_language_round_trips(resolution) -> None:
    """The 24 phrase tables: text and AKN round trips in each official language."""
    assert parse_text(emit_text(resolution), "generated") == resolution
    assert read_akn(parse_xml(write_akn(resolution, "2026-11-28"), "generated")) == resolution


@settings(max_examples=150, deadline=None)
@given(resolutions())
def test_model_akn_model_is_identical(resolution) -> None:
    xml = write_akn(resolution, "2026-11-28")
    assert read_akn(parse_xml(xml, "generated")) == resolution


@settings(max_examples=100, deadline=None)
@given(
    resolutions(),
    st.lists(st.sampled_from(CRUFT), min_size=1, max_size=4),
    st.lists(st.sampled_from(CRUFT), max_size=6),
)
def test_every_non_blank_line_is_accounted_for(resolution, before, after) -> None:
    text = "\n".join([*before, emit_text(resolution), *after])
    parsed = parse_text(text, "generated")
    non_blank = {n for n, line in enumerate(text.splitlines(), 1) if line.strip()}
    assert {fate.line_no for fate in parsed.line_fates} == non_blank
    dropped = {fate.text for fate in parsed.dropped}
    assert set(after) <= dropped
    assert parsed.clauses == resolution.clauses
