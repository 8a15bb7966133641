"""AKN from other tools, once converted by amendtool, passes amendtool's own validate."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from amendtool.akn.reader import read_akn
from amendtool.akn.validation import validate_tree
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from tests.conftest import DATA

LEOS = (DATA / "leos-style.xml").read_text("utf-8")

Variant = Callable[[str], str]
VARIANTS: list[tuple[str, Variant]] = [
    ("as exported", lambda s: s),
    (
        "numbered recitals, as in EU acts",
        lambda s: s.replace("<num>A.</num>", "<num>(1)</num>").replace(
            "<num>B.</num>", "<num>(2)</num>"
        ),
    ),
    (
        "lower-case recitals",
        lambda s: s.replace("<num>A.</num>", "<num>a)</num>").replace(
            "<num>B.</num>", "<num>b)</num>"
        ),
    ),
    (
        "paragraph text in a subparagraph",
        lambda s: s.replace(
            "<content><p>Calls for new elections;</p></content>",
            "<subparagraph><content><p>Calls for new elections;</p></content></subparagraph>",
        ),
    ),
    ("articles as numbers", lambda s: re.sub(r"<num>(\d)\.</num>", r"<num>Article \1</num>", s)),
    ("no numbers at all", lambda s: re.sub(r"<num>[^<]*</num>", "", s)),
    (
        "no date, no title",
        lambda s: re.sub(r"<p><docDate.*?</p>", "", s).replace(
            "<docTitle>Examplestan</docTitle>", "Examplestan"
        ),
    ),
    ("three-letter language", lambda s: s.replace('language="en"', 'language="fra"')),
    (
        "prefixed elements",
        lambda s: re.sub(r"<(/?)(?![?!])([A-Za-z]+)", r"<\1akn:\2", s).replace(
            'xmlns="http', 'xmlns:akn="http'
        ),
    ),
]


@pytest.mark.parametrize(("label", "variant"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_converted_foreign_akn_is_valid(label: str, variant: Variant) -> None:
    resolution = read_akn(parse_xml(variant(LEOS).encode("utf-8"), label), label)
    assert resolution.paragraphs[0].text == "Calls for new elections;"
    written = parse_xml(write_akn(resolution, "2026-12-01"), "converted")
    assert validate_tree(written) == []
