"""Independent steps of one command on several cores, in forked worker processes.

Reading two drafts, or comparing seven group motions with a joint text, are independent
pieces of work. :func:`forked_map` runs them in child processes made with ``fork`` (so
the children share what the parent already has: imported modules, a draft read before),
takes their results back pickled through a pipe, and gives them in order, as ``map``
would. A step that raises raises in the caller, the failure of the first item first, as a
serial run would.

Forking is only safe in a process that runs no other threads: the command-line tool runs
one command per process and asks for it (``--jobs``); library callers get one process
unless they pass ``jobs``. Platforms without ``fork`` always run serially.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable, Sequence
from typing import Any, BinaryIO, TypeVar

from amendtool.errors import AmendtoolError

Item = TypeVar("Item")
Result = TypeVar("Result")

# Work (in the unit of ``weights``, bytes of input for the callers) under which forking
# costs more than it saves: the seed pair (20 KB) stays in one process.
MIN_PARALLEL_WEIGHT = 256 * 1024
# Outcome of one group of items: results by index, and the first failure (index, error).
_Outcome = tuple[dict[int, Any], tuple[int, BaseException] | None]


def available_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _groups(weights: Sequence[float], count: int) -> list[list[int]]:
    """Item indices in ``count`` groups of about equal weight, heaviest first (LPT)."""
    groups: list[list[int]] = [[] for _ in range(count)]
    loads = [0.0] * count
    for index in sorted(range(len(weights)), key=lambda k: (-weights[k], k)):
        lightest = loads.index(min(loads))
        groups[lightest].append(index)
        loads[lightest] += weights[index]
    return [sorted(group) for group in groups]


def _run_group(
    function: Callable[[Item], Result], items: Sequence[Item], group: list[int]
) -> _Outcome:
    results: dict[int, Any] = {}
    for index in group:
        try:
            results[index] = function(items[index])
        except Exception as error:  # carried to the caller, raised there
            return results, (index, error)
    return results, None


def _pickled(outcome: _Outcome) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # an unpicklable result or exception
        results, failure = outcome
        index = failure[0] if failure else min(results, default=0)
        cause = failure[1] if failure else error
        message = f"{type(cause).__name__}: {cause}"
        return pickle.dumps(({}, (index, RuntimeError(message))))


def _child(
    function: Callable[[Item], Result], items: Sequence[Item], group: list[int], pipe: int
) -> None:
    """The worker: compute, send, exit at once (never return into the caller's code)."""
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole group
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        payload = _pickled(_run_group(function, items, group))
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
        status = 0
    finally:
        os._exit(status)


def _received(source: BinaryIO) -> _Outcome | None:
    """A worker's outcome, unpickled as it arrives (a large draft is never held twice as
    bytes); None when the worker sent nothing or stopped part way."""
    try:
        outcome: _Outcome = pickle.load(source)
    except (EOFError, pickle.UnpicklingError):
        return None
    return outcome


def _reaped(pid: int, outcome: _Outcome | None) -> _Outcome:
    """The outcome of a worker that has ended (now reaped), or the error of one that died."""
    _, status = os.waitpid(pid, 0)
    if outcome is None:
        code = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        raise AmendtoolError(f"a worker process ended without a result ({how})")
    return outcome


def _start(
    function: Callable[[Item], Result], items: Sequence[Item], group: list[int]
) -> tuple[int, BinaryIO] | None:
    """A worker for ``group``: its pid and the read end of its pipe (None: fork failed)."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        _child(function, items, group, write_end)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def forked_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    weights: Sequence[float] | None = None,
) -> list[Result]:
    """``[function(item) for item in items]`` on up to ``jobs`` processes.

    ``weights`` (one per item, e.g. input bytes) balance the groups; when they add up to
    less than :data:`MIN_PARALLEL_WEIGHT` the work stays in this process.
    """
    weights = list(weights) if weights is not None else [1.0] * len(items)
    count = min(jobs, len(items))
    small = sum(weights) < MIN_PARALLEL_WEIGHT
    if count < 2 or small or not hasattr(os, "fork"):
        return [function(item) for item in items]
    mine, *theirs = _groups(weights, count)
    children: list[tuple[int, BinaryIO]] = []  # running workers: pid, read end of the pipe
    outcomes: list[_Outcome] = []
    try:
        for group in theirs:
            started = _start(function, items, group)
            if started is None:  # no process to be had (a limit, no memory): do it here
                mine = sorted(mine + group)
            else:
                children.append(started)
        outcomes.append(_run_group(function, items, mine))
        while children:
            pid, source = children[0]
            with source:
                outcome = _received(source)
            children.pop(0)
            outcomes.append(_reaped(pid, outcome))
    finally:
        for pid, source in children:  # interrupted: no worker outlives its command
            source.close()
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    failures = [failure for _, failure in outcomes if failure is not None]
    if failures:
        raise min(failures, key=lambda failure: failure[0])[1]
    merged: dict[int, Any] = {}
    for results, _ in outcomes:
        merged.update(results)
    return [merged[index] for index in range(len(items))]
