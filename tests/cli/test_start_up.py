"""What a text diff imports: start-up is the largest fixed cost of a command (issue 11).

Each check runs in a fresh interpreter and looks only at the modules imported after the
interpreter's own start (``site``), so that it holds however the project is installed.
"""

from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT, SAMPLES

V1, V2 = SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt"

# Modules a diff of two text files never uses: the PDF and Word readers, the XML library,
# importlib.resources (pathlib, urllib, zipfile come with it) and, with the report on
# standard output, tempfile (shutil, bz2, lzma come with it).
NOT_FOR_A_TEXT_DIFF = (
    "amendtool.extract.pdf_text",
    "amendtool.extract.docx_text",
    "pdfminer",
    "docx",
    "lxml",
    "importlib.resources",
    "zipfile",
    "tempfile",
    "shutil",
)


def _imported_by(code: str) -> list[str]:
    """The modules ``code`` imports (run in a new interpreter from the project root)."""
    program = (
        f"import sys\nbefore = set(sys.modules)\n{code}\nprint(sorted(set(sys.modules) - before))"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    names: list[str] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return names


def test_a_text_diff_imports_no_reader_of_other_formats() -> None:
    imported = _imported_by(
        "import amendtool.cli\n"
        "from amendtool.diffing import compare\n"
        "from amendtool.renderers.registry import render_bytes\n"
        f"render_bytes(compare({str(V1)!r}, {str(V2)!r}), 'text')\n"
        f"render_bytes(compare({str(V1)!r}, {str(V2)!r}), 'json')"
    )
    assert "amendtool.textparse" in imported  # the diff really ran
    assert "orjson" in imported
    unneeded = [
        name
        for name in imported
        if any(name == banned or name.startswith(f"{banned}.") for banned in NOT_FOR_A_TEXT_DIFF)
    ]
    assert unneeded == []


def test_the_readers_are_imported_before_the_reading_worker_is_forked() -> None:
    # Imported after the fork, the text reader's modules (20 ms) would be imported twice:
    # in this process and in the worker.
    imported = _imported_by(
        "import amendtool.diffing as diffing, amendtool.parallel as parallel\n"
        "seen = []\n"
        "def forked_map(function, items, *args):\n"
        "    seen.append('amendtool.textparse' in sys.modules)\n"
        "    return [function(item) for item in items]\n"
        "parallel.forked_map = forked_map\n"
        f"diffing.load_drafts([{str(V1)!r}, {str(V2)!r}], jobs=2)\n"
        "assert seen == [True], seen"
    )
    assert "amendtool.inputs" in imported


def test_the_installed_package_is_found_without_an_import_hook() -> None:
    # pyproject.toml's package-dir makes `pip install -e .` a plain path entry; setuptools'
    # finder for flat layouts costs about 10 ms of every start (an older venv: reinstall).
    program = "import sys; print(sorted(m for m in sys.modules if m.startswith('__editable__')))"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
