"""The layers of crm_impl/, checked on the source with ``ast``.

- The domain never imports Flask, a Flask extension or Werkzeug.
- Engines (pure algorithms) import no database, no stored models, no operations and no plotly.
- Charts import no database, models or operations; file formats no database, models,
  operations or plotly.
- Imports between crm_impl modules form no cycle (checked with networkx).

See docs/architecture.md for the picture.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "crm_impl"
WEB = ("flask", "flask_wtf", "flask_login", "flask_babel", "flask_limiter", "werkzeug")

#: Folders of pure algorithms; the coming capabilities add theirs here.
ENGINES = ("schedule", "tracking", "processes", "vendors", "finance")
PERSISTENCE = ("sqlalchemy", "crm_impl.db", "crm_impl.models", "crm_impl.operations", "crm_impl.projectfile")
RULES: dict[str, tuple[str, ...]] = {
    **{engine: (*PERSISTENCE, "plotly", "crm_impl.charts", "crm_impl.formats", "crm_impl.reports") for engine in ENGINES},
    "charts": (*PERSISTENCE, "crm_impl.formats", "crm_impl.reports"),
    "formats": (*PERSISTENCE, "plotly", "crm_impl.charts", "crm_impl.reports"),
    "methodology": (*PERSISTENCE, "plotly", "crm_impl.charts"),
    "models": ("crm_impl.operations", "crm_impl.projectfile", "plotly", "crm_impl.charts"),
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path) -> list[str]:
    """Every module ``path`` imports (at any depth of the file, lazy imports too), absolute names.

    ``from crm_impl.db import audit`` imports the module ``crm_impl.db.audit``;
    ``from crm_impl.db import make_engine`` imports ``crm_impl.db``.
    """
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            for alias in node.names:
                found.append(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    return found


def forbidden(path: Path, name: str | None = None) -> list[str]:
    """The imports of ``path`` (the module ``name``, by default where it lies) its layer forbids."""
    parts = (name or module_name(path)).split(".")
    bad = [name for name in imports(path) if name.split(".")[0] in WEB]
    rule = RULES.get(parts[1]) if len(parts) > 1 else None
    if rule:
        bad += [name for name in imports(path) if any(name == f or name.startswith(f + ".") for f in rule)]
    return sorted(set(bad))


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_keeps_to_its_layer(path):
    assert not forbidden(path), f"{path.relative_to(ROOT)} imports {forbidden(path)}"


def import_graph(modules: dict[str, Path]) -> nx.DiGraph:
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        graph.add_edges_from((name, target) for target in imports(path) if target in modules and target != name)
    return graph


def test_crm_impl_has_no_import_cycle():
    graph = import_graph(MODULES)
    cycles = list(nx.simple_cycles(graph))
    assert not cycles, f"import cycles: {cycles[:5]}"


# --- the checks can fail --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("module", "source", "culprit"),
    [
        ("crm_impl.schedule.bad", "import plotly.graph_objects as go\n", "plotly.graph_objects"),
        ("crm_impl.schedule.bad", "from crm_impl.models import Task\n", "crm_impl.models"),
        ("crm_impl.tracking.bad", "def f():\n    from sqlalchemy.orm import Session\n", "sqlalchemy.orm"),
        ("crm_impl.charts.bad", "from crm_impl.operations.planning import plan_schedule\n",
         "crm_impl.operations.planning"),
        ("crm_impl.formats.bad", "from crm_impl.db import audit\n", "crm_impl.db.audit"),
        ("crm_impl.operations.bad", "from flask import g\n", "flask"),
    ],
)
def test_the_layer_check_sees_a_forbidden_import(tmp_path, module, source, culprit):
    fake = tmp_path / "bad.py"
    fake.write_text(source)
    assert culprit in forbidden(fake, module)


def test_the_cycle_check_sees_a_cycle():
    modules = dict(MODULES)
    graph = import_graph(modules)
    graph.add_edge("crm_impl.schedule.calendar", "crm_impl.schedule.plan")  # plan imports calendar
    assert list(nx.simple_cycles(graph))
