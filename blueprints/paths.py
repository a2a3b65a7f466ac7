"""Where the top-level folders (templates, static, translations, ...) are.

In a source checkout or an editable install they sit beside this package; in a wheel they
are shipped inside it under ``_assets`` (see ``pyproject.toml``).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["asset_dir"]

_HERE = Path(__file__).resolve().parent


def asset_dir(name: str) -> Path:
    for candidate in (_HERE / "_assets" / name, _HERE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"crm-impl is installed without its {name}/ folder")
