"""How long the action-plan pages and deliverables take on a project (default: the Lapland demo).

    .venv/bin/python benchmarks/bench_actionplan.py [PROJECT]

Goals: one focus area page (what a dashboard redraws when a filter changes) well under a
second; the whole report's pages under 5 s; one one-pager image under 5 s (most of it is
the browser starting and parsing the inlined plotly.js). Prints medians and their ratio to
the goal.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
RUNS = 5


def median_seconds(work: Callable[[], object], runs: int = RUNS) -> float:
    work()  # warm-up: imports and caches
    timings = []
    for _ in range(runs):
        began = time.perf_counter()
        work()
        timings.append(time.perf_counter() - began)
    return statistics.median(timings)


def report(name: str, seconds: float, goal: float, runs: int = RUNS) -> None:
    verdict = "met" if seconds < goal else "NOT met"
    print(f"{name}: {seconds * 1000:.0f} ms (median of {runs}); goal < {goal:g} s: {verdict} "
          f"({seconds / goal:.2f}× the goal)")


def main(args: list[str]) -> int:
    from workbook import load_project
    from workbook.actionplan import export, focus_area, onepager, pages

    project = load_project(Path(args[0]) if args else ROOT / "data" / "demo-lapland")
    print(f"{project.name}: {len(project.actions)} actions, {len(project.inputs)} inputs, "
          f"{len(project.focus_areas)} focus areas")
    first = project.focus_areas["focus_area_id"].iloc[0]
    report(f"focus area page {first} (analyses + figures)",
           median_seconds(lambda: pages.focus_area_parts(project, first, "fi")), 1.0)
    report("every page of the report (analyses + figures)", median_seconds(lambda: pages.all_parts(project, "fi")), 5.0)
    report("report HTML rendered", median_seconds(lambda: pages.report(project, "fi").render()), 10.0)
    report(".xlsx action plan", median_seconds(lambda: export.workbook_sheets(project, "fi")), 5.0)
    try:
        browser = onepager.find_browser()
    except onepager.BrowserNotFoundError as error:
        print(f"one-pager image: skipped ({error})")
        return 0
    area = focus_area.focus_area_page(project, first, "fi")
    html = onepager.onepager_html(area, project.name, list(project.focus_areas["focus_area_id"]), "fi",
                                  project.period)
    with tempfile.TemporaryDirectory() as folder:
        seconds = median_seconds(lambda: onepager.render_png(html, Path(folder) / "one.png", browser), runs=3)
    report(f"one-pager image {first} (headless {browser.name})", seconds, 5.0, runs=3)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
