"""Saving a python-docx Document as bytes that depend only on its content.

python-docx stamps every ZIP member with the current time; the members are rewritten
with one fixed timestamp, so the same inputs give the same bytes (as every renderer does).
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP member can carry


def document_bytes(document: Any, title: str) -> bytes:
    """The DOCX bytes of ``document`` (a ``docx.Document``), titled ``title``."""
    properties = document.core_properties
    properties.author = "amendtool"
    properties.comments = ""
    properties.title = title
    buffer = io.BytesIO()
    document.save(buffer)
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=_FIXED_TIME)
            member.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
