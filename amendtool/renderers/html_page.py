"""The shell every HTML output shares: one self-contained page, text escaped by lxml.

A Content-Security-Policy allows the page's own inline style (and script, when it has
one) by hash and forbids every other load.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Iterable
from typing import Any

from lxml import html

from amendtool.xmlbuild import Maker

E = Maker(makeelement=html.html_parser.makeelement)
DEL, INS = getattr(E, "del"), E.ins


def file_name(source: str) -> str:
    """A source's file name without directories: an HTML page is e-mailed, and local
    paths stay on the machine that made it."""
    return os.path.basename(source.replace("\\", "/")) if source else ""


def csp_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page(title: str, css: str, body: Iterable[Any], lang: str, script: str = "") -> str:
    """A whole HTML document as text, with doctype."""
    policy = f"default-src 'none'; style-src {csp_hash(css)}; "
    if script:
        policy += f"script-src {csp_hash(script)}; "
    policy += "img-src 'none'; base-uri 'none'; form-action 'none'"
    children = list(body)
    if script:
        children.append(E.script(script))
    document = E.html(
        E.head(
            E.meta(charset="utf-8"),
            E.meta(name="viewport", content="width=device-width, initial-scale=1"),
            E.meta(**{"http-equiv": "Content-Security-Policy", "content": policy}),
            E.title(title),
            E.style(css),
        ),
        E.body(*children),
        lang=lang or "en",
    )
    markup: str = html.tostring(
        document, doctype="<!DOCTYPE html>", encoding="unicode", method="html"
    )
    return markup + "\n"


WARNINGS_CSS = (
    ".warnings { max-width: 78rem; margin: 0 auto; padding: 0.5rem 1rem; background: #fff4d6; "
    "border: 2px solid #8a4b00; color: #3d2200; font: 15px/1.4 system-ui, sans-serif; }\n"
    ".warnings h2 { font-size: 1rem; margin: 0 0 0.25rem; } "
    ".warnings ul { margin: 0; padding-left: 1.2rem; }\n"
)


def warnings_banner(warnings: Iterable[str]) -> list[Any]:
    """A banner for the top of a page listing what the readers warned about (or nothing)."""
    items = [E.li(warning) for warning in warnings]
    if not items:
        return []
    heading = f"Read with care: {len(items)} warning{'' if len(items) == 1 else 's'}"
    return [
        E.section(
            E.h2(heading),
            E.ul(*items),
            {"class": "warnings", "role": "alert", "id": "warnings"},
        )
    ]
