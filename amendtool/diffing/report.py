"""The ChangeReport: what changed between two drafts, as frozen values.

It is the only thing renderers see. Changes come in the new draft's order; a deleted
clause stands where it stood, after the change holding the old clause before it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from amendtool.diffing.align import CONFIDENT_THRESHOLD, Pairing, align
from amendtool.diffing.order import order_warnings
from amendtool.diffing.tokens import CompareOptions, count_words
from amendtool.diffing.words import CountedDiff, Span, WordCounter, counted_diff
from amendtool.gc_pause import paused_gc
from amendtool.model import Clause, ClauseKind, Meta, Resolution, clause_body


class Relation(StrEnum):
    """How a clause of the old draft relates to the new draft."""

    UNCHANGED = "unchanged"
    MODIFIED = "modified"
    MOVED = "moved"
    INSERTED = "inserted"
    DELETED = "deleted"
    SPLIT = "split"
    MERGED = "merged"


SECTION_NAMES = {
    ClauseKind.CITATION: ("Citation", "Citations"),
    ClauseKind.RECITAL: ("Recital", "Recitals"),
    ClauseKind.PARAGRAPH: ("Paragraph", "Paragraphs"),
    ClauseKind.UNCLASSIFIED: ("Unclassified text", "Unclassified texts"),
}
_LABEL_PREFIX = {kind: f"{names[0]} " for kind, names in SECTION_NAMES.items()}
NUMBER_MISSING = "number missing"
NUMBER_ADDED = "number added"


@dataclass(frozen=True)
class ClauseRef:
    """One clause of one draft, as a report refers to it."""

    eid: str
    section: ClauseKind
    num: str
    position: int  # 1-based within its section
    text: str

    @property
    def number(self) -> str:
        """What EP practice calls it by: position for citations, printed number otherwise."""
        if self.section is ClauseKind.CITATION or not self.num:
            return str(self.position)
        return self.num

    @property
    def label(self) -> str:
        """``Citation 3``, ``Recital C``, ``Paragraph 4a``."""
        section = self.section
        if section is ClauseKind.CITATION or not self.num:  # self.number, inline
            return f"{_LABEL_PREFIX[section]}{self.position}"
        return _LABEL_PREFIX[section] + self.num


@dataclass(frozen=True)
class Change:
    """One relation between clauses of the two drafts, with the word-level spans."""

    relation: Relation
    old: tuple[ClauseRef, ...]
    new: tuple[ClauseRef, ...]
    spans: tuple[Span, ...]
    similarity: float
    reworded: bool
    moved: bool
    section_changed: bool
    weak: bool
    words_inserted: int
    words_deleted: int
    words_kept: int
    numbering: str = ""  # NUMBER_MISSING or NUMBER_ADDED when one side lost its number


@dataclass(frozen=True)
class Statistics:
    """Counts for the summary."""

    clauses_old: int
    clauses_new: int
    by_relation: tuple[tuple[Relation, int], ...]
    by_section: tuple[tuple[ClauseKind, Relation, int], ...]
    words_old: int
    words_new: int
    words_inserted: int
    words_deleted: int
    words_kept: int
    insertions: int  # inserted spans (runs of inserted words), over all changes
    deletions: int  # deleted spans

    @property
    def share_kept(self) -> float:
        """Share (0..1) of the old draft's words found unchanged in the new one."""
        return self.words_kept / self.words_old if self.words_old else 1.0


@dataclass(frozen=True)
class ChangeReport:
    """Everything a renderer needs about the comparison of two drafts."""

    old_meta: Meta
    new_meta: Meta
    old_source: str
    new_source: str
    changes: tuple[Change, ...]
    statistics: Statistics
    options: CompareOptions = field(default_factory=CompareOptions)
    section: ClauseKind | None = None
    warnings: tuple[str, ...] = ()

    @property
    def differs(self) -> bool:
        """True when any clause changed (the diff exit status 1)."""
        return any(change.relation is not Relation.UNCHANGED for change in self.changes)


def _refs(clauses: Sequence[Clause]) -> list[ClauseRef]:
    positions = dict.fromkeys(ClauseKind, 0)
    refs = []
    for clause in clauses:
        kind = clause.kind
        positions[kind] = position = positions[kind] + 1
        # clause_body of a clause without points or wrap-up is its text
        text = clause_body(clause) if clause.points or clause.wrap_up else clause.text
        refs.append(ClauseRef(clause.eid, kind, clause.num, position, text))
    return refs


