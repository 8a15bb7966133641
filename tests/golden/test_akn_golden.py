"""Golden AKN per sample (canonicalised XML), each validated against the official XSD."""

from __future__ import annotations

import pytest
from lxml import etree

from amendtool.akn.validation import validate_tree
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from amendtool.textparse import parse_text
from tests.conftest import SINGLE_SAMPLES


@pytest.mark.parametrize("sample", SINGLE_SAMPLES, ids=lambda p: p.stem)
def test_akn_golden(sample, file_regression) -> None:
    xml = write_akn(parse_text(sample.read_text("utf-8"), sample.name), "2026-11-28")
    tree = parse_xml(xml, sample.name)
    assert validate_tree(tree) == []
    canonical = etree.tostring(tree, method="c14n2").decode("utf-8") + "\n"
    file_regression.check(canonical, extension=".xml", basename=f"akn_{sample.stem}")
