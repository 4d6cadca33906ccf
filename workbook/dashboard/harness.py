"""Driving the dashboards in a real browser: for the browser tests and the benchmark.

:class:`ServedDashboards` runs ``workbook serve --no-browser`` on a free port of
127.0.0.1 and stops it (and its visitors' kernels) by process id. :func:`open_browser`
starts headless Chromium through Playwright; :class:`RequestLog` records every request a
page makes and aborts those that would leave the machine. :func:`wait_until_drawn` waits
until every view of a dashboard page shows its content, :func:`wait_until_quiet` until the
server and its kernels are idle (pre-heated kernels ready).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from workbook.dashboard.serve import dashboard_url

CHROMIUM = os.environ.get("WORKBOOK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
LAPTOP = {"width": 1366, "height": 2400}
PROJECTOR = {"width": 1920, "height": 2400}
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
LOCAL_SCHEMES = {"data", "blob", "about"}

# A view is drawn when its HTML has content or its output holds a drawn plotly chart.
DRAWN_SCRIPT = """() => {
  const page = document.querySelector('.wb-page');
  if (!page) return false;
  const views = [...page.querySelectorAll('.wb-view')];
  return views.length > 0 && views.every(view => {
    if (view.querySelector('.wb-show')) return true;  // a deferred view waiting to be asked for
    const map = view.querySelector('.wb-network-frame');
    if (map) return map.dataset.wbDrawn === 'true';  // the page in the frame has drawn
    const output = view.querySelector('.widget-output');
    if (output) {
      const plots = output.querySelectorAll('.js-plotly-plot');
      return output.querySelector('.jp-OutputArea-output') !== null
        && [...plots].every(plot => plot.querySelector('.main-svg') !== null);
    }
    const html = view.querySelectorAll('.widget-html-content');
    return html.length > 1 && html[html.length - 1].innerHTML.trim().length > 0;
  });
}"""


@contextmanager
def checkout(revision: str):
    """The workbook of an earlier commit in a temporary git worktree (its root folder), to
    serve it with ``ServedDashboards(..., code=...)`` beside the code of now in one run."""
    import tempfile

    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="workbook-before-") as folder:
        code = Path(folder) / "workbook"
        subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", "--quiet", str(code), revision],
                       check=True)
        try:
            yield code
        finally:
            subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(code)], check=False)


def http_get(port: int, path: str, headers: dict | None = None, timeout: float = 240):
    """A plain request to a server on 127.0.0.1, as a script or crawler makes it (no browser):
    its status, headers and body, the bytes as sent (not unpacked)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class ServedDashboards:
    """``workbook serve PROJECT --no-browser`` on a free local port, as a context manager.

    ``overrides`` (Voilà settings over ``dashboards/voila.json``) start the server through
    :func:`workbook.dashboard.serve.serve` instead of the command line. ``code`` runs the
    workbook of another checkout (e.g. an earlier commit, for a before/after benchmark);
    ``visitors=None`` leaves out ``--visitors`` (which earlier versions did not have);
    ``report``: ``--report`` (a report pack to serve beside the dashboards).
    """

    def __init__(self, project: Path, lang: str = "fi", token: str | None = None, startup_timeout: float = 60,
                 overrides: dict | None = None, visitors: int | None = 1, options: list[str] | None = None,
                 code: Path | None = None, report: Path | str | None = None):
        self.code = code
        self.report = report
        self.project = Path(project)
        self.visitors = visitors
        self.options = list(options or [])  # more options of ``workbook serve``
        self.lang = lang
        self.token = token
        self.overrides = overrides
        self.port = free_port()
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen | None = None
        self.log: list[str] = []

    def url(self, page: str = "overview", lang: str | None = None, token: bool = True) -> str:
        from workbook.dashboard.widgets import PAGES

        return dashboard_url("127.0.0.1", self.port, lang or self.lang, self.token if token else None, PAGES[page])

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "ServedDashboards":
        if self.overrides is None:
            command = [sys.executable, "-m", "workbook.cli", "serve", str(self.project), "--no-browser",
                       "--port", str(self.port), "--lang", self.lang, *self.options]
            command += ["--visitors", str(self.visitors)] if self.visitors is not None else []
            command += ["--token", self.token] if self.token else []
            command += ["--report", str(self.report)] if self.report is not None else []
        else:
            report = None if self.report is None else str(self.report)
            call = (f"serve({str(self.project)!r}, {self.lang!r}, '127.0.0.1', {self.port}, {self.token!r}, "
                    f"open_browser=False, overrides={self.overrides!r}, report={report!r})")
            command = [sys.executable, "-c", f"import sys; from workbook.dashboard.serve import serve; sys.exit({call})"]
        environment = None
        if self.code is not None:
            environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
                [str(self.code), *filter(None, [os.environ.get("PYTHONPATH")])])}
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                        start_new_session=True, env=environment, cwd=self.code)
        ready = threading.Event()
        threading.Thread(target=self._read_output, args=(ready,), daemon=True).start()
        if not ready.wait(self.startup_timeout) or self.process.poll() is not None:
            self.stop()
            raise RuntimeError("workbook serve did not start:\n" + "\n".join(self.log[-40:]))
        return self

    def _read_output(self, ready: threading.Event) -> None:
        assert self.process is not None and self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line.rstrip())
            if "Kojelaudat:" in line:
                ready.set()
        ready.set()

    def kernel_pids(self) -> list[int]:
        """Process ids of the visitors' kernels running under the server."""
        import psutil

        if self.process is None or self.process.poll() is not None:
            return []
        # Kernels are the server's children, or its fork server's (workbook.dashboard.forks);
        # not deeper: a kernel running a command (ipykernel runs `uname -p` as it starts) forks
        # a child that carries the kernel's command line until it execs.
        pids = []
        parents = [psutil.Process(self.process.pid)]
        while parents:
            try:
                children = parents.pop().children()
            except psutil.Error:
                continue
            for child in children:
                try:
                    command = " ".join(child.cmdline())
                except psutil.Error:
                    continue
                if "ipykernel" in command:
                    pids.append(child.pid)
                elif "workbook.dashboard.forks" in command:
                    parents.append(child)
        return pids

    def stop(self) -> None:
        """SIGTERM the server (Voilà then shuts its kernels down); kill what is left after 20 s."""
        import psutil

        if self.process is None or self.process.poll() is not None:
            return
        children = psutil.Process(self.process.pid).children(recursive=True)
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(5)
        for child in children:
            if child.is_running():
                child.kill()

    def __enter__(self) -> "ServedDashboards":
        return self.start()

    def __exit__(self, *_exc) -> None:
        self.stop()


