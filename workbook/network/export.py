"""``workbook network PROJECT --out DIR``: the actor network for consultants, Gephi and Kumu users.

Writes ``network_metrics.csv`` (one row per actor), ``network.gexf`` and ``network.graphml``
(every actor and tie with their attributes, metrics, and in GEXF the map's positions,
colours and sizes, so that Gephi opens the same picture), ``network_kumu.xlsx`` (Kumu's
spreadsheet import: an ``Elements`` and a ``Connections`` sheet), ``network.html``, the
interactive map that opens from disk with no network, and the same map as a still image
for documents, ``network_map.svg`` and ``network_map.png`` (A4 landscape, 300 dpi; the PNG
is drawn by the headless Chromium that the browser tests use, and left out with a warning
when none is installed).

:func:`map_image` returns the still image as bytes, for slide and document exporters.
"""

from __future__ import annotations

import math
import os
import re
import shutil
import struct
import subprocess
import tempfile
import warnings
import zlib
from pathlib import Path

import networkx as nx
import pandas as pd

import numpy as np

from workbook import style, vocab
from workbook.htmlreport import escape
from workbook.i18n import check_lang, label, tr
from workbook.network.graphs import LAYER_LABELS, ActorNetwork, build_network
from workbook.network.layout import NODE_RADIUS, UNIT, node_radii
from workbook.network.metrics import METRIC_COLUMNS, actor_metrics
from workbook.network.view import METRIC_LABELS, ROLE_LABELS, ViewState
from workbook.network.view import TEXTS as VIEW_TEXTS
from workbook.network.view import map_positions, network_page, view_graph, view_names
from workbook.outputs import csv_text, write_bytes_atomic, write_text_atomic, write_xlsx

TEXTS = {
    "id": {"fi": "Tunnus", "en": "Identifier"},
    "municipality": {"fi": "Kunta", "en": "Municipality"},
    "sub_region": {"fi": "Seutukunta", "en": "Sub-region"},
    "helix": {"fi": "Nelikantasektori", "en": "Helix sphere"},
    "clusters": {"fi": "Klusterit", "en": "Clusters"},
    "focus_areas": {"fi": "Painopistealueet", "en": "Focus areas"},
    "community": {"fi": "Yhteisö", "en": "Community"},
    "role": {"fi": "Asema verkostossa", "en": "Position in the network"},
    "layers": {"fi": "Yhteyksien lähteet", "en": "Kinds of tie"},
    "legend": {"fi": "Selite", "en": "Legend"},
    "no_ties": {"fi": "Ei yhteyksiä ({n})", "en": "No ties ({n})"},
    "image_note": {"fi": "{n} organisaatiota, {ties} yhteyttä. Nimet näytetään, kun ne mahtuvat päällekkäin menemättä.",
                   "en": "{n} organisations, {ties} ties. Names are shown where they fit without overlapping."},
    "no_browser": {"fi": "PNG-kuvaa ei tehty: Chromium-selainta ei löytynyt (aseta WORKBOOK_CHROMIUM).",
                   "en": "The PNG image was not made: no Chromium browser was found (set WORKBOOK_CHROMIUM)."},
}

# A4 landscape at 300 dots per inch; the image is laid out in CSS pixels (96 per inch) like
# the browser view, then drawn PRINT_SCALE times larger.
A4_DOTS = (3508, 2480)
PRINT_SCALE = 300 / 96

CSV_COLUMNS: tuple[str, ...] = (
    "actor_id", "name", "actor_type", "degree", "weighted_degree", "betweenness", "eigenvector", "closeness",
    "community", "k_core", "broker", "isolate", "weakly_connected", "helix", "municipality", "sub_region",
)


