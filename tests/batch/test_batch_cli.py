"""`amendtool batch` through the real command: outputs, failure rules, exit status, resuming."""

from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys

import pytest

import amendtool
from tests.batch.archive_fixtures import FAILING, GENERATED, KAZAKHSTAN, make_archive, tree
from tests.conftest import ROOT, SAMPLES, run_cli

pytest.importorskip("matplotlib", reason="NO BATCH TEST: install the batch extra (.[test,dask])")


def _rows(out):
    with open(out / "summary.csv", encoding="utf-8", newline="") as stream:
        return {row["procedure"]: row for row in csv.DictReader(stream)}


def test_every_procedure_has_a_row_and_failures_fail_only_their_procedure(serial_run, archive):
    out, result = serial_run
    rows = _rows(out)
    folders = sorted(p.name for p in archive.iterdir() if p.is_dir())
    assert list(rows) == folders  # one row per folder, in folder order
    assert {name for name, row in rows.items() if row["status"] == "error"} == set(FAILING)
    assert result.returncode == 2
    assert f"{len(FAILING)} of {len(folders)} procedures failed" in result.stderr
    assert "Traceback" not in result.stderr
    # the row says why, naming the file
    assert rows["broken-file"]["error"].startswith("broken-file/motion-2.txt: ")
    assert "binary" in rows["broken-file"]["error"]
    assert "no joint motion" in rows["no-joint"]["error"]
    assert not list((out / "broken-file").glob("*.html"))  # no report for a failed procedure
    ok = [name for name, row in rows.items() if row["status"] == "ok"]
    assert len(ok) == GENERATED + 1


def test_summary_figures_are_those_of_the_api(serial_run, archive):
    out, _ = serial_run
    row = _rows(out)["2012-kazakhstan"]
    folder = archive / "2012-kazakhstan"
    joint = amendtool.read(folder / "joint.txt")
    adopted = amendtool.read(folder / "adopted.txt")
    for name, group in (("greens.txt", "Greens/EFA"), ("ppe.txt", "PPE"), ("sd.txt", "S&D")):
        motion = amendtool.read(folder / name)
        to_joint = amendtool.compare(motion, joint).statistics.share_kept
        to_adopted = amendtool.compare(motion, adopted).statistics.share_kept
        assert float(row[f"share_joint:{group}"]) == round(to_joint, 4)
        assert float(row[f"share_adopted:{group}"]) == round(to_adopted, 4)
    plenary = amendtool.compare(joint, adopted)
    assert float(row["joint_kept_in_adopted"]) == round(plenary.statistics.share_kept, 4)
    assert row["adopted_differs"] == ("yes" if plenary.differs else "no")
    assert (row["joint_number"], row["joint_date"]) == ("RC-B7-0135/2012", joint.meta.date)
    assert (row["adopted_number"], row["adopted_date"]) == ("P7_TA(2012)0089", "2012-03-15")
    assert row["year"] == "2012" and row["motions"] == "4"
    assert "B7-0141/2012" in row["motion_numbers"].split("; ")
    # the joint text replaces B7-0144/2012 (Renew), which is not in the folder: said, not hidden
    assert "replaces B7-0144/2012, which is not in the folder" in row["warnings"]
    # the JSON summary has the same row
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    entry = next(p for p in summary["procedures"] if p["procedure"] == "2012-kazakhstan")
    assert entry["groups"]["PPE"]["joint"] == float(row["share_joint:PPE"])
    assert summary["totals"] == {"procedures": len(_rows(out)), "failed": len(FAILING)}


def test_per_procedure_reports_are_the_renderers_output(serial_run, archive, monkeypatch):
    out, _ = serial_run
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795046400")  # the date run_cli gives the command
    folder = archive / "2012-kazakhstan"
    reports = out / "2012-kazakhstan"
    joint = amendtool.read(folder / "joint.txt")
    adopted = amendtool.read(folder / "adopted.txt")
    plenary = amendtool.compare(joint, adopted)
    assert (reports / "joint-adopted.json").read_text("utf-8") == amendtool.render(plenary, "json")
    assert (reports / "joint-adopted.html").read_text("utf-8") == amendtool.render(plenary, "html")
    provenance = json.loads((reports / "provenance.json").read_text("utf-8"))
    assert {s["label"] for s in provenance["sources"]} == {"Greens/EFA", "PPE", "ECR", "S&D"}
    history = json.loads((reports / "ppe-history.json").read_text("utf-8"))
    assert len(history["versions"]) == 3  # motion -> joint -> adopted
    row = json.loads((reports / "row.json").read_text("utf-8"))
    for report in row["reports"]:  # every report the row links exists
        assert (reports / report["html"]).is_file() and (reports / report["json"]).is_file()
    assert len(row["reports"]) == 2 + 2 * len(row["motions"])


def test_second_run_reuses_unchanged_procedures_and_recomputes_changed_ones(tmp_path):
    archive = make_archive(tmp_path)
    shutil.rmtree(archive / "no-joint")
    out = tmp_path / "out"
    first = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert first.returncode == 2  # broken-file
    before = tree(out)
    again = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    # the unreadable file fails the same way: its row is reused too
    assert again.stderr.count("unchanged, not recomputed") == GENERATED + 2
    assert "broken-file: unchanged, not recomputed: error: broken-file/motion-2.txt" in again.stderr
    assert tree(out) == before
    # repair the broken procedure and change one generated motion
    shutil.copy(archive / "procedure-00001" / "motion-2.txt", archive / "broken-file")
    motion = archive / "procedure-00002" / "motion-1.txt"
    motion.write_text(motion.read_text("utf-8").replace("Calls on", "Urges", 1), "utf-8")
    third = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert third.returncode == 0, third.stderr
    assert "procedure-00002: ok" in third.stderr and "broken-file: ok" in third.stderr
    assert third.stderr.count("unchanged, not recomputed") == GENERATED
    forced = run_cli("batch", str(archive), "-o", str(out), "--workers", "1", "--force")
    assert "unchanged" not in forced.stderr.replace("0 unchanged", "")


