"""A typed front for lxml's ElementMaker: ``E.tag(children, attr=value)`` -> an element.

lxml ships no type information for :mod:`lxml.builder`; this wrapper gives every
``E.<tag>(...)`` call the type ``etree._Element`` so callers stay strictly typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from lxml import etree
from lxml.builder import ElementMaker


class Maker:
    """Element factory: ``maker.paragraph(...)`` builds a ``paragraph`` element."""

    def __init__(self, **settings: Any) -> None:
        self._maker = ElementMaker(**settings)

    def __getattr__(self, tag: str) -> Callable[..., etree._Element]:
        return cast(Callable[..., etree._Element], getattr(self._maker, tag))

    def __call__(self, tag: str, *children: Any, **attributes: Any) -> etree._Element:
        return cast(etree._Element, self._maker(tag, *children, **attributes))