def _numbering(old: tuple[ClauseRef, ...], new: tuple[ClauseRef, ...]) -> str:
    """Whether a numbered recital or paragraph lost its number (or an unnumbered one got one)."""
    if len(old) != 1 or len(new) != 1:
        return ""
    old_ref, new_ref = old[0], new[0]
    if bool(old_ref.num) is bool(new_ref.num):  # both numbered, or neither
        return ""
    numbered = (ClauseKind.RECITAL, ClauseKind.PARAGRAPH)
    if old_ref.num and old_ref.section in numbered and not new_ref.num:
        return NUMBER_MISSING if new_ref.section is not ClauseKind.CITATION else ""
    if new_ref.num and new_ref.section in numbered and not old_ref.num:
        return NUMBER_ADDED if old_ref.section is not ClauseKind.CITATION else ""
    return ""


def _relation(pairing: Pairing, same_words: bool, section_changed: bool) -> Relation:
    if not pairing.old:
        return Relation.INSERTED
    if not pairing.new:
        return Relation.DELETED
    if len(pairing.old) > 1:
        return Relation.MERGED
    if len(pairing.new) > 1:
        return Relation.SPLIT
    if pairing.moved or (section_changed and same_words):
        return Relation.MOVED
    return Relation.UNCHANGED if same_words else Relation.MODIFIED


def _change(
    pairing: Pairing, old: list[ClauseRef], new: list[ClauseRef], counter: WordCounter
) -> tuple[Change, CountedDiff]:
    """The change of one pairing, and its word diff (whether exact, how many spans)."""
    if len(pairing.old) == 1 and len(pairing.new) == 1:
        old_ref, new_ref = old[pairing.old[0]], new[pairing.new[0]]
        old_refs: tuple[ClauseRef, ...] = (old_ref,)
        new_refs: tuple[ClauseRef, ...] = (new_ref,)
        matched = True
        old_text, new_text = old_ref.text, new_ref.text
        old_section, new_section = old_ref.section, new_ref.section
        section_changed = (
            old_section is not new_section
            # text the reader could not classify has no section to move from or to
            and ClauseKind.UNCLASSIFIED is not old_section
            and ClauseKind.UNCLASSIFIED is not new_section
        )
    else:
        old_refs = tuple(map(old.__getitem__, pairing.old))
        new_refs = tuple(map(new.__getitem__, pairing.new))
        matched = bool(old_refs and new_refs)
        old_text = " ".join(ref.text for ref in old_refs)
        new_text = " ".join(ref.text for ref in new_refs)
        sections = {r.section for r in old_refs}, {r.section for r in new_refs}
        section_changed = (
            matched
            and sections[0] != sections[1]
            and ClauseKind.UNCLASSIFIED not in sections[0] | sections[1]
        )
    diff = counted_diff(old_text, new_text, counter)
    same_words = matched and diff.same_words
    relation = _relation(pairing, same_words, section_changed)
    numbering = _numbering(old_refs, new_refs)
    if numbering and relation is Relation.UNCHANGED:
        relation = Relation.MODIFIED  # the words are the same, the number is not
    change = Change(
        relation,
        old_refs,
        new_refs,
        diff.spans,
        round(pairing.similarity if matched else 0.0, 4),
        matched and not same_words,
        pairing.moved,
        section_changed,
        matched and pairing.similarity < CONFIDENT_THRESHOLD,
        diff.words_inserted,
        diff.words_deleted,
        diff.words_kept,
        numbering,
    )
    return change, diff


def _new_order(pairings: Sequence[Pairing]) -> list[int]:
    """Indices of ``pairings`` in the new draft's order (see the module doc)."""
    old_count = 1 + max((i for pairing in pairings for i in pairing.old), default=-1)
    new_position: list[int | None] = [None] * old_count
    for pairing in pairings:
        if pairing.new:
            first = min(pairing.new)
            for i in pairing.old:
                new_position[i] = first
    # where each old clause would stand in the new draft: after the nearest kept clause before it
    anchor = [-1] * old_count
    last = -1
    for i in range(old_count):
        anchor[i] = last
        position = new_position[i]
        if position is not None:
            last = position
    sort_keys = [
        (min(pairing.new), 0, 0) if pairing.new else (anchor[min(pairing.old)], 1, min(pairing.old))
        for pairing in pairings
    ]
    return sorted(range(len(pairings)), key=sort_keys.__getitem__)