def export(project, out_dir: Path, lang: str, *, png: bool = True) -> list[Path]:
    """Write the network files into ``out_dir`` and return their paths (``png=False``: no PNG,
    which takes a browser start).

    Examples
    --------
    >>> import tempfile
    >>> from workbook.network._examples import tiny_project
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in export(tiny_project(), Path(folder), "en", png=False)]
    ['network_metrics.csv', 'network.gexf', 'network.graphml', 'network_kumu.xlsx', 'network.html', 'network_map.svg']
    """
    out_dir = Path(out_dir)
    network = build_network(project)
    metrics = actor_metrics(network)
    shown = view_graph(network)
    positions = map_positions(shown, metrics, seed=0)
    title = f"{tr(VIEW_TEXTS, 'title', lang)} – {project.display_name(lang)}" if project.name else None
    page = network_page(shown, metrics, lang, names=view_names(project, lang), title=title, positions=positions)
    full = annotated_graph(network, metrics)
    svg = map_svg(shown, metrics, lang, positions=positions, title=title)
    written = [
        write_text_atomic(out_dir / "network_metrics.csv", metrics_csv(metrics)),
        write_text_atomic(out_dir / "network.gexf", gexf_text(full, positions, _sizes(metrics))),
        write_text_atomic(out_dir / "network.graphml", graphml_text(full)),
        write_xlsx(out_dir / "network_kumu.xlsx", kumu_sheets(full, metrics, lang, view_names(project, lang))),
        write_text_atomic(out_dir / "network.html", page),
        write_text_atomic(out_dir / "network_map.svg", svg),
    ]
    if png:
        try:
            written.append(write_bytes_atomic(out_dir / "network_map.png", svg_to_png(svg)))
        except FileNotFoundError:
            warnings.warn(tr(TEXTS, "no_browser", lang), stacklevel=2)
    return written


def map_page(project, lang: str) -> str:
    """The interactive map of a project as written to ``network.html`` (see :func:`export`)."""
    network = build_network(project)
    metrics = actor_metrics(network)
    shown = view_graph(network)
    title = f"{tr(VIEW_TEXTS, 'title', lang)} – {project.display_name(lang)}" if project.name else None
    return network_page(shown, metrics, lang, names=view_names(project, lang), title=title,
                        positions=map_positions(shown, metrics, seed=0))


def metrics_csv(metrics: pd.DataFrame) -> str:
    """The metrics table as formula-safe CSV; measures rounded to six decimals.

    Examples
    --------
    >>> from workbook.network.metrics import actor_metrics
    >>> print(metrics_csv(actor_metrics(nx.path_graph(["a", "b"]))).splitlines()[1])
    a,a,,1,1.0,0.0,0.707107,1.0,1,1,False,False,True,,,
    """
    table = metrics[list(CSV_COLUMNS)].copy()
    for column in ("betweenness", "eigenvector", "closeness", "weighted_degree"):
        table[column] = table[column].round(6)
    return csv_text(table)


def annotated_graph(network: ActorNetwork, metrics: pd.DataFrame) -> nx.Graph:
    """Every actor and tie with attributes Gephi can read: texts joined with ``;``,
    metrics as numbers (community 0 = none), missing values left out.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> network = build_network(tiny_project())
    >>> graph = annotated_graph(network, actor_metrics(network))
    >>> graph.nodes["A2"]["clusters"], graph.nodes["A2"]["degree"], graph.edges["A1", "A2"]["layers"]
    ('CL1', 2, 'participation;partnership;cluster')
    """
    graph = nx.Graph()
    by_id = metrics.set_index("actor_id")
    for node, data in network.to_networkx().nodes(data=True):
        attributes = {key: (";".join(value) if isinstance(value, tuple) else value)
                      for key, value in data.items() if value is not None}
        row = by_id.loc[node]
        attributes.update({key: _plain(row[key]) for key in METRIC_COLUMNS})
        attributes["community"] = 0 if pd.isna(row["community"]) else int(row["community"])
        for flag in ("broker", "isolate", "weakly_connected"):
            attributes[flag] = bool(row[flag])
        graph.add_node(node, **attributes)
    for u, v, data in network.to_networkx().edges(data=True):
        graph.add_edge(u, v, **{key: (";".join(value) if isinstance(value, tuple) else value)
                                for key, value in data.items()})
    return graph


def _plain(value: object) -> object:
    return value.item() if hasattr(value, "item") else value


