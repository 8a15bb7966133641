"""Where the work runs: in this process, in a local process pool, or on a Dask cluster.

Every runner takes work items lazily and yields outcomes as they complete, keeping at
most :data:`IN_FLIGHT_PER_WORKER` items per worker in flight, so memory does not grow
with the size of the archive. The order of outcomes may differ between runners; their
content does not (:func:`amendtool.batch.work.process` is pure).
"""

from __future__ import annotations

import importlib
import signal
import socket
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any

from amendtool.batch.discover import WorkItem
from amendtool.batch.work import Outcome, failed, process
from amendtool.errors import AmendtoolError

# Items queued per worker beyond the one it is working on (1..4): enough to keep
# workers busy while results come back, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 2
# Completed tasks between two looks at the cluster's size (1..100): a look is a round trip.
LIMIT_REFRESH = 16
# Seconds to wait for a Dask scheduler to answer before giving up.
CONNECT_TIMEOUT = 20


class SchedulerError(AmendtoolError):
    """The Dask scheduler cannot be reached or the dask extra is not installed."""


def run_serial(items: Iterable[WorkItem]) -> Iterator[Outcome]:
    """One item after the other in this process."""
    for item in items:
        yield process(item)


def _ignore_sigint() -> None:
    # Ctrl-C is the parent's business: it cancels the pool and cleans up.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_pool(items: Iterable[WorkItem], workers: int) -> Iterator[Outcome]:
    """A local pool of ``workers`` processes (started fresh: no inherited state)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    limit = workers * (1 + IN_FLIGHT_PER_WORKER)
    source = iter(items)
    executor = ProcessPoolExecutor(workers, mp_context=context, initializer=_ignore_sigint)
    running: dict[Future[Outcome], WorkItem] = {}
    try:
        for item in source:
            running[executor.submit(process, item)] = item
            if len(running) >= limit:
                break
        while running:
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in done:
                item = running.pop(future)
                yield _result(future, item)
                following = next(source, None)
                if following is not None:
                    running[executor.submit(process, following)] = following
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _result(future: Future[Outcome], item: WorkItem) -> Outcome:
    try:
        return future.result()
    except Exception as problem:  # the worker died (killed, out of memory)
        return failed(item, f"{item.procedure}: worker failed: {problem!r}", cacheable=False)


def _check_reachable(address: str) -> None:
    """Fail at once (not after CONNECT_TIMEOUT) when nothing listens at a tcp:// address."""
    if not address.startswith("tcp://"):
        return
    host, _, port = address.removeprefix("tcp://").rpartition(":")
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=CONNECT_TIMEOUT):
            pass
    except (OSError, ValueError) as problem:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {problem}") from None


def run_dask(items: Iterable[WorkItem], address: str) -> Iterator[Outcome]:
    """The Dask distributed scheduler at ``address`` (``tcp://host:8786``).

    Items travel as bytes inside the task; workers need amendtool installed, not DIR.
    """
    try:
        distributed: Any = importlib.import_module("distributed")  # untyped: used as Any
    except ImportError:
        raise SchedulerError(
            "--scheduler needs Dask distributed: pip install 'amendtool[dask]'"
        ) from None
    _check_reachable(address)
    try:
        client = distributed.Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as problem:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {problem}") from None
    source = iter(items)
    items_by_key: dict[Any, WorkItem] = {}
    try:

        def submit(item: WorkItem) -> Any:
            future = client.submit(process, item, pure=False)
            items_by_key[future.key] = item
            return future

        def in_flight_limit() -> int:  # follows workers joining or leaving the cluster
            threads: int = sum(client.nthreads().values())
            return max(threads, 1) * (1 + IN_FLIGHT_PER_WORKER)

        pending = distributed.as_completed([], loop=client.loop)
        limit = in_flight_limit()

        def top_up() -> None:
            while pending.count() < limit:
                following = next(source, None)
                if following is None:
                    return
                pending.add(submit(following))

        top_up()
        for done, future in enumerate(pending, 1):
            item = items_by_key.pop(future.key)
            try:
                outcome: Outcome = future.result()
            except Exception as problem:
                outcome = failed(
                    item, f"{item.procedure}: worker failed: {problem!r}", cacheable=False
                )
            future.release()
            yield outcome
            if done % LIMIT_REFRESH == 0:
                limit = in_flight_limit()
            top_up()
    finally:
        client.close()
