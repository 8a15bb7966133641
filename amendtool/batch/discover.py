"""The procedures of an archive folder and the work items sent to the workers.

Invariants:

1. Every sub-folder of DIR whose name does not start with ``.`` is one procedure; its
   regular files (not hidden) are its inputs, whatever their names.
2. A :class:`WorkItem` carries file names and bytes only, never a path: a worker on
   another machine needs no access to DIR.
3. ``input_hash`` changes when any input byte, any manifest override or the program
   version changes, and only then (not with the date: a report made yesterday from the
   same inputs is current, and says when it was made).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from amendtool import __version__
from amendtool.batch.manifest import Override, Overrides
from amendtool.errors import InputError
from amendtool.inputs import read_bytes

# Bump when the reports or the row change shape, so older outputs are recomputed.
BATCH_FORMAT_VERSION = 1
# Names the summary files take in OUT: a procedure folder cannot have them.
RESERVED_NAMES = frozenset({"index.html", "summary.csv", "summary.json"})


@dataclass(frozen=True)
class InputFile:
    """One file of a procedure: its name in the folder, its bytes, any manifest override."""

    name: str
    data: bytes = field(repr=False)
    override: Override = field(default_factory=Override)


@dataclass(frozen=True)
class WorkItem:
    """Everything a worker needs to process one procedure."""

    procedure: str
    files: tuple[InputFile, ...]
    input_hash: str
    notes: tuple[str, ...] = ()  # warnings found while listing the folder
    markup_date: str = ""  # the date reports carry, fixed once per run ("" = the worker's today)


@dataclass(frozen=True)
class Procedure:
    """One procedure folder, before its files are read."""

    name: str
    folder: Path
    files: tuple[str, ...]
    notes: tuple[str, ...] = ()


def find_procedures(directory: Path) -> list[Procedure]:
    """The procedure folders of ``directory``, sorted by name."""
    procedures = []
    for folder in sorted(directory.iterdir(), key=lambda p: p.name):
        if folder.name.startswith(".") or not folder.is_dir():
            continue
        files, notes = [], []
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                notes.append(f"sub-folder {entry.name}/ not read")
            else:
                files.append(entry.name)
        procedures.append(Procedure(folder.name, folder, tuple(files), tuple(notes)))
    return procedures


def content_hash(files: list[tuple[str, bytes, Override]]) -> str:
    """The hash that decides whether a procedure must be computed again."""
    digest = hashlib.sha256()
    header = {"batch": BATCH_FORMAT_VERSION, "amendtool": __version__}
    digest.update(json.dumps(header, sort_keys=True).encode())
    for name, data, override in sorted(files, key=lambda f: f[0]):
        entry = [name, override.role, override.group, hashlib.sha256(data).hexdigest()]
        digest.update(json.dumps(entry).encode())
    return digest.hexdigest()


def load(procedure: Procedure, overrides: Overrides, markup_date: str = "") -> WorkItem:
    """Read the files of ``procedure``; InputError names the file that cannot be read."""
    chosen = overrides.get(procedure.name, {})
    loaded = []
    for name in procedure.files:
        data = read_bytes(str(procedure.folder / name))
        loaded.append((name, data, chosen.get(name, Override())))
    files = tuple(InputFile(name, data, override) for name, data, override in loaded)
    return WorkItem(procedure.name, files, content_hash(loaded), procedure.notes, markup_date)


def iter_items(
    procedures: list[Procedure], overrides: Overrides, markup_date: str = ""
) -> Iterator[WorkItem | tuple[Procedure, InputError]]:
    """Work items one at a time (only the ones in flight are held in memory)."""
    for procedure in procedures:
        try:
            yield load(procedure, overrides, markup_date)
        except InputError as problem:
            yield procedure, problem
