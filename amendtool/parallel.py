"""Independent steps of one command on several cores, in forked worker processes.

Reading two drafts, or comparing seven group motions with a joint text, are independent
pieces of work. :func:`forked_map` runs them in child processes made with ``fork`` (so
the children share what the parent already has: imported modules, a draft read before),
takes their results back pickled through a pipe, and gives them in order, as ``map``
would. A step that raises raises in the caller, the failure of the first item first, as a
serial run would.

Forking is only safe in a process that runs no other threads: the command-line tool runs
one command per process and asks for it (``--jobs``); library callers get one process
unless they pass ``jobs``, and a process with other threads always works serially, as do
platforms without ``fork``.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO, TypeVar

from amendtool.errors import AmendtoolError

Item = TypeVar("Item")
Result = TypeVar("Result")

# Work (in the unit of ``weights``, bytes of input for the callers) under which forking
# costs more than it saves: the seed pair (20 KB) stays in one process.
MIN_PARALLEL_WEIGHT = 256 * 1024
# Outcome of one group of items: results by index, and the first failure (index, error).
_Outcome = tuple[dict[int, Any], tuple[int, BaseException] | None]
# Signals that stop a command: held back while a worker is forked (see _forked).
_STOPPING = {signal.SIGINT, signal.SIGTERM}


# Where Linux (cgroup v2) states a container's CPU quota: "QUOTA PERIOD" or "max PERIOD".
CPU_QUOTA_FILE = "/sys/fs/cgroup/cpu.max"


def available_cores() -> int:
    """Cores this process may run on: those it may be scheduled on, and no more than its
    container's CPU quota allows (a CI runner given 1.5 CPUs of a 16-core host has 2)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    quota = quota_cores()
    return max(1, min(cores, quota)) if quota else cores


