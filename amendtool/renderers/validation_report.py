"""A validation verdict -> text (one line per problem, then the verdict) or JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass

from amendtool.akn.schema import Problem


@dataclass(frozen=True)
class Verdict:
    """The problems found in one XML file (none: valid)."""

    source: str
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def summary(self) -> str:
        """``FILE: valid`` or ``FILE: invalid (3 problems)``."""
        if self.valid:
            return f"{self.source}: valid"
        count = len(self.problems)
        return f"{self.source}: invalid ({count} problem{'' if count == 1 else 's'})"


def render_verdict_text(verdict: Verdict) -> str:
    """``FILE:LINE: [rule] message`` per problem, then the verdict line."""
    lines = [f"{verdict.source}:{problem}" for problem in verdict.problems]
    return "\n".join([*lines, verdict.summary]) + "\n"


def render_verdict_json(verdict: Verdict) -> str:
    """``{"source", "valid", "problems": [{"line", "rule", "message"}]}``."""
    document = {
        "source": verdict.source,
        "valid": verdict.valid,
        "problems": [
            {"line": p.line, "rule": p.rule, "message": p.message} for p in verdict.problems
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
