"""The one exception the web layer raises for a request it cannot serve."""

from __future__ import annotations


class RequestProblem(Exception):
    """A request refused with an HTTP status and a one-line message for the user."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
