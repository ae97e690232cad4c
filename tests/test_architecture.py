"""The shape of the code: only `impact.ui` talks to Streamlit."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "impact"
UI = PACKAGE / "ui"


def imported_modules(tree: ast.AST) -> set[str]:
    """Every module a module imports, anywhere in it (also inside functions)."""
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def imports_streamlit(path: Path) -> bool:
    modules = imported_modules(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
    return any(name == "streamlit" or name.startswith("streamlit.") for name in modules)


def test_the_check_sees_streamlit_imports() -> None:
    assert imports_streamlit(UI / "session.py")  # import streamlit as st
    tree = ast.parse("def f():\n    from streamlit.testing.v1 import AppTest\n")
    assert "streamlit.testing.v1" in imported_modules(tree)


def test_only_impact_ui_imports_streamlit() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert len(modules) > 10, "the package should be found"
    outside = [path.relative_to(PACKAGE).as_posix() for path in modules
               if UI not in path.parents and imports_streamlit(path)]
    assert outside == [], f"only impact/ui may import Streamlit: {outside}"
