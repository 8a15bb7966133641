"""A justification file for ``amendments --justification-file``: plain text in blocks,
each starting with a line "Amendment N", as advisers write them::

    Amendment 3
    The two statements are of the same day; one citation is enough.

    Amendment 7
    Kazakhstan's role in the region deserves a recital of its own.
"""

from __future__ import annotations

import re

from amendtool.amendments.words import amendment_words
from amendtool.diffing.report import ChangeReport
from amendtool.errors import InputError


def parse_justifications(text: str, source: str) -> tuple[tuple[int, str], ...]:
    """(number, text) per block; text outside a block or a repeated number is an error."""
    heading = re.compile(rf"^\s*{re.escape(amendment_words().amendment_word)}\s+(\d+)\s*:?\s*$")
    found: dict[int, list[str]] = {}
    current: list[str] | None = None
    for line_no, line in enumerate(text.splitlines(), start=1):
        match = heading.match(line)
        if match:
            number = int(match[1])
            if number in found:
                raise InputError(
                    f"{source}:{line_no}", f"a second justification of amendment {number}"
                )
            current = found[number] = []
        elif line.strip():
            if current is None:
                raise InputError(f"{source}:{line_no}", "text before the first 'Amendment N' line")
            current.append(line.strip())
    return tuple((number, "\n".join(lines)) for number, lines in found.items() if lines)


def read_justifications(path: str) -> tuple[tuple[int, str], ...]:
    """The justifications of a file (``-``: standard input)."""
    from amendtool.inputs import read_bytes
    from amendtool.textparse.normalise import decode

    source = "<stdin>" if path == "-" else path
    return parse_justifications(decode(read_bytes(path), source), source)


def check_numbers(notes: tuple[tuple[int, str], ...], report: ChangeReport, source: str) -> None:
    """A justification of an amendment the list does not have is an error, not ignored."""
    from amendtool.amendments.numbering import amendments

    count = len(amendments(report)) if notes else 0
    extra = [number for number, _ in notes if not 1 <= number <= count]
    if extra:
        raise InputError(
            source, f"a justification of amendment {extra[0]}, but the list has {count}"
        )
