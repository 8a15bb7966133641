"""amendtool: how a European Parliament resolution changed between drafts.

The public API, in pipeline order (read -> compare -> render):

>>> import amendtool
>>> old = amendtool.read("samples/kazakhstan.v1.txt")
>>> new = amendtool.read("samples/kazakhstan.v2.txt")
>>> report = amendtool.compare(old, new)
>>> report.differs
True
>>> print(amendtool.render(report, "text").splitlines()[0])  # doctest: +ELLIPSIS
--- ...

Importing amendtool is light: each function imports the XML library, the diff engine or a
renderer only when it is called.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING

__version__ = "0.1.0"

from amendtool.diffing import Draft, compare  # light: imports no XML library or diff engine

if TYPE_CHECKING:
    from lxml import etree

    from amendtool.akn.schema import Problem
    from amendtool.amendments.tabled import AmendmentList
    from amendtool.diffing.history import History
    from amendtool.diffing.provenance import ProvenanceReport
    from amendtool.model import ClauseKind, Resolution

__all__ = [
    "__version__",
    "apply",
    "compare",
    "history",
    "provenance",
    "read",
    "render",
    "to_akn",
    "validate",
]

READ_FORMATS = ("text", "html", "docx", "pdf", "akn")


def read(
    source: str | PathLike[str] | bytes, *, format: str | None = None, name: str = "<bytes>"
) -> Resolution:
    """Read a resolution from a path (``-`` for standard input) or from bytes.

    ``format`` is one of ``text``, ``html``, ``docx``, ``pdf`` or ``akn``; by default it is
    detected from the content. ``name`` is the name used in messages for bytes input.
    Bad input raises :class:`amendtool.errors.InputError` with a one-line message.

    >>> resolution = amendtool.read("samples/kazakhstan.v1.txt")
    >>> resolution.meta.title, resolution.meta.date, resolution.meta.groups[0].name
    ('Kazakhstan', '2012-03-07', 'Greens/EFA')
    >>> text = b"The European Parliament,\\n1. Calls for calm;\\n2. Instructs its President;\\n"
    >>> [clause.num for clause in amendtool.read(text).clauses]
    ['1', '2']
    """
    from amendtool.inputs import read_bytes, resolution_from_bytes

    if isinstance(source, bytes):
        data, label = source, name
    else:
        path = str(source)
        data, label = read_bytes(path), "<stdin>" if path == "-" else path
    return resolution_from_bytes(data, label, format)


def render(
    subject: object,
    format: str = "text",
    *,
    product: str | None = None,
    show_all: bool = False,
    color: bool = False,
    markup_date: str = "",
) -> str | bytes:
    """Render a report or a document in one output format.

    ``subject`` is a ChangeReport (product ``diff``), a ProvenanceReport, a History or a
    Resolution (product ``document``); pass ``product="amendments"`` to write a
    ChangeReport as an EP amendment list. Formats per product are listed by
    :func:`amendtool.renderers.registry.formats`. Text formats return ``str``.

    >>> report = amendtool.compare("samples/kazakhstan.v1.txt", "samples/kazakhstan.v2.txt")
    >>> amendtool.render(report, "markdown", product="amendments").splitlines()[0]
    '## 23 amendments'
    """
    from amendtool.renderers.registry import RenderOptions
    from amendtool.renderers.registry import render as dispatch

    options = RenderOptions(show_all=show_all, color=color, markup_date=markup_date)
    return dispatch(subject, format, product=product, options=options)


def to_akn(resolution: Resolution, *, markup_date: str = "") -> bytes:
    """The resolution as Akoma Ntoso 3.0 XML (UTF-8 bytes) that validates against the XSD.

    >>> xml = amendtool.to_akn(amendtool.read("samples/kazakhstan.v1.txt"))
    >>> xml.startswith(b"<?xml") and amendtool.validate(xml) == []
    True
    """
    from amendtool.akn.writer import write_akn
    from amendtool.clock import markup_date as today

    return write_akn(resolution, markup_date or today())


def validate(
    xml: bytes | str | PathLike[str] | etree._ElementTree, *, profile: bool = True
) -> list[Problem]:
    """Problems found by the official AKN 3.0 XSD, reference checks and the EP profile.

    ``xml`` is XML bytes, a path to an XML file, or a parsed tree. An empty list means valid.

    >>> problems = amendtool.validate(b"<akomaNtoso/>")
    >>> "No matching global declaration" in str(problems[0])
    True
    """
    from lxml import etree as _etree

    from amendtool.akn.validation import validate_tree
    from amendtool.akn.xmlsafe import parse_xml
    from amendtool.inputs import read_bytes

    if isinstance(xml, _etree._ElementTree):
        tree = xml
    elif isinstance(xml, bytes):
        tree = parse_xml(xml, "<bytes>")
    else:
        tree = parse_xml(read_bytes(str(xml)), str(xml))
    return validate_tree(tree, profile=profile)


def provenance(
    joint: Draft,
    sources: Sequence[Draft] | Mapping[str, Draft],
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    section: ClauseKind | str | None = None,
    jobs: int = 1,
) -> ProvenanceReport:
    """Trace each clause of the joint text to the source motions it was built from.

    ``sources`` is a list (labelled by tabling group) or a mapping from label to draft.
    The comparison options and ``jobs`` are those of :func:`compare`.

    >>> report = amendtool.provenance(
    ...     "samples/kazakhstan.v2.txt", {"Greens/EFA": "samples/kazakhstan.v1.txt"}
    ... )
    >>> [source.label for source in report.sources]
    ['Greens/EFA']
    """
    from amendtool.diffing import load_drafts
    from amendtool.diffing.provenance import Source, source_label, trace
    from amendtool.selection import comparison_settings

    options, kind = comparison_settings(ignore_case, ignore_punctuation, section)
    items = list(sources.items()) if isinstance(sources, Mapping) else [("", s) for s in sources]
    drafts = [joint, *(draft for _, draft in items)]
    (joint_resolution, joint_path), *loaded = load_drafts(drafts, jobs, keyed=options)
    taken: set[str] = {label for label, _ in items if label}
    chosen = []
    for (label, _), (resolution, path) in zip(items, loaded, strict=True):
        chosen.append(Source(label or source_label(resolution, path, taken), resolution, path))
    return trace(joint_resolution, chosen, joint_path, options, kind, jobs)


def history(
    versions: Sequence[Draft],
    *,
    ignore_case: bool = False,
    ignore_punctuation: bool = False,
    section: ClauseKind | str | None = None,
    jobs: int = 1,
) -> History:
    """Follow every clause through a chain of versions (motion -> joint -> adopted).

    The comparison options and ``jobs`` are those of :func:`compare`.

    >>> chain = amendtool.history(["samples/kazakhstan.v1.txt", "samples/kazakhstan.v2.txt"])
    >>> len(chain.reports)
    1
    """
    from amendtool.diffing import load_drafts
    from amendtool.diffing.history import follow
    from amendtool.selection import comparison_settings

    if len(versions) < 2:
        raise ValueError("history needs at least two versions")
    options, kind = comparison_settings(ignore_case, ignore_punctuation, section)
    loaded = load_drafts(versions, jobs, keyed=options)
    return follow([r for r, _ in loaded], [p for _, p in loaded], options, kind, jobs)


def apply(
    base: Draft,
    amendments: str | PathLike[str] | bytes | AmendmentList,
    *,
    only: Sequence[int] | None = None,
    name: str = "<bytes>",
) -> Resolution:
    """The consolidated text: ``base`` with an amendment list applied, renumbered.

    ``amendments`` is a path to (or the bytes of) an amendment list: AKN or JSON written by
    ``amendments``, or a Word document with EP amendment tables. ``only`` applies the
    amendments with these numbers alone (the adopted ones). A stale amendment raises
    :class:`amendtool.errors.AmendmentError`, two that change the same clause
    :class:`amendtool.errors.ConflictError`.

    >>> report = amendtool.compare("samples/kazakhstan.v1.txt", "samples/kazakhstan.v2.txt")
    >>> listing = amendtool.render(report, "json", product="amendments")
    >>> adopted = amendtool.apply("samples/kazakhstan.v1.txt", listing.encode())
    >>> amendtool.compare(adopted, "samples/kazakhstan.v2.txt").differs
    False
    >>> only_7 = amendtool.apply("samples/kazakhstan.v1.txt", listing.encode(), only=[7])
    >>> [(r.num, r.text[:24]) for r in only_7.recitals[:2]]
    [('A', 'whereas Kazakhstan is an'), ('B', 'whereas the EU and Kazak')]
    """
    from amendtool.amendments.apply import apply_amendments
    from amendtool.amendments.read_list import read_amendment_list
    from amendtool.amendments.tabled import AmendmentList
    from amendtool.diffing import load_draft
    from amendtool.inputs import read_bytes

    resolution, _ = load_draft(base)
    if isinstance(amendments, AmendmentList):
        listing = amendments
    elif isinstance(amendments, bytes):
        listing = read_amendment_list(amendments, name)
    else:
        path = str(amendments)
        listing = read_amendment_list(read_bytes(path), "<stdin>" if path == "-" else path)
    return apply_amendments(resolution, listing, only)
