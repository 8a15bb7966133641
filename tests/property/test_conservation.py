"""Conservation (issue 9): every character of an input is in exactly one of the document's
clauses and metadata, its unclassified blocks, or the dropped page furniture, and the
reader says which. Checked on letters and digits (punctuation and list marks are layout),
as multisets, over generated drafts with everything real drafts contain, for both readers:
plain text (with page cruft around it) and Akoma Ntoso."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from amendtool.akn import AKN_NS
from amendtool.akn.reader import read_akn
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from amendtool.model import Clause, LineFate, Point, Resolution, all_notes
from amendtool.textparse import parse_text
from amendtool.textparse.emit import emit_text
from tests.property.strategies import rich_resolutions

EXAMPLES = int(__import__("os").environ.get("CONSERVATION_EXAMPLES", "2000"))
CRUFT = ["en | fr", "Publication | 07.03.2012", "Recommended", "Press release", "Contact person"]


def alnum(texts: Iterable[str]) -> Counter[str]:
    return Counter(ch for text in texts for ch in text if ch.isalnum())


def _point_texts(point: Point) -> list[str]:
    texts = [point.num, point.text, *(n.marker for n in point.notes)]
    for sub in point.points:
        texts += _point_texts(sub)
    return texts


def clause_texts(clause: Clause) -> list[str]:
    texts = [clause.num, clause.text, clause.wrap_up, *(n.marker for n in clause.notes)]
    for point in clause.points:
        texts += _point_texts(point)
    return texts


def body_texts(resolution: Resolution) -> list[str]:
    """What the model holds of the body: clauses, and footnote bodies with their markers."""
    texts = [t for clause in resolution.clauses for t in clause_texts(clause)]
    bodies = {n.marker: n.body for c in resolution.clauses for n in all_notes(c) if n.body}
    return texts + [f"{marker} {body}" for marker, body in bodies.items()]


def category(fate: LineFate) -> str:
    """The three places a line can go: the document, the unclassified blocks, dropped."""
    if fate.where == "dropped":
        return "dropped"
    if fate.where == "unclassified":
        return "unclassified"
    return "document"


@settings(max_examples=EXAMPLES, deadline=None)
@given(
    rich_resolutions(),
    st.lists(st.sampled_from(CRUFT), min_size=1, max_size=3),
    st.lists(st.sampled_from(CRUFT), max_size=3),
)
def test_text_reader_conserves_every_character(resolution, before, after) -> None:
    text = "\n".join([*before, emit_text(resolution), *after])
    lines = dict(enumerate(text.splitlines(), start=1))
    parsed = parse_text(text, "generated")

    places: dict[int, set[str]] = {}
    for fate in parsed.line_fates:
        places.setdefault(fate.line_no, set()).add(category(fate))
    assert set(places) == {n for n, line in lines.items() if line.strip()}
    assert all(len(found) == 1 for found in places.values()), places  # exactly one place

    def lines_in(place: str, body_only: bool = False) -> list[str]:
        fates = parsed.line_fates
        numbers = {
            f.line_no
            for f in fates
            if category(f) == place
            and not (body_only and (f.where.startswith("meta") or f.where == "formula"))
        }
        return [lines[n] for n in sorted(numbers)]

    dropped = lines_in("dropped")
    assert set(dropped) <= set(before + after)  # only page cruft is dropped ...
    assert set(after) <= set(dropped)  # ... and all the cruft after the text is
    assert alnum(lines_in("unclassified")) == alnum(b.text for b in parsed.unclassified)
    assert alnum(lines_in("document", body_only=True)) == alnum(body_texts(parsed))
    # the reader says which: each unclassified block is named in a warning
    assert sum("kept unclassified" in w for w in parsed.warnings) == len(parsed.unclassified)
    # nothing the generator wrote as a clause went missing
    assert alnum(body_texts(resolution)) - alnum(body_texts(parsed)) <= alnum(
        b.text for b in parsed.unclassified
    )


def _akn_text(root: etree._Element, path: str) -> list[str]:
    found = root.xpath(path, namespaces={"a": AKN_NS})
    return [t for element in found for t in element.itertext()]


@settings(max_examples=EXAMPLES, deadline=None)
@given(rich_resolutions())
def test_akn_reader_conserves_every_character(resolution) -> None:
    xml = write_akn(resolution, "2026-11-28")
    read = read_akn(parse_xml(xml, "generated"), "generated")
    assert read == resolution
    root = etree.fromstring(xml)
    unclassified = "//a:container[@name='unclassified'] | //a:hcontainer[@name='unclassified']"
    clauses = (
        "//a:preamble/a:citations | //a:preamble/a:recitals | "
        "//a:mainBody/a:paragraph | //a:meta/a:notes"
    )
    markers = [str(m) for m in root.xpath("//a:noteRef/@marker", namespaces={"a": AKN_NS})]
    note_markers = [str(m) for m in root.xpath("//a:note/@marker", namespaces={"a": AKN_NS})]
    body = _akn_text(root, clauses) + markers + note_markers
    expected = [t for c in read.clauses for t in clause_texts(c)]
    notes = {n.marker: n for c in read.clauses for n in all_notes(c)}
    expected += [f"{n.marker} {n.body}" for n in notes.values()]
    assert alnum(body) == alnum(expected)
    assert alnum(_akn_text(root, unclassified)) == alnum(b.text for b in read.unclassified)