def test_manifest_overrides_roles_and_groups(tmp_path):
    archive = tmp_path / "archive"
    folder = archive / "kaz"
    folder.mkdir(parents=True)
    for name in ("joint.txt", "ppe.txt", "adopted.txt"):
        shutil.copy(SAMPLES / KAZAKHSTAN[name], folder / name)
    shutil.copy(SAMPLES / "kazakhstan-joint-pdf.txt", folder / "second-joint.txt")
    shutil.copy(SAMPLES / "kazakhstan.v1.txt", folder / "notes.txt")
    out = tmp_path / "out"
    # two joint motions: the procedure fails and says what to do
    plain = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert plain.returncode == 2
    assert "2 joint motions (joint.txt, second-joint.txt)" in _rows(out)["kaz"]["error"]
    (archive / "manifest.csv").write_text(
        "procedure,file,role,group\n"
        "kaz,second-joint.txt,ignore,\n"
        "kaz,ppe.txt,,ECR\n"
        "kaz,notes.txt,ignore,\n",
        encoding="utf-8",
    )
    chosen = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert chosen.returncode == 0, chosen.stderr
    row = _rows(out)["kaz"]
    assert row["share_joint:ECR"] and "share_joint:PPE" not in row  # the manifest's group
    assert row["motions"] == "1"


def test_bad_manifest_and_folders_are_one_line_errors(tmp_path, archive):
    bad = tmp_path / "bad"
    (bad / "p").mkdir(parents=True)
    (bad / "manifest.csv").write_text("procedure,file,role\np,x.txt,motion\n", "utf-8")
    result = run_cli("batch", str(bad), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"amendtool: error: {bad / 'manifest.csv'}:2: no file 'x.txt' in p"
    ]
    (bad / "p" / "x.txt").write_text("x", "utf-8")
    (bad / "manifest.csv").write_text("procedure,file,role\np,x.txt,amendment\n", "utf-8")
    result = run_cli("batch", str(bad), "-o", str(tmp_path / "out"))
    assert "unknown role 'amendment'" in result.stderr and result.returncode == 2
    inside = run_cli("batch", str(archive), "-o", str(archive / "out"))
    assert inside.returncode == 2 and "must be outside" in inside.stderr
    assert not (archive / "out").exists()
    missing = run_cli("batch", str(tmp_path / "nowhere"), "-o", str(tmp_path / "out2"))
    assert missing.returncode == 2 and "no such folder" in missing.stderr
    both = run_cli(
        "batch",
        str(archive),
        "-o",
        str(tmp_path / "o"),
        "--workers",
        "2",
        "--scheduler",
        "tcp://127.0.0.1:1",
    )
    assert both.returncode == 2 and "not both" in both.stderr


def test_ctrl_c_leaves_no_half_written_report_and_the_rerun_resumes(tmp_path):
    archive = make_archive(tmp_path)
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "amendtool",
        "batch",
        str(archive),
        "-o",
        str(out),
        "--workers",
        "1",
        "--no-progress",
    ]
    process = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    first = process.stderr.readline()  # the first procedure is done
    assert ": ok" in first or ": error" in first
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read()
    assert process.wait(timeout=60) == 130
    assert "interrupted" in rest and "Traceback" not in rest
    assert not list(out.glob(".tmp-*"))  # no temporary folder left
    assert not (out / "summary.csv").exists()
    done = [p for p in out.iterdir() if p.is_dir()]
    assert done and len(done) < 6
    for folder in done:  # every procedure folder is complete
        row = json.loads((folder / "row.json").read_text("utf-8"))
        for report in row["reports"]:
            assert (folder / report["html"]).stat().st_size > 0
    resumed = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert resumed.stderr.count("unchanged, not recomputed") == len(done)
    assert (out / "summary.csv").is_file()


def test_progress_is_log_lines_when_not_a_terminal(serial_run):
    _, result = serial_run
    lines = [line for line in result.stderr.splitlines() if line.startswith("amendtool: [")]
    assert len(lines) == GENERATED + 1 + len(FAILING)
    assert lines[0].startswith("amendtool: [1/6] ")


def test_a_file_the_command_cannot_read_fails_its_procedure_and_is_retried(tmp_path):
    archive = tmp_path / "archive"
    folder = archive / "kaz"
    folder.mkdir(parents=True)
    for name in ("joint.txt", "ppe.txt"):
        shutil.copy(SAMPLES / KAZAKHSTAN[name], folder / name)
    huge = archive / "huge" / "joint.txt"
    huge.parent.mkdir()
    with open(huge, "wb") as stream:  # sparse: 51 MB that take no room
        stream.truncate(51 * 2**20)
    out = tmp_path / "out"
    first = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert first.returncode == 2 and "1 of 2 procedures failed" in first.stderr
    row = _rows(out)["huge"]
    assert row["status"] == "error" and row["error"] == f"{huge}: file too large (limit 50 MB)"
    assert _rows(out)["kaz"]["status"] == "ok"
    again = run_cli("batch", str(archive), "-o", str(out), "--workers", "1")
    assert "huge: error: " in again.stderr  # read again, not taken from the last run
    assert "kaz: unchanged, not recomputed" in again.stderr
