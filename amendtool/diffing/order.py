"""Sanity checks on the order of the drafts a comparison is given."""

from __future__ import annotations

from amendtool.model import Meta


def order_warnings(old: Meta, new: Meta) -> list[str]:
    """A warning when the old draft is dated after the new one (arguments swapped?)."""
    if old.date and new.date and old.date > new.date:
        return [
            f"the old draft is dated {old.date}, after the new one ({new.date}): "
            "were the drafts given in the wrong order (OLD first, then NEW)?"
        ]
    return []
