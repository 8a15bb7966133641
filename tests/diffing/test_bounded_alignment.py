"""Split/merge search in the alignment does bounded work on hostile drafts.

250 clauses that are permutations of the same 8 words against one clause took 23 s (the
search for the parts of a merge was cubic in the candidates). The work is counted, not
timed: the informative words each candidate part adds are computed at most
MAX_GROUP_PARTS^2 times per clause.
"""

from __future__ import annotations

import random

from amendtool.diffing import align, compare
from amendtool.diffing.report import Relation
from amendtool.model import Clause, ClauseKind, Meta, Resolution

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def _resolution(texts: list[str]) -> Resolution:
    clauses = tuple(
        Clause(ClauseKind.PARAGRAPH, str(i + 1), text, f"para_{i + 1}")
        for i, text in enumerate(texts)
    )
    return Resolution(Meta(title="Examplestan"), "", (), (), clauses)


def _permutations(count: int) -> list[str]:
    rng = random.Random(1)
    texts = []
    for _ in range(count):
        words = list(WORDS)
        rng.shuffle(words)
        texts.append(" ".join(words))
    return texts


def _count_added(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """Count the calls of the split/merge search's inner step: [calls], reset by the test."""
    counter = [0]
    real = align._added

    def counting(wanted, part, covered):  # type: ignore[no-untyped-def]
        counter[0] += 1
        return real(wanted, part, covered)

    monkeypatch.setattr(align, "_added", counting)
    return counter


def test_many_permutations_against_one_clause(monkeypatch) -> None:
    counter = _count_added(monkeypatch)
    old, new = _resolution(_permutations(250)), _resolution([" ".join(WORDS)])
    for first, second in ((old, new), (new, old)):
        counter[0] = 0
        report = compare(first, second)
        relations = [change.relation for change in report.changes]
        assert len(relations) == 250
        # the permutations add no word to each other: one pair, no merge or split
        assert Relation.MERGED not in relations and Relation.SPLIT not in relations
        assert sum(r is not Relation.DELETED and r is not Relation.INSERTED for r in relations) == 1
        # candidates that share only words every clause has are not weighed at all
        assert counter[0] <= align.MAX_GROUP_PARTS**2  # the old search: millions


def test_many_informative_candidate_parts_are_capped(monkeypatch) -> None:
    """250 clauses of 8 rare words each, all inside one 120-word clause: every one is a
    candidate part of a merge (or split); only MAX_GROUP_PARTS of them are weighed."""
    counter = _count_added(monkeypatch)
    rng = random.Random(1)
    vocabulary = [f"w{n}x" for n in range(120)]
    parts = [" ".join(rng.sample(vocabulary, 8)) for _ in range(250)]
    whole = " ".join(vocabulary)
    for first, second, grouped in (
        (_resolution(parts), _resolution([whole]), Relation.MERGED),
        (_resolution([whole]), _resolution(parts), Relation.SPLIT),
    ):
        counter[0] = 0
        report = compare(first, second)
        assert grouped in {change.relation for change in report.changes}
        assert 0 < counter[0] <= align.MAX_GROUP_PARTS**2  # uncapped: over 30,000


def test_a_real_split_is_still_found_among_many_candidates() -> None:
    base = (
        "Calls on the Kazakh authorities to release the trade union lawyer Natalia Sokolova "
        "and to guarantee independent investigations into the Zhanaozen events"
    )
    first = "Calls on the Kazakh authorities to release the trade union lawyer Natalia Sokolova"
    second = "and to guarantee independent investigations into the Zhanaozen events"
    noise = _permutations(100)
    report = compare(_resolution([base, *noise]), _resolution([first, second, *noise]))
    split = [c for c in report.changes if c.relation is Relation.SPLIT]
    assert len(split) == 1 and [r.num for r in split[0].new] == ["1", "2"]
