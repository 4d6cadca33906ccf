"""``workbook serve``: the dashboards in Voilà, offline and locked down.

The server runs in this process. It serves the notebooks of ``dashboards/`` with

- the settings shipped in ``dashboards/voila.json`` and nothing else (a user's own Voilà
  config could widen what is downloadable): sources stripped, tracebacks hidden, a cell
  timeout, idle kernels culled, only image files downloadable;
- the ``workbook`` template (``jupyter/voila/templates/workbook``), which loads nothing
  from the network;
- no file browser: the root address leads to the overview page, and the tree page and the
  contents API (which would list and hand out the notebooks) are not served;
- a page's kernel is shut down when the visitor leaves it (Voilà's own page asks for that,
  but is refused for want of the ``_xsrf`` cookie, which the page handler here sets);
- the limits of :mod:`workbook.dashboard.limits`: only the host names the server was started
  for (DNS rebinding), WebSockets only from its own pages, a cap on kernels per server and per
  client address, and kernels whose page never connected shut down after a short grace time.

The project folder and the default language reach every visitor's kernel as environment
variables (see :mod:`workbook.dashboard.context`). The project is validated before the
server starts, so a broken project fails here with the full report, not in a browser; then
every page is drawn unfiltered once for all kernels (:mod:`workbook.dashboard.defaults`).
"""

from __future__ import annotations

import argparse
import atexit
import functools
import ipaddress
import json
import os
import shutil
import sys
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Mapping
from urllib.parse import urlencode

from workbook.dashboard.context import (
    ENV_CACHE, ENV_LANG, ENV_PROJECT, WAITS_FOR_VISITOR, requested_language, write_project_cache,
)
from workbook.dashboard.executor import PAGE_CLIENT, POLL_SLICE, install, visitor_arrived
from workbook.dashboard.limits import KernelLedger, Limits, refusal_page
from workbook.dashboard.reportpack import ENV_REPORT, ROUTE as REPORT_ROUTE, TEXTS as REPORT_TEXTS
from workbook.dashboard.reportpack import NoReportPack, report_links
from workbook.dashboard.widgets import PAGE_EXTENSIONS, PAGES
from workbook.hosts import host_allowed, origin_allowed
from workbook.htmlreport import CSP
from workbook.i18n import check_lang, tr

DASHBOARDS = Path(__file__).resolve().parents[2] / "dashboards"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "workbook"
FIRST_PAGE = PAGES["overview"]


def cli(args: argparse.Namespace) -> int:
    """``workbook serve``: validate the project, then serve the dashboards until interrupted."""
    option = functools.partial(getattr, args)  # options absent from older callers' namespaces: defaults
    visitors = option("visitors", None)
    max_kernels = option("max_kernels", None)
    server = {key: value for key, value in (
        ("allowed_hosts", list(option("allow_host", None) or [])),
        ("max_kernels", max_kernels if max_kernels is not None else visitor_kernels(visitors)),
        ("max_kernels_per_client", option("max_kernels_per_client", None)),
        ("trust_proxy_headers", option("behind_proxy", False) or None),
    ) if value not in (None, [])}
    overrides = {SERVER_SECTION: server, **pool_settings(visitors)}
    return serve(args.project, args.lang, args.host, args.port, args.token, open_browser=not args.no_browser,
                 overrides=overrides, report=option("report", None))


DEFAULT_VISITORS = 5


