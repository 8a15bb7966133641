"""Whole archives: one folder per procedure in, reports, a summary table and charts out.

The pipeline, one module per stage:

- :mod:`~amendtool.batch.manifest` and :mod:`~amendtool.batch.discover`: the procedure
  folders, their files and any ``manifest.csv`` overrides, read into :class:`WorkItem`
  values (file names and bytes, nothing that needs the input file system);
- :mod:`~amendtool.batch.roles` and :mod:`~amendtool.batch.work`: on a worker, each
  document's role (motion, joint, adopted) and the comparisons, done through the public
  API (:func:`amendtool.read`, :func:`amendtool.provenance`, :func:`amendtool.compare`,
  :func:`amendtool.history`, :func:`amendtool.render`), giving an :class:`Outcome`: one
  summary row and the report files as bytes;
- :mod:`~amendtool.batch.runners`: serial, a local process pool, or a Dask cluster;
- :mod:`~amendtool.batch.store`: each procedure's folder written all at once, and the
  content hash that makes a run resumable;
- :mod:`~amendtool.batch.summary`, :mod:`~amendtool.batch.charts` and
  :mod:`~amendtool.batch.index_page`: ``summary.csv``, ``summary.json`` and ``index.html``
  written row by row from the stored rows.

>>> from amendtool.batch import run_batch  # doctest: +SKIP
>>> result = run_batch("archive/", "out/", workers=2)  # doctest: +SKIP
>>> result.failed  # doctest: +SKIP
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from amendtool.batch.run import BatchResult, run_batch

__all__ = ["BatchResult", "run_batch"]


def __getattr__(name: str) -> Any:
    # Lazy: ``amendtool batch --help`` and the other commands never import the pipeline.
    if name in __all__:
        from amendtool.batch import run

        return getattr(run, name)
    raise AttributeError(name)
