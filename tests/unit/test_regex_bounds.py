"""Every regular expression amendtool runs takes time linear in its input.

Python's ``re`` cannot count backtracking steps, so each pattern is run through the
``regex`` module (same syntax) with a timeout as a guard, never as a measurement: on
the inputs below a linear pattern finishes in milliseconds, while a backtracking one
runs into the timeout (the old page-footer pattern took 117 s on the first case, the old
template-tag pattern 44 s on the second, the old token pattern minutes on blank runs).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Iterator

import pytest

import amendtool
from amendtool.textparse import notes, page_noise
from amendtool.textparse.phrases import all_languages

regex = pytest.importorskip("regex")

GUARD_SECONDS = 3.0  # a linear pattern needs well under 0.1 s for any case here
AUDIT_SIZE = 20_000  # characters of each generic hostile input
# Repeated, these make a pattern with overlapping quantifiers backtrack: pieces of the
# page furniture, clause markers, notes, tags and blank runs.
HOSTILE_UNITS = (
    "1/1 ", "<Date ", " ", "a", "a ", "1", "1.", "(1)", "(a)", "[1]", "- ", "A. ",
    "Rule 1 ", "File Type:", "RC\\1", ".", ",", "a'", "}", "{", "<", "United in ",
    "EN ", "1 a ", ")", "a-", "PE", "PE ",
)  # fmt: skip


def _module_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for info in pkgutil.walk_packages(amendtool.__path__, "amendtool."):
        if info.name.endswith("__main__") or info.name.startswith(("amendtool.web",)):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                yield f"{info.name}.{name}", value
            elif callable(value) and hasattr(value, "cache_info"):  # cached pattern builders
                try:
                    built = value()
                except TypeError:  # takes arguments
                    continue
                if isinstance(built, re.Pattern) and isinstance(built.pattern, str):
                    yield f"{info.name}.{name}()", built
            elif isinstance(value, tuple):  # tables of (pattern, reason)
                for index, item in enumerate(value):
                    if isinstance(item, tuple) and item and isinstance(item[0], re.Pattern):
                        yield f"{info.name}.{name}[{index}]", item[0]


def _language_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    for phrases in all_languages():
        for attribute in dir(type(phrases)):
            if attribute.startswith("_"):
                continue
            value = getattr(phrases, attribute)
            if isinstance(value, re.Pattern):
                yield f"{phrases.code}.{attribute}", value
            elif isinstance(value, tuple):
                for index, item in enumerate(value):
                    if isinstance(item, tuple) and isinstance(item[-1], re.Pattern):
                        yield f"{phrases.code}.{attribute}[{index}]", item[-1]
        yield f"{phrases.code}.clause_markers", page_noise._marker_pattern(phrases)


def _all_patterns() -> dict[str, re.Pattern[str]]:
    found = dict(_module_patterns())
    found.update(_language_patterns())
    return found


def _guarded(pattern: re.Pattern[str], text: str) -> None:
    compiled = regex.compile(pattern.pattern, pattern.flags & ~re.UNICODE)
    for _ in compiled.finditer(text, timeout=GUARD_SECONDS):
        pass


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (page_noise._FOOTER, "Calls on the Commission. PE " + "1/1 " * 22_500),  # 90 KB
        (page_noise._TEMPLATE_TAG, "<Date " * 82_000),  # 490 KB
        (page_noise._TEMPLATE_TAG, "<Date " + "x" * 490_000),
        (page_noise._FOOTER, "File Type:" * 9_000),
        (page_noise._FOOTER, "RC\\" + "1" * 90_000),
    ],
    ids=["footer-pieces", "template-tags", "unclosed-tag", "file-type", "long-reference"],
)
def test_the_patterns_of_issue_17_are_linear(pattern: re.Pattern[str], text: str) -> None:
    _guarded(pattern, text)


def test_every_pattern_is_linear_on_repeated_pieces() -> None:
    patterns = _all_patterns()
    assert len(patterns) > 100  # module tables and the phrases of 24 languages
    slow = []
    for name, pattern in patterns.items():
        for unit in HOSTILE_UNITS:
            try:
                _guarded(pattern, unit * (AUDIT_SIZE // len(unit)))
            except TimeoutError:
                slow.append((name, unit))
    assert slow == []


def test_the_guard_catches_a_backtracking_pattern() -> None:
    # the old footer pattern: unbounded weak pieces before the strong one
    strong = (
        r"RC\\\d{5,}[A-Z]{2}\.docx?|[A-Z]{2}\\\d{5,}[A-Z]{2}\.docx?|PE\s?\d{3}\.\d{3}v\d{2}-\d{2}|"
        r"(?:[A-Z]{2}\s+)?(?:United in diversity)(?:\s*[A-Z]{2}\b)?"
    )
    weak = r"\d{1,3}/\d{1,3}|\}|RC1|Total Page:\s*\d+|File Type:\s*\S+(?:,\s*Size:\s*\S+)?"
    old_footer = re.compile(rf"(?:(?:{weak})\s+)*(?:{strong})(?:\s+(?:{strong}|{weak}))*")
    with pytest.raises(TimeoutError):
        _guarded(old_footer, "PE " + "1/1 " * 4_000)


def test_footnote_markers_search_a_bounded_window(monkeypatch) -> None:
    searched: list[int] = []
    real = notes._legal_reference_before()

    class Counting:
        def search(self, text: str) -> re.Match[str] | None:
            searched.append(len(text))
            return real.search(text)

    monkeypatch.setattr(notes, "_legal_reference_before", Counting)
    text = "Calls on the Member States (1), " * 5_000
    clean, found = notes.extract_notes(text)
    assert len(found) == 5_000 and "(1)" not in clean
    assert max(searched) <= notes.REFERENCE_WINDOW  # the old code searched the whole prefix
    assert notes.extract_notes("under Article 5 (2), and the Council (3).")[1][0].marker == "3"