def pool_sizes(visitors: int, pages: Mapping[str, str] = PAGES) -> dict[str, int]:
    """Pre-heated kernels kept per page for ``visitors`` people arriving at once: everyone
    lands on the overview (the address shared, and ``/``), so it keeps one kernel per visitor;
    the other pages, opened later and one by one, keep one per ten visitors.

    Examples
    --------
    >>> pool_sizes(30)["overview.ipynb"], pool_sizes(30)["network.ipynb"], pool_sizes(1)["network.ipynb"]
    (30, 3, 1)
    """
    visitors = max(1, visitors)
    return {notebook: visitors if notebook == FIRST_PAGE else max(1, -(-visitors // 10)) for notebook in pages.values()}


def visitor_kernels(visitors: int | None) -> int | None:
    """The cap on visitors' kernels for ``--visitors`` (three pages each), never under the
    default cap; ``None`` keeps the default.

    Examples
    --------
    >>> visitor_kernels(None), visitor_kernels(5), visitor_kernels(30)
    (None, 40, 90)
    """
    return None if visitors is None else max(Limits.max_kernels, 3 * visitors)


def pool_settings(visitors: int | None) -> dict:
    """Voilà settings for ``--visitors N`` (:func:`pool_sizes`); a used pre-heated kernel is
    replaced only after 10 s, so that replacements do not compete with the visitors arriving
    together for the CPU. ``None``: :data:`DEFAULT_VISITORS`."""
    sizes = pool_sizes(DEFAULT_VISITORS if visitors is None else visitors)
    pools = {"default": {"pool_size": 1}, **{notebook: {"pool_size": size} for notebook, size in sizes.items()}}
    return {"VoilaKernelManager": {"kernel_pools_config": pools, "fill_delay": 10.0}}


SERVER_SECTION = "DashboardServer"


def serve(project: str | Path, lang: str = "fi", host: str = "127.0.0.1", port: int = 8866,
          token: str | None = None, open_browser: bool = True, overrides: Mapping | None = None,
          report: str | Path | None = None) -> int:
    """Serve the dashboards of ``project`` until interrupted (Ctrl+C or SIGTERM).

    Returns 2 when the project cannot be found, 1 when it has errors (the report is printed),
    0 after the server stops. ``overrides`` are Voilà settings applied over
    ``dashboards/voila.json`` (e.g. ``{"VoilaConfiguration": {"preheat_kernel": False}}``),
    for measuring one setting against another; the server's own limits are in the section
    ``"DashboardServer"`` (``allowed_hosts``, ``max_kernels``, ``max_kernels_per_client``,
    ``connect_grace``, ``leave_grace``, ``trust_proxy_headers``, ``fork_kernels``). ``report``: a folder holding a built report
    pack, served at ``/report/``, or the address of one published elsewhere; every page links
    to it (:mod:`workbook.dashboard.reportpack`). Returns 2 when it is neither.
    """
    from workbook.project import ProjectError, ProjectPathError, load_project

    lang = check_lang(lang)
    project_path = Path(project).resolve()
    try:
        validated = load_project(project_path)
    except ProjectPathError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 2
    except ProjectError as error:
        print(error.report.to_text("en"), file=sys.stderr)
        print("\nThe project has errors: fix them first (workbook validate shows them all).", file=sys.stderr)
        return 1
    overrides = dict(overrides or {})
    if report is not None:
        try:
            links, pack = report_links(str(report))
        except NoReportPack:
            print("workbook: " + tr(REPORT_TEXTS, "no_pack", lang, folder=report), file=sys.stderr)
            return 2
        os.environ[ENV_REPORT] = json.dumps(links)
        if pack is not None:
            section = dict(overrides.get(SERVER_SECTION) or {})
            overrides[SERVER_SECTION] = {**section, "report_pack": str(pack)}
    if not _is_loopback(host) and not token:
        print(f"workbook: warning: serving on {host} without --token: anyone who can reach this "
              "machine can open the dashboards (see docs/DEPLOYMENT.md).", file=sys.stderr)
    # The server's private runtime folder, removed when it stops.
    runtime = Path(tempfile.mkdtemp(prefix="workbook-serve-"))
    atexit.register(shutil.rmtree, runtime, True)
    os.environ.update(prepare_kernels(runtime, project_path, validated, lang))
    if host not in ("", "0.0.0.0", "::"):
        # A pre-heated kernel asks the server at this address which page a visitor opened.
        os.environ["VOILA_APP_IP"] = host
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(TEMPLATE_ROOT), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))])
    server = _server_class()(config=_server_config(host, port, token))
    server.open_in_browser = open_browser
    server.start_lang = lang
    server.overrides = overrides
    server.initialize(argv=[])
    server.start()
    return 0


