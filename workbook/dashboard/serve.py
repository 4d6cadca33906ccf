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
  but is refused for want of the ``_xsrf`` cookie, which the page handler here sets).

The project folder and the default language reach every visitor's kernel as environment
variables (see :mod:`workbook.dashboard.context`). The project is validated before the
server starts, so a broken project fails here with the full report, not in a browser.
"""

from __future__ import annotations

import argparse
import functools
import ipaddress
import os
import sys
import threading
import webbrowser
from pathlib import Path
from typing import Mapping
from urllib.parse import urlencode

from workbook.dashboard.context import ENV_LANG, ENV_PROJECT, WAITS_FOR_VISITOR
from workbook.dashboard.widgets import PAGES
from workbook.i18n import check_lang

DASHBOARDS = Path(__file__).resolve().parents[2] / "dashboards"
TEMPLATE_ROOT = Path(__file__).resolve().parent / "jupyter"
TEMPLATE = "workbook"
FIRST_PAGE = PAGES["overview"]


def cli(args: argparse.Namespace) -> int:
    """``workbook serve``: validate the project, then serve the dashboards until interrupted."""
    return serve(args.project, args.lang, args.host, args.port, args.token, open_browser=not args.no_browser)


def serve(project: str | Path, lang: str = "fi", host: str = "127.0.0.1", port: int = 8866,
          token: str | None = None, open_browser: bool = True, overrides: Mapping | None = None) -> int:
    """Serve the dashboards of ``project`` until interrupted (Ctrl+C or SIGTERM).

    Returns 2 when the project cannot be found, 1 when it has errors (the report is printed),
    0 after the server stops. ``overrides`` are Voilà settings applied over
    ``dashboards/voila.json`` (e.g. ``{"VoilaConfiguration": {"preheat_kernel": False}}``),
    for measuring one setting against another.
    """
    from workbook.project import ProjectError, ProjectPathError, load_project

    lang = check_lang(lang)
    project_path = Path(project).resolve()
    try:
        load_project(project_path)
    except ProjectPathError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 2
    except ProjectError as error:
        print(error.report.to_text("en"), file=sys.stderr)
        print("\nThe project has errors: fix them first (workbook validate shows them all).", file=sys.stderr)
        return 1
    if not _is_loopback(host) and not token:
        print(f"workbook: warning: serving on {host} without --token: anyone who can reach this "
              "machine can open the dashboards (see docs/DEPLOYMENT.md).", file=sys.stderr)
    os.environ[ENV_PROJECT] = str(project_path)
    os.environ[ENV_LANG] = lang
    if host not in ("", "0.0.0.0", "::"):
        # A pre-heated kernel asks the server at this address which page a visitor opened.
        os.environ["VOILA_APP_IP"] = host
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(TEMPLATE_ROOT), *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))])
    server = _server_class()(config=_server_config(host, port, token))
    server.open_in_browser = open_browser
    server.start_lang = lang
    server.overrides = dict(overrides or {})
    server.initialize(argv=[])
    server.start()
    return 0


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
    """Voilà's application without the file browser, announcing the overview's address."""
    from jupyter_server.utils import url_path_join
    from tornado.ioloop import IOLoop
    from tornado.web import RedirectHandler
    from traitlets.config import Config
    from voila.app import Voila
    from voila.tornado.contentshandler import VoilaContentsHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    class PageHandler(TornadoVoilaHandler):
        """Voilà's page handler, also setting the ``_xsrf`` cookie: a page shuts its kernel down
        when the visitor leaves it, and that request is refused without the cookie."""

        async def prepare(self, *args, **kwargs):
            await super().prepare(*args, **kwargs)
            self.xsrf_token  # noqa: B018 -- reading the token sets the cookie

    class DashboardServer(Voila):
        open_in_browser = True
        start_lang = "fi"
        overrides: dict = {}

        def init_handlers(self):
            kept = [(handler[0], PageHandler, *handler[2:]) if handler[1] is TornadoVoilaHandler else handler
                    for handler in super().init_handlers()
                    if handler[1] not in (TornadoVoilaTreeHandler, VoilaContentsHandler)]
            first_page = url_path_join(self.base_url, "voila/render", FIRST_PAGE)
            return [(self.server_url, RedirectHandler, {"url": first_page, "permanent": False})] + kept

        def load_config_file(self, *args, **kwargs):
            super().load_config_file(*args, **kwargs)
            self.update_config(Config(self.overrides))

        def initialize(self, argv=None):
            super().initialize(argv)
            # Applied per cell from now on: the cell where a pre-heated kernel waits for its
            # visitor is exempt from the timeout set in voila.json.
            limit = self.config.VoilaExecutor.get("timeout")
            self.config.VoilaExecutor.timeout_func = functools.partial(cell_timeout, limit)

        def start(self):
            IOLoop.current().add_callback(self._announce)
            super().start()

        def _announce(self):
            url = dashboard_url(self.ip, self.port, self.start_lang, self.token or None)
            print(f"Dashboards / Kojelaudat: {url}\n(Ctrl+C stops the server)", flush=True)
            if self.open_in_browser:
                threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()

    return DashboardServer
