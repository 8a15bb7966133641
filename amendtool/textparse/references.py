"""EP document numbers and procedure references as printed (language-independent)."""

from __future__ import annotations

import re

# B9-0999/2030, RC-B9-0999/2030, B9-0999/2030/REV1, A9-0099/2030 (reports),
# P9_TA(2030)0099, P9_TA-PROV(2030)0099, TA-9-2030-0099
NUMBER = re.compile(
    r"(?:RC-)?[AB]\d{1,2}-\d{4}/\d{4}(?:/REV\d*)?|P\d{1,2}_TA(?:-PROV)?\(\d{4}\)\d{4}"
    r"|TA-\d{1,2}-\d{4}-\d{4}"
)
PROCEDURE = re.compile(r"\d{4}/\d{4}\([A-Z]{3}\)")
# the two halves of a procedure reference split by a line break: "(2030/2999" + "(RSP))"
_SPLIT_HEAD = re.compile(r"\(?\d{4}/\d{4}\s*$")
_SPLIT_TAIL = re.compile(r"^\s*\([A-Z]{3}\)\)?")


def find_numbers(text: str) -> list[str]:
    """EP document numbers in ``text``, in order."""
    return [m.group(0) for m in NUMBER.finditer(text)]


def find_procedure(text: str) -> str:
    """The first procedure reference (``2030/2999(RSP)``) in ``text``, or ``""``.

    An emptied ``()`` (a broken mirror deleted the reference) is no procedure.
    """
    match = PROCEDURE.search(text)
    return match.group(0) if match else ""


def joins_split_procedure(line: str, next_line: str) -> bool:
    """Whether ``line`` ends with the first half of a procedure reference that
    ``next_line`` completes."""
    return bool(_SPLIT_HEAD.search(line) and _SPLIT_TAIL.match(next_line))
