"""The life of every clause through a chain of versions (motion -> joint -> adopted).

Consecutive versions are compared; clauses linked by a change (unchanged, modified, moved,
split, merged) belong to one *thread*. A thread records, for every version, the clause(s)
it has there (none before it is born or after it is dropped) and, for every step, how it
changed.
"""

from __future__ import annotations

from dataclasses import dataclass

from amendtool.diffing.report import ChangeReport, ClauseRef, Relation, build_report
from amendtool.diffing.tokens import CompareOptions
from amendtool.model import ClauseKind, Meta, Resolution, text_size


@dataclass(frozen=True)
class Thread:
    """One clause followed through the versions."""

    clauses: tuple[tuple[ClauseRef, ...], ...]  # per version; () where it does not exist
    steps: tuple[Relation | None, ...]  # per step (version i -> i+1); None: absent on both

    @property
    def born(self) -> int:
        """Index of the first version that has it."""
        return next(i for i, refs in enumerate(self.clauses) if refs)

    @property
    def last(self) -> int:
        """Index of the last version that has it."""
        return max(i for i, refs in enumerate(self.clauses) if refs)


@dataclass(frozen=True)
class History:
    """All threads of a chain of versions."""

    metas: tuple[Meta, ...]
    paths: tuple[str, ...]
    threads: tuple[Thread, ...]
    reports: tuple[ChangeReport, ...]  # version i -> i+1


Node = tuple[int, str]  # (version index, clause eId)


class _UnionFind:
    """Clauses of all versions, joined into threads by the changes that link them."""

    def __init__(self) -> None:
        self.parent: dict[Node, Node] = {}

    def find(self, node: Node) -> Node:
        self.parent.setdefault(node, node)
        while self.parent[node] != node:
            self.parent[node] = self.parent[self.parent[node]]
            node = self.parent[node]
        return node

    def join(self, nodes: list[Node]) -> None:
        for node in nodes[1:]:
            self.parent[self.find(node)] = self.find(nodes[0])


def _step_reports(
    versions: list[Resolution],
    paths: list[str],
    options: CompareOptions | None,
    section: ClauseKind | None = None,
    jobs: int = 1,
) -> list[ChangeReport]:
    """The report of each step, version i -> i + 1 (``section`` only, if given)."""
    from amendtool.parallel import forked_map

    def step(i: int) -> ChangeReport:
        return build_report(versions[i], versions[i + 1], options, section, paths[i], paths[i + 1])

    steps = range(len(versions) - 1)
    sizes = [text_size(version) for version in versions]
    names = [f"{paths[i] or i + 1} -> {paths[i + 1] or i + 2}" for i in steps]
    return forked_map(step, steps, jobs, [sizes[i] + sizes[i + 1] for i in steps], names)


def _link(
    reports: list[ChangeReport], threads: _UnionFind
) -> tuple[dict[tuple[int, Node], Relation], dict[Node, ClauseRef]]:
    """Join the clauses each change links; the relation of every node at every step,
    and the reference of every node."""
    relations: dict[tuple[int, Node], Relation] = {}
    refs: dict[Node, ClauseRef] = {}
    for step, report in enumerate(reports):
        for change in report.changes:
            nodes = [(step, r.eid) for r in change.old] + [(step + 1, r.eid) for r in change.new]
            threads.join(nodes)
            relations.update({(step, node): change.relation for node in nodes})
            refs.update({(step, r.eid): r for r in change.old})
            refs.update({(step + 1, r.eid): r for r in change.new})
    return relations, refs


def _thread(
    members: list[Node],
    versions: int,
    relations: dict[tuple[int, Node], Relation],
    refs: dict[Node, ClauseRef],
) -> Thread:
    """One thread: its clauses in each version and its relation at each step."""
    per_version = tuple(
        tuple(refs[node] for node in members if node[0] == index and node in refs)
        for index in range(versions)
    )
    steps = []
    for step in range(versions - 1):
        relation = None
        for node in members:
            if node[0] in (step, step + 1):
                relation = relations.get((step, node), relation)
        steps.append(relation)
    return Thread(per_version, tuple(steps))


def follow(
    versions: list[Resolution],
    paths: list[str] | None = None,
    options: CompareOptions | None = None,
    section: ClauseKind | None = None,
    jobs: int = 1,
) -> History:
    """Compare consecutive versions (``section`` only, if given) and thread every clause.

    ``jobs`` > 1 compares the steps in that many processes (see :mod:`amendtool.parallel`).
    """
    paths = paths or [""] * len(versions)
    reports = _step_reports(versions, paths, options, section, jobs)
    compared: list[set[str]] = [set() for _ in versions]  # what the steps looked at
    for step, report in enumerate(reports):
        for change in report.changes:
            compared[step].update(ref.eid for ref in change.old)
            compared[step + 1].update(ref.eid for ref in change.new)
    chosen = [
        [item.eid for item in version.items() if item.eid in compared[index]]
        for index, version in enumerate(versions)
    ]
    graph = _UnionFind()
    for index, eids in enumerate(chosen):
        for eid in eids:
            graph.find((index, eid))
    relations, refs = _link(reports, graph)
    members_of: dict[Node, list[Node]] = {}
    for index, eids in enumerate(chosen):
        for eid in eids:
            members_of.setdefault(graph.find((index, eid)), []).append((index, eid))
    threads = [_thread(m, len(versions), relations, refs) for m in members_of.values()]
    threads.sort(key=_order_key)
    return History(tuple(v.meta for v in versions), tuple(paths), tuple(threads), tuple(reports))


def _order_key(thread: Thread) -> tuple[int, ...]:
    """Threads in the order of the last version that has them, then earlier ones."""
    last = thread.last
    first_ref = thread.clauses[last][0]
    section = list(ClauseKind).index(first_ref.section)  # unclassified text last
    return (section, first_ref.position, -last)
