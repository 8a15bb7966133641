"""The language data of :mod:`amendtool.lang` turned into compiled patterns, per language.

Adding an EU language or a phrase is a data change: one more entry in
``data/languages.json``; nothing here names a word of any language.
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from amendtool.lang import Language, languages
from amendtool.lang import alternation as alternation
from amendtool.lang import month_number as month_number
from amendtool.model import DocKind

_FLAGS = re.IGNORECASE


def _rule_pattern(template: str) -> re.Pattern[str]:
    """``pursuant to {rule} of the Rules of Procedure`` -> a pattern capturing the rule."""
    before, _, after = template.partition("{rule}")
    words = [alternation([part.strip()]) if part.strip() else "" for part in (before, after)]
    return re.compile(rf"^{words[0]}\s*(.+?)\s*{words[1]}\s*$", _FLAGS)


def _on_behalf_pattern(template: str) -> re.Pattern[str]:
    """``on behalf of the {group}`` -> a pattern with the group (and what precedes) captured.

    A group written before the words (``{group}-ryhmän puolesta``) is one to three words.
    """
    before, _, after = template.partition("{group}")
    head = alternation([before.strip()]) if before.strip() else ""
    tail = alternation([after.strip()]) if after.strip() else ""
    if head:  # "on behalf of the PPE Group": the group runs to the tail or the line end
        gap = r"\s+" if before.endswith(" ") else ""
        group = r"(?P<group>.+?)" if tail else r"(?P<group>.+)"
        joint = (r"\s*" if after.startswith(" ") else "") + tail + r"(?!\w)" if tail else "$"
        return re.compile(rf"(?:^|(?<=[\s,.;–-])){head}{gap}{group}{joint}", _FLAGS)
    gap = r"\s+" if after.startswith(" ") else ""
    return re.compile(rf"(?P<group>\S+(?:\s+\S+){{0,2}}?){gap}{tail}(?!\w)", _FLAGS)


class LanguagePhrases:
    """The phrases of one language, as text and as patterns.

    Patterns are compiled on first use: a reader needs the formula patterns of every
    language (to detect the language) but the other patterns of one language only.
    """

    def __init__(self, data: Language) -> None:
        self.data = data
        self.code = data.code
        self.months: tuple[str, ...] = data.months
        self.formula_text: str = data.words("formula")[0]
        self.kind_words = {kind: data.kind_words(kind)[0] for kind in DocKind}
        self.on_word: str = data.words("title_on")[0]
        self.replacing_line: str = data.words("replacing")[-1] + ":"
        self.closing_words: str = data.words("closing")[0]
        self.citation_word: str = data.words("citation")[0]
        self.recital_word: str = data.words("recital")[0]
        self.rule_line: str = data.table["rule_line"]

    def on_behalf_line(self, authors: str, groups: str) -> str:
        """``A. Member on behalf of the PPE Group``, as the language prints it."""
        words = self.data.words("on_behalf")[0].format(group=groups) if groups else ""
        return f"{authors} {words}".strip()

    def _any(self, key: str) -> str:
        return alternation(self.data.words(key))

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
        """Document kinds, joint motion first (its words contain the motion's).

        A name followed by a letter matches too, for headings glued to their title
        (``MOTION FOR A RESOLUTIONon Examplestan``): :meth:`kind_in` keeps those only
        when an upper-case name meets a lower-case letter.
        """
        return tuple(
            (
                kind,
                re.compile(
                    rf"(?<!\w)(?:{alternation(self.data.kind_words(kind))})(?:(?!\w)|(?=[^\W\d_]))",
                    _FLAGS,
                ),
            )
            for kind in (DocKind.JOINT_MOTION, DocKind.MOTION, DocKind.RESOLUTION)
        )

    def kind_in(self, text: str) -> tuple[DocKind, re.Match[str]] | None:
        """The first document name in ``text`` and its match, joint motion first."""
        for kind, pattern in self.kinds:
            for match in pattern.finditer(text):
                end = match.end()
                if end == len(text) or not text[end].isalpha():
                    return kind, match
                if match.group(0).isupper() and text[end].islower():  # glued heading
                    return kind, match
        return None

    @cached_property
    def on_behalf(self) -> tuple[re.Pattern[str], ...]:
        """``on behalf of the {group}`` forms, most specific first."""
        templates = sorted(self.data.words("on_behalf"), key=len, reverse=True)
        return tuple(_on_behalf_pattern(t) for t in templates)

    @cached_property
    def replacing(self) -> re.Pattern[str]:
        return re.compile(rf"^(?:{self._any('replacing')})\s*:?\s*$", _FLAGS)

    @cached_property
    def title_on(self) -> re.Pattern[str]:
        return re.compile(rf"(?:^|\s)(?:{self._any('title_on')})\s+(.+)$", _FLAGS)

    @cached_property
    def title_on_start(self) -> re.Pattern[str]:
        """The word before a title at the start of a text ("on Examplestan")."""
        return re.compile(rf"^(?:{self._any('title_on')})\s+", _FLAGS)

    @cached_property
    def rule(self) -> re.Pattern[str]:
        return _rule_pattern(self.rule_line)

    @cached_property
    def rule_inline(self) -> re.Pattern[str]:
        """``pursuant to Rule 110(2)``, ``gemäß Artikel 110 Absatz 2``: the rule captured."""
        number = r"\d+(?:\(\d+\)|\.\d+)?"
        return re.compile(
            rf"(?<!\w)(?:{self._any('rule_intro')})\s*"
            rf"((?:{self._any('rule_words')})\s+{number}"
            rf"(?:,?\s*(?:(?:{self._any('rule_joiners')})(?!\w)|,)\s*{number})*)",
            _FLAGS,
        )

    @cached_property
    def _rule_numbers(self) -> re.Pattern[str]:
        number = r"\d+(?:\(\d+\)|\.\d+)?"
        return re.compile(
            rf"(?<!\w)((?:{self._any('rule_words')})\s+{number}"
            rf"(?:,?\s*(?:(?:{self._any('rule_joiners')})(?!\w)|,)\s*{number})*)",
            _FLAGS,
        )

    def rule_cited(self, text: str) -> str:
        """The Rule a citation cites ("having regard to Rule 144 of its Rules of Procedure")."""
        folded = " ".join(text.split()).casefold()
        if not any(name.casefold() in folded for name in self.data.words("rules_of_procedure")):
            return ""
        match = self._rule_numbers.search(text)
        return match.group(1) if match else ""

    @cached_property
    def author_separator(self) -> re.Pattern[str]:
        # (?<!\s): the blanks before "and" are tried from their first one only (linear)
        return re.compile(rf",\s*|(?<!\s)\s+(?:{self._any('and')})\s+", _FLAGS)


@cache
def all_languages() -> tuple[LanguagePhrases, ...]:
    """Every language in the data file, English first."""
    return tuple(LanguagePhrases(data) for data in languages())


def _fixed_parts(phrase: str) -> tuple[str, ...]:
    """The literal words of a phrase or template (``on behalf of the {group}``), folded."""
    parts = re.split(r"\{\w+\}", phrase)
    return tuple(" ".join(p.split()).casefold() for p in parts if p.strip())


@cache
def _fixed_by_language(key: str) -> tuple[tuple[LanguagePhrases, tuple[tuple[str, ...], ...]], ...]:
    found = []
    for phrases in all_languages():
        value = phrases.data.table[key]
        if isinstance(value, dict):  # "kinds": lists of names by kind
            templates = [name for names in value.values() for name in names]
        else:
            templates = [value] if isinstance(value, str) else list(value)
        found.append((phrases, tuple(_fixed_parts(t) for t in templates)))
    return tuple(found)


_WORD = re.compile(r"[^\W\d_]+")


@cache
def _by_anchor(key: str) -> dict[str, list[tuple[int, tuple[str, ...]]]]:
    """The phrases under ``key`` by their longest word: (language index, folded parts)."""
    table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    for index, (_, templates) in enumerate(_fixed_by_language(key)):
        for parts in templates:
            words = _WORD.findall(" ".join(parts))
            if words:
                table.setdefault(max(words, key=len), []).append((index, parts))
    return table


def languages_mentioning(text: str, key: str) -> list[LanguagePhrases]:
    """The languages one of whose phrases under ``key`` has all its words in ``text``.

    A cheap test on plain strings (the longest word of each phrase first), so that the patterns
    of the other languages are never compiled (a page is in one or two languages, the
    data holds 24). Languages come in the data's order.
    """
    folded = " ".join(text.split()).casefold()
    anchors = _by_anchor(key)
    hits = {
        index
        for word, entries in anchors.items()
        if word in folded
        for index, parts in entries
        if all(p in folded for p in parts)
    }
    languages = all_languages()
    return [languages[index] for index in sorted(hits)]


def language(code: str) -> LanguagePhrases:
    """The phrase table for one ISO 639-1 code (English when unknown)."""
    for phrases in all_languages():
        if phrases.code == code:
            return phrases
    return all_languages()[0]