def _statistics(
    built: Sequence[tuple[Change, CountedDiff]],
    old: list[ClauseRef],
    new: list[ClauseRef],
    counter: WordCounter,
) -> Statistics:
    by_section = Counter(((c.new or c.old)[0].section, c.relation) for c, _ in built)
    by_relation: Counter[Relation] = Counter()
    for (_, relation), count in by_section.items():
        by_relation[relation] += count
    return Statistics(
        clauses_old=len(old),
        clauses_new=len(new),
        by_relation=tuple((r, by_relation[r]) for r in Relation),
        by_section=tuple(
            (s, r, by_section[(s, r)]) for s in ClauseKind for r in Relation if by_section[(s, r)]
        ),
        words_old=sum(counter.words(ref.text) for ref in old),
        words_new=sum(counter.words(ref.text) for ref in new),
        words_inserted=sum(diff.words_inserted for _, diff in built),
        words_deleted=sum(diff.words_deleted for _, diff in built),
        words_kept=sum(diff.words_kept for _, diff in built),
        insertions=sum(diff.insertions for _, diff in built),
        deletions=sum(diff.deletions for _, diff in built),
    )


def _selected(resolution: Resolution, section: ClauseKind | None) -> list[Clause]:
    """The clauses and unclassified blocks compared: all, or those of one section (a block
    counts as part of the section of the clause it follows)."""
    items = resolution.items()
    if section is None:
        return list(items)
    chosen = []
    current = items[0].kind if items else section
    for item in items:
        if item.kind is not ClauseKind.UNCLASSIFIED:
            current = item.kind
        if item.kind is section or (item.kind is ClauseKind.UNCLASSIFIED and current is section):
            chosen.append(item)
    return chosen


def reader_warnings(old: Resolution, new: Resolution) -> list[str]:
    """What the readers said about each draft, and whether the drafts can be compared."""
    warnings = [f"old draft: {w}" for w in old.warnings]
    warnings += [f"new draft: {w}" for w in new.warnings]
    if old.meta.language != new.meta.language:
        warnings.append(
            f"the drafts are in different languages (old: {old.meta.language}, new: "
            f"{new.meta.language}): this compares a text with a translation, not two versions"
        )
    return warnings + order_warnings(old.meta, new.meta)


def _bounded_word_diffs(built: Sequence[tuple[Change, CountedDiff]]) -> list[str]:
    """One warning per clause pair too long for an exact word diff (see diffing.words)."""
    warnings = []
    for change, diff in built:
        if diff.exact:
            continue
        old_text = " ".join(ref.text for ref in change.old)
        new_text = " ".join(ref.text for ref in change.new)
        label = " + ".join(ref.label for ref in (change.old or change.new))
        warnings.append(
            f"{label}: too long to compare word by word ({count_words(old_text)} and "
            f"{count_words(new_text)} words); compared by sentences and phrases first, "
            "so a changed passage may be shown as deleted and inserted whole"
        )
    return warnings


@paused_gc()
def build_report(
    old: Resolution,
    new: Resolution,
    options: CompareOptions | None = None,
    section: ClauseKind | None = None,
    old_source: str = "",
    new_source: str = "",
) -> ChangeReport:
    """Align the clauses (and unclassified text) of two drafts and describe every change."""
    options = options or CompareOptions()
    old_clauses = _selected(old, section)
    new_clauses = _selected(new, section)
    old_refs, new_refs = _refs(old_clauses), _refs(new_clauses)
    pairings = align(old_clauses, new_clauses, options)
    counter = WordCounter(options)
    built = [_change(p, old_refs, new_refs, counter) for p in pairings]
    built = [built[i] for i in _new_order(pairings)]
    return ChangeReport(
        old_meta=old.meta,
        new_meta=new.meta,
        old_source=old_source,
        new_source=new_source,
        changes=tuple(change for change, _ in built),
        statistics=_statistics(built, old_refs, new_refs, counter),
        options=options,
        section=section,
        warnings=(*reader_warnings(old, new), *_bounded_word_diffs(built)),
    )
