"""Author lines: ``A. Member, B. Member on behalf of the X Group`` in every language.

The "on behalf of" forms are templates in the language data (``on behalf of the
{group}``, ``{group}-ryhmän puolesta``, ``a {group} képviselőcsoport nevében``), so the
group may stand after, before or inside the words.
"""

from __future__ import annotations

from dataclasses import dataclass

from amendtool.model import Group
from amendtool.textparse.groups import find_groups, group_matches
from amendtool.textparse.phrases import LanguagePhrases

_BULLETS = "-–—•‐ "
# "for {group}", "för {group}": words this short name a group only when one is recognised
SHORT_FORM = 6  # characters
# the forms of other languages than the document's count only when this long
FOREIGN_FORM = 8  # characters
# a longer line is no author line (and the patterns never see more than this)
MAX_AUTHOR_LINE = 1000  # characters


@dataclass(frozen=True)
class AuthorLine:
    names: str  # the names printed before the "on behalf of" words, maybe ""
    groups: list[Group]


def read_author_line(
    text: str, phrases: LanguagePhrases, foreign: bool = False
) -> AuthorLine | None:
    """The names and groups of an "on behalf of" line, or None if ``text`` is none.

    ``foreign``: ``phrases`` are not the document's language (then short forms such as
    ``for {group}`` are not trusted).
    """
    if len(text) > MAX_AUTHOR_LINE:
        return None
    for pattern in phrases.on_behalf:
        match = pattern.search(text)
        if not match:
            continue
        fixed = len(match.group(0)) - len(match.group("group"))
        if foreign and fixed < FOREIGN_FORM:
            continue
        if match.start("group") == match.start():  # the group stands before the words
            region = text[: match.end("group")]
            found = group_matches(region)
            if found:
                return AuthorLine(region[: found[0][0]], [g for _, g in found])
            names, _, unknown_group = region.rpartition(" ")
            return AuthorLine(names, []) if unknown_group else None
        groups = find_groups(match.group("group"))
        if groups or fixed >= SHORT_FORM:
            return AuthorLine(text[: match.start()], groups)
    return None


def split_names(names: str, phrases: LanguagePhrases) -> list[str]:
    """``A. Member, B. Member and C. Member`` -> the three names (bullets and dots trimmed)."""
    parts = phrases.author_separator.split(names.strip(_BULLETS))
    return [p.strip(_BULLETS + ".") for p in parts if p.strip(_BULLETS + ".")]
