"""ChangeReport -> JSON (versioned; schema in amendtool/schemas/change-report.schema.json)."""

from __future__ import annotations

import io
from dataclasses import asdict, replace
from typing import Any, BinaryIO

from amendtool.diffing.report import Change, ChangeReport, Relation
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import headline
from amendtool.renderers.json_text import indented_json, indented_json_bytes

FORMAT_VERSION = 1


_RELATIONS = {relation: relation.value for relation in Relation}  # no enum property per change


def _change_dict(change: Change, spans_as_dicts: bool = True) -> dict[str, Any]:
    """The JSON object of one change; with ``spans_as_dicts`` False the spans stay
    dataclasses, which orjson writes as the same objects (``op``, ``old``, ``new``)."""
    return {
        "relation": _RELATIONS[change.relation],
        "headline": headline(change),
        "old": list(map(ref_to_dict, change.old)),
        "new": list(map(ref_to_dict, change.new)),
        "similarity": change.similarity,
        "reworded": change.reworded,
        "moved": change.moved,
        "section_changed": change.section_changed,
        "weak": change.weak,
        "words_inserted": change.words_inserted,
        "words_deleted": change.words_deleted,
        "numbering": change.numbering,
        "spans": (
            [{"op": s.op, "old": s.old, "new": s.new} for s in change.spans]
            if spans_as_dicts
            else change.spans
        ),
    }


def report_to_dict(report: ChangeReport) -> dict[str, Any]:
    """The JSON document as plain Python values."""
    stats = report.statistics
    return {
        "format": "amendtool-change-report",
        "version": FORMAT_VERSION,
        "old": {"source": report.old_source, "meta": asdict(report.old_meta)},
        "new": {"source": report.new_source, "meta": asdict(report.new_meta)},
        "options": {
            **asdict(report.options),
            "section": report.section.value if report.section else None,
        },
        "differs": report.differs,
        "warnings": list(report.warnings),
        "changes": [_change_dict(change) for change in report.changes],
        "statistics": {
            "clauses_old": stats.clauses_old,
            "clauses_new": stats.clauses_new,
            "by_relation": {relation.value: count for relation, count in stats.by_relation},
            "by_section": [
                {"section": s.value, "relation": r.value, "count": n}
                for s, r, n in stats.by_section
            ],
            "words_old": stats.words_old,
            "words_new": stats.words_new,
            "words_inserted": stats.words_inserted,
            "words_deleted": stats.words_deleted,
            "words_kept": stats.words_kept,
            "share_kept": round(stats.share_kept, 4),
            "insertions": stats.insertions,
            "deletions": stats.deletions,
        },
    }


_CHANGES = "\x00changes\x00"  # where the changes go in the skeleton
_CHUNK = 256  # changes written by one call of the encoder
_CHUNK_START, _CHUNK_END = len(b'{\n  "changes": [\n'), -len(b"\n  ]\n}\n")


def write_json(report: ChangeReport, stream: BinaryIO) -> None:
    """Write the indented JSON text, encoded in UTF-8, to ``stream``.

    The same text as ``indented_json(report_to_dict(report))``, written a few hundred
    changes at a time:
    the whole document as Python values took about ten times the size of the drafts, and
    the whole text beside its encoded bytes three times the size of the drafts (issue 17).
    """
    skeleton = report_to_dict(replace(report, changes=()))
    skeleton["changes"] = _CHANGES
    skeleton["differs"] = report.differs
    marker = indented_json(_CHANGES).rstrip("\n")
    head, tail = indented_json(skeleton).rstrip("\n").split(marker)
    if not report.changes:
        stream.write(f"{head}[]{tail}\n".encode())
        return
    stream.write(f"{head}[\n".encode())
    for start in range(0, len(report.changes), _CHUNK):
        if start:
            stream.write(b",\n")
        chunk = report.changes[start : start + _CHUNK]
        # {"changes": [...]} puts the objects at their depth in the document
        text = indented_json_bytes({"changes": [_change_dict(c, False) for c in chunk]})
        stream.write(memoryview(text)[_CHUNK_START:_CHUNK_END])
    stream.write(f"\n  ]{tail}\n".encode())


def render_json_bytes(report: ChangeReport) -> bytes:
    """The JSON text of :func:`write_json` as bytes (what the commands write)."""
    out = io.BytesIO()
    write_json(report, out)
    return out.getvalue()  # the buffer itself, not a copy


def render_json(report: ChangeReport) -> str:
    """Indented JSON text, ending with a newline (see :func:`write_json`)."""
    return render_json_bytes(report).decode("utf-8")
