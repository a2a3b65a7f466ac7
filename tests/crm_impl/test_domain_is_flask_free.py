"""crm_impl/ is the domain: it must never import Flask, a Flask extension or Werkzeug."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "crm_impl"
FORBIDDEN = ("flask", "flask_wtf", "flask_login", "flask_babel", "flask_limiter", "werkzeug")


def _imports(path: Path):
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_imports_no_web_framework(path):
    bad = [name for name in _imports(path) if name.split(".")[0] in FORBIDDEN]
    assert not bad, f"{path.name} imports {bad}"


def test_the_check_sees_a_flask_import(tmp_path):
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from flask import g\n")
    assert list(_imports(module)) == ["flask"]
