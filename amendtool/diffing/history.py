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
from amendtool.model import Meta, Resolution


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


def follow(
    versions: list[Resolution],
    paths: list[str] | None = None,
    options: CompareOptions | None = None,
) -> History:
    """Compare consecutive versions and thread every clause through them."""
    paths = paths or [""] * len(versions)
    reports = [
        build_report(
            versions[i], versions[i + 1], options, old_source=paths[i], new_source=paths[i + 1]
        )
        for i in range(len(versions) - 1)
    ]
    # union-find over (version, eid) nodes linked by the changes of each step
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(node: tuple[int, str]) -> tuple[int, str]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for index, version in enumerate(versions):
        for clause in version.clauses:
            find((index, clause.eid))
    step_relation: dict[tuple[int, tuple[int, str]], Relation] = {}
    for step, report in enumerate(reports):
        for change in report.changes:
            nodes = [(step, r.eid) for r in change.old] + [(step + 1, r.eid) for r in change.new]
            for node in nodes[1:]:
                parent[find(node)] = find(nodes[0])
            for node in nodes:
                step_relation[(step, node)] = change.relation
    refs: dict[tuple[int, str], ClauseRef] = {}
    for step, report in enumerate(reports):
        for change in report.changes:
            refs.update({(step, r.eid): r for r in change.old})
            refs.update({(step + 1, r.eid): r for r in change.new})
    groups: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for index, version in enumerate(versions):
        for clause in version.clauses:
            groups.setdefault(find((index, clause.eid)), []).append((index, clause.eid))
    threads = []
    for members in groups.values():
        per_version = tuple(
            tuple(refs[node] for node in members if node[0] == index and node in refs)
            for index in range(len(versions))
        )
        steps = []
        for step in range(len(reports)):
            relation = None
            for node in members:
                if node[0] in (step, step + 1):
                    relation = step_relation.get((step, node), relation)
            steps.append(relation)
        threads.append(Thread(per_version, tuple(steps)))
    threads.sort(key=lambda t: _order_key(t))
    return History(tuple(v.meta for v in versions), tuple(paths), tuple(threads), tuple(reports))


def _order_key(thread: Thread) -> tuple[int, ...]:
    """Threads in the order of the last version that has them, then earlier ones."""
    last = thread.last
    first_ref = thread.clauses[last][0]
    section = ["citation", "recital", "paragraph"].index(first_ref.section.value)
    return (section, first_ref.position, -last)
