"""An amendment list as JSON (schema: amendtool/schemas/amendment-list.schema.json).

Everything ``amendtool apply`` needs, explicitly: each amendment's target, the clauses of
both columns (with the clause reference every JSON output uses), the changed words as runs,
and the ``place`` of every new clause in the numbering of the text being amended
("Recital C", "Recital C a (new)").
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from amendtool.amendments.numbering import amendments, justification
from amendtool.diffing.report import ChangeReport
from amendtool.lang import kind_title
from amendtool.renderers.clause_refs import ref_to_dict
from amendtool.renderers.describe import side_runs

FORMAT_VERSION = 1


def _runs(runs: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"op": op, "text": text} for op, text in runs]


def amendment_list_to_dict(
    report: ChangeReport, author: str = "", justifications: tuple[tuple[int, str], ...] = ()
) -> dict[str, Any]:
    """The JSON document as plain Python values."""
    notes = dict(justifications)
    items = []
    for amendment in amendments(report):
        change = amendment.change
        old_runs = side_runs(change.spans, "old", [r.text for r in change.old])
        new_runs = side_runs(change.spans, "new", [r.text for r in change.new])
        items.append(
            {
                "number": amendment.number,
                "target": amendment.target,
                "relation": change.relation.value,
                "old": [
                    {
                        "ref": ref_to_dict(ref),
                        "number": ref.number,
                        "text": ref.text,
                        "runs": _runs(runs),
                    }
                    for ref, runs in zip(change.old, old_runs, strict=True)
                ],
                "new": [
                    {
                        "ref": ref_to_dict(ref),
                        "place": position.label,
                        "text": ref.text,
                        "runs": _runs(runs),
                    }
                    for ref, runs, position in zip(
                        change.new, new_runs, amendment.positions, strict=True
                    )
                ],
                "note": justification(amendment),
                "justification": notes.get(amendment.number, ""),
            }
        )
    return {
        "format": "amendtool-amendment-list",
        "version": FORMAT_VERSION,
        "version_title": kind_title(report.old_meta.kind),
        "language": report.old_meta.language,
        "author": author,
        "old": {"source": report.old_source, "meta": asdict(report.old_meta)},
        "new": {"source": report.new_source, "meta": asdict(report.new_meta)},
        "amendments": items,
    }


def render_amendments_json(
    report: ChangeReport, author: str = "", justifications: tuple[tuple[int, str], ...] = ()
) -> str:
    """Indented JSON text, ending with a newline."""
    document = amendment_list_to_dict(report, author, justifications)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
