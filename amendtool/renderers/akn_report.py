"""ChangeReport -> Akoma Ntoso ``amendmentList``: one ``amendment`` per changed clause.

The EP's two-column pattern (shared/akn/guide.md §10): an ``amendmentHeading`` naming the
target in the first draft ("Recital C", "Paragraph 4 a (new)"), an ``amendmentContent``
with the version titles and one ``mod`` holding two ``quotedStructure``s, the old wording
with ``del`` and the new with ``ins``; ``activeModifications`` in each amendment's meta
point at the target clause. eIds are unique over the whole list.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from amendtool.akn import AKN_NS
from amendtool.akn.frbr import Identity, identification
from amendtool.akn.streamed import indent_structure
from amendtool.akn.writer import E, expression_uri
from amendtool.amendments.numbering import Amendment, amendments, justification
from amendtool.diffing.report import ChangeReport, ClauseRef, Relation
from amendtool.lang import alpha3, kind_title, language
from amendtool.model import ClauseKind, Meta
from amendtool.renderers.describe import side_runs

_TAGS = {
    ClauseKind.CITATION: "citation",
    ClauseKind.RECITAL: "recital",
    ClauseKind.PARAGRAPH: "paragraph",
}
_MOD_TYPE = {Relation.INSERTED: "insertion", Relation.DELETED: "repeal"}


def _p(runs: list[tuple[str, str]]) -> etree._Element:
    p = E.p()
    last: etree._Element | None = None
    for op, text in runs:
        if op == "equal":
            if last is None:
                p.text = (p.text or "") + text
            else:
                last.tail = (last.tail or "") + text
            continue
        core = text.rstrip()
        last = etree.SubElement(p, f"{{{AKN_NS}}}{'del' if op == 'delete' else 'ins'}")
        last.text = core
        last.tail = text[len(core) :]
    return p


def _clause(ref: ClauseRef, runs: list[tuple[str, str]], prefix: str, wid: str) -> etree._Element:
    eid = f"{prefix}__{ref.eid}"
    num = [E.num(f"{ref.num}.")] if ref.num and ref.section is not ClauseKind.CITATION else []
    if ref.section in (ClauseKind.PARAGRAPH, ClauseKind.UNCLASSIFIED):
        return E.paragraph(*num, E.content(_p(runs), eId=f"{eid}__content"), eId=eid, wId=wid)
    return E(_TAGS[ref.section], *num, _p(runs), eId=eid, wId=wid)


def _work_ids(amendment: Amendment) -> list[str]:
    """wIds of the new clauses: the first draft's ids (guide §9), from where each clause
    stands in the first draft's numbering: a clause in place keeps the id of the clause it
    replaces, any other gets one from its EP label ("Citation 6 a (new)" -> ``cit_6a``)."""
    change = amendment.change
    old_ids: dict[tuple[ClauseKind, str | None], str] = {
        (ref.section, ref.number): ref.eid for ref in change.old
    }
    ids = []
    for ref, position in zip(change.new, amendment.positions, strict=True):
        if position.in_place and (ref.section, position.anchor) in old_ids:
            ids.append(old_ids[(ref.section, position.anchor)])
            continue
        label = position.label.removesuffix(" (new)").split(" ", 1)[1]
        prefix = ref.eid.split("_", 1)[0]
        ids.append(f"{prefix}_{label.replace(' ', '').replace('-', 'minus')}")
    return ids


def _quoted(
    refs: tuple[ClauseRef, ...],
    per_clause: list[list[tuple[str, str]]],
    eid: str,
    empty: str,
    wids: list[str],
) -> etree._Element:
    quoted = E.quotedStructure(eId=eid)
    if not refs:
        quoted.append(E.p(E.i(empty)) if empty else E.p())
    for ref, runs, wid in zip(refs, per_clause, wids, strict=True):
        quoted.append(_clause(ref, runs, eid, wid))
    return quoted


def _identification(uri: str, date: str, language_code: str) -> etree._Element:
    """Generated documents: dated and authored by amendtool, in the amended text's language."""
    return identification(Identity(uri, alpha3(language_code), date, "generated", date))


def _destination(amendment: Amendment, old_uri: str) -> etree._Element:
    change = amendment.change
    if change.old:
        return E.destination(href=f"{old_uri}/~{change.old[0].eid}")
    if amendment.anchor is not None:
        return E.destination(href=f"{old_uri}/~{amendment.anchor.eid}", pos="after")
    section = {
        ClauseKind.CITATION: "cits",
        ClauseKind.RECITAL: "recs",
        ClauseKind.PARAGRAPH: "body",
        ClauseKind.UNCLASSIFIED: "body",
    }[change.new[0].section]
    return E.destination(href=f"{old_uri}/~{section}", pos="start")


def _heading(amendment: Amendment, report: ChangeReport, old_uri: str) -> etree._Element:
    """ "Motion for a resolution – Recital C", the target linked to the amended text."""
    change = amendment.change
    title = kind_title(report.old_meta.kind)
    target = change.old[0] if change.old else amendment.anchor
    if target is None:
        return E.p(f"{title} – {amendment.target}")
    link = E.ref(amendment.target, eId=f"ref_{amendment.number}", href=f"{old_uri}/~{target.eid}")
    return E.p(f"{title} – ", link)


def _change_block(amendment: Amendment, mod_id: str) -> etree._Element:
    """The two quoted versions: the old clauses and the amendment ("deleted" when none)."""
    change = amendment.change
    old_runs = side_runs(change.spans, "old", [r.text for r in change.old])
    new_runs = side_runs(change.spans, "new", [r.text for r in change.new])
    return E.block(
        E.mod(
            _quoted(change.old, old_runs, f"{mod_id}__qstr_1", "", [r.eid for r in change.old]),
            _quoted(
                change.new,
                new_runs,
                f"{mod_id}__qstr_2",
                "deleted",
                _work_ids(amendment) if change.new else [],
            ),
            eId=mod_id,
        ),
        name="changeBlock",
    )


