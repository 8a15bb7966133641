"""An HTML page (the EP's own, saved from a browser) -> lines of text.

Block elements (paragraphs, list items, table rows, headings, line breaks) end lines;
table cells of one row are joined with a space, so the EP's two-cell citation rows
(``–`` | ``having regard to ...``) become one line. Scripts, styles and the head are left
out. The HTML parser neither loads anything nor expands external entities.
"""

from __future__ import annotations

from typing import Any

from amendtool.errors import InputError

_BLOCKS = {
    "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "section", "article", "header", "footer", "nav", "blockquote", "dd", "dt", "dl",
    "br", "hr", "main", "aside", "form", "pre", "caption", "tbody", "thead",
}  # fmt: skip
_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "button", "select"}


def looks_like_html(data: bytes) -> bool:
    """True for an HTML document (doctype or html/body element near the start)."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<body" in head


def html_to_text(data: bytes, source: str) -> str:
    """The visible text of an HTML page, one block per line."""
    from lxml import etree, html

    # huge_tree: a text node over 10 MB is read whole (the input is at most 50 MB anyway)
    parser = html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(source, f"unreadable HTML ({exc})") from None
    pieces: list[str] = []

    def walk(element: Any) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _SKIPPED:
            if element.tail:
                pieces.append(element.tail)
            return
        block = tag in _BLOCKS
        if block:
            pieces.append("\n")
        elif tag in ("td", "th"):
            pieces.append(" ")
        if element.text and tag:
            pieces.append(element.text)
        for child in element:
            walk(child)
        if block:
            pieces.append("\n")
        if element.tail:
            pieces.append(element.tail)

    walk(root)
    return "".join(pieces)
