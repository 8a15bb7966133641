"""The first real input: the Greens/EFA motion on Kazakhstan as scraped from the web page."""

from __future__ import annotations

from amendtool.model import CLAUSE_KINDS, DocKind
from amendtool.textparse import parse_text

CRUFT = [
    "en | fr",
    "Recommended",
    "Press release",
    "Image by Boris Štromar from Pixabay",
    "Responsible MEPs",
    "Contact person",
    "Please share",
    "•<u>E-Mail</u>",
    "@david-leveque",
    "Barbara Lochbihler",
    "Paolo Bergamaschi Advisor on Foreign Affairs",
]


def test_counts_and_metadata(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    assert len(resolution.citations) == 8
    assert [r.num for r in resolution.recitals] == list("ABCDEFGHIJKLMNOPQ")
    assert [p.num for p in resolution.paragraphs] == [str(n) for n in range(1, 14)]
    meta = resolution.meta
    assert meta.kind is DocKind.MOTION
    assert meta.title == "Kazakhstan"
    assert meta.date == "2012-03-07"
    assert [g.name for g in meta.groups] == ["Greens/EFA"]
    assert meta.rule == "Rule 110(2)"
    assert resolution.formula == "The European Parliament,"
    assert resolution.warnings == ()


def test_wrapped_citation_and_recital_are_rejoined(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    assert resolution.citations[0].text == (
        "having regard to its previous resolutions on Kazakhstan with regard, in particular, "
        "to the one of September 2009,"
    )
    recital_o = resolution.recitals[14]
    assert recital_o.num == "O"
    assert "against the repression and calling on the authorities" in recital_o.text
    assert recital_o.text.endswith("fined others who participated;")


def test_bullets_are_typography_not_text(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    for clause in resolution.clauses:
        assert not clause.text.startswith(("-", "–", "B.", "1.")), clause.eid
    assert resolution.recitals[1].text.startswith("whereas on 16 December 2011")
    assert resolution.paragraphs[0].text.startswith("Strongly condemns")


def test_page_cruft_is_dropped_and_reported(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    document_text = " ".join(c.text for c in resolution.clauses)
    dropped = [fate.text for fate in resolution.dropped]
    for line in CRUFT:
        assert line in dropped
        assert line not in document_text
    assert all(fate.reason for fate in resolution.dropped)


def test_every_non_blank_line_is_accounted_for(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    non_blank = {n for n, line in enumerate(seed_text.splitlines(), 1) if line.strip()}
    assert {fate.line_no for fate in resolution.line_fates} == non_blank
    eids = {c.eid for c in resolution.clauses}
    for fate in resolution.line_fates:
        assert (
            fate.where in eids
            or fate.where in ("dropped", "formula")
            or fate.where.startswith("meta:")
        ), fate


def test_eids_follow_the_convention(seed_text: str) -> None:
    resolution = parse_text(seed_text, "seed")
    assert [c.eid for c in resolution.citations] == [f"cit_{n}" for n in range(1, 9)]
    assert resolution.recitals[0].eid == "rec_A"
    assert resolution.paragraphs[12].eid == "para_13"
    assert {c.kind for c in resolution.clauses} == set(CLAUSE_KINDS)
