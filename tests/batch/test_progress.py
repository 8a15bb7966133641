"""Progress: a tqdm bar on a terminal, one log line per procedure otherwise."""

from __future__ import annotations

import pytest


def test_progress_bar_on_a_terminal_and_lines_otherwise():
    pytest.importorskip("tqdm", reason="NO PROGRESS BAR TEST: install the batch extra")
    import io

    from amendtool.batch.progress import Progress
    from amendtool.batch.row import Row

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    bar = Progress(3, stream=terminal)
    for name in ("a", "b"):
        bar.done(Row(name, "ok"))
    bar.done(Row("c", "error", error="c/x.txt: binary file"))
    bar.close()
    shown = terminal.getvalue()
    assert "3/3" in shown and "procedure/s" in shown  # items done and rate (tqdm)
    assert "amendtool: c: error: c/x.txt: binary file" in shown
    plain = io.StringIO()
    lines = Progress(2, stream=plain)
    lines.done(Row("a", "ok"))
    lines.done(Row("b", "ok"), cached=True)
    assert plain.getvalue().splitlines() == [
        "amendtool: [1/2] a: ok",
        "amendtool: [2/2] b: unchanged, not recomputed",
    ]
