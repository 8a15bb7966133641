"""Every language fact amendtool knows, read from ``amendtool/data/*.json``: one loader.

- ``data/languages.json``: per official EU language (ISO 639-1 code), the phrases of the
  document (formula, citation and recital heads, document names, "on behalf of" forms,
  rule lines), the words of dates (months, weekdays, sitting places) and the words of the
  pages around it (navigation, site chrome, notices, procedure lifecycle labels, tabling
  lines, the EU motto in page footers). :data:`REQUIRED_KEYS` lists the keys every
  language has (a test checks all 24).
- ``data/groups.json``: political groups of every term, each with its printed aliases.

This module holds plain values (and :func:`alternation`, which turns phrases into a regex
alternation); the text reader compiles its patterns from them (``textparse/phrases.py``),
dates are read by ``amendtool/dates.py`` and the AKN code reads codes and names from here.
Adding a language or a phrase is a data change.
"""

from __future__ import annotations

import json
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from amendtool.model import DocKind, Group

REQUIRED_KEYS = (
    "formula",  # "The European Parliament," opening the body
    "citation",  # "having regard to"
    "recital",  # "whereas"
    "closing",  # "Instructs its President to forward"
    "kinds",  # document names by kind, as printed in headings and page titles
    "kind_names",  # the short name of each kind, for reports
    "on_behalf",  # "on behalf of the {group}" templates
    "replacing",  # "replacing the following motions"
    "months",  # the month names in dates, January first
    "month_forms",  # other spellings of each month (nominative, genitive)
    "weekdays",  # names of the days of the week, every form, lower case
    "date_words",  # filler words inside dates ("de", "ta'", "gada"); may be empty
    "places",  # where Parliament sits, as named in sitting-day lines
    "title_on",  # the word before a title ("on", "sur")
    "rule_line",  # "pursuant to {rule} of the Rules of Procedure"
    "rule_intro",  # "pursuant to" (inline rule references)
    "rule_words",  # "Rule", "Rules"
    "rule_joiners",  # "and", "paragraph" between rule numbers
    "rules_of_procedure",  # the name of Parliament's Rules of Procedure, as cited
    "reference_words",  # words after which "(2)" is part of a legal reference
    "and",  # the conjunction in author lists
    "motto",  # "United in diversity" (PDF page footers)
    "navigation",  # adopted-text page navigation: Index, Previous, Next, Full text
    "chrome",  # whole-line site chrome: "Legal notice", "Provisional edition"
    "notices",  # lines starting so are site notices: "This document is not available ..."
    "lifecycle",  # procedure lifecycle labels: "Procedure", "Texts tabled", "Debates"
    "lifecycle_document",  # lifecycle labels whose value is the document's own number
    "tabling",  # tabling lines: "with request for inclusion in the agenda"
    "official_journal",  # "OJ" as abbreviated in Official Journal headers
    "alpha3",  # ISO 639-2 code used in AKN URIs
)


MAY_BE_EMPTY = ("date_words",)


def alternation(phrases: tuple[str, ...] | list[str]) -> str:
    """A regex alternation of literal phrases, longest first; any run of spaces matches a space."""
    longest_first = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in longest_first)


def _read_json(name: str) -> Any:
    # pkgutil rather than importlib.resources, which imports pathlib, urllib, ipaddress and
    # zipfile: 5 ms of every command that reads a text (issue 11)
    data = pkgutil.get_data("amendtool", f"data/{name}")
    if data is None:  # only for a loader that cannot read files, which amendtool never has
        raise FileNotFoundError(f"amendtool/data/{name}")
    return json.loads(data.decode("utf-8"))


@dataclass(frozen=True)
class Language:
    """The data of one language, as read from ``data/languages.json``."""

    code: str  # ISO 639-1
    table: Mapping[str, Any]

    def words(self, key: str) -> tuple[str, ...]:
        """The phrases under ``key`` (a list in the data)."""
        return tuple(self.table[key])

    @property
    def alpha3(self) -> str:
        return str(self.table["alpha3"])

    @property
    def months(self) -> tuple[str, ...]:
        return tuple(self.table["months"])

    def kind_words(self, kind: DocKind) -> tuple[str, ...]:
        """How the document name of ``kind`` is printed, most usual first."""
        return tuple(self.table["kinds"][kind.value])

    def kind_name(self, kind: DocKind) -> str:
        """The short name of ``kind`` (``motion for a resolution``), lower case."""
        return str(self.table["kind_names"][kind.value])


