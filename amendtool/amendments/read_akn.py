"""Reading an Akoma Ntoso amendment list amendtool wrote (``amendments --format akn``,
``diff --format akn``): per ``amendment``, the number (``docNumber``), the target (the
heading's ``ref``), the clauses of the two ``quotedStructure``s of its ``mod`` and the
justification, which states where moved, split and merged clauses stand."""

from __future__ import annotations

from lxml import etree

from amendtool.akn import AKN_NS
from amendtool.amendments.tabled import (
    AmendmentList,
    TabledAmendment,
    TabledClause,
    positions_in_note,
)
from amendtool.errors import InputError
from amendtool.model import ClauseKind

_NS = {"a": AKN_NS}
_SECTIONS = {
    f"{{{AKN_NS}}}citation": ClauseKind.CITATION,
    f"{{{AKN_NS}}}recital": ClauseKind.RECITAL,
    f"{{{AKN_NS}}}paragraph": ClauseKind.PARAGRAPH,
}


def _text(element: etree._Element) -> str:
    return " ".join("".join(str(text) for text in element.itertext()).split())


def _clauses(quoted: etree._Element) -> tuple[TabledClause, ...]:
    found = []
    for child in quoted:
        section = _SECTIONS.get(str(child.tag))
        if section is None:
            continue  # the empty <p/> of a new clause, the <p><i>deleted</i></p> of a deletion
        paragraphs = child.findall(".//a:p", _NS)
        found.append(TabledClause(" ".join(_text(p) for p in paragraphs), section))
    return tuple(found)


def _target(amendment: etree._Element) -> str:
    heading = amendment.find(".//a:amendmentHeading/a:p", _NS)
    if heading is None:
        return ""
    ref = heading.find("a:ref", _NS)
    if ref is not None:
        return _text(ref)
    return _text(heading).rsplit(" – ", 1)[-1]


def _amendment(element: etree._Element, source: str, index: int) -> TabledAmendment:
    number_text = element.findtext(".//a:preface//a:docNumber", default="", namespaces=_NS)
    quoted = element.findall(".//a:amendmentContent//a:mod/a:quotedStructure", _NS)
    if not number_text.strip().isdigit() or len(quoted) != 2:
        raise InputError(source, f"amendment {index}: no number or not two quoted structures")
    note = "\n".join(_text(p) for p in element.findall(".//a:amendmentJustification/a:p", _NS))
    return TabledAmendment(
        number=int(number_text),
        target=_target(element),
        old=_clauses(quoted[0]),
        new=_clauses(quoted[1]),
        positions=positions_in_note(note),
        justification=note,
    )


def read_akn_list(tree: etree._ElementTree, source: str) -> AmendmentList:
    """The amendments of an AKN ``amendmentList``."""
    root = tree.getroot()
    if root.find("a:amendmentList", _NS) is None:
        raise InputError(source, "an Akoma Ntoso document, but not an amendment list")
    elements = root.findall("a:amendmentList/a:collectionBody/a:component/a:amendment", _NS)
    amendments = tuple(
        _amendment(element, source, index) for index, element in enumerate(elements, start=1)
    )
    return AmendmentList(source, amendments)
