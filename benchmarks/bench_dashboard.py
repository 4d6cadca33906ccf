"""How fast the dashboards are for a visitor, and how many visitors the machine holds.

    .venv/bin/python benchmarks/bench_dashboard.py [PROJECT]

Runs in headless Chromium against ``workbook serve`` on the demo project, and prints:

1. time from navigation until every view of the overview is drawn, cold (fresh browser,
   first visit) and warm (browser cache filled, later visits), with pre-heated kernels on
   (the shipped setting) and off, each against a toy Voilà notebook (one table, one chart)
   served the same way in the same run, as a ratio; goal: overview ≤ 1.5 s warm;
2. time for a filter change to redraw every view of the overview (goal ≤ 100 ms), and of
   the network page, at demo scale;
3. memory of one visitor's kernel on each page;
4. how many simultaneous visitors the machine serves without an error (1, 2, 4 … up to
   ``MAX_VISITORS``), and how long the last of them waits.

Figures depend on the machine and on what else runs on it; the toy ratio is the comparable one.
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import psutil
from nbformat.v4 import new_code_cell, new_notebook
from playwright.sync_api import sync_playwright

from workbook.dashboard.harness import (
    DRAWN_SCRIPT, RequestLog, ServedDashboards, free_port, open_browser, wait_until_drawn, wait_until_quiet,
)
from workbook.dashboard.serve import TEMPLATE, TEMPLATE_ROOT

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
WARM_VISITS = 3
FILTER_CHANGES = 6
MAX_VISITORS = 8
GOAL_WARM_S = 1.5
GOAL_REDRAW_MS = 100

TOY_DRAWN = "() => document.querySelector('.jp-OutputArea-output table') !== null && " \
            "document.querySelector('.js-plotly-plot .main-svg') !== null"

# Changes one menu by index and returns [ms until the page's marker says every view was redrawn
# and every chart on the page is a new, drawn one; ms until the next frame has been painted].
REDRAW_SCRIPT = """async ({menu, index}) => {
  const select = document.querySelector(menu + ' select');
  const marker = () => Number(document.querySelector('.wb-drawn').dataset.generation);
  const before = marker();
  document.querySelectorAll('.js-plotly-plot').forEach(plot => plot.dataset.wbOld = '1');
  const drawn = (%s);
  const done = () => marker() > before && !document.querySelector('[data-wb-old]') && drawn();
  const started = performance.now();
  let updated = null;
  const painted = new Promise(resolve => {
    const observer = new MutationObserver(() => {
      if (updated === null && done()) {
        updated = performance.now() - started;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - started));
      }
    });
    observer.observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
  });
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change', {bubbles: true}));
  const paintedAfter = await painted;
  return [updated, paintedAfter];
}""" % DRAWN_SCRIPT


class ToyServer:
    """Plain Voilà on a toy notebook (one table, one chart), with the dashboards' template."""

    def __init__(self, folder: Path, preheat: bool):
        notebook = new_notebook(cells=[
            new_code_cell("import pandas as pd\nimport plotly.graph_objects as go\n"
                          "from workbook.notebook import setup_display\n\nsetup_display()"),
            new_code_cell("table = pd.DataFrame({'kind': list('abcdefgh'), 'count': [8, 3, 5, 2, 7, 1, 4, 6]})\ntable"),
            new_code_cell("go.Figure(go.Bar(x=table['kind'], y=table['count']))"),
        ], metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
        self.path = folder / "toy.ipynb"
        nbformat.write(notebook, self.path)
        self.port = free_port()
        self.preheat = preheat
        self.log: list[str] = []

    def __enter__(self) -> "ToyServer":
        env = {**os.environ, "JUPYTER_PATH": str(TEMPLATE_ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "voila", str(self.path), "--no-browser", f"--port={self.port}",
             "--Voila.ip=127.0.0.1", f"--template={TEMPLATE}", f"--preheat_kernel={self.preheat}"],
            cwd=self.path.parent, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            start_new_session=True)
        ready = threading.Event()

        def read() -> None:
            for line in self.process.stdout:
                self.log.append(line)
                if "Voilà is running at" in line:
                    ready.set()
        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(60):
            raise RuntimeError("the toy Voilà did not start:\n" + "".join(self.log[-20:]))
        return self

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __exit__(self, *_exc) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def wait_for_pool(log: list[str], notebook: str, count: int = 1, timeout: float = 90) -> None:
    """Wait until Voilà has reported the pre-heated kernel pool of ``notebook`` filled ``count`` times."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(f"pool of {notebook} is filled" in line for line in log) >= count:
            return
        time.sleep(0.2)
    raise RuntimeError(f"the kernel pool of {notebook} was not filled in {timeout:.0f} s")


def visit(context, url: str, drawn: str | None, log: list[str] | None, notebook: str, visits: int,
          server_pid: int) -> list[float]:
    """Seconds from navigation until drawn, for ``visits`` visits in one browser context. Each
    visit comes once the server is quiet (with pre-heating: once the pool holds a kernel that
    has run the page up to its visitor again)."""
    seconds = []
    for number in range(visits):
        if log is not None:
            wait_for_pool(log, notebook, number + 1)
        wait_until_quiet(server_pid)
        page = context.new_page()
        page.set_default_timeout(120_000)
        started = time.perf_counter()
        page.goto(url, wait_until="commit")
        if drawn is None:
            wait_until_drawn(page, 120_000)
        else:
            page.wait_for_function(drawn, timeout=120_000)
        seconds.append(time.perf_counter() - started)
        page.close(run_before_unload=True)
    return seconds


def load_times(playwright, project: Path, preheat: bool) -> tuple[list[float], list[float]]:
    overrides = {"VoilaConfiguration": {"preheat_kernel": preheat}}
    with tempfile.TemporaryDirectory() as folder, ServedDashboards(project, overrides=overrides) as server, \
            ToyServer(Path(folder), preheat) as toy:
        results = []
        for url, drawn, log, notebook, pid in (
                (server.url("overview"), None, server.log, "overview.ipynb", server.process.pid),
                (toy.url, TOY_DRAWN, toy.log, "toy.ipynb", toy.process.pid)):
            with tempfile.TemporaryDirectory() as profile:
                context = open_browser(playwright, Path(profile))
                RequestLog(context)
                results.append(visit(context, url, drawn, log if preheat else None, notebook, 1 + WARM_VISITS, pid))
                context.close()
        return results[0], results[1]


def redraw_times(playwright, server: ServedDashboards, page_key: str, menu: str) -> list[list[float]]:
    with tempfile.TemporaryDirectory() as profile:
        context = open_browser(playwright, Path(profile))
        RequestLog(context)
        wait_until_quiet(server.process.pid)
        page = context.new_page()
        page.set_default_timeout(120_000)
        page.goto(server.url(page_key))
        wait_until_drawn(page, 120_000)
        options = page.eval_on_selector(f"{menu} select", "select => select.options.length")
        indexes = [1 + i % (options - 1) for i in range(FILTER_CHANGES)] + [0]
        times = [page.evaluate(REDRAW_SCRIPT, {"menu": menu, "index": index}) for index in indexes]
        page.close(run_before_unload=True)
        context.close()
        return times


def kernel_of(page, server: ServedDashboards) -> psutil.Process:
    config = json.loads(page.inner_text("#jupyter-config-data"))
    for pid in server.kernel_pids():
        process = psutil.Process(pid)
        if any(config["kernelId"] in part for part in process.cmdline()):
            return process
    raise RuntimeError("the page's kernel was not found")


def kernel_memory(playwright, server: ServedDashboards) -> dict[str, tuple[float, float]]:
    """RSS and USS (MiB) of the kernel that served each page, after it was drawn."""
    from workbook.dashboard.widgets import PAGES

    memory = {}
    with tempfile.TemporaryDirectory() as profile:
        context = open_browser(playwright, Path(profile))
        RequestLog(context)
        for page_key in PAGES:
            page = context.new_page()
            page.set_default_timeout(120_000)
            page.goto(server.url(page_key))
            wait_until_drawn(page, 120_000)
            info = kernel_of(page, server).memory_full_info()
            memory[page_key] = (info.rss / 2**20, info.uss / 2**20)
            page.close(run_before_unload=True)
        context.close()
    return memory


def concurrent_visitors(playwright, server: ServedDashboards) -> list[tuple[int, bool, float, float]]:
    """For 1, 2, 4 … visitors opening the overview at once: all served?, seconds until the last
    one's views were drawn, and the kernels' total RSS (GiB). Stops at the first failure."""
    rows = []
    count = 1
    while count <= MAX_VISITORS:
        with tempfile.TemporaryDirectory() as profile:
            context = open_browser(playwright, Path(profile))
            RequestLog(context)
            pages = [context.new_page() for _ in range(count)]
            started = time.perf_counter()
            for page in pages:
                page.goto(server.url("overview"), wait_until="commit", timeout=120_000)
            served = True
            try:
                for page in pages:
                    wait_until_drawn(page, 180_000)
            except Exception:
                served = False
            waited = time.perf_counter() - started
            rss = sum(psutil.Process(pid).memory_info().rss for pid in server.kernel_pids()) / 2**30
            for page in pages:
                page.close(run_before_unload=True)
            context.close()
        rows.append((count, served, waited, rss))
        if not served:
            break
        count *= 2
        wait_until_quiet(server.process.pid)  # the closed pages' kernels shut down, the pool refilled
    return rows


def main(argv: list[str]) -> int:
    # Stopped from outside, still stop the servers started here (and their kernels).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    project = Path(argv[0]) if argv else DEMO
    cores = os.cpu_count()
    print(f"bench_dashboard on {project.name}: {cores} cores, load average {os.getloadavg()[0]:.1f}, "
          f"{psutil.virtual_memory().available / 2**30:.1f} GiB memory available")
    with sync_playwright() as playwright:
        print("\n1. Navigation until every view of the page is drawn (s)")
        for preheat in (True, False):
            overview, toy = load_times(playwright, project, preheat)
            label = "pre-heated kernels" if preheat else "no pre-heating    "
            cold, warm = overview[0], statistics.median(overview[1:])
            toy_cold, toy_warm = toy[0], statistics.median(toy[1:])
            print(f"   {label}: overview cold {cold:.2f}, warm {warm:.2f} (visits {', '.join(f'{s:.2f}' for s in overview[1:])}); "
                  f"toy cold {toy_cold:.2f}, warm {toy_warm:.2f}; ratio overview/toy cold {cold / toy_cold:.2f}, "
                  f"warm {warm / toy_warm:.2f}" + (f"; goal warm ≤ {GOAL_WARM_S} s: "
                                                   f"{'met' if warm <= GOAL_WARM_S else 'NOT met'}" if preheat else ""))
        with ServedDashboards(project) as server:
            print("\n2. Filter change until every view is redrawn (ms)")
            for page_key, menu in (("overview", ".wb-filter-actor-type"), ("overview", ".wb-filter-focus-area"),
                                   ("network", ".wb-filter-actor-type")):
                times = redraw_times(playwright, server, page_key, menu)
                updated = statistics.median(t[0] for t in times)
                painted = statistics.median(t[1] for t in times)
                print(f"   {page_key}, {menu[11:]} ({len(times)} changes): views redrawn after median {updated:.0f} "
                      f"(max {max(t[0] for t in times):.0f}), painted {painted:.0f}; goal ≤ {GOAL_REDRAW_MS} ms: "
                      f"{'met' if painted <= GOAL_REDRAW_MS else 'NOT met'} ({painted / GOAL_REDRAW_MS:.1f}× the goal)")
            print("\n3. Memory of one visitor's kernel (MiB)")
            for page_key, (rss, uss) in kernel_memory(playwright, server).items():
                print(f"   {page_key}: RSS {rss:.0f}, unique {uss:.0f}")
            pool = sum(psutil.Process(pid).memory_info().rss for pid in server.kernel_pids()) / 2**20
            print(f"   pre-heated kernels waiting for visitors (one per page): {pool:.0f} MiB in all")
            print(f"\n4. Visitors opening the overview at the same time (up to {MAX_VISITORS})")
            for count, served, waited, rss in concurrent_visitors(playwright, server):
                print(f"   {count:2d}: {'all served' if served else 'NOT all served'}, last drawn after {waited:.1f} s, "
                      f"kernels {rss:.2f} GiB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
