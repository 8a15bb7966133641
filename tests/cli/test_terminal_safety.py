"""Nothing from a document reaches the terminal as a control sequence, and control
characters never make an output fail: they are shown, and the reader says where."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from lxml import etree

import amendtool
from amendtool.safe_chars import count_forbidden, picture_controls, visible
from tests.conftest import SAMPLES, run_cli

OLD = SAMPLES / "kazakhstan.v1.txt"
# cursor movement, colour, window title (OSC ... BEL), 8-bit CSI, bidi override, backspace
HOSTILE = "\x1b[2J\x1b[31mRED\x1b]0;owned\x07\x9b1A\u202eevil\x08\r"
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _hostile_copy(tmp_path: Path, replacement: str = HOSTILE) -> Path:
    text = OLD.read_text("utf-8")
    text = text.replace("Kazakhstan", f"Kazakh{replacement}stan", 3)
    text = text.replace(
        "The European Parliament,", f"Junk line {replacement}\nThe European Parliament,"
    )
    path = tmp_path / f"draft{replacement[:1]}.txt"
    path.write_text(text, "utf-8")
    return path


def test_visible_escapes_every_terminal_control() -> None:
    assert (
        visible("a\x1b[31mb\x07\x9bc\u202ed\re\tf\ng")
        == "a\\x1b[31mb\\x07\\x9bc\\u202ed\\x0de\tf\ng"
    )
    assert visible("\x1b[32;4mok\x1b[0m \x1b]0;t\x07", keep_sgr=True) == (
        "\x1b[32;4mok\x1b[0m \\x1b]0;t\\x07"
    )
    assert visible(visible(HOSTILE)) == visible(HOSTILE)  # applying twice changes nothing
    assert picture_controls("a\x01b\ufffe\x1b") == (
        "a\u2401b\ufffd\u241b",
        [(1, "\x01"), (3, "\ufffe"), (4, "\x1b")],
    )


def test_every_character_forbidden_in_xml_is_pictured_and_no_other() -> None:
    every = "".join(map(chr, range(0x110000)))
    pictured, replaced = picture_controls(every)
    assert replaced == [(n, c) for n, c in enumerate(every) if not _xml_allowed(c)]
    assert len(replaced) == 29 + 2 + 2048  # C0 but tab and line breaks, U+FFFE/F, surrogates
    expected = "".join(
        c if _xml_allowed(c) else chr(0x2400 + ord(c)) if c < " " else "\ufffd" for c in every
    )
    assert pictured == expected
    etree.fromstring(f"<p>{escape(pictured)}</p>".encode())  # lxml takes every character


def test_a_text_full_of_controls_is_named_five_times_and_counted(tmp_path) -> None:
    every = "".join(map(chr, range(0x110000)))
    assert count_forbidden(every) == 29 + 2 + 2048
    assert picture_controls(every, 5)[1] == picture_controls(every)[1][:5]
    source = tmp_path / "noisy.txt"
    noise = "\x07" * 100_000
    source.write_text(f"The European Parliament,\n\n1. Calls {noise} for calm;\n", "utf-8")
    (warning,) = [w for w in amendtool.read(source).warnings if "visible symbols" in w]
    assert warning.endswith("U+0007 at line 3, U+0007 at line 3 (and 99995 more)")


def _xml_allowed(char: str) -> bool:
    """XML 1.0's Char production."""
    code = ord(char)
    return (
        code in (0x9, 0xA, 0xD)
        or 0x20 <= code <= 0xD7FF
        or 0xE000 <= code <= 0xFFFD
        or 0x10000 <= code <= 0x10FFFF
    )


