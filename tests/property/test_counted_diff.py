"""counted_diff gives word_diff's spans and the count_words of each kind of span.

The report used to call count_words on every span and every clause (issue 11); the
shortcut reads the counts off the comparison keys where they line up with the tokens.
These properties hold it to the old computation on texts full of what makes the two
differ: typographic quotes and apostrophes ("1‘1": one key, one token), underscores,
digits, non-Latin letters and combining marks.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from amendtool.diffing.tokens import CompareOptions, count_words, keys
from amendtool.diffing.words import WordCounter, counted_diff, is_exact, word_diff

ALPHABET = "\x1c\x85\u2003𝔘ab Z1_'’‘‚`´\"“”«»-–—.,;:( )\t\n\u00a0İßÉé\u0301ΣλЖж٣"
# Pieces of realistic clauses: words that recur on both sides, so the diffs keep some.
PIECES = [
    "the ",
    "Council",
    "Commission’s ",
    "Parliament's ",
    "1‘1 ",
    "don‘t ",
    "`quoted´ ",
    "«human rights» ",
    "snake_case ",
    "_lead ",
    "2024 ",
    "Σύνταγμα ",
    "Жж ",
    "; ",
    ", ",
    "(a) ",
    "– ",
    "é\u0301 ",
]
OPTIONS = st.sampled_from(
    [
        CompareOptions(),
        CompareOptions(ignore_case=True),
        CompareOptions(ignore_punctuation=True),
        CompareOptions(ignore_case=True, ignore_punctuation=True),
    ]
)

texts = st.text(alphabet=ALPHABET, max_size=40)
clauses = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)
either = st.one_of(texts, clauses)


def old_counts(old: str, new: str, options: CompareOptions) -> tuple[int, int, int]:
    """What the report computed before: count_words of every span."""
    spans = word_diff(old, new, options)
    return (
        sum(count_words(s.new) for s in spans if s.op == "insert"),
        sum(count_words(s.old) for s in spans if s.op == "delete"),
        sum(count_words(s.old) for s in spans if s.op == "equal"),
    )


def check(old: str, new: str, options: CompareOptions) -> None:
    counter = WordCounter(options)
    diff = counted_diff(old, new, counter)
    assert diff.spans == word_diff(old, new, options)
    assert diff.same_words == (keys(old, options) == keys(new, options))
    assert diff.exact == (not (old and new) or is_exact(old, new, options))
    assert (diff.words_inserted, diff.words_deleted, diff.words_kept) == old_counts(
        old, new, options
    )
    assert diff.insertions == sum(1 for s in diff.spans if s.op == "insert")
    assert diff.deletions == sum(1 for s in diff.spans if s.op == "delete")
    # the counts it keeps of whole texts are count_words too
    assert counter.words(old) == count_words(old)
    assert counter.words(new) == count_words(new)
    assert all(counter.counted[text] == count_words(text) for text in counter.counted)


@given(either, either, OPTIONS)
def test_same_spans_and_counts_as_before(old: str, new: str, options: CompareOptions) -> None:
    check(old, new, options)


@given(clauses, st.lists(st.tuples(st.integers(0, 30), st.sampled_from(PIECES))), OPTIONS)
def test_same_on_edited_clauses(
    old: str, edits: list[tuple[int, str]], options: CompareOptions
) -> None:
    """A clause against itself with pieces inserted: long equal spans between changes."""
    new = old
    for at, piece in edits:
        new = new[:at] + piece + new[at:]
    check(old, new, options)


@given(either)
def test_words_of_a_text(text: str) -> None:
    assert WordCounter(CompareOptions()).words(text) == count_words(text)
    assert WordCounter(CompareOptions(ignore_punctuation=True)).words(text) == count_words(text)


def test_the_keys_are_read_where_they_line_up() -> None:
    """The shortcut is taken on ordinary text and left on a folded apostrophe."""
    counter = WordCounter(CompareOptions())
    assert counter.keyed("the Commission’s and Parliament's views")
    assert not counter.keyed("1‘1 is one key and two words")
    assert not WordCounter(CompareOptions(ignore_case=True)).keyed("plain")
    old, new = "the 1‘1 old words", "the 1‘1 new words"
    diff = counted_diff(old, new, counter)
    counts = (diff.words_inserted, diff.words_deleted, diff.words_kept)
    assert counts == old_counts(old, new, CompareOptions())
