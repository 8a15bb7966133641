"""ASGI middleware: refuse foreign Host and Origin headers, add security headers everywhere.

DNS rebinding: a page on an attacker's domain whose name is re-pointed to 127.0.0.1 would
reach this server with that domain in its Host header; only the bound address (and, for
loopback, ``localhost``) is accepted. Cross-site requests: a POST whose Origin is another
site (or ``null``) is refused, so another page in the same browser cannot submit drafts.
Without an Origin, the Referer is checked instead; a ``Sec-Fetch-Site`` other than
``same-origin`` or ``none`` (a browser's word that another page sent it, even another port
of this machine) is refused. Every copy of a header sent twice is checked (two Host headers
are refused), so a second copy cannot outvote the first.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
WILDCARDS = frozenset({"0.0.0.0", "::", ""})
STRICT_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    # same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with the
    # page's own form posts, and those could not be told from a sandboxed attacker's
    "referrer-policy": "same-origin",
    "cache-control": "no-store",  # drafts are confidential: never kept in a cache
    "cross-origin-resource-policy": "same-origin",
    "cross-origin-opener-policy": "same-origin",
    "x-frame-options": "DENY",
    "content-security-policy": STRICT_POLICY,
}
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Sec-Fetch-Site values of a request this server's own page (or the user) started
_OWN_FETCH_SITES = frozenset({"same-origin", "none"})
# headers whose every copy is checked: a second copy must not outvote the first
_CHECKED_HEADERS = ("host", "origin", "referer", "sec-fetch-site")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip_literal(name: str) -> bool:
    try:
        ipaddress.ip_address(name.strip("[]"))
    except ValueError:
        return False
    return True


class HostPolicy:
    """Which Host header values reach this server bound to ``host``:``port``."""

    def __init__(self, host: str, port: int) -> None:
        self.port = port
        self.wildcard = host in WILDCARDS
        names = {host.lower()}
        if is_loopback(host) or self.wildcard:
            names |= LOOPBACK_NAMES
        if self.wildcard:
            # a name of this machine; other names could be an attacker's re-pointed domain
            names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
        self.names = frozenset(name.strip("[]") for name in names)

    def allows(self, value: str) -> bool:
        """True when a Host header (``name[:port]``) names this server."""
        value = value.strip().lower()
        if value.startswith("["):
            name, _, rest = value[1:].partition("]")
            port = rest[1:] if rest.startswith(":") else ("" if not rest else "?")
        else:
            name, _, port = value.partition(":")
        if port != str(self.port) and not (port == "" and self.port == 80):
            return False
        # an IP literal cannot be a re-pointed name, so a wildcard bind accepts any
        return name in self.names or (self.wildcard and _is_ip_literal(name))

    def allows_origin(self, origin: str) -> bool:
        """True when an Origin header is this server's own page."""
        return origin.startswith("http://") and self.allows(origin[len("http://") :])

    def allows_referer(self, referer: str) -> bool:
        """True when a Referer header is a page of this server."""
        try:
            parts = urlsplit(referer)
        except ValueError:  # a malformed URL, e.g. an unclosed "[" in its host
            return False
        return parts.scheme == "http" and self.allows(parts.netloc)


def foreign_post(policy: HostPolicy, headers: dict[str, list[str]]) -> str | None:
    """What shows that a POST comes from another site (for the message), or None."""
    origins = headers.get("origin", [])
    for origin in origins:
        if not policy.allows_origin(origin):
            return origin or "an empty Origin"
    if not origins:
        for referer in headers.get("referer", []):
            if not policy.allows_referer(referer):
                return referer.split("?", 1)[0] or "an empty Referer"
    for site in headers.get("sec-fetch-site", []):
        if site.strip().lower() not in _OWN_FETCH_SITES:
            return site.strip().lower() or "an empty Sec-Fetch-Site"
    return None


async def send_json_error(send: Send, status: int, message: str) -> None:
    """A JSON error response ``{"error": message}``."""
    body = json.dumps({"error": message}).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Wraps the application: checks Host and Origin, adds the security headers."""

    def __init__(self, app: ASGIApp, policy: HostPolicy) -> None:
        self.app = app
        self.policy = policy

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":  # the page uses none: never passed on unchecked
            await send({"type": "websocket.close", "code": 1008})
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers: dict[str, list[str]] = {}
        for key, value in scope["headers"]:
            name = key.decode("latin-1").lower()
            if name in _CHECKED_HEADERS:
                headers.setdefault(name, []).append(value.decode("latin-1"))

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [
                    (name.encode(), value.encode())
                    for name, value in SECURITY_HEADERS.items()
                    if name.encode() not in present
                ]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        hosts = headers.get("host", [])
        host = ", ".join(hosts)
        if len(hosts) != 1 or not self.policy.allows(host):
            await send_json_error(
                secured, 400, f"Host header {host!r} does not name this server (refused)"
            )
            return
        if scope["method"] not in _SAFE_METHODS:
            evidence = foreign_post(self.policy, headers)
            if evidence is not None:
                await send_json_error(
                    secured, 403, f"request from another site ({evidence}) refused"
                )
                return
        await self.app(scope, receive, secured)