@pytest.mark.parametrize("color", ["--no-color", "--color"])
def test_text_report_and_warnings_carry_no_control_sequence(tmp_path, color) -> None:
    result = run_cli("diff", str(OLD), str(_hostile_copy(tmp_path)), color)
    assert result.returncode == 1, result.stderr
    without_own_colours = (
        re.sub("\x1b\\[[0-9;]*m", "", result.stdout) if color == "--color" else result.stdout
    )
    assert not RAW_CONTROLS.search(without_own_colours)
    assert not RAW_CONTROLS.search(result.stderr)
    assert "Kazakh␛[2J␛[31mRED␛]0;owned␇\\x9b1A\\u202eevil␈" in result.stdout  # the title
    assert "U+001B at line" in result.stderr  # the reader said where


def test_report_dropped_and_warnings_show_escapes(tmp_path) -> None:
    result = run_cli("convert", str(_hostile_copy(tmp_path)), "--to", "text", "--report-dropped")
    assert result.returncode == 0, result.stderr
    assert not RAW_CONTROLS.search(result.stderr)
    assert "Junk line ␛[2J" in result.stderr
    assert "\\x9b1A\\u202eevil" in result.stderr


def test_c1_controls_from_akn_input_are_escaped(tmp_path) -> None:
    akn = tmp_path / "old.xml"
    assert run_cli("convert", str(OLD), "-o", str(akn)).returncode == 0
    xml = akn.read_text("utf-8").replace("Kazakhstan", "Kazakh\u009b2J\u0085\u202estan")
    akn.write_text(xml, "utf-8")
    result = run_cli("diff", str(OLD), str(akn))
    assert result.returncode == 1, result.stderr
    assert not RAW_CONTROLS.search(result.stdout)
    assert "Kazakh\\x9b2J" in result.stdout
    for command in (("provenance", str(akn), str(OLD)), ("history", str(OLD), str(akn))):
        result = run_cli(*command)
        assert result.returncode in (0, 1), result.stderr
        assert not RAW_CONTROLS.search(result.stdout)


def test_an_error_naming_a_hostile_file_name_is_escaped(tmp_path) -> None:
    result = run_cli("convert", str(tmp_path / "evil\x1b]0;x\x07.txt"))
    assert result.returncode == 2
    assert "evil\\x1b]0;x\\x07.txt: no such file" in result.stderr
    assert not RAW_CONTROLS.search(result.stderr)


@pytest.mark.parametrize("character", ["\x01", "\x08", "\x1b", "\ufffe", "\uffff"])
def test_control_characters_never_make_an_output_fail(tmp_path, character) -> None:
    draft = _hostile_copy(tmp_path, character)
    for args, suffix in [
        (("convert", str(draft)), "xml"),
        (("diff", str(OLD), str(draft), "--format", "html"), "html"),
        (("diff", str(OLD), str(draft), "--format", "akn"), "xml"),
        (("amendments", str(OLD), str(draft), "--format", "html"), "html"),
        (("amendments", str(OLD), str(draft), "--format", "akn"), "xml"),
        (("amendments", str(OLD), str(draft)), "md"),
    ]:
        output = tmp_path / f"out.{suffix}"
        result = run_cli(*args, "-o", str(output))
        assert result.returncode in (0, 1), (args, result.stderr)
        assert "internal error" not in result.stderr
        assert "shown as visible symbols" in result.stderr
        if suffix == "xml":
            etree.parse(str(output))  # well-formed
            assert run_cli("validate", str(output)).returncode == 0
    shown = "\ufffd" if character > "\x7f" else chr(0x2400 + ord(character))
    assert f"Kazakh{shown}stan" in (tmp_path / "out.md").read_text("utf-8")


def test_markdown_escapes_ampersand(tmp_path) -> None:
    draft = tmp_path / "amp.txt"
    draft.write_text(
        OLD.read_text("utf-8").replace("Kazakhstan", "Kazakhstan &copy; &amp;", 3), "utf-8"
    )
    for args in (
        ("diff", str(OLD), str(draft), "--format", "markdown"),
        ("amendments", str(OLD), str(draft)),
    ):
        result = run_cli(*args)
        assert result.returncode == 1, result.stderr
        assert "\\&copy; \\&amp;" in result.stdout
        assert re.search(r"(?<!\\)&(copy|amp);", result.stdout) is None
