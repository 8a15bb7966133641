"""Hypothesis strategies: realistic resolutions built from EP-like vocabulary."""

from __future__ import annotations

import datetime
import string
from dataclasses import replace

from hypothesis import strategies as st

from amendtool.amendments.consolidate import recital_letter
from amendtool.eids import clause_ids, point_ids
from amendtool.lang import group_named
from amendtool.model import (
    Clause,
    ClauseKind,
    DocKind,
    Meta,
    Note,
    Point,
    ReplacedMotion,
    Resolution,
    Unclassified,
)
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


# -- richer drafts: what real drafts contain beyond the basic layout (issue 9) ----------
REPLACED = ["B7-0135/2012", "B7-0139/2012", "B7-0141/2012"]
UNCLASSIFIED_OPENINGS = ["Annex", "Explanatory note", "Corrigendum", "Text as tabled"]


def _with_point_ids(points_: tuple[Point, ...], parent_eid: str) -> tuple[Point, ...]:
    eids = point_ids(parent_eid, (p.num for p in points_))
    return tuple(
        replace(p, eid=eid, points=_with_point_ids(p.points, eid))
        for p, eid in zip(points_, eids, strict=True)
    )


def _with_ids(clauses_: list[Clause], kind: ClauseKind) -> tuple[Clause, ...]:
    eids = clause_ids(kind, (c.num for c in clauses_))
    return tuple(
        replace(c, eid=eid, points=_with_point_ids(c.points, eid))
        for c, eid in zip(clauses_, eids, strict=True)
    )


def _renumber_notes(resolution: Resolution, draw) -> Resolution:
    """Markers 1, 2, 3 ... over the whole draft; some notes get a printed body."""
    counter = iter(range(1, 10_000))

    def notes_of(notes: tuple[Note, ...]) -> tuple[Note, ...]:
        return tuple(
            Note(str(next(counter)), n.offset, draw(st.sampled_from(["", "OJ C 251E, 31.8.2013."])))
            for n in notes
        )

    def point_of(point: Point) -> Point:
        return replace(
            point, notes=notes_of(point.notes), points=tuple(map(point_of, point.points))
        )

    def clause_of(clause: Clause) -> Clause:
        return replace(
            clause, notes=notes_of(clause.notes), points=tuple(map(point_of, clause.points))
        )

    return replace(
        resolution,
        citations=tuple(map(clause_of, resolution.citations)),
        recitals=tuple(map(clause_of, resolution.recitals)),
        paragraphs=tuple(map(clause_of, resolution.paragraphs)),
    )


def _point_with_note(point: Point, draw) -> Point:
    """A footnote marker after a word of the point (where real markers stand)."""
    ends = [i for i, ch in enumerate(point.text) if ch == " "] + [len(point.text) - 1]
    return replace(point, notes=(Note("1", draw(st.sampled_from(ends))),))


@st.composite
def rich_resolutions(draw) -> Resolution:
    """Drafts with wrap-ups, footnote bodies (also of points), unclassified blocks, a Rule
    line, replaced-motion lists, unnumbered paragraphs, repeated identical clauses and
    recitals lettered past Z and past ZZ."""
    base = draw(resolutions())
    citations = list(base.citations)
    if draw(st.booleans()):  # the same citation twice
        copy = citations[draw(st.integers(0, len(citations) - 1))]
        citations.insert(draw(st.integers(0, len(citations))), copy)
    if draw(st.booleans()):
        citations.append(
            Clause(
                ClauseKind.CITATION, "", "having regard to Rule 144 of its Rules of Procedure,", ""
            )
        )
    recitals = list(base.recitals)
    if recitals and draw(st.booleans()):  # a boilerplate recital repeated
        copy = recitals[draw(st.integers(0, len(recitals) - 1))]
        recitals.insert(draw(st.integers(0, len(recitals))), copy)
    first_letter = draw(st.sampled_from([0, 0, 21, 697]))  # A.., V..Z AA.., ZU..ZZ AAA..
    recitals = [replace(r, num=recital_letter(first_letter + i)) for i, r in enumerate(recitals)]
    paragraphs = list(base.paragraphs)
    for index in range(1, len(paragraphs) - 1):
        paragraph = paragraphs[index]
        if draw(st.integers(0, 4)) == 0:
            paragraph = replace(paragraph, num="")  # typed with a dash, no number
        if paragraph.points and draw(st.booleans()):
            paragraph = replace(paragraph, wrap_up=f"Stresses that {draw(phrase)}.")
        if paragraph.points and draw(st.booleans()):
            point_list = list(paragraph.points)
            point_list[0] = _point_with_note(point_list[0], draw)
            paragraph = replace(paragraph, points=tuple(point_list))
        paragraphs[index] = paragraph
    if len(paragraphs) > 2 and draw(st.booleans()):  # the same paragraph twice, unnumbered
        paragraphs.insert(len(paragraphs) - 1, replace(paragraphs[0], num=""))
    resolution = replace(
        base,
        citations=_with_ids(citations, ClauseKind.CITATION),
        recitals=_with_ids(recitals, ClauseKind.RECITAL),
        paragraphs=_with_ids(paragraphs, ClauseKind.PARAGRAPH),
    )
    resolution = _renumber_notes(resolution, draw)
    anchors = [c.eid for c in resolution.clauses[:-1]]  # never after the closing paragraph
    blocks = draw(st.lists(st.sampled_from(anchors), max_size=2, unique=True))
    unclassified = tuple(
        Unclassified(f"{draw(st.sampled_from(UNCLASSIFIED_OPENINGS))}: {draw(phrase)}.", after)
        for after in sorted(blocks, key=anchors.index)
    )
    meta = resolution.meta
    if draw(st.booleans()):
        meta = replace(meta, rule=draw(st.sampled_from(["Rule 110(2)", "Rule 144"])))
    if draw(st.booleans()):
        replaced = draw(st.lists(st.sampled_from(REPLACED), min_size=1, max_size=3, unique=True))
        meta = replace(
            meta,
            kind=DocKind.JOINT_MOTION,
            replaces=tuple(ReplacedMotion(n, draw(st.sampled_from(GROUPS))) for n in replaced),
        )
    return replace(resolution, meta=meta, unclassified=unclassified)
