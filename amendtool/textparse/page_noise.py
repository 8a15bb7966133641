"""Page furniture in copied text: PDF footers, flattened pages, leaked template tags.

- Template tags leaked by the EP's publishing chain (``<NoDocSe>B9-0999/2030</NoDocSe>``,
  ``<Date>{01/02/2030}1.2.2030</Date>``, ``<Commission>{PPE}on behalf of ...``) are
  removed with their ``{...}`` codes; the text between them is kept.

- Page footers and headers (``RC\\1247433EN.docx``, ``PE478.433v01-00``, ``EN United in
  diversity EN`` in the EU languages, page numbers next to them, ``RC1``) are cut out of
  the lines, wherever they stand, and reported as dropped fragments.
- A page flattened to one long line is split again before each clause marker.

Hyphenated line ends are rejoined by the body reader (it knows where a clause continues).
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from amendtool.lang import every
from amendtool.model import LineFate
from amendtool.textparse.normalise import normalise_line
from amendtool.textparse.phrases import LanguagePhrases, all_languages

_MOTTOS = every("motto")  # "United in diversity" in every language of the data
# Every quantifier below is bounded or cannot overlap with what follows it, so that a
# search costs time linear in the line (tests/unit/test_regex_bounds.py checks the worst
# cases): a footer carries at most MAX_WEAK_BEFORE weak pieces before its strong one.
_STRONG = (
    r"RC\\\d{5,12}[A-Z]{2}\.docx?|[A-Z]{2}\\\d{5,12}[A-Z]{2}\.docx?|"
    r"PE ?\d{3}\.\d{3}v\d{2}-\d{2}|"
    r"(?:[A-Z]{2} {1,4})?(?:" + "|".join(map(re.escape, _MOTTOS)) + r")(?: {0,4}[A-Z]{2}\b)?"
)
_WEAK = (
    r"\d{1,3}/\d{1,3}|\}|RC1|Total Page: {0,4}\d{1,6}|"
    r"File Type: {0,4}[^\s,]{1,40}(?:, {0,4}Size: {0,4}\S{1,40})?"
)
MAX_WEAK_BEFORE = 6  # page numbers and the like before a footer's reference (0..)
_FOOTER = re.compile(
    rf"(?:(?:{_WEAK}) {{1,4}}){{0,{MAX_WEAK_BEFORE}}}"
    rf"(?:{_STRONG})(?: {{1,4}}(?:{_STRONG}|{_WEAK}))*"
)
_ANY_MOTTO = re.compile("|".join(map(re.escape, _MOTTOS)))
FLATTENED_LINE = 400  # characters: a line this long with several clause markers is a page
MIN_FLATTENED_CLAUSES = 3  # clause markers needed to take a long line for a flattened page


_AFTER_PUNCTUATION = "(?<=[;,.:])"


def _marker_source(citation: str, recital: str) -> str:
    """White space before a clause marker (the text of a pattern), for the citation and
    recital phrases given as pattern texts."""
    return (
        rf"\s+(?=(?:[-–—•]\s*)?(?:(?:{citation})|[A-Z]{{1,2}}\.\s*(?:{recital})"
        rf"|\d{{1,3}}\.\s+[A-ZÀ-Ý]))"
    )


def _phrase_sources(phrases: LanguagePhrases) -> tuple[str, str]:
    return phrases.citation.pattern.lstrip("^"), phrases.recital.pattern.lstrip("^")


@cache
def _marker_pattern(phrases: LanguagePhrases) -> re.Pattern[str]:
    return re.compile(_AFTER_PUNCTUATION + _marker_source(*_phrase_sources(phrases)), re.IGNORECASE)


@cache
def _any_marker() -> re.Pattern[str]:
    """A clause marker of any language: where any language's pattern splits, this matches.

    The punctuation is matched rather than looked behind at, so that the engine skips
    ahead to it; the white space after it is matched once, before the phrases of every
    language (a marker cannot start with white space, so this matches where one of the
    languages' patterns does).
    """
    sources = [_phrase_sources(phrases) for phrases in all_languages()]
    citations = "|".join(f"(?:{citation})" for citation, _ in sources)
    recitals = "|".join(f"(?:{recital})" for _, recital in sources)
    return re.compile(f"[;,.:]{_marker_source(citations, recitals)}", re.IGNORECASE)


def _split_flattened(text: str) -> list[str]:
    if len(text) < FLATTENED_LINE:
        return [text]
    # a long clause is common, a flattened page rare: one pass over the line with every
    # language's markers at once rules most lines out (k markers give at most k + 1 pieces)
    markers = itertools.islice(_any_marker().finditer(text), MIN_FLATTENED_CLAUSES - 1)
    if sum(1 for _ in markers) + 1 < MIN_FLATTENED_CLAUSES:
        return [text]
    best: list[str] = [text]
    for phrases in all_languages():
        pieces = [p for p in _marker_pattern(phrases).split(text) if p.strip()]
        if len(pieces) > len(best):
            best = pieces
    # a long clause may well contain ", having regard to"; a flattened page has many markers
    return best if len(best) >= MIN_FLATTENED_CLAUSES else [text]


_TEMPLATE_TAG = re.compile(
    r"</?(?:Date|NoDocSe|TitreType|Titre|TitreSuite|DocRef|RepeatBlock-[A-Za-z]+|Depute|"
    r"Commission|Replacing|TablingGroups|ProcType|DocAmend|Article|OptDel|Sup|Inf|"
    r"TitreRecueil|NumAm|RepeatBlock|Members|AuNomDe|TextTitle)\b"
    r"[^<>]{0,200}> ?(?:\{[^{}]{1,40}\})?"
)


def clean_lines(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[LineFate]]:
    """Lines without page furniture (several lines may share a number after a split).

    ``lines`` are normalised and not blank; so are the lines returned.
    """
    cleaned: list[tuple[int, str]] = []
    fates: list[LineFate] = []
    for number, text in lines:
        original = text
        if "<" in text and _TEMPLATE_TAG.search(text):
            for match in _TEMPLATE_TAG.finditer(text):
                fates.append(LineFate(number, match.group(0).strip(), "dropped", "template tag"))
            text = _TEMPLATE_TAG.sub(" ", text)
        if ".doc" in text or "PE" in text or _ANY_MOTTO.search(text):
            for match in _FOOTER.finditer(text):
                fates.append(LineFate(number, match.group(0), "dropped", "page header or footer"))
            text = _FOOTER.sub(" ", text)
        if text is original and len(text) < FLATTENED_LINE:  # most lines: nothing to do
            cleaned.append((number, original))
            continue
        pieces = _split_flattened(text)
        if len(pieces) == 1 and pieces[0] == original:
            cleaned.append((number, original))
        else:  # something was cut out: tidy the spaces again
            cleaned.extend((number, normalise_line(p)) for p in pieces if normalise_line(p))
    return cleaned, fates
