"""The one-pager of a focus area: a 16:9 slide image (PNG, 1920 × 1080) for a slide deck.

The page is laid out as HTML (:func:`onepager_html`, self-contained, no network) and
photographed by a headless Chromium or Chrome (:func:`render_png`) using the browser's
own ``--screenshot`` switch: no Python browser driver is needed at run time. The browser
is found on the ``PATH`` or named by the ``WORKBOOK_CHROMIUM`` environment variable; with
none, :class:`BrowserNotFoundError` says so in plain words.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pandas as pd
import plotly.io as pio

from workbook import formats
from workbook.actionplan.figures import gantt_figure
from workbook.actionplan.focus_area import FocusAreaPage
from workbook.actionplan.labels import funding_label
from workbook.htmlreport import CSP, escape
from workbook.i18n import check_lang, percent, tr
from workbook.outputs import ExportError, write_bytes_atomic
from workbook.style import focus_area_colours

BROWSER_VARIABLE = "WORKBOOK_CHROMIUM"
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
# The slide in CSS pixels, photographed at 1.5 × for a sharp 1920 × 1080 image.
WIDTH, HEIGHT, SCALE = 1280, 720, 1.5
# The timeline chart's box inside the slide, in CSS pixels (the left column of the middle row).
GANTT_WIDTH, GANTT_HEIGHT = 720, 272
# How much browser time plotly gets to draw; virtual time runs as fast as the machine allows.
DRAW_BUDGET_MS = 20_000

TEXTS = {
    "actions": {"fi": "toimenpidettä", "en": "actions"},
    "budget": {"fi": "budjetti", "en": "budget"},
    "owners": {"fi": "vastuutahoa", "en": "owners"},
    "partners": {"fi": "kumppania", "en": "partners"},
    "partners_detail": {"fi": "joista {companies} yritystä, {abroad} ulkomailta",
                        "en": "{companies} companies, {abroad} from abroad"},
    "from_inputs": {"fi": "ideasta syntyneitä", "en": "grown from inputs"},
    "from_inputs_detail": {"fi": "{inputs} ideaa {activities} tilaisuudesta", "en": "{inputs} inputs from {activities} activities"},
    "timeline": {"fi": "Aikataulu", "en": "Timeline"},
    "timeline_part": {"fi": "Aikataulu: {shown} ensimmäistä {dated} toimenpiteestä (kaikki raportissa)",
                      "en": "Timeline: the first {shown} of {dated} actions (all in the report)"},
    "indicators": {"fi": "Mittarit: lähtötaso → tavoite (viimeisin)", "en": "Indicators: baseline → target (latest)"},
    "no_indicators": {"fi": "Alueelle ei ole mittareita.", "en": "The area has no indicators."},
    "owners_heading": {"fi": "Vastuutahot", "en": "Owners"},
    "partners_heading": {"fi": "Kumppanit", "en": "Partners"},
    "nobody": {"fi": "Ei yhtään.", "en": "None."},
    "money": {"fi": "Rahoitus", "en": "Funding"},
    "clusters": {"fi": "Klusterit", "en": "Clusters"},
    "no_clusters": {"fi": "Ei klustereita.", "en": "No clusters."},
    "members_involved": {"fi": "({n} jäsentä mukana)", "en": "({n} members involved)"},
    "more": {"fi": "+ {n} muuta", "en": "+ {n} more"},
    "footer": {"fi": "{project} · painopistealue {focus_area_id} · budjetissa monen alueen toimenpide lasketaan jokaiselle alueelleen",
               "en": "{project} · focus area {focus_area_id} · an action serving several areas counts in each area's budget"},
    "no_browser": {
        "fi": "Yhden sivun kuvia ei voi tehdä: Chromium- tai Chrome-selainta ei löytynyt. Asenna se (esim. apt install chromium) tai kerro sen polku ympäristömuuttujassa WORKBOOK_CHROMIUM.",
        "en": "Cannot make the one-page images: no Chromium or Chrome browser was found. Install one (e.g. apt install chromium) or give its path in the WORKBOOK_CHROMIUM environment variable.",
    },
    "bad_browser": {
        "fi": "WORKBOOK_CHROMIUM osoittaa tiedostoon {path}, jota ei voi suorittaa.",
        "en": "WORKBOOK_CHROMIUM names {path}, which is not an executable program.",
    },
    "render_failed": {
        "fi": "Selain ({browser}) ei tuottanut kuvaa {name}: {detail}",
        "en": "The browser ({browser}) did not produce the image {name}: {detail}",
    },
}

CSS = """
* { box-sizing: border-box; margin: 0; padding: 0; }
html, body { width: %(w)dpx; height: %(h)dpx; overflow: hidden; background: #ffffff; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; color: #1f2933; font-size: 15px;
       line-height: 1.3; padding: 22px 30px 0 30px; display: flex; flex-direction: column; gap: 12px; }
