"""Who is who in a procedure: the group motions, the joint motion and the adopted text.

A document's role is its printed kind (motion for a resolution, joint motion, adopted
resolution) unless ``manifest.csv`` says otherwise; a motion's group is its first tabling
group, or the manifest's. A procedure needs one joint text and at least one motion; the
adopted text is optional (its columns stay empty and a warning says so).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtool.errors import AmendtoolError
from amendtool.model import DocKind, Resolution
from amendtool.textparse.groups import group_named

ROLE_OF_KIND = {
    DocKind.MOTION: "motion",
    DocKind.JOINT_MOTION: "joint",
    DocKind.RESOLUTION: "adopted",
}


class ProcedureError(AmendtoolError):
    """The documents of one procedure do not make a procedure (fails that procedure only)."""


@dataclass(frozen=True)
class Document:
    """One input file read, with the role and group decided for it."""

    file: str
    resolution: Resolution
    role: str
    group: str  # normalised group name for motions ("" when unknown)


@dataclass(frozen=True)
class Motion:
    """A group motion with a label unique in its procedure and a file-name slug."""

    document: Document
    label: str
    slug: str


@dataclass(frozen=True)
class Cast:
    """The documents of a procedure by role."""

    motions: tuple[Motion, ...]
    joint: Document
    adopted: Document | None
    warnings: tuple[str, ...]


def document(file: str, resolution: Resolution, role: str, group: str) -> Document:
    """A document with its role (manifest first, else its kind) and normalised group."""
    chosen_role = role or ROLE_OF_KIND[resolution.meta.kind]
    if group:
        named = group_named(group)
        chosen_group = named.name if named else group
    elif chosen_role == "motion" and resolution.meta.groups:
        chosen_group = resolution.meta.groups[0].name
    else:
        chosen_group = ""
    return Document(file, resolution, chosen_role, chosen_group)


def _one(documents: list[Document], role: str, what: str) -> Document | None:
    found = [d for d in documents if d.role == role]
    if len(found) > 1:
        names = ", ".join(d.file for d in found)
        raise ProcedureError(
            f"{len(found)} {what}s ({names}): give one the role {role} in manifest.csv "
            "and the others ignore"
        )
    return found[0] if found else None


def _slug(label: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", label.casefold()).strip("-") or "motion"


def _motions(documents: list[Document]) -> tuple[tuple[Motion, ...], list[str]]:
    motions, warnings = [], []
    labels: set[str] = set()
    slugs: set[str] = set()
    for doc in documents:
        meta = doc.resolution.meta
        if not doc.group:
            warnings.append(
                f"{doc.file}: no tabling group found (give it in manifest.csv); "
                "left out of the per-group shares"
            )
        base = doc.group or (meta.numbers[0] if meta.numbers else doc.file)
        label, slug, count = base, _slug(base), 1
        while label in labels or slug in slugs:
            count += 1
            label, slug = f"{base} ({count})", f"{_slug(base)}-{count}"
        labels.add(label)
        slugs.add(slug)
        motions.append(Motion(doc, label, slug))
    return tuple(motions), warnings


def cast(documents: list[Document]) -> Cast:
    """Sort the documents of one procedure into their roles; ProcedureError says why not."""
    used = [d for d in documents if d.role != "ignore"]
    languages = sorted({d.resolution.meta.language for d in used})
    if len(languages) > 1:
        raise ProcedureError(
            f"mixed languages ({', '.join(languages)}): put each language version "
            "in its own procedure folder"
        )
    joint = _one(used, "joint", "joint motion")
    adopted = _one(used, "adopted", "adopted text")
    if joint is None:
        raise ProcedureError(
            "no joint motion among the files (mark it with the role joint in manifest.csv)"
        )
    motions, warnings = _motions([d for d in used if d.role == "motion"])
    if not motions:
        raise ProcedureError("no group motion among the files")
    if adopted is None:
        warnings.append("no adopted text: the adopted-text columns are empty")
    replaced = {r.number for r in joint.resolution.meta.replaces}
    present = {n for m in motions for n in m.document.resolution.meta.numbers}
    for number in sorted(replaced - present):
        warnings.append(f"the joint motion replaces {number}, which is not in the folder")
    for motion in motions:
        numbers = motion.document.resolution.meta.numbers
        if replaced and numbers and not set(numbers) & replaced:
            warnings.append(
                f"{motion.document.file}: {numbers[0]} is not among the motions "
                "the joint motion replaces"
            )
    return Cast(motions, joint, adopted, tuple(warnings))
