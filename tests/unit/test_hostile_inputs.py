"""Inputs read right or refused: encodings decided on evidence, huge HTML text nodes,
AKN from other tools with odd values. None of them may give an internal error."""

from __future__ import annotations

import pytest

from amendtool.inputs import resolution_from_bytes
from amendtool.textparse.normalise import decode_with_warnings
from tests.conftest import SAMPLES, run_cli

FRENCH = SAMPLES / "kazakhstan-fr.txt"


def _with_stray_bytes() -> tuple[bytes, list[int]]:
    data = FRENCH.read_bytes()
    first = data.index(b"Parlement")
    data = data[:first] + b"\xe9" + data[first:]  # a Windows-1252 "é" pasted in
    second = data.index(b"Conseil")
    data = data[:second] + b"\x92" + data[second:]  # and a curly apostrophe
    return data, [first, second]


def test_utf8_with_a_few_stray_bytes_stays_utf8_with_a_warning() -> None:
    data, offsets = _with_stray_bytes()
    text, warnings = decode_with_warnings(data, "fr.txt")
    assert "européen" in text and "Résolution" in text  # accents not garbled
    assert "éParlement" in text and "’Conseil" in text  # the strays read as Windows-1252
    assert warnings == [
        f"not valid UTF-8 at byte offset(s) {offsets[0]}, {offsets[1]}: those bytes were "
        "read as Windows-1252, the rest as UTF-8"
    ]
    resolution = resolution_from_bytes(data, "fr.txt")
    assert resolution.meta.language == "fr"
    assert warnings[0] in resolution.warnings


def test_the_warning_travels_to_the_command_line(tmp_path) -> None:
    data, offsets = _with_stray_bytes()
    draft = tmp_path / "fr.txt"
    draft.write_bytes(data)
    result = run_cli("diff", str(FRENCH), str(draft))
    assert result.returncode == 1
    assert (
        f"new draft: not valid UTF-8 at byte offset(s) {offsets[0]}, {offsets[1]}" in result.stderr
    )
    assert "européen" in result.stdout


def test_many_stray_bytes_are_counted_not_listed() -> None:
    data = ("Résolution du Parlement européen. " * 50).encode("utf-8") + b"\xe9" * 8
    text, (warning,) = decode_with_warnings(data, "x")
    assert text.endswith("é" * 8) and "and 3 more" in warning


@pytest.mark.parametrize(
    "text", ["Résolution du Parlement européen", "Zjednoczona w różnorodności"[:8] + " é à"]
)
def test_windows_1252_is_still_windows_1252(text: str) -> None:
    data = text.encode("cp1252", "ignore")
    assert decode_with_warnings(data, "x") == (data.decode("cp1252"), [])


def test_a_text_node_over_10_mb_in_html_is_read_whole(tmp_path) -> None:
    lines = SAMPLES.joinpath("kazakhstan.v1.txt").read_text("utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if "having regard to" in line)
    lines[index] += " " + "word " * 2_200_000 + "end-of-huge-node"  # 11 MB in one text node
    page = "<html><body>" + "".join(f"<p>{line}</p>\n" for line in lines) + "</body></html>"
    resolution = resolution_from_bytes(page.encode("utf-8"), "huge.html")
    assert any("word end-of-huge-node" in c.text for c in resolution.citations)
    # and what follows the huge node is there too (it used to be lost, with exit status 0)
    assert resolution.paragraphs[-1].text.startswith("Instructs its President")


def _akn(tmp_path, replace: tuple[str, str]) -> str:
    path = tmp_path / "draft.xml"
    assert run_cli("convert", str(SAMPLES / "kazakhstan.v1.txt"), "-o", str(path)).returncode == 0
    path.write_text(path.read_text("utf-8").replace(*replace), "utf-8")
    return str(path)


def test_akn_docdate_with_a_year_only(tmp_path) -> None:
    path = _akn(tmp_path, ('date="2012-03-07"', 'date="2012"'))
    for fmt in ("text", "akn", "html", "markdown", "json"):
        result = run_cli("diff", path, str(SAMPLES / "kazakhstan.v2.txt"), "--format", fmt)
        assert result.returncode == 1, result.stderr
        assert "docDate date='2012' is not a date (YYYY-MM-DD): ignored" in result.stderr
    converted = run_cli("convert", path, "--to", "text")
    assert converted.returncode == 0 and "draft.xml: docDate" in converted.stderr


def test_akn_text_with_a_private_use_character(tmp_path) -> None:
    # U+E000 was the reader's footnote placeholder: "internal error: StopIteration"
    path = _akn(tmp_path, ("Kazakhstan", "Kazakh\ue000stan"))
    result = run_cli("convert", path, "--to", "text")
    assert result.returncode == 0, result.stderr
    assert "Kazakh\ue000stan" in result.stdout
