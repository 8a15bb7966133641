"""Safety of written files: inputs never overwritten, modes like an editor's, links,
FIFOs and devices written through, no temporary file left behind, broken pipes fail."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from amendtool import outputs
from amendtool.errors import OutputError
from tests.conftest import ROOT, SAMPLES, run_cli

OLD = SAMPLES / "kazakhstan.v1.txt"
NEW = SAMPLES / "kazakhstan.v2.txt"


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_bytes(OLD.read_bytes())
    new.write_bytes(NEW.read_bytes())
    return old, new


def _refused(result: subprocess.CompletedProcess[str], input_name: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "refusing to write the output onto the input file" in result.stderr
    assert input_name in result.stderr


@pytest.mark.parametrize("command", ["diff", "amendments"])
def test_output_onto_an_input_is_refused_and_the_input_intact(tmp_path, command) -> None:
    old, new = _copies(tmp_path)
    before = old.read_bytes()
    # a format the command writes, so that the .txt name is not refused for its extension
    fmt = ["--format", "markdown"]
    _refused(run_cli(command, str(old), str(new), *fmt, "-o", str(old)), "old.txt")
    os.link(old, tmp_path / "hard.txt")
    hard = str(tmp_path / "hard.txt")
    _refused(run_cli(command, str(old), str(new), *fmt, "-o", hard), "old.txt")
    (tmp_path / "soft.txt").symlink_to(new)
    soft = str(tmp_path / "soft.txt")
    _refused(run_cli(command, str(old), str(new), *fmt, "-o", soft), "new.txt")
    # the same file spelled differently (relative, with ..)
    spelled = os.path.relpath(tmp_path / "sub" / ".." / "old.txt", ROOT)
    (tmp_path / "sub").mkdir()
    _refused(run_cli(command, str(old), str(new), *fmt, "-o", spelled), "old.txt")
    assert old.read_bytes() == before and new.read_bytes() == NEW.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "hard.txt",
        "new.txt",
        "old.txt",
        "soft.txt",
        "sub",
    ]


def test_convert_provenance_and_history_refuse_their_inputs(tmp_path) -> None:
    old, new = _copies(tmp_path)
    _refused(run_cli("convert", str(old), "-o", str(old)), "old.txt")
    _refused(run_cli("provenance", str(new), str(old), "-o", str(old)), "old.txt")
    _refused(run_cli("history", str(old), str(new), "-o", str(new)), "new.txt")
    assert old.read_bytes() == OLD.read_bytes() and new.read_bytes() == NEW.read_bytes()


def _umask_run(umask: int, *args: str) -> subprocess.CompletedProcess[bytes]:
    code = f"import os, sys; os.umask({umask}); from amendtool.cli import main; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, cwd=ROOT, timeout=120
    )


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_new_files_follow_the_umask(tmp_path, umask, mode) -> None:
    report = tmp_path / "report.html"
    result = _umask_run(umask, "diff", str(OLD), str(NEW), "--format", "html", "-o", str(report))
    assert result.returncode == 1, result.stderr
    assert stat.S_IMODE(report.stat().st_mode) == mode


def test_an_overwritten_file_keeps_its_mode(tmp_path) -> None:
    report = tmp_path / "report.md"
    report.write_text("old report")
    report.chmod(0o640)
    result = _umask_run(
        0o077, "diff", str(OLD), str(NEW), "--format", "markdown", "-o", str(report)
    )
    assert result.returncode == 1, result.stderr
    assert stat.S_IMODE(report.stat().st_mode) == 0o640
    assert report.read_text("utf-8").startswith("#")


def test_a_symbolic_link_is_followed_and_kept(tmp_path) -> None:
    target = tmp_path / "real.json"
    target.write_text("{}")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    result = run_cli("diff", str(OLD), str(NEW), "--format", "json", "-o", str(link))
    assert result.returncode == 1, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert '"changes"' in target.read_text("utf-8")
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "missing" / "x.json")
    result = run_cli("diff", str(OLD), str(NEW), "--format", "json", "-o", str(dangling))
    assert result.returncode == 2 and "symbolic link to a missing file" in result.stderr
    assert dangling.is_symlink()


def test_a_fifo_is_written_through(tmp_path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run_cli("convert", str(OLD), "--to", "text", "-o", str(fifo))
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert received and b"Kazakhstan" in received[0]
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_dev_stdout_writes_to_standard_output(tmp_path) -> None:
    result = run_cli("convert", str(OLD), "--to", "text", "-o", "/dev/stdout")
    assert result.returncode == 0, result.stderr
    assert "Kazakhstan" in result.stdout
    # standard output redirected to a regular file: written through, not replaced
    captured = tmp_path / "captured.txt"
    with captured.open("wb") as handle:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "amendtool",
                "convert",
                str(OLD),
                "--to",
                "text",
                "-o",
                "/dev/stdout",
            ],
            stdout=handle,
            cwd=ROOT,
            timeout=120,
            check=True,
        )
    assert "Kazakhstan" in captured.read_text("utf-8")
    before = os.stat("/dev/null")
    null = run_cli("convert", str(OLD), "-o", "/dev/null")
    after = os.stat("/dev/null")  # written through: the same device, not a new file
    assert null.returncode == 0 and (after.st_ino, after.st_mode) == (before.st_ino, before.st_mode)


def test_ctrl_c_during_writing_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    real_fchmod = os.fchmod

    def interrupted(fd: int, mode: int) -> None:
        real_fchmod(fd, mode)
        raise KeyboardInterrupt

    monkeypatch.setattr(outputs.os, "fchmod", interrupted)
    with pytest.raises(KeyboardInterrupt):
        outputs.write_output(b"report", str(tmp_path / "out.txt"))
    assert list(tmp_path.iterdir()) == []


def test_a_failed_write_leaves_no_temporary_file(tmp_path, monkeypatch) -> None:
    def refused(source: str, target: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(outputs.os, "replace", refused)
    with pytest.raises(OutputError, match="Permission denied"):
        outputs.write_output(b"report", str(tmp_path / "out.txt"))
    assert list(tmp_path.iterdir()) == []


_SLOW_WRITE = """
import sys, time
from amendtool import outputs
real = outputs.os.fchmod
def slow(fd, mode):
    real(fd, mode)
    print("writing", flush=True, file=sys.stderr)
    time.sleep(60)
