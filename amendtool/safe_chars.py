"""Characters from documents that must not reach an XML file or a terminal as they are.

- :func:`picture_controls` is applied when a text is read: C0 control characters (other
  than tab and line breaks), U+FFFE, U+FFFF and lone surrogates cannot be written to XML,
  so they become visible symbols (``\\x1b`` -> U+241B ␛, U+FFFE -> U+FFFD) and the reader
  warns where they were.
- :func:`visible` is applied to everything printed on a terminal: every control character
  left (C1 such as U+009B, DEL, carriage return) and the bidirectional overrides are
  shown as escapes (``\\x9b``, ``\\u202e``), so that a document cannot move the cursor,
  set the window title, ring the bell or reorder what the user reads.
"""

from __future__ import annotations

import itertools
import re

# Not allowed in XML 1.0 (tab, LF and CR are; the other line breaks never reach a line).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Control characters a terminal acts upon, and the bidirectional embeddings/overrides/isolates.
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# amendtool's own colours (SGR only: no cursor movement, no titles) survive visible(keep_sgr).
_OWN_SGR = re.compile("\x1b\\[[0-9;]{0,16}m")
_CONTROL_PICTURES = 0x2400  # U+2400..U+241F: one symbol per C0 control character
MAX_LISTED = 5  # positions named in a warning; the rest are counted


def _picture(char: str) -> str:
    code = ord(char)
    return chr(_CONTROL_PICTURES + code) if code < 0x20 else "\ufffd"


# Each XML-forbidden character, once: the replacements listed share these strings.
_FORBIDDEN_CHARS = {
    chr(code): chr(code)
    for code in (
        *range(0x0, 0x9),
        0xB,
        0xC,
        *range(0xE, 0x20),
        0xFFFE,
        0xFFFF,
        *range(0xD800, 0xE000),
    )
}
_PICTURES = {ord(char): _picture(char) for char in _FORBIDDEN_CHARS}


def picture_controls(text: str, listed: int | None = None) -> tuple[str, list[tuple[int, str]]]:
    """``text`` with XML-forbidden characters as visible symbols, and what was replaced.

    The list holds (offset, character) for each replacement, in order (the first
    ``listed`` only, when given: :func:`count_forbidden` counts them all). The symbols are
    put in by ``str.translate``: ``re.sub`` held a string and a match per replacement
    (issue 17: 20 bytes per byte of a text full of control characters).
    """
    if not _XML_FORBIDDEN.search(text):
        return text, []
    chars = _FORBIDDEN_CHARS
    matches = itertools.islice(_XML_FORBIDDEN.finditer(text), listed)
    return text.translate(_PICTURES), [(m.start(), chars[m.group()]) for m in matches]


# The forbidden characters but the surrogates, each looked for on its own in a document.
_SCANNED_FORBIDDEN = tuple(char for char in _FORBIDDEN_CHARS if not "\ud800" <= char <= "\udfff")


def has_forbidden(text: str) -> bool:
    """True when :func:`picture_controls` would change ``text``.

    Made for a whole document: each forbidden character but the surrogates is looked for
    with ``str.__contains__`` (a memory scan, several times faster than the
    character-class pattern), and a lone surrogate is what UTF-8 cannot encode.
    """
    if any(char in text for char in _SCANNED_FORBIDDEN):
        return True
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # raised for surrogates only
        return True
    return False


def count_forbidden(text: str) -> int:
    """How many characters :func:`picture_controls` replaces in ``text``."""
    return len(text) - len(_XML_FORBIDDEN.sub("", text))


def describe_replaced(where: list[tuple[int, str]], total: int | None = None) -> str:
    """``U+001B at line 3, U+0001 at line 7 (and 4 more)`` for (line, character) pairs
    (the first of ``total`` replacements, when given)."""
    named = ", ".join(f"U+{ord(char):04X} at line {line}" for line, char in where[:MAX_LISTED])
    more = (len(where) if total is None else total) - min(len(where), MAX_LISTED)
    return named + (f" (and {more} more)" if more > 0 else "")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, keep_sgr: bool = False) -> str:
    """``text`` safe for a terminal: control characters shown as ``\\xNN`` escapes.

    Line feeds and tabs stay. With ``keep_sgr``, colour sequences (``ESC [ 31 m``) stay:
    only for output whose document text was made visible already.
    """
    if not keep_sgr:
        return _TERMINAL_UNSAFE.sub(_escape, text)
    pieces = []
    last = 0
    for match in _OWN_SGR.finditer(text):
        pieces.append(_TERMINAL_UNSAFE.sub(_escape, text[last : match.start()]))
        pieces.append(match.group())
        last = match.end()
    pieces.append(_TERMINAL_UNSAFE.sub(_escape, text[last:]))
    return "".join(pieces)
