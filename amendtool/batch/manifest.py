"""``manifest.csv``: roles and groups given by hand, overriding what the documents say.

Columns ``procedure,file,role,group`` (a header line, in any order; ``group`` may be
empty). ``role`` is ``motion``, ``joint``, ``adopted`` or ``ignore`` (the file is left out
of its procedure). A row naming a folder or file that does not exist is an error: a typo
must not silently fall back to the documents' own roles.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from amendtool.errors import InputError

MANIFEST_NAME = "manifest.csv"
ROLES = ("motion", "joint", "adopted", "ignore")
COLUMNS = ("procedure", "file", "role", "group")


@dataclass(frozen=True)
class Override:
    """What the manifest says about one file."""

    role: str = ""  # one of ROLES, or "" to keep the document's own kind
    group: str = ""  # tabling group as written in the manifest, or ""


Overrides = dict[str, dict[str, Override]]  # procedure -> file name -> override


def read_manifest(directory: Path) -> Overrides:
    """The overrides of ``directory/manifest.csv`` (none when there is no manifest)."""
    path = directory / MANIFEST_NAME
    if not path.is_file():
        return {}
    label = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise InputError(label, f"cannot read file ({exc.strerror})") from None
    except UnicodeDecodeError:
        raise InputError(label, "not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in COLUMNS if name != "group" and name not in header]
    if missing:
        raise InputError(f"{label}:1", f"missing column(s) {', '.join(missing)}")
    reader.fieldnames = header
    overrides: Overrides = {}
    for row in reader:
        line = reader.line_num
        procedure, name = (row.get("procedure") or "").strip(), (row.get("file") or "").strip()
        role = (row.get("role") or "").strip().lower()
        group = (row.get("group") or "").strip()
        if not procedure or not name:
            raise InputError(f"{label}:{line}", "procedure and file must not be empty")
        if role and role not in ROLES:
            raise InputError(
                f"{label}:{line}", f"unknown role {role!r} (choose from {', '.join(ROLES)})"
            )
        if not (directory / procedure).is_dir():
            raise InputError(f"{label}:{line}", f"no procedure folder {procedure!r}")
        if not (directory / procedure / name).is_file():
            raise InputError(f"{label}:{line}", f"no file {name!r} in {procedure}")
        if name in overrides.get(procedure, {}):
            raise InputError(f"{label}:{line}", f"{procedure}/{name} is listed twice")
        overrides.setdefault(procedure, {})[name] = Override(role, group)
    return overrides
