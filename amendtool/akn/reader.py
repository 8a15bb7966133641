"""Akoma Ntoso 3.0 -> Resolution, for files amendtool wrote and for other tools' files.

Elements are matched by local name, so AKN 3.0 files from LEOS/AKN4EU, bluebell or
hand-written ones are read as long as they use citations, recitals and paragraphs.
eIds are always recomputed with amendtool's convention (never compare ids produced by
different generators).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date as _date

from lxml import etree

from amendtool.akn import AMENDTOOL_NS
from amendtool.eids import clause_ids, point_ids
from amendtool.errors import ParseError
from amendtool.lang import alpha2, group_named
from amendtool.model import (
    Clause,
    ClauseKind,
    DocKind,
    Group,
    Meta,
    Note,
    Point,
    ReplacedMotion,
    Resolution,
    Unclassified,
)

_NOTE_SENTINEL = "\x00"  # never in XML text, so never in the document
_DOC_TYPES = {"statement", "doc", "bill", "act", "debateReport", "officialGazette"}
_AFTER_ATTR = f"{{{AMENDTOOL_NS}}}after"


def _normalise_space(text: str) -> str:
    """Collapse all whitespace to single spaces."""
    return " ".join(text.split())


def _local(element: etree._Element) -> str:
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def _children(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [child for child in element if _local(child) == name]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _descendants(element: etree._Element | None, name: str) -> list[etree._Element]:
    if element is None:
        return []
    return [e for e in element.iter() if _local(e) == name]


def _plain(element: etree._Element | None) -> str:
    return (
        _normalise_space("".join(str(t) for t in element.itertext())) if element is not None else ""
    )


def _text_with_notes(
    element: etree._Element, bodies: dict[str, str]
) -> tuple[str, tuple[Note, ...]]:
    """Text of a block with footnote references taken out as notes."""
    markers: list[tuple[str, str]] = []

    def walk(node: etree._Element) -> str:
        pieces = [node.text or ""]
        for child in node:
            if _local(child) in ("noteRef", "authorialNote"):
                href = (child.get("href") or "").lstrip("#")
                markers.append((child.get("marker") or href.removeprefix("note_"), href))
                pieces.append(_NOTE_SENTINEL)
            elif isinstance(child.tag, str):
                pieces.append(walk(child))
            pieces.append(child.tail or "")
        return "".join(pieces)

    raw = _normalise_space(walk(element))
    notes: list[Note] = []
    clean: list[str] = []
    length = 0
    marker_iter = iter(markers)
    for char in raw:
        if char == _NOTE_SENTINEL:
            marker, href = next(marker_iter)
            notes.append(Note(marker=marker, offset=length, body=bodies.get(href, "")))
        else:
            clean.append(char)
            length += 1
    return "".join(clean).strip(), tuple(notes)


def _printed_num(element: etree._Element) -> str:
    num = _child(element, "num")
    return re.sub(r"^\(|[.)]$", "", _plain(num)).strip(".") if num is not None else ""


def _blocks_text(
    blocks: list[etree._Element], bodies: dict[str, str]
) -> tuple[str, tuple[Note, ...]]:
    texts: list[str] = []
    notes: list[Note] = []
    for block in blocks:
        text, found = _text_with_notes(block, bodies)
        offset = len(" ".join(texts)) + (1 if texts else 0)
        notes.extend(Note(n.marker, n.offset + offset, n.body) for n in found)
        texts.append(text)
    return " ".join(t for t in texts if t), tuple(notes)


def _read_points(
    parent: etree._Element, parent_eid: str, bodies: dict[str, str]
) -> tuple[Point, ...]:
    elements = [c for c in parent if _local(c) in ("point", "item", "indent", "alinea")]
    for wrapper in _children(parent, "list") + _children(parent, "blockList"):
        elements.extend(c for c in wrapper if _local(c) in ("point", "item", "indent"))
    nums = [_printed_num(e) for e in elements]
    points = []
    for element, num, eid in zip(elements, nums, point_ids(parent_eid, nums), strict=True):
        text, notes = _hierarchy_text(element, bodies)
        points.append(Point(num, text, eid, _read_points(element, eid, bodies), notes))
    return tuple(points)


def _hierarchy_text(
    element: etree._Element, bodies: dict[str, str]
) -> tuple[str, tuple[Note, ...]]:
    for holder in ("content", "intro"):
        block = _child(element, holder)
        if block is not None:
            return _blocks_text(_children(block, "p") or [block], bodies)
    subparagraphs = _children(element, "subparagraph")  # AKN4EU: text in subparagraphs
    if subparagraphs:
        blocks: list[etree._Element] = []
        for subparagraph in subparagraphs:
            content = _child(subparagraph, "content")
            inner = content if content is not None else subparagraph
            blocks.extend(_children(inner, "p") or [inner])
        return _blocks_text(blocks, bodies)
    return _blocks_text(_children(element, "p"), bodies)


def _read_clauses(
    elements: list[etree._Element], kind: ClauseKind, bodies: dict[str, str]
) -> tuple[Clause, ...]:
    nums = [_printed_num(e) for e in elements]
    clauses = []
    for element, num, eid in zip(elements, nums, clause_ids(kind, nums), strict=True):
        if kind is ClauseKind.PARAGRAPH:
            text, notes = _hierarchy_text(element, bodies)
            wrap_up = _plain(_child(element, "wrapUp"))
        else:
            paragraphs = _children(element, "p")
            has_list = bool(_children(element, "blockList"))
            text, notes = _blocks_text(paragraphs[:1] if has_list else paragraphs, bodies)
            wrap_up = " ".join(_plain(p) for p in paragraphs[1:]) if has_list else ""
        points = _read_points(element, eid, bodies)
        clauses.append(
            Clause(
                kind,
                num if kind is not ClauseKind.CITATION else "",
                text,
                eid,
                points,
                wrap_up,
                notes,
            )
        )
    return tuple(clauses)


def _meta(document: etree._Element) -> Meta:
    meta = _child(document, "meta")
    preface = _child(document, "preface")
    references = _descendants(meta, "references")
    refs = references[0] if references else None
    organisations = {
        e.get("eId") or e.get("{http://www.w3.org/XML/1998/namespace}id"): e
        for e in _children(refs, "TLCOrganization")
    }
    groups: list[Group] = []
    for proponent in _descendants(preface, "docProponent"):
        ref = (proponent.get("refersTo") or "").lstrip("#")
        org = organisations.get(ref)
        printed = _plain(proponent)
        if org is not None:
            groups.append(Group(ref, org.get("shortForm") or org.get("showAs") or "", printed))
        elif group_named(printed):
            groups.append(group_named(printed))  # type: ignore[arg-type]
    name = document.get("name", "")
    subtype = _descendants(meta, "FRBRsubtype")
    kind_value = (
        name
        if name in DocKind._value2member_map_
        else (subtype[0].get("value", "") if subtype else "")
    )
    kind = DocKind(kind_value) if kind_value in DocKind._value2member_map_ else DocKind.MOTION
    language = _descendants(meta, "FRBRlanguage")
    date = _descendants(preface, "docDate")
    title = _descendants(preface, "docTitle")
    aliases = {a.get("name"): a.get("value") for a in _descendants(meta, "FRBRalias")}

    def shown(tag: str, eid: str | None = None) -> str:
        for element in _children(refs, tag):
            if eid is None or element.get("eId") == eid:
                return element.get("showAs", "")
        return ""

    replaces = tuple(
        ReplacedMotion(e.get("showAs", ""), group_named(e.get("shortForm", "")))
        for e in _children(refs, "TLCReference")
        if e.get("name") == "replacedMotion"
    )
    return Meta(
        kind=kind,
        title=_plain(title[0]) if title else aliases.get("title", "") or "",
        numbers=tuple(_plain(n) for n in _descendants(preface, "docNumber")),
        date=date[0].get("date", "") if date else "",
        procedure=shown("TLCProcess"),
        rule=shown("TLCConcept", "rule"),
        groups=tuple(groups),
        authors=tuple(e.get("showAs", "") for e in _children(refs, "TLCPerson")),
        replaces=replaces,
        language=alpha2(language[0].get("language", "eng")) if language else "en",
    )


def _unclassified(document: etree._Element) -> tuple[Unclassified, ...]:
    blocks = []
    for element in document.iter():
        if _local(element) in ("container", "hcontainer") and element.get("name") == "unclassified":
            after = element.get(_AFTER_ATTR, "")
            blocks.append(Unclassified(_plain(element), after))
    return tuple(blocks)


def read_akn(tree: etree._ElementTree, source: str = "<akn>") -> Resolution:
    """The Resolution held by an AKN document; ParseError when it holds none."""
    root = tree.getroot()
    document = next((c for c in root if _local(c) in _DOC_TYPES), None)
    if _local(root) != "akomaNtoso":
        raise ParseError(source, f"not an Akoma Ntoso document (root element <{_local(root)}>)")
    if document is None:
        kinds = ", ".join(sorted({_local(c) for c in root})) or "nothing"
        raise ParseError(
            source,
            f"not a resolution: the Akoma Ntoso document holds {kinds}, not statement or doc",
        )
    meta_element = _child(document, "meta")
    bodies = {n.get("eId", ""): _plain(n) for n in _descendants(meta_element, "note")}
    preamble = _child(document, "preamble")
    body = _child(document, "mainBody")
    if body is None:
        body = _child(document, "body")
    citations = _descendants(preamble, "citation")
    recitals = _descendants(preamble, "recital")
    paragraphs = [
        p
        for p in _descendants(body, "paragraph")
        if not any(_local(a) == "paragraph" for a in p.iterancestors())
    ]
    if not (citations or recitals or paragraphs):
        raise ParseError(source, "no citations, recitals or paragraphs in this AKN document")
    formula = _child(preamble, "formula")
    meta = _meta(document)
    warnings = []
    if meta.date and not _is_iso_date(meta.date):
        warnings.append(f"docDate date={meta.date!r} is not a date (YYYY-MM-DD): ignored")
        meta = replace(meta, date="")
    return Resolution(
        meta=meta,
        formula=_plain(formula),
        citations=_read_clauses(citations, ClauseKind.CITATION, bodies),
        recitals=_read_clauses(recitals, ClauseKind.RECITAL, bodies),
        paragraphs=_read_clauses(paragraphs, ClauseKind.PARAGRAPH, bodies),
        unclassified=_unclassified(document),
        warnings=tuple(warnings),
    )


def _is_iso_date(value: str) -> bool:
    try:
        return len(value) == 10 and _date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False
