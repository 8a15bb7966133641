"""The streamed AKN writer gives the bytes of the whole tree, indented and serialised."""

from __future__ import annotations

from dataclasses import replace
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from amendtool.akn import streamed
from amendtool.akn.streamed import indent_structure
from amendtool.akn.writer import build_akn, write_akn
from amendtool.model import Resolution, Unclassified
from amendtool.textparse import parse_text
from benchmarks.generate import generate_pair
from tests.conftest import SEED
from tests.property.strategies import rich_resolutions

MARKUP_DATE = "2026-12-02"


def whole_tree_bytes(resolution: Resolution) -> bytes:
    """What ``write_akn`` wrote before it streamed: the whole tree, then its bytes."""
    root = build_akn(resolution, MARKUP_DATE)
    indent_structure(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def test_a_generated_draft_of_two_thousand_clauses_gives_the_same_bytes() -> None:
    old, new, _ = generate_pair(2000, seed=7)  # paragraphs over several batches of 500
    assert len(old.paragraphs) > 2 * 500
    for draft in (old, new):
        streamed_bytes = write_akn(draft, MARKUP_DATE)
        assert streamed_bytes == whole_tree_bytes(draft)
    assert streamed_bytes.count(b"<paragraph ") == len(new.paragraphs)


@settings(max_examples=120, deadline=None)
@given(rich_resolutions(), st.sampled_from([1, 2, 3, 500]))
def test_rich_drafts_give_the_same_bytes_in_batches_of_any_size(resolution, batch) -> None:
    """Footnotes, points, wrap-ups, unclassified blocks in the preamble and the body,
    and batch boundaries anywhere (a batch of one: every child is the last of one)."""
    with mock.patch.object(streamed, "_BATCH", batch):
        assert write_akn(resolution, MARKUP_DATE) == whole_tree_bytes(resolution)


def test_a_draft_without_paragraphs_or_without_anything_gives_the_same_bytes() -> None:
    seed = parse_text(SEED.read_text("utf-8"), "seed")
    only_preamble = replace(
        seed,
        paragraphs=(),
        unclassified=(Unclassified("Annex: a map.", ""), Unclassified("Note.", "")),
    )
    nothing = replace(seed, formula="", citations=(), recitals=(), paragraphs=())
    for resolution in (only_preamble, nothing):
        xml = write_akn(resolution, MARKUP_DATE)
        assert xml == whole_tree_bytes(resolution)
        assert b"<mainBody>\n      <p/>\n    </mainBody>" in xml
    assert b"<preamble>" not in write_akn(nothing, MARKUP_DATE)
    assert b'eId="container_2"' in write_akn(only_preamble, MARKUP_DATE)