def _sizes(metrics: pd.DataFrame) -> dict:
    """Circle radius of each actor on the map, in the map's pixels (sized by the view's default measure)."""
    radii = node_radii(metrics[ViewState.size_by].to_numpy()) * UNIT
    return {node: round(float(r), 2) for node, r in zip(metrics["actor_id"], radii)}


def gexf_text(graph: nx.Graph, positions: dict, sizes: dict | None = None) -> str:
    """GEXF 1.2 with the map's positions, actor-type colours and circle sizes (Gephi's ``viz``
    namespace); no date, so runs are identical.

    Examples
    --------
    >>> text = gexf_text(nx.Graph([("a", "b")]), {"a": (1.0, 2.0)}, {"a": 9.5})
    >>> "lastmodifieddate" in text, '<viz:position x="1.0" y="-2.0" z="0.0"' in text, '<viz:size value="9.5"' in text
    (False, True, True)
    """
    drawn = graph.copy()
    sizes = sizes or {}
    for node, data in drawn.nodes(data=True):
        colour = style.ACTOR_TYPE_COLOURS.get(data.get("actor_type"), "#999999")
        x, y = positions.get(node, (0.0, 0.0))
        data["viz"] = {"position": {"x": x, "y": -y, "z": 0.0}, "size": sizes.get(node, NODE_RADIUS[0] * UNIT),
                       "color": {"r": int(colour[1:3], 16), "g": int(colour[3:5], 16), "b": int(colour[5:7], 16),
                                 "a": 1.0}}
    text = "\n".join(nx.generate_gexf(drawn, version="1.2draft")) + "\n"
    return re.sub(r'\s*lastmodifieddate="[^"]*"', "", text)


def graphml_text(graph: nx.Graph) -> str:
    """GraphML of the annotated graph.

    Examples
    --------
    >>> nx.parse_graphml(graphml_text(nx.Graph([("a", "b")]))).number_of_edges()
    1
    """
    return "\n".join(nx.generate_graphml(graph)) + "\n"


def kumu_sheets(graph: nx.Graph, metrics: pd.DataFrame, lang: str, names=None) -> dict[str, pd.DataFrame]:
    """The network in Kumu's spreadsheet import format: ``Elements`` (``ID``, ``Label``, ``Type``
    and fields) and ``Connections`` (``From``, ``To``, ``Type``, ``Strength``).

    Kumu's own column names (ID, Label, Type, From, To, Strength) stay as Kumu reads them; the
    other fields are named in ``lang``; several values in one cell are separated with ``|``.
    Write with :func:`workbook.outputs.write_xlsx` (text cells made inert).

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> network = build_network(tiny_project())
    >>> metrics = actor_metrics(network)
    >>> sheets = kumu_sheets(annotated_graph(network, metrics), metrics, "en")
    >>> list(sheets), list(sheets["Elements"].columns[:3]), list(sheets["Connections"].columns)
    (['Elements', 'Connections'], ['ID', 'Label', 'Type'], ['From', 'To', 'Type', 'Strength'])
    """
    check_lang(lang)
    focus_names = dict(getattr(names, "focus_areas", {}) or {})
    cluster_names = dict(getattr(names, "clusters", {}) or {})
    by_id = metrics.set_index("actor_id")

    def joined(value, lookup) -> str:
        parts = [p for p in str(value or "").split(";") if p]
        return "|".join(str(lookup.get(p, p)) for p in parts)

    rows = []
    for node, data in graph.nodes(data=True):
        row = by_id.loc[node]
        role = "broker" if row["broker"] else "isolate" if row["isolate"] else (
            "weak" if row["weakly_connected"] else "other")
        rows.append({
            "ID": str(node), "Label": str(data.get("name") or node),
            "Type": label(vocab.ACTOR_TYPES, data.get("actor_type"), lang) if data.get("actor_type") else "",
            tr(TEXTS, "municipality", lang): data.get("municipality") or "",
            tr(TEXTS, "sub_region", lang): data.get("sub_region") or "",
            tr(TEXTS, "helix", lang): label(vocab.HELIX, data.get("helix"), lang) if data.get("helix") else "",
            tr(TEXTS, "clusters", lang): joined(data.get("clusters"), cluster_names),
            tr(TEXTS, "focus_areas", lang): joined(data.get("focus_areas"), focus_names),
            tr(TEXTS, "community", lang): "" if pd.isna(row["community"]) else int(row["community"]),
            tr(TEXTS, "role", lang): label(ROLE_LABELS, role, lang),
            **{label(METRIC_LABELS, key, lang): _plain(round(float(row[key]), 6)) for key in METRIC_COLUMNS},
        })
    ties = []
    for u, v, data in graph.edges(data=True):
        layers = [p for p in str(data.get("layers") or "").split(";") if p]
        ties.append({"From": str(u), "To": str(v),
                     "Type": "|".join(label(LAYER_LABELS, layer, lang) for layer in layers),
                     "Strength": float(data.get("weight", 1.0))})
    return {"Elements": pd.DataFrame(rows),
            "Connections": pd.DataFrame(ties, columns=["From", "To", "Type", "Strength"])}


