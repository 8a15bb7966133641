"""Characters and lines: decoding bytes and normalising what is only typography.

Guarantees of :func:`normalise_line`: NFC; no tabs, non-breaking or zero-width
characters, soft hyphens; hyphen variants (U+2010, U+2011) are ASCII ``-``; runs of
spaces are one space; no leading or trailing space.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from amendtool.errors import InputError

_SPACES = dict.fromkeys(map(ord, "\t\u00a0\u2007\u202f\u2009\u2002\u2003\u3000"), " ")
_DROPPED = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"), None)
_HYPHENS = {0x2010: "-", 0x2011: "-"}
_TRANSLATION = {**_SPACES, **_DROPPED, **_HYPHENS}
_RUNS_OF_SPACES = re.compile(r" {2,}")

MAX_INPUT_BYTES = 50 * 1024 * 1024  # documented limit: 50 MB, far above any real resolution
MAX_LISTED_OFFSETS = 5  # byte offsets a decoding warning names; the rest are counted


_TRANSLATED = re.compile("[" + "".join(re.escape(chr(code)) for code in _TRANSLATION) + "]")
_REPLACEMENTS = tuple((chr(code), new or "") for code, new in _TRANSLATION.items())


def _translated(text: str) -> str:
    """``text.translate(_TRANSLATION)``, as one ``str.replace`` per character present:
    translate costs some 35 ns a character in a text beyond ASCII, a replace a memory scan
    (what the table puts in, a space, a hyphen or nothing, is never in the table)."""
    for char, new in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, new)
    return text


def normalise_line(line: str) -> str:
    """One line with typography-only differences removed (see module docstring).

    Each step runs only where it can change something (an ASCII line is NFC and holds no
    character to translate but the tab): most lines skip them all (issue 11).
    """
    if line.isascii():
        if "\t" in line:
            line = line.replace("\t", " ")
    else:
        line = unicodedata.normalize("NFC", line)
        if _TRANSLATED.search(line):
            line = _translated(line)
    if "  " in line:
        line = _RUNS_OF_SPACES.sub(" ", line)
    return line.strip()


def normalise_lines(text: str) -> list[str]:
    """The lines of ``text`` (``str.splitlines``), each as :func:`normalise_line` makes it.

    The text is normalised whole, in a few passes over the document rather than several
    steps per line (issue 11). An ASCII text keeps its line breaks: tabs, runs of spaces
    and line breaks never overlap. Other texts are joined with line feeds first (a
    character deleted between a carriage return and a line feed must not join two lines):
    NFC composes nothing across a line feed, and no step puts one in or takes one out.
    """
    if text.isascii():
        if "\t" in text:
            text = text.replace("\t", " ")
        if "  " in text:
            text = _RUNS_OF_SPACES.sub(" ", text)
        return [line.strip() for line in text.splitlines()]
    lines = text.splitlines()
    if not lines:
        return []
    joined = _translated(unicodedata.normalize("NFC", "\n".join(lines)))
    if "  " in joined:
        joined = _RUNS_OF_SPACES.sub(" ", joined)
    return [line.strip() for line in joined.split("\n")]


# The characters beyond ASCII that re.IGNORECASE matches with an ASCII character: dotted
# and dotless I for "i", long s for "s", the Kelvin sign for "k" (every code point tried:
# tests/property/test_reader_shortcuts.py).
_CASE_VARIANTS_BEYOND_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def may_match_ignoring_case(text: str, literal: str) -> bool:
    """False only when the ASCII ``literal``, as a pattern with re.IGNORECASE, is nowhere
    in ``text``: a lower-casing and a substring search rule out a pattern for a whole
    document, where searching it line by line reads every line (issue 11).

    In a text beyond ASCII without those variants only ASCII characters can match, so the
    others are replaced (by "?", which can only make a false alarm) before lower-casing:
    ``str.lower`` costs 4 ns a character there, this a third of it.
    """
    if not literal.isascii():
        raise ValueError(f"not an ASCII literal: {literal!r}")
    if text.isascii():
        return literal.lower() in text.lower()
    if any(char in text for char in _CASE_VARIANTS_BEYOND_ASCII):
        return True
    return literal.lower().encode("ascii") in text.encode("ascii", "replace").lower()


# Every white space character (str.isspace, where str.split splits) but the space and the
# line feed (all code points checked: tests/property/test_reader_shortcuts.py).
_OTHER_WHITE_SPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)


def only_spaces_and_line_feeds(text: str) -> bool:
    """True when the only white space in ``text`` is the space and the line feed: its
    lines, normalised, have single spaces between words and nothing else."""
    return not any(char in text for char in _OTHER_WHITE_SPACE)


def normalise_space(text: str) -> str:
    """Collapse all whitespace to single spaces.

    A text whose only white space is single inner spaces is returned as it is: the
    printable check (every other white space character is unprintable) and the search
    for two spaces cost half of splitting and joining it, and most clause texts are so.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    return " ".join(text.split())


def decode(data: bytes, source: str) -> str:
    """Bytes to text (see :func:`decode_with_warnings`), without the warnings."""
    return decode_with_warnings(data, source)[0]


_STRAY = re.compile("[\udc80-\udcff]")  # an invalid byte under "surrogateescape"


def _cp1252_byte(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", "replace")


def _mostly_utf8(data: bytes) -> tuple[str, list[int], int] | None:
    """``data`` as UTF-8 with its invalid bytes read as Windows-1252, the byte offsets of
    the first invalid bytes and their number; None when most bytes beyond ASCII are not
    valid UTF-8 (the evidence is against UTF-8). Linear in ``data``."""
    text = data.decode("utf-8", "surrogateescape")
    strays = [m.start() for m in _STRAY.finditer(text)]
    valid_non_ascii = len(text) - len(text.encode("ascii", "ignore")) - len(strays)
    if valid_non_ascii <= len(strays):
        return None
    offsets: list[int] = []
    byte_at = char_at = 0
    for index in strays[:MAX_LISTED_OFFSETS]:
        byte_at += len(text[char_at:index].encode("utf-8", "surrogateescape"))
        char_at = index
        offsets.append(byte_at)
    return _STRAY.sub(_cp1252_byte, text), offsets, len(strays)


def decode_with_warnings(data: bytes, source: str) -> tuple[str, list[str]]:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252.

    The choice is made on the evidence: a file whose characters beyond ASCII are mostly
    valid UTF-8 is UTF-8 even if a few bytes are not (they are read as Windows-1252, and
    the warning names their offsets); otherwise it is Windows-1252.

    Raises InputError for binary data (NUL bytes without a UTF-16 BOM) and for bytes
    that fit none of these encodings, naming the byte offset.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), []
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data:
        raise InputError(source, f"binary file (NUL byte at offset {data.index(0)})")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    mostly = _mostly_utf8(data[bom:])
    if mostly is not None:
        text, offsets, count = mostly
        listed = ", ".join(str(offset + bom) for offset in offsets)
        more = count - len(offsets)
        return text, [
            f"not valid UTF-8 at byte offset(s) {listed}"
            + (f" and {more} more" if more > 0 else "")
            + ": those bytes were read as Windows-1252, the rest as UTF-8"
        ]
    try:
        return data.decode("cp1252"), []
    except UnicodeDecodeError as error:
        raise InputError(
            source,
            f"cannot decode byte 0x{data[error.start]:02x} at offset {error.start} "
            "(not UTF-8, UTF-16 or Windows-1252)",
        ) from None