def prepare_kernels(runtime: Path, project_path: Path, project, lang: str) -> dict[str, str]:
    """The environment of every kernel of a server showing ``project`` (validated, from
    ``project_path``) in ``lang``, after leaving in ``runtime`` (the server's private folder)
    what every kernel would otherwise compute alike: the validated project and the unfiltered
    drawing of every page (:mod:`workbook.dashboard.defaults`)."""
    from workbook.dashboard.context import server_log
    from workbook.dashboard.defaults import write_defaults_apart

    cache = write_project_cache(runtime, project_path, project)
    if not write_defaults_apart(cache, project_path):
        server_log().warning("the pages were not drawn in advance: each kernel draws its own")
    return {ENV_PROJECT: str(project_path), ENV_LANG: lang, ENV_CACHE: str(cache)}


def dashboard_url(host: str, port: int, lang: str, token: str | None = None, page: str = FIRST_PAGE) -> str:
    """The address of a dashboard page.

    Examples
    --------
    >>> dashboard_url("127.0.0.1", 8866, "en")
    'http://127.0.0.1:8866/voila/render/overview.ipynb?lang=en'
    >>> dashboard_url("::1", 8866, "fi", token="s3cret")
    'http://[::1]:8866/voila/render/overview.ipynb?lang=fi&token=s3cret'
    """
    shown_host = f"[{host}]" if ":" in host else host
    query = {"lang": lang, **({"token": token} if token else {})}
    return f"http://{shown_host}:{port}/voila/render/{page}?{urlencode(query)}"


def cell_timeout(limit: int | None, cell) -> int | None:
    """Seconds a dashboard cell may run: ``limit``, except no limit for the cell tagged
    :data:`~workbook.dashboard.context.WAITS_FOR_VISITOR` (it waits for a visitor).

    Examples
    --------
    >>> cell_timeout(60, {"metadata": {"tags": ["waits-for-visitor"]}}), cell_timeout(60, {"metadata": {}})
    (None, 60)
    """
    return None if WAITS_FOR_VISITOR in cell["metadata"].get("tags", ()) else limit


def page_extensions(page_config: dict, notebook_path: str | None = None, **_context) -> dict:
    """Voilà's page configuration for one notebook, its front-end extensions cut to those the
    page draws with (:data:`~workbook.dashboard.widgets.PAGE_EXTENSIONS`): the overview loads
    no plotly.js. Voilà's ``page_config_hook``; a notebook that is not a dashboard page keeps all.

    Examples
    --------
    >>> config = {"federated_extensions": [{"name": "@jupyter-widgets/jupyterlab-manager"},
    ...                                    {"name": "jupyterlab-plotly"}, {"name": "anywidget"}]}
    >>> [e["name"] for e in page_extensions(config, "overview.ipynb")["federated_extensions"]]
    ['@jupyter-widgets/jupyterlab-manager']
    >>> [e["name"] for e in page_extensions(config, "dashboards/network.ipynb")["federated_extensions"]]
    ['@jupyter-widgets/jupyterlab-manager', 'anywidget']
    >>> len(page_extensions(config, "other.ipynb")["federated_extensions"])
    3
    """
    pages = {notebook: page for page, notebook in PAGES.items()}
    page = pages.get(Path(notebook_path or "").name)
    if page not in PAGE_EXTENSIONS:
        return page_config
    optional = {name for names in PAGE_EXTENSIONS.values() for name in names}
    kept = [extension for extension in page_config.get("federated_extensions", [])
            if extension["name"] not in optional or extension["name"] in PAGE_EXTENSIONS[page]]
    return {**page_config, "federated_extensions": kept}


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _server_config(host: str, port: int, token: str | None):
    from traitlets.config import Config

    return Config({"Voila": {
        "root_dir": str(DASHBOARDS),
        "config_file_paths": [str(DASHBOARDS)],
        "ip": host,
        "port": port,
        "port_retries": 0,
        "open_browser": False,
        "token": token or "",
    }})


