"""Every third-party module the package imports is a dependency a plain install brings
(``pip install amendtool``), except those of the batch command, which its extras bring."""

from __future__ import annotations

import ast
import re
import sys
from importlib import metadata
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "amendtool"
OPTIONAL = {"batch": ("batch", "dask")}  # subpackage -> extras that bring its imports


def _imported_modules(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"amendtool", "__future__"}


def _requirements() -> dict[str, set[str]]:
    """Distribution (normalised) -> the extras that bring it ("" for a plain install)."""
    found: dict[str, set[str]] = {}
    for requirement in metadata.requires("amendtool") or []:
        name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0]
        extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)", requirement)
        key = re.sub(r"[-_.]+", "-", name).lower()
        found.setdefault(key, set()).add(extra.group(1) if extra else "")
    return found


def test_every_imported_distribution_is_declared() -> None:
    distributions = metadata.packages_distributions()
    required = _requirements()
    missing = []
    for path in sorted(PACKAGE.rglob("*.py")):
        part = path.relative_to(PACKAGE).parts[0]
        allowed = {"", *OPTIONAL.get(part, ())}
        for module in sorted(_imported_modules(path)):
            owners = distributions.get(module, [module])
            keys = {re.sub(r"[-_.]+", "-", owner).lower() for owner in owners}
            if not any(required.get(key, set()) & allowed for key in keys):
                missing.append(f"{path.relative_to(PACKAGE)}: {module}")
    assert missing == []
