"""The index page and its charts, checked as markup: CSP-safe SVG, escaping, reproducibility."""

from __future__ import annotations

import io
import re

import pytest
from lxml import html

from amendtool.batch.row import MotionResult, ReportLink, Row
from amendtool.batch.summary import gather
from amendtool.renderers.html_page import csp_hash

pytest.importorskip("matplotlib", reason="NO CHART TEST: install the batch extra")

from amendtool.batch.index_page import write_index

HOSTILE_GROUP = "<script>alert(1)</script>"


def _row(name: str, year: str, group: str, kept: int, adopted: int | None) -> Row:
    motion = MotionResult(
        group, group, "m.txt", "B9-0001/2020", f"{year}-01-01", 100, kept, adopted
    )
    return Row(
        name,
        "ok",
        year=year,
        joint_kept_in_adopted=0.9,
        motions=(motion,),
        reports=(ReportLink("Provenance", "provenance.html", "provenance.json"),),
    )


ROWS = [
    _row("a", "2019", "PPE", 40, 35),
    _row("b", "2020", "PPE", 60, None),
    _row("c", "2020", HOSTILE_GROUP, 10, 10),
    Row("d", "error", error="d/x.txt: binary file <b>"),
]


def _page() -> bytes:
    stream = io.BytesIO()
    write_index(stream, gather(ROWS), iter(ROWS))
    return stream.getvalue()


def test_group_shares_pool_words_and_leave_missing_adopted_empty():
    figures = gather(ROWS)
    assert figures.procedures == 4 and figures.failed == 1
    assert figures.groups == ["PPE", HOSTILE_GROUP]
    assert figures.joint_by_group["PPE"].value == pytest.approx(0.5)
    assert figures.adopted_by_group["PPE"].count == 1  # "b" has no adopted text
    assert ROWS[1].group_shares()[0].adopted is None


def test_page_is_reproducible_and_allows_only_its_own_style_and_script():
    page = _page()
    assert page == _page()
    tree = html.fromstring(page)
    policy = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    css = tree.xpath("//head/style")[0].text
    script = tree.xpath("//script")[0].text
    assert f"style-src {csp_hash(css)};" in policy and f"script-src {csp_hash(script)};" in policy
    assert "default-src 'none'" in policy
    assert len(tree.xpath("//style")) == 1 and len(tree.xpath("//script")) == 1
    assert tree.xpath("//@style") == []  # style attributes would be blocked by the CSP
    assert not re.search(rb"(src|href)=\"(https?:)?//", page)  # nothing from the network


def test_charts_are_inline_svg_with_unique_ids_and_escaped_text():
    tree = html.fromstring(_page())
    svgs = tree.xpath("//figure/svg")
    assert len(svgs) == 3
    ids = tree.xpath("//svg//@id")
    assert len(ids) == len(set(ids)) > 10
    for reference in tree.xpath("//svg//@href") + tree.xpath("//svg//@clip-path"):
        target = reference.removeprefix("url(").removesuffix(")").removeprefix("#")
        assert target in ids
    assert tree.xpath("//svg//metadata") == []
    # a hostile group name is text in the chart and in the table, never markup
    assert HOSTILE_GROUP in svgs[0].text_content()
    assert tree.xpath("//script")[0].text.startswith('"use strict"')
    assert "<b>" in tree.xpath("//tr[@data-status='error']//strong")[0].text


def test_table_has_a_row_per_procedure_and_a_column_per_group():
    tree = html.fromstring(_page())
    assert [th.text_content() for th in tree.xpath("//tbody/tr/th")] == ["a", "b", "c", "d"]
    headers = [b.text for b in tree.xpath("//thead//button")]
    assert "PPE: joint / adopted" in headers and f"{HOSTILE_GROUP}: joint / adopted" in headers
    cell = tree.xpath("//tbody/tr[2]/td[@data-sort='0.6000']")
    assert cell and cell[0].text == "60% / –"
