"""Writing output: to standard output, or to a file atomically (all or nothing)."""

from __future__ import annotations

import os
import sys
import tempfile

from amendtool.errors import OutputError


def write_output(data: bytes, path: str | None) -> None:
    """Write ``data`` to ``path``; ``None`` or ``-`` means standard output.

    A file is written to a temporary sibling and renamed into place, so a failure
    never leaves a partial file behind.
    """
    if path is None or path == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(directory):
        raise OutputError(f"{path}: cannot write: directory {directory} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=".amendtool-", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        os.unlink(temporary)
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
