"""What a dashboard notebook starts from: the project and the visitor's language.

``workbook serve`` passes the project folder and the default language to every visitor's
kernel through environment variables; the address may ask for a language (``?lang=en``,
which the page links keep). Opened in JupyterLab without the server, a dashboard shows the
demo project in Finnish.

Voilà runs each page ahead of its visitor in a pre-heated kernel: it loads the project and
draws the whole page in the server's language, then pauses in :func:`visitor_language`
until a visitor opens the page (only then is the address known) and switches language if
the visitor asked for the other one. The notebook cell that pauses carries the tag
:data:`WAITS_FOR_VISITOR`, which exempts it (and only it) from the cell timeout.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from workbook.i18n import LANGUAGES, Lang, check_lang

if TYPE_CHECKING:
    from workbook.dashboard.defaults import SavedProject
    from workbook.project import Project

ENV_PROJECT = "WORKBOOK_PROJECT"
ENV_LANG = "WORKBOOK_LANG"
DEMO_PROJECT = Path(__file__).resolve().parents[2] / "data" / "demo-lapland"
WAITS_FOR_VISITOR = "waits-for-visitor"


ENV_CACHE = "WORKBOOK_PROJECT_CACHE"
PACKAGE = Path(__file__).resolve().parents[1]


def load_dashboard_project(project: str | Path | None = None) -> "Project | SavedProject":
    """The project a dashboard shows: ``project``, else the folder ``workbook serve`` was
    started with, else the demo. From here on, an error in any cell of the dashboard is also
    written to the server's log (the visitor sees only a short message).

    ``workbook serve`` validates the project once and leaves it in a cache file (see
    :func:`write_project_cache`), with the unfiltered drawing of every page
    (:mod:`workbook.dashboard.defaults`); while the project's files and the workbook's code
    are unchanged, a kernel takes these instead of loading, validating and drawing again, and
    reads the project only when a visitor filters (a
    :class:`~workbook.dashboard.defaults.SavedProject`)."""
    _log_cell_errors_on_server()
    if project is None and os.environ.get(ENV_CACHE) and os.environ.get(ENV_PROJECT):
        from workbook.dashboard.defaults import SavedProject, read_defaults

        cache, project_path = Path(os.environ[ENV_CACHE]), Path(os.environ[ENV_PROJECT])
        defaults = read_defaults(cache.parent, project_path)
        if defaults is not None:
            return SavedProject(cache, project_path, defaults)
        cached = read_project_cache(cache, project_path)
        if cached is not None:
            return cached
    return load_project(Path(project) if project is not None else Path(os.environ.get(ENV_PROJECT) or DEMO_PROJECT))


def load_project(path: Path) -> "Project":
    """:func:`workbook.project.load_project`, imported only when a kernel loads a project: a
    page drawn from the server's defaults needs neither pandas nor pandera."""
    from workbook.project import load_project as load

    return load(path)


def fingerprint(project_path: Path) -> str:
    """What the validated project depends on: the name, size and modification time of every
    file of the project folder (or workbook) and of the workbook package's code.

    Examples
    --------
    >>> fingerprint(DEMO_PROJECT) == fingerprint(DEMO_PROJECT)
    True
    """
    import hashlib

    digest = hashlib.sha256()
    files = [project_path] if project_path.is_file() else sorted(p for p in project_path.rglob("*") if p.is_file())
    for path in [*files, *sorted(PACKAGE.rglob("*.py"))]:
        info = path.stat()
        digest.update(f"{path}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def write_project_cache(folder: Path, project_path: Path, project: "Project") -> Path:
    """Save the validated ``project`` for the server's kernels in ``folder`` (the server's own
    private runtime folder, never the project folder); returns the file."""
    import pickle
    import tempfile

    target = folder / "project.pickle"
    with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False) as handle:
        pickle.dump({"fingerprint": fingerprint(project_path), "project": project}, handle,
                    protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, target)
    return target


def read_project_cache(cache: Path, project_path: Path) -> "Project | None":
    """The project saved by :func:`write_project_cache`, or ``None`` when there is none or the
    project's files or the code changed since."""
    import pickle

    try:
        with cache.open("rb") as handle:
            saved = pickle.load(handle)  # written by this machine's server into its private folder
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return saved["project"] if saved.get("fingerprint") == fingerprint(project_path) else None


