"""The lines before "The European Parliament,": metadata, and page cruft to drop.

Each header line is either metadata (its fate is ``meta:<field>``, with the reason it
was read so) or dropped with a reason. Nothing is silently ignored. A line goes through
:data:`STEPS` in order; the first step that recognises it decides its fate.

Words of any language come from the language data (:mod:`amendtool.lang`); the steps
below only know the shapes of EP pages.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import pairwise

from amendtool.dates import parse_date
from amendtool.model import LineFate, Meta
from amendtool.textparse import header_state as hs
from amendtool.textparse.authors import read_author_line, split_names
from amendtool.textparse.chrome import (
    chrome_reason,
    is_date_line,
    layout_reason,
    lifecycle_label,
    names_the_document,
    names_weekday,
    page_title_kind,
)
from amendtool.textparse.groups import find_groups
from amendtool.textparse.header_state import HeaderLine, HeaderState, dropped_fate, meta_fate
from amendtool.textparse.phrases import LanguagePhrases, language, languages_mentioning
from amendtool.textparse.references import (
    NUMBER,
    PROCEDURE,
    find_numbers,
    find_procedure,
    joins_split_procedure,
)
from amendtool.textparse.replaced import brace_column, replaced_motions
from amendtool.textparse.title import (
    MAX_TITLE,
    clean_title,
    continues_title,
    read_heading,
    read_title_line,
)

_SEPARATORS = re.compile(r"[\s|•>:·,.–—-]")

Step = Callable[[HeaderLine, LanguagePhrases, HeaderState], LineFate | None]


def _lifecycle(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``Procedure : 2030/2999(RSP)``, ``Texts tabled : B9-0999/2030`` (values may be blank)."""
    label = lifecycle_label(line.text)
    if not label:
        return None
    numbers = find_numbers(line.text)
    if numbers and names_the_document(label):
        state.add_numbers(numbers)
        return meta_fate(line, "number", "procedure lifecycle")
    procedure = find_procedure(line.text)
    if procedure:
        state.offer_procedure(procedure)
        return meta_fate(line, "procedure", "procedure lifecycle")
    return dropped_fate(line, "procedure lifecycle")


def _journal_header(
    line: HeaderLine, phrases: LanguagePhrases, state: HeaderState
) -> LineFate | None:
    """``OJ C 99, 1.9.2031, p. 10``: its date is the publication's (a last resort)."""
    if chrome_reason(line.text) != "Official Journal header":
        return None
    date = parse_date(line.text, phrases.code)
    if date:
        state.offer_date(hs.DATE_OF_JOURNAL, date)
        return meta_fate(line, "date", "Official Journal header (publication date)")
    return dropped_fate(line, "Official Journal header")


