"""The ``workbook workshop`` commands (argument parsing only: the server is imported when
a command runs)."""

from __future__ import annotations

import argparse
import importlib
from pathlib import Path
from typing import Callable

from workbook.i18n import LANGUAGES


def _lazy(function: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        return getattr(importlib.import_module("workbook.workshop.server"), function)(args)

    return handler


def add_commands(commands) -> None:
    """Register ``workbook workshop`` and ``workbook workshop export`` on the CLI."""
    workshop = commands.add_parser("workshop", help="Run a live workshop: participants join from their phones")
    actions = workshop.add_subparsers(metavar="start|export")
    start = actions.add_parser("start", help="start (or continue) a workshop for an activity of the project")
    start.add_argument("project", type=Path)
    start.add_argument("--activity", required=True, help="activity id of the workshop in the project, e.g. SP4")
    start.add_argument("--port", type=int, default=8870)
    start.add_argument("--host", default="127.0.0.1", help="0.0.0.0 to let phones on the same network join")
    start.add_argument("--url", help="the address participants use, e.g. behind an HTTPS proxy")
    start.add_argument("--allow-host", action="append", help="another host name the server may be reached by")
    start.add_argument("--db", type=Path, help="the workshop file (default workshops/ACTIVITY.sqlite here)")
    start.add_argument("--votes", type=int, default=5, help="votes each participant may give (default 5)")
    start.add_argument("--lang", choices=LANGUAGES, default="fi")
    start.set_defaults(handler=_lazy("run"))
    export = actions.add_parser("export", help="write the workshop's rows for the project's tables")
    export.add_argument("db", type=Path)
    export.add_argument("--out", type=Path, required=True)
    export.add_argument("--project", type=Path, help="the project (default: the one the workshop was run on)")
    export.set_defaults(handler=_lazy("export_cli"))


def implicit_start(argv: list[str]) -> list[str]:
    """``workbook workshop PROJECT --activity …`` means ``workbook workshop start PROJECT …``."""
    if len(argv) >= 2 and argv[0] == "workshop" and argv[1] not in ("start", "export", "-h", "--help"):
        return ["workshop", "start", *argv[1:]]
    return argv

