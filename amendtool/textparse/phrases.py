"""Language phrase tables (``data/languages.json``) turned into compiled patterns.

Adding an EU language is a data change: one more entry in the JSON file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

from amendtool.model import DocKind


@dataclass(frozen=True)
class LanguagePhrases:
    """Compiled patterns for one language."""

    code: str
    formula: re.Pattern[str]
    citation: re.Pattern[str]
    citation_inline: re.Pattern[str]
    recital: re.Pattern[str]
    closing: re.Pattern[str]
    kinds: tuple[tuple[DocKind, re.Pattern[str]], ...]
    on_behalf: re.Pattern[str]
    replacing: re.Pattern[str]
    months: tuple[str, ...]
    formula_text: str
    title_on: re.Pattern[str]
    kind_words: dict[DocKind, str]
    on_word: str
    on_behalf_word: str
    replacing_line: str
    closing_words: str
    citation_word: str
    recital_word: str
    rule_line: str
    rule: re.Pattern[str]


def _alternation(phrases: list[str]) -> str:
    longest_first = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in longest_first)


def _rule_pattern(template: str) -> re.Pattern[str]:
    """``pursuant to {rule} of the Rules of Procedure`` -> a pattern capturing the rule."""
    before, _, after = template.partition("{rule}")
    words = [_alternation([part.strip()]) if part.strip() else "" for part in (before, after)]
    return re.compile(rf"^{words[0]}\s*(.+?)\s*{words[1]}\s*$", re.IGNORECASE)


def _compile(code: str, table: dict) -> LanguagePhrases:
    flags = re.IGNORECASE
    kinds = tuple(
        (DocKind(kind), re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)", flags))
        for kind, words in table["kinds"].items()
    )
    return LanguagePhrases(
        code=code,
        formula=re.compile(rf"^(?:{_alternation(table['formula'])})\s*$", flags),
        citation=re.compile(rf"^(?:{_alternation(table['citation'])})(?!\w)", flags),
        citation_inline=re.compile(
            rf"(?<=[,;])\s+[-–—]\s*(?=(?:{_alternation(table['citation'])})(?!\w))", flags
        ),
        recital=re.compile(rf"^(?:{_alternation(table['recital'])})(?!\w)", flags),
        closing=re.compile(rf"^(?:{_alternation(table['closing'])})(?!\w)", flags),
        kinds=kinds,
        on_behalf=re.compile(rf"(?<!\w)(?:{_alternation(table['on_behalf'])})(?!\w)", flags),
        replacing=re.compile(rf"^(?:{_alternation(table['replacing'])})\s*:?\s*$", flags),
        months=tuple(table["months"]),
        formula_text=table["formula"][0],
        title_on=re.compile(rf"(?:^|\s)(?:{_alternation(table['title_on'])})\s+(.+)$", flags),
        kind_words={DocKind(kind): words[0] for kind, words in table["kinds"].items()},
        on_word=table["title_on"][0],
        on_behalf_word=table["on_behalf"][0],
        replacing_line=table["replacing"][-1] + ":",
        closing_words=table["closing"][0],
        citation_word=table["citation"][0],
        recital_word=table["recital"][0],
        rule_line=table["rule_line"],
        rule=_rule_pattern(table["rule_line"]),
    )


@cache
def all_languages() -> tuple[LanguagePhrases, ...]:
    """Every language in the data file, English first."""
    raw = resources.files("amendtool").joinpath("data/languages.json").read_text("utf-8")
    tables: dict[str, dict] = json.loads(raw)
    return tuple(_compile(code, table) for code, table in tables.items())


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
