"""Pausing Python's cyclic garbage collector during the bulk stages of a run.

Reading, aligning and rendering a large draft create millions of small objects (tuples,
strings, dataclasses) that live until the stage ends and hold no reference cycles, which
reference counting frees. The cyclic collector still walks them again and again as they
age (at 4 MB, more than half of the run was spent there; issue 11). Pausing it during a
stage and letting it run once afterwards keeps the work linear.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the ``with`` block (nesting is fine)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
