"""Aligning the clauses of two drafts by content.

Drafts by different authors share no ids, so clauses are paired by their words:

1. identical content (after typography is folded) pairs first, in order: clauses whose
   wording occurs once in each draft anchor the alignment, and repeated wordings (the same
   citation twice, boilerplate recitals) pair first with first, in the order that keeps
   them nearest to where the anchors put them;
2. the rest pairs greedily by similarity (Dice coefficient on word multisets), best first,
   among candidates that share rare words (so large drafts never build an n x m matrix);
3. one old clause whose words reappear in two or more new clauses is a *split*, several
   old clauses found in one new clause a *merge*, when the group fits better than any pair;
4. a block the reader could not classify that stands alone between two aligned clauses,
   opposite one clause of the other draft, is that clause (a paragraph that lost its
   number), however much it was reworded;
5. pairs outside the longest run that keeps its order (longest increasing subsequence of
   new positions) are *moved*.

Everything is deterministic: ties break on position.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain
from sys import intern

from amendtool.diffing.tokens import CompareOptions, keys, word_counts
from amendtool.model import Clause, ClauseKind, clause_body

# Minimum Dice similarity (0..1) for two clauses to be the same clause reworded. Below it
# they are a deletion plus an insertion. 0.5 means half of the words are shared.
MATCH_THRESHOLD = 0.5
# Similarity (0..1) under which a match is reported as uncertain ("weak match").
CONFIDENT_THRESHOLD = 0.7
# Share (0..1) of a part's words that must occur in the whole for it to be part of a split
# or merge.
PART_CONTAINMENT = 0.6
# Parts of a split or merge have at least this many words (shorter ones are too generic).
MIN_PART_WORDS = 4
# Each part of a split or merge must bring at least this many informative words of the
# whole that no other part brings (1..); otherwise it is not really a part.
MIN_ADDED_WORDS = 2
# A word is informative when it occurs in at most this share (0..1) of the clauses left to
# pair after identical ones ("whereas", "the", "calls" are not), or in at most
# MIN_INFORMATIVE_LIMIT of them (a word of a split's whole and one part occurs in two).
INFORMATIVE_SHARE = 0.2
MIN_INFORMATIVE_LIMIT = 2
# Position weight (0..1): a tie-breaker that prefers nearby clauses among equally similar ones.
POSITION_WEIGHT = 0.02
# Up to this many old x new pairs (left after identical clauses) are all scored; beyond,
# candidates share rare words. Rare words pick better candidates than all pairs do as soon
# as there are a few hundred clauses (F1 0.9978 -> 0.9995 at 250 KB, issue 11).
ALL_PAIRS_LIMIT = 20_000
# Candidate parts (2..) weighed for one split or merge, the most contained first: a real
# split has a handful; the cap keeps the search quadratic in it, never in the draft.
MAX_GROUP_PARTS = 32
# Candidate generation: each clause is indexed by its RARE_WORDS rarest words, and a word
# in more than MAX_POSTING clauses is too common to propose candidates.
RARE_WORDS = 12
MAX_POSTING = 64
# A candidate pair shares at least this many of those rare words (1..RARE_WORDS).
MIN_SHARED_RARE = 2
# Repeated identical clauses are paired by a dynamic programme over old x new copies of one
# wording when there are at most this many combinations; beyond, first with first.
MAX_REPEAT_PAIRS = 250_000


@dataclass(frozen=True)
class Pairing:
    """Old clause indices aligned with new clause indices (either side may be empty)."""

    old: tuple[int, ...]
    new: tuple[int, ...]
    similarity: float
    moved: bool = False


# A word as the similarity measures see it: one character (or, past the characters
# available, one integer) whose order is the word's rarity in the drafts.
Symbol = str | int
# Characters that stand for ranked words: all code points but the surrogates.
_SYMBOL_CHARACTERS = 0x110000 - 0x800


class _Profile:
    """A clause as alignment sees it; word counts are computed only when needed."""

    def __init__(self, clause: Clause, options: CompareOptions) -> None:
        self.text = clause_body(clause)
        self.exact = keys(self.text, options)
        self.plain = not (options.ignore_case or options.ignore_punctuation)
        self.unclassified = clause.kind is ClauseKind.UNCLASSIFIED
        self.bag: str | tuple[int, ...] = ""  # the words as sorted symbols, rarest first
        # the RARE_WORDS rarest distinct words, as one string of symbols (or integers)
        self.rare: str | tuple[int, ...] = ""
        self.informative: str | tuple[int, ...] = ""  # the bag's informative words

    @cached_property
    def words(self) -> Counter[str]:
        if self.plain:  # the same counts, in compiled passes over the text
            return word_counts(self.text)
        return Counter(intern(k.casefold()) for k in self.exact if k[:1].isalnum())

    @cached_property
    def size(self) -> int:
        return sum(self.words.values())

    def forget_words(self) -> None:
        """Drop the word counts once ranked (the few used later are counted again): at
        50 MB a draft they would hold hundreds of MB through the rest of the alignment."""
        self.__dict__.pop("words", None)


def _character(rank: int) -> str:
    """The symbol of the word of ``rank`` (order kept; surrogates skipped)."""
    return chr(rank if rank < 0xD800 else rank + 0x800)


def _rank_words(profiles: Sequence[_Profile], frequency: Counter[str], limit: float) -> None:
    """Give each profile its bag, its rare words and its informative words.

    Words are ranked by (number of clauses they occur in, word), so that sorting a bag
    puts its rarest words first and ties break on the word, as everywhere else; the
    informative words (in at most ``limit`` clauses) are then a prefix of the bag.
    """
    ranked = sorted(frequency, key=lambda w: (frequency[w], w))
    informative = sum(1 for word in ranked if frequency[word] <= limit)
    if len(ranked) <= _SYMBOL_CHARACTERS:
        char = {w: _character(r) for r, w in enumerate(ranked)}
        first_common = _character(informative)
        for profile in profiles:
            runs = sorted([char[word] * count for word, count in profile.words.items()])
            bag = profile.bag = "".join(runs)
            profile.rare = "".join([run[0] for run in runs[:RARE_WORDS]])
            profile.informative = bag[: bisect.bisect_left(bag, first_common)]
            profile.forget_words()
    else:  # more distinct words than characters: rapidfuzz compares integers as well
        number = {w: r for r, w in enumerate(ranked)}
        for profile in profiles:
            ranks = sorted((number[word], count) for word, count in profile.words.items())
            ranked_bag = tuple(rank for rank, count in ranks for _ in range(count))
            profile.bag = ranked_bag
            profile.rare = tuple(rank for rank, _ in ranks[:RARE_WORDS])
            profile.informative = ranked_bag[: bisect.bisect_left(ranked_bag, informative)]
            profile.forget_words()


def shared_words(a: Counter[str], b: Counter[str]) -> int:
    """|A∩B| on multisets."""
    return sum(min(a[word], b[word]) for word in a.keys() & b.keys())


def dice(a: Counter[str], b: Counter[str]) -> float:
    """2|A∩B| / (|A|+|B|) on multisets; 1.0 for two empty texts."""
    total = sum(a.values()) + sum(b.values())
    return 2 * shared_words(a, b) / total if total else 1.0


class _Aligner:
    def __init__(self, old: Sequence[Clause], new: Sequence[Clause], options: CompareOptions):
        self.old = [_Profile(c, options) for c in old]
        self.new = [_Profile(c, options) for c in new]
        self.old_match: dict[int, int] = {}
        self.new_match: dict[int, int] = {}
        self.scores: dict[tuple[int, int], float] = {}
        self.candidates_of_old: dict[int, list[int]] = {}
        self.candidates_of_new: dict[int, list[int]] = {}
        self.shared: dict[tuple[int, int], int] = {}
        self.old_score: dict[int, float] = {}
        self.new_score: dict[int, float] = {}
        self.frequency: Counter[str] = Counter()  # in how many unpaired clauses a word occurs
        self.informative_limit = 0.0

    # -- 1. identical content --------------------------------------------------------
    def pair_identical(self) -> None:
        old_by_exact: dict[tuple[str, ...], list[int]] = {}
        new_by_exact: dict[tuple[str, ...], list[int]] = {}
        for i, profile in enumerate(self.old):
            old_by_exact.setdefault(profile.exact, []).append(i)
        for j, profile in enumerate(self.new):
            new_by_exact.setdefault(profile.exact, []).append(j)
        repeated = []
        unique = []
        for exact, olds in old_by_exact.items():
            news = new_by_exact.get(exact)
            if not news:
                continue
            if len(olds) == 1 == len(news):
                unique.append((olds[0], news[0]))
            else:
                repeated.append((olds, news))
        unique.sort()
        anchors = [unique[k] for k in sorted(_longest_increasing([j for _, j in unique]))]
        for i, j in unique:
            self._link(i, j, 1.0)
        anchor_old = [i for i, _ in anchors]
        for olds, news in repeated:
            for i, j in _pair_in_order(olds, news, anchors, anchor_old):
                self._link(i, j, 1.0)
        for profile in (*self.old, *self.new):
            if profile.plain:
                profile.exact = ()  # used up (the keys stay cached for the word diffs)

    def _link(self, i: int, j: int, score: float) -> None:
        self.old_match[i] = j
        self.new_match[j] = i
        self.scores[(i, j)] = score
        self.old_score[i] = score
        self.new_score[j] = score

    # -- 2. similar content ----------------------------------------------------------
    def candidates(self) -> list[tuple[int, int]]:
        free_old = [i for i in range(len(self.old)) if i not in self.old_match]
        free_new = [j for j in range(len(self.new)) if j not in self.new_match]
        free = (*(self.old[i] for i in free_old), *(self.new[j] for j in free_new))
        self.frequency.update(chain.from_iterable(profile.words.keys() for profile in free))
        self.informative_limit = max(
            INFORMATIVE_SHARE * (len(free_old) + len(free_new)), MIN_INFORMATIVE_LIMIT
        )
        _rank_words(free, self.frequency, self.informative_limit)
        if len(free_old) * len(free_new) <= ALL_PAIRS_LIMIT:
            return [(i, j) for i in free_old for j in free_new]
        postings: dict[Symbol, list[int]] = {}
        for j in free_new:
            for word in self.new[j].rare:
                postings.setdefault(word, []).append(j)
        pairs: list[tuple[int, int]] = []
        for i in free_old:
            rare = self.old[i].rare
            found: list[int] = []
            for word in rare:
                posting = postings.get(word, ())
                if len(posting) <= MAX_POSTING:
                    found += posting
            hits = Counter(found)
            needed = min(MIN_SHARED_RARE, len(rare))
            pairs.extend((i, j) for j, count in sorted(hits.items()) if count >= needed)
        for profile in free:
            profile.rare = ""  # used up: candidates are found
        return pairs

    def pair_similar(self) -> None:
        from rapidfuzz.distance import Indel

        # On two sorted sequences the longest common subsequence is the multiset
        # intersection, so the Indel distance of two bags gives |A∩B| in compiled code.
        distance = Indel.distance
        old_count, new_count = max(len(self.old), 1), max(len(self.new), 1)
        ranked = []
        for i, j in self.candidates():
            old_bag, new_bag = self.old[i].bag, self.new[j].bag
            old_size, new_size = len(old_bag), len(new_bag)
            total = old_size + new_size
            shared = (total - distance(old_bag, new_bag)) // 2
            score = 2 * shared / total if total else 1.0
            if shared >= PART_CONTAINMENT * min(old_size, new_size) and shared:
                # a possible part of a split or merge: remember the overlap for step 3,
                # unless the two share too few informative words for either to be a part
                # of the other (each part must bring MIN_ADDED_WORDS of them)
                old_rare, new_rare = self.old[i].informative, self.new[j].informative
                rare_total = len(old_rare) + len(new_rare)
                if rare_total - distance(old_rare, new_rare) >= 2 * MIN_ADDED_WORDS:
                    self.shared[(i, j)] = shared
                    self.candidates_of_old.setdefault(i, []).append(j)
                    self.candidates_of_new.setdefault(j, []).append(i)
            if score >= MATCH_THRESHOLD:
                distance_apart = abs(i / old_count - j / new_count)
                ranked.append((-(score - POSITION_WEIGHT * distance_apart), i, j, score))
        ranked.sort()
        for _, i, j, score in ranked:
            if i not in self.old_match and j not in self.new_match:
                self._link(i, j, score)

    # -- 2b. unclassified text in place of a clause ----------------------------------
    def pair_replaced(self) -> None:
        """An unclassified block alone in a gap, opposite one clause: the same clause."""
        if not any(p.unclassified for p in self.old + self.new):
            return
        anchors = sorted(self.old_match.items())
        kept = _longest_increasing([j for _, j in anchors])
        bounds = [(-1, -1)] + [anchors[k] for k in sorted(kept)]
        bounds.append((len(self.old), len(self.new)))
        for (i0, j0), (i1, j1) in itertools.pairwise(bounds):
            free_old = [i for i in range(i0 + 1, i1) if i not in self.old_match]
            free_new = [j for j in range(j0 + 1, j1) if j not in self.new_match]
            if len(free_old) != 1 or len(free_new) != 1:
                continue
            i, j = free_old[0], free_new[0]
            if self.old[i].unclassified or self.new[j].unclassified:
                self._link(i, j, dice(self.old[i].words, self.new[j].words))

    # -- 3. splits and merges --------------------------------------------------------
    def groups(self) -> list[Pairing]:
        """Splits and merges, chosen best first; symmetric in old and new."""
        proposals: list[Pairing] = []
        # a group has two parts or more, all among the clause's candidates
        for i, candidates in sorted(self.candidates_of_old.items()):
            if len(candidates) < 2:
                continue
            parts = self._group(
                self.old[i], candidates, self.new, self.new_match, i, self.new_score
            )
            if parts:
                proposals.append(
                    Pairing((i,), parts, self._group_score(self.old[i], parts, self.new))
                )
        for j, candidates in sorted(self.candidates_of_new.items()):
            if len(candidates) < 2:
                continue
            parts = self._group(
                self.new[j], candidates, self.old, self.old_match, j, self.old_score
            )
            if parts:
                proposals.append(
                    Pairing(parts, (j,), self._group_score(self.new[j], parts, self.old))
                )
        proposals.sort(
            key=lambda p: (-p.similarity, len(p.old) + len(p.new), sum(p.old) + sum(p.new))
        )
        found: list[Pairing] = []
        grouped_old: set[int] = set()
        grouped_new: set[int] = set()
        for pairing in proposals:
            if grouped_old.intersection(pairing.old) or grouped_new.intersection(pairing.new):
                continue
            found.append(pairing)
            grouped_old.update(pairing.old)
            grouped_new.update(pairing.new)
        self.old_match = {
            i: j for i, j in self.old_match.items() if i not in grouped_old and j not in grouped_new
        }
        self.new_match = {j: i for i, j in self.old_match.items()}
        return found

    def _group(
        self,
        whole: _Profile,
        candidates: list[int],
        others: list[_Profile],
        other_match: dict[int, int],
        me: int,
        other_score: dict[int, float],
    ) -> tuple[int, ...]:
        """The parts of ``whole`` among ``others``, or () when it is no split/merge.

        A part may be free, paired with ``whole`` already, or paired elsewhere by a weak
        match that explains it less well than ``whole`` does (that pair is then undone).
        """
        parts: list[int] = []
        containment: dict[int, float] = {}
        for k in candidates:
            if others[k].size < MIN_PART_WORDS:
                continue
            pair = (me, k) if others is self.new else (k, me)
            inside = self.shared[pair] / others[k].size
            if inside < PART_CONTAINMENT:
                continue
            partner = other_match.get(k, me)
            weak_elsewhere = other_score.get(k, 1.0) < min(CONFIDENT_THRESHOLD, inside)
            if partner == me or weak_elsewhere:
                parts.append(k)
                containment[k] = inside
        if len(parts) > MAX_GROUP_PARTS:  # bounded work: the most contained candidates
            parts = sorted(parts, key=lambda k: (-containment[k], k))[:MAX_GROUP_PARTS]
        covered: Counter[str] = Counter()  # how often the parts bring each word, together
        for k in parts:
            covered.update(others[k].words)
        limit, frequency = self.informative_limit, self.frequency
        wanted = {w: n for w, n in whole.words.items() if frequency[w] <= limit}
        while len(parts) >= 2:
            added = {k: _added(wanted, others[k].words, covered) for k in parts}
            weakest = min(parts, key=lambda k: (added[k], k))
            if added[weakest] >= MIN_ADDED_WORDS:
                break
            parts.remove(weakest)
            covered.subtract(others[weakest].words)
        if len(parts) < 2 or self._group_score(whole, parts, others) < MATCH_THRESHOLD:
            return ()
        return tuple(sorted(parts))

    @staticmethod
    def _group_score(whole: _Profile, parts: Sequence[int], others: list[_Profile]) -> float:
        combined: Counter[str] = Counter()
        for k in parts:
            combined.update(others[k].words)
        return dice(whole.words, combined)

    # -- 4. moves --------------------------------------------------------------------
    def pairings(self) -> list[Pairing]:
        groups = self.groups()
        ones = [Pairing((i,), (j,), self.scores[(i, j)]) for i, j in sorted(self.old_match.items())]
        linked = sorted(ones + groups, key=lambda p: (min(p.old), min(p.new)))
        kept = _kept_in_order(linked)
        result = [
            Pairing(
                p.old,
                p.new,
                p.similarity,
                moved=index not in kept and len(p.old) == 1 == len(p.new),
            )
            for index, p in enumerate(linked)
        ]
        matched_old = {i for p in result for i in p.old}
        matched_new = {j for p in result for j in p.new}
        result += [Pairing((i,), (), 0.0) for i in range(len(self.old)) if i not in matched_old]
        result += [Pairing((), (j,), 0.0) for j in range(len(self.new)) if j not in matched_new]
        return result


def _added(wanted: dict[str, int], part: Counter[str], covered: Counter[str]) -> int:
    """Informative words of the whole (``wanted``: their counts) that ``part`` brings and
    no other part does (``covered``: the words of all parts, ``part`` among them)."""
    added = 0
    for word in wanted.keys() & part.keys():
        count = part[word]
        uncovered = wanted[word] - covered[word] + count  # left after the other parts
        if uncovered > 0:
            added += min(count, uncovered)
    return added


def _kept_in_order(linked: list[Pairing]) -> set[int]:
    """Pairings (indices into ``linked``, sorted by old position) that did not move.

    A longest run that keeps its order, computed from both sides: where several equally
    long runs exist, the clauses in which they differ are all reported as moved, so that
    swapping the drafts gives the same answer.
    """
    forward = _longest_increasing([min(p.new) for p in linked])
    by_new = sorted(range(len(linked)), key=lambda k: min(linked[k].new))
    backward = {by_new[k] for k in _longest_increasing([min(linked[k].old) for k in by_new])}
    return forward & backward


def _expected_position(i: int, anchors: list[tuple[int, int]], anchor_old: list[int]) -> int:
    """Where old clause ``i`` would stand in the new draft, going by the nearest anchor."""
    k = bisect.bisect_left(anchor_old, i) - 1
    if k < 0:
        return i
    i_anchor, j_anchor = anchors[k]
    return j_anchor + (i - i_anchor)


def _pair_in_order(
    olds: list[int], news: list[int], anchors: list[tuple[int, int]], anchor_old: list[int]
) -> list[tuple[int, int]]:
    """Copies of one wording paired in order (first with first), choosing which copies
    pair when the counts differ so that each stays nearest to its expected position."""
    if len(olds) == len(news) or len(olds) * len(news) > MAX_REPEAT_PAIRS:
        return list(zip(olds, news, strict=False))
    expected = {i: _expected_position(i, anchors, anchor_old) for i in olds}
    short, long_ = (olds, news) if len(olds) < len(news) else (news, olds)
    flip = short is news
    a, b = len(short), len(long_)
    # cost[x][y]: best total distance pairing short[:x] within long_[:y]
    infinity = float("inf")
    cost = [[0.0] * (b + 1)] + [[infinity] * (b + 1) for _ in range(a)]
    for x in range(1, a + 1):
        row, previous = cost[x], cost[x - 1]
        for y in range(x, b + 1):
            o, n = (long_[y - 1], short[x - 1]) if flip else (short[x - 1], long_[y - 1])
            row[y] = min(row[y - 1], previous[y - 1] + abs(expected[o] - n))
    pairs = []
    x, y = a, b
    while x > 0:
        if cost[x][y] == cost[x][y - 1] and y > x:
            y -= 1
            continue
        o, n = (long_[y - 1], short[x - 1]) if flip else (short[x - 1], long_[y - 1])
        pairs.append((o, n))
        x, y = x - 1, y - 1
    return pairs[::-1]


def _longest_increasing(values: list[int]) -> set[int]:
    """Indices of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    previous = [-1] * len(values)
    for index, value in enumerate(values):
        position = bisect.bisect_left(tails, value)
        if position == len(tails):
            tails.append(value)
            tail_index.append(index)
        else:
            tails[position] = value
            tail_index[position] = index
        previous[index] = tail_index[position - 1] if position else -1
    kept: set[int] = set()
    cursor = tail_index[-1] if tail_index else -1
    while cursor != -1:
        kept.add(cursor)
        cursor = previous[cursor]
    return kept


def align(
    old: Sequence[Clause], new: Sequence[Clause], options: CompareOptions | None = None
) -> list[Pairing]:
    """Every clause of both drafts in exactly one pairing."""
    aligner = _Aligner(old, new, options or CompareOptions())
    aligner.pair_identical()
    aligner.pair_similar()
    aligner.pair_replaced()
    return aligner.pairings()
