"""Political groups named in header lines (every printed name or alias of ``data/groups.json``)."""

from __future__ import annotations

import re
from functools import cache

from amendtool.lang import group_named as group_named
from amendtool.lang import groups
from amendtool.model import Group


@cache
def _alias_pattern() -> re.Pattern[str]:
    aliases = sorted({a for entry in groups() for a in entry.aliases}, key=len, reverse=True)
    alternation = "|".join(re.escape(a) for a in aliases)
    # "Verts/ALE-Fraktion", "PPE-ryhmän": a group name may be followed by a hyphenated word
    return re.compile(rf"(?<![\w/&-])(?:{alternation})(?![\w/&])")


def group_matches(text: str) -> list[tuple[int, Group]]:
    """Every group named in ``text`` with where its name starts, without repeats."""
    found: list[tuple[int, Group]] = []
    for match in _alias_pattern().finditer(text):
        group = group_named(match.group(0))
        if group and all(g.id != group.id for _, g in found):
            found.append((match.start(), group))
    return found


def find_groups(text: str) -> list[Group]:
    """Every group named in ``text``, in order of appearance, without repeats."""
    return [group for _, group in group_matches(text)]
