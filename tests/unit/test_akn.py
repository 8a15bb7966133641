"""Akoma Ntoso: the official XSD, our profile, references, reading other tools' files."""

from __future__ import annotations

import pytest
from lxml import etree

from amendtool.akn.reader import read_akn
from amendtool.akn.schema import official_schema
from amendtool.akn.validation import validate_tree
from amendtool.akn.writer import write_akn
from amendtool.akn.xmlsafe import parse_xml
from amendtool.errors import InputError
from amendtool.textparse import parse_text
from tests.conftest import DATA, SEED, SINGLE_SAMPLES

MARKUP_DATE = "2026-11-28"


def akn_tree(text: str) -> etree._ElementTree:
    return parse_xml(write_akn(parse_text(text, "t"), MARKUP_DATE), "t")


def test_schema_is_the_official_strict_one() -> None:
    assert official_schema().validate(akn_tree(SEED.read_text("utf-8")))
    # the strict schema rejects a year-only FRBRdate, which the lenient one accepts
    tree = akn_tree(SEED.read_text("utf-8"))
    tree.getroot().find(".//{*}FRBRWork/{*}FRBRdate").set("date", "2012")
    assert any("date" in p.message for p in validate_tree(tree))


@pytest.mark.parametrize("sample", SINGLE_SAMPLES, ids=lambda p: p.name)
def test_every_sample_converts_to_valid_akn(sample) -> None:
    tree = akn_tree(sample.read_text("utf-8"))
    assert validate_tree(tree) == []


@pytest.mark.parametrize("sample", SINGLE_SAMPLES, ids=lambda p: p.name)
def test_akn_round_trip_is_lossless(sample) -> None:
    resolution = parse_text(sample.read_text("utf-8"), "t")
    back = read_akn(parse_xml(write_akn(resolution, MARKUP_DATE), "t"))
    assert back == resolution


def test_seed_akn_structure() -> None:
    root = akn_tree(SEED.read_text("utf-8")).getroot()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.xpath("string(a:statement/@name)", namespaces=ns) == "motionForResolution"
    assert len(root.xpath("//a:citation", namespaces=ns)) == 8
    assert root.xpath("//a:recital/@eId", namespaces=ns)[-1] == "rec_Q"
    assert len(root.xpath("//a:mainBody/a:paragraph", namespaces=ns)) == 13
    assert root.xpath("string(//a:docTitle)", namespaces=ns) == "Kazakhstan"
    assert root.xpath("string(//a:docDate/@date)", namespaces=ns) == "2012-03-07"
    assert root.xpath("string(//a:docProponent)", namespaces=ns) == "Greens/EFA"
    work = root.xpath("string(//a:FRBRWork/a:FRBRuri/@value)", namespaces=ns)
    assert work == "/akn/eu/statement/motionForResolution/2012-03-07/kazakhstan"


@pytest.mark.parametrize(
    ("label", "mutation", "rule"),
    [
        (
            "paragraph renumbered",
            lambda s: s.replace("<num>5.</num>", "<num>7.</num>", 1),
            "paragraph-eid",
        ),
        (
            "recital out of sequence",
            lambda s: s.replace("<num>C.</num>", "<num>X.</num>", 1),
            "recital-sequence",
        ),
        ("citation eId", lambda s: s.replace('eId="cit_3"', 'eId="cit_9"', 1), "citation-eid"),
        (
            "dangling reference",
            lambda s: s.replace('refersTo="#greens-efa"', 'refersTo="#nowhere"', 1),
            "refs",
        ),
        (
            "empty clause",
            lambda s: s.replace(
                "<p>having regard to the EU Strategy for Central Asia,</p>", "<p></p>", 1
            ),
            "clause-has-text",
        ),
        (
            "schema violation",
            lambda s: s.replace('<formula name="actingEntity"', "<formula", 1),
            "xsd",
        ),
    ],
)
def test_validation_catches_broken_documents(label, mutation, rule) -> None:
    xml = write_akn(parse_text(SEED.read_text("utf-8"), "t"), MARKUP_DATE).decode("utf-8")
    tree = parse_xml(mutation(xml).encode("utf-8"), "t")
    problems = validate_tree(tree)
    assert rule in {p.rule for p in problems}, (label, problems)
    assert all(p.line > 0 for p in problems)


def test_reads_leos_style_akn() -> None:
    resolution = read_akn(parse_xml((DATA / "leos-style.xml").read_bytes(), "leos"))
    assert resolution.meta.title == "Examplestan"
    assert resolution.meta.numbers == ("B9-0999/2030",)
    assert resolution.meta.language == "en"
    assert [c.eid for c in resolution.citations] == ["cit_1", "cit_2"]
    assert (
        resolution.citations[0].text
        == "having regard to its resolution of 1 May 2029 on Examplestan,"
    )
    assert resolution.citations[0].notes[0].marker == "1"
    assert [r.eid for r in resolution.recitals] == ["rec_A", "rec_B"]
    assert [p.eid for p in resolution.paragraphs[1].points] == [
        "para_2__point_a",
        "para_2__point_b",
    ]
    # and what we write from it is valid
    assert validate_tree(parse_xml(write_akn(resolution, MARKUP_DATE), "t")) == []


@pytest.mark.parametrize(
    ("label", "data", "message"),
    [
        (
            "external entity",
            b'<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM '
            b'"file:///etc/passwd">]><akomaNtoso>&x;</akomaNtoso>',
            "DOCTYPE",
        ),
        (
            "billion laughs",
            b'<!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><l>&b;</l>',
            "DOCTYPE",
        ),
        ("not well-formed", b"<?xml version='1.0'?><akomaNtoso><statement>", "not well-formed"),
    ],
)
def test_hostile_or_broken_xml_is_refused(label: str, data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_xml(data, "in.xml")


def test_reads_bluebell_style_eids() -> None:
    """Other generators name ids differently (bluebell: preamble__cits_1__cit_1); amendtool
    reads the structure and recomputes its own eIds, so the model is the same."""
    resolution = parse_text(SEED.read_text("utf-8"), "t")
    xml = write_akn(resolution, MARKUP_DATE).decode("utf-8")
    renamed = (
        xml.replace('eId="cit_', 'eId="preamble__cits_1__cit_')
        .replace('eId="rec_', 'eId="preamble__recs_1__rec_')
        .replace('eId="para_', 'eId="body__para_')
    )
    assert renamed != xml
    assert read_akn(parse_xml(renamed.encode("utf-8"), "bluebell")) == resolution


def test_amendment_list_is_in_the_language_of_the_amended_text() -> None:
    from dataclasses import replace

    from amendtool.diffing import compare
    from amendtool.renderers.akn_report import render_akn_amendments
    from tests.conftest import SAMPLES

    french = parse_text((SAMPLES / "kazakhstan-fr.txt").read_text("utf-8"), "fr")
    assert french.meta.language == "fr"
    edited = replace(french, citations=french.citations[1:])  # the first citation deleted
    xml = render_akn_amendments(compare(french, edited), MARKUP_DATE).encode("utf-8")
    tree = parse_xml(xml, "list")
    assert {e.get("language") for e in tree.iter("{*}FRBRlanguage")} == {"fra"}
    assert validate_tree(tree, profile=False) == []


def test_the_profile_ships_inside_the_package() -> None:
    from importlib import resources

    from tests.conftest import ROOT

    shipped = resources.files("amendtool.akn").joinpath("ep_resolution.sch").read_bytes()
    assert shipped == (ROOT / "akn_schemas" / "ep_resolution.sch").read_bytes()
    assert b"sch:schema" in shipped or b"<schema" in shipped
