"""Reading an amendment list in any format amendtool reads (detected by content): AKN
(``amendments --format akn``, ``diff --format akn``), JSON (``amendments --format json``)
or Word (amendtool's or the EP's two-column tables)."""

from __future__ import annotations

from amendtool.amendments.tabled import AmendmentList
from amendtool.errors import InputError

LIST_FORMATS = ("akn", "json", "docx")


def list_format(data: bytes) -> str:
    """``akn``, ``json`` or ``docx`` by content; ``""`` when it is none of them."""
    from amendtool.amendments.read_json import looks_like_json_list
    from amendtool.extract.docx_text import looks_like_docx
    from amendtool.inputs import looks_like_xml

    if looks_like_docx(data):
        return "docx"
    if looks_like_json_list(data):
        return "json"
    if looks_like_xml(data) or data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        return "akn"  # other XML goes to the AKN reader, to be refused by name
    return ""


def read_amendment_list(data: bytes, source: str) -> AmendmentList:
    """The amendments of a list file's bytes."""
    kind = list_format(data)
    if kind == "docx":
        from amendtool.amendments.read_docx import read_docx_list

        return read_docx_list(data, source)
    if kind == "json":
        from amendtool.amendments.read_json import read_json_list

        return read_json_list(data, source)
    if kind == "akn":
        from amendtool.akn.xmlsafe import parse_xml
        from amendtool.amendments.read_akn import read_akn_list

        return read_akn_list(parse_xml(data, source), source)
    raise InputError(
        source,
        "not an amendment list amendtool reads (AKN or JSON from 'amendtool amendments', "
        "or a Word document with EP amendment tables)",
    )
