"""Word-level differences inside a pair of clauses, with diff-match-patch.

Each distinct token key is mapped to one character, diff-match-patch runs on those
strings (``Diff_Timeout = 0``: deterministic, never cut short by the clock), semantic
cleanup groups the result into readable phrases, and the characters are decoded back
into the original tokens of each side. Spans rebuild both texts exactly.

Bounded work: diff-match-patch takes time proportional to old x new tokens on texts that
differ everywhere (20,000 tokens of ``a``/``b``: 30 s). Clause pairs up to
:data:`EXACT_TOKEN_PAIRS` (every real clause) get the exact word diff. Longer pairs keep
their common beginning and end, then are compared sentence by sentence, the changed
sentences phrase by phrase, and the changed phrases word by word, each step with
diff-match-patch where it fits in the same bound, else anchored on the sentences (phrases)
found once on each side (patience diff); what is still too large is shown as deleted and
inserted whole.
:func:`is_exact` tells the report when that happened, so that it can say so.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, NamedTuple

from amendtool.diffing.edit_script import edit_script
from amendtool.diffing.tokens import (
    FOLDED_APOSTROPHES,
    CompareOptions,
    count_words,
    keys,
    units,
)

SpanOp = Literal["equal", "delete", "insert"]
_FIRST_CODE_POINT = 0x10000  # supplementary planes: room for a million distinct tokens
_CAPACITY = 0x110000 - _FIRST_CODE_POINT  # distinct tokens (or sentences) one diff can encode
# Old x new tokens (1..) up to which a clause pair gets the exact word diff: about 0.03 s
# in the worst case on the development machine. Real clauses stay far below (a 600-word
# paragraph against its reworded version is 0.5 million).
EXACT_TOKEN_PAIRS = 1_000_000
# Keys that end a segment at each level of the bounded method: sentences, then phrases.
_LEVELS = (frozenset(".;!?"), frozenset(".;!?:,"))
_PLAIN = CompareOptions()

Keys = Sequence[Hashable]
Script = list[tuple[int, int]]  # (diff-match-patch operation -1/0/1, number of tokens)


@dataclass(frozen=True)
class Span:
    """A run of the texts: equal (both sides), deleted (old only) or inserted (new only)."""

    op: SpanOp
    old: str
    new: str


def _fits(old: Keys, new: Keys) -> bool:
    return len(old) * len(new) <= EXACT_TOKEN_PAIRS and len(old) + len(new) <= _CAPACITY


def is_exact(old: str, new: str, options: CompareOptions | None = None) -> bool:
    """True when :func:`word_diff` compares ``old`` and ``new`` word by word throughout:
    the same words, or what differs between their common beginning and end fits."""
    options = options or _PLAIN
    return _exact_keys(keys(old, options), keys(new, options))


def _exact_keys(old_keys: Keys, new_keys: Keys) -> bool:
    if old_keys == new_keys or _fits(old_keys, new_keys):
        return True
    prefix, suffix = _common_ends(old_keys, new_keys)
    return _fits(
        old_keys[prefix : len(old_keys) - suffix], new_keys[prefix : len(new_keys) - suffix]
    )


def _common_ends(old: Keys, new: Keys) -> tuple[int, int]:
    """Lengths of the common beginning and of the common end (not overlapping it)."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return prefix, suffix


def _exact(old: Keys, new: Keys) -> Script:
    """diff-match-patch on one character per key, with semantic cleanup (compiled)."""
    return edit_script(old, new)


def _replaced(old: Keys, new: Keys) -> Script:
    return [(op, n) for op, n in ((-1, len(old)), (1, len(new))) if n]


def _segments(side: Keys, ends: frozenset[str]) -> list[tuple[Hashable, ...]]:
    found: list[tuple[Hashable, ...]] = []
    start = 0
    for index, token_key in enumerate(side):
        if token_key in ends:
            found.append(tuple(side[start : index + 1]))
            start = index + 1
    if start < len(side):
        found.append(tuple(side[start:]))
    return found


def _bounded(old: Keys, new: Keys, level: int) -> Script:
    """An edit script whose cost stays within EXACT_TOKEN_PAIRS per diff (see module doc)."""
    if not old or not new:
        return _replaced(old, new)
    if _fits(old, new):
        return _exact(old, new)
    if level == len(_LEVELS):
        return _replaced(old, new)
    old_parts, new_parts = _segments(old, _LEVELS[level]), _segments(new, _LEVELS[level])
    if len(old_parts) == len(new_parts) == 1:
        return _bounded(old, new, level + 1)
    script: Script = []
    old_part = new_part = old_at = new_at = 0  # segment and token positions on each side
    changed_old = changed_new = 0  # segments of the changed region not yet compared
    by_segment = _exact(old_parts, new_parts) if _fits(old_parts, new_parts) else None
    for operation, count in [*(by_segment or _anchored(old_parts, new_parts)), (0, 0)]:
        if operation == -1:
            changed_old += count
        elif operation == 1:
            changed_new += count
        else:
            old_length = sum(map(len, old_parts[old_part : old_part + changed_old]))
            new_length = sum(map(len, new_parts[new_part : new_part + changed_new]))
            script += _bounded(
                old[old_at : old_at + old_length], new[new_at : new_at + new_length], level + 1
            )
            old_part, new_part = old_part + changed_old, new_part + changed_new
            old_at, new_at = old_at + old_length, new_at + new_length
            changed_old = changed_new = 0
            same = sum(map(len, old_parts[old_part : old_part + count]))
            if same:
                script.append((0, same))
            old_part, new_part = old_part + count, new_part + count
            old_at, new_at = old_at + same, new_at + same
    return script


