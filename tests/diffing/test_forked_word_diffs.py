"""Word diffs made by a forked worker give the report one process gives, and fail the same.

The worker (amendtool.diffing.word_diffs) sends back only span operations, lengths and
counts; the spans are cut again from the texts here. These tests fork for small inputs
too (the size under which the work stays in one process is set to nothing) and hold the
forked path to the one-process path on generated pairs (moves, splits, merges), the
samples, and texts full of typographic apostrophes and quotes, with every option.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amendtool import parallel
from amendtool.diffing import load_drafts, word_diffs
from amendtool.diffing.report import Relation, build_report
from amendtool.diffing.tokens import CompareOptions
from amendtool.diffing.words import CountedDiff, WordCounter, counted_diff
from amendtool.errors import AmendtoolError
from amendtool.model import Resolution
from amendtool.renderers.registry import render_bytes
from benchmarks.generate import generate_pair
from tests.conftest import SAMPLES, SEED

ALL_OPTIONS = [
    CompareOptions(),
    CompareOptions(ignore_case=True),
    CompareOptions(ignore_punctuation=True),
    CompareOptions(ignore_case=True, ignore_punctuation=True),
]
PIECES = [
    "the ",
    "Council ",
    "Commission’s ",
    "Kazakhstan‘s ",
    "1‘1 ",
    "don`t ",
    "EU´s ",
    "«human rights» ",
    "“quoted” ",
    "HUMAN ",
    "rights, ",
    "2024 ",
    "Жж ",
    "; ",
    "– ",
    "é\u0301 ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=25).map(lambda p: "".join(p).strip())


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Fork for any amount of work (even with other tests' idle threads in this
    process); the pids of the workers started, as they start."""
    monkeypatch.setattr(word_diffs, "MIN_FORKED_CHARACTERS", 0)
    monkeypatch.setattr(parallel, "_threads_running", lambda: False)
    started: list[int] = []
    forked = parallel._forked

    def counted(*args: Any) -> tuple[int, Any] | None:
        worker = forked(*args)
        if worker is not None:
            started.append(worker[0])
        return worker

    monkeypatch.setattr(parallel, "_forked", counted)
    return started


@pytest.fixture
def no_worker_left(forks: list[int]) -> Iterator[None]:
    """Every worker a test starts has been waited for when it ends."""
    yield
    for pid in forks:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def _serial(pairs: list[tuple[str, str]], options: CompareOptions) -> list[CountedDiff]:
    counter = WordCounter(options)
    return [counted_diff(old, new, counter) for old, new in pairs]


# the fixture patches for the whole test; the workers are counted per example
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(texts, texts), min_size=2, max_size=12), st.sampled_from(ALL_OPTIONS))
def test_forked_diffs_equal_those_made_here(
    forks: list[int], pairs: list[tuple[str, str]], options: CompareOptions
) -> None:
    pairs.append(("“A” Kazakhstan‘s 1‘1 rights.", "“a” Kazakhstan’s 1’1 RIGHTS;"))
    counter = WordCounter(options)
    before = len(forks)
    assert word_diffs.counted_diffs(pairs, counter, jobs=2) == _serial(pairs, options)
    assert len(forks) == before + 1
    # the words of the texts the worker counted came back with the diffs, and are right
    fresh = WordCounter(options)
    assert all(words == fresh.words(text) for text, words in counter.counted.items())


def test_meanwhile_sees_the_diffs_made_here_before_the_workers(forks: list[int]) -> None:
    pairs = [(f"old text {i} the same", f"new text {i} the same") for i in range(40)]
    pairs += [("identical", "identical")] * 10
    seen: list[int] = []
    diffs = word_diffs.counted_diffs(pairs, WordCounter(CompareOptions()), 2, _adder(seen))
    assert forks, "no worker was started"
    assert diffs == _serial(pairs, CompareOptions())
    assert 0 < len(seen) < len(pairs) and len(set(seen)) == len(seen)
    assert set(range(40, 50)) <= set(seen)  # identical texts are never sent away


def _adder(seen: list[int]) -> Callable[[int, CountedDiff], None]:
    return lambda index, _: seen.append(index)


def _pairs() -> list[tuple[Resolution, Resolution, str]]:
    """Generated pairs (hard: moves, splits, merges, near-duplicates) and the samples."""
    found = []
    for seed in (1, 2):
        old, new, _ = generate_pair(220, seed=seed, hard=True)
        found.append((old, new, f"generated {seed}"))
    (v1, _), (v2, _), (de, _) = load_drafts(
        [
            SAMPLES / "kazakhstan.v1.txt",
            SAMPLES / "kazakhstan.v2.txt",
            SAMPLES / "kazakhstan-de.txt",
        ]
    )
    found.append((v1, v2, "kazakhstan v1 -> v2"))
    found.append((v2, de, "kazakhstan v2 -> de"))
    return found


