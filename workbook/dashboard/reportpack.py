"""The static report pack beside the dashboards: where it is, and the link every page shows.

Dashboards are for working sessions (a kernel per visitor); for an audience in the hundreds
the report pack (``workbook report PROJECT --out PACK``) is the right medium: the same figures
as plain HTML files, no kernel per visitor. ``workbook serve … --report PACK`` serves a built
pack read-only at ``/report/`` (``--report https://…`` links a pack published elsewhere), and
every page's navigation and the "server is full" page link to it in the visitor's language.

``workbook serve`` tells its kernels the links through the environment variable
:data:`ENV_REPORT` (JSON: language -> address).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from workbook.i18n import LANGUAGES, check_lang

ENV_REPORT = "WORKBOOK_REPORT"
ROUTE = "report"
# From a dashboard page (…/voila/render/PAGE.ipynb) to the pack served by the same server;
# relative, so that it also holds behind a reverse proxy serving under a path.
FROM_PAGES = f"../../{ROUTE}/"

TEXTS = {
    "link": {"fi": "Raporttipaketti (staattinen)", "en": "Report pack (static)"},
    "no_pack": {
        "fi": "{folder}: kansiossa ei ole raporttipakettia (tee se komennolla workbook report PROJEKTI --out {folder})",
        "en": "{folder}: the folder holds no report pack (build one with workbook report PROJECT --out {folder})",
    },
}


class NoReportPack(ValueError):
    """``--report`` names neither a web address nor a folder holding a built pack."""


def report_links(report: str) -> tuple[dict[str, str], Path | None]:
    """The pack's address for each language, and the folder to serve (``None`` for a pack
    published elsewhere).

    Examples
    --------
    >>> report_links("https://example.fi/s3/")
    ({'fi': 'https://example.fi/s3/', 'en': 'https://example.fi/s3/'}, None)
    """
    if report.startswith(("https://", "http://")):
        return {lang: report for lang in LANGUAGES}, None
    from workbook.report import read_manifest

    folder = Path(report).resolve()
    if not folder.is_dir() or read_manifest(folder) is None or not (folder / "index.html").is_file():
        raise NoReportPack(report)
    # A pack in two languages has a page per language under fi/ and en/; one in a single
    # language has its pages at the top.
    return {lang: FROM_PAGES + (f"{lang}/index.html" if (folder / lang / "index.html").is_file() else "index.html")
            for lang in LANGUAGES}, folder


def report_link(lang: str) -> str | None:
    """The address of the report pack for a page in ``lang``, if the server has one.

    Examples
    --------
    >>> import os
    >>> os.environ[ENV_REPORT] = '{"fi": "../../report/fi/index.html", "en": "../../report/en/index.html"}'
    >>> report_link("en")
    '../../report/en/index.html'
    >>> del os.environ[ENV_REPORT]
    >>> report_link("en") is None
    True
    """
    try:
        links = json.loads(os.environ.get(ENV_REPORT) or "{}")
    except ValueError:
        return None
    link = links.get(check_lang(lang)) if isinstance(links, dict) else None
    return link if isinstance(link, str) and link else None