def _text_width(text: str, size: float) -> float:
    """Width of ``text`` in a sans-serif font of ``size`` pixels, erring on the wide side."""
    wide = sum(1 for c in text if c.isupper() or c in "mwMW@%")
    return size * (0.56 * len(text) + 0.14 * wide) + 4


def _short(name: str, most: int = 26) -> str:
    return name if len(name) <= most else name[: most - 1].strip() + "\u2026"


def map_svg(graph: nx.Graph, metrics: pd.DataFrame, lang: str, *, positions: dict | None = None,
            title: str | None = None, seed: int = 0) -> str:
    """The map as an SVG image for print: A4 landscape (297 × 210 mm, 300 dpi in pixels), the
    same layout, actor-type colours, circle sizes and label rule as the interactive view
    (names only where they fit without overlapping, most important first), with a legend.

    Every text from the spreadsheet is XML-escaped.

    Examples
    --------
    >>> graph = nx.Graph([("a", "b")])
    >>> nx.set_node_attributes(graph, {"a": "<b>&", "b": "B"}, "name")
    >>> svg = map_svg(graph, actor_metrics(graph), "en")
    >>> svg.startswith("<svg") and 'width="297mm"' in svg, "&lt;b&gt;&amp;" in svg, "<b>" in svg
    (True, True, False)
    """
    check_lang(lang)
    positions = positions if positions is not None else map_positions(graph, metrics, seed)
    width, height = (d / PRINT_SCALE for d in A4_DOTS)  # CSS pixels
    side, margin, font, heading = 250.0, 28.0, 9.0, 16.0
    top = margin + heading + 10
    map_w, map_h = width - side - 2 * margin, height - top - margin - 16
    by_id = metrics.set_index("actor_id")
    nodes = list(graph.nodes)
    value = {n: float(by_id.at[n, ViewState.size_by]) if n in by_id.index else 0.0 for n in nodes}
    radius = dict(zip(nodes, node_radii([value[n] for n in nodes])))
    xs = np.array([positions[n][0] for n in nodes] or [0.0])
    ys = np.array([positions[n][1] for n in nodes] or [0.0])
    spread_x, spread_y = max(float(np.ptp(xs)), 1e-6), max(float(np.ptp(ys)), 1e-6)
    scale = min(map_w / spread_x, map_h / spread_y, 160 / UNIT)
    unit_px = scale * UNIT
    shrink = min(1.0, 20 / (NODE_RADIUS[1] * unit_px))
    off_x = margin + (map_w - spread_x * scale) / 2 - float(xs.min()) * scale
    off_y = top + (map_h - spread_y * scale) / 2 - float(ys.min()) * scale

    def at(node) -> tuple[float, float]:
        x, y = positions[node]
        return x * scale + off_x, y * scale + off_y

    def r_px(node) -> float:
        return max(2.0, float(radius[node]) * unit_px * shrink)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="297mm" height="210mm" '
             f'viewBox="0 0 {width:.2f} {height:.2f}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">',
             f'<rect width="{width:.2f}" height="{height:.2f}" fill="#ffffff"/>',
             f'<text x="{margin}" y="{margin + heading - 2}" font-size="{heading}" font-weight="600" fill="#0b5394">'
             f'{escape(title or tr(VIEW_TEXTS, "title", lang))}</text>', '<g stroke="#9fb3c8" stroke-opacity="0.45">']
    for u, v, data in graph.edges(data=True):
        (x1, y1), (x2, y2) = at(u), at(v)
        stroke = min(1 + math.log2(max(float(data.get("weight", 1.0)), 1.0)), 6) * 0.5
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke-width="{stroke:.2f}"/>')
    parts.append('</g><g stroke="#3e4c59" stroke-width="0.6">')
    types: dict[str, int] = {}
    for node in nodes:
        kind = graph.nodes[node].get("actor_type")
        types[kind] = types.get(kind, 0) + 1
        x, y = at(node)
        colour = style.ACTOR_TYPE_COLOURS.get(kind, "#9aa5b1")
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r_px(node):.2f}" fill="{colour}"/>')
    parts.append("</g>")
    # Names: the browser's rule (most important first; below, right, above or left; never overlapping).
    placed: list[tuple[float, float, float, float]] = []
    cell = 48.0
    grid: dict[tuple[int, int], list[int]] = {}

    def free(box) -> bool:
        x, y, w, h = box
        if x < margin / 2 or y < top - 4 or x + w > margin + map_w + margin / 2 or y + h > height - 4:
            return False
        for cx in range(int(x // cell), int((x + w) // cell) + 1):
            for cy in range(int(y // cell), int((y + h) // cell) + 1):
                for k in grid.get((cx, cy), ()):
                    ox, oy, ow, oh = placed[k]
                    if x < ox + ow and ox < x + w and y < oy + oh and oy < y + h:
                        return False
        return True

    def take(box) -> None:
        placed.append(box)
        x, y, w, h = box
        for cx in range(int(x // cell), int((x + w) // cell) + 1):
            for cy in range(int(y // cell), int((y + h) // cell) + 1):
                grid.setdefault((cx, cy), []).append(len(placed) - 1)

    labels = ['<g font-size="%s" fill="#1f2933" stroke="#ffffff" stroke-width="2.4" paint-order="stroke" '
              'stroke-linejoin="round">' % font]
    isolated = [n for n in nodes if graph.degree(n) == 0]
    if isolated and len(isolated) < len(nodes):
        x0 = min(at(n)[0] for n in isolated) - 6
        y0 = min(at(n)[1] for n in isolated) - font - 12
        caption = tr(TEXTS, "no_ties", lang, n=len(isolated))
        box = (x0, y0, _text_width(caption, font), font + 4)
        if free(box):
            take(box)
            labels.append(f'<text x="{x0 + 2:.1f}" y="{y0 + font:.1f}" font-weight="600" fill="#52606d">'
                          f'{escape(caption)}</text>')
    broker = {n: bool(by_id.at[n, "broker"]) if n in by_id.index else False for n in nodes}
    order = sorted(nodes, key=lambda n: (0 if broker[n] else 1, -value[n],
                                         str(graph.nodes[n].get("name") or n)))
    for node in order:
        text = _short(str(graph.nodes[node].get("name") or node))
        x, y = at(node)
        r, w, h = r_px(node), _text_width(text, font), font + 3
        for bx, by in ((x - w / 2, y + r + 1), (x + r + 2, y - h / 2), (x - w / 2, y - r - h - 1),
                       (x - r - 2 - w, y - h / 2)):
            if free((bx, by, w, h)):
                take((bx, by, w, h))
                labels.append(f'<text x="{bx + w / 2:.1f}" y="{by + font:.1f}" text-anchor="middle">'
                              f'{escape(text)}</text>')
                break
    labels.append("</g>")
    parts.extend(labels)
    # Legend.
    lx, ly = width - side, top
    parts.append(f'<g font-size="{font + 1}" fill="#1f2933"><text x="{lx}" y="{ly}" font-weight="600">'
                 f'{escape(tr(TEXTS, "legend", lang))}</text>')
    ly += 8
    for kind in [*vocab.ACTOR_TYPES, *sorted(k for k in types if k not in vocab.ACTOR_TYPES and k)]:
        if kind not in types:
            continue
        ly += 16
        colour = style.ACTOR_TYPE_COLOURS.get(kind, "#9aa5b1")
        parts.append(f'<circle cx="{lx + 6}" cy="{ly - 4}" r="5" fill="{colour}" stroke="#3e4c59" stroke-width="0.6"/>'
                     f'<text x="{lx + 18}" y="{ly}">{escape(label(vocab.ACTOR_TYPES, kind, lang))} ({types[kind]})</text>')
    ly += 24
    parts.append(f'<text x="{lx}" y="{ly}" fill="#52606d">'
                 f'{escape(tr(VIEW_TEXTS, "size_note", lang, metric=label(METRIC_LABELS, ViewState.size_by, lang)))}'
                 f'</text>')
    note = tr(TEXTS, "image_note", lang, n=len(nodes), ties=graph.number_of_edges())
    parts.append(f'<text x="{margin}" y="{height - margin / 2:.1f}" font-size="{font}" fill="#52606d">'
                 f'{escape(note)}</text></g></svg>')
    return "\n".join(parts) + "\n"


def _chromium() -> str:
    """The headless browser that draws the PNG (``WORKBOOK_CHROMIUM``, else the system's)."""
    for candidate in (os.environ.get("WORKBOOK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).exists():
            return candidate
    raise FileNotFoundError("chromium")


def svg_to_png(svg: str) -> bytes:
    """The SVG drawn at 3508 × 2480 pixels by headless Chromium (offline, own empty profile),
    marked as 300 dpi. Raises ``FileNotFoundError`` when no Chromium is installed."""
    browser = _chromium()
    sized = svg.replace('width="297mm" height="210mm"', f'width="{A4_DOTS[0]}" height="{A4_DOTS[1]}"', 1)
    with tempfile.TemporaryDirectory(prefix="workbook-png-") as folder:
        source, target = Path(folder) / "map.svg", Path(folder) / "map.png"
        source.write_text(sized, encoding="utf-8")
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-sync", "--hide-scrollbars",
                        f"--user-data-dir={Path(folder) / 'profile'}", "--force-device-scale-factor=1",
                        f"--window-size={A4_DOTS[0]},{A4_DOTS[1]}", f"--screenshot={target}", source.as_uri()],
                       check=True, capture_output=True, timeout=180)
        return _with_dpi(target.read_bytes(), 300)


def _with_dpi(png: bytes, dpi: int) -> bytes:
    """The PNG with a ``pHYs`` chunk saying ``dpi`` (so that documents place it at print size)."""
    if png[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    per_metre = round(dpi / 0.0254)
    body = b"pHYs" + struct.pack(">IIB", per_metre, per_metre, 1)
    chunk = struct.pack(">I", 9) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)
    end_of_header = 8 + 8 + 13 + 4
    rest = png[end_of_header:]
    rest = re.sub(rb"....pHYs.{9}....", b"", rest, count=1, flags=re.S) if b"pHYs" in rest[:64] else rest
    return png[:end_of_header] + chunk + rest


def map_image(project, lang: str, fmt: str = "png") -> bytes:
    """The project's network map as a still image for documents and slides: ``fmt`` ``"svg"``
    (UTF-8 bytes) or ``"png"`` (A4 landscape, 3508 × 2480 pixels, 300 dpi).

    The same picture ``workbook network`` writes as ``network_map.svg`` / ``network_map.png``.

    Examples
    --------
    >>> from workbook.network._examples import tiny_project
    >>> map_image(tiny_project(), "en", "svg")[:4]
    b'<svg'
    """
    if fmt not in ("png", "svg"):
        raise ValueError("fmt must be 'png' or 'svg'")
    network = build_network(project)
    metrics = actor_metrics(network)
    shown = view_graph(network)
    title = f"{tr(VIEW_TEXTS, 'title', lang)} – {project.display_name(lang)}" if project.name else None
    svg = map_svg(shown, metrics, lang, positions=map_positions(shown, metrics, seed=0), title=title)
    return svg.encode("utf-8") if fmt == "svg" else svg_to_png(svg)
