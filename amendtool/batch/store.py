"""OUT/<procedure>/: each procedure's reports and ``row.json``, written all at once.

Invariants:

1. A procedure folder in OUT is complete or absent: its files are written into a hidden
   temporary folder (``OUT/.tmp-*``), ``row.json`` last, then swapped in by renames.
   An interrupted run leaves only temporary folders, which the next run removes.
2. A folder's ``row.json`` records the content hash of the inputs it was made from; an
   unchanged procedure is not computed again (unless forced), and a transient failure
   (``cacheable`` false) always is.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from amendtool.batch.row import Row
from amendtool.batch.work import Outcome
from amendtool.errors import OutputError

ROW_FILE = "row.json"
TEMP_PREFIX = ".tmp-"
FOLDER_MODE = 0o755  # mkdtemp makes 0o700; reports are for sharing


class OutputStore:
    """The output folder of a batch run."""

    def __init__(self, root: Path) -> None:
        self.root = root
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{root}: cannot create the output folder ({exc.strerror})") from None

    def remove_leftovers(self) -> None:
        """Delete the temporary folders an interrupted run left behind."""
        for entry in self.root.iterdir():
            if entry.name.startswith(TEMP_PREFIX) and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)

    def row(self, procedure: str) -> Row | None:
        """The stored row of ``procedure`` (None when there is none or it is unreadable)."""
        path = self.root / procedure / ROW_FILE
        try:
            return Row.from_json(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def write(self, outcome: Outcome) -> None:
        """Replace OUT/<procedure>/ with the outcome's files and row, all or nothing."""
        target = self.root / outcome.row.procedure
        temporary = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.root))
        try:
            temporary.chmod(FOLDER_MODE)
            for name, data in outcome.files:
                (temporary / name).write_bytes(data)
            row = json.dumps(outcome.row.to_json(), ensure_ascii=False, indent=1)
            (temporary / ROW_FILE).write_text(row + "\n", encoding="utf-8")
            if target.exists():
                old = Path(tempfile.mkdtemp(prefix=TEMP_PREFIX, dir=self.root))
                os.replace(target, old / "previous")
                os.replace(temporary, target)
                shutil.rmtree(old, ignore_errors=True)
            else:
                os.replace(temporary, target)
        except OSError as exc:
            shutil.rmtree(temporary, ignore_errors=True)
            raise OutputError(f"{target}: cannot write ({exc.strerror})") from None
        except BaseException:
            shutil.rmtree(temporary, ignore_errors=True)
            raise
