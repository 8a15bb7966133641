"""The lines before "The European Parliament,": metadata, and page cruft to drop.

Each header line is either metadata (its fate is ``meta:<field>``) or dropped with a
reason. Nothing is silently ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amendtool.model import DocKind, Group, LineFate, Meta, ReplacedMotion
from amendtool.textparse.groups import find_groups, group_named
from amendtool.textparse.phrases import LanguagePhrases, all_languages, month_number

NUMBER = re.compile(
    r"(?:RC-)?B\d{1,2}-\d{4}/\d{4}(?:/REV\d*)?|P\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}|TA-\d{1,2}-\d{4}-\d{4}"
)
PROCEDURE = re.compile(r"\d{4}/\d{4}\([A-Z]{3}\)")
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)")
_WORDED_DATE = re.compile(r"(?<!\d)(\d{1,2})(?:er|st|nd|rd|th|\.)?\s+([^\W\d_]+)\s+(\d{4})(?!\d)")
# "pursuant to Rule 110(2)", "gemäß Artikel 110 Absatz 2", "de conformidad con el artículo
# 110, apartado 2", "a norma dell'articolo 110, paragrafo 2", "zgodnie z art. 110 ust. 2"
_RULE = re.compile(
    r"(?:pursuant to|under|conformément à l['’]|gemäß|de conformidad con el|a norma dell['’]|"
    r"zgodnie z|overeenkomstig|nos termos do|în conformitate cu)\s*"
    r"((?:Rules?|article|Artikel|artículo|articolo|art\.|artigo|articolul)\s+\d+(?:\(\d+\))?"
    r"(?:,?\s*(?:and|et|und|y|e|i|paragraphe|Absatz|apartado|paragrafo|ust\.|,)\s*"
    r"\d+(?:\(\d+\))?)*)",
    re.IGNORECASE,
)
_CRUFT = [
    (re.compile(r"^[a-z]{2}(?:\s*\|\s*[a-z]{2})+$"), "language switch"),
    (re.compile(r"^(?:•\s*)?[a-z]{2} - \w+(?: \(Selected\))?$"), "language menu"),
    (re.compile(r"^Publication\s*\|"), "publication banner"),
    (
        re.compile(
            r"^(?:Recommended|Press release|News|Responsible MEPs|Member|Contact person|"
            r"Please share|Share|Index|Previous|Next|Full text|Top|Texts adopted|Print|"
            r"Go back to the Europarl portal|Document stages in plenary|Official Journal of "
            r"the European Union|Series C|European flag|EN|FR|Legal notice|Cookies?)$",
            re.IGNORECASE,
        ),
        "page navigation",
    ),
    (re.compile(r"^(?:Image by|Photo|©|@)"), "image credit"),
    (re.compile(r"E-?Mail|<u>|https?://|www\."), "share link"),
    (re.compile(r"^PDF\s*\d+k", re.IGNORECASE), "download link"),
    (
        re.compile(
            r"^(?:Procedure|Document selected|Texts tabled|Debates|Votes|Texts adopted)\s*:"
        ),
        "procedure lifecycle",
    ),
    (re.compile(r"^PV \d"), "procedure lifecycle"),
    (re.compile(r"^PE\s?\d{3}\.\d{3}v\d{2}-\d{2}$"), "document reference footer"),
    (re.compile(r"^(?:OJ|ABl\.|DO|GU|Dz\.U\.)\s+C\b"), "Official Journal header"),
    (re.compile(r"^CE?\s*\d+\s*E?\s*/\s*\d+$"), "Official Journal page header"),
    (re.compile(r"^\(\d{4}/C \d+ ?E?/\d+\)$"), "Official Journal notice number"),
    (re.compile(r"^Document \d{5}[A-Z]{2}\d{4}$"), "EUR-Lex document id"),
    (re.compile(r"^See also|^Voir aussi", re.IGNORECASE), "cross-reference"),
    (
        re.compile(
            r"request for inclusion in the agenda|to wind up the debate|"
            r"following the statement by|à la suite de la déclaration|"
            r"demande d'inscription à l'ordre du jour",
            re.IGNORECASE,
        ),
        "agenda note (not modelled)",
    ),
]
_BRACE_COLUMN = re.compile(r"\}(?:\s*RC\d?)?\s*$")
_REPLACED_GROUP_FIRST = re.compile(r"^(?P<group>[^()]+?)\s*\((?P<number>[^()]+)\)$")
_REPLACED_NUMBER_FIRST = re.compile(r"^(?P<number>\S+)\s*(?:\((?P<group>[^()]+)\))?$")


def parse_date(text: str) -> str:
    """The first date in ``text`` as ``yyyy-mm-dd``, or ``""``."""
    numeric = _NUMERIC_DATE.search(text)
    worded = None
    for match in _WORDED_DATE.finditer(text):
        month = month_number(match.group(2))
        if month:
            worded = (match, month)
            break
    candidates = []
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            candidates.append((numeric.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    if worded:
        match, month = worded
        day = int(match.group(1))
        if 1 <= day <= 31:
            candidates.append((match.start(), f"{int(match.group(3)):04d}-{month:02d}-{day:02d}"))
    return min(candidates)[1] if candidates else ""


def find_numbers(text: str) -> list[str]:
    """EP document numbers in ``text`` (B7-0143/2012, RC-B7-0135/2012, P7_TA(2012)0089)."""
    return [m.group(0) for m in NUMBER.finditer(text)]


def _kind_in(text: str, phrases: LanguagePhrases) -> tuple[DocKind, re.Match[str]] | None:
    for kind, pattern in phrases.kinds:
        match = pattern.search(text)
        if match:
            return kind, match
    return None


def _clean_title(raw: str) -> str:
    title = PROCEDURE.sub("", raw)
    title = re.sub(r"\(\s*\)", "", title)
    return title.strip(" -–,")


@dataclass
class _HeaderState:
    kind: DocKind | None = None
    title: str = ""
    bare_titles: list[int] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    date: str = ""
    procedure: str = ""
    rule: str = ""
    groups: list[Group] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    replaces: list[ReplacedMotion] = field(default_factory=list)
    fates: dict[int, LineFate] = field(default_factory=dict)

    def add_groups(self, groups: list[Group]) -> None:
        for group in groups:
            if all(g.id != group.id for g in self.groups):
                self.groups.append(group)

    def add_numbers(self, numbers: list[str]) -> None:
        for number in numbers:
            if number not in self.numbers:
                self.numbers.append(number)


def _replaced_motion(text: str) -> ReplacedMotion | None:
    for pattern in (_REPLACED_GROUP_FIRST, _REPLACED_NUMBER_FIRST):
        match = pattern.match(text.rstrip(" }"))
        if match and NUMBER.fullmatch(match.group("number").strip()):
            group = match.group("group")
            return ReplacedMotion(match.group("number").strip(), group_named(group or ""))
    return None


def _authors_of(names: str) -> list[str]:
    return [n.strip(" .") for n in re.split(r",\s*|\s+and\s+|\s+et\s+", names) if n.strip(" .")]


def parse_header(
    lines: list[tuple[int, str]], phrases: LanguagePhrases
) -> tuple[Meta, list[LineFate]]:
    """Metadata from the header lines, and the fate of each of them."""
    state = _HeaderState()
    replacing = False
    previous_bare: int | None = None
    for line_no, text in lines:
        fate = _classify(line_no, text, phrases, state, replacing)
        replacing = fate.where == "meta:replaces"
        names_on_line_before = fate.where == "meta:authors" and previous_bare is not None
        if names_on_line_before and not _names_before_on_behalf(text, phrases):
            assert previous_bare is not None
            names_fate = state.fates[previous_bare]
            state.authors.extend(_authors_of(names_fate.text))
            state.fates[previous_bare] = LineFate(previous_bare, names_fate.text, "meta:authors")
            state.bare_titles.remove(previous_bare)
        previous_bare = line_no if fate.where == "bare" else None
        state.fates.setdefault(line_no, fate)
    _settle_title(state)
    meta = Meta(
        kind=state.kind or DocKind.MOTION,
        title=state.title,
        numbers=tuple(state.numbers),
        date=state.date,
        procedure=state.procedure,
        rule=state.rule,
        groups=tuple(state.groups),
        authors=tuple(state.authors),
        replaces=tuple(state.replaces),
        language=phrases.code,
    )
    return meta, [state.fates[n] for n, _ in lines]


def _names_before_on_behalf(text: str, phrases: LanguagePhrases) -> str:
    match = phrases.on_behalf.search(text)
    return text[: match.start()].strip(" ,") if match else ""


def _settle_title(state: _HeaderState) -> None:
    """Pick the title among bare header lines; the others are dropped."""
    for line_no in state.bare_titles:
        fate = state.fates[line_no]
        if not state.title and len(fate.text) <= 200:
            state.title = fate.text
        if fate.text.casefold() == state.title.casefold():
            state.fates[line_no] = LineFate(line_no, fate.text, "meta:title")
        else:
            state.fates[line_no] = LineFate(
                line_no, fate.text, "dropped", "unrecognised header line"
            )


def _classify(
    line_no: int, text: str, phrases: LanguagePhrases, state: _HeaderState, replacing: bool
) -> LineFate:
    if text.startswith("Publication") and "|" in text:
        state.date = state.date or parse_date(text)
        return LineFate(line_no, text, "meta:date")
    for pattern, reason in _CRUFT:
        if pattern.search(text):
            return LineFate(line_no, text, "dropped", reason)
    brace = _BRACE_COLUMN.search(text)
    if brace and find_numbers(text):  # PDF joint-motion header: "B9-0998/2030 }" ... "} RC1"
        for number in find_numbers(text):
            if all(m.number != number for m in state.replaces):
                state.replaces.append(ReplacedMotion(number, None))
        state.date = state.date or parse_date(text)
        return LineFate(line_no, text, "meta:replaces")
    if replacing:
        replaced = _replaced_motion(text)
        if replaced:
            known = [m for m in state.replaces if m.number == replaced.number]
            if known:  # listed in a brace column already: now we learn its group
                state.replaces[state.replaces.index(known[0])] = replaced
            else:
                state.replaces.append(replaced)
            return LineFate(line_no, text, "meta:replaces")
    if any(p.replacing.match(text) for p in all_languages()):
        return LineFate(line_no, text, "meta:replaces")
    numbers = find_numbers(text)
    kind = _kind_in(text, phrases)
    if kind:
        doc_kind, match = kind
        if state.kind is None or doc_kind is DocKind.JOINT_MOTION:
            state.kind = doc_kind
        state.add_groups(find_groups(text[: match.start()]))
        state.add_numbers(numbers)
        state.date = parse_date(text) or state.date  # "resolution of 15 March 2012" wins
        rest = text[match.end() :]
        title = phrases.title_on.search(rest)
        if title and not state.title:
            state.title = _clean_title(title.group(1))
        procedure = PROCEDURE.search(text)
        state.procedure = state.procedure or (procedure.group(0) if procedure else "")
        return LineFate(line_no, text, "meta:kind")
    rule = _RULE.search(text) or phrases.rule.match(text)
    if rule:
        state.rule = state.rule or rule.group(1)
        return LineFate(line_no, text, "meta:rule")
    if phrases.on_behalf.search(text):
        names = _names_before_on_behalf(text, phrases)
        state.authors.extend(_authors_of(names))
        state.add_groups(find_groups(text[phrases.on_behalf.search(text).end() :]))
        return LineFate(line_no, text, "meta:authors")
    stripped_numbers = NUMBER.sub("", text).strip(" -–|")
    if numbers and not re.sub(r"(?i)motion for a resolution|texts adopted", "", stripped_numbers):
        state.add_numbers(numbers)
        return LineFate(line_no, text, "meta:number")
    date = parse_date(text)
    procedure = PROCEDURE.search(text)
    leftover = _NUMERIC_DATE.sub("", PROCEDURE.sub("", text))
    if (date or procedure) and len(re.sub(r"[\W\d_]", "", leftover)) <= 30:
        state.date = state.date or date
        state.procedure = state.procedure or (procedure.group(0) if procedure else "")
        return LineFate(line_no, text, "meta:date" if date else "meta:procedure")
    title = phrases.title_on.match(text)
    if title:
        state.title = state.title or _clean_title(title.group(1))
        procedure = PROCEDURE.search(text)
        state.procedure = state.procedure or (procedure.group(0) if procedure else "")
        return LineFate(line_no, text, "meta:title")
    state.bare_titles.append(line_no)
    return LineFate(line_no, text, "bare")
