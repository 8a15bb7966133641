"""Binding the socket and running uvicorn, with a deadline for request headers."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from amendtool.web import limits


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host``:``port`` (port 0: any free port)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    if host == "localhost":
        host = "127.0.0.1"
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _header_deadline_protocol() -> type[Any]:
    """uvicorn's h11 protocol, closing connections whose request headers are too slow.

    uvicorn times out idle keep-alive connections but not a client that trickles its
    headers: this closes a connection HEADER_SECONDS after it opened, or after its last
    answer, unless a new request's headers have arrived by then.
    """
    from uvicorn.protocols.http.h11_impl import H11Protocol

    class HeaderDeadlineProtocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._header_deadline: asyncio.TimerHandle | None = None
            self._arm_header_deadline()

        def _arm_header_deadline(self) -> None:
            if self._header_deadline is not None:
                self._header_deadline.cancel()
            self._header_deadline = self.loop.call_later(
                limits.HEADER_SECONDS, self._headers_too_slow, self.cycle
            )

        def _headers_too_slow(self, previous: object) -> None:
            # no request has begun since the deadline was set: the headers are too slow
            if self.cycle is previous and not self.transport.is_closing():
                self.transport.close()

        def on_response_complete(self) -> None:
            if not self.transport.is_closing():
                self._arm_header_deadline()  # before a pipelined request may begin
            super().on_response_complete()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._header_deadline is not None:
                self._header_deadline.cancel()
            super().connection_lost(exc)

    return HeaderDeadlineProtocol


@dataclass
class Prepared:
    """A uvicorn server ready to run on a bound socket, and the page's address."""

    server: Any  # uvicorn.Server
    sock: socket.socket
    address: str

    def run(self, on_ready: Callable[[str], None] | None = None) -> None:
        """Serve until ``server.should_exit`` (Ctrl+C sets it); then close the socket."""

        async def main() -> None:
            task = asyncio.create_task(self.server.serve(sockets=[self.sock]))
            while not self.server.started and not task.done():
                await asyncio.sleep(0.05)
            if self.server.started and on_ready is not None:
                on_ready(self.address)
            await task

        try:
            asyncio.run(main())
        finally:
            self.sock.close()


def prepare(host: str, port: int, *, pool_size: int = limits.POOL_SIZE) -> Prepared:
    """Bind ``host``:``port`` and configure uvicorn with the guarded application."""
    import uvicorn

    from amendtool.web.app import create_app

    sock = bind(host, port)
    bound_host = host if host != "localhost" else "127.0.0.1"
    actual_port = sock.getsockname()[1]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    config = uvicorn.Config(
        create_app(bound_host, actual_port, pool_size=pool_size),
        http=_header_deadline_protocol(),
        ws="none",  # the page uses no WebSocket: no upgrade, whatever is installed
        lifespan="off",
        log_level="warning",
        access_log=False,  # file names of confidential drafts stay out of logs
        server_header=False,
        timeout_keep_alive=5,
        timeout_graceful_shutdown=5,
        limit_concurrency=limits.MAX_CONNECTIONS,
    )
    return Prepared(uvicorn.Server(config), sock, f"http://{shown}:{actual_port}/")


def serve(
    host: str,
    port: int,
    *,
    on_ready: Callable[[str], None] | None = None,
    pool_size: int = limits.POOL_SIZE,
) -> None:
    """Serve until interrupted; ``on_ready`` gets the page's address once it listens."""
    prepare(host, port, pool_size=pool_size).run(on_ready)
