"""Progress: a bar on a terminal (tqdm: items done, rate, time left), log lines otherwise."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any, TextIO

from amendtool.batch.row import OK, Row


class Progress:
    """Reports each finished procedure."""

    def __init__(self, total: int, bar: bool | None = None, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.count = 0
        use_bar = self.stream.isatty() if bar is None else bar
        use_bar = use_bar and importlib.util.find_spec("tqdm") is not None  # else log lines
        self.bar: Any = None
        if use_bar:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="procedure", file=self.stream, dynamic_ncols=True)

    def _line(self, text: str) -> None:
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream, flush=True)

    def done(self, row: Row, cached: bool = False) -> None:
        """One procedure finished (``cached``: unchanged since the last run)."""
        self.count += 1
        what = "ok" if row.status == OK else f"error: {row.error}"
        if cached:
            what = "unchanged, not recomputed" + ("" if row.status == OK else f": {what}")
        if self.bar is not None:
            if row.status != OK:
                self._line(f"amendtool: {row.procedure}: {what}")
            self.bar.update(1)
        else:
            self._line(f"amendtool: [{self.count}/{self.total}] {row.procedure}: {what}")

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
