"""CPU seconds one visitor costs in the kernels: each dashboard page beside a toy page.

    .venv/bin/python benchmarks/bench_visit_cost.py [PROJECT] [--repeat N] [--pages overview,network]
        [--served N [--before REV]]

A visitor takes a pre-heated kernel, which Voilà replaces by a new one that runs the whole
notebook again; so one visit costs a full run of the notebook in a fresh kernel plus what
the visitor's kernel does once the visitor arrives (here: switching to the other language).
For each page, the notebook runs in a fresh kernel (nbclient) with the environment
``workbook serve`` gives its kernels (:func:`workbook.dashboard.serve.prepare_kernels`),
and the kernel process's CPU time (psutil) is read between steps:

- start: the interpreter and ipykernel, until the kernel answers;
- imports: ``import workbook.dashboard`` and the page module;
- load: ``load_dashboard_project()``;
- draw: the rest of the notebook's page cell (filters, views, page);
- visitor: ``language.value = visitor_language("en")``, the last cell, as for a visitor who
  asks for the other language than the server's.

The toy page (``benchmarks/toy_page.ipynb``: a dropdown, a pandas table shown as HTML, a
plotly chart) runs the same way in the same run: the floor of any Voilà page with these
libraries. The minimum over ``--repeat`` runs is printed (the machine may be shared).

With ``--served N``, each page is then also visited N times, one after the other, in
headless Chromium (``?lang=en``, the server speaking Finnish) against ``workbook serve
--visitors 1``; after each visit the page is closed and the replacement kernel left to run
its page. Printed per visit: the CPU seconds of the server process alone (rendering the
page, relaying messages) and of the server with all its kernels (the visitor's and the
replacement, forked from the server's fork server: :mod:`workbook.dashboard.forks`), the
true cost of one visitor. ``--before REV`` serves the workbook of commit REV the same way
first (a temporary git worktree), for a before/after in one run. The kernels measured above
start from scratch, as the ones served did before the fork server.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import nbformat
import psutil
from nbclient import NotebookClient

from workbook.dashboard.executor import sliced
from workbook.dashboard.harness import checkout, cpu_seconds
from workbook.dashboard.serve import DASHBOARDS, prepare_kernels
from workbook.dashboard.widgets import PAGES
from workbook.project import load_project

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
TOY = Path(__file__).resolve().parent / "toy_page.ipynb"
GOAL_CPU_S = 0.5
CELL_TIMEOUT_S = 60
REPLACEMENT_DELAY_S = 11
STEPS = ("start", "imports", "load", "draw", "visitor")


def process_cpu_seconds(pid: int) -> float:
    return cpu_seconds([psutil.Process(pid)])


def run_notebook(path: Path, env: dict[str, str], page: str | None) -> dict[str, float]:
    """CPU seconds of each step of one run of ``path`` in a fresh kernel (``page``: the
    dashboard page's module, whose page cell is split into imports, load and draw)."""
    notebook = nbformat.read(path, as_version=4)
    cells = notebook.cells
    steps: list[tuple[str, str]] = []
    if page is None:
        steps = [("draw", "".join(cell.source)) for cell in cells]
    else:
        parameters, page_cell, last = cells[0], cells[1], cells[-1]
        source = page_cell.source
        if "load_dashboard_project(PROJECT)" in source:
            steps = [("draw", parameters.source),
                     ("imports", f"import workbook.dashboard\nfrom workbook.dashboard.pages import {page}"),
                     ("load", "from workbook.dashboard import load_dashboard_project\n"
                              "_project = load_dashboard_project(PROJECT)"),
                     ("draw", source.replace("load_dashboard_project(PROJECT)", "_project"))]
        else:
            steps = [("draw", parameters.source), ("draw", source)]
        steps += [("draw", cell.source) for cell in cells[2:-1]]
        steps.append(("visitor", last.source.replace("visitor_language(LANG)", 'visitor_language("en")')))
    notebook.cells = [nbformat.v4.new_code_cell(source) for _, source in steps]
    client = NotebookClient(notebook, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(DASHBOARDS)}})
    spent = dict.fromkeys(STEPS, 0.0)
    with client.setup_kernel(env=env):
        # As workbook serve does: nbclient's single long poll now and then misses a reply.
        for name in ("shell_channel", "iopub_channel"):
            channel = getattr(client.kc, name)
            channel.get_msg = sliced(channel.get_msg, name)
        pid = client.km.provisioner.process.pid
        spent["start"] = process_cpu_seconds(pid)
        for index, (step, _source) in enumerate(steps):
            before = process_cpu_seconds(pid)
            client.execute_cell(notebook.cells[index], index)
            errors = [output for output in notebook.cells[index].outputs if output.output_type == "error"]
            if errors:
                raise RuntimeError(f"{path.name}, cell {index}: {errors[0].ename}: {errors[0].evalue}")
            spent[step] += process_cpu_seconds(pid) - before
    return spent


