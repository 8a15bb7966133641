"""Never a false "no differences" (issue 9): each case is run through the real CLI on
plain text and on DOCX (numbers typed, and numbers made by Word's list numbering), and
must give exit status 1 and show the changed words."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace

import pytest

from tests.conftest import run_cli
from tests.docx_fixtures import (
    EP_NUMBERING,
    PARAGRAPHS,
    RECITALS,
    docx_bytes,
    new_document,
    numbered,
)

FORMATS = ["text", "docx-typed", "docx-word-lists"]


@dataclass(frozen=True)
class Draft:
    """A motion as lines: ``None`` as a number means the clause has none."""

    citations: tuple[str, ...] = (
        "having regard to its previous resolutions on Kazakhstan,",
        "having regard to the EU Strategy for Central Asia,",
        "having regard to Rule 110(2) of its Rules of Procedure,",
    )
    recitals: tuple[str, ...] = (
        "whereas the EU and Kazakhstan are negotiating a new agreement;",
        "whereas more than 3 000 people rallied in Zhanaozen on 16 December 2011;",
        "whereas the riot police opened fire on unarmed strikers;",
    )
    paragraphs: tuple[tuple[str | None, str], ...] = tuple(
        (str(n), text)
        for n, text in enumerate(
            [
                "Strongly condemns the violent crackdown by the police in Zhanaozen;",
                "Underlines that progress in the negotiations depends on political reforms;",
                "Calls on the EEAS to monitor closely the trials of the protesters;",
                "Deplores the ongoing crackdown on media and freedom of expression;",
                "Deplores the crackdown on opposition parties and their leaders;",
                "Calls for the release of lawyer Natalia Sokolova;",
                "Urges the authorities to allow human rights observers into Western Kazakhstan;",
                "Calls on the government to address the shortfalls found by the OSCE/ODIHR;",
                "Calls on the Kazakh government to end the state of emergency in Zhanaozen;",
                "Instructs its President to forward this resolution to the Council and the "
                "Commission.",
            ],
            start=1,
        )
    )
    after_citations: tuple[str, ...] = ()  # lines the reader cannot classify
    recital_letters: tuple[str, ...] = field(default=())

    def letters(self) -> list[str]:
        return list(self.recital_letters) or [chr(ord("A") + i) for i in range(len(self.recitals))]


HEAD = ["Motion for a resolution on Kazakhstan", "The European Parliament,"]


def text_lines(draft: Draft) -> list[str]:
    lines = HEAD + [f"- {c}" for c in draft.citations] + list(draft.after_citations)
    lines += [f"{letter}. {r}" for letter, r in zip(draft.letters(), draft.recitals, strict=True)]
    lines += [f"{num}. {text}" if num else text for num, text in draft.paragraphs]
    return lines


def write(draft: Draft, fmt: str, path) -> str:
    if fmt == "text":
        path = path.with_suffix(".txt")
        path.write_text("\n\n".join(text_lines(draft)) + "\n", encoding="utf-8")
        return str(path)
    path = path.with_suffix(".docx")
    document = new_document()
    if fmt == "docx-typed":
        for line in text_lines(draft):
            document.add_paragraph(line)
        path.write_bytes(docx_bytes(document))
        return str(path)
    for line in HEAD + [f"- {c}" for c in draft.citations] + list(draft.after_citations):
        document.add_paragraph(line)
    for recital in draft.recitals:
        numbered(document.add_paragraph(recital), RECITALS)
    for num, text in draft.paragraphs:
        paragraph = document.add_paragraph(text)
        if num:
            numbered(paragraph, PARAGRAPHS)
    path.write_bytes(docx_bytes(document, numbering=EP_NUMBERING))
    return str(path)


def diff(tmp_path, old: Draft, new: Draft, fmt: str, *options: str):
    result = run_cli(
        "diff", write(old, fmt, tmp_path / "old"), write(new, fmt, tmp_path / "new"), *options
    )
    assert result.returncode == 1, result.stdout + result.stderr
    return result


BASE = Draft()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_change_in_unclassified_text_is_a_difference(tmp_path, fmt: str) -> None:
    old = replace(
        BASE, after_citations=("This draft was prepared under Rule 110 by the rapporteur.",)
    )
    new = replace(
        BASE, after_citations=("This draft was prepared under Rule 123 by the rapporteur.",)
    )
    result = diff(tmp_path, old, new, fmt)
    assert "Unclassified text 1, modified" in result.stdout
    assert "[-110-]" in result.stdout and "{+123+}" in result.stdout
    assert "text not recognised as a clause" in result.stdout  # the warning, in the report


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_paragraph_that_lost_its_number_is_paired_with_it(tmp_path, fmt: str) -> None:
    paragraphs = list(BASE.paragraphs)
    paragraphs[8] = (
        None,
        "Strongly urges the Kazakh government to end the state of emergency in Zhanaozen;",
    )
    result = diff(tmp_path, BASE, replace(BASE, paragraphs=tuple(paragraphs)), fmt)
    assert "Paragraph 9 -> Unclassified text 1, modified (number missing)" in result.stdout
    assert "[-Calls on-] {+Strongly urges+}" in result.stdout
    assert "Paragraph 9, deleted" not in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_short_paragraph_reworded_without_its_number_still_pairs(tmp_path, fmt: str) -> None:
    paragraphs = list(BASE.paragraphs)
    paragraphs[5] = (None, "Demands that Ms Sokolova be freed today;")
    result = diff(tmp_path, BASE, replace(BASE, paragraphs=tuple(paragraphs)), fmt)
    assert "Paragraph 6 -> Unclassified text 1, modified (number missing)" in result.stdout
    assert "(uncertain match: 13% of words shared)" in result.stdout
    assert (
        "[-Calls for the release of lawyer Natalia Sokolova-] "
        "{+Demands that Ms Sokolova be freed today+};" in result.stdout
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_change_in_paragraph_7_is_seen(tmp_path, fmt: str) -> None:
    paragraphs = list(BASE.paragraphs)
    paragraphs[6] = ("7", paragraphs[6][1].replace("observers", "observers and journalists"))
    result = diff(tmp_path, BASE, replace(BASE, paragraphs=tuple(paragraphs)), fmt)
    assert "Paragraph 7, modified" in result.stdout and "{+and journalists+}" in result.stdout


@pytest.mark.parametrize("fmt", FORMATS)
def test_recitals_past_zz_are_read_and_compared(tmp_path, fmt: str) -> None:
    count = 53 if fmt == "docx-word-lists" else 704
    recitals = tuple(f"whereas event number {n} took place in Almaty;" for n in range(1, count + 1))
    letters = []
    for n in range(1, count + 1):  # what the draft prints: Word's AA, BB .. or A..Z, AA, AB ..
        if fmt == "docx-word-lists":
            letters.append(chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1))
        else:
            label, rest = "", n
            while rest:
                rest, digit = divmod(rest - 1, 26)
                label = chr(ord("A") + digit) + label
            letters.append(label)
    old = replace(BASE, recitals=recitals, recital_letters=tuple(letters))
    changed = list(recitals)
    changed[-1] = changed[-1].replace("Almaty", "Astana")
    result = diff(tmp_path, old, replace(old, recitals=tuple(changed)), fmt, "--format", "json")
    report = json.loads(result.stdout)
    modified = [c for c in report["changes"] if c["relation"] != "unchanged"]
    assert [(c["old"][0]["eid"], c["headline"]) for c in modified] == [
        (f"rec_{letters[-1]}", f"Recital {letters[-1]}, modified")
    ]
    assert [s["new"] for s in modified[0]["spans"] if s["op"] == "insert"] == ["Astana"]
    assert report["statistics"]["clauses_old"] == 3 + count + 10


@pytest.mark.parametrize("fmt", ["text", "docx-typed"])
def test_a_recital_letter_on_its_own_line(tmp_path, fmt: str) -> None:
    def lines(draft: Draft) -> list[str]:
        out = HEAD + [f"- {c}" for c in draft.citations]
        for letter, recital in zip(draft.letters(), draft.recitals, strict=True):
            out += [f"{letter}.", recital]
        return out + [f"{n}. {t}" for n, t in draft.paragraphs]

    changed = replace(
        BASE, recitals=(*BASE.recitals[:2], "whereas the riot police opened fire on strikers;")
    )
    paths = []
    for name, draft in (("old", BASE), ("new", changed)):
        if fmt == "text":
            path = tmp_path / f"{name}.txt"
            path.write_text("\n".join(lines(draft)) + "\n", encoding="utf-8")
        else:
            document = new_document()
            for line in lines(draft):
                document.add_paragraph(line)
            path = tmp_path / f"{name}.docx"
            path.write_bytes(docx_bytes(document))
        paths.append(str(path))
    result = run_cli("diff", *paths, "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    eids = [r["eid"] for c in report["changes"] for r in c["old"] if r["section"] == "recital"]
    assert sorted(eids) == ["rec_A", "rec_B", "rec_C"]
    modified = [c for c in report["changes"] if c["relation"] != "unchanged"]
    assert [c["headline"] for c in modified] == ["Recital C, modified"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_repeated_identical_clauses_pair_in_order(tmp_path, fmt: str) -> None:
    repeated = "having regard to the EU Strategy for Central Asia,"
    old = replace(
        BASE,
        citations=(
            BASE.citations[0],
            repeated,
            "having regard to the PCA,",
            repeated,
            BASE.citations[2],
        ),
    )
    new = replace(
        old,
        citations=(
            old.citations[0],
            "having regard to the revised EU Strategy for Central Asia,",
            *old.citations[2:],
        ),
    )
    result = diff(tmp_path, old, new, fmt, "--format", "json")
    report = json.loads(result.stdout)
    changed = [c for c in report["changes"] if c["relation"] != "unchanged"]
    assert [c["headline"] for c in changed] == ["Citation 2, modified"]
    assert [s["new"] for s in changed[0]["spans"] if s["op"] == "insert"] == ["revised "]
    assert not any(c["moved"] for c in report["changes"])


def test_warnings_travel_in_every_output(tmp_path) -> None:
    old = replace(
        BASE, after_citations=("This draft was prepared under Rule 110 by the rapporteur.",)
    )
    new = replace(
        BASE, after_citations=("This draft was prepared under Rule 123 by the rapporteur.",)
    )
    old_path, new_path = write(old, "text", tmp_path / "old"), write(new, "text", tmp_path / "new")
    needle = "text not recognised as a clause"
    for command, fmt in [
        ("diff", "text"),
        ("diff", "json"),
        ("diff", "html"),
        ("diff", "markdown"),
        ("diff", "akn"),
        ("amendments", "markdown"),
        ("amendments", "html"),
        ("amendments", "akn"),
    ]:
        result = run_cli(command, old_path, new_path, "--format", fmt)
        assert result.returncode == 1, (command, fmt, result.stderr)
        assert needle in result.stdout, (command, fmt)
        assert needle in result.stderr, (command, fmt)
    report = json.loads(run_cli("diff", old_path, new_path, "--format", "json").stdout)
    assert any(w.startswith("old draft: line") and needle in w for w in report["warnings"])
    assert any(w.startswith("new draft: line") and needle in w for w in report["warnings"])
