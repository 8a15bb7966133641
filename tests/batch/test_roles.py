"""Roles from the documents, and the procedures that cannot be compared, one per line."""

from __future__ import annotations

from amendtool.batch.discover import InputFile, WorkItem
from amendtool.batch.manifest import Override
from amendtool.batch.work import process
from tests.conftest import SAMPLES


def _item(*files: tuple[str, str], overrides: dict[str, Override] | None = None) -> WorkItem:
    chosen = overrides or {}
    return WorkItem(
        "p",
        tuple(
            InputFile(name, (SAMPLES / sample).read_bytes(), chosen.get(name, Override()))
            for name, sample in files
        ),
        "hash",
    )


JOINT = ("joint.txt", "kazakhstan.v2.txt")
PPE = ("ppe.txt", "kazakhstan-ppe.txt")
ADOPTED = ("adopted.txt", "kazakhstan-adopted.txt")


def test_roles_and_groups_come_from_the_documents():
    row = process(_item(JOINT, PPE, ("ecr.txt", "kazakhstan-ecr.txt"), ADOPTED)).row
    assert row.status == "ok", row.error
    assert [(m.label, m.group, m.file, m.number) for m in row.motions] == [
        ("PPE", "PPE", "ppe.txt", "B7-0141/2012"),  # in file order
        ("ECR", "ECR", "ecr.txt", "B7-0135/2012"),
    ]
    assert row.adopted_number == "P7_TA(2012)0089"


def test_procedures_that_cannot_be_compared_say_why():
    cases = {
        "mixed languages (en, fr)": _item(JOINT, PPE, ("fr.txt", "kazakhstan-fr.txt")),
        "2 adopted texts (adopted.txt, a2.txt)": _item(
            JOINT, PPE, ADOPTED, ("a2.txt", "kazakhstan-adopted.txt")
        ),
        "no group motion among the files": _item(JOINT, ADOPTED),
        "no joint motion among the files": _item(PPE, ADOPTED),
    }
    for expected, item in cases.items():
        row = process(item).row
        assert row.status == "error" and expected in row.error, (expected, row.error)
        assert row.reports == () and "\n" not in row.error


def test_manifest_group_aliases_are_normalised_and_roles_override_kinds():
    overrides = {"ppe.txt": Override("", "Verts/ALE"), "adopted.txt": Override("ignore", "")}
    row = process(_item(JOINT, PPE, ADOPTED, overrides=overrides)).row
    assert row.status == "ok"
    assert [m.group for m in row.motions] == ["Greens/EFA"]
    assert row.adopted_number == "" and "no adopted text" in " ".join(row.warnings)
    assert row.motions[0].kept_in_adopted is None


def test_a_motion_without_a_group_is_labelled_by_number_and_left_out_of_group_shares():
    overrides = {"ppe.txt": Override("motion", "")}
    item = _item(JOINT, ("greens.txt", "000_db3735a7e559543f.txt"), PPE, overrides=overrides)
    row = process(item).row
    assert {m.group for m in row.motions} == {"Greens/EFA", "PPE"}
    no_group = _item(JOINT, ("ppe.txt", "kazakhstan-ppe.txt"))
    stripped = (SAMPLES / "kazakhstan-ppe.txt").read_text("utf-8").replace("PPE", "XYZ")
    no_group = WorkItem("p", (no_group.files[0], InputFile("m.txt", stripped.encode())), "hash")
    row = process(no_group).row
    assert row.status == "ok", row.error
    assert row.motions[0].group == "" and row.motions[0].label == "B7-0141/2012"
    assert row.group_shares() == ()
    assert any("no tabling group found" in w for w in row.warnings)
