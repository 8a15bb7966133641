"""Whether bytes open as a PDF file: the one test of a PDF that a text input runs.

Kept apart from :mod:`amendtool.extract.pdf_text`, whose patterns and layout classes every
text input would otherwise load just to be told it is no PDF (issue 11: start-up).
"""

from __future__ import annotations

PDF_MAGIC = b"%PDF-"
HEADER_WINDOW = 1024  # bytes: readers accept the %PDF- header anywhere in the first 1 KiB


def looks_like_pdf(data: bytes) -> bool:
    """True when the ``%PDF-`` header opens the data (after blank bytes)."""
    return data[:HEADER_WINDOW].lstrip(b"\x00\t\n\r\f ").startswith(PDF_MAGIC)
