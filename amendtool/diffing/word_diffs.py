"""The word diffs of a report's clause pairs, on two processes when they are many.

After the alignment, a comparison makes one word diff per pairing of clauses. Most
pairings hold identical texts (one equal span, no work); the others each need a real
diff. With ``jobs`` > 1 and enough of them, :func:`counted_diffs` hands most of the real
diffs to a worker forked from this process (:func:`amendtool.parallel.forked_map`: the
same rules on threads, signals, failures and dying workers) and computes the rest here
meanwhile. The worker sends back only what it found: each span's operation and length
on either side, and the counts of :class:`CountedDiff`; the spans are rebuilt here from
slices of the texts this process holds (a diff's spans concatenate to its two texts).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from functools import partial
from itertools import islice
from operator import attrgetter

from amendtool.diffing.words import CountedDiff, Span, SpanOp, WordCounter, counted_diff

TextPair = tuple[str, str]  # the old and the new text of one pairing
OnDiff = Callable[[int, CountedDiff], object]  # given a pairing's index and its diff

# Below this many characters of texts that need a real word diff (about those of a 2 MB
# pair of drafts), a worker saves nothing: the fork, its copy-on-write faults, and the
# spans and changes rebuilt here after it ends cost what it computes (benchmarks/README).
MIN_FORKED_CHARACTERS = 1_000_000
# The work of one pairing besides a real word diff, in characters of a real diff that take
# as long (105 ns a character at 4 MB): its Change (2.7 us) for every pairing, and for
# identical texts their one-span diff (4.8 us).
_PAIRING_COST = 26.0
_IDENTICAL_COST = 46.0
# Work here after the worker ends, per character of its texts: its spans rebuilt, the
# changes of its pairings made.
_REBUILD_COST = 0.17

_OPS: tuple[SpanOp, ...] = ("equal", "delete", "insert")
_OP_CODES = {op: code for code, op in enumerate(_OPS)}
# The counts of a CountedDiff after its spans, in the order of its fields.
_COUNTS = len(CountedDiff._fields) - 1
# A batch as the worker sends it: the operation and the old and new lengths of every
# span, and of every diff its number of spans, then its counts, then the words of its
# old text (-1: not counted there).
_Packed = tuple[bytes, "array[int]", "array[int]", "array[int]"]
_new_span = Span.__new__
_op_of, _old_of, _new_of = attrgetter("op"), attrgetter("old"), attrgetter("new")


class _Batch:
    """The counted diffs of some pairings (by index), pickled without their texts
    (see the module doc)."""

    def __init__(
        self,
        indices: Sequence[int],
        diffs: list[CountedDiff],
        texts: Sequence[TextPair],
        counter: WordCounter,
    ) -> None:
        self.indices = indices
        self.diffs: list[CountedDiff] | None = diffs
        self.texts = texts
        self.counter = counter  # its words of whole texts go along with the diffs
        self.packed: _Packed | None = None

    def __getstate__(self) -> tuple[Sequence[int], _Packed]:
        assert self.diffs is not None
        spans = [span for diff in self.diffs for span in diff.spans]
        ops = bytes(map(_OP_CODES.__getitem__, map(_op_of, spans)))
        old_lengths = array("q", map(len, map(_old_of, spans)))
        new_lengths = array("q", map(len, map(_new_of, spans)))
        counts = array("q")
        counted = self.counter.counted
        for index, diff in zip(self.indices, self.diffs, strict=True):
            counts.append(len(diff.spans))
            counts.extend(map(int, diff[1:]))
            counts.append(counted.get(self.texts[index][0], -1))
        return self.indices, (ops, old_lengths, new_lengths, counts)

    def __setstate__(self, state: tuple[Sequence[int], _Packed]) -> None:
        self.indices, self.packed = state
        self.diffs = None

    def rebuilt(self, texts: Sequence[TextPair], counter: WordCounter) -> list[CountedDiff]:
        """The diffs, their spans cut from ``texts`` (by pairing index) where they came
        packed from a worker (the words of their old texts given to ``counter``)."""
        if self.diffs is not None:
            return self.diffs
        assert self.packed is not None
        ops, old_lengths, new_lengths, counts = self.packed
        counted = counter.counted
        diffs = []
        fields_of_spans = zip(map(_OPS.__getitem__, ops), old_lengths, new_lengths, strict=True)
        at = 0  # in counts
        for index in self.indices:
            old, new = texts[index]
            spans = []
            old_at = new_at = 0
            for op, old_length, new_length in islice(fields_of_spans, counts[at]):
                old_end, new_end = old_at + old_length, new_at + new_length
                # Span(op, ...) without the frozen dataclass's __init__: a third faster
                span = _new_span(Span)
                fields = span.__dict__
                fields["op"], fields["old"], fields["new"] = (
                    op,
                    old[old_at:old_end],
                    new[new_at:new_end],
                )
                spans.append(span)
                old_at, new_at = old_end, new_end
            same, exact, inserted, deleted, kept, insertions, deletions, words = counts[
                at + 1 : at + 2 + _COUNTS
            ]
            diffs.append(
                CountedDiff(
                    tuple(spans),
                    bool(same),
                    bool(exact),
                    inserted,
                    deleted,
                    kept,
                    insertions,
                    deletions,
                )
            )
            if words >= 0:
                counted[old] = words
            at += 2 + _COUNTS
        self.diffs = diffs
        return diffs


def _diffed(texts: Sequence[TextPair], counter: WordCounter, indices: Sequence[int]) -> _Batch:
    return _Batch(
        indices, [counted_diff(*texts[index], counter) for index in indices], texts, counter
    )


def _shares(texts: Sequence[TextPair]) -> tuple[list[int], list[int], float] | None:
    """The pairings diffed here and those the worker diffs (by index), and the whole
    work in characters; None when too little needs a real diff to pay for a worker."""
    real = [
        (index, len(old) + len(new))
        for index, (old, new) in enumerate(texts)
        if old != new and old and new
    ]
    real_size = sum(size for _, size in real)
    if real_size < MIN_FORKED_CHARACTERS:
        return None
    # Both sides equally busy: here every pairing's own work and the real diffs the
    # worker leaves, plus the rebuilding of what it sends; there its share of them.
    identical = len(texts) - len(real)
    total = _PAIRING_COST * len(texts) + _IDENTICAL_COST * identical + real_size
    wanted = total / (2 - _REBUILD_COST)
    theirs: list[int] = []
    load = 0.0
    for index, size in real:
        if load >= wanted:
            break
        theirs.append(index)
        load += size
    taken = set(theirs)
    return [i for i in range(len(texts)) if i not in taken], theirs, total


def counted_diffs(
    texts: Sequence[TextPair],
    counter: WordCounter,
    jobs: int = 1,
    meanwhile: OnDiff | None = None,
    name: str = "word diffs",
) -> list[CountedDiff]:
    """``[counted_diff(old, new, counter) for old, new in texts]``, most of the real diffs
    in a forked worker when ``jobs`` > 1 and they are many (see the module doc).

    ``meanwhile(index, diff)`` is called in this process on each diff computed here,
    before the worker's are waited for (in one process: on every diff). ``name`` names
    the work of a worker that dies.
    """
    from amendtool.parallel import forked_map

    shares = _shares(texts) if jobs > 1 else None
    if shares is None:
        diffs = [counted_diff(old, new, counter) for old, new in texts]
        if meanwhile is not None:
            for index, diff in enumerate(diffs):
                meanwhile(index, diff)
        return diffs
    mine, theirs, total = shares

    def each_diff(batch: _Batch) -> None:
        if meanwhile is not None:
            for index, diff in zip(batch.indices, batch.rebuilt(texts, counter), strict=True):
                meanwhile(index, diff)

    # forked_map keeps the heaviest item in this process: weighed as the whole work, this
    # process's share is (the two are balanced above); whether to fork is decided above.
    batches = forked_map(
        partial(_diffed, texts, counter),
        [mine, theirs],
        2,
        [total, total / 2],
        [name, name],
        each_diff,
        min_weight=0.0,
    )
    by_index: dict[int, CountedDiff] = {}
    for batch in batches:
        by_index.update(zip(batch.indices, batch.rebuilt(texts, counter), strict=True))
    return [by_index[index] for index in range(len(texts))]