def visit(context, url: str) -> None:
    """A visitor opens a page, sees it drawn and leaves; Voilà starts the replacement kernel 10 s later."""
    from workbook.dashboard.harness import wait_until_drawn

    tab = context.new_page()
    tab.goto(url)
    wait_until_drawn(tab, 120_000)
    tab.close(run_before_unload=True)
    time.sleep(REPLACEMENT_DELAY_S)


def served_visits(project: Path, pages: list[str], visits: int, code: Path | None = None) -> None:
    from playwright.sync_api import sync_playwright

    from workbook.dashboard.harness import (
        RequestLog, ServedDashboards, open_browser, own_cpu_seconds, server_cpu_seconds, wait_for_pools,
        wait_until_quiet,
    )

    if code is not None:
        project = code / project.relative_to(ROOT) if project.is_relative_to(ROOT) else project
    with sync_playwright() as playwright, \
            ServedDashboards(project, visitors=1, startup_timeout=180, code=code) as server, \
            tempfile.TemporaryDirectory() as profile:
        wait_for_pools(server)
        context = open_browser(playwright, Path(profile))
        RequestLog(context)
        # Once per server, not per visitor: the templates compiled, the scripts' versions hashed.
        visit(context, server.url(pages[0], lang="en"))
        wait_until_quiet(server.process.pid, timeout=120, busy_percent=10)
        for page in pages:
            pid = server.process.pid
            alone, everything = own_cpu_seconds(pid), server_cpu_seconds(pid)
            for _ in range(visits):
                visit(context, server.url(page, lang="en"))
                wait_until_quiet(pid, timeout=120, busy_percent=10)
            alone, everything = own_cpu_seconds(pid) - alone, server_cpu_seconds(pid) - everything
            print(f"{page:14s} served: server {alone / visits:5.2f}  server and kernels {everything / visits:5.2f} "
                  f"CPU s per visit", flush=True)
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", default=str(DEMO))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--pages", default=",".join(PAGES))
    parser.add_argument("--served", type=int, default=0, metavar="N", help="also visit each page N times, served")
    parser.add_argument("--before", metavar="REV", help="with --served: also serve the workbook of this commit, "
                        "first")
    args = parser.parse_args()
    project_path = Path(args.project).resolve()
    runtime = Path(tempfile.mkdtemp(prefix="workbook-bench-"))
    try:
        started, cpu = time.perf_counter(), time.process_time()
        env = {**os.environ, **prepare_kernels(runtime, project_path, load_project(project_path), "fi")}
        print(f"server's preparation (validation and caches): {time.process_time() - cpu:.2f} CPU s, "
              f"{time.perf_counter() - started:.2f} s", flush=True)
        pages = [page for page in args.pages.split(",") if page]
        rows = {}
        for name, path, page in [("toy page", TOY, None)] + [(page, DASHBOARDS / PAGES[page], page) for page in pages]:
            runs = [run_notebook(path, env, page) for _ in range(args.repeat)]
            rows[name] = {step: min(run[step] for run in runs) for step in STEPS}
            row = rows[name]
            full = sum(row[step] for step in STEPS[:-1])
            print(f"{name:14s} " + "  ".join(f"{step} {row[step]:5.2f}" for step in STEPS)
                  + f"  | full run {full:5.2f}  per visit {full + row['visitor']:5.2f} CPU s", flush=True)
        toy = sum(rows["toy page"].values())
        print(f"\nper visit, kernels only (goal ≤ {GOAL_CPU_S} CPU s with the server); the toy page: {toy:.2f}")
        if args.served and args.before:
            print(f"\nBefore ({args.before}):", flush=True)
            with checkout(args.before) as code:
                served_visits(project_path, pages, args.served, code)
            print("Now:", flush=True)
        if args.served:
            served_visits(project_path, pages, args.served)
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


if __name__ == "__main__":
    main()
