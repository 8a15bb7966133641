"""Language phrase tables (``data/languages.json``) turned into compiled patterns.

Adding an EU language is a data change: one more entry in the JSON file.
"""

from __future__ import annotations

import json
import re
from functools import cache, cached_property
from importlib import resources
from typing import Any

from amendtool.model import DocKind

_FLAGS = re.IGNORECASE


def _alternation(phrases: list[str]) -> str:
    longest_first = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in longest_first)


def _rule_pattern(template: str) -> re.Pattern[str]:
    """``pursuant to {rule} of the Rules of Procedure`` -> a pattern capturing the rule."""
    before, _, after = template.partition("{rule}")
    words = [_alternation([part.strip()]) if part.strip() else "" for part in (before, after)]
    return re.compile(rf"^{words[0]}\s*(.+?)\s*{words[1]}\s*$", _FLAGS)


class LanguagePhrases:
    """The phrases of one language, as text and as patterns.

    Patterns are compiled on first use: a reader needs the formula patterns of every
    language (to detect the language) but the other patterns of one language only.
    """

    def __init__(self, code: str, table: dict[str, Any]) -> None:
        self.code = code
        self.table = table
        self.months: tuple[str, ...] = tuple(table["months"])
        self.formula_text: str = table["formula"][0]
        self.kind_words = {DocKind(kind): words[0] for kind, words in table["kinds"].items()}
        self.on_word: str = table["title_on"][0]
        self.on_behalf_word: str = table["on_behalf"][0]
        self.replacing_line: str = table["replacing"][-1] + ":"
        self.closing_words: str = table["closing"][0]
        self.citation_word: str = table["citation"][0]
        self.recital_word: str = table["recital"][0]
        self.rule_line: str = table["rule_line"]

    def _any(self, key: str) -> str:
        return _alternation(self.table[key])

    @cached_property
    def formula(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('formula')})\s*$", _FLAGS)

    @cached_property
    def citation(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('citation')})(?!\w)", _FLAGS)

    @cached_property
    def citation_inline(self) -> re.Pattern[str]:
        """A dash starting a second citation on the same line."""
        return re.compile(rf"(?<=[,;])\s+[-–—]\s*(?=(?:{self._any('citation')})(?!\w))", _FLAGS)

    @cached_property
    def recital(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('recital')})(?!\w)", _FLAGS)

    @cached_property
    def closing(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('closing')})(?!\w)", _FLAGS)

    @cached_property
    def kinds(self) -> tuple[tuple[DocKind, re.Pattern[str]], ...]:
        """Document kinds, joint motion first (its words contain the motion's)."""
        return tuple(
            (DocKind(kind), re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", _FLAGS))
            for kind, words in self.table["kinds"].items()
        )

    @cached_property
    def on_behalf(self) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)(?:{self._any('on_behalf')})(?!\w)", _FLAGS)

    @cached_property
    def replacing(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('replacing')})\s*:?\s*$", _FLAGS)

    @cached_property
    def title_on(self) -> re.Pattern[str]:
        return re.compile(rf"(?:^|\s)(?:{self._any('title_on')})\s+(.+)$", _FLAGS)

    @cached_property
    def rule(self) -> re.Pattern[str]:
        return _rule_pattern(self.rule_line)


@cache
def all_languages() -> tuple[LanguagePhrases, ...]:
    """Every language in the data file, English first."""
    raw = resources.files("amendtool").joinpath("data/languages.json").read_text("utf-8")
    tables: dict[str, dict[str, Any]] = json.loads(raw)
    return tuple(LanguagePhrases(code, table) for code, table in tables.items())


def language(code: str) -> LanguagePhrases:
    """The phrase table for one ISO 639-1 code (English when unknown)."""
    for phrases in all_languages():
        if phrases.code == code:
            return phrases
    return all_languages()[0]


def month_number(name: str) -> int | None:
    """1..12 for a month name in any known language, else None."""
    lowered = name.lower()
    for phrases in all_languages():
        if lowered in phrases.months:
            return phrases.months.index(lowered) + 1
    return None
