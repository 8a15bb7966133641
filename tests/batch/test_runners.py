"""The same archive on a local process pool, a Dask LocalCluster and a real Dask cluster
(`dask scheduler` + two `dask worker` processes on 127.0.0.1) gives the same files as a
serial run."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from amendtool.batch import run_batch
from amendtool.batch.discover import find_procedures, iter_items
from amendtool.batch.manifest import read_manifest
from tests.batch.archive_fixtures import FAILING, tree
from tests.conftest import run_cli

distributed = pytest.importorskip(
    "distributed", reason="NO DASK TEST: install the dask extra (pip install -e '.[test,dask]')"
)
DASK = Path(sys.executable).parent / "dask"


def test_process_pool_gives_the_serial_result(serial_run, archive, tmp_path):
    serial, _ = serial_run
    out = tmp_path / "out"
    result = run_cli("batch", str(archive), "-o", str(out), "--workers", "2")
    assert result.returncode == 2  # the failing procedures fail here too
    assert tree(out) == tree(serial)


def test_work_items_carry_bytes_not_paths(archive):
    items = list(iter_items(find_procedures(archive), read_manifest(archive)))
    assert len(items) == len(find_procedures(archive))
    for item in items:
        payload = pickle.dumps(item)
        assert str(archive).encode() not in payload  # a worker needs no access to DIR
        assert all(file.data for file in item.files)


def test_local_cluster_gives_the_serial_result(serial_run, archive, tmp_path, monkeypatch):
    serial, _ = serial_run
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046400")  # the date run_cli gives the command
    out = tmp_path / "out"
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        result = run_batch(archive, out, scheduler=cluster.scheduler_address, progress=False)
    assert result.failed == len(FAILING) and result.computed == result.procedures
    assert tree(out) == tree(serial)


def _wait_for(path: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not path.exists():
        assert time.monotonic() < deadline, f"{path} did not appear"
        time.sleep(0.2)


def test_dask_scheduler_and_two_workers_end_to_end(serial_run, archive, tmp_path):
    serial, _ = serial_run
    scheduler_file = tmp_path / "scheduler.json"
    workspace = tmp_path / "workers"  # the workers run elsewhere, with their own folder
    workspace.mkdir()
    processes = [
        subprocess.Popen(
            [
                str(DASK),
                "scheduler",
                "--host",
                "127.0.0.1",
                "--port",
                "0",
                "--no-dashboard",
                "--scheduler-file",
                str(scheduler_file),
            ],
            cwd=workspace,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    ]
    try:
        _wait_for(scheduler_file)
        address = json.loads(scheduler_file.read_text())["address"]
        for n in range(2):
            processes.append(
                subprocess.Popen(
                    [
                        str(DASK),
                        "worker",
                        address,
                        "--nworkers",
                        "1",
                        "--nthreads",
                        "1",
                        "--host",
                        "127.0.0.1",
                        "--no-dashboard",
                        "--local-directory",
                        str(workspace / f"w{n}"),
                        "--name",
                        f"w{n}",
                    ],
                    cwd=workspace,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                )
            )
        with distributed.Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
            assert len(client.scheduler_info()["workers"]) == 2
        out = tmp_path / "out"
        result = run_cli("batch", str(archive), "-o", str(out), "--scheduler", address)
        assert result.returncode == 2, result.stderr
        assert f"{len(FAILING)} of " in result.stderr
        assert tree(out) == tree(serial)
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def test_unreachable_scheduler_is_a_one_line_error(archive, tmp_path):
    result = run_cli(
        "batch", str(archive), "-o", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9"
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith(
        "amendtool: error: cannot reach the Dask scheduler at tcp://127.0.0.1:9"
    )
    assert "Traceback" not in result.stderr