@cache
def languages() -> tuple[Language, ...]:
    """Every language in the data file, English first."""
    tables: dict[str, dict[str, Any]] = _read_json("languages.json")
    return tuple(Language(code, table) for code, table in tables.items())


def language(code: str) -> Language:
    """The language with ISO 639-1 ``code`` (English when unknown)."""
    for candidate in languages():
        if candidate.code == code:
            return candidate
    return languages()[0]


@cache
def every(key: str) -> tuple[str, ...]:
    """The phrases under ``key`` in every language, without repeats, longest first."""
    seen = {phrase: None for lang in languages() for phrase in lang.words(key)}
    return tuple(sorted(seen, key=len, reverse=True))


@cache
def _month_table(code: str = "") -> dict[str, int]:
    """Month names -> numbers; with ``code``, that language's names win over others'."""
    table: dict[str, int] = {}
    preferred = [lang for lang in languages() if lang.code == code]
    for lang in preferred + [lang for lang in languages() if lang.code != code]:
        for index, name in enumerate(lang.months):
            table.setdefault(name.casefold(), index + 1)
        for index, forms in enumerate(lang.table["month_forms"]):
            for form in forms:
                table.setdefault(form.casefold(), index + 1)
    return table


def month_number(name: str, code: str = "") -> int | None:
    """1..12 for a month name in any known language and form, else None.

    A few names mean different months in different languages (``listopada`` is November
    in Polish, October in Croatian): the language ``code``, when given, decides.
    """
    return _month_table(code).get(name.casefold())


def month_names() -> tuple[str, ...]:
    """Every month name of every language, in every form, longest first."""
    return tuple(sorted(_month_table(), key=len, reverse=True))


def kind_name(kind: DocKind, code: str = "en") -> str:
    """``motion for a resolution``: the short name of a document kind in a language."""
    return language(code).kind_name(kind)


def kind_title(kind: DocKind, code: str = "en") -> str:
    """``Motion for a resolution``: the short name of a kind, capitalised, for headings."""
    name = kind_name(kind, code)
    return name[:1].upper() + name[1:]


def alpha3(code: str) -> str:
    """AKN language code for a model language code (``en`` -> ``eng``; English if unknown)."""
    return language(code).alpha3


# bibliographic (ISO 639-2/B) codes that other tools write
_BIBLIOGRAPHIC = {
    "fre": "fr", "ger": "de", "cze": "cs", "gre": "el", "dut": "nl", "rum": "ro", "slo": "sk",
}  # fmt: skip


def alpha2(code: str) -> str:
    """Model language code for an AKN language code (``eng`` -> ``en``; English if unknown)."""
    lowered = code.lower()
    for lang in languages():
        if lowered in (lang.alpha3, lang.code):
            return lang.code
    return _BIBLIOGRAPHIC.get(lowered, "en")


@dataclass(frozen=True)
class GroupEntry:
    """One political group of ``data/groups.json``."""

    id: str  # canonical id used in eIds and AKN references: "epp"
    name: str  # the name shown in reports: "PPE"
    aliases: tuple[str, ...]  # every way it is printed, in every term and language


@cache
def groups() -> tuple[GroupEntry, ...]:
    """Every political group of every term."""
    return tuple(
        GroupEntry(entry["id"], entry["name"], tuple(entry["aliases"]))
        for entry in _read_json("groups.json")
    )


@cache
def _groups_by_alias() -> dict[str, GroupEntry]:
    return {alias.casefold(): entry for entry in groups() for alias in entry.aliases}


def group_named(printed: str) -> Group | None:
    """The group whose alias is exactly ``printed`` (case-insensitive), else None."""
    entry = _groups_by_alias().get(printed.strip().casefold())
    return Group(id=entry.id, name=entry.name, printed=printed.strip()) if entry else None
