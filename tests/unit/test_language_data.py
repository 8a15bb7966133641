"""The language data (amendtool/data/*.json): every official EU language has every key."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from amendtool import lang
from amendtool.model import DocKind

# the 24 official languages of the EU (ISO 639-1)
OFFICIAL = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr",
    "hu", "it", "lt", "lv", "mt", "nl", "pl", "pt", "ro", "sk", "sl", "sv",
]  # fmt: skip


def test_every_official_language_is_in_the_data() -> None:
    assert sorted(language.code for language in lang.languages()) == OFFICIAL


@pytest.mark.parametrize("code", OFFICIAL)
def test_every_language_has_every_key(code: str) -> None:
    table = lang.language(code).table
    missing = [key for key in lang.REQUIRED_KEYS if key not in table]
    assert missing == [], f"{code} lacks {missing}"
    for key in set(lang.REQUIRED_KEYS) - set(lang.MAY_BE_EMPTY):
        assert table[key], f"{code}: {key} is empty"


@pytest.mark.parametrize("code", OFFICIAL)
def test_every_language_has_well_formed_entries(code: str) -> None:
    language = lang.language(code)
    table = language.table
    assert len(table["months"]) == 12
    assert len(table["month_forms"]) == 12
    assert set(table["kinds"]) == {kind.value for kind in DocKind}
    assert set(table["kind_names"]) == {kind.value for kind in DocKind}
    assert all("{group}" in template for template in table["on_behalf"])
    assert "{rule}" in table["rule_line"]
    assert len(table["weekdays"]) >= 7
    assert len(language.alpha3) == 3
    for key, value in table.items():
        if isinstance(value, list) and value and isinstance(value[0], str):
            assert all(v == v.strip() and v for v in value), f"{code}: {key} has blank or padded"


def test_every_language_names_its_own_month() -> None:
    for language in lang.languages():
        numbers = [lang.month_number(m, language.code) for m in language.months]
        assert numbers == list(range(1, 13)), language.code


def test_language_codes_both_ways() -> None:
    assert [lang.alpha3(code) for code in ("en", "fr", "ga", "xx")] == ["eng", "fra", "gle", "eng"]
    assert [lang.alpha2(code) for code in ("eng", "FRA", "ger", "gle", "en", "zzz")] == [
        "en",
        "fr",
        "de",
        "ga",
        "en",
        "en",
    ]


def test_kind_names_come_from_one_place() -> None:
    assert lang.kind_name(DocKind.JOINT_MOTION) == "joint motion for a resolution"
    assert lang.kind_title(DocKind.MOTION) == "Motion for a resolution"
    assert lang.kind_name(DocKind.RESOLUTION, "de") == "Entschließung"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_akn_code_does_not_depend_on_the_text_reader() -> None:
    akn = Path(lang.__file__).parent / "akn"
    modules = sorted(akn.glob("*.py"))
    assert len(modules) > 5, akn  # the folder is really there
    offenders = {
        path.name: sorted(n for n in _imports(path) if n.startswith("amendtool.textparse"))
        for path in modules
    }
    assert {name: found for name, found in offenders.items() if found} == {}
    # nor through a module they import (amendtool.dates, amendtool.lang ...)
    names = ", ".join(f"amendtool.akn.{path.stem}" for path in modules if path.stem != "__init__")
    code = (
        f"import sys, {names}; "
        "print(sorted(m for m in sys.modules if m.startswith('amendtool.textparse')))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert output.strip() == "[]"


def test_renderers_do_not_spell_out_kind_names() -> None:
    renderers = Path(lang.__file__).parent / "renderers"
    modules = sorted(renderers.glob("*.py"))
    assert len(modules) > 5, renderers  # the folder is really there
    # the names of more than one word ("motion for a resolution"); one word ("resolution")
    # is also an identifier
    names = {
        name
        for language in lang.languages()
        for kind in DocKind
        if " " in (name := lang.kind_name(kind, language.code))
    }
    assert "joint motion for a resolution" in names
    for path in modules:
        literals = _string_literals(path)
        spelled = sorted(name for name in names if name.lower() in literals)
        assert spelled == [], path


def _string_literals(path: Path) -> set[str]:
    """The string constants of a module, lower case, without its docstrings."""
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return {
        node.value.lower()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    }
