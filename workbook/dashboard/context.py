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
from urllib.parse import parse_qs

from workbook.i18n import LANGUAGES, Lang, check_lang
from workbook.project import Project, load_project

ENV_PROJECT = "WORKBOOK_PROJECT"
ENV_LANG = "WORKBOOK_LANG"
DEMO_PROJECT = Path(__file__).resolve().parents[2] / "data" / "demo-lapland"
WAITS_FOR_VISITOR = "waits-for-visitor"


def load_dashboard_project(project: str | Path | None = None) -> Project:
    """The project a dashboard shows: ``project``, else the folder ``workbook serve`` was
    started with, else the demo. From here on, an error in any cell of the dashboard is also
    written to the server's log (the visitor sees only a short message)."""
    _log_cell_errors_on_server()
    return load_project(Path(project) if project is not None else Path(os.environ.get(ENV_PROJECT) or DEMO_PROJECT))


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
        from voila.utils import wait_for_request

        wait_for_request()
    return requested_language(os.environ.get("QUERY_STRING", ""), os.environ.get(ENV_LANG) or "fi")


def requested_language(query_string: str, default: str) -> Lang:
    """The language asked for in a query string, or ``default`` if none (or an unknown one).

    Examples
    --------
    >>> requested_language("lang=en", "fi"), requested_language("lang=xx", "fi"), requested_language("", "en")
    ('en', 'fi', 'en')
    """
    asked = parse_qs(query_string).get("lang", [])
    return check_lang(asked[-1] if asked and asked[-1] in LANGUAGES else default)
