"""Reading an input file (text or Akoma Ntoso, detected by content) into a Resolution."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import replace
from typing import BinaryIO

from amendtool.errors import InputError
from amendtool.gc_pause import paused_gc
from amendtool.model import Resolution
from amendtool.textparse.normalise import MAX_INPUT_BYTES, decode_with_warnings

_CHUNK = 1 << 20  # bytes read at a time: read(MAX_INPUT_BYTES + 1) reserves 50 MB at once


def _read_limited(stream: BinaryIO) -> bytes:
    """At most MAX_INPUT_BYTES + 1 bytes of ``stream``, in chunks."""
    chunks: list[bytes] = []
    size = 0
    while size <= MAX_INPUT_BYTES:
        chunk = stream.read(min(_CHUNK, MAX_INPUT_BYTES + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` is standard input), with clear errors."""
    if path == "-":
        data = _read_limited(sys.stdin.buffer)
        source = "<stdin>"
    else:
        source = path
        if not os.path.exists(path):
            raise InputError(path, "no such file")
        if os.path.isdir(path):
            raise InputError(path, "is a directory, not a file")
        if os.path.getsize(path) > MAX_INPUT_BYTES:
            raise InputError(path, f"file too large (limit {MAX_INPUT_BYTES // 2**20} MB)")
        try:
            with open(path, "rb") as handle:
                data = _read_limited(handle)
        except OSError as exc:
            raise InputError(path, f"cannot read file ({exc.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(source, f"input too large (limit {MAX_INPUT_BYTES // 2**20} MB)")
    return data


_XML_PROLOG = re.compile(
    rb"(?:\s+|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(?:\[.*?\])?\s*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")


def xml_root_name(data: bytes) -> str | None:
    """The local name of the first element after the XML prolog (declaration, comments,
    processing instructions, DOCTYPE, a BOM), or None when the data does not start so."""
    head = data[:65536]
    for bom in (b"\xef\xbb\xbf",):
        head = head.removeprefix(bom)
    prolog = _XML_PROLOG.match(head)
    root = _ROOT.match(head, prolog.end() if prolog else 0)
    return root.group(1).decode("ascii") if root else None


def looks_like_xml(data: bytes) -> bool:
    """True for an Akoma Ntoso document: its root element is ``akomaNtoso``."""
    return xml_root_name(data) == "akomaNtoso"


_ZIP_SIGNATURE = b"PK\x03\x04"  # a local file header: how every ZIP archive (DOCX) starts


def detect_format(data: bytes) -> str:
    """``pdf``, ``docx``, ``akn``, ``html`` or ``text``, by content, strictest test first.

    A PDF starts with ``%PDF-``; a ZIP with ``word/document.xml`` is DOCX; a document
    whose root element (after the XML prolog) is ``akomaNtoso`` is AKN, even with an AKN
    ``<body>`` inside; an HTML page (doctype, ``<html>`` root, or ``<body>`` near the
    start) is HTML; other XML with a declaration goes to the AKN reader to be refused by
    name; all else is text.
    """
    from amendtool.extract.html_text import looks_like_html
    from amendtool.extract.sniff import looks_like_pdf

    if looks_like_pdf(data):
        return "pdf"
    if data.startswith(_ZIP_SIGNATURE):  # only then the DOCX reader (and lxml) is loaded
        from amendtool.extract.docx_text import looks_like_docx

        if looks_like_docx(data):
            return "docx"
    root = xml_root_name(data)
    if root == "html" or (looks_like_html(data) and root != "akomaNtoso"):
        return "html"
    declared = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")
    if root == "akomaNtoso" or declared:
        return "akn"  # other XML goes to the AKN reader, which names its root element
    return "text"


def read_resolution(path: str) -> Resolution:
    """Read a resolution from a file (``-``: standard input) in any format amendtool reads."""
    return resolution_from_bytes(read_bytes(path), "<stdin>" if path == "-" else path)


@paused_gc()
def resolution_from_bytes(data: bytes, source: str, format: str | None = None) -> Resolution:
    """A resolution from PDF, DOCX, HTML, AKN XML or text bytes (``format``, or by content).

    Raises only AmendtoolError subclasses for bad input (the fuzz harness checks this).
    """
    kind = format or detect_format(data)
    if kind not in ("pdf", "docx", "html", "akn", "text"):
        raise InputError(source, f"unknown input format {kind!r} (pdf, docx, html, akn or text)")
    if kind == "pdf":
        from amendtool.extract.pdf_text import pdf_to_text
        from amendtool.textparse import parse_text

        return parse_text(pdf_to_text(data, source), source)
    if kind == "docx":
        from amendtool.extract.docx_text import docx_to_text
        from amendtool.textparse import parse_text

        return parse_text(docx_to_text(data, source), source)
    if kind == "html":
        from amendtool.extract.html_text import html_to_text
        from amendtool.textparse import parse_text

        return parse_text(html_to_text(data, source), source)
    if kind == "akn":
        from amendtool.akn.reader import read_akn
        from amendtool.akn.xmlsafe import parse_xml

        return read_akn(parse_xml(data, source), source)
    from amendtool.textparse import parse_text

    text, warnings = decode_with_warnings(data, source)
    resolution = parse_text(text, source)
    if not warnings:
        return resolution
    return replace(resolution, warnings=(*warnings, *resolution.warnings))
