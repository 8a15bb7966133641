from __future__ import annotations

import pytest

from tests.batch.archive_fixtures import make_archive
from tests.conftest import run_cli


@pytest.fixture(scope="session")
def archive(tmp_path_factory):
    return make_archive(tmp_path_factory.mktemp("batch"))


@pytest.fixture(scope="session")
def serial_run(archive, tmp_path_factory):
    """The archive run once, serially, through the real command."""
    out = tmp_path_factory.mktemp("serial") / "out"
    result = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    return out, result
