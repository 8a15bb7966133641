"""Word tokens and their comparison keys.

A token is a word, a number or one punctuation mark, with the white space that follows
it; concatenating a text's tokens gives the text back exactly. The *key* of a token is
what comparison sees: typography (dash and quote styles, white space) is folded away,
and the options fold case and punctuation too.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from sys import intern

# Leading white space is taken at the text's start only: a run of blanks then costs linear
# time, not quadratic (tests/unit/test_regex_bounds.py).
_TOKEN = re.compile(r"(?:^\s+)?(?:\w+(?:['’]\w+)*|[^\w\s])\s*")
_TYPOGRAPHY = str.maketrans(
    {
        "’": "'",
        "‘": "'",
        "‚": "'",
        "`": "'",
        "´": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "«": '"',
        "»": '"',
        "–": "-",
        "—": "-",
        "‐": "-",
        "‑": "-",
        "−": "-",
    }
)  # fmt: skip  (one character for one: token boundaries stay where they were)
# Apostrophes the keys fold to "'", so that they join the words around them ("1‘1" is one
# key); ’ joins words unfolded as well (the patterns take ['’]).
FOLDED_APOSTROPHES = tuple(chr(c) for c, to in _TYPOGRAPHY.items() if to == "'" and chr(c) != "’")
PUNCTUATION_KEY = "\x00punct"
_PUNCTUATION = re.compile(r"[^\w']+")


@dataclass(frozen=True)
class CompareOptions:
    """What counts as a difference."""

    ignore_case: bool = False
    ignore_punctuation: bool = False


_CACHE_SIZE = 1 << 16  # texts and tokens; repeated across alignment, spans and statistics


@lru_cache(maxsize=_CACHE_SIZE)
def _tokens(text: str) -> tuple[str, ...]:
    folded = text.translate(_TYPOGRAPHY)
    found = _TOKEN.findall(folded)
    if folded != text:  # the folded text's boundaries (one character for one), its own text
        ends = list(itertools.accumulate(map(len, found)))
        found = [text[start:end] for start, end in itertools.pairwise([0, *ends])]
    return tuple(found) if found else ((text,) if text else ())


def tokens(text: str) -> list[str]:
    """The tokens of ``text``; ``"".join(tokens(t)) == t`` for any t.

    Leading white space belongs to the first token; a text of white space alone is one token.
    Tokens end where they end in the text with its typography folded, so that they line up
    one for one with the keys: ``1‘1`` is one token, as ``1'1`` and ``1’1`` are.
    """
    return list(_tokens(text))


def units(text: str, options: CompareOptions) -> list[str]:
    """The units a comparison sees: tokens, or with ``ignore_punctuation`` words carrying
    their punctuation (so that punctuation never shows as a change of its own)."""
    found = tokens(text)
    if not options.ignore_punctuation:
        return found
    merged: list[str] = []
    pending = ""
    for token in found:
        if token.strip()[:1].isalnum():
            merged.append(pending + token)
            pending = ""
        elif merged:
            merged[-1] += token
        else:
            pending += token
    if pending:
        merged.append(pending)
    return merged


def key(unit: str, options: CompareOptions) -> str:
    """The comparison key of one unit (see :func:`units`)."""
    word = unit.strip().translate(_TYPOGRAPHY)
    if options.ignore_punctuation:
        word = _PUNCTUATION.sub("", word) or PUNCTUATION_KEY
    return word.casefold() if options.ignore_case else word


def keys(text: str, options: CompareOptions) -> tuple[str, ...]:
    """Keys of every unit of ``text``."""
    if options.ignore_case or options.ignore_punctuation:
        return _option_keys(text, options)
    return _plain_keys(text)  # cached by text alone: hashing the options costs more


def warm_keys(texts: Collection[str], options: CompareOptions) -> None:
    """Compute (and cache) the keys of ``texts`` now: before worker processes are forked,
    so that every worker finds the keys of a text they all compare (a joint text), or
    while other processes still read the draft to compare with. Not for more texts than
    half the cache holds: they would not stay cached until asked for."""
    if len(texts) > _CACHE_SIZE // 2:
        return
    for text in texts:
        keys(text, options)


# A token without the white space around it: what _TOKEN finds, stripped (tested).
_KEY = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")


@lru_cache(maxsize=_CACHE_SIZE)
def _plain_keys(text: str) -> tuple[str, ...]:
    """Typography folded once; the tokens line up one for one. Interned: a draft repeats
    its words, and one string per word keeps memory linear in the vocabulary (50 MB drafts).

    Split at white space first (``str.split`` and ``\\s`` agree on what is white space):
    most pieces are one word, whose key is the piece itself; the pattern runs only on
    pieces with punctuation in them (a third of the time of running it on the whole text).
    """
    found: list[str] = []
    for piece in text.translate(_TYPOGRAPHY).split():
        if piece.isalnum():
            found.append(intern(piece))
        else:
            found.extend(map(intern, _KEY.findall(piece)))
    return tuple(found) if found else tuple(map(str.strip, _tokens(text)))


@lru_cache(maxsize=_CACHE_SIZE)
def _option_keys(text: str, options: CompareOptions) -> tuple[str, ...]:
    return tuple(intern(key(u, options)) for u in units(text, options))


_WORD = re.compile(r"\w+(?:['’]\w+)*")


def word_counts(text: str) -> Counter[str]:
    """The words of ``text`` (keys that start with a letter or digit), case folded, counted.

    From the plain keys (cached: alignment asks for the words of texts it has keyed),
    filtered before case folding (a mark such as U+0345 folds to a letter), case folded
    in one call.
    """
    words = [key for key in _plain_keys(text) if key[:1].isalnum()]
    return Counter(" ".join(words).casefold().split())


@lru_cache(maxsize=_CACHE_SIZE)
def count_words(text: str) -> int:
    """Words and numbers in ``text`` (punctuation is not counted), as the keys have them:
    ``1‘1`` is one word, as ``1'1`` is."""
    return len(_WORD.findall(text.translate(_TYPOGRAPHY)))
