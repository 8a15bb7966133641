"""A clause reference as it appears in every JSON output (diff, provenance, history)."""

from __future__ import annotations

from typing import Any

from amendtool.diffing.report import ClauseRef


def ref_to_dict(ref: ClauseRef) -> dict[str, Any]:
    """eId, section, printed number, position in its section and label ("Recital C")."""
    return {
        "eid": ref.eid,
        "section": ref.section.value,
        "num": ref.num,
        "position": ref.position,
        "label": ref.label,
    }
