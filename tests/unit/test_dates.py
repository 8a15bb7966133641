"""The one date reader (amendtool/dates.py), used by the header reader and the AKN writer."""

from __future__ import annotations

import pytest
from lxml import etree

from amendtool.akn import AKN_NS
from amendtool.akn.writer import _split_dates, write_akn
from amendtool.dates import FoundDate, find_dates, parse_date
from amendtool.textparse import parse_text
from tests.conftest import SEED


@pytest.mark.parametrize(
    ("text", "code", "iso"),
    [
        ("Strasbourg, 2.2.2030", "en", "2030-02-02"),
        ("02/02/2030", "fr", "2030-02-02"),
        ("2 February 2030", "en", "2030-02-02"),
        ("2nd February 2030", "en", "2030-02-02"),
        ("1er février 2030", "fr", "2030-02-01"),
        ("2. Februar 2030", "de", "2030-02-02"),
        ("2 de febrero de 2030", "es", "2030-02-02"),
        ("2 ta' Frar 2030", "mt", "2030-02-02"),
        ("2030. február 2.", "hu", "2030-02-02"),
        ("2030. gada 2. februāris", "lv", "2030-02-02"),
        ("2030 m. vasario 2 d.", "lt", "2030-02-02"),
        ("13 listopada 2030", "pl", "2030-11-13"),  # November in Polish
        ("13 listopada 2030", "hr", "2030-10-13"),  # October in Croatian
    ],
)
def test_reads_every_printed_layout(text: str, code: str, iso: str) -> None:
    assert parse_date(text, code) == iso


@pytest.mark.parametrize(
    "text",
    [
        "whereas on 28 January around 1000 people protested",  # a month, then no year
        "32 January 2030",  # no such day
        "2.13.2030",  # no such month
        "Rule 144 of 2030",
        "",
    ],
)
def test_what_is_not_a_date(text: str) -> None:
    assert find_dates(text, "en") == []


def test_finds_every_date_with_its_place() -> None:
    text = "from 3 March 2021 to 4.5.2022, then 6 June 2023"
    assert find_dates(text, "en") == [
        FoundDate(5, 17, "2021-03-03"),
        FoundDate(21, 29, "2022-05-04"),
        FoundDate(36, 47, "2023-06-06"),
    ]
    assert [text[d.start : d.end] for d in find_dates(text, "en")] == [
        "3 March 2021",
        "4.5.2022",
        "6 June 2023",
    ]


def test_the_writer_cuts_text_around_the_same_dates() -> None:
    text = "am 16. Dezember 2011 und am 2.2.2030 in Schanaosen"
    pieces = list(_split_dates(text, "de"))
    assert "".join(piece for piece, _ in pieces) == text
    assert [(piece, iso) for piece, iso in pieces if iso] == [
        ("16. Dezember 2011", "2011-12-16"),
        ("2.2.2030", "2030-02-02"),
    ]


def test_header_date_and_akn_date_elements_agree() -> None:
    """The document date read from the header and the <date> marks in its clauses come from
    the same reader: every marked date reads back to its own attribute."""
    resolution = parse_text(SEED.read_text("utf-8"))
    root = etree.fromstring(write_akn(resolution, "2030-01-01"))
    marked = root.findall(f".//{{{AKN_NS}}}date")
    assert marked, "the seed cites dates in its clauses"
    for element in marked:
        assert parse_date(element.text or "", resolution.meta.language) == element.get("date")
