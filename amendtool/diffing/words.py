"""Word-level differences inside a pair of clauses, with diff-match-patch.

Each distinct token key is mapped to one character, diff-match-patch runs on those
strings (``Diff_Timeout = 0``: deterministic, never cut short by the clock), semantic
cleanup groups the result into readable phrases, and the characters are decoded back
into the original tokens of each side. Spans rebuild both texts exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from amendtool.diffing.tokens import CompareOptions, keys, units

SpanOp = Literal["equal", "delete", "insert"]
_FIRST_CODE_POINT = 0x10000  # supplementary planes: room for a million distinct tokens
_PLAIN = CompareOptions()


@dataclass(frozen=True)
class Span:
    """A run of the texts: equal (both sides), deleted (old only) or inserted (new only)."""

    op: SpanOp
    old: str
    new: str


def _encode(*sides: tuple[str, ...]) -> list[str]:
    """Each side's keys as a string, one character per distinct key."""
    codes: dict[str, str] = {}
    encoded = []
    for side in sides:
        chars = []
        for token_key in side:
            code = codes.get(token_key)
            if code is None:
                code = codes[token_key] = chr(_FIRST_CODE_POINT + len(codes))
            chars.append(code)
        encoded.append("".join(chars))
    return encoded


def word_diff(old: str, new: str, options: CompareOptions | None = None) -> tuple[Span, ...]:
    """Spans turning ``old`` into ``new``, in order."""
    from diff_match_patch import diff_match_patch

    options = options or _PLAIN
    if keys(old, options) == keys(new, options):
        return (Span("equal", old, new),) if old or new else ()
    old_tokens, new_tokens = units(old, options), units(new, options)
    old_codes, new_codes = _encode(keys(old, options), keys(new, options))
    engine = diff_match_patch()
    engine.Diff_Timeout = 0
    diffs = engine.diff_main(old_codes, new_codes, False)
    engine.diff_cleanupSemantic(diffs)
    spans: list[Span] = []
    old_at = new_at = 0
    for operation, chars in diffs:
        count = len(chars)
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
