"""diff-match-patch on two sequences of token keys, in compiled code.

Each distinct key becomes one character (supplementary planes, in order of first
appearance), and Google's diff-match-patch runs on the two strings with semantic cleanup
and no time limit (deterministic). The C++ implementation (``fast-diff-match-patch``) gives
the same scripts as the pure-Python package on every clause pair of the benchmark drafts
and the test data, several times faster (issue 11).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from itertools import chain

FIRST_CODE_POINT = 0x10000  # supplementary planes: room for a million distinct keys
_OPERATIONS = {"=": 0, "-": -1, "+": 1}


def encode(old: Sequence[Hashable], new: Sequence[Hashable]) -> tuple[str, str]:
    """Both sides as strings, one character per distinct key (first appearance first)."""
    code = dict.fromkeys(chain(old, new), "")
    for n, key in enumerate(code, FIRST_CODE_POINT):
        code[key] = chr(n)
    return "".join(map(code.__getitem__, old)), "".join(map(code.__getitem__, new))


def edit_script(old: Sequence[Hashable], new: Sequence[Hashable]) -> list[tuple[int, int]]:
    """(operation, number of keys) runs turning ``old`` into ``new``: 0 equal, -1 delete,
    1 insert, as diff-match-patch's ``diff_main`` + ``diff_cleanupSemantic`` give them."""
    import fast_diff_match_patch

    old_codes, new_codes = encode(old, new)
    runs = fast_diff_match_patch.diff(
        old_codes, new_codes, timelimit=0, checklines=False, cleanup="Semantic", counts_only=True
    )
    return [(_OPERATIONS[operation], count) for operation, count in runs]