def server_log() -> logging.Logger:
    """The dashboards' logger. It writes to the kernel's own stderr, which is the server's
    terminal: ipykernel forwards ``sys.stderr`` to the page, but not ``sys.__stderr__``."""
    log = logging.getLogger("workbook.dashboard")
    if not log.handlers:
        handler = logging.StreamHandler(sys.__stderr__)
        handler.setFormatter(logging.Formatter("[workbook.dashboard %(levelname)s] %(message)s"))
        log.addHandler(handler)
        log.propagate = False
    return log


def _log_cell_errors_on_server() -> None:
    # Voilà logs a failing cell only when it runs the page for a visitor, not when a
    # pre-heated kernel ran it in advance; this logs it in both cases.
    from IPython import get_ipython

    shell = get_ipython()
    if shell is None:
        return

    def log_and_show(shell, kind, error, trace, tb_offset=None):
        server_log().error("a dashboard cell failed", exc_info=(kind, error, trace))
        shell.showtraceback((kind, error, trace), tb_offset=tb_offset)

    shell.set_custom_exc((Exception,), log_and_show)


def initial_language(lang: str | None = None) -> Lang:
    """The language a page is first drawn in: ``lang``, else the address's ``?lang=``, else
    ``workbook serve --lang``, else Finnish. A pre-heated kernel draws its page before the
    address is known, in the server's language; :func:`visitor_language` then tells whether
    the visitor wants the other one."""
    if lang is not None:
        return check_lang(lang)
    default = os.environ.get(ENV_LANG) or "fi"
    if os.environ.get("VOILA_PREHEAT") == "True":
        return check_lang(default)
    return requested_language(os.environ.get("QUERY_STRING", ""), default)


def visitor_language(lang: str | None = None) -> Lang:
    """The language the visitor asked for (see :func:`initial_language`). In a pre-heated
    kernel this waits until a visitor opens the page: run it in the notebook's last cell,
    tagged :data:`WAITS_FOR_VISITOR`."""
    if lang is not None:
        return check_lang(lang)
    if os.environ.get("VOILA_PREHEAT") == "True":
        wait_for_request()
    return requested_language(os.environ.get("QUERY_STRING", ""), os.environ.get(ENV_LANG) or "fi")


def wait_for_request() -> None:
    """In a pre-heated kernel: wait until Voilà hands the kernel to a visitor, then put the
    visitor's request (address, query string) into ``os.environ``.

    Does what ``voila.utils.wait_for_request`` does, over tornado's WebSocket client (already
    loaded by the kernel) instead of importing the ``voila`` package, which pulls in the whole
    Jupyter server: 1.6–2.1 CPU s in every pre-heated kernel (measured).
    """
    import asyncio
    import json
    import threading

    from tornado.websocket import websocket_connect

    server = os.environ.get("VOILA_SERVER_URL", "/")
    url = (f"{os.environ.get('VOILA_WS_PROTOCOL', 'ws')}://{os.environ.get('VOILA_APP_IP', '127.0.0.1')}:"
           f"{os.environ.get('VOILA_APP_PORT', '8866')}{os.environ.get('VOILA_WS_BASE_URL', server)}"
           f"voila/query/{os.environ.get('VOILA_KERNEL_ID')}")
    received: list[str] = []

    async def receive() -> None:
        connection = await asyncio.wait_for(websocket_connect(url), 5)
        message = await connection.read_message()
        connection.close()
        if isinstance(message, str):
            received.append(message)

    def run() -> None:  # the kernel's own event loop is busy running this cell
        try:
            asyncio.run(receive())
        except Exception as error:  # noqa: BLE001 -- the page is then shown in the server's language
            server_log().warning("no request info for this pre-heated kernel: %s", error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        thread.join()
    except KeyboardInterrupt:
        # Jupyter interrupts a kernel before it asks it to shut down, and nothing else interrupts
        # a kernel waiting for its visitor: the server is letting it go. Replying to the cell
        # would race the shutdown closing the kernel's sockets (a traceback per waiting kernel in
        # the server's log when it stops); there is nobody left to reply to.
        os._exit(0)
    for key, value in (json.loads(received[0]).items() if received else ()):
        os.environ[key] = value


def requested_language(query_string: str, default: str) -> Lang:
    """The language asked for in a query string, or ``default`` if none (or an unknown one).

    Examples
    --------
    >>> requested_language("lang=en", "fi"), requested_language("lang=xx", "fi"), requested_language("", "en")
    ('en', 'fi', 'en')
    """
    asked = parse_qs(query_string).get("lang", [])
    return check_lang(asked[-1] if asked and asked[-1] in LANGUAGES else default)
