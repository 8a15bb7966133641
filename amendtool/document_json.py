"""Resolution -> JSON-ready dict (``convert --to json``), with dropped lines and warnings."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from amendtool.model import Resolution

DOCUMENT_FORMAT_VERSION = 1


def resolution_to_dict(resolution: Resolution) -> dict[str, Any]:
    """Everything in the model, plus what the reader dropped and warned about, and the lines
    each metadata field was read from."""
    data = asdict(resolution)
    data.pop("line_fates")
    return {
        "format": "amendtool-document",
        "version": DOCUMENT_FORMAT_VERSION,
        **data,
        "dropped": [
            {"line": f.line_no, "text": f.text, "reason": f.reason} for f in resolution.dropped
        ],
        "metadata_lines": [
            {
                "line": f.line_no,
                "field": f.where.removeprefix("meta:"),
                "text": f.text,
                "reason": f.reason,
            }
            for f in resolution.metadata_lines
        ],
    }


def render_document_json(resolution: Resolution) -> str:
    """The document as indented JSON text (``convert --to json``)."""
    from amendtool.renderers.json_text import indented_json

    return indented_json(resolution_to_dict(resolution))
