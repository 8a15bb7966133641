"""All checks of an AKN document: official XSD, local references, amendtool's profile."""

from __future__ import annotations

from lxml import etree

from amendtool.akn.profile import profile_problems
from amendtool.akn.schema import Problem, unresolved_references, xsd_problems


def validate_tree(tree: etree._ElementTree, profile: bool = True) -> list[Problem]:
    """Every problem found, sorted by line; empty when the document is valid."""
    problems = xsd_problems(tree) + unresolved_references(tree)
    if profile:
        problems += profile_problems(tree)
    return sorted(problems, key=lambda p: p.line)
