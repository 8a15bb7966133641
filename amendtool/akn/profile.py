"""amendtool's own profile rules for EP resolutions.

Document-level rules are Schematron (akn_schemas/ep_resolution.sch); the rules on every
clause are checked in one linear pass by :mod:`amendtool.akn.profile_rules`.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from lxml import etree
from lxml.isoschematron import Schematron

from amendtool.akn.profile_rules import clause_problems
from amendtool.akn.schema import Problem, source_line

_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


@cache
def _profile() -> Schematron:
    rules = resources.files("amendtool.akn").joinpath("ep_resolution.sch").read_bytes()
    return Schematron(etree.fromstring(rules), store_report=True)


def profile_problems(tree: etree._ElementTree) -> list[Problem]:
    """Failed profile assertions, each located by the line of the offending element."""
    problems = clause_problems(tree)
    schematron = _profile()
    if schematron.validate(tree):
        return problems
    for failure in schematron.validation_report.getroot().iterfind("svrl:failed-assert", _SVRL):
        location = failure.get("location", "")
        hits = tree.getroot().xpath(location) if location else []
        line = source_line(hits[0]) if isinstance(hits, list) and hits else 0
        text = " ".join("".join(failure.itertext()).split())
        problems.append(Problem(line or 0, text, failure.get("id", "profile")))
    return problems
