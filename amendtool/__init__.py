"""amendtool: how a European Parliament resolution changed between drafts.

``amendtool.compare(old, new)`` compares two drafts (Resolutions or paths) and returns a
ChangeReport; the command line does the same with ``amendtool diff``.
"""

__version__ = "0.1.0"

from amendtool.diffing import compare  # light: imports no XML library or diff engine

__all__ = ["__version__", "compare"]