def _anchored(old: Keys, new: Keys) -> Script:
    """Patience diff: items found once on each side, kept in order, are equal; the rest
    between them is changed (and compared more finely by the caller). O(n log n)."""
    seen_old: Counter[Hashable] = Counter(old)
    seen_new: Counter[Hashable] = Counter(new)
    where_new = {item: j for j, item in enumerate(new) if seen_new[item] == 1}
    pairs = [
        (i, where_new[item])
        for i, item in enumerate(old)
        if seen_old[item] == 1 and item in where_new
    ]
    script: Script = []
    old_at = new_at = 0
    for i, j in _increasing(pairs):
        script += [(-1, i - old_at), (1, j - new_at), (0, 1)]
        old_at, new_at = i + 1, j + 1
    return [*script, (-1, len(old) - old_at), (1, len(new) - new_at)]


def _increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A longest run of ``pairs`` (sorted by first item) increasing in the second."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous = [-1] * len(pairs)
    for index, (_, j) in enumerate(pairs):
        position = bisect.bisect_left(tails, j)
        if position == len(tails):
            tails.append(j)
            tail_at.append(index)
        else:
            tails[position], tail_at[position] = j, index
        previous[index] = tail_at[position - 1] if position else -1
    run: list[tuple[int, int]] = []
    cursor = tail_at[-1] if tail_at else -1
    while cursor != -1:
        run.append(pairs[cursor])
        cursor = previous[cursor]
    return run[::-1]


def _edit_script(old: Keys, new: Keys) -> Script:
    if _fits(old, new):
        return _exact(old, new)
    prefix, suffix = _common_ends(old, new)
    middle = _bounded(old[prefix : len(old) - suffix], new[prefix : len(new) - suffix], 0)
    script = [(0, prefix), *middle, (0, suffix)]
    merged: Script = []
    for operation, count in script:
        if not count:
            continue
        if merged and merged[-1][0] == operation:
            merged[-1] = (operation, merged[-1][1] + count)
        else:
            merged.append((operation, count))
    return merged


def word_diff(old: str, new: str, options: CompareOptions | None = None) -> tuple[Span, ...]:
    """Spans turning ``old`` into ``new``, in order."""
    if not (old and new):  # a deleted or inserted clause: one span, nothing to compare
        return (Span("delete", old, ""),) if old else (Span("insert", "", new),) if new else ()
    options = options or _PLAIN
    old_keys, new_keys = keys(old, options), keys(new, options)
    if old_keys == new_keys:
        return (Span("equal", old, new),) if old or new else ()
    old_tokens, new_tokens = units(old, options), units(new, options)
    spans: list[Span] = []
    old_at = new_at = 0
    for operation, count in _edit_script(old_keys, new_keys):
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


# A text holding one of the FOLDED_APOSTROPHES has a word that is one key and one token
# ("1‘1"), where the runs of tokens that _pieces cuts in the unfolded text would not join
# them (only ' and ’ join words there): such texts are cut from their tokens.


class _WordFlags(dict[str, int]):
    """1 for a key that count_words counts as a word (it starts with a letter, a digit or
    ``_``: what ``\\w`` matches), 0 for punctuation; filled as keys are met."""

    def __missing__(self, token_key: str) -> int:
        first = token_key[:1]
        flag = int(first.isalnum() or first == "_")
        self[token_key] = flag
        return flag


class WordCounter:
    """:func:`~amendtool.diffing.tokens.count_words` of clause texts and of diff spans,
    read off the comparison keys where that gives the same number.

    With no options a text's keys line up one for one with its tokens, and a token holds
    a word that count_words counts exactly when its key starts with a word character.
    Texts holding an apostrophe that the keys fold into a word (``1‘1``), whose token runs
    :func:`_pieces` cannot cut in the unfolded text, and every text under ignore-case or
    ignore-punctuation, are counted by count_words itself and cut from their tokens.
    Counts of whole texts are kept (one counter per report).
    """

    def __init__(self, options: CompareOptions) -> None:
        self.options = options
        self.by_keys = not (options.ignore_case or options.ignore_punctuation)
        self.flags: dict[str, int] = _WordFlags()
        self.counted: dict[str, int] = {}  # words of whole texts

    def keyed(self, text: str) -> bool:
        """True when the words of ``text`` (and of its token runs) can be read off its keys."""
        return self.by_keys and not any(map(text.__contains__, FOLDED_APOSTROPHES))

    def words(self, text: str) -> int:
        """``count_words(text)``."""
        counted = self.counted.get(text)
        if counted is None:
            if self.keyed(text):
                counted = sum(map(self.flags.__getitem__, keys(text, self.options)))
            else:
                counted = count_words(text)
            self.counted[text] = counted
        return counted


