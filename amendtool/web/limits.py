"""Sizes, timeouts and the pool of the local web server: each a named tunable with its unit."""

from __future__ import annotations

from amendtool.textparse.normalise import MAX_INPUT_BYTES

# One uploaded file or pasted text: the CLI's input limit (bytes), with the CLI's message.
MAX_PART_BYTES = MAX_INPUT_BYTES
# A whole request body (bytes): two inputs at the limit plus the form's own overhead.
# Provenance and history inputs share this budget.
MAX_REQUEST_BYTES = 2 * MAX_INPUT_BYTES + 1024 * 1024
# Files in one request (a provenance with many sources stays far below).
MAX_FILES = 32
# Form fields that are not inputs (options, labels): how many, and bytes each.
MAX_FIELDS = 64
MAX_OPTION_BYTES = 4096
# Seconds a request body may stay silent before the upload is abandoned (408).
UPLOAD_IDLE_SECONDS = 15.0
# Seconds a whole request body may take, however steadily it trickles in (408).
UPLOAD_TOTAL_SECONDS = 120.0
# Seconds from connecting to the end of the request headers (slow-header attacks).
HEADER_SECONDS = 5.0
# Comparisons running at once (threads); further requests wait for a place.
POOL_SIZE = 4
# Request bodies held in memory at once, over all requests (bytes): the pool's requests at
# their largest and one more being read. A request beyond this gets 503 at once.
MAX_BUFFERED_BYTES = (POOL_SIZE + 1) * MAX_REQUEST_BYTES
# Connections served at once; beyond this uvicorn answers 503 at once.
MAX_CONNECTIONS = 256
