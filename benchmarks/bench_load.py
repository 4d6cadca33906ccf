"""How long loading and validating a project takes (goal: well under a second for the demo).

    .venv/bin/python benchmarks/bench_load.py [PROJECT ...]

Prints the median of several runs for each project, after one warm-up run (the first import
of pandas and pandera is reported separately: it is paid once per process).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROJECTS = [ROOT / "data" / "demo-lapland", ROOT / "data" / "demo-lapland-xlsx"]
RUNS = 7


def main(paths: list[str]) -> int:
    started = time.perf_counter()
    from workbook import load_project

    print(f"import workbook (pandas, pandera …): {time.perf_counter() - started:.2f} s, once per process")
    for path in [Path(p) for p in paths] or DEFAULT_PROJECTS:
        load_project(path)
        timings = []
        for _ in range(RUNS):
            began = time.perf_counter()
            project = load_project(path)
            timings.append(time.perf_counter() - began)
        rows = sum(len(frame) for frame in project.tables.values())
        respondents = sum(len(frame) for frame in project.surveys.values())
        median = statistics.median(timings)
        print(f"{path.name}: load + validate {median * 1000:.0f} ms (median of {RUNS}; "
              f"{rows} table rows, {respondents} survey respondents); goal < 1000 ms: "
              f"{'met' if median < 1 else 'NOT met'} ({median / 1.0:.2f}× the goal)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
