"""Word-level differences inside a pair of clauses, with diff-match-patch.

Each distinct token key is mapped to one character, diff-match-patch runs on those
strings (``Diff_Timeout = 0``: deterministic, never cut short by the clock), semantic
cleanup groups the result into readable phrases, and the characters are decoded back
into the original tokens of each side. Spans rebuild both texts exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from amendtool.diffing.edit_script import edit_script
from amendtool.diffing.tokens import CompareOptions, keys, units

SpanOp = Literal["equal", "delete", "insert"]
_PLAIN = CompareOptions()


@dataclass(frozen=True)
class Span:
    """A run of the texts: equal (both sides), deleted (old only) or inserted (new only)."""

    op: SpanOp
    old: str
    new: str


def word_diff(old: str, new: str, options: CompareOptions | None = None) -> tuple[Span, ...]:
    """Spans turning ``old`` into ``new``, in order."""
    if not (old and new):  # a deleted or inserted clause: one span, nothing to compare
        return (Span("delete", old, ""),) if old else (Span("insert", "", new),) if new else ()
    options = options or _PLAIN
    if keys(old, options) == keys(new, options):
        return (Span("equal", old, new),)
    old_tokens, new_tokens = units(old, options), units(new, options)
    spans: list[Span] = []
    old_at = new_at = 0
    for operation, count in edit_script(keys(old, options), keys(new, options)):
        if operation == 0:
            old_text = "".join(old_tokens[old_at : old_at + count])
            new_text = "".join(new_tokens[new_at : new_at + count])
            spans.append(Span("equal", old_text, new_text))
            old_at, new_at = old_at + count, new_at + count
        elif operation < 0:
            spans.append(Span("delete", "".join(old_tokens[old_at : old_at + count]), ""))
            old_at += count
        else:
            spans.append(Span("insert", "", "".join(new_tokens[new_at : new_at + count])))
            new_at += count
    return tuple(spans)
