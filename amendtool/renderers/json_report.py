"""ChangeReport -> JSON (versioned; schema in amendtool/schemas/change-report.schema.json)."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from amendtool.diffing.report import Change, ChangeReport
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import headline
from amendtool.renderers.json_text import indented_json

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


def render_json(report: ChangeReport) -> str:
    """Indented JSON text, ending with a newline.

    The same text as ``indented_json(report_to_dict(report))``, written change by change:
    the whole document as Python values took about ten times the size of the drafts.
    """
    skeleton = report_to_dict(replace(report, changes=()))
    skeleton["changes"] = _CHANGES
    skeleton["differs"] = report.differs
    marker = indented_json(_CHANGES).rstrip("\n")
    head, tail = indented_json(skeleton).rstrip("\n").split(marker)
    if not report.changes:
        return f"{head}[]{tail}\n"
    pieces = [head, "[\n"]
    for index, change in enumerate(report.changes):
        text = indented_json(_change_dict(change)).rstrip("\n")
        pieces.append("    " + text.replace("\n", "\n    "))  # JSON strings hold no raw newline
        pieces.append(",\n" if index < len(report.changes) - 1 else "\n  ]")
    pieces += [tail, "\n"]
    return "".join(pieces)
