"""Resolution -> Akoma Ntoso 3.0 ``<statement>`` (see shared/akn/guide.md).

Everything the model holds is written so that :func:`amendtool.akn.reader.read_akn` gives
the same Resolution back: metadata in FRBR, preface and references; clauses in the
preamble and mainBody; footnotes as ``noteRef`` + ``notes``; unclassified text in
``container``/``hcontainer name="unclassified"``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator

from lxml import etree

from amendtool.akn import AKN_NS, AMENDTOOL_NS
from amendtool.akn.frbr import Identity, identification
from amendtool.akn.streamed import write_streamed
from amendtool.dates import find_dates
from amendtool.lang import alpha3, language
from amendtool.model import (
    Clause,
    DocKind,
    Meta,
    Note,
    Point,
    Resolution,
    Unclassified,
    all_notes,
)
from amendtool.xmlbuild import Maker

E = Maker(namespace=AKN_NS, nsmap={None: AKN_NS, "at": AMENDTOOL_NS})
AFTER_ATTR = f"{{{AMENDTOOL_NS}}}after"
DATE_NAME = {
    DocKind.MOTION: "tabled",
    DocKind.JOINT_MOTION: "tabled",
    DocKind.RESOLUTION: "adopted",
}


def slug(text: str) -> str:
    """Lower-case ASCII id fragment: ``Paweł Kowal`` -> ``pawe-kowal``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def uri_date(meta: Meta, fallback_date: str) -> str:
    """The date part of the URIs: the document's date, else the year of its number (a joint
    motion prints no date; the naming convention allows a year in URIs), else the fallback."""
    if meta.date:
        return meta.date
    for number in meta.numbers:
        year = re.search(r"(?:/|\()((?:19|20)\d\d)\b", number)
        if year:
            return year.group(1)
    return fallback_date


def work_uri(meta: Meta, fallback_date: str) -> str:
    """The FRBR Work URI: ``/akn/eu/statement/{subtype}/{date}/{number}``."""
    number = meta.numbers[0].replace("/", "-") if meta.numbers else slug(meta.title or "untitled")
    number = re.sub(r"[^A-Za-z0-9_()\-]", "-", number)
    return f"/akn/eu/statement/{meta.kind.value}/{uri_date(meta, fallback_date)}/{number}"


def expression_uri(meta: Meta, fallback_date: str) -> str:
    """Work URI + ``/{lang}@{date}``."""
    version = uri_date(meta, fallback_date)
    return f"{work_uri(meta, fallback_date)}/{alpha3(meta.language)}@{version}"


def _inline_text(parent: etree._Element, text: str, notes: tuple[Note, ...], lang: str) -> None:
    """Fill ``parent`` with ``text``: complete dates as ``<date>``, notes as ``<noteRef>``."""
    note_ids = {id(n): f"note_{n.marker}" for n in notes}
    cuts = sorted(notes, key=lambda n: n.offset)
    segments: list[tuple[str, Note | None]] = []
    cursor = 0
    for note in cuts:
        segments.append((text[cursor : note.offset], note))
        cursor = note.offset
    segments.append((text[cursor:], None))
    last: etree._Element | None = None

    def append_text(fragment: str) -> None:
        if last is None:
            parent.text = (parent.text or "") + fragment
        else:
            last.tail = (last.tail or "") + fragment

    for fragment, mark in segments:
        for piece, date in _split_dates(fragment, lang):
            if date:
                last = etree.SubElement(parent, f"{{{AKN_NS}}}date", date=date)
                last.text = piece
            else:
                append_text(piece)
        if mark is not None:
            last = etree.SubElement(
                parent, f"{{{AKN_NS}}}noteRef", href=f"#{note_ids[id(mark)]}", marker=mark.marker
            )


def _split_dates(text: str, lang: str) -> Iterable[tuple[str, str]]:
    """``text`` cut around its dates: (piece, "") for plain text, (piece, iso) for a date."""
    cursor = 0
    for found in find_dates(text, lang):
        yield text[cursor : found.start], ""
        yield text[found.start : found.end], found.iso
        cursor = found.end
    yield text[cursor:], ""


def _p(text: str, notes: tuple[Note, ...], lang: str) -> etree._Element:
    p = E.p()
    _inline_text(p, text, notes, lang)
    return p


def _num(printed: str, point: bool = False) -> list[etree._Element]:
    if not printed:
        return []
    return [E.num(f"({printed})" if point else f"{printed}.")]


def _point(point: Point, lang: str) -> etree._Element:
    element = E.point(*_num(point.num, point=True), eId=point.eid)
    if point.points:
        if point.text:
            element.append(E.intro(_p(point.text, point.notes, lang), eId=f"{point.eid}__intro"))
        element.extend(_point(sub, lang) for sub in point.points)
    else:
        element.append(E.content(_p(point.text, point.notes, lang), eId=f"{point.eid}__content"))
    return element


