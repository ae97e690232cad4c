"""Size limits of issue 10: no file under src/ over 600 lines, no function over 80.

Small modules and short functions keep each piece readable on its own. Page scripts
(views/, app.py) and tests are not held to this: they are outside src/.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 80

# Known exceptions, each with the reason it is still there: "path" for a file,
# "path::qualified.name" for a function (paths relative to the repository). Empty now;
# an entry that is no longer needed fails `test_every_exception_is_still_needed`.
ALLOWED: dict[str, str] = {}


def _files() -> list[Path]:
    """Every text file under src/ (caches, build metadata and binary files aside)."""
    found = []
    for path in sorted(SRC.rglob("*")):
        parts = set(path.relative_to(SRC).parts)
        if not path.is_file() or "__pycache__" in parts:
            continue
        if any(part.endswith(".egg-info") for part in parts) or b"\0" in path.read_bytes():
            continue
        found.append(path)
    return found


def _name(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _long_files() -> dict[str, int]:
    lines = {_name(p): len(p.read_text(encoding="utf-8").splitlines()) for p in _files()}
    return {name: n for name, n in lines.items() if n > MAX_FILE_LINES}


def _functions(tree: ast.AST, prefix: str = "") -> list[tuple[str, ast.AST]]:
    """(qualified name, node) of every function: top level, methods and nested ones."""
    found = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = f"{prefix}{node.name}"
            if not isinstance(node, ast.ClassDef):
                found.append((name, node))
            found += _functions(node, f"{name}.")
        else:
            found += _functions(node, prefix)
    return found


def _long_functions() -> dict[str, int]:
    long = {}
    for path in _files():
        if path.suffix != ".py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for name, node in _functions(tree):
            # from the `def` line to the last line of the body (decorators aside)
            length = node.end_lineno - node.lineno + 1
            if length > MAX_FUNCTION_LINES:
                long[f"{_name(path)}::{name}"] = length
    return long


def test_the_scan_sees_the_source() -> None:
    names = [_name(p) for p in _files()]
    assert "src/impact/store/core.py" in names and "src/impact/workshop/__init__.py" in names
    tree = ast.parse("class A:\n    def m(self):\n        def inner():\n            pass\n")
    assert [name for name, _node in _functions(tree)] == ["A.m", "A.m.inner"]


def test_no_file_under_src_is_over_600_lines() -> None:
    over = {name: n for name, n in _long_files().items() if name not in ALLOWED}
    assert over == {}, f"split these files (at most {MAX_FILE_LINES} lines): {over}"


def test_no_function_under_src_is_over_80_lines() -> None:
    over = {name: n for name, n in _long_functions().items() if name not in ALLOWED}
    assert over == {}, f"split these functions (at most {MAX_FUNCTION_LINES} lines): {over}"


def test_every_exception_is_still_needed() -> None:
    still_long = set(_long_files()) | set(_long_functions())
    stale = sorted(set(ALLOWED) - still_long)
    assert stale == [], f"these are within the limits now; remove them from ALLOWED: {stale}"
