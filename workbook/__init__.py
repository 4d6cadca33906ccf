"""Strategy Workbook: participatory regional strategy work, from raw data to deliverables."""

from __future__ import annotations

import importlib

__all__ = ["Project", "ProjectError", "load_project", "validate_project"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # Imported on first use: workbook.project brings pandas and pandera (0.7 s), which a
    # dashboard kernel showing the server's drawings never needs.
    if name in __all__:
        return getattr(importlib.import_module("workbook.project"), name)
    raise AttributeError(f"module 'workbook' has no attribute {name!r}")