def quota_cores(path: str | None = None) -> int | None:
    """Whole cores a cgroup v2 CPU quota allows (rounded up), None without one."""
    try:
        with open(path or CPU_QUOTA_FILE, encoding="ascii") as stated:
            quota, period = stated.read().split()[:2]
        if quota == "max":
            return None
        return max(1, -(-int(quota) // int(period)))
    except (OSError, ValueError, ZeroDivisionError):
        return None  # no cgroup v2, or not readable as one: the cores are what counts


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
    """The results of ``group``'s items in order, up to the first that raises."""
    results: dict[int, Any] = {}
    for index in group:
        try:
            results[index] = function(items[index])
        except Exception as error:  # carried to the caller, raised there
            return results, (index, error)
    return results, None


def _portable(error: BaseException) -> BaseException:
    """``error`` if it survives pickling whole, else one that says the same."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:  # an exception class whose arguments do not rebuild it
        if isinstance(error, AmendtoolError):
            return AmendtoolError(str(error))
        return RuntimeError(f"{type(error).__name__}: {error}")
    return error


def _pickled(outcome: _Outcome) -> bytes:
    """The outcome as bytes for the pipe; a result that cannot be pickled is a failure."""
    results, failure = outcome
    if failure is not None:
        failure = (failure[0], _portable(failure[1]))
    try:
        return pickle.dumps((results, failure), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # a result that cannot be pickled
        index = failure[0] if failure else min(results, default=0)
        return pickle.dumps(({}, (index, RuntimeError(f"{type(error).__name__}: {error}"))))


def _work(
    function: Callable[[Item], Result], items: Sequence[Item], group: list[int], pipe: int
) -> None:
    """The worker's whole life: compute, send, and exit (never return to the caller)."""
    status = 1
    try:
        _worker_signals()
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOPPING)
        payload = _pickled(_run_group(function, items, group))
        with os.fdopen(pipe, "wb") as out:
            out.write(payload)
        status = 0
    finally:
        os._exit(status)


@contextlib.contextmanager
def _held_signals() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while a worker is made, so that neither the worker
    (before its handlers are set) nor this process is stopped half way through."""
    # Read the mask first: a signal that came before is handled by the call that blocks
    # (KeyboardInterrupt raised there, the mask already changed), and must be undone too.
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, ())
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, _STOPPING)
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _worker_signals() -> None:
    """In a new worker: the default action for the stopping signals (the whole process
    group gets Ctrl-C; the command kills its workers on SIGTERM), unless ignored."""
    for number in _STOPPING:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)


def _forked(
    function: Callable[[Item], Result], items: Sequence[Item], group: list[int]
) -> tuple[int, BinaryIO] | None:
    """A worker for ``group``: its pid and the read end of its pipe (None: no worker).
    Called with the stopping signals held (see :func:`_held_signals`)."""
    try:
        read_end, write_end = os.pipe()
    except OSError:  # no descriptors left
        return None
    try:
        pid = os.fork()
    except OSError:  # a process limit, no memory
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:
        os.close(read_end)
        _work(function, items, group, write_end)
    os.close(write_end)
    return pid, os.fdopen(read_end, "rb")


def _received(source: BinaryIO) -> _Outcome | None:
    """A worker's outcome, unpickled as it arrives (a large draft is never held twice as
    bytes); None when the worker sent nothing or stopped part way."""
    try:
        outcome: _Outcome = pickle.load(source)
    except (EOFError, pickle.UnpicklingError, ValueError):
        return None
    return outcome


def _reaped(pid: int, outcome: _Outcome | None, names: str) -> _Outcome:
    """The outcome of a worker that has ended (now reaped), or the error of one that died."""
    _, status = os.waitpid(pid, 0)
    if outcome is None:
        code = os.waitstatus_to_exitcode(status)
        how = f"killed by signal {-code}" if code < 0 else f"exit status {code}"
        raise AmendtoolError(
            f"{names}: the worker process ended without a result ({how}; out of memory?); "
            "--jobs 1 does the work in one process"
        )
    return outcome


@contextlib.contextmanager
def _children_waited() -> Iterator[None]:
    """Workers stay to be waited for even where the caller ignores SIGCHLD."""
    ignored = signal.getsignal(signal.SIGCHLD) is signal.SIG_IGN
    if ignored:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    try:
        yield
    finally:
        if ignored:
            signal.signal(signal.SIGCHLD, signal.SIG_IGN)


def _threads_running() -> bool:
    """Whether this process runs other threads (forking it could copy a held lock)."""
    return threading.active_count() > 1


def forked_map(
    function: Callable[[Item], Result],
    items: Sequence[Item],
    jobs: int = 1,
    weights: Sequence[float] | None = None,
    names: Sequence[str] | None = None,
    meanwhile: Callable[[Result], object] | None = None,
) -> list[Result]:
    """``[function(item) for item in items]`` on up to ``jobs`` processes.

    ``weights`` (one per item: bytes of input) balance the groups; when they add up to
    less than :data:`MIN_PARALLEL_WEIGHT` the work stays in this process. ``names`` (one
    per item: its file) name the work of a worker that dies. ``meanwhile`` is called in
    this process on each result computed here, before the workers' results are waited
    for: work the caller needs next that would otherwise wait for the slowest worker
    (in one process, on every result).
    """
    weights = list(weights) if weights is not None else [1.0] * len(items)
    count = min(jobs, len(items))
    small = sum(weights) < MIN_PARALLEL_WEIGHT
    if count < 2 or small or not hasattr(os, "fork") or _threads_running():
        done = [function(item) for item in items]
        if meanwhile is not None:
            for result in done:
                meanwhile(result)
        return done
    mine, *theirs = _groups(weights, count)
    children: list[tuple[int, BinaryIO, list[int]]] = []  # running: pid, pipe, its items
    outcomes: list[_Outcome] = []
    with _children_waited():
        try:
            for group in theirs:
                with _held_signals():  # until the worker is known, to be stopped with us
                    started = _forked(function, items, group)
                    if started is not None:
                        children.append((*started, group))
                if started is None:  # no worker to be had: do it here
                    mine = sorted(mine + group)
            outcomes.append(_run_group(function, items, mine))
            own, failed = outcomes[-1]
            if meanwhile is not None and failed is None:
                for index in sorted(own):
                    meanwhile(own[index])
            while children:
                pid, source, group = children[0]
                with source:
                    outcome = _received(source)
                children.pop(0)
                named = ", ".join(names[i] for i in group) if names else "worker"
                outcomes.append(_reaped(pid, outcome, named))
        finally:
            for pid, source, _ in children:  # interrupted: no worker outlives its command
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
