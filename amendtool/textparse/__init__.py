"""Plain text (as copied from a web page, the Official Journal or a PDF) -> Resolution."""

from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter

from amendtool.errors import ParseError
from amendtool.model import LineFate, Resolution
from amendtool.safe_chars import (
    MAX_LISTED,
    count_forbidden,
    describe_replaced,
    has_forbidden,
    picture_controls,
)
from amendtool.textparse.body import parse_body
from amendtool.textparse.metadata import parse_header
from amendtool.textparse.normalise import normalise_line, normalise_lines
from amendtool.textparse.page_noise import clean_lines
from amendtool.textparse.phrases import LanguagePhrases, all_languages
from amendtool.textparse.sequence import content_like_drops


def _find_formula(lines: list[tuple[int, str]]) -> tuple[int, LanguagePhrases] | None:
    for index, (_, text) in enumerate(lines):
        for phrases in all_languages():
            if phrases.formula.match(text):
                return index, phrases
    return None


def _guess_language(lines: list[tuple[int, str]]) -> LanguagePhrases:
    def hits(phrases: LanguagePhrases) -> int:
        return sum(
            1
            for _, text in lines
            if phrases.citation.match(text.lstrip("-–—• ")) or phrases.recital.search(text[:40])
        )

    return max(all_languages(), key=hits)


def _first_clause_line(lines: list[tuple[int, str]], phrases: LanguagePhrases) -> int | None:
    for index, (_, text) in enumerate(lines):
        bare = text.lstrip("-–—•‐ ")
        if phrases.citation.match(bare) or (
            (letter := re.match(r"^[A-Z]{1,3}\.\s*", bare))
            and phrases.recital.match(bare[letter.end() :])
        ):
            return index
    return None


def parse_text(text: str, source: str = "<text>") -> Resolution:
    """Read one resolution from plain text.

    Raises ParseError (with the source name) when the text holds no resolution.
    """
    replaced: list[tuple[int, str]] = []  # the first MAX_LISTED, for the warning
    replaced_count = 0
    if not has_forbidden(text):  # the common case: the whole text at once
        numbered = list(enumerate(normalise_lines(text), start=1))
    else:
        numbered = []
        for number, raw in enumerate(text.splitlines(), start=1):
            safe, pictured = picture_controls(raw, MAX_LISTED - len(replaced))
            if safe is not raw:
                replaced.extend((number, char) for _, char in pictured)
                replaced_count += count_forbidden(raw)
            numbered.append((number, normalise_line(safe)))
    original = dict(numbered)
    lines, noise_fates = clean_lines([(n, line) for n, line in numbered if line])
    if not lines:
        raise ParseError(source, "empty input: no text to read")
    found = _find_formula(lines)
    if found:
        formula_index, phrases = found
        header, body = lines[:formula_index], lines[formula_index + 1 :]
        formula_line, formula = lines[formula_index]
    else:
        phrases = _guess_language(lines)
        start = _first_clause_line(lines, phrases)
        if start is None:
            raise ParseError(
                source,
                "not a resolution: no 'The European Parliament,' line, no citations "
                "('having regard to') and no recitals ('A. whereas')",
            )
        header, body, formula_line, formula = lines[:start], lines[start:], 0, ""
    meta, header_fates = parse_header(header, phrases)
    parsed = parse_body(body, phrases)
    if not (parsed.citations or parsed.recitals or parsed.paragraphs):
        raise ParseError(source, "not a resolution: no citations, recitals or paragraphs found")
    if not meta.rule:
        for citation in parsed.citations:
            cited = phrases.rule_cited(citation.text)
            if cited:
                meta = replace(meta, rule=cited)
    fates = [
        *header_fates,
        *noise_fates,
        *[
            LineFate(line_no, original[line_no], where, reason)
            for line_no, where, reason in parsed.fates
        ],
    ]
    if formula_line:
        fates.append(LineFate(formula_line, formula, "formula"))
    fates.sort(key=attrgetter("line_no"))
    return Resolution(
        meta=meta,
        formula=formula,
        citations=parsed.citations,
        recitals=parsed.recitals,
        paragraphs=parsed.paragraphs,
        unclassified=parsed.unclassified,
        line_fates=tuple(fates),
        warnings=(
            *_control_warning(replaced, replaced_count),
            *parsed.warnings,
            *content_like_drops(fates),
        ),
    )


def _control_warning(replaced: list[tuple[int, str]], count: int) -> list[str]:
    if not count:
        return []
    return [
        "control or non-characters shown as visible symbols (they cannot be written to "
        f"XML): {describe_replaced(replaced, count)}"
    ]