PAIRS = _pairs()


@pytest.mark.usefixtures("no_worker_left")
@pytest.mark.parametrize("options", ALL_OPTIONS, ids=str)
@pytest.mark.parametrize(("old", "new", "name"), PAIRS, ids=[name for *_, name in PAIRS])
def test_reports_made_on_two_processes_are_byte_identical(
    forks: list[int], old: Resolution, new: Resolution, name: str, options: CompareOptions
) -> None:
    one = build_report(old, new, options, None, "a.txt", "b.txt", jobs=1)
    assert not forks
    two = build_report(old, new, options, None, "a.txt", "b.txt", jobs=2)
    assert len(forks) == 1
    assert two == one
    for output_format in ("json", "text", "html"):
        assert render_bytes(two, output_format) == render_bytes(one, output_format)
    relations = {change.relation for change in one.changes}
    if name.startswith("generated"):  # what the forked diffs were checked on
        assert {Relation.SPLIT, Relation.MERGED, Relation.MODIFIED} <= relations


def test_small_reports_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed pair, and a 250 KB pair, are far from worth a worker."""
    monkeypatch.setattr(parallel, "_threads_running", lambda: False)
    monkeypatch.setattr(parallel, "_forked", _never)
    (seed, _), (v2, _) = load_drafts([SEED, SAMPLES / "kazakhstan.v2.txt"])
    build_report(seed, v2, jobs=2)
    old, new, _ = generate_pair(900, hard=True)
    build_report(old, new, jobs=2)


def _never(*_: Any) -> None:
    raise AssertionError("a worker was started")


def _failing_in_worker(exception: Callable[[], BaseException]) -> Callable[..., Any]:
    parent = os.getpid()

    def diffed(old: str, new: str, counter: WordCounter) -> CountedDiff:
        if os.getpid() != parent and "FAIL" in old:
            raise exception()
        return counted_diff(old, new, counter)

    return diffed


@pytest.mark.usefixtures("no_worker_left")
def test_an_error_in_the_worker_is_raised_here(
    forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(word_diffs, "counted_diff", _failing_in_worker(lambda: ValueError("bad")))
    pairs = [("FAIL one two", "one two three")] + [("a b c", "a b d")] * 5
    with pytest.raises(ValueError, match=r"^bad$"):
        word_diffs.counted_diffs(pairs, WordCounter(CompareOptions()), jobs=2)
    assert forks


@pytest.mark.usefixtures("no_worker_left")
def test_a_worker_that_dies_is_named_in_the_error(
    forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed() -> BaseException:
        os.kill(os.getpid(), signal.SIGKILL)
        return AssertionError("not reached")

    monkeypatch.setattr(word_diffs, "counted_diff", _failing_in_worker(killed))
    pairs = [("FAIL one two", "one two three")] + [("a b c", "a b d")] * 5
    with pytest.raises(AmendtoolError, match=r"^word diffs of a\.txt.*signal 9.*--jobs 1"):
        word_diffs.counted_diffs(
            pairs, WordCounter(CompareOptions()), 2, name="word diffs of a.txt"
        )


def test_without_fork_the_diffs_are_made_here(
    forks: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "_threads_running", lambda: True)
    pairs = [(f"old {i} words", f"new {i} words") for i in range(20)]
    seen: list[int] = []
    diffs = word_diffs.counted_diffs(pairs, WordCounter(CompareOptions()), 2, _adder(seen))
    assert not forks
    assert diffs == _serial(pairs, CompareOptions())
    assert sorted(seen) == list(range(20))


def test_comparisons_of_provenance_and_history_do_not_fork_again(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """They compare in one process a comparison: build_report is not given the cores."""
    import amendtool
    from amendtool.diffing import history, provenance

    given_jobs: list[int] = []
    real = build_report

    def recorded(*args: Any, **kwargs: Any) -> Any:
        given_jobs.append(kwargs.get("jobs", args[6] if len(args) > 6 else 1))
        return real(*args, **kwargs)

    monkeypatch.setattr(history, "build_report", recorded)
    monkeypatch.setattr(provenance, "build_report", recorded)
    v1, v2 = SAMPLES / "kazakhstan.v1.txt", SAMPLES / "kazakhstan.v2.txt"
    amendtool.history([v1, v2, v1], jobs=2)
    amendtool.provenance(v2, [v1, SAMPLES / "kazakhstan-ecr.txt"], jobs=2)
    assert given_jobs and set(given_jobs) == {1}
