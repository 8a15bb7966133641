"""Serialising an AKN document whose long lists are never in memory whole (issue 17).

A 46 MB draft becomes about 1.6 million lxml nodes and 86 MB of XML: building the whole
tree, indenting it and serialising it held the tree and its bytes at once, 25 MB per MB of
input. Here the document is a *skeleton* (everything but the long lists: metadata,
preface, the containers) plus, for each long list, an iterable that builds its children
one by one. The skeleton is indented and serialised with a placeholder in each container;
the children are built, indented and serialised a batch at a time in the placeholder's
place, then dropped.

The bytes are those of the whole tree indented by :func:`indent_structure` and serialised
by ``etree.tostring``: each batch is serialised by libxml2 inside a copy of the root
element (so its namespaces are declared there, as in the whole tree, and not on every
child), and the indentation between children is the one :func:`indent_structure` gives.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import islice
from typing import BinaryIO, cast

from lxml import etree

_MIXED_CONTENT = {"p", "num", "heading", "docTitle", "block"}
_SLOT = "amendtool-slot"  # a processing instruction marks each place in the skeleton
_BATCH = 500  # children serialised at once: few libxml2 calls, little memory


def indent_structure(element: etree._Element, level: int = 0) -> None:
    """Indent structural elements only; text inside ``p``/``num`` is never touched."""
    if not len(element) or etree.QName(element).localname in _MIXED_CONTENT:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in element:
        indent_structure(child, level + 1)
        child.tail = inner
    element[-1].tail = "\n" + "  " * level


def write_streamed(
    stream: BinaryIO,
    root: etree._Element,
    lists: Sequence[tuple[etree._Element, Iterable[etree._Element]]],
) -> None:
    """Write ``root`` with the children of each ``(container, children)`` of ``lists``
    appended to ``container`` (a descendant of ``root``, after any children it has), as
    ``etree.tostring(root)`` of the whole tree indented by :func:`indent_structure` would
    (no XML declaration). Every ``children`` iterable must yield at least one element."""
    slots = []
    for index, (container, _) in enumerate(lists):
        slot = etree.PI(_SLOT, str(index))
        container.append(slot)
        slots.append(etree.tostring(slot))  # text is escaped: "<?" is never in it
    indent_structure(root)
    skeleton = etree.tostring(root, encoding="UTF-8")
    for slot_bytes, (container, children) in zip(slots, lists, strict=True):
        before, skeleton = skeleton.split(slot_bytes)
        stream.write(before)
        level = sum(1 for _ in container.iterancestors()) + 1
        _write_children(stream, root, children, level)
    stream.write(skeleton)


def _write_children(
    stream: BinaryIO, root: etree._Element, children: Iterable[etree._Element], level: int
) -> None:
    """The children serialised one after the other, each but the last followed by the
    indentation of its level (the last one's is in the skeleton, after the slot)."""
    empty = etree.tostring(_holder(root), encoding="UTF-8")
    start = len(empty) - 1  # <akomaNtoso xmlns="..."/> -> <akomaNtoso xmlns="...">
    end = len(etree.QName(root).localname) + 3  # </akomaNtoso>
    separator = "\n" + "  " * level
    iterator = iter(children)
    batch = list(islice(iterator, _BATCH))
    if not batch:
        raise ValueError("a streamed list must have at least one element")
    while batch:
        following = list(islice(iterator, _BATCH))
        holder = _holder(root)
        for child in batch:
            indent_structure(child, level)
            child.tail = separator
            holder.append(child)
        if not following:
            batch[-1].tail = None
        stream.write(etree.tostring(holder, encoding="UTF-8")[start:-end])
        batch = following


def _holder(root: etree._Element) -> etree._Element:
    """An empty element named as ``root`` that declares the namespaces it declares."""
    nsmap = cast(dict[str, str], root.nsmap)  # lxml-stubs: the default namespace's key is None
    return etree.Element(root.tag, nsmap=nsmap)
