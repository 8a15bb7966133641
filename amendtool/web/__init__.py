"""The local web page (``amendtool serve``): a caller of the library, nothing more.

Modules, one job each: ``limits`` (sizes, timeouts, pool), ``upload`` (streaming multipart
reader, in memory), ``jobs`` (form -> the same bytes the CLI writes), ``guard`` (Host and
Origin checks, security headers), ``page`` (the form page), ``app`` (routes), ``server``
(socket and uvicorn), ``command`` (the click command). The web framework is imported only
when the server starts.
"""
