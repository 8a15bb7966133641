"""Checks on what the reader kept: numbers that are missing, dropped lines that read like text.

These never change the model; they become warnings that travel with every report, so that
a user learns when the reader may have misread a draft.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from amendtool.model import Clause, ClauseKind, LineFate

_PARAGRAPH_NUM = re.compile(r"^(\d+)\s*([a-z]*)$")
_RECITAL_NUM = re.compile(r"^([A-Z]+)\s*([a-z]*)$")
# A dropped line reads like document text when it has at least this many words and ends
# like a clause (., ;, :), or has at least CONTENT_WORDS_ANYWAY words whatever its end.
CONTENT_WORDS = 6
CONTENT_WORDS_ANYWAY = 12
_CLAUSE_END = re.compile(r"(?<!\.\.)[.;:,]['’\"”)]*$")  # a teaser's "..." is no clause end
# Reasons for dropping a line that are guesses (the reader's judgement, not a known pattern)
UNCERTAIN_REASONS = ("after the end of the resolution", "unrecognised header line")
_SECTION_WORD = {ClauseKind.RECITAL: "recital", ClauseKind.PARAGRAPH: "paragraph"}


def letters_value(letters: str) -> tuple[int, ...]:
    """The positions a recital letter may stand for: ``AB`` is 28; ``BB`` is 54 or Word's 28."""
    value = 0
    for char in letters:
        value = value * 26 + ord(char) - ord("A") + 1
    values = {value}
    if len(letters) > 1 and len(set(letters)) == 1:
        values.add((len(letters) - 1) * 26 + ord(letters[0]) - ord("A") + 1)
    return tuple(sorted(values))


def _base(clause: Clause) -> tuple[int, ...] | None:
    num = clause.num
    if num.isascii() and num.isalnum():  # "12", "AB": no suffix, the pattern not needed
        if clause.kind is ClauseKind.PARAGRAPH and num.isdigit():
            return (int(num),)
        if clause.kind is not ClauseKind.PARAGRAPH and num.isupper() and num.isalpha():
            return letters_value(num)
    if clause.kind is ClauseKind.PARAGRAPH:
        match = _PARAGRAPH_NUM.match(clause.num)
        return (int(match.group(1)),) if match else None
    match = _RECITAL_NUM.match(clause.num)
    return letters_value(match.group(1)) if match else None


def numbering_warnings(clauses: Sequence[Clause], kind: ClauseKind) -> list[str]:
    """Warnings for a recital or paragraph without its number, or numbers that jump."""
    if kind not in _SECTION_WORD or not any(c.num for c in clauses):
        return []
    word = _SECTION_WORD[kind]
    warnings: list[str] = []
    previous: tuple[int, ...] | None = None
    previous_num = ""
    for position, clause in enumerate(clauses, start=1):
        if not clause.num:
            after = f" (after {word} {previous_num})" if previous_num else ""
            warnings.append(
                f"{word} {position} has no number{after}: {clause.text[:60]!r}; "
                "a number may be missing"
            )
            continue
        base = _base(clause)
        if base is None:
            continue
        if previous is not None and base != previous:
            if len(base) == len(previous) == 1:  # the common case, without a generator
                follows = base[0] == previous[0] + 1
            else:
                follows = any(b == p + 1 for b in base for p in previous)
            if not follows and min(base) > max(previous):
                warnings.append(
                    f"{word} numbering jumps from {previous_num} to {clause.num}: "
                    "a number may be missing"
                )
        previous, previous_num = base, clause.num
    return warnings


def content_like_drops(fates: Sequence[LineFate]) -> list[str]:
    """Warnings for dropped lines that look like document text rather than page furniture."""
    warnings = []
    for fate in fates:
        if fate.where != "dropped" or fate.reason not in UNCERTAIN_REASONS:
            continue
        words = len(fate.text.split())
        if fate.text.rstrip().endswith("…"):
            continue
        if words >= CONTENT_WORDS_ANYWAY or (
            words >= CONTENT_WORDS and _CLAUSE_END.search(fate.text)
        ):
            warnings.append(
                f"line {fate.line_no}: dropped ({fate.reason}) but reads like text: "
                f"{fate.text[:60]!r}"
            )
    return warnings
