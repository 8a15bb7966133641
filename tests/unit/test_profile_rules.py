"""The clause rules of the profile, now checked in Python in one pass, give the same
answers as the XPath Schematron they replace (kept as tests/data/ep_resolution_xpath_reference.sch),
and a large document amendtool wrote validates in linear time."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from lxml import etree, isoschematron

from amendtool.akn.profile import profile_problems
from amendtool.akn.schema import Problem
from amendtool.akn.validation import validate_tree
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from amendtool.model import Clause, ClauseKind, Meta, Resolution
from amendtool.textparse import parse_text
from tests.conftest import DATA, SAMPLES, SEED

MARKUP_DATE = "2026-11-28"
_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


def _reference_problems(tree: etree._ElementTree) -> set[tuple[int, str, str]]:
    rules = (DATA / "ep_resolution_xpath_reference.sch").read_bytes()
    schematron = isoschematron.Schematron(etree.fromstring(rules), store_report=True)
    schematron.validate(tree)
    found = set()
    for failure in schematron.validation_report.getroot().iterfind("svrl:failed-assert", _SVRL):
        hits = tree.getroot().xpath(failure.get("location"))
        text = " ".join("".join(failure.itertext()).split())
        found.add((hits[0].sourceline, failure.get("id"), text))
    return found


def _problems(tree: etree._ElementTree) -> set[tuple[int, str, str]]:
    return {(p.line, p.rule, p.message) for p in profile_problems(tree)}


def _unspaced(found: set[tuple[int, str, str]]) -> set[tuple[int, str, str]]:
    # the Schematron lost the space in "<name/> <value-of .../>" ("citationcit_3 has no
    # text"); the Python rule writes "citation cit_3 has no text"
    return {(line, rule, message.replace(" ", "")) for line, rule, message in found}


def _akn(sample: str) -> str:
    text = (SAMPLES / sample).read_text("utf-8")
    return write_akn(parse_text(text, sample), MARKUP_DATE).decode("utf-8")


def _prefixed(xml: str) -> str:
    """The same document with an ``akn:`` prefix on every element."""
    xml = xml.replace(
        'xmlns="http://docs.oasis-open.org/', 'xmlns:akn="http://docs.oasis-open.org/'
    )
    return re.sub(r"<(/?)(?!\?|akn:|at:)([A-Za-z]+)", r"<\1akn:\2", xml)


Mutation = Callable[[str], str]
MUTATIONS: list[tuple[str, str, Mutation]] = [
    ("seed as written", SEED.name, lambda s: s),
    ("sub-points as written", "kazakhstan-subpoints.txt", lambda s: s),
    ("paragraph renumbered", SEED.name, lambda s: s.replace("<num>5.</num>", "<num>7.</num>", 1)),
    ("paragraph 4a", SEED.name, lambda s: s.replace("<num>5.</num>", "<num>4a.</num>", 1)),
    ("paragraph minus", SEED.name, lambda s: s.replace("<num>5.</num>", "<num> -5. </num>", 1)),
    ("huge number", SEED.name, lambda s: s.replace("<num>5.</num>", f"<num>{'9' * 400}</num>", 1)),
    ("recital lettering", SEED.name, lambda s: s.replace("<num>C.</num>", "<num>X.</num>", 1)),
    ("recital lowercase", SEED.name, lambda s: s.replace("<num>C.</num>", "<num>c.</num>", 1)),
    ("recital A twice", SEED.name, lambda s: s.replace("<num>B.</num>", "<num>A.</num>", 1)),
    ("recital digit", SEED.name, lambda s: s.replace("<num>C.</num>", "<num>1</num>", 1)),
    ("citation eId", SEED.name, lambda s: s.replace('eId="cit_3"', 'eId="cit_9"', 1)),
    ("citation eId gone", SEED.name, lambda s: s.replace(' eId="cit_2"', "", 1)),
    (
        "empty citation",
        SEED.name,
        lambda s: s.replace("<p>having regard to the EU Strategy for Central Asia,</p>", "<p/>", 1),
    ),
    (
        "point eId",
        "kazakhstan-subpoints.txt",
        lambda s: s.replace('"para_2__point_b__point_i"', '"x"', 1),
    ),
    (
        "point emptied",
        "kazakhstan-subpoints.txt",
        lambda s: re.sub(
            r"(<point eId=\"para_2__point_c\">\s*<num>\(c\)</num>).*?(</point>)",
            r"\1\2",
            s,
            count=1,
            flags=re.S,
        ),
    ),
    ("recital eId", SEED.name, lambda s: s.replace('eId="rec_B"', 'eId="rec_Z"', 1)),
    (
        "prefixed names",
        "kazakhstan-subpoints.txt",
        lambda s: _prefixed(s.replace('"para_2__point_a"', '"y"', 1)),
    ),
]


# Recitals numbered "(1)" or lettered "c": the XPath rule took them for capital letters out
# of sequence; the Python rule checks the lettering of capitals only.
LETTERING_CHANGED = {
    "recital lowercase": ["recital D. follows recital B.: lettering is out of sequence"],
    "recital digit": ["recital D. follows recital B.: lettering is out of sequence"],
}


@pytest.mark.parametrize(("label", "sample", "mutation"), MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_same_answers_as_the_xpath_schematron(label: str, sample: str, mutation: Mutation) -> None:
    tree = parse_xml(mutation(_akn(sample)).encode("utf-8"), label)
    expected, found = _reference_problems(tree), _problems(tree)
    if label in LETTERING_CHANGED:  # the one deliberate change (see profile_rules)
        assert "recital-sequence" in {rule for _, rule, _ in expected}
        assert [m for _, r, m in found if r == "recital-sequence"] == LETTERING_CHANGED[label]
        expected = {problem for problem in expected if problem[1] != "recital-sequence"}
        found = {problem for problem in found if problem[1] != "recital-sequence"}
    assert _unspaced(found) == _unspaced(expected)
    if label.endswith("as written"):
        assert expected == set()
    else:
        assert expected, "the mutation must break a rule"


def _long_akn(paragraphs: int) -> bytes:
    clauses = tuple(
        Clause(
            ClauseKind.PARAGRAPH,
            str(n),
            f"Calls on the Commission to report on measure number {n} of this resolution;",
            f"para_{n}",
        )
        for n in range(1, paragraphs + 1)
    )
    resolution = Resolution(Meta(title="Examplestan"), "The European Parliament,", (), (), clauses)
    return write_akn(resolution, MARKUP_DATE)


def test_a_large_document_validates_in_one_pass() -> None:
    # 12,000 paragraphs (1.9 MB): the XPath rules took over a minute here
    data = _long_akn(12_000)
    assert len(data) > 1_800_000
    tree = parse_xml(data, "long")
    assert validate_tree(tree) == []
    broken = parse_xml(data.replace(b"<num>9000.</num>", b"<num>9002.</num>"), "long")
    problems = validate_tree(broken)
    assert {p.rule for p in problems} == {"paragraph-eid", "paragraph-sequence"}
    assert [p.message for p in problems if p.rule == "paragraph-sequence"] == [
        "paragraph 9002 follows paragraph 8999: numbering is out of sequence",
        "paragraph 9001 follows paragraph 9002: numbering is out of sequence",
    ]
    assert all(isinstance(p, Problem) and p.line > 0 for p in problems)
