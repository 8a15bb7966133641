"""provenance() and history() take the comparison options of compare()."""

from __future__ import annotations

import amendtool
from amendtool.model import ClauseKind
from tests.conftest import SAMPLES

V1, V2 = SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt"


def test_history_section_and_case() -> None:
    chain = amendtool.history([V1, V2], section="recitals")
    assert {ref.section for t in chain.threads for refs in t.clauses for ref in refs} == {
        ClauseKind.RECITAL
    }
    old = amendtool.read(b"The European Parliament,\n1. Calls for calm;\n2. Instructs;\n")
    new = amendtool.read(b"The European Parliament,\n1. CALLS FOR CALM;\n2. Instructs;\n")
    assert {t.steps[0].value for t in amendtool.history([old, new]).threads} == {
        "modified",
        "unchanged",
    }
    folded = amendtool.history([old, new], ignore_case=True)
    assert {t.steps[0].value for t in folded.threads} == {"unchanged"}


def test_provenance_section_and_punctuation() -> None:
    report = amendtool.provenance(V2, [V1], section=ClauseKind.PARAGRAPH)
    assert {clause.ref.section for clause in report.clauses} == {ClauseKind.PARAGRAPH}
    source = amendtool.read(b"The European Parliament,\n1. Calls for calm, restraint;\n")
    joint = amendtool.read(b"The European Parliament,\n1. Calls for calm restraint;\n")
    strict = amendtool.provenance(joint, [source])
    loose = amendtool.provenance(joint, [source], ignore_punctuation=True)
    assert (len(strict.sources[0].verbatim), len(loose.sources[0].verbatim)) == (0, 1)
    assert loose.clauses[0].contributions[0].relation.value == "unchanged"
