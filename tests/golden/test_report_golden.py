"""Reviewed golden Markdown, AKN amendment export and EP amendment lists; AKN validated."""

from __future__ import annotations

import pytest
from lxml import etree

from amendtool import compare
from amendtool.akn.validation import validate_tree
from amendtool.akn.xmlsafe import parse_xml
from amendtool.renderers.akn_report import render_akn_amendments
from amendtool.renderers.amendment_list import render_amendments_markdown
from amendtool.renderers.markdown_report import render_markdown
from tests.conftest import SAMPLES

PAIRS = {
    "greens-vs-joint": ("kazakhstan.v1.txt", "kazakhstan.v2.txt"),
    "joint-vs-adopted": ("kazakhstan.v2.txt", "kazakhstan-adopted.txt"),
}


def report_for(name: str):
    old, new = PAIRS[name]
    report = compare(SAMPLES / old, SAMPLES / new)
    return type(report)(**{**report.__dict__, "old_source": old, "new_source": new})


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_markdown_golden(name: str, file_regression) -> None:
    file_regression.check(
        render_markdown(report_for(name)), extension=".md", basename=f"markdown_{name}"
    )


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_amendment_list_markdown_golden(name: str, file_regression) -> None:
    file_regression.check(
        render_amendments_markdown(report_for(name)), extension=".md", basename=f"amendments_{name}"
    )


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_akn_amendment_list_golden_is_valid(name: str, file_regression) -> None:
    xml = render_akn_amendments(report_for(name), "2026-11-28")
    tree = parse_xml(xml.encode("utf-8"), name)
    assert validate_tree(tree) == []
    root = tree.getroot()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    changed = [c for c in report_for(name).changes if c.relation.value != "unchanged"]
    assert len(root.xpath("//a:amendment", namespaces=ns)) == len(changed)
    canonical = etree.tostring(tree, method="c14n2").decode("utf-8") + "\n"
    file_regression.check(canonical, extension=".xml", basename=f"akn_amendments_{name}")
