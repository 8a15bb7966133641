"""Coverage-guided fuzzing of the readers with atheris (``pip install atheris``).

    .venv/bin/python benchmarks/fuzz.py -max_total_time=300 benchmarks/fuzz-corpus

Every input is read as amendtool reads a file (DOCX, HTML, AKN XML or text, detected by
content). Bad input must end in an AmendtoolError (a one-line message, exit status 2);
any other exception is a finding and stops the run with its input saved by libFuzzer.
The corpus starts from the samples and the bad-input catalogue.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports():  # the readers import these lazily: instrument them now
    import amendtool.akn.reader
    import amendtool.akn.xmlsafe
    import amendtool.extract.docx_text
    import amendtool.extract.html_text
    import amendtool.textparse  # noqa: F401
    from amendtool.errors import AmendtoolError
    from amendtool.inputs import resolution_from_bytes


def one_input(data: bytes) -> None:
    with contextlib.suppress(AmendtoolError):  # a clean refusal is the right answer
        resolution_from_bytes(data, "fuzz")


def seed_corpus(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in [*(ROOT / "samples").glob("*.txt"), *(ROOT / "tests" / "data").rglob("*.*")]:
        if path.is_file() and path.stat().st_size < 200_000:
            shutil.copy(path, folder / path.name)


if __name__ == "__main__":
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), None)
    if corpus is not None:
        seed_corpus(corpus)
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
