"""Benchmark: build the whole demo pack with `workbook report`; the goal is under a minute.

    .venv/bin/python benchmarks/bench_report.py [PROJECT] [--lang fi|en ...]

Prints the wall time of each full build (every notebook of notebooks/ and every export, run
side by side by workbook.report.WORKERS threads), its ratio to the goal and the machine's load
average when it started (the machine may be shared), then where the time goes: each notebook
and each export on its own, one at a time (a second pass, so it does not slow the timed builds).
"""

from __future__ import annotations

import argparse
import importlib
import os
import tempfile
import time
from pathlib import Path

from workbook import load_project
from workbook.report import (
    NOTEBOOK_FOLDER, WORKERS, analysis_notebooks, build_report, default_exporters, execute_notebook,
)

ROOT = Path(__file__).resolve().parent.parent
GOAL_S = 60.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path, default=ROOT / "data" / "demo-lapland")
    parser.add_argument("--lang", nargs="+", default=["fi", "en"], choices=["fi", "en"])
    args = parser.parse_args()

    started = time.perf_counter()
    project = load_project(args.project)
    print(f"load_project({args.project.name}): {time.perf_counter() - started:.2f} s")
    notebooks = analysis_notebooks(NOTEBOOK_FOLDER)
    exporters = default_exporters()
    with tempfile.TemporaryDirectory() as folder:
        for lang in args.lang:
            load = os.getloadavg()[0]
            started = time.perf_counter()
            manifest = build_report(project, Path(folder) / lang, lang, progress=False)
            seconds = time.perf_counter() - started
            size = sum(entry["bytes"] for entry in manifest["outputs"]) / 1e6
            print(f"full pack, {lang}: {seconds:.1f} s ({len(notebooks)} notebooks, {len(exporters)} exports, "
                  f"{len(manifest['outputs'])} files, {size:.1f} MB; {WORKERS} workers, load average {load:.1f} "
                  f"on {os.cpu_count()} cores) = {seconds / GOAL_S:.2f} x the {GOAL_S:.0f} s goal: "
                  f"{'met' if seconds < GOAL_S else 'NOT met'}")

        lang = args.lang[0]
        print(f"where the time goes ({lang}, one at a time):")
        for path in notebooks:
            started = time.perf_counter()
            execute_notebook(path, project.path.resolve(), lang)
            print(f"  notebook {path.name}: {time.perf_counter() - started:.1f} s")
        for name, module in exporters.items():
            out = Path(folder) / f"export-{name}"
            out.mkdir()
            started = time.perf_counter()
            importlib.import_module(module).export(project, out, lang)
            print(f"  export {name}: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
