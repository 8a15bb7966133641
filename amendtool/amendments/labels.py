"""EP target labels, written and read: "Recital C", "Paragraphs 5 and 6", "Recital B a (new)".

A :class:`Position` says where a clause stands in the amended text, in the numbering of
the text being amended (the base): in place of a base clause ("Recital C"), the n-th new
clause after one ("Recital C a (new)", "Recital C b (new)"), or the n-th before the
first clause of a section ("Recital -A (new)", "Paragraph -1 (new)"). Letters run a..z,
then aa, bb, ... as the amendment lists amendtool writes have always done.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from amendtool.amendments.words import amendment_words
from amendtool.model import ClauseKind

IN_PLACE = -1  # Position.ordinal of a clause standing where the base clause stood
_PART = re.compile(
    r"^(?:(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+)*?)\s+)?(?P<number>-?[0-9A-Za-z]+)"
    r"(?:\s+(?P<letters>[a-z]+))?(?:\s*(?P<new>\(new\)))?$"
)
_SPLIT_NUMBER = re.compile(r"^(?P<base>\d+|[A-Z]+)(?P<letters>[a-z]+)$")
_POINT = re.compile(r"\s[–—-]\s+[^\W\d_]")


@dataclass(frozen=True)
class ClauseName:
    """A base clause as a target names it: section and EP number ("C", "4a", "3")."""

    section: ClauseKind
    number: str

    @property
    def label(self) -> str:
        return f"{amendment_words().section_names[self.section][0]} {self.number}"


@dataclass(frozen=True)
class Position:
    """Where a clause stands in the amended text, in the base's numbering."""

    section: ClauseKind
    anchor: str | None  # EP number of a base clause; None: the start of the section
    ordinal: int  # IN_PLACE, or 0, 1, ... for the new clauses after the anchor

    @property
    def in_place(self) -> bool:
        return self.ordinal == IN_PLACE

    @property
    def label(self) -> str:
        """``Recital C``, ``Recital C a (new)``, ``Recital -A (new)``, ``Paragraph -1 (new)``."""
        words = amendment_words()
        name = words.section_names[self.section][0]
        if self.in_place:
            return f"{name} {self.anchor}"
        if self.anchor is not None:
            return f"{name} {self.anchor} {letters(self.ordinal)} {words.new_marker}"
        if self.section is ClauseKind.RECITAL:
            return f"{name} -{letters(self.ordinal).upper()} {words.new_marker}"
        return f"{name} -{self.ordinal + 1} {words.new_marker}"


def letters(ordinal: int) -> str:
    """0 -> ``a``, 25 -> ``z``, 26 -> ``aa``, 27 -> ``bb``."""
    return string.ascii_lowercase[ordinal % 26] * (ordinal // 26 + 1)


def ordinal_of(text: str) -> int:
    """The inverse of :func:`letters` (case-insensitive); ValueError for other strings."""
    lower = text.lower()
    if not lower or set(lower) != {lower[0]} or lower[0] not in string.ascii_lowercase:
        raise ValueError(f"not an EP letter: {text!r}")
    return (len(lower) - 1) * 26 + string.ascii_lowercase.index(lower[0])


def _section(name: str) -> ClauseKind:
    name = " ".join(name.split())
    for kind, names in amendment_words().section_names.items():
        if name.casefold() in (names[0].casefold(), names[1].casefold()):
            return kind
    raise ValueError(f"unknown kind of clause {name!r}")


def _parts(text: str) -> list[str]:
    words = amendment_words()
    cleaned = " ".join(text.split()).rstrip(".:")
    return [p for p in re.split(rf",\s*|\s+{re.escape(words.and_word)}\s+", cleaned) if p]


def parse_target(text: str) -> tuple[tuple[ClauseName, ...], Position | None]:
    """The base clauses a target names, or the position of the new clause it inserts.

    ``Recital C`` -> ((Recital C,), None); ``Paragraphs 5 and 6`` -> two names;
    ``Recital B a (new)`` -> ((), Position). ValueError when it is no target amendtool
    can apply (points: ``Paragraph 4 – point b``).
    """
    if _POINT.search(" ".join(text.split())):
        raise ValueError(f"{text!r} targets a part of a clause (a point or subparagraph)")
    names: list[ClauseName] = []
    positions: list[Position] = []
    section: ClauseKind | None = None
    for part in _parts(text):
        match = _PART.match(part)
        if match is None:
            raise ValueError(f"cannot read the target {text!r}")
        if match["name"]:
            section = _section(match["name"])
        if section is None:
            raise ValueError(f"the target {text!r} names no citation, recital or paragraph")
        number, extra = match["number"], match["letters"]
        if match["new"]:
            positions.append(_new_position(section, number, extra, text))
        elif extra:
            raise ValueError(f"cannot read the target {text!r}")
        else:
            names.append(ClauseName(section, number))
    if (positions and names) or len(positions) > 1:
        raise ValueError(f"the target {text!r} mixes new and existing clauses")
    return tuple(names), positions[0] if positions else None


def _new_position(section: ClauseKind, number: str, extra: str | None, text: str) -> Position:
    if number.startswith("-"):
        start = number[1:]
        if extra or not start:
            raise ValueError(f"cannot read the target {text!r}")
        ordinal = int(start) - 1 if start.isdigit() else ordinal_of(start)
        return Position(section, None, max(ordinal, 0))
    if not extra:  # "Paragraph 4a (new)", "Recital Ba (new)": the letters are glued on
        glued = _SPLIT_NUMBER.match(number)
        if glued is None:
            raise ValueError(f"cannot read the target {text!r}")
        number, extra = glued["base"], glued["letters"]
    return Position(section, number, ordinal_of(extra))


def parse_positions(text: str) -> tuple[Position, ...]:
    """Positions listed in a note: ``Paragraph 4 and Paragraph 4 a (new)``."""
    found = []
    for part in _parts(text):
        names, position = parse_target(part)
        if position is not None:
            found.append(position)
        else:
            found.extend(Position(n.section, n.number, IN_PLACE) for n in names)
    return tuple(found)


def join_labels(labels: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    and_word = amendment_words().and_word
    if len(labels) <= 1:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} {and_word} {labels[-1]}"