def _server_class():
    """Voilà's application without the file browser, announcing the overview's address, with
    the limits of :mod:`workbook.dashboard.limits`."""
    import time

    import tornado.web
    from jupyter_core.utils import ensure_async
    from jupyter_server.base.handlers import AuthenticatedFileHandler
    from jupyter_server.services.kernels.kernelmanager import MappingKernelManager
    from jupyter_server.utils import url_path_join
    from tornado.ioloop import IOLoop, PeriodicCallback
    from tornado.web import RedirectHandler
    from traitlets import Bool, Float, Integer, List, Unicode
    from traitlets.config import Config
    from voila.app import Voila
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    from workbook.dashboard import forks
    from workbook.dashboard.activity import watch_cheaply
    from workbook.dashboard.delivery import COMPRESSED, CompressedFiles, install_template_cache

    class RecordingKernels:
        """The kernel manager as a page handler sees it, telling the ledger which kernel was
        started (or taken from the pre-heated pool) for which visit."""

        def __init__(self, manager, ledger: KernelLedger, visit):
            self._manager, self._ledger, self._visit = manager, ledger, visit

        def __getattr__(self, name):
            return getattr(self._manager, name)

        async def start_kernel(self, *args, **kwargs):
            kernel_id = await ensure_async(self._manager.start_kernel(*args, **kwargs))
            self._ledger.started(self._visit, kernel_id)
            return kernel_id

        async def get_rendered_notebook(self, *args, **kwargs):
            result = await self._manager.get_rendered_notebook(*args, **kwargs)
            self._ledger.started(self._visit, result[2])
            visitor_arrived(result[2])
            return result

    class PageHandler(TornadoVoilaHandler):
        """Voilà's page handler, also setting the ``_xsrf`` cookie: a page shuts its kernel down
        when the visitor leaves it, and that request is refused without the cookie. A page is
        refused when the server or the client holds its most kernels already, and a kernel
        whose page is not connected within the grace time is shut down by the server."""

        visit = None

        async def prepare(self, *args, **kwargs):
            await super().prepare(*args, **kwargs)
            self.xsrf_token  # noqa: B018 -- reading the token sets the cookie

        @property
        def kernel_manager(self):
            manager = self.settings["kernel_manager"]
            return manager if self.visit is None else RecordingKernels(manager, self.settings["workbook_ledger"],
                                                                      self.visit)

        @tornado.web.authenticated
        async def get(self, path=None):
            mode = self.request.headers.get("Sec-Fetch-Mode")
            if mode is not None and mode not in ("navigate", "nested-navigate"):
                # fetch() or <img> from some page: a kernel is started only for a visit.
                raise tornado.web.HTTPError(403, "a dashboard page is opened by navigating to it")
            ledger: KernelLedger = self.settings["workbook_ledger"]
            client = self.settings["workbook_client"](self.request)
            admitted = ledger.admit(client, self.settings["kernel_manager"].__contains__)
            if isinstance(admitted, str):
                lang = requested_language(self.request.query, os.environ.get(ENV_LANG) or "fi")
                self.log.warning("refused %s: %s limit of kernels reached", self.request.path, admitted)
                self.set_status(503)
                self.set_header("Retry-After", "30")
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(refusal_page(admitted, lang))
                return
            self.visit = admitted
            try:
                await super().get(path)
            finally:
                ledger.delivered(admitted, time.monotonic())

    class KernelSocketHandler(VoilaKernelWebsocketHandler):
        """Voilà's kernel WebSocket, telling the ledger that the page reached its kernel, and
        when it left."""

        async def open(self, kernel_id):
            self.settings["workbook_ledger"].connected(kernel_id)
            return await super().open(kernel_id)

        def on_close(self):
            self.settings["workbook_ledger"].disconnected(self.kernel_id, time.monotonic())
            return super().on_close()

    class PackFiles(AuthenticatedFileHandler):
        """The report pack's files, for whoever may open the dashboards. Its pages run in a
        sandbox apart from the server (as Jupyter serves files), may download the pack's
        spreadsheets and documents, and load nothing from anywhere (the pack's own policy)."""

        @property
        def content_security_policy(self) -> str:
            return f"{CSP}; sandbox allow-scripts allow-downloads allow-popups"

        def check_xsrf_cookie(self) -> None:
            # Jupyter refuses a file asked for without a Referer unless an _xsrf cookie came
            # with it; the pack's pages run sandboxed (no origin, so no Referer), which would
            # block every download from them. The pack is read-only and meant for publishing;
            # the token (when set) and the host check still apply.
            return None

    def compressing(handler: type) -> type:
        """A file handler sending text files compressed (see workbook.dashboard.delivery);
        any other handler as it is."""
        if not issubclass(handler, tornado.web.StaticFileHandler):
            return handler
        return type(f"Compressed{handler.__name__}", (CompressedFiles, handler), {})

    class RefusedHost(tornado.web.RequestHandler):
        def prepare(self):
            raise tornado.web.HTTPError(403)

    class DashboardServer(Voila):
        open_in_browser = True
        start_lang = "fi"
        overrides: dict = {}

        allowed_hosts = List(Unicode(), help="Host names answered besides localhost, the loopback addresses "
                             "and the address served on (a reverse proxy's public name).").tag(config=True)
        max_kernels = Integer(Limits.max_kernels, help="Visitors' kernels at most, in all.").tag(config=True)
        max_kernels_per_client = Integer(Limits.max_kernels_per_client,
                                         help="Visitors' kernels at most per client address.").tag(config=True)
        leave_grace = Float(Limits.leave_grace, help="Seconds a page that was connected to its kernel may stay "
                            "away (a reload, a network blip) before the kernel is shut down.").tag(config=True)
        connect_grace = Float(Limits.connect_grace, help="Seconds a delivered page has to connect to its kernel "
                              "before the kernel is shut down.").tag(config=True)
        sliced_polls = Bool(True, help="Wait for a cell's reply in short polls (see workbook.dashboard.executor); off "
                            "(one poll per cell timeout, as nbclient does) only to measure the stall it removes."
                            ).tag(config=True)
        trust_proxy_headers = Bool(False, help="Take the client address from X-Real-IP or X-Forwarded-For when "
                                   "the request comes from this machine (a reverse proxy).").tag(config=True)
        report_pack = Unicode("", help="A built report pack served read-only at /report/.").tag(config=True)
        fork_kernels = Bool(True, help="Fork visitors' kernels from one that has imported the pages' code (see "
                            "workbook.dashboard.forks); off starts each from scratch, as Jupyter does.").tag(config=True)

        def init_handlers(self):
            replaced = {TornadoVoilaHandler: PageHandler, VoilaKernelWebsocketHandler: KernelSocketHandler}
            kept = [(handler[0], compressing(replaced.get(handler[1], handler[1])), *handler[2:])
                    for handler in super().init_handlers()
                    if handler[1] not in (TornadoVoilaTreeHandler, VoilaContentsHandler)]
            first_page = url_path_join(self.base_url, "voila/render", FIRST_PAGE)
            pack = [(url_path_join(self.base_url, REPORT_ROUTE, "(.*)"), compressing(PackFiles),
                     {"path": self.report_pack, "default_filename": "index.html"})] if self.report_pack else []
            return [(self.server_url, RedirectHandler, {"url": first_page, "permanent": False}), *pack] + kept

        def load_config_file(self, *args, **kwargs):
            super().load_config_file(*args, **kwargs)
            self.update_config(Config(self.overrides))
            # A page's client has no heartbeat (executor.PageClient). Kernels listen on socket
            # files in Voilà's private connection folder, not on ports of 127.0.0.1: other users
            # of the machine could subscribe to a kernel's output there, and kernels started
            # together could pick the same free port (one then fails).
            self.update_config(Config({"KernelManager": {"client_class": PAGE_CLIENT, "transport": "ipc"}}))
            if self.fork_kernels:
                if forks.available():
                    self.update_config(Config({"KernelProvisionerFactory": {
                        "default_provisioner_name": forks.PROVISIONER}}))
                else:
                    self.log.warning("kernels start from scratch: the workbook is installed without its entry "
                                     "points (pip install -e . again)")

        def initialize(self, argv=None):
            super().initialize(argv)
            # Applied per cell from now on: the cell where a pre-heated kernel waits for its
            # visitor is exempt from the timeout set in voila.json.
            limit = self.config.VoilaExecutor.get("timeout")
            self.config.VoilaExecutor.timeout_func = functools.partial(cell_timeout, limit)

            self.voila_configuration.page_config_hook = page_extensions
            install(self.log, POLL_SLICE if self.sliced_polls else None)
            install_template_cache()
            watch_cheaply(MappingKernelManager)

        def start(self):
            IOLoop.current().add_callback(self._announce)
            super().start()

        def listen(self):
            self.ledger = KernelLedger(Limits(self.max_kernels, self.max_kernels_per_client, self.connect_grace,
                                              self.leave_grace))
            self.app.settings["workbook_ledger"] = self.ledger
            self.app.settings["workbook_client"] = self._client
            find_handler = self.app.find_handler

            def checked_find_handler(request, **kwargs):
                # Every route, Voilà's own included: the Host must be this server's, and a
                # WebSocket must come from one of its pages.
                websocket = request.headers.get("Upgrade", "").lower() == "websocket"
                if not host_allowed(request.host, self.ip, self.allowed_hosts) or (
                        websocket and not origin_allowed(request.headers.get("Origin"), self.ip, self.allowed_hosts)):
                    self.log.warning("refused a request for host %r, origin %r", request.host,
                                     request.headers.get("Origin"))
                    return self.app.get_handler_delegate(request, RefusedHost)
                return find_handler(request, **kwargs)

            self.app.find_handler = checked_find_handler
            # The scripts every page loads, compressed before the first visitor asks (zlib lets
            # the pre-heating kernels run meanwhile). The static paths hold every template's.
            scripts = [*self.static_paths, *(Path(root, name) for root in self.labextensions_path
                                             for name in self.voila_configuration.extension_allowlist)]
            threading.Thread(target=COMPRESSED.warm, args=(scripts,), name="compress-scripts", daemon=True).start()
            every = max(0.5, min(5.0, min(self.connect_grace, self.leave_grace) / 3))
            PeriodicCallback(self._shut_down_unused, every * 1000).start()
            super().listen()

        def _client(self, request) -> str:
            if self.trust_proxy_headers and _is_loopback(request.remote_ip):
                forwarded = request.headers.get("X-Real-IP") or request.headers.get("X-Forwarded-For", "")
                forwarded = forwarded.split(",")[-1].strip()
                if forwarded:
                    return forwarded
            return request.remote_ip

        async def _shut_down_unused(self):
            for kernel_id in self.ledger.expired(self.kernel_manager.__contains__, time.monotonic()):
                self.log.info("shutting down kernel %s: its page never connected or has left", kernel_id)
                try:
                    await ensure_async(self.kernel_manager.shutdown_kernel(kernel_id))
                except Exception:  # noqa: BLE001 -- already gone
                    self.log.debug("kernel %s was already gone", kernel_id, exc_info=True)

        def _announce(self):
            url = dashboard_url(self.ip, self.port, self.start_lang, self.token or None)
            print(f"Dashboards / Kojelaudat: {url}\n(Ctrl+C stops the server)", flush=True)
            if self.open_in_browser:
                threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    return DashboardServer
