"""Sub-points back from an amendment's wording.

Amendment lists carry each clause as one run of words (the chapeau, then each point as
"a to ensure ...;", "i access to ..."), as the report compares them. For the consolidated
text the points are restored when the wording reads unambiguously as a chapeau ending with
":" followed by points a, b, c ... (each after a ";" or ":"), optionally with points i, ii,
iii ... under a point ending with ":". Anything else stays one text; either way the
clause's full wording is unchanged (checked).
"""

from __future__ import annotations

import re
import string
from itertools import pairwise

from amendtool.model import Clause, ClauseKind, Point, clause_body

_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
_BOUNDARY = re.compile(r"(?<=[:;]) (?=[a-z]{1,4} \S)")
MIN_POINTS = 2  # fewer lettered points than this is more likely prose than a list


def _pieces(text: str) -> list[str]:
    cuts = [match.start() for match in _BOUNDARY.finditer(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b].strip() for a, b in pairwise(bounds)]


def restore_points(kind: ClauseKind, text: str) -> tuple[str, tuple[Point, ...]]:
    """(chapeau, points) when ``text`` reads as a list, else (text, ())."""
    pieces = _pieces(text)
    if len(pieces) <= MIN_POINTS or not pieces[0].endswith(":"):
        return text, ()
    chapeau = pieces[0]
    top: list[tuple[str, str, list[tuple[str, str]]]] = []  # (num, text, sub-points)
    for piece in pieces[1:]:
        label, _, rest = piece.partition(" ")
        next_letter = string.ascii_lowercase[len(top)] if len(top) < 26 else ""
        if label == next_letter:
            top.append((label, rest, []))
            continue
        if top:
            num, body, subs = top[-1]
            last_text = subs[-1][1] if subs else body
            expected = _ROMAN[len(subs)] if len(subs) < len(_ROMAN) else ""
            if (
                label == expected
                and last_text.endswith((":", ";"))
                and (subs or body.endswith(":"))
            ):
                subs.append((label, rest))
                continue
            if subs:
                subs[-1] = (subs[-1][0], f"{subs[-1][1]} {piece}")
            else:
                top[-1] = (num, f"{body} {piece}", subs)
        else:
            chapeau = f"{chapeau} {piece}"
    if len(top) < MIN_POINTS:
        return text, ()
    points = tuple(
        Point(num, body, "", tuple(Point(n, t, "") for n, t in subs)) for num, body, subs in top
    )
    if clause_body(Clause(kind, "", chapeau, "", points)) != text:
        return text, ()
    return chapeau, points
