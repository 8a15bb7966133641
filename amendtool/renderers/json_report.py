"""ChangeReport -> JSON (versioned; schema in amendtool/schemas/change-report.schema.json)."""

from __future__ import annotations

import io
from dataclasses import asdict, replace
from typing import Any, BinaryIO

from amendtool.diffing.report import Change, ChangeReport
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import headline
from amendtool.renderers.json_text import indented_json, indented_json_bytes

FORMAT_VERSION = 1


def _change_dict(change: Change) -> dict[str, Any]:
    return {
        "relation": change.relation.value,
        "headline": headline(change),
        "old": [ref_to_dict(r) for r in change.old],
        "new": [ref_to_dict(r) for r in change.new],
        "similarity": change.similarity,
        "reworded": change.reworded,
        "moved": change.moved,
        "section_changed": change.section_changed,
        "weak": change.weak,
        "words_inserted": change.words_inserted,
        "words_deleted": change.words_deleted,
        "numbering": change.numbering,
        "spans": [{"op": s.op, "old": s.old, "new": s.new} for s in change.spans],
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


def write_json(report: ChangeReport, stream: BinaryIO) -> None:
    """Write the indented JSON text, encoded in UTF-8, to ``stream``.

    The same text as ``indented_json(report_to_dict(report))``, written change by change:
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
    last = len(report.changes) - 1
    for index, change in enumerate(report.changes):
        text = indented_json_bytes(_change_dict(change)).rstrip(b"\n")
        stream.write(b"    " + text.replace(b"\n", b"\n    "))  # JSON strings hold no raw newline
        stream.write(b",\n" if index < last else b"\n  ]")
    stream.write(f"{tail}\n".encode())


def render_json_bytes(report: ChangeReport) -> bytes:
    """The JSON text of :func:`write_json` as bytes (what the commands write)."""
    out = io.BytesIO()
    write_json(report, out)
    return out.getvalue()  # the buffer itself, not a copy


def render_json(report: ChangeReport) -> str:
    """Indented JSON text, ending with a newline (see :func:`write_json`)."""
    return render_json_bytes(report).decode("utf-8")