header { border-left: 12px solid %(colour)s; padding-left: 16px; }
h1 { font-size: 32px; line-height: 1.15; }
header p { font-size: 16px; color: #52606d; margin-top: 4px; max-height: 42px; overflow: hidden; }
.middle { display: flex; gap: 18px; height: 300px; }
.gantt { width: %(gw)dpx; flex: none; }
.side { flex: 1; min-width: 0; }
h2 { font-size: 17px; margin-bottom: 4px; color: #0b5394; }
table { border-collapse: collapse; width: 100%%; font-size: 14px; }
td { padding: 3px 4px; border-bottom: 1px solid #d9e2ec; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.bottom { display: flex; gap: 18px; flex: 1; min-height: 0; }
.bottom > div { flex: 1; min-width: 0; overflow: hidden; }
.bottom > div.partners { flex: 2; }
.partners ul { columns: 2; column-gap: 18px; }
ul { list-style: none; font-size: 14px; }
li { padding: 1px 0; overflow-wrap: anywhere; }
li.owner { font-weight: bold; }
li small, td small { color: #52606d; font-weight: normal; }
.muted { color: #52606d; font-size: 14px; }
footer { font-size: 12px; color: #52606d; border-top: 1px solid #d9e2ec; padding: 5px 0 8px; }
"""

# Key-figure tiles are styled inline: they also appear in notebooks and dashboards, where
# no style sheet of ours applies.
TILES_STYLE = "display:flex;gap:12px;margin:8px 0"
TILE_STYLE = "flex:1;background:#f0f4f8;border-radius:6px;padding:8px 14px"
NUMBER_STYLE = "display:block;font-size:28px;line-height:1.2;color:{colour}"
WORDS_STYLE = "font-size:14px;color:#52606d"

# The bottom row has room for five lines (with the findings line below it); partners use two columns.
MAX_OWNERS, MAX_PARTNERS, MAX_FUNDING, MAX_CLUSTERS, MAX_INDICATORS = 5, 10, 5, 4, 7
# Action titles beside the bars wrap at this many characters (never cut short).
GANTT_LABEL_WIDTH = 44
# More bars than this would be too thin for wrapped titles on a projector: the rest are in the report.
MAX_GANTT_ROWS = 6


class BrowserNotFoundError(ExportError):
    """No headless Chromium or Chrome to draw the one-pager images with."""


class RenderError(ExportError):
    """The browser ran but produced no image."""


def find_browser(lang: str = "en") -> Path:
    """The Chromium or Chrome to use: ``$WORKBOOK_CHROMIUM``, else the first on the ``PATH``.

    Raises :class:`BrowserNotFoundError` with a plain-language message in ``lang``.
    """
    named = os.environ.get(BROWSER_VARIABLE)
    if named:
        path = Path(named)
        if path.is_file() and os.access(path, os.X_OK):
            return path
        raise BrowserNotFoundError(tr(TEXTS, "bad_browser", lang, path=named))
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    raise BrowserNotFoundError(tr(TEXTS, "no_browser", lang))


def _money(value: float, lang: str) -> str:
    """Euros in thousands or millions, as a slide shows them.

    Examples
    --------
    >>> _money(1_250_000, "fi"), _money(90_000, "en"), _money(0, "en")
    ('1,25 M€', '€90k', '–')
    """
    if not value:
        return "–"
    if value >= 1_000_000:
        number = f"{value / 1_000_000:.2f}".rstrip("0").rstrip(".")
        return f"{number.replace('.', ',')} M€" if lang == "fi" else f"€{number}M"
    thousands = f"{value / 1000:.0f}"
    return f"{thousands} t€" if lang == "fi" else f"€{thousands}k"


def _number(value: float, lang: str) -> str:
    return formats.number(value, lang)


def _more(items: list[str], limit: int, lang: str) -> list[str]:
    """At most ``limit`` list items, the last saying how many were left out."""
    if len(items) <= limit:
        return items
    return items[:limit - 1] + [f'<li class="muted">{escape(tr(TEXTS, "more", lang, n=len(items) - limit + 1))}</li>']


def wrapped_label(text: str, width: int = GANTT_LABEL_WIDTH) -> str:
    """An action's label broken into lines of at most ``width`` characters (plotly's ``<br>``),
    whole words kept: a title on a one-pager wraps instead of being cut.

    Examples
    --------
    >>> wrapped_label("T12 · Arctic data platform for circular material flows", 24)
    'T12 · Arctic data<br>platform for circular<br>material flows'
    """
    import textwrap

    return "<br>".join(textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False)) or text


def key_figures(page: FocusAreaPage, lang: str) -> list[tuple[str, str]]:
    """The headline numbers of a focus area as (number, words) pairs, for tiles.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan.focus_area import focus_area_page
    >>> key_figures(focus_area_page(example_project(), "FA1", "en"), "en")[:2]
    [('2', 'actions'), ('€300k', 'budget')]
    """
    summary = page.summary
    sourced = page.actions[page.actions["inputs"] > 0]
    inputs = len({i for ids in page.actions["source_input_ids"] for i in ids})
    activities = len({a for names in sourced["activities"] for a in names})
    return [
        (str(int(summary["actions"])), tr(TEXTS, "actions", lang)),
        (_money(summary["budget_eur"], lang), tr(TEXTS, "budget", lang)),
        (str(int(summary["owners"])), tr(TEXTS, "owners", lang)),
        (str(int(summary["partners_count"])), tr(TEXTS, "partners", lang) + " · " + tr(
            TEXTS, "partners_detail", lang, companies=int(summary["company_partners"]),
            abroad=int(summary["foreign_partners"]))),
        (f"{len(sourced)}/{len(page.actions)}", tr(TEXTS, "from_inputs", lang) + " · " + tr(
            TEXTS, "from_inputs_detail", lang, inputs=inputs, activities=activities)),
    ]


def tiles_html(page: FocusAreaPage, lang: str, colour: str) -> str:
    """The key figures as a row of tiles with their numbers in ``colour`` (every text escaped)."""
    number_style = NUMBER_STYLE.format(colour=escape(colour))
    return f'<div style="{TILES_STYLE}">' + "".join(
        f'<div style="{TILE_STYLE}"><b style="{number_style}">{escape(big)}</b>'
        f'<span style="{WORDS_STYLE}">{escape(small)}</span></div>'
        for big, small in key_figures(page, lang)) + "</div>"


def onepager_html(page: FocusAreaPage, project_name: str, focus_area_ids: list[str], lang: str,
                  period: tuple[pd.Timestamp | None, pd.Timestamp | None] = (None, None),
                  home_country: str = "FI") -> str:
    """The one-pager of a focus area as a self-contained HTML page of 1280 × 720 CSS pixels.

    ``focus_area_ids`` (the project's order) fixes the area's colour; organisations from
    outside ``home_country`` get their country code beside the name.

    Examples
    --------
    >>> from workbook.actionplan.examples import example_project
    >>> from workbook.actionplan.focus_area import focus_area_page
    >>> project = example_project()
    >>> html = onepager_html(focus_area_page(project, "FA1", "en"), project.name, ["FA1", "FA2"], "en")
    >>> "<h1>Circular economy</h1>" in html and "€300k" in html
    True
    """
    check_lang(lang)
    colour = focus_area_colours(focus_area_ids)[page.focus_area_id]

    dated = page.timeline[page.timeline["dated"]]
    timeline = pd.concat([dated.head(MAX_GANTT_ROWS), page.timeline[~page.timeline["dated"]]])
    timeline_heading = tr(TEXTS, "timeline", lang) if len(dated) <= MAX_GANTT_ROWS else \
        tr(TEXTS, "timeline_part", lang, shown=MAX_GANTT_ROWS, dated=len(dated))
    gantt = gantt_figure(timeline, lang, period, height=GANTT_HEIGHT, label_length=None)
    rows = list(gantt.layout.yaxis.tickvals or [])
    gantt.update_yaxes(ticktext=[wrapped_label(row) for row in rows])
    gantt.update_layout(title=None, width=GANTT_WIDTH, margin=dict(l=4, r=8, t=28, b=30 if timeline["dated"].all()
                                                                   else 60),
                        font=dict(size=13), legend=dict(font=dict(size=12)))
    gantt.update_yaxes(tickfont=dict(size=12))
    gantt_html = pio.to_html(gantt, include_plotlyjs=True, full_html=False, div_id="gantt",
                             config={"staticPlot": True}, default_width=f"{GANTT_WIDTH}px",
                             default_height=f"{GANTT_HEIGHT}px")

    indicator_rows = []
    for row in page.indicators.head(MAX_INDICATORS).itertuples():
        unit = f" {escape(row.unit)}" if isinstance(row.unit, str) else ""
        latest = "" if pd.isna(row.latest_value) else \
            f" <small>({escape(_number(row.latest_value, lang))}, {escape(percent(row.progress, lang))})</small>"
        indicator_rows.append(
            f"<tr><td>{escape(row.indicator)}</td><td class=\"num\">{escape(_number(row.baseline, lang))} → "
            f"{escape(_number(row.target, lang))}{unit}{latest}</td></tr>")
    hidden_indicators = len(page.indicators) - len(indicator_rows)
    if hidden_indicators:
        indicator_rows.append(f'<tr><td class="muted">{escape(tr(TEXTS, "more", lang, n=hidden_indicators))}</td></tr>')
    indicators_html = f"<table>{''.join(indicator_rows)}</table>" if indicator_rows else \
        f"<p class=\"muted\">{escape(tr(TEXTS, 'no_indicators', lang))}</p>"

    def organisations(role: str, limit: int) -> str:
        rows = page.actors[page.actors["role"] == role]
        items = [f"<li>{escape(row.organisation)}" + (f" <small>({escape(row.country)})</small>"
                                                      if row.country != home_country else "") + "</li>"
                 for row in rows.itertuples()]
        return f"<ul>{''.join(_more(items, limit, lang))}</ul>" if items else \
            f"<p class=\"muted\">{escape(tr(TEXTS, 'nobody', lang))}</p>"

    funding_items = [f"<li>{escape(funding_label(row.funding, lang))} <small>{escape(_money(row.budget_eur, lang))}"
                     f"</small></li>" for row in page.funding.itertuples()]
    cluster_items = [
        f"<li>{escape(row.cluster)}" + ("" if row.declared else " <small>" + escape(tr(
            TEXTS, "members_involved", lang, n=row.members_in_actions)) + "</small>") + "</li>"
        for row in page.clusters.itertuples()
    ]
    footer = tr(TEXTS, "footer", lang, project=project_name, focus_area_id=page.focus_area_id)
    # The plan's checks ("to fix") are the consultant's working material, never on a client's slide.
    findings_html = ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n<title>{escape(page.name)}</title>\n'
        f"<style>{CSS % {'w': WIDTH, 'h': HEIGHT, 'gw': GANTT_WIDTH, 'colour': colour}}</style>\n</head>\n<body>\n"
        f"<header><h1>{escape(page.name)}</h1><p>{escape(page.description)}</p></header>\n"
        f"{tiles_html(page, lang, colour)}\n"
        f'<div class="middle"><div class="gantt"><h2>{escape(timeline_heading)}</h2>{gantt_html}</div>'
        f'<div class="side"><h2>{escape(tr(TEXTS, "indicators", lang))}</h2>{indicators_html}</div></div>\n'
        f'<div class="bottom"><div><h2>{escape(tr(TEXTS, "owners_heading", lang))}</h2>'
        f"{organisations('owner', MAX_OWNERS)}</div>"
        f'<div class="partners"><h2>{escape(tr(TEXTS, "partners_heading", lang))}</h2>'
        f'{organisations("partner", MAX_PARTNERS)}</div>'
        f'<div><h2>{escape(tr(TEXTS, "money", lang))}</h2><ul>{"".join(_more(funding_items, MAX_FUNDING, lang))}</ul></div>'
        f'<div class="clusters"><h2>{escape(tr(TEXTS, "clusters", lang))}</h2>'
        + (f"<ul>{''.join(_more(cluster_items, MAX_CLUSTERS, lang))}</ul>" if cluster_items else
           f"<p class=\"muted\">{escape(tr(TEXTS, 'no_clusters', lang))}</p>")
        + f"</div></div>\n{findings_html}<footer>{escape(footer)}</footer>\n</body>\n</html>\n"
    )


def screenshot(html: str, browser: Path, width: int, height: int, scale: float = SCALE,
               timeout: float = 180, budget_ms: int = DRAW_BUDGET_MS) -> tuple[bytes | None, str]:
    """Photograph the page ``html`` in a ``width`` × ``height`` CSS-pixel window of the headless
    ``browser`` (offline: every host name resolves to nothing). Returns the PNG bytes, or
    ``None`` and the browser's last words when it drew nothing."""
    with tempfile.TemporaryDirectory(prefix="workbook-screenshot-") as folder:
        work = Path(folder)
        page, shot = work / "page.html", work / "shot.png"
        page.write_text(html, encoding="utf-8")
        command = [
            str(browser), "--headless", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--host-resolver-rules=MAP * ~NOTFOUND", f"--user-data-dir={work / 'profile'}",
            f"--window-size={width},{height}", f"--force-device-scale-factor={scale}",
            f"--virtual-time-budget={budget_ms}", f"--screenshot={shot}", page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(2, "--no-sandbox")  # Chromium refuses to start as root with its sandbox on.
        try:
            result = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
            detail = (result.stderr.strip().splitlines() or [f"exit code {result.returncode}"])[-1]
        except (OSError, subprocess.TimeoutExpired) as error:
            detail = str(error)
        if not shot.is_file() or shot.stat().st_size == 0:
            return None, detail
        return shot.read_bytes(), detail


def render_png(html: str, path: Path, browser: Path, lang: str = "en") -> Path:
    """Photograph a one-pager page with the headless ``browser`` and write the PNG atomically."""
    png, detail = screenshot(html, browser, WIDTH, HEIGHT)
    if png is None:
        raise RenderError(tr(TEXTS, "render_failed", lang, browser=browser, name=Path(path).name, detail=detail))
    return write_bytes_atomic(Path(path), png)
