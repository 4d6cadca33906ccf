"""Regression check for the ~60 s dashboard stall: many single visits, one after another.

    .venv/bin/python benchmarks/bench_stall.py [VISITS] [PAGE ...] [--without-fix]

Serves the demo with ``workbook serve`` (pre-heated kernels, the shipped settings) and opens
each page VISITS times (default 30) in headless Chromium, one visit at a time, each visit
once the server is quiet again. Prints per page the time from navigation until every view is
drawn (min / median / max), the visits that stalled (more than 20 s and more than 3× the
median) and whether max ≤ 2 × median; and the cell replies that reached the server more than
5 s after the kernel sent them (the server logs them, see ``workbook/dashboard/executor.py``):
unlike wall-clock times on a busy machine, these count stalls only. ``--without-fix`` serves
with nbclient's single long poll, to see the stall come back.
"""

from __future__ import annotations

import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from workbook.dashboard.harness import (
    RequestLog, ServedDashboards, open_browser, wait_for_pools, wait_until_drawn, wait_until_quiet,
)
from workbook.dashboard.widgets import PAGES

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
DEFAULT_PAGES = ["participation", "actions", "clusters", "overview", "network"]


def is_stall(seconds: float, median: float) -> bool:
    return seconds > 20 and seconds > 3 * median


def main(argv: list[str]) -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    fix = "--without-fix" not in argv
    args = [a for a in argv if not a.startswith("--")]
    visits = int(args[0]) if args else 30
    pages = [a for a in args[1:] if a in PAGES] or DEFAULT_PAGES
    overrides = {"DashboardServer": {"sliced_polls": fix}}
    print(f"bench_stall: {visits} sequential visits of {', '.join(pages)}; "
          f"{'sliced polls (the fix)' if fix else 'WITHOUT the fix (one poll per cell timeout)'}")
    failed = False
    with sync_playwright() as playwright, ServedDashboards(DEMO, overrides=overrides) as server, \
            tempfile.TemporaryDirectory() as profile:
        wait_for_pools(server)
        context = open_browser(playwright, Path(profile))
        RequestLog(context)
        for page_key in pages:
            times = []
            for _ in range(visits):
                wait_until_quiet(server.process.pid, busy_percent=25)
                page = context.new_page()
                started = time.perf_counter()
                try:
                    page.goto(server.url(page_key), wait_until="commit", timeout=150_000)
                    wait_until_drawn(page, 150_000)
                    times.append(time.perf_counter() - started)
                except Exception:  # noqa: BLE001 -- a visit that never drew counts as the worst stall
                    times.append(float("inf"))
                page.close(run_before_unload=True)
            median = statistics.median(times)
            stalls = [t for t in times if is_stall(t, median)]
            bounded = max(times) <= 2 * median
            failed |= bool(stalls) or not bounded
            print(f"   {page_key:13s} min {min(times):5.2f}  median {median:5.2f}  max {max(times):6.2f} s; "
                  f"stalls {len(stalls)}; max ≤ 2 × median: {'yes' if bounded else 'NO'}"
                  + (f" (stalled: {', '.join(f'{t:.1f}' for t in stalls)})" if stalls else ""))
        context.close()
        late = [line for line in server.log if "reply reached the server" in line]
    print(f"   cell replies that reached the server more than 5 s after the kernel sent them (stalls, "
          f"independent of the machine's load): {len(late)}" + "".join(f"\n      {line}" for line in late))
    failed |= bool(late)
    print("   result: " + ("NOT met (stalls or max > 2 × median)" if failed else "met: 0 stalls, max ≤ 2 × median"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