def _page_chrome(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """Navigation, site chrome, notices and tabling lines, in any language.

    A tabling line that also cites the Rule (``to wind up the debate on the statement ...
    pursuant to Rule 103(2) of the Rules of Procedure``) is the rule line.
    """
    reason = chrome_reason(line.text)
    if reason == "tabling line":
        return _rule(line, phrases, state) or dropped_fate(line, reason)
    reason = reason or layout_reason(line.text)
    return dropped_fate(line, reason) if reason else None


def _page_title(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``Projekt rezolucji - B9-0999/2030Projekt rezolucji``: the number is the document's."""
    kind = page_title_kind(line.text)
    if kind is None:
        return None
    state.set_kind(kind)
    state.add_numbers(find_numbers(line.text))
    return meta_fate(line, "number", "page-title line")


def _kind_in_any(text: str, phrases: LanguagePhrases) -> tuple[LanguagePhrases, int, int] | None:
    """The document name in ``text`` (the document's language first), with its span."""
    for candidate in (phrases, *languages_mentioning(text, "kinds")):
        found = candidate.kind_in(text)
        if found:
            return candidate, found[1].start(), found[1].end()
    return None


def _heading(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``MOTION FOR A RESOLUTION on ...``, ``European Parliament resolution of <date> on ...``."""
    found = _kind_in_any(line.text, phrases)
    if found is None:
        return None
    heading_phrases, start, end = found
    state.heading_language = heading_phrases.code
    kind_found = heading_phrases.kind_in(line.text)
    assert kind_found is not None
    state.set_kind(kind_found[0])
    state.add_groups(find_groups(line.text[:start]))
    state.add_numbers(find_numbers(line.text))
    state.offer_procedure(find_procedure(line.text))
    heading = read_heading(line.text[end:], heading_phrases)
    if heading.short_title_line:
        state.offer_date(hs.DATE_OF_SITTING, heading.date)
        return meta_fate(line, "kind", "page title with sitting day")
    priority = (
        hs.DATE_OF_RESOLUTION_HEADING if kind_found[0].value == "resolution" else hs.DATE_LINE
    )
    state.offer_date(priority, heading.date)
    if heading.title and not state.title:
        state.title, state.title_line = heading.title, line.line_no
        return meta_fate(line, "title", "heading with title")
    return meta_fate(line, "kind", "heading")


def _rule(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``pursuant to Rule 144 of the Rules of Procedure`` (or the rule cited inline)."""
    others = languages_mentioning(line.text, "rule_intro") + languages_mentioning(
        line.text, "rule_line"
    )
    for candidate in (phrases, *others):
        match = candidate.rule_inline.search(line.text) or candidate.rule.match(line.text)
        if match:
            state.rule = state.rule or match.group(1)
            return meta_fate(line, "rule", "rule line")
    return None


def _authors(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``A. Member, B. Member on behalf of the X Group`` (names may be on the line before)."""
    found = read_author_line(line.text, phrases)
    for other in languages_mentioning(line.text, "on_behalf"):
        if found is None and other is not phrases:
            found = read_author_line(line.text, other, foreign=True)
            phrases = other if found else phrases
    if found is None:
        return None
    previous = state.previous
    if not found.names.strip(" -–—•,") and previous is not None and previous.where == "bare":
        state.authors.extend(split_names(previous.text, phrases))
        state.fates[previous.line_no] = LineFate(
            previous.line_no, previous.text, "meta:authors", "names before an on-behalf line"
        )
        state.bare.remove(previous.line_no)
    state.authors.extend(split_names(found.names, phrases))
    state.add_groups(found.groups)
    return meta_fate(line, "authors", "on-behalf line")


def _numbers_only(
    line: HeaderLine, phrases: LanguagePhrases, state: HeaderState
) -> LineFate | None:
    """``B9-0999/2030``, ``P9_TA(2030)0099RC-B9-0999/2030``."""
    numbers = find_numbers(line.text)
    if not numbers or _SEPARATORS.sub("", NUMBER.sub("", line.text)):
        return None
    state.add_numbers(numbers)
    return meta_fate(line, "number", "number line")


def _date_line(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``1.2.2030 - (2030/2999(RSP))``, ``Jeudi 2 février 2030``, ``{02/02/2030}2.2.2030``."""
    if not is_date_line(line.text):
        return None
    sitting = names_weekday(line.text)
    state.offer_date(
        hs.DATE_OF_SITTING if sitting else hs.DATE_LINE, parse_date(line.text, phrases.code)
    )
    state.offer_procedure(find_procedure(line.text))
    return meta_fate(line, "date", "sitting-day line" if sitting else "date line")


def _procedure_line(
    line: HeaderLine, phrases: LanguagePhrases, state: HeaderState
) -> LineFate | None:
    """``(2030/2999(RSP))`` alone, or split over two lines."""
    procedure = find_procedure(line.text)
    if not procedure or re.sub(r"[\W\d_]", "", PROCEDURE.sub("", line.text)):
        return None
    state.offer_procedure(procedure)
    return meta_fate(line, "procedure", "procedure line")


def _title_continued(
    line: HeaderLine, phrases: LanguagePhrases, state: HeaderState
) -> LineFate | None:
    """The second line of a title: it starts in lower case right after the title line."""
    previous = state.previous
    if previous is None or previous.line_no != state.title_line or not continues_title(line.text):
        return None
    if len(state.title) + len(line.text) > MAX_TITLE:
        return None
    state.offer_procedure(find_procedure(line.text))
    state.title = clean_title(f"{state.title} {line.text}")
    state.title_line = line.line_no
    return meta_fate(line, "title", "title continued")


def _title_line(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate | None:
    """``on Examplestan (2016/2999(RSP))``: a line that starts with the word before a title."""
    title = read_title_line(line.text, phrases)
    if title is None and state.heading_language:
        title = read_title_line(line.text, language(state.heading_language))
    if title is None:
        return None
    state.offer_procedure(find_procedure(line.text))
    if not state.title:
        state.title, state.title_line = title, line.line_no
    return meta_fate(line, "title", "title line")


def _bare(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate:
    """Anything else: a number is kept; the rest may be the title (decided at the end)."""
    numbers = find_numbers(line.text)
    if numbers:
        state.add_numbers(numbers)
        return meta_fate(line, "number", "line with the document number")
    state.bare.append(line.line_no)
    return LineFate(line.line_no, line.text, "bare")


STEPS: tuple[Step, ...] = (
    _lifecycle,
    _journal_header,
    _page_chrome,
    _page_title,
    brace_column,
    replaced_motions,
    _heading,
    _rule,
    _authors,
    _title_continued,
    _numbers_only,
    _date_line,
    _procedure_line,
    _title_line,
)


def _classify(line: HeaderLine, phrases: LanguagePhrases, state: HeaderState) -> LineFate:
    for step in STEPS:
        fate = step(line, phrases, state)
        if fate is not None:
            return fate
    return _bare(line, phrases, state)


def _join_split_procedures(lines: list[tuple[int, str]]) -> list[HeaderLine]:
    """One line for ``... (2030/2999`` + ``(RSP))``."""
    joined: list[HeaderLine] = []
    for line_no, text in lines:
        if joined and joins_split_procedure(joined[-1].text, text):
            last = joined.pop()
            joined.append(HeaderLine((*last.line_nos, line_no), last.text.rstrip() + text.strip()))
        else:
            joined.append(HeaderLine((line_no,), text))
    return joined


def _join_title_continuations(state: HeaderState, order: list[int]) -> None:
    """An unrecognised line right after the title line carries the title on, also when it
    starts with a capital (``zur Lage in Examplestan nach den`` / ``Wahlen vom 1. Mai 2030``)."""
    for previous, line_no in pairwise(order):
        if previous != state.title_line or line_no not in state.bare:
            continue
        text = state.fates[line_no].text
        if state.title.endswith((".", ";", ":")) or len(state.title) + len(text) > MAX_TITLE:
            return
        state.title = clean_title(f"{state.title} {text}")
        state.title_line = line_no
        state.bare.remove(line_no)
        state.fates[line_no] = LineFate(line_no, text, "meta:title", "title continued")


def _settle_title(state: HeaderState) -> None:
    """Pick the title among bare header lines when no heading gave one; drop the others."""
    for line_no in state.bare:
        fate = state.fates[line_no]
        if not state.title and len(fate.text) <= MAX_TITLE:
            state.title = fate.text
        if fate.text.casefold() == state.title.casefold():
            state.fates[line_no] = LineFate(line_no, fate.text, "meta:title", "title line")
        elif fate.text.casefold() in state.title.casefold():
            state.fates[line_no] = LineFate(line_no, fate.text, "dropped", "short title")
        else:
            state.fates[line_no] = LineFate(
                line_no, fate.text, "dropped", "unrecognised header line"
            )


def parse_header(
    lines: list[tuple[int, str]], phrases: LanguagePhrases
) -> tuple[Meta, list[LineFate]]:
    """Metadata from the header lines, and the fate of each of them."""
    state = HeaderState()
    originals = dict(lines)
    for line in _join_split_procedures(lines):
        fate = _classify(line, phrases, state)
        state.replacing = fate.where == "meta:replaces"
        state.previous = fate
        for line_no in line.line_nos:
            state.fates.setdefault(
                line_no, LineFate(line_no, originals[line_no], fate.where, fate.reason)
            )
    _join_title_continuations(state, [n for n, _ in lines])
    _settle_title(state)
    return state.meta(phrases.code), [state.fates[n] for n, _ in lines]
