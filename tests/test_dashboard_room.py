"""Smoke test of the load test (``benchmarks/bench_room.py``): a few visitors arriving at the
same moment with ``workbook serve --visitors N`` all get a drawn page, and once they close
their tabs no kernel is left beyond the pre-heated pools."""

from __future__ import annotations

import time
from pathlib import Path

import psutil
import pytest

from workbook.dashboard.harness import (
    RequestLog, ServedDashboards, leave_all, open_browser, visit_together, wait_until_quiet,
)
from workbook.dashboard.serve import pool_sizes

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
VISITORS = 3


def test_visitors_arriving_together_all_find_a_ready_page_and_leave_no_kernel_behind(playwright, tmp_path):
    pool = sum(pool_sizes(VISITORS).values())
    with ServedDashboards(DEMO, visitors=VISITORS, startup_timeout=120) as server:
        deadline = time.monotonic() + 300
        while sum("pool of" in line and "is filled" in line for line in server.log) < 5 and time.monotonic() < deadline:
            time.sleep(1)
        wait_until_quiet(server.process.pid, timeout=300)
        assert len(server.kernel_pids()) == pool, "the pre-heated pools are not the size --visitors asks for"
        context = open_browser(playwright, tmp_path / "chromium")
        log = RequestLog(context)
        seconds = visit_together(context, [server.url("overview")] * VISITORS, timeout=180)
        notes = [line for line in server.log
                 if "never connected" in line or "refused" in line or "reply reached" in line]
        assert all(s != float("inf") for s in seconds), f"pages not drawn: {seconds}; server: {notes}"
        assert any("Using pre-heated kernel" in line for line in server.log)
        leave_all(context)
        assert log.external == []
        # The visitors' kernels go away (their pages said goodbye); the pools refill to their size.
        deadline = time.monotonic() + 120
        while len(server.kernel_pids()) > pool and time.monotonic() < deadline:
            time.sleep(1)
        assert len(server.kernel_pids()) <= pool, "kernels of closed pages were left behind"
        kernels = [psutil.Process(pid) for pid in server.kernel_pids()]
    # Stopped (SIGTERM, as Ctrl+C or a service manager does): every kernel ends with the server,
    # and the waiting ones end quietly, not with a traceback each in the consultant's terminal.
    gone, alive = psutil.wait_procs(kernels, timeout=20)
    assert not alive, "kernels outlived the server"
    time.sleep(1)  # the last lines the kernels wrote reach the log
    assert not [line for line in server.log if "Traceback" in line or "Error" in line], server.log[-30:]
