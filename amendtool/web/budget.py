"""How many bytes of request bodies the server holds in memory at once, over all requests.

Each upload is read into memory (nothing touches the disk), and the pool bounds only the
comparisons running, not the uploads being read or waiting for a place: twenty browsers
sending 50 MB drafts at once would otherwise hold a gigabyte or more. A request takes its
share as its body arrives (all of an announced Content-Length at once) and gives it back
when its answer is ready; a request that does not fit is refused with 503 at once.
"""

from __future__ import annotations

from amendtool.web.problems import RequestProblem

BUSY_MESSAGE = "the server is busy with other uploads; try again in a moment"


class Budget:
    """The bytes all requests together may hold."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.held = 0

    def share(self) -> Share:
        """A new, empty share for one request."""
        return Share(self)


class Share:
    """One request's part of the budget. Used from the event loop only (no lock needed)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.size = 0

    def cover(self, size: int) -> None:
        """Hold at least ``size`` bytes; 503 when the budget cannot grow that far."""
        more = size - self.size
        if more <= 0:
            return
        if self.budget.held + more > self.budget.limit:
            raise RequestProblem(503, BUSY_MESSAGE)
        self.budget.held += more
        self.size = size

    def release(self) -> None:
        """Give everything back (the request's bytes are no longer needed)."""
        self.budget.held -= self.size
        self.size = 0
