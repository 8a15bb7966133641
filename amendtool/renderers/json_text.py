"""JSON text for every JSON output, written by orjson (compiled).

The layout is the standard library's ``json.dumps(value, ensure_ascii=False, indent=2)``
plus a final newline: two-space indentation, UTF-8 characters as they are. The one
difference is that floats below 0.0001 are written in decimal rather than exponent
notation (``0.00001``, not ``1e-05``), the same number to any JSON reader. The pure-Python
encoder that ``indent`` selects in the standard library took most of the time of a 1 MB
JSON report (issue 11).
"""

from __future__ import annotations

from typing import Any

import orjson


def indented_json(value: Any) -> str:
    """``value`` (dicts, lists, str, int, float, bool, None) as indented JSON text."""
    return indented_json_bytes(value).decode()


def indented_json_bytes(value: Any) -> bytes:
    """:func:`indented_json` encoded in UTF-8 (as orjson writes it: no copy)."""
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