def _block_items(points: tuple[Point, ...], list_eid: str, lang: str) -> etree._Element:
    """Points of a citation or recital: a blockList (hierarchy elements are not allowed there)."""
    block_list = E.blockList(eId=list_eid)
    for point in points:
        item = E.item(
            *_num(point.num, point=True), _p(point.text, point.notes, lang), eId=point.eid
        )
        if point.points:
            item.append(_block_items(point.points, f"{point.eid}__list_1", lang))
        block_list.append(item)
    return block_list


def _preamble_clause(clause: Clause, lang: str) -> etree._Element:
    tag = "citation" if clause.kind.value == "citation" else "recital"
    element = E(tag, *_num(clause.num), _p(clause.text, clause.notes, lang), eId=clause.eid)
    if clause.points:
        element.append(_block_items(clause.points, f"{clause.eid}__list_1", lang))
    if clause.wrap_up:
        element.append(_p(clause.wrap_up, (), lang))
    return element


def _paragraph(clause: Clause, lang: str) -> etree._Element:
    element = E.paragraph(*_num(clause.num), eId=clause.eid)
    if not clause.points:
        element.append(E.content(_p(clause.text, clause.notes, lang), eId=f"{clause.eid}__content"))
        return element
    if clause.text:
        element.append(E.intro(_p(clause.text, clause.notes, lang), eId=f"{clause.eid}__intro"))
    element.extend(_point(point, lang) for point in clause.points)
    if clause.wrap_up:
        element.append(E.wrapUp(_p(clause.wrap_up, (), lang), eId=f"{clause.eid}__wrapUp"))
    return element


def _identification(resolution: Resolution, markup_date: str) -> etree._Element:
    meta = resolution.meta
    work = work_uri(meta, markup_date)
    number = work.rsplit("/", 1)[1]
    aliases = [("epDocumentNumber", n) for n in meta.numbers]
    if meta.title:
        aliases.append(("title", meta.title))
    identity = Identity(
        work=work,
        language=alpha3(meta.language),
        date=meta.date or markup_date,
        version=uri_date(meta, markup_date),
        date_name=DATE_NAME[meta.kind] if meta.date else "markup",
        markup_date=markup_date,
        authors=[f"#{g.id}" for g in meta.groups] or ["#ep"],
        author_role="#author",
        aliases=aliases,
        subtype=meta.kind.value,
        number_shown=meta.numbers[0] if meta.numbers else number,
        prescriptive=False,
        media_type="application/akn+xml",
    )
    return identification(identity)


def _references(resolution: Resolution) -> etree._Element:
    meta = resolution.meta
    refs = E.references(
        E.TLCOrganization(
            eId="ep", href="/akn/ontology/organization/eu.ep", showAs="European Parliament"
        ),
        E.TLCOrganization(
            eId="amendtool", href="/akn/ontology/organization/amendtool", showAs="amendtool"
        ),
        source="#amendtool",
    )
    for group in meta.groups:
        refs.append(
            E.TLCOrganization(
                eId=group.id,
                href=f"/akn/ontology/organization/eu.ep.{group.id}",
                showAs=group.printed,
                shortForm=group.name,
            )
        )
    person_ids: set[str] = set()
    for author in meta.authors:
        person_id = f"person-{slug(author)}"
        while person_id in person_ids:
            person_id += "-x"
        person_ids.add(person_id)
        refs.append(
            E.TLCPerson(
                eId=person_id, href=f"/akn/ontology/person/eu.{slug(author)}", showAs=author
            )
        )
    refs.append(E.TLCRole(eId="author", href="/akn/ontology/role/author", showAs="Author"))
    if meta.procedure:
        refs.append(
            E.TLCProcess(
                eId="procedure",
                href=f"/akn/ontology/process/eu.ep.{slug(meta.procedure)}",
                showAs=meta.procedure,
            )
        )
    if meta.rule:
        refs.append(
            E.TLCConcept(
                eId="rule", href="/akn/ontology/concept/eu.ep.rules-of-procedure", showAs=meta.rule
            )
        )
    for index, motion in enumerate(meta.replaces, start=1):
        attrs = {"shortForm": motion.group.printed} if motion.group else {}
        refs.append(
            E.TLCReference(
                eId=f"replaced_{index}",
                name="replacedMotion",
                href=f"/akn/eu/statement/motionForResolution/{slug(motion.number)}",
                showAs=motion.number,
                **attrs,
            )
        )
    return refs


def _notes(resolution: Resolution) -> list[etree._Element]:
    notes = [n for c in resolution.clauses for n in all_notes(c)]
    if not notes:
        return []
    seen: dict[str, Note] = {}
    for note in notes:
        seen.setdefault(note.marker, note)
    return [
        E.notes(
            *(E.note(E.p(n.body), eId=f"note_{n.marker}", marker=n.marker) for n in seen.values()),
            source="#amendtool",
        )
    ]


