"""Print a sample to PDF in headless Chromium, as the EP's publishing chain would typeset it.

Each line of the sample becomes one paragraph of an HTML page (escaped by lxml); the page
is printed with ``chromium --headless --print-to-pdf``, in one column or in two.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from lxml import html
from lxml.builder import E

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NO_CHROMIUM = (
    "NO PDF TEST: Debian's chromium is not installed (apt-get install chromium; .ci/run does this)"
)

_CSS = """
@page { size: A4; margin: 20mm 18mm; }
body { font: 10.5pt/1.35 "DejaVu Serif", serif; }
p { margin: 0 0 0.5em; text-align: justify; }
body.two { columns: 2; column-gap: 9mm; }
"""


def print_pdf(text: str, target: Path, columns: int = 1, keep_compounds: bool = False) -> Path:
    """``text`` typeset one paragraph per line and printed to ``target``.

    ``keep_compounds`` prints the hyphens inside words as non-breaking hyphens (U+2011),
    as EP pages do in document numbers, so that no line breaks at one.
    """
    assert CHROMIUM is not None
    lines = [line for line in text.splitlines() if line.strip()]
    if keep_compounds:
        lines = [re.sub(r"(?<=\w)-(?=\w)", "\u2011", line) for line in lines]
    page = E.html(
        E.head(E.meta(charset="utf-8"), E.style(_CSS)),
        E.body(*(E.p(line) for line in lines), {"class": "two" if columns == 2 else "one"}),
        lang="en",
    )
    source = target.with_suffix(".html")
    source.write_bytes(html.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8"))
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={target}",
            source.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return target
