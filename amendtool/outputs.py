"""Writing output: to standard output, or to a file atomically (all or nothing).

Guarantees of :func:`write_output`:

1. An input file is never written: an output path that is an input (same path, a hard or
   symbolic link to it) is refused before anything is written.
2. A regular file is replaced atomically (temporary sibling, then rename); the temporary
   file is removed on any failure, Ctrl-C and SIGTERM included (the CLI turns SIGTERM
   into an exception so that clean-up runs).
3. A new file gets the mode an editor would give it (0666 less the umask); an
   overwritten file keeps its mode.
4. A symbolic link is followed: the file it points to is replaced, the link stays. A FIFO
   or a device (``-o /dev/stdout``) is written through, never replaced by a regular file.
5. On a terminal, control characters are shown as escapes (see :mod:`amendtool.safe_chars`).

:func:`write_output_from` gives the same guarantees to output that is written as it is
made: a regular file receives each part from a second thread while the next part is made.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
import threading
from collections.abc import Callable, Iterable
from queue import SimpleQueue
from typing import BinaryIO, cast

from amendtool.errors import OutputError
from amendtool.safe_chars import visible

# Paths that name an open file of this process (/dev/stdout, /dev/fd/1, /proc/self/fd/1):
# written through even when they lead to a regular file, which the shell holds open.
_SPECIAL_DIRECTORIES = ("/dev/", "/proc/")


class BrokenPipe(OutputError):
    """Standard output was closed by its reader (``amendtool ... | head``)."""


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def refuse_inputs(path: str, inputs: Iterable[str]) -> None:
    """OutputError when ``path`` is one of the regular files in ``inputs``."""
    if not os.path.exists(path):
        return
    for source in inputs:
        if source == "-" or not os.path.isfile(source):
            continue
        if os.path.samefile(path, source):
            raise OutputError(f"{path}: refusing to write the output onto the input file {source}")


def _write_stdout(data: bytes) -> None:
    stream = sys.stdout.buffer
    if sys.stdout.isatty():
        data = visible(data.decode("utf-8", "replace"), keep_sgr=True).encode("utf-8")
    try:
        stream.flush()
        try:
            descriptor = stream.fileno()
        except (OSError, ValueError):  # not a file (a test's buffer): it takes all or raises
            descriptor = -1
        if descriptor < 0:
            written = stream.write(data)
        else:  # a buffered write can stop short at a closed pipe without an error
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            written = len(data)
    except BrokenPipeError:
        written = -1
    if written != len(data):
        raise BrokenPipe("<stdout>: broken pipe (the reader stopped reading)")


def _write_through(data: bytes, path: str) -> None:
    try:
        with open(path, "wb") as stream:
            stream.write(data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None


def _replace_atomically(produce: Produce, path: str, mode: int) -> None:
    import tempfile  # not at start-up: it brings shutil, random, bz2 and lzma (issue 11)

    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix=".amendtool-", dir=directory)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(handle, "wb", buffering=0) as stream:
            writer = _BackgroundWriter(stream.fileno())
            try:
                produce(cast(BinaryIO, writer))
            except BaseException:
                writer.abandon()
                raise
            writer.close()
            writer.raise_error()
            os.fchmod(stream.fileno(), mode)
        os.replace(temporary, path)
    except BaseException as exc:  # Ctrl-C and SIGTERM too: never leave the temporary file
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        raise


# What makes an output: it writes the bytes to the stream it is given, in order.
Produce = Callable[[BinaryIO], None]


class _BackgroundWriter(io.RawIOBase):
    """A write-only stream whose bytes a second thread writes to a file descriptor.

    Writing a large report into a file costs the kernel about as much as a tenth of
    making it (23 MB of JSON at 4 MB a draft: 0.02 to 0.08 s); the thread writes one part
    while the next is made, since Python lets other threads run during a write. The first
    error stops the writing; it is raised by the next :meth:`write` and by
    :meth:`raise_error`.
    """

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._descriptor = descriptor
        self._parts: SimpleQueue[bytes | memoryview | None] = SimpleQueue()
        self._error: OSError | None = None
        self._abandoned = False  # the output failed: parts not yet written are dropped
        self._thread = threading.Thread(target=self._drain, name="amendtool-writer", daemon=True)
        self._thread.start()

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        self.raise_error()
        part = memoryview(data)
        if not part.readonly:  # a buffer the caller may change after this call: copied
            part = memoryview(part.tobytes())
        self._parts.put(part.cast("B"))
        return part.nbytes

    def _drain(self) -> None:
        while (part := self._parts.get()) is not None:
            view = memoryview(part)
            while view and self._error is None and not self._abandoned:
                try:
                    view = view[os.write(self._descriptor, view) :]
                except OSError as exc:
                    self._error = exc

    def close(self) -> None:
        """Wait until every part written before is in the file (or the writing failed)."""
        if not self.closed:
            self._parts.put(None)
            try:
                self._thread.join()
            except BaseException:  # Ctrl-C while waiting: the file is not to be finished
                self._abandoned = True
                raise
        super().close()

    def abandon(self) -> None:
        """Drop what is not written yet and wait for the thread (the output failed)."""
        self._abandoned = True
        self.close()

    def raise_error(self) -> None:
        if self._error is not None:
            raise self._error


def write_output(data: bytes, path: str | None, inputs: Iterable[str] = ()) -> None:
    """Write ``data`` to ``path``; ``None`` or ``-`` means standard output.

    ``inputs`` are the files the output was made from: writing onto one is refused.
    """

    def produce(stream: BinaryIO) -> None:
        stream.write(data)

    write_output_from(produce, path, inputs)


def write_output_from(produce: Produce, path: str | None, inputs: Iterable[str] = ()) -> None:
    """Write what ``produce`` writes to a stream to ``path``, as :func:`write_output` does.

    A regular file gets the bytes as ``produce`` makes them (a failure part way leaves the
    file as it was, as always); standard output, a FIFO or a device gets them once all are made, so
    that an error while making them writes nothing there.
    """
    if path is None or path == "-":
        _write_stdout(_made(produce))
        return
    refuse_inputs(path, inputs)
    try:
        status: os.stat_result | None = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        if os.path.islink(path):
            raise OutputError(f"{path}: symbolic link to a missing file") from None
        status = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    if status is not None and stat.S_ISDIR(status.st_mode):
        raise OutputError(f"{path}: is a directory")
    special = os.path.abspath(path).startswith(_SPECIAL_DIRECTORIES)
    if status is not None and (special or not stat.S_ISREG(status.st_mode)):
        _write_through(_made(produce), path)  # FIFO, terminal, /dev/null, /dev/stdout
        return
    target = os.path.realpath(path) if os.path.islink(path) else path
    directory = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(directory):
        raise OutputError(f"{path}: cannot write: directory {directory} does not exist")
    mode = stat.S_IMODE(status.st_mode) if status is not None else 0o666 & ~_current_umask()
    _replace_atomically(produce, target, mode)


def _made(produce: Produce) -> bytes:
    made = io.BytesIO()
    produce(made)
    return made.getvalue()