outputs.os.fchmod = slow
from amendtool.cli import main
main()
"""


def test_sigterm_during_writing_leaves_no_temporary_file(tmp_path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, "convert", str(OLD), "-o", str(tmp_path / "o.xml")],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    assert [p.name[:11] for p in tmp_path.iterdir()] == [".amendtool-"]
    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) == 143
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_exits_130_without_a_traceback(tmp_path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", _SLOW_WRITE, "convert", str(OLD), "-o", str(tmp_path / "o.xml")],
        cwd=ROOT,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    assert process.stderr.readline() == b"writing\n"
    time.sleep(0.1)
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=60) == 130
    assert process.stderr.read().strip() == b"amendtool: interrupted"  # after a blank line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "args",
    [
        ("convert", str(OLD), "--to", "text"),
        ("diff", str(OLD), str(NEW)),
        ("validate", str(ROOT / "tests" / "data" / "leos-style.xml")),
    ],
)
def test_a_broken_pipe_is_not_success(args) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader went away (``| head`` that has seen enough)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "amendtool", *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            timeout=120,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 2
    assert b"Traceback" not in result.stderr and b"Exception ignored" not in result.stderr


@pytest.mark.parametrize("output_format", ["text", "json"])
def test_a_reader_that_stops_part_way_is_not_success(tmp_path, output_format) -> None:
    """``amendtool diff ... | head -c 100``: the report is larger than the pipe holds."""
    from benchmarks.generate import write_pair

    old, new, _ = write_pair(1200, tmp_path, hard=True)  # reports of 200 KB and more
    process = subprocess.Popen(
        [sys.executable, "-m", "amendtool", "diff", str(old), str(new), "--format", output_format],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    assert process.stdout is not None and process.stderr is not None
    assert len(process.stdout.read(100)) == 100
    process.stdout.close()  # like head: seen enough
    assert process.wait(timeout=120) == 2
    complaint = process.stderr.read()
    assert complaint.count(b"\n") <= 1 and b"Traceback" not in complaint


LEAVE_WITH_A_THREAD = """
import sys, threading, time
from pathlib import Path
from amendtool import cli

