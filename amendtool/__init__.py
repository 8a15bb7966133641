"""amendtool: how a European Parliament resolution changed between drafts."""

__version__ = "0.1.0"


def compare(old, new, **options):  # type: ignore[no-untyped-def]
    """Compare two drafts clause by clause; see :func:`amendtool.compare.compare`."""
    from amendtool.compare import compare as _compare

    return _compare(old, new, **options)