def _preface(resolution: Resolution) -> etree._Element:
    meta = resolution.meta
    lang = language(meta.language)
    title_p = E.p()
    for index, group in enumerate(meta.groups):
        proponent = etree.SubElement(title_p, f"{{{AKN_NS}}}docProponent", refersTo=f"#{group.id}")
        proponent.text = group.printed
        proponent.tail = ", " if index < len(meta.groups) - 1 else " "
    doc_type = etree.SubElement(title_p, f"{{{AKN_NS}}}docType")
    doc_type.text = lang.kind_words(meta.kind)[0]
    if meta.title:
        doc_type.tail = f" {lang.words('title_on')[0]} "
        etree.SubElement(title_p, f"{{{AKN_NS}}}docTitle").text = meta.title
    preface = E.preface(E.longTitle(title_p, eId="longTitle"))
    preface.extend(E.p(E.docNumber(number)) for number in meta.numbers)
    if meta.date:
        year, month, day = meta.date.split("-")
        preface.append(E.p(E.docDate(f"{day}.{month}.{year}", date=meta.date)))
    return preface


def _unclassified(text: str, after: str, index: int, in_body: bool) -> etree._Element:
    if in_body:
        element = E.hcontainer(
            E.content(E.p(text), eId=f"hcontainer_{index}__content"),
            name="unclassified",
            eId=f"hcontainer_{index}",
        )
    else:
        element = E.container(E.p(text), name="unclassified", eId=f"container_{index}")
    element.set(AFTER_ATTR, after)
    return element


def _skeleton(
    resolution: Resolution, markup_date: str
) -> tuple[etree._Element, list[tuple[etree._Element, Iterator[etree._Element]]]]:
    """The ``<akomaNtoso>`` element without its long lists, and for each of them (the
    citations, the recitals, the unclassified blocks of the preamble and the main body)
    the container and the children it gets, built one at a time when iterated."""
    lang = resolution.meta.language
    meta = E.meta(
        _identification(resolution, markup_date), _references(resolution), *_notes(resolution)
    )
    statement = E.statement(meta, _preface(resolution), name=resolution.meta.kind.value)
    lists: list[tuple[etree._Element, Iterator[etree._Element]]] = []
    paragraph_ids = {c.eid for c in resolution.paragraphs}
    in_preamble: list[tuple[int, Unclassified]] = []
    by_after: dict[str, list[tuple[int, Unclassified]]] = {}
    for index, block in enumerate(resolution.unclassified, start=1):
        if block.after in paragraph_ids:
            by_after.setdefault(block.after, []).append((index, block))
        else:
            in_preamble.append((index, block))
    preamble = E.preamble()
    if resolution.formula:
        preamble.append(E.formula(E.p(resolution.formula), name="actingEntity", eId="formula_1"))
    for clauses, tag, eid in (
        (resolution.citations, "citations", "cits"),
        (resolution.recitals, "recitals", "recs"),
    ):
        if clauses:
            container = etree.SubElement(preamble, f"{{{AKN_NS}}}{tag}", eId=eid)
            lists.append((container, (_preamble_clause(c, lang) for c in clauses)))
    if in_preamble:
        lists.append((preamble, (_unclassified(b.text, b.after, i, False) for i, b in in_preamble)))
    if len(preamble) or in_preamble:
        statement.append(preamble)
    body = etree.SubElement(statement, f"{{{AKN_NS}}}mainBody")
    if resolution.paragraphs:
        lists.append((body, _body(resolution.paragraphs, by_after, lang)))
    elif by_after:  # cannot be: blocks after no paragraph are in the preamble
        raise ValueError("unclassified text after a paragraph of a resolution without any")
    else:
        body.append(E.p())
    return E.akomaNtoso(statement), lists


def _body(
    paragraphs: Iterable[Clause], by_after: dict[str, list[tuple[int, Unclassified]]], lang: str
) -> Iterator[etree._Element]:
    for clause in paragraphs:
        yield _paragraph(clause, lang)
        for index, block in by_after.get(clause.eid, []):
            yield _unclassified(block.text, block.after, index, True)


def build_akn(resolution: Resolution, markup_date: str) -> etree._Element:
    """The ``<akomaNtoso>`` element for a resolution; ``markup_date`` is yyyy-mm-dd.
    The whole tree at once: :func:`write_akn` serialises the same document without it."""
    root, lists = _skeleton(resolution, markup_date)
    for container, children in lists:
        container.extend(children)
    return root


def write_akn(resolution: Resolution, markup_date: str) -> bytes:
    """Serialised AKN XML (UTF-8, with declaration, indented outside mixed content): the
    bytes of :func:`build_akn`'s tree, written a few hundred clauses at a time so that the
    whole tree is never in memory with the bytes (issue 17)."""
    out = io.BytesIO()
    out.write(b"<?xml version='1.0' encoding='UTF-8'?>\n")
    root, lists = _skeleton(resolution, markup_date)
    write_streamed(out, root, lists)
    out.write(b"\n")
    return out.getvalue()
