"""amendtool's profile rules on clauses, checked in one pass over the document.

These rules were Schematron assertions (``count(preceding-sibling::...)``, "the previous
numbered sibling") whose cost grew with the square of the clauses: 25 s at 1 MB, beyond
300 s at 4 MB. Here each rule is a comparison with the previous sibling, remembered while
walking the tree once, so validation time is linear. The rule ids and messages are the
Schematron ones (akn_schemas/ep_resolution.sch keeps the document-level rules);
tests/unit/test_profile_rules.py checks that both give the same answers, but for one
deliberate change: the lettering rule applies to single capital letters only (the XPath
rule took a recital numbered "(2)" or "b" for one out of sequence, so that AKN from other
tools with numbered recitals, as in EU acts, failed validation once converted).

Rules: ``clause-has-text``, ``section-not-empty``, ``citation-eid``, ``recital-eid``,
``paragraph-eid``, ``point-eid``, ``paragraph-sequence``, ``recital-sequence``.
"""

from __future__ import annotations

import math
import re

from lxml import etree

from amendtool.akn import AKN_NS
from amendtool.akn.schema import Problem

_CLAUSES = {"citation", "recital", "paragraph", "point"}
_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_XML_WORDS = re.compile(r"[^ \t\r\n]+")
_XPATH_NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")


def _name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith(f"{{{AKN_NS}}}"):
        return ""
    return tag[len(AKN_NS) + 2 :]


def _string(element: etree._Element | None) -> str:
    """XPath string value."""
    return "".join(str(text) for text in element.itertext()) if element is not None else ""


def _normalize_space(text: str) -> str:
    """XPath ``normalize-space()``: XML white space only."""
    return " ".join(_XML_WORDS.findall(text))


def _qualified(element: etree._Element) -> str:
    """Schematron ``<name/>``: the name as written, with its prefix."""
    local = etree.QName(element).localname
    return f"{element.prefix}:{local}" if element.prefix else local


def _num(element: etree._Element) -> etree._Element | None:
    for child in element:
        if _name(child) == "num":
            return child
    return None


def _xpath_number(text: str) -> float | None:
    """XPath 1.0 ``number()``: None for NaN."""
    found = _XPATH_NUMBER.fullmatch(text.strip(" \t\r\n"))
    return float(found.group()) if found else None


def _shown(number: float) -> str:
    """How XPath 1.0 ``string()`` writes a number."""
    if math.isinf(number):
        return "Infinity" if number > 0 else "-Infinity"
    return str(int(number)) if number == int(number) else repr(number)


class _Walk:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def fail(self, element: etree._Element, rule: str, message: str) -> None:
        line = element.sourceline
        where = line if isinstance(line, int) else 0
        self.problems.append(Problem(where, " ".join(message.split()), rule))

    def clause(self, element: etree._Element, name: str) -> None:
        num = _num(element)
        if _normalize_space(_string(element)) == _normalize_space(_string(num)):
            shown = f"{_qualified(element)} {element.get('eId', '')}"
            self.fail(element, "clause-has-text", f"{shown} has no text")

    def section(self, element: etree._Element, name: str) -> None:
        if not any(isinstance(child.tag, str) for child in element):
            self.fail(element, "section-not-empty", f"{_qualified(element)} must not be empty")
        if name == "citations":
            self.citations(element)
        else:
            self.recitals(element)

    def citations(self, section: etree._Element) -> None:
        position = 0
        for child in section:
            if _name(child) != "citation":
                continue
            position += 1
            eid = child.get("eId")
            if eid != f"cit_{position}":
                self.fail(
                    child,
                    "citation-eid",
                    f"citation {position} must have eId cit_{position}, not '{eid or ''}'",
                )

    def recitals(self, section: etree._Element) -> None:
        previous: str | None = None  # the last single-letter recital number seen
        previous_num = ""  # ... as printed
        for child in section:
            if _name(child) != "recital":
                continue
            num = _num(child)
            if num is not None:
                self.numbered_eid(child, _string(num), "rec_", "recital")
            letter = _string(num).replace(".", "")
            if len(letter) != 1 or letter not in _ALPHABET:
                continue  # numbered (1), (2) or lower-case recitals of other tools: no rule
            if previous is not None and _ALPHABET.index(letter) != _ALPHABET.index(previous) + 1:
                self.fail(
                    child,
                    "recital-sequence",
                    f"recital {_string(num)} follows recital {previous_num}: "
                    "lettering is out of sequence",
                )
            previous, previous_num = letter, _string(num)

    def numbered_eid(self, element: etree._Element, num: str, prefix: str, name: str) -> None:
        expected = prefix + num.replace(".", "").replace(" ", "")
        eid = element.get("eId") or ""
        if not eid.startswith(expected):
            shown = num.replace(".", "").replace(" ", "")
            self.fail(
                element,
                f"{name}-eid",
                f"{name} {num} must have eId {prefix}{shown}, not '{eid}'",
            )

    def main_body(self, body: etree._Element) -> None:
        previous: float | None = None
        for child in body:
            if _name(child) != "paragraph":
                continue
            num = _num(child)
            if num is None:
                continue
            self.numbered_eid(child, _string(num), "para_", "paragraph")
            number = _xpath_number(_string(num).replace(".", ""))
            if number is None:
                continue
            if previous is not None and number != previous + 1:
                self.fail(
                    child,
                    "paragraph-sequence",
                    f"paragraph {_shown(number)} follows paragraph {_shown(previous)}: "
                    "numbering is out of sequence",
                )
            previous = number

    def point(self, element: etree._Element, parent_eid: str) -> None:
        eid = element.get("eId") or ""
        if not eid.startswith(f"{parent_eid}__point_"):
            self.fail(
                element,
                "point-eid",
                f"point {eid} must be named after its parent ({parent_eid}__point_x)",
            )


def clause_problems(tree: etree._ElementTree) -> list[Problem]:
    """Problems of the clause rules, in document order; one pass, linear time."""
    walk = _Walk()
    # (element, eId of the nearest paragraph-or-point ancestor) for the point rule
    stack: list[tuple[etree._Element, str]] = [(tree.getroot(), "")]
    while stack:
        element, owner = stack.pop()
        name = _name(element)
        if name in _CLAUSES:
            walk.clause(element, name)
        if name == "point":
            walk.point(element, owner)
        elif name in ("citations", "recitals"):
            walk.section(element, name)
        elif name == "mainBody":
            walk.main_body(element)
        if name in ("paragraph", "point"):
            owner = element.get("eId") or ""
        stack.extend((child, owner) for child in reversed(element))
    return walk.problems
