"""Sphinx configuration for amendtool's API page (built from the docstrings)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import amendtool

project = "amendtool"
release = version = amendtool.__version__
extensions = ["sphinx.ext.autodoc", "sphinx.ext.doctest"]
autodoc_member_order = "bysource"
autodoc_typehints = "description"
doctest_global_setup = "import amendtool"
html_theme = "alabaster"
exclude_patterns = ["_build"]