def wait_until_quiet(pid: int, timeout: float = 120, busy_percent: float = 15) -> None:
    """Wait until a server and its kernels use almost no CPU: pre-heated kernels have run their
    pages up to the visitor, and a visit measures the visit, not the server's start."""
    import psutil

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        root = psutil.Process(pid)
        processes = [root, *root.children(recursive=True)]
        for process in processes:
            process.cpu_percent(None)
        time.sleep(1)
        busy = 0.0
        for process in processes:
            try:
                busy += process.cpu_percent(None)
            except psutil.NoSuchProcess:
                pass
        if busy < busy_percent:
            return


def open_browser(playwright, profile: Path, viewport: dict[str, int] | None = None):
    """A headless Chromium (a persistent context in ``profile``) with a tall laptop viewport:
    Voilà scrolls an inner container, so a tall window shows the whole page."""
    return playwright.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport=viewport or LAPTOP)


class RequestLog:
    """Every request of a browser context; any that would leave the machine is aborted and kept."""

    def __init__(self, context):
        self.requests: list[str] = []
        self.external: list[str] = []
        context.route("**/*", self._route)
        context.on("request", lambda request: self.requests.append(request.url))

    def _route(self, route) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            self.external.append(url)
            route.abort()


def wait_until_drawn(page, timeout_ms: float = 60_000) -> None:
    """Wait until every view of the dashboard page shows its content (charts drawn)."""
    page.wait_for_function(DRAWN_SCRIPT, timeout=timeout_ms)


def page_generation(page) -> int:
    """How many times the page has redrawn all its views (the page's hidden marker)."""
    value = page.eval_on_selector(".wb-drawn", "marker => marker.dataset.generation")
    return int(value)


def wait_for_generation(page, generation: int, timeout_ms: float = 30_000) -> None:
    """Wait until the page has redrawn its views ``generation`` times."""
    page.wait_for_function(
        "g => { const m = document.querySelector('.wb-drawn'); return m && Number(m.dataset.generation) >= g; }",
        arg=generation, timeout=timeout_ms)



NGINX = os.environ.get("WORKBOOK_NGINX", "/usr/sbin/nginx")
NGINX_CONF = Path(__file__).resolve().parents[2] / "deploy" / "nginx" / "workbook.conf"


