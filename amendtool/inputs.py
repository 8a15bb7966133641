"""Reading an input file (text or Akoma Ntoso, detected by content) into a Resolution."""

from __future__ import annotations

import os
import sys

from amendtool.errors import InputError
from amendtool.model import Resolution
from amendtool.textparse.normalise import MAX_INPUT_BYTES, decode


def read_bytes(path: str) -> bytes:
    """The bytes of ``path`` (``-`` is standard input), with clear errors."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
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
                data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise InputError(path, f"cannot read file ({exc.strerror})") from None
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(source, f"input too large (limit {MAX_INPUT_BYTES // 2**20} MB)")
    return data


def looks_like_xml(data: bytes) -> bool:
    """True for XML documents (declaration or root element at the start)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    return (
        head.startswith(b"<?xml")
        or head.startswith(b"<akomaNtoso")
        or head.startswith(b"<akn:akomaNtoso")
    )


def read_resolution(path: str) -> Resolution:
    """Read a resolution from a file (``-``: standard input) in any format amendtool reads."""
    return resolution_from_bytes(read_bytes(path), "<stdin>" if path == "-" else path)


def detect_format(data: bytes) -> str:
    """``docx``, ``html``, ``akn`` or ``text``, by content."""
    from amendtool.extract.docx_text import looks_like_docx
    from amendtool.extract.html_text import looks_like_html

    if looks_like_docx(data):
        return "docx"
    if looks_like_html(data):
        return "html"
    if looks_like_xml(data):
        return "akn"
    return "text"


def resolution_from_bytes(data: bytes, source: str, format: str | None = None) -> Resolution:
    """A resolution from DOCX, HTML, AKN XML or text bytes (``format``, or detected by content).

    Raises only AmendtoolError subclasses for bad input (the fuzz harness checks this).
    """
    from amendtool.extract.docx_text import docx_to_text
    from amendtool.extract.html_text import html_to_text

    kind = format or detect_format(data)
    if kind not in ("docx", "html", "akn", "text"):
        raise InputError(source, f"unknown input format {kind!r} (docx, html, akn or text)")
    if kind == "docx":
        from amendtool.textparse import parse_text

        return parse_text(docx_to_text(data, source), source)
    if kind == "html":
        from amendtool.textparse import parse_text

        return parse_text(html_to_text(data, source), source)
    if kind == "akn":
        from amendtool.akn.reader import read_akn
        from amendtool.akn.xmlsafe import parse_xml

        return read_akn(parse_xml(data, source), source)
    from amendtool.textparse import parse_text

    return parse_text(decode(data, source), source)
