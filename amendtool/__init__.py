"""amendtool: how a European Parliament resolution changed between drafts."""

__version__ = "0.1.0"
