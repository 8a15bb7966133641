"""A change in words: "Recital C -> E, moved and modified", "Paragraphs 5 and 6 merged into 4"."""

from __future__ import annotations

from amendtool.diffing.report import SECTION_NAMES, Change, ClauseRef, Relation
from amendtool.diffing.words import Span
from amendtool.model import ClauseKind


def join_words(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def refs_label(refs: tuple[ClauseRef, ...]) -> str:
    """``Recital C``, ``Paragraphs 5 and 6``, ``Recital Q and Paragraph 1``."""
    if len(refs) == 1:
        return refs[0].label
    sections = {ref.section for ref in refs}
    if len(sections) == 1:
        singular, plural = SECTION_NAMES[refs[0].section]
        name = singular if len(refs) == 1 else plural
        return f"{name} {join_words([ref.number for ref in refs])}"
    return join_words([ref.label for ref in refs])


def _numbers(refs: tuple[ClauseRef, ...], other: tuple[ClauseRef, ...]) -> str:
    """Numbers only when the section is the same as on the other side, else full labels."""
    if len(refs) == 1 and len(other) == 1:  # the same, without the sets
        same = refs[0].section is other[0].section
        return refs[0].number if same else refs[0].label
    if {r.section for r in refs} == {r.section for r in other}:
        return join_words([ref.number for ref in refs])
    return refs_label(refs)


def _renumbering(change: Change) -> str:
    old, new = change.old[0], change.new[0]
    if old.number == new.number:
        return ""
    return "relettered" if old.section is ClauseKind.RECITAL else "renumbered"


def headline(change: Change) -> str:
    """One line saying what happened to which clause(s)."""
    old, new = change.old, change.new
    match change.relation:
        case Relation.INSERTED:
            text = f"{refs_label(new)}, inserted"
        case Relation.DELETED:
            text = f"{refs_label(old)}, deleted"
        case Relation.SPLIT:
            text = f"{refs_label(old)} split into {_numbers(new, old)}"
        case Relation.MERGED:
            text = f"{refs_label(old)} merged into {_numbers(new, old)}"
        case _:
            old_label = old[0].label
            position = old_label if len(old) == 1 else refs_label(old)
            relabelled = old_label != new[0].label
            if relabelled:
                position += f" -> {_numbers(new, old)}"
            if change.relation is Relation.UNCHANGED:
                # the same label is the same section and number: nothing renumbered
                renumbering = _renumbering(change) if relabelled else ""
                what = f"unchanged ({renumbering})" if renumbering else "unchanged"
            elif change.relation is Relation.MODIFIED:
                what = "modified"
            else:  # Relation.MOVED
                what = "moved and modified" if change.reworded else "moved"
            if change.section_changed:
                what = what.replace("moved", f"moved to {SECTION_NAMES[new[0].section][1].lower()}")
            text = f"{position}, {what}"
    if change.numbering:
        text += f" ({change.numbering})"
    if change.weak:
        text += f" (uncertain match: {round(change.similarity * 100)}% of words shared)"
    return text


def display_runs(spans: tuple[Span, ...]) -> list[tuple[str, str]]:
    """``(op, text)`` runs for showing both sides in one line.

    Each side keeps its own spacing (``"Kazakhstan "`` before a deleted word,
    ``"Kazakhstan"`` before a comma), so a space is added where two words would touch.
    """
    runs: list[tuple[str, str]] = []
    last_char = ""
    for span in spans:
        text = span.old if span.op == "delete" else span.new
        if not text:
            continue
        if last_char.isalnum() and text[0].isalnum():
            runs.append(("equal", " "))
        runs.append((span.op, text))
        last_char = text[-1]
    return runs


def side_runs(spans: tuple[Span, ...], side: str, texts: list[str]) -> list[list[tuple[str, str]]]:
    """One side's runs cut back into the clauses it joined (``texts``, joined by one space).

    ``side`` is ``old`` (equal and deleted runs) or ``new`` (equal and inserted runs). The
    joining spaces are dropped, so each clause's runs rebuild exactly its own text.
    """
    marked_op = "delete" if side == "old" else "insert"
    boundaries = []
    position = 0
    for text in texts:
        boundaries.append((position, position + len(text)))
        position += len(text) + 1
    per_clause: list[list[tuple[str, str]]] = [[] for _ in texts]
    offset = 0
    for span in spans:
        if span.op not in ("equal", marked_op):
            continue
        text = span.old if side == "old" else span.new
        op = "equal" if span.op == "equal" else span.op
        for index, (start, end) in enumerate(boundaries):
            lo, hi = max(start, offset), min(end, offset + len(text))
            if lo < hi:
                per_clause[index].append((op, text[lo - offset : hi - offset]))
        offset += len(text)
    return per_clause
