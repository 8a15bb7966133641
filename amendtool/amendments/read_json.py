"""Reading an amendment list amendtool wrote as JSON (``amendments --format json``).

The fields applying needs are checked by hand (the schema is
amendtool/schemas/amendment-list.schema.json), so that a damaged file gives a one-line
error, never a traceback.
"""

from __future__ import annotations

import json
from typing import Any

from amendtool.amendments.labels import Position, parse_positions
from amendtool.amendments.tabled import AmendmentList, TabledAmendment, TabledClause
from amendtool.errors import InputError
from amendtool.model import ClauseKind

FORMAT_NAME = "amendtool-amendment-list"


def looks_like_json_list(data: bytes) -> bool:
    """True for a JSON document that says it is an amendtool amendment list."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and FORMAT_NAME.encode() in data[:4096]


def _clause(item: Any, where: str) -> TabledClause:
    if not isinstance(item, dict) or not isinstance(item.get("text"), str):
        raise ValueError(f"{where}: a clause without text")
    ref = item.get("ref")
    name = ref.get("section") if isinstance(ref, dict) else None
    try:
        section = ClauseKind(str(name))
    except ValueError:
        raise ValueError(f"{where}: unknown section {name!r}") from None
    return TabledClause(item["text"], section)


def _amendment(item: Any, index: int) -> TabledAmendment:
    where = f"amendments[{index}]"
    if not isinstance(item, dict):
        raise ValueError(f"{where} is not an object")
    number, target = item.get("number"), item.get("target")
    if not isinstance(number, int) or not isinstance(target, str):
        raise ValueError(f"{where}: no number or no target")
    old, new = item.get("old", []), item.get("new", [])
    if not isinstance(old, list) or not isinstance(new, list):
        raise ValueError(f"{where}: 'old' and 'new' must be lists")
    positions: list[Position] = []
    for clause in new:
        label = clause.get("place", "") if isinstance(clause, dict) else ""
        if label:
            positions.extend(parse_positions(str(label)))
    return TabledAmendment(
        number=number,
        target=target,
        old=tuple(_clause(c, f"{where}.old") for c in old),
        new=tuple(_clause(c, f"{where}.new") for c in new),
        positions=tuple(positions) if len(positions) == len(new) else (),
        justification=str(item.get("justification", "")),
    )


def read_json_list(data: bytes, source: str) -> AmendmentList:
    """The amendments of a JSON amendment list."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(source, f"not a JSON amendment list ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise InputError(source, f'not a JSON amendment list (no "format": "{FORMAT_NAME}")')
    if document.get("version") != 1:
        raise InputError(source, f"amendment list version {document.get('version')!r} (1 expected)")
    items = document.get("amendments")
    if not isinstance(items, list):
        raise InputError(source, "the amendment list has no 'amendments' array")
    try:
        amendments = tuple(_amendment(item, index) for index, item in enumerate(items))
    except ValueError as problem:
        raise InputError(source, str(problem)) from None
    return AmendmentList(source, amendments)
