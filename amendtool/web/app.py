"""The web application: ``GET /`` (the page) and ``POST /api/{product}`` (the CLI's bytes).

``POST /api/diff``, ``/api/amendments``, ``/api/provenance``, ``/api/history`` take
multipart forms: ``old`` and ``new`` (files, or ``old_text``/``new_text``), ``joint`` and
``source`` (repeated), ``version`` (repeated, oldest first); ``format`` (a format of that
command, its CLI default when absent); the options ``ignore_case``, ``ignore_punctuation``,
``section``, ``all`` (diff) and ``label`` = ``NAME=FILE`` (provenance). The answer is
exactly what the CLI writes; ``X-Amendtool-Differs`` tells diff's exit status.
Errors: ``{"error": "<the CLI's one-line message>"}`` with 400, 408, 413, 503 (uploads
in memory at their budget) or 403/400 from the guard. A request whose client has gone
before its comparison started is dropped, not computed for nobody. ``?view=page`` (the
page's own form) shows errors as a small HTML page instead; ``?download=1`` asks for an
attachment.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from amendtool.web import limits
from amendtool.web.budget import Budget
from amendtool.web.guard import Guard, HostPolicy
from amendtool.web.jobs import PRODUCTS, Result, run
from amendtool.web.page import error_page, index_page
from amendtool.web.problems import RequestProblem
from amendtool.web.upload import Form, Receive, read_form

if TYPE_CHECKING:
    from anyio import CapacityLimiter
    from starlette.requests import Request
    from starlette.responses import Response

_META_POLICY = re.compile(r'http-equiv="Content-Security-Policy" content="([^"]*)"')
_STRICT_HTML_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'"


def html_policy(document: bytes) -> str:
    """The header policy for an HTML report: its own meta policy, framed by this site only."""
    found = _META_POLICY.search(document[:8192].decode("utf-8", "replace"))
    return (found.group(1) if found else _STRICT_HTML_POLICY) + "; frame-ancestors 'self'"


def _problem_response(problem: RequestProblem, as_page: bool) -> Response:
    from starlette.responses import HTMLResponse, JSONResponse

    headers = {"connection": "close"} if problem.status in (408, 413, 503) else {}
    if problem.status == 503:
        headers["retry-after"] = "5"
    if as_page:
        document = error_page(problem.message)
        headers |= {
            "content-security-policy": html_policy(document.encode("utf-8")),
            "x-frame-options": "SAMEORIGIN",
        }
        return HTMLResponse(document, status_code=problem.status, headers=headers)
    return JSONResponse({"error": problem.message}, status_code=problem.status, headers=headers)


def _result_response(result: Result, download: bool) -> Response:
    from starlette.responses import Response

    disposition = "attachment" if download else "inline"
    headers = {"content-disposition": f'{disposition}; filename="{result.filename}"'}
    if result.differs is not None:
        headers["x-amendtool-differs"] = "true" if result.differs else "false"
    if result.media_type.startswith("text/html"):
        headers["content-security-policy"] = html_policy(result.data)
        headers["x-frame-options"] = "SAMEORIGIN"
    return Response(result.data, media_type=result.media_type, headers=headers)


async def run_unless_gone(
    receive: Receive, product: str, form: Form, limiter: CapacityLimiter
) -> Result | None:
    """Run the product in the pool, or None when the client disconnects while it waits.

    Once its body is read, a request's next ``receive`` only returns when the client goes.
    A comparison already running in a thread cannot be stopped and runs to its end; one
    still waiting for a place in the pool is dropped.
    """
    from anyio import create_task_group, to_thread

    done: list[Result] = []
    failed: list[Exception] = []

    async def work(stop: Callable[[], None]) -> None:
        try:
            done.append(await to_thread.run_sync(run, product, form, limiter=limiter))
        except Exception as error:  # raised again below, outside the task group
            failed.append(error)
        stop()

    async def watch(stop: Callable[[], None]) -> None:
        while (await receive())["type"] != "http.disconnect":
            pass
        stop()

    async with create_task_group() as group:
        group.start_soon(work, group.cancel_scope.cancel)
        group.start_soon(watch, group.cancel_scope.cancel)
    if failed:
        raise failed[0]
    return done[0] if done else None


def create_app(
    host: str,
    port: int,
    pool_size: int = limits.POOL_SIZE,
    buffered_bytes: int | None = None,
) -> Any:
    """The ASGI application for a server bound to ``host``:``port``, wrapped in the guard.

    ``buffered_bytes``: the budget of request bytes in memory (``MAX_BUFFERED_BYTES``).
    """
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, JSONResponse
    from starlette.routing import Route

    address = f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
    page_html, page_policy = index_page(address)
    pool: list[CapacityLimiter] = []  # created on first use, inside the event loop
    budget = Budget(limits.MAX_BUFFERED_BYTES if buffered_bytes is None else buffered_bytes)

    def limiter() -> CapacityLimiter:
        from anyio import CapacityLimiter

        if not pool:
            pool.append(CapacityLimiter(pool_size))
        return pool[0]

    async def index(request: Request) -> Response:
        return HTMLResponse(
            page_html,
            headers={"content-security-policy": page_policy, "x-frame-options": "DENY"},
        )

    async def api(request: Request) -> Response:
        product = request.path_params["product"]
        as_page = request.query_params.get("view") == "page"
        if product not in PRODUCTS:
            return JSONResponse({"error": f"no such API: {product}"}, status_code=404)
        share = budget.share()
        try:
            form = await read_form(request.receive, request.headers, share)
            result = await run_unless_gone(request.receive, product, form, limiter())
        except RequestProblem as problem:
            return _problem_response(problem, as_page)
        except Exception as error:  # a bug: one line to the page, the traceback to the console
            logging.getLogger("amendtool.web").exception("internal error")
            message = f"internal error: {type(error).__name__}: {error}"
            return _problem_response(RequestProblem(500, message), as_page)
        finally:
            share.release()
        if result is None:  # nobody to answer
            return _problem_response(RequestProblem(400, "the browser went away"), as_page)
        return _result_response(result, request.query_params.get("download") == "1")

    async def not_allowed(request: Request) -> Response:
        return JSONResponse({"error": "use POST with a multipart form"}, status_code=405)

    application = Starlette(
        routes=[
            Route("/", index, methods=["GET", "HEAD"]),
            Route("/api/{product}", api, methods=["POST"]),
            Route("/api/{product}", not_allowed, methods=["GET", "HEAD"]),
        ]
    )
    return Guard(application, HostPolicy(host, port))