class CountedDiff(NamedTuple):
    """:func:`word_diff`'s spans with what a report says about them."""

    spans: tuple[Span, ...]
    same_words: bool  # the two texts have the same keys
    exact: bool  # :func:`is_exact` (True when a side is empty)
    words_inserted: int  # count_words over the inserted spans (new side)
    words_deleted: int  # ... the deleted spans (old side)
    words_kept: int  # ... the equal spans (old side)
    insertions: int = 0  # inserted spans
    deletions: int = 0  # deleted spans


def counted_diff(old: str, new: str, counter: WordCounter) -> CountedDiff:
    """:func:`word_diff` with the options of ``counter``, and the counts of its spans.

    The same spans and numbers as ``word_diff`` then count_words of each span, in less
    time: identical texts are one equal span without their keys compared, and span words
    are read off the keys where :class:`WordCounter` can (tests/property/test_counted_diff.py).
    """
    if old == new:
        return CountedDiff(
            (Span("equal", old, new),) if old else (), True, True, 0, 0, counter.words(old)
        )
    if not (old and new):
        if old:
            return CountedDiff(
                (Span("delete", old, ""),), False, True, 0, counter.words(old), 0, 0, 1
            )
        return CountedDiff((Span("insert", "", new),), False, True, counter.words(new), 0, 0, 1, 0)
    options = counter.options
    old_keys, new_keys = keys(old, options), keys(new, options)
    if old_keys == new_keys:
        return CountedDiff((Span("equal", old, new),), True, True, 0, 0, counter.words(old))
    script = _edit_script(old_keys, new_keys)
    by_keys = counter.keyed(old) and counter.keyed(new)
    old_runs = [count for operation, count in script if operation <= 0]
    new_runs = [count for operation, count in script if operation >= 0]
    old_pieces = iter(_pieces(old, old_runs, options, by_keys))
    new_pieces = iter(_pieces(new, new_runs, options, by_keys))
    flag = counter.flags.__getitem__
    spans: list[Span] = []
    inserted = deleted = kept = insertions = deletions = 0
    old_at = new_at = 0  # in keys
    for operation, count in script:
        if operation == 0:
            old_text = next(old_pieces)
            spans.append(Span("equal", old_text, next(new_pieces)))
            if not by_keys:  # else all the old words but those deleted, below
                kept += count_words(old_text)
            old_at, new_at = old_at + count, new_at + count
        elif operation < 0:
            old_text = next(old_pieces)
            spans.append(Span("delete", old_text, ""))
            if by_keys:
                deleted += sum(map(flag, old_keys[old_at : old_at + count]))
            else:
                deleted += count_words(old_text)
            deletions += 1
            old_at += count
        else:
            new_text = next(new_pieces)
            spans.append(Span("insert", "", new_text))
            if by_keys:
                inserted += sum(map(flag, new_keys[new_at : new_at + count]))
            else:
                inserted += count_words(new_text)
            insertions += 1
            new_at += count
    if by_keys:  # every key of the old text is in one span, equal or deleted
        kept = counter.words(old) - deleted
    exact = _exact_keys(old_keys, new_keys)
    return CountedDiff(tuple(spans), False, exact, inserted, deleted, kept, insertions, deletions)


# One token of tokens.tokens (a word or a punctuation mark, and the white space after it),
# matched atomically: never cut shorter to make up a number of tokens.
_ONE_TOKEN = r"(?>(?:\w+(?:['’]\w+)*|[^\w\s])\s*)"


@lru_cache(maxsize=512)
def _tokens_run(count: int) -> Callable[[str, int], re.Match[str] | None]:
    """Matches ``count`` tokens at a position (the pattern is the same size for any count)."""
    return re.compile(f"{_ONE_TOKEN}{{{count}}}").match


def _pieces(text: str, runs: list[int], options: CompareOptions, aligned: bool) -> list[str]:
    """``text`` cut into pieces of ``runs[i]`` units (:func:`units`), in order.

    ``aligned`` (the keys line up with the tokens): cut by matching runs of tokens in the
    text, without making the tokens. A run asking for more tokens than there are, and
    any other case, joins the units, as :func:`word_diff` does.
    """
    if aligned:
        pieces = []
        start = 0
        position = len(text) - len(text.lstrip())  # leading white space: in the first token
        for count in runs:
            match = _tokens_run(count)(text, position)
            if match is None:
                break
            position = match.end()
            pieces.append(text[start:position])
            start = position
        else:
            return pieces
    found = units(text, options)
    pieces = []
    at = 0
    for count in runs:
        pieces.append("".join(found[at : at + count]))
        at += count
    return pieces
