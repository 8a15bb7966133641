"""A clause reference as it appears in every JSON output (diff, provenance, history)."""

from __future__ import annotations

from typing import Any

from amendtool.diffing.report import ClauseRef
from amendtool.model import ClauseKind

_SECTIONS = {kind: kind.value for kind in ClauseKind}  # no enum property per clause


def ref_to_dict(ref: ClauseRef) -> dict[str, Any]:
    """eId, section, printed number, position in its section and label ("Recital C")."""
    return {
        "eid": ref.eid,
        "section": _SECTIONS[ref.section],
        "num": ref.num,
        "position": ref.position,
        "label": ref.label,
    }
