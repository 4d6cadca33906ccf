"""A room full of people opening the dashboards at once (bounded load test, 127.0.0.1 only).

    .venv/bin/python benchmarks/bench_room.py [N ...] [--mix] [--wait S]

For each N (default 1 5 10 20 30) a fresh ``workbook serve --visitors N`` serves the demo;
once its pre-heated kernels are ready, N tabs of one headless Chromium open the overview
(``--mix``: the five pages in turn) at the same moment. Printed per N, as the table of issue 15:

- time to widgets, min / median / max (s), and pages that never drew within 120 s;
- peak RSS of the server and its kernels (GiB);
- CPU seconds of the server and its kernels during the visits (the browser's not counted);
- kernels left alive ``--wait`` seconds (default 90) after every page closed, beyond the
  pre-heated pools.

Goal on a 2-core machine: 30 visitors, every page drawn, 0 kernels left behind, kernel +
server CPU for the 30 under 15 s in all. Figures depend on what else runs on the machine.
"""

from __future__ import annotations

import signal
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from workbook.dashboard.harness import (
    RequestLog, ServedDashboards, open_browser, server_cpu_seconds, server_rss_mib, visit_together, wait_for_pools,
)
from workbook.dashboard.serve import pool_sizes
from workbook.dashboard.widgets import PAGES

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
TIMEOUT_S = 120


def room(playwright, project: Path, visitors: int, mix: bool, wait: float) -> dict:
    """One round: ``visitors`` tabs at once; the figures of the table."""
    pool = sum(pool_sizes(visitors).values())
    keys = list(PAGES)
    with ServedDashboards(project, visitors=visitors, startup_timeout=120,
                          options=["--max-kernels-per-client", str(10 * visitors + 10)]) as server:
        wait_for_pools(server)
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
            cpu_before = server_cpu_seconds(server.process.pid)
            seconds = visit_together(context, urls, TIMEOUT_S)
            cpu = server_cpu_seconds(server.process.pid) - cpu_before
            for page in context.pages:
                page.close(run_before_unload=True)
            context.close()
        done.set()
        sampler.join()
        time.sleep(wait)
        left = max(0, len(server.kernel_pids()) - pool)
    drawn = [s for s in seconds if s != float("inf")]
    return {"visitors": visitors, "drawn": drawn, "never": len(seconds) - len(drawn), "cpu": cpu,
            "rss_gib": peak[0] / 1024, "left": left, "pool": pool}


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    mix = "--mix" in argv
    wait = 90.0
    if "--wait" in argv:
        wait = float(argv[argv.index("--wait") + 1])
        argv = [a for i, a in enumerate(argv) if i not in (argv.index("--wait"), argv.index("--wait") + 1)]
    counts = [int(a) for a in argv if a.isdigit()] or [1, 5, 10, 20, 30]
    print(f"bench_room: {'a mix of pages' if mix else 'the overview'}, visitors arriving together; "
          f"{TIMEOUT_S} s allowed; kernels counted {wait:.0f} s after the pages closed")
    print("| visitors | time to widgets min / median / max (s) | never drew | server + kernels RSS (GiB) "
          "| server + kernel CPU (s) | CPU per visitor (s) | kernels left beyond the pool |")
    print("|---|---|---|---|---|---|---|")
    with sync_playwright() as playwright:
        for count in counts:
            r = room(playwright, DEMO, count, mix, wait)
            times = (f"{min(r['drawn']):.1f} / {statistics.median(r['drawn']):.1f} / {max(r['drawn']):.1f}"
                     if r["drawn"] else "–")
            print(f"| {count} | {times} | {r['never']} | {r['rss_gib']:.2f} (pool {r['pool']}) | {r['cpu']:.1f} "
                  f"| {r['cpu'] / count:.2f} | {r['left']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