def _placements(amendment: Amendment, old_uri: str) -> list[etree._Element]:
    """An insertion for each new clause of a moved, split or merged clause that does not
    stand where the first-draft clause stood: after its anchor, or at the section start."""
    if not amendment.change.old or not amendment.anchors:
        return []
    n = amendment.number
    mods = []
    sections = {
        ClauseKind.CITATION: "cits",
        ClauseKind.RECITAL: "recs",
        ClauseKind.PARAGRAPH: "body",
    }
    for index, (ref, position, anchor) in enumerate(
        zip(amendment.change.new, amendment.positions, amendment.anchors, strict=True), start=1
    ):
        if position.in_place:
            continue
        if anchor is not None:
            destination = E.destination(href=f"{old_uri}/~{anchor.eid}", pos="after")
        elif ref.section in sections:
            destination = E.destination(href=f"{old_uri}/~{sections[ref.section]}", pos="start")
        elif ref.eid.startswith("hcontainer"):  # unclassified text first among the paragraphs
            destination = E.destination(href=f"{old_uri}/~body", pos="start")
        else:  # unclassified text first in the preamble: before the citations
            destination = E.destination(href=f"{old_uri}/~cits", pos="before")
        mods.append(
            E.textualMod(
                E.source(href=f"#mod_{n}__qstr_2__{ref.eid}"),
                destination,
                eId=f"textualMod_{n}_{index}",
                type="insertion",
            )
        )
    return mods


def _amendment_meta(
    amendment: Amendment, report: ChangeReport, uri: str, date: str, old_uri: str
) -> etree._Element:
    """Identification and the textual modifications the amendment makes."""
    n = amendment.number
    return E.meta(
        _identification(uri, date, report.old_meta.language),
        E.analysis(
            E.activeModifications(
                E.textualMod(
                    E.source(href=f"#mod_{n}"),
                    _destination(amendment, old_uri),
                    eId=f"textualMod_{n}",
                    type=_MOD_TYPE.get(amendment.change.relation, "substitution"),
                ),
                *_placements(amendment, old_uri),
            ),
            source="#amendtool",
        ),
    )


def _amendment(
    amendment: Amendment, report: ChangeReport, base: str, date: str, old_uri: str
) -> etree._Element:
    """One ``<amendment>``: meta, preface ("Amendment 3 to ..."), heading, change, reason."""
    n = amendment.number
    title = kind_title(report.old_meta.kind)
    body = E.amendmentBody(
        E.amendmentHeading(_heading(amendment, report, old_uri)),
        E.amendmentContent(
            E.block(title, name="versionTitle"),
            E.block("Amendment", name="versionTitle"),
            _change_block(amendment, f"mod_{n}"),
        ),
    )
    note = justification(amendment)
    if note:
        body.append(E.amendmentJustification(E.p(note)))
    uri = f"/akn/eu/amendment/{date}/{base}-am-{n}"
    preface = E.preface(
        E.p(
            E.docType("Amendment"),
            " ",
            E.docNumber(str(n)),
            " to ",
            E.affectedDocument(_describe(report.old_meta), href=old_uri),
        )
    )
    return E.amendment(
        _amendment_meta(amendment, report, uri, date, old_uri), preface, body, name="amendment"
    )


def _describe(meta: Meta) -> str:
    lang = language(meta.language)
    text = lang.kind_name(meta.kind)
    if meta.numbers:
        text += f" {meta.numbers[0]}"
    if meta.title:
        text += f" {lang.words('title_on')[0]} {meta.title}"
    return text


def build_amendment_list(report: ChangeReport, markup_date: str) -> etree._Element:
    """The ``<akomaNtoso><amendmentList>`` element."""
    old_uri = expression_uri(report.old_meta, markup_date)
    new_uri = expression_uri(report.new_meta, markup_date)
    base = old_uri.split("/")[-2]
    items = amendments(report)
    components: list[Any] = [
        E.component(_amendment(a, report, base, markup_date, old_uri), eId=f"cmp_{a.number}")
        for a in items
    ]
    if not components:
        components = [
            E.component(E.documentRef(href=new_uri, showAs="no changes", eId="dref_1"), eId="cmp_1")
        ]
    meta = E.meta(
        _identification(
            f"/akn/eu/amendmentList/{markup_date}/{base}-amendments",
            markup_date,
            report.old_meta.language,
        ),
        E.references(
            E.activeRef(eId="old_draft", href=old_uri, showAs=_describe(report.old_meta)),
            E.passiveRef(eId="new_draft", href=new_uri, showAs=_describe(report.new_meta)),
            E.TLCOrganization(
                eId="amendtool", href="/akn/ontology/organization/amendtool", showAs="amendtool"
            ),
            source="#amendtool",
        ),
    )
    preface = E.preface(
        E.p(
            f"{len(items)} amendment{'' if len(items) == 1 else 's'} to ",
            E.affectedDocument(_describe(report.old_meta), href=old_uri),
            f", giving {_describe(report.new_meta)}",
        ),
        *(E.p(f"Warning: {warning}", **{"class": "warning"}) for warning in report.warnings),
    )
    return E.akomaNtoso(
        E.amendmentList(meta, preface, E.collectionBody(*components), name="amendmentList")
    )


def render_akn_amendments(report: ChangeReport, markup_date: str) -> str:
    """The amendment list as XML text."""
    root = build_amendment_list(report, markup_date)
    indent_structure(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8").decode("utf-8") + "\n"
