"""Joint motions: the motions a joint motion replaces, as listed in its header.

``replacing the following motions:`` (in any language) followed by ``B9-0998/2030 (Renew)``
or ``ECR (B8-0998/2030)`` lines, and the brace column of PDF copies (``B9-0998/2030 }``).
"""

from __future__ import annotations

import re

from amendtool.dates import parse_date
from amendtool.model import LineFate, ReplacedMotion
from amendtool.textparse import header_state as hs
from amendtool.textparse.groups import group_named
from amendtool.textparse.header_state import HeaderLine, HeaderState, meta_fate
from amendtool.textparse.phrases import LanguagePhrases, languages_mentioning
from amendtool.textparse.references import NUMBER, find_numbers

_BRACE_COLUMN = re.compile(r"\}(?:\s*RC\d?)?\s*$")
_REPLACED_GROUP_FIRST = re.compile(r"^(?P<group>[^()]+?)\s*\((?P<number>[^()]+)\)$")
_REPLACED_NUMBER_FIRST = re.compile(r"^(?P<number>\S+)\s*(?:\((?P<group>[^()]+)\))?$")


def brace_column(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """PDF joint-motion header: ``B9-0998/2030 }`` ... ``} RC1``."""
    if not (_BRACE_COLUMN.search(line.text) and find_numbers(line.text)):
        return None
    for number in find_numbers(line.text):
        if all(m.number != number for m in state.replaces):
            state.replaces.append(ReplacedMotion(number, None))
    state.offer_date(hs.DATE_LINE, parse_date(line.text, phrases.code))
    return meta_fate(line, "replaces", "replaced motions (brace column)")


def _replaced_motion(text: str) -> ReplacedMotion | None:
    for pattern in (_REPLACED_GROUP_FIRST, _REPLACED_NUMBER_FIRST):
        match = pattern.match(text.strip(" }-–•"))
        if match and NUMBER.fullmatch(match.group("number").strip()):
            group = match.group("group")
            return ReplacedMotion(match.group("number").strip(), group_named(group or ""))
    return None


def replaced_motions(
    line: HeaderLine, phrases: LanguagePhrases, state: HeaderState
) -> LineFate | None:
    """``replacing the following motions:`` and the motions listed under it."""
    if any(p.replacing.match(line.text) for p in languages_mentioning(line.text, "replacing")):
        return meta_fate(line, "replaces", "replaced motions heading")
    if not state.replacing:
        return None
    replaced = _replaced_motion(line.text)
    if replaced is None:
        return None
    known = [m for m in state.replaces if m.number == replaced.number]
    if known:  # listed in a brace column already: now we learn its group
        state.replaces[state.replaces.index(known[0])] = replaced
    else:
        state.replaces.append(replaced)
    return meta_fate(line, "replaces", "replaced motion")
