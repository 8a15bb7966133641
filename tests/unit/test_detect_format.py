"""Format detection: strict tests in order (ZIP, XML root element, HTML, text)."""

from __future__ import annotations

import pytest

import amendtool
from amendtool.errors import InputError
from amendtool.inputs import detect_format
from tests.conftest import SAMPLES


def _akn() -> bytes:
    return amendtool.to_akn(amendtool.read(SAMPLES / "kazakhstan.v1.txt"), markup_date="2012-03-07")


@pytest.mark.parametrize(
    ("label", "prefix"),
    [
        ("plain", b""),
        ("utf-8 BOM", b"\xef\xbb\xbf"),
        ("leading comment", b"<!-- exported by another editor -->\n"),
        ("BOM and comment", b"\xef\xbb\xbf<!-- exported -->\n"),
    ],
)
def test_akn_is_read_as_akn_whatever_comes_first(label: str, prefix: bytes) -> None:
    data = _akn()
    if prefix:  # keep the declaration first when there is one, as editors do
        declaration, rest = data.split(b"\n", 1)
        data = prefix + rest if prefix.startswith(b"\xef") else declaration + b"\n" + prefix + rest
    assert detect_format(data) == "akn"
    assert amendtool.read(data).clauses == amendtool.read(_akn()).clauses


ACT_WITH_BODY = b"""<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act"><meta/><body><section eId="sec_1"><content><p>Text</p></content></section>
  </body></act>
</akomaNtoso>"""


def test_akn_whose_body_element_is_body_is_not_a_web_page() -> None:
    assert detect_format(ACT_WITH_BODY) == "akn"
    with pytest.raises(InputError, match="in this AKN document"):
        amendtool.read(ACT_WITH_BODY, name="act.xml")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>The European Parliament,</p></body></html>", "html"),
        (
            b'<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
            "html",
        ),
        (b"<div><body>pasted fragment</body></div>", "html"),
        (b'<?xml version="1.0"?>\n<invoice><total>3</total></invoice>', "akn"),
        (b"<Date>{07/03/2012}7.3.2012</Date>\nThe European Parliament,\n", "text"),
        (b"The European Parliament,\n1. Calls for calm;\n", "text"),
    ],
)
def test_other_inputs(data: bytes, expected: str) -> None:
    assert detect_format(data) == expected


def test_other_xml_is_refused_by_the_akn_reader_by_name() -> None:
    with pytest.raises(InputError, match="root element <invoice>"):
        amendtool.read(b'<?xml version="1.0"?>\n<invoice><total>3</total></invoice>', name="x.xml")