class NginxProxy:
    """Debian's nginx on a free port of 127.0.0.1 in front of ``replicas`` (ports), with the
    shipped ``deploy/nginx/workbook.conf`` (its example ports replaced), run as a process of
    its own in a temporary folder. Each response names the replica that answered in the header
    ``X-Workbook-Replica`` (added here, not in the shipped file)."""

    def __init__(self, replicas: list[int]):
        import tempfile

        self.replicas = replicas
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="workbook-nginx-"))
        self.process: subprocess.Popen | None = None

    def _config(self) -> str:
        shipped = NGINX_CONF.read_text(encoding="utf-8")
        servers = "".join(f"    server 127.0.0.1:{port};\n" for port in self.replicas)
        lines = []
        for line in shipped.splitlines(keepends=True):
            if line.strip().startswith("server 127.0.0.1:"):
                if servers:
                    lines.append(servers)
                    servers = ""
                continue
            if line.strip().startswith("listen "):
                line = f"    listen 127.0.0.1:{self.port};\n"
            if "add_header Set-Cookie" in line:
                line += "        add_header X-Workbook-Replica $upstream_addr;\n"
            lines.append(line)
        return "".join(lines)

    def __enter__(self) -> "NginxProxy":
        folder = self.folder
        folder.chmod(0o755)
        (folder / "workbook.conf").write_text(self._config(), encoding="utf-8")
        temp = "".join(f"  {kind}_temp_path {folder / kind};\n" for kind in ("client_body", "proxy", "fastcgi",
                                                                             "uwsgi", "scgi"))
        (folder / "nginx.conf").write_text(
            f"worker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'} warn;\n"
            f"events {{ worker_connections 512; }}\nhttp {{\n  access_log off;\n{temp}"
            f"  include {folder / 'workbook.conf'};\n}}\n", encoding="utf-8")
        self.process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g",
                                         "daemon off;"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("nginx did not start:\n" + self.process.stdout.read().decode(errors="replace"))
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return self
            time.sleep(0.1)
        self.__exit__()
        raise RuntimeError("nginx did not listen within 20 s")

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __exit__(self, *_exc) -> None:
        import shutil

        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGQUIT)  # graceful: nginx's workers end with the master
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(5)
        shutil.rmtree(self.folder, ignore_errors=True)


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by a server and its kernels, the kernels already ended included
    (whoever reaps a process, the server or its fork server, counts its time among its
    children's)."""
    import psutil

    root = psutil.Process(pid)
    return cpu_seconds([root, *root.children(recursive=True)])


def own_cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by process ``pid`` alone (a server without its kernels)."""
    import psutil

    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def cpu_seconds(processes) -> float:
    """CPU seconds used so far by ``processes`` (psutil) and the children they reaped; one
    that has ended is left out."""
    import psutil

    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system + times.children_user + times.children_system
    return total


def server_rss_mib(pid: int) -> float:
    """Resident memory of a server and all its kernels (MiB)."""
    import psutil

    total = 0
    root = psutil.Process(pid)
    for process in (root, *root.children(recursive=True)):
        try:
            total += process.memory_info().rss
        except psutil.Error:
            pass
    return total / 2**20


def visit_together(context, urls: list[str], timeout: float = 120) -> list[float]:
    """Open every address in its own tab of ``context`` at the same moment; seconds until each
    page's views were drawn (``inf`` for a page not drawn within ``timeout``). The tabs stay open."""
    pages = [context.new_page() for _ in urls]
    started = []
    for page, url in zip(pages, urls):
        started.append(time.perf_counter())
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
    seconds = [float("inf")] * len(pages)
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline and any(s == float("inf") for s in seconds):
        for index, page in enumerate(pages):
            if seconds[index] == float("inf"):
                try:
                    if page.evaluate(DRAWN_SCRIPT):
                        seconds[index] = time.perf_counter() - started[index]
                except Exception:  # noqa: BLE001 -- a page still navigating
                    pass
        time.sleep(0.25)
    return seconds


def leave_all(context, timeout: float = 15) -> None:
    """Close every tab as a visitor does (the page's "leaving" handler asks the server to shut
    its kernel down), wait until the tabs are gone, then close the browser. Closing the browser
    at once would cut those requests off, leaving the kernels to the idle culling."""
    pages = list(context.pages)
    for page in pages:
        page.close(run_before_unload=True)
    deadline = time.monotonic() + timeout
    while any(not page.is_closed() for page in pages) and time.monotonic() < deadline:
        context.cookies()  # a round trip to the browser, which delivers the tabs' "closed" events
        time.sleep(0.1)
    context.close()


def wait_for_pools(server: ServedDashboards, pages: int = 5, timeout: float = 600) -> None:
    """Wait until Voilà has reported every page's pre-heated kernel pool filled, then until the
    server is quiet (the kernels have run their pages up to the visitor)."""
    deadline = time.monotonic() + timeout
    while sum("pool of" in line and "is filled" in line for line in server.log) < pages:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the pre-heated kernel pools were not filled in {timeout:.0f} s")
        time.sleep(0.5)
    wait_until_quiet(server.process.pid, timeout=max(1.0, deadline - time.monotonic()), busy_percent=20)
