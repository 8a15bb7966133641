"""Political groups: every printed name or alias mapped to one normalised group."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources

from amendtool.model import Group


@cache
def _alias_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    raw = resources.files("amendtool").joinpath("data/groups.json").read_text("utf-8")
    by_alias: dict[str, tuple[str, str]] = {}
    printed_aliases: list[str] = []
    for entry in json.loads(raw):
        for alias in entry["aliases"]:
            by_alias[alias.casefold()] = (entry["id"], entry["name"])
            printed_aliases.append(alias)
    aliases = sorted(printed_aliases, key=len, reverse=True)
    alternation = "|".join(re.escape(a) for a in aliases)
    # "Verts/ALE-Fraktion", "PPE-ryhmän": a group name may be followed by a hyphenated word
    pattern = re.compile(rf"(?<![\w/&-])(?:{alternation})(?![\w/&])")
    return pattern, by_alias


def find_groups(text: str) -> list[Group]:
    """Every group named in ``text``, in order of appearance, without repeats."""
    pattern, by_alias = _alias_pattern()
    found: list[Group] = []
    for match in pattern.finditer(text):
        group_id, name = by_alias[match.group(0).casefold()]
        if all(g.id != group_id for g in found):
            found.append(Group(id=group_id, name=name, printed=match.group(0)))
    return found


def group_named(printed: str) -> Group | None:
    """The group whose alias is exactly ``printed`` (case-insensitive)."""
    _, by_alias = _alias_pattern()
    hit = by_alias.get(printed.strip().casefold())
    return Group(id=hit[0], name=hit[1], printed=printed.strip()) if hit else None
