"""ChangeReport -> JSON (versioned; schema in amendtool/schemas/change-report.schema.json)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from amendtool.diffing.report import ChangeReport
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import headline
from amendtool.renderers.json_text import indented_json

FORMAT_VERSION = 1


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
        "changes": [
            {
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
            for change in report.changes
        ],
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


def render_json(report: ChangeReport) -> str:
    """Indented JSON text, ending with a newline."""
    return indented_json(report_to_dict(report))
