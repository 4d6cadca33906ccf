"""A room full of people opening the dashboards at once (bounded load test, 127.0.0.1 only).

    .venv/bin/python benchmarks/bench_room.py [N ...] [--mix] [--wait S] [--before REV]

For each N (default 1 5 10 20 30) a fresh ``workbook serve --visitors N`` serves the demo;
once its pre-heated kernels are ready, N tabs of one headless Chromium open the overview
(``--mix``: the five pages in turn) at the same moment. Printed per N, as the table of issue 15:

- time to widgets, min / median / max (s), and pages that never drew within 120 s;
- peak RSS of the server and its kernels (GiB);
- CPU seconds of the browser during the visits: in a real room each visitor's own device
  does this work; here 30 tabs share the server's two cores, so this is what the time to
  widgets mostly waits for;
- CPU seconds of the server and its kernels (the browser's not counted): during the visits,
  and in all until ``--wait`` seconds after every page closed (the visits, the kernels that
  replace the used pre-heated ones, the shutdowns); of that, the server process's own (pages,
  static files, relaying messages; the rest is its kernels'); what the server and its waiting
  kernels use with nobody there (measured for 20 s before the visits); and the total less
  that per visitor;
- kernels left alive ``--wait`` seconds (default 90) after every page closed, beyond the
  pre-heated pools.

``--before REV`` first runs the same rounds on the workbook of commit REV (a temporary git
worktree; its own ``workbook serve``, without the options it did not have), so the table is
printed before and after in one run.

Goal on a 2-core machine: 30 visitors, every page drawn, 0 kernels left behind, kernel +
server CPU for the 30 under 15 s in all. Figures depend on what else runs on the machine.
"""

from __future__ import annotations

import argparse
import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from workbook.dashboard.harness import (
    RequestLog, ServedDashboards, checkout, cpu_seconds, leave_all, open_browser, own_cpu_seconds,
    server_cpu_seconds,
    server_rss_mib, visit_together, wait_for_pools,
)
from workbook.dashboard.serve import pool_sizes
from workbook.dashboard.widgets import PAGES

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
TIMEOUT_S = 120
IDLE_S = 20


def browser_cpu_seconds() -> float:
    """CPU seconds used so far by the headless Chromium this benchmark drives (its processes
    run under Playwright's driver, a child of this one)."""
    import psutil

    def is_browser(process) -> bool:
        try:
            return "chrom" in process.name().lower()
        except psutil.Error:
            return False

    return cpu_seconds(process for process in psutil.Process().children(recursive=True) if is_browser(process))


def room(playwright, project: Path, visitors: int, mix: bool, wait: float, code: Path | None = None) -> dict:
    """One round: ``visitors`` tabs at once; the figures of the table. ``code``: another
    checkout's workbook (one from before ``--visitors``: one pre-heated kernel a page)."""
    sized = code is None or "--visitors" in (code / "workbook" / "dashboard" / "serve.py").read_text()
    pool = sum(pool_sizes(visitors).values()) if sized else len(PAGES)
    options = ["--max-kernels-per-client", str(10 * visitors + 10)] if sized else []
    keys = list(PAGES)
    with ServedDashboards(project, visitors=visitors if sized else None, startup_timeout=120,
                          options=options, code=code) as server:
        wait_for_pools(server)
        # What the server and its waiting kernels use with nobody there (timers, polls),
        # taken off the round's total so that it counts the visitors only.
        idle_start, idle_cpu = time.monotonic(), server_cpu_seconds(server.process.pid)
        time.sleep(IDLE_S)
        idle_rate = (server_cpu_seconds(server.process.pid) - idle_cpu) / (time.monotonic() - idle_start)
        pages = [keys[i % len(keys)] if mix else "overview" for i in range(visitors)]
        urls = [server.url(key) for key in pages]
        peak = [server_rss_mib(server.process.pid)]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max(peak[0], server_rss_mib(server.process.pid))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        with tempfile.TemporaryDirectory() as profile:
            context = open_browser(playwright, Path(profile))
            RequestLog(context)
            cpu_before, started = server_cpu_seconds(server.process.pid), time.monotonic()
            own_before = own_cpu_seconds(server.process.pid)
            browser_before = browser_cpu_seconds()
            seconds = visit_together(context, urls, TIMEOUT_S)
            cpu = server_cpu_seconds(server.process.pid) - cpu_before
            browser = browser_cpu_seconds() - browser_before
            leave_all(context)
        done.set()
        sampler.join()
        time.sleep(wait)
        cpu_all = server_cpu_seconds(server.process.pid) - cpu_before
        own = own_cpu_seconds(server.process.pid) - own_before
        idle = idle_rate * (time.monotonic() - started)
        left = max(0, len(server.kernel_pids()) - pool)
    drawn = [s for s in seconds if s != float("inf")]
    return {"visitors": visitors, "drawn": drawn, "never": len(seconds) - len(drawn), "cpu": cpu, "browser": browser,
            "cpu_all": cpu_all, "own": own, "idle": idle, "rss_gib": peak[0] / 1024, "left": left, "pool": pool}


def table(playwright, counts: list[int], mix: bool, wait: float, code: Path | None, title: str) -> None:
    """The rounds for ``counts`` visitors, printed as a table."""
    print(f"\n{title}")
    print("| visitors | time to widgets min / median / max (s) | never drew | server + kernels RSS (GiB) "
          "| browser CPU during the visits (s) | CPU during the visits (s) | CPU in all, replacements included (s) "
          "| of which the server process alone (s) | of which idle server (s) | CPU per visitor, idle taken off (s) "
          "| kernels left beyond the pool |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for count in counts:
        # An earlier version runs on its own copy of the demo (the data model has moved on since).
        r = room(playwright, DEMO if code is None else code / DEMO.relative_to(ROOT), count, mix, wait, code)
        times = (f"{min(r['drawn']):.1f} / {statistics.median(r['drawn']):.1f} / {max(r['drawn']):.1f}"
                 if r["drawn"] else "–")
        print(f"| {count} | {times} | {r['never']} | {r['rss_gib']:.2f} (pool {r['pool']}) | {r['browser']:.1f} "
              f"| {r['cpu']:.1f} "
              f"| {r['cpu_all']:.1f} | {r['own']:.1f} | {r['idle']:.1f} | {(r['cpu_all'] - r['idle']) / count:.2f} | {r['left']} |",
              flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1, 5, 10, 20, 30])
    parser.add_argument("--mix", action="store_true", help="the five pages in turn instead of the overview")
    parser.add_argument("--wait", type=float, default=90.0, help="seconds after the pages closed (90)")
    parser.add_argument("--before", metavar="REV", help="also measure the workbook of this commit, first")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    what = "a mix of pages" if args.mix else "the overview"
    print(f"bench_room: {what}, visitors arriving together; {TIMEOUT_S} s allowed; kernels counted "
          f"{args.wait:.0f} s after the pages closed")
    with sync_playwright() as playwright:
        if args.before:
            with checkout(args.before) as code:
                table(playwright, args.counts, args.mix, args.wait, code, f"Before ({args.before}):")
        table(playwright, args.counts, args.mix, args.wait, None,
              "Now:" if args.before else f"Now ({'--mix' if args.mix else 'overview'}):")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