def late_write():
    time.sleep(0.3)
    Path(sys.argv[1]).write_text("written")

threading.Thread(target=late_write).start()
print("report", end="")
cli._leave(1)
"""


def test_leaving_waits_for_running_threads_and_flushes(tmp_path) -> None:
    """The quick exit of a finished command skips teardown, never work still running:
    with another thread alive the process exits as usual, after the thread."""
    marker = tmp_path / "marker.txt"
    result = subprocess.run(
        [sys.executable, "-c", LEAVE_WITH_A_THREAD, str(marker)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stdout == "report"  # buffered output flushed before leaving
    assert marker.read_text() == "written"


def test_a_big_report_on_a_pipe_arrives_whole() -> None:
    """Leaving without teardown loses nothing written to a pipe."""
    through_pipe = subprocess.run(
        [sys.executable, "-m", "amendtool", "diff", str(OLD), str(NEW), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert through_pipe.returncode == 1
    report = json.loads(through_pipe.stdout)
    assert report["statistics"]["clauses_new"] == 39


_MADE = b"head;" + (b"0123456789" * 50_000)[10:-10] + b"first" + b"later"


def _parts(stream) -> None:
    """A producer as renderers are: bytes, read-only views, and a buffer it reuses."""
    stream.write(b"head;")
    text = b"0123456789" * 50_000
    stream.write(memoryview(text)[10:-10])
    reused = bytearray(b"first")
    stream.write(reused)
    reused[:] = b"later"  # changed after it was handed over: the file has what was written
    stream.write(reused)


def test_output_made_part_by_part_reaches_the_file_whole_and_in_order(tmp_path) -> None:
    target = tmp_path / "out.bin"
    target.write_bytes(b"old content")
    outputs.write_output_from(_parts, str(target))
    assert target.read_bytes() == _MADE
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


@pytest.mark.parametrize("destination", ["stdout", "/dev/null"])
def test_output_made_part_by_part_goes_whole_to_streams_too(tmp_path, capfdbinary, destination):
    outputs.write_output_from(_parts, None if destination == "stdout" else destination)
    written = capfdbinary.readouterr().out
    assert written == (_MADE if destination == "stdout" else b"")


def test_a_failure_while_the_output_is_made_leaves_the_old_file(tmp_path) -> None:
    target = tmp_path / "report.json"
    target.write_bytes(b"yesterday's report")

    def fails_part_way(stream) -> None:
        stream.write(b"x" * 1_000_000)
        raise RuntimeError("renderer failed")

    with pytest.raises(RuntimeError, match="renderer failed"):
        outputs.write_output_from(fails_part_way, str(target))
    assert target.read_bytes() == b"yesterday's report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_a_full_disk_while_writing_part_by_part_is_an_output_error(tmp_path, monkeypatch):
    real_write = os.write
    calls = []

    def full_after_two_parts(descriptor: int, data) -> int:
        calls.append(len(data))
        if len(calls) > 2:
            raise OSError(28, "No space left on device")
        return real_write(descriptor, data)

    monkeypatch.setattr(outputs.os, "write", full_after_two_parts)
    target = tmp_path / "out.json"
    with pytest.raises(OutputError, match="No space left on device"):
        outputs.write_output_from(lambda s: [s.write(b"part") for _ in range(5)], str(target))
    assert list(tmp_path.iterdir()) == []


def test_a_json_report_written_to_a_file_is_the_one_on_standard_output(tmp_path) -> None:
    """The JSON renderer writes a file part by part (a thread writing one part while the
    next is made): the same bytes as the report on a pipe, for a report of many parts."""
    from benchmarks.generate import write_pair

    old, new, _ = write_pair(1200, tmp_path, hard=True)
    to_file = run_cli(
        "diff", str(old), str(new), "--format", "json", "-o", str(tmp_path / "r.json")
    )
    on_pipe = subprocess.run(
        [sys.executable, "-m", "amendtool", "diff", str(old), str(new), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        timeout=120,
    )
    assert to_file.returncode == on_pipe.returncode == 1
    written = (tmp_path / "r.json").read_bytes()
    assert len(written) > 1_000_000 and written == on_pipe.stdout
