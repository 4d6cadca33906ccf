"""Visitors' kernels forked from the server's fork server (workbook.dashboard.forks): they are
kernels as Jupyter would have started them, they end with the server, and a fork server that
is gone costs no visitor a page."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import psutil
import pytest

from workbook.dashboard.harness import ServedDashboards, http_get

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo-lapland"
OVERVIEW = "/voila/render/overview.ipynb?lang=en"


def _download(port: int) -> tuple[int, str]:
    status, _, body = http_get(port, OVERVIEW)
    return status, body.decode("utf-8", "replace")


def _fork_server(served: ServedDashboards) -> psutil.Process:
    servers = [child for child in psutil.Process(served.process.pid).children()
               if "workbook.dashboard.forks" in " ".join(child.cmdline())]
    assert len(servers) == 1, "the server runs one fork server"
    return servers[0]


def _gone(pids, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not any(psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE for pid in pids):
            return True
        time.sleep(0.25)
    return False


@pytest.fixture()
def served():
    overrides = {"VoilaConfiguration": {"preheat_kernel": False}, "DashboardServer": {"connect_grace": 600}}
    with ServedDashboards(DEMO, lang="en", overrides=overrides) as server:
        yield server


def test_a_page_runs_in_a_forked_kernel_that_ends_with_the_server(served):
    status, body = _download(served.port)
    assert status == 200 and "wb-page" in body
    fork_server = _fork_server(served)
    kernels = served.kernel_pids()
    assert len(kernels) == 1
    kernel = psutil.Process(kernels[0])
    assert kernel.ppid() == fork_server.pid, "the kernel was not forked"
    # What `ps` shows and Jupyter would have run; its own session, as Jupyter starts kernels.
    assert re.fullmatch(r".*python\S* -m ipykernel_launcher -f \S+kernel-[0-9a-f-]+\.json", " ".join(kernel.cmdline()))
    assert os.getsid(kernel.pid) == kernel.pid and kernel.cwd() == str(ROOT / "dashboards")

    served.stop()
    assert _gone([fork_server.pid, *kernels], 30), "the fork server or a kernel outlived the server"


def test_kernels_end_with_their_fork_server_and_the_next_page_still_draws(served):
    assert _download(served.port)[0] == 200
    fork_server = _fork_server(served)
    kernels = served.kernel_pids()
    fork_server.kill()
    assert _gone(kernels, 30), "a kernel outlived its fork server"

    status, body = _download(served.port)
    assert status == 200 and "wb-page" in body, "no page after the fork server was gone"
    assert served.kernel_pids(), "no kernel runs the new page"


def test_a_forked_kernel_is_watched_as_jupyter_watches_its_own_process():
    """Not the server's child but the fork server's: Jupyter still learns when it has ended
    (and no longer signals the process id, which may be someone else's by then)."""
    import subprocess

    from workbook.dashboard.forks import ForkedKernel

    # A process whose parent is not this one, as a kernel's parent is the fork server.
    parent = subprocess.Popen(["sh", "-c", "sleep 60 & echo $!; wait"], stdout=subprocess.PIPE, text=True)
    try:
        kernel = ForkedKernel(int(parent.stdout.readline()))
        assert kernel.poll() is None
        with pytest.raises(subprocess.TimeoutExpired):
            kernel.wait(0.2)
        kernel.terminate()
        assert kernel.wait(10) == -1 and kernel.poll() == -1
        kernel.kill()  # ended: nothing is signalled, nothing raised
    finally:
        parent.kill()
        parent.wait()
    assert ForkedKernel(parent.pid).poll() == -1  # already gone when Jupyter first asks


def _comm_targets(connection_file: str) -> list[str]:
    """The comm targets a kernel has once a page has imported ipywidgets."""
    from jupyter_client import BlockingKernelClient

    client = BlockingKernelClient(connection_file=connection_file)
    client.load_connection_file()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        printed: list[str] = []
        client.execute_interactive(
            "import comm, ipywidgets; print(sorted(comm.get_comm_manager().targets))", timeout=60,
            output_hook=lambda message: printed.append(message["content"].get("text", "")))
        client.shutdown()
    finally:
        client.stop_channels()
    return eval("".join(printed))  # noqa: S307 -- a list of names this test's kernel printed


def test_a_forked_kernel_answers_widgets_as_a_kernel_jupyter_starts(tmp_path):
    """A page's widget manager fetches every widget's state with one message to the
    ``jupyter.widget.control`` target; a kernel without it answers with an error on its
    stderr, and the page then asks for each widget's state in turn (measured: 193 messages
    through the server for the overview instead of 17). Importing ipywidgets registers the
    targets, but the fork server imported it before it was a kernel."""
    from jupyter_client.connect import write_connection_file
    from jupyter_client.manager import start_new_kernel

    from workbook.dashboard.forks import ForkServer

    manager, client = start_new_kernel(kernel_name="python3")
    try:
        started = _comm_targets(manager.connection_file)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert "jupyter.widget.control" in started

    connection_file, _ = write_connection_file(str(tmp_path / "kernel.json"), transport="ipc",
                                               ip=str(tmp_path / "kernel"))
    fork_server = ForkServer()
    try:
        fork_server.fork(["-f", connection_file], dict(os.environ), str(tmp_path))
        assert _comm_targets(connection_file) == started
    finally:
        fork_server.stop()
