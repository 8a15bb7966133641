"""Parsing XML input safely: no entities, no DTDs, no network."""

from __future__ import annotations

from lxml import etree

from amendtool.errors import InputError


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def parse_xml(data: bytes, source: str) -> etree._ElementTree:
    """Parse ``data`` as XML; a DOCTYPE, bad syntax or no root gives an InputError."""
    if b"<!DOCTYPE" in data[:4096] or b"<!ENTITY" in data:
        raise InputError(source, "XML with a DOCTYPE or entity declarations is not accepted")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line = f"line {exc.lineno}: " if exc.lineno else ""
        message = " ".join(str(exc.msg).split())  # libxml2 messages may span lines
        raise InputError(source, f"not well-formed XML ({line}{message})") from None
    return root.getroottree()
