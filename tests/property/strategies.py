"""Hypothesis strategies: realistic resolutions built from EP-like vocabulary."""

from __future__ import annotations

import datetime
import string

from hypothesis import strategies as st

from amendtool.eids import clause_ids, point_ids
from amendtool.lang import group_named
from amendtool.model import Clause, ClauseKind, DocKind, Meta, Note, Point, Resolution
from amendtool.textparse.phrases import all_languages, language

LANGUAGES = tuple(p.code for p in all_languages())

WORDS = [
    "the",
    "Council",
    "Commission",
    "authorities",
    "release",
    "prisoners",
    "human",
    "rights",
    "elections",
    "freedom",
    "expression",
    "assembly",
    "media",
    "journalists",
    "investigation",
    "independent",
    "transparent",
    "dialogue",
    "reforms",
    "agreement",
    "negotiations",
    "police",
    "protesters",
    "opposition",
    "trial",
    "lawyer",
    "activists",
    "government",
    "civil",
    "society",
    "observers",
    "cooperation",
    "strategy",
    "democratic",
    "principles",
    "and",
    "of",
    "to",
    "in",
    "for",
    "with",
    "its",
    "all",
    "further",
    "urgent",
    "immediate",
    "credible",
    "international",
    "Kazakhstan",
    "Almaty",
]
GROUPS = [g for g in (group_named(n) for n in ("PPE", "S&D", "Verts/ALE", "ECR", "ALDE")) if g]

phrase = st.lists(st.sampled_from(WORDS), min_size=2, max_size=18).map(" ".join)


def _with_notes(text: str, head: int, draw) -> tuple[str, tuple[Note, ...]]:
    """Footnote notes placed at word ends after the citation phrase (where real markers stand)."""
    ends = [i for i, ch in enumerate(text) if ch == " " and i > head] + [len(text) - 1]
    chosen = draw(st.lists(st.sampled_from(ends), max_size=2, unique=True))
    notes = tuple(Note(str(n + 1), offset) for n, offset in enumerate(sorted(chosen)))
    return text, notes


@st.composite
def points(draw, parent_eid: str, depth: int = 0) -> tuple[Point, ...]:
    count = draw(st.integers(min_value=0, max_value=3 if depth == 0 else 2))
    if count == 0:
        return ()
    letters = list(string.ascii_lowercase[:count]) if depth == 0 else ["i", "ii", "iii"][:count]
    built = []
    for num, eid in zip(letters, point_ids(parent_eid, letters), strict=True):
        text = draw(phrase) + ";"
        children = draw(points(eid, depth + 1)) if depth == 0 and draw(st.booleans()) else ()
        if children:
            text = text[:-1] + ":"
        built.append(Point(num, text, eid, children))
    return tuple(built)


@st.composite
def clauses(
    draw, kind: ClauseKind, count: int, closing: bool = False, lang: str = "en"
) -> tuple[Clause, ...]:
    phrases = language(lang)
    if kind is ClauseKind.CITATION:
        nums = [""] * count
    elif kind is ClauseKind.RECITAL:
        nums = list(string.ascii_uppercase[:count])
    else:
        nums = [str(n) for n in range(1, count + 1)]
    built = []
    for index, (num, eid) in enumerate(zip(nums, clause_ids(kind, nums), strict=True)):
        body = draw(phrase)
        notes: tuple[Note, ...] = ()
        sub_points: tuple[Point, ...] = ()
        if kind is ClauseKind.CITATION:
            head = f"{phrases.citation_word} "
            text, notes = _with_notes(f"{head}{body},", len(head), draw)
        elif kind is ClauseKind.RECITAL:
            text = f"{phrases.recital_word} {body};"
        elif closing and index == count - 1:
            text = f"{phrases.closing_words} {body}."
        else:
            sub_points = draw(points(eid))
            text = f"Calls on {body}:" if sub_points else f"Calls on {body};"
        built.append(Clause(kind, num, text, eid, sub_points, "", notes))
    return tuple(built)


@st.composite
def resolutions(draw, languages: tuple[str, ...] = ("en",)) -> Resolution:
    lang = draw(st.sampled_from(languages))
    groups = tuple(draw(st.lists(st.sampled_from(GROUPS), max_size=3, unique_by=lambda g: g.id)))
    date = draw(
        st.dates(
            min_value=datetime.date(2004, 1, 1),
            max_value=datetime.date(2030, 12, 31),
        )
    )
    meta = Meta(
        kind=draw(st.sampled_from(list(DocKind))),
        title=draw(st.sampled_from(["Kazakhstan", "Belarus", "the situation in Nicaragua"])),
        numbers=tuple(
            draw(st.lists(st.sampled_from(["B7-0143/2012", "RC-B9-0065/2022"]), max_size=1))
        ),
        date=date.isoformat(),
        procedure=draw(st.sampled_from(["", "2012/2553(RSP)"])),
        groups=groups,
        authors=tuple(
            draw(
                st.lists(
                    st.sampled_from(["Barbara Lochbihler", "Elmar Brok"]), max_size=2, unique=True
                )
            )
        )
        if groups
        else (),
        language=lang,
    )
    return Resolution(
        meta=meta,
        formula=language(lang).formula_text,
        citations=draw(
            st.integers(1, 6).flatmap(lambda n: clauses(ClauseKind.CITATION, n, lang=lang))
        ),
        recitals=draw(
            st.integers(0, 8).flatmap(lambda n: clauses(ClauseKind.RECITAL, n, lang=lang))
        ),
        paragraphs=draw(
            st.integers(1, 8).flatmap(
                lambda n: clauses(ClauseKind.PARAGRAPH, n, closing=True, lang=lang)
            )
        ),
    )
