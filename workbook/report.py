"""``workbook report``: run every analysis notebook on a project and build the deliverable pack.

One command gives a reviewer, or a consultant on a new region, the whole pack::

    workbook report data/demo-lapland --out OUT [--lang fi|en]

``OUT`` then holds ``index.html`` linking everything; ``notebooks/`` with each analysis
notebook executed on the project, both as a self-contained HTML report without code and as
the executed ``.ipynb``; one folder per export of the other commands (``network/``,
``summary/``, ``actions/``, ``clusters/``); and ``manifest.json`` with the checksums of every
input and output, the package versions and the time of the run — the only timestamp in the
pack, so two runs on the same input give byte-identical files apart from that one line.

Each notebook runs in a kernel of its own with ``PROJECT`` and ``LANG`` injected after its
``parameters`` cell; notebooks and exports run side by side (:data:`WORKERS` at a time). The
pack is built in a temporary sibling folder and swapped into place at the end: a failing
notebook or export leaves ``OUT`` exactly as it was.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import importlib
import json
import os
import platform
import re
import sys
import threading
import traceback
from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import partial
from importlib import metadata
from pathlib import Path
from typing import Callable, Mapping, Sequence

import nbformat
import zmq
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from tqdm import tqdm
from traitlets.config import Config

from workbook import __version__
from workbook.htmlreport import CSP, HtmlReport, escape, link_list
from workbook.i18n import check_lang, tr
from workbook.outputs import atomic_directory, write_text_atomic
from workbook.project import Project

PACKAGE_FOLDER = Path(__file__).resolve().parent
NOTEBOOK_FOLDER = PACKAGE_FOLDER.parent / "notebooks"
NOTEBOOK_PATTERN = "[0-9][0-9]_*.ipynb"
WORKING = "working"  # the consultant's part of the pack: notebook pages, plan checks
TEMPLATE_NAME = "report_template"  # PACKAGE_FOLDER/report_template: nbconvert's lab template, offline
GENERATOR = "workbook report"
CELL_TIMEOUT_S = 600
# Notebooks and exports run side by side; each kernel takes a few hundred MB, so a few at most.
WORKERS = max(1, min(4, os.cpu_count() or 1))
KERNEL = "python3"
PLOTLY_MIME = "application/vnd.plotly.v1+json"
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
SOURCE_SUFFIXES = (".py", ".j2", ".json", ".css", ".js", ".html")
ANSI_CODES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# Distributions whose versions decide the numbers and the look of the pack.
PACKAGES = (
    "strategy-workbook", "pandas", "numpy", "pandera", "networkx", "scipy", "igraph", "pyvis",
    "plotly", "openpyxl", "simplemma", "nbclient", "nbconvert", "nbformat", "ipykernel",
)

TEXTS = {
    "title": {"fi": "Strategiatyökirja: {name}", "en": "Strategy Workbook: {name}"},
    "subtitle": {"fi": "Koko aineistopaketti hankkeen kansiosta {folder}",
                 "en": "The whole deliverable pack of the project folder {folder}"},
    "deliverables": {"fi": "Asiakkaalle toimitettavat", "en": "Deliverables for the client"},
    "deliverables_note": {
        "fi": "Nämä tiedostot voi lähettää asiakkaalle sellaisinaan. Kukin avautuu ilman verkkoyhteyttä; "
              "HTML-raportti on luettava versio, Excel-taulukot sisältävät samat luvut jatkokäsittelyyn.",
        "en": "These files can be sent to the client as they are. Each opens without a network connection; "
              "the HTML report is the version to read, the Excel workbook holds the same figures for further work.",
    },
    "about_summary": {
        "fi": "Ketkä osallistuivat mihinkin työpajaan, kyselyyn ja sprinttiin, mitä he sanoivat ja ketkä jäivät "
              "kuulematta.",
        "en": "Who took part in which workshop, survey and sprint, what they said and who was not heard."},
    "about_actions": {
        "fi": "Toimeenpanosuunnitelman toimenpiteet painopistealueittain: vastuutahot, kumppanit, aikataulu, "
              "rahoitus ja mittarit, sekä yhden sivun kuva kustakin painopistealueesta esityksiin.",
        "en": "The implementation plan's actions by focus area: owners, partners, timeline, funding and "
              "indicators, with a one-page image of each focus area for slides."},
    "about_clusters": {
        "fi": "Kunkin klusterin arvio klusteritoiminnan kriteereitä ja tavoitteita vasten.",
        "en": "Each cluster assessed against the criteria and goals for cluster activity."},
    "about_network": {
        "fi": "Ekosysteemi toimijaverkostona: interaktiivinen kartta sekä verkko Gephi-ohjelmaan ja "
              "taulukkona.",
        "en": "The ecosystem as an actor network: an interactive map, and the network for Gephi and as a table."},
    "glossary": {"fi": "Tunnuslukujen määritelmät", "en": "Definitions of the figures"},
    "glossary_note": {
        "fi": "Mitä kukin tunnusluku tarkoittaa: samat määritelmät ovat kaikissa raporteissa, taulukoissa ja "
              "koontinäytöissä.",
        "en": "What each headline figure means: the same definitions hold in every report, workbook and "
              "dashboard."},
    "glossary_link": {"fi": "Sanasto ja tunnusluvut", "en": "Glossary and headline figures"},
    "working": {"fi": "Työaineisto konsultille (kansio working/)", "en": "Working material for the consultant "
                                                                         "(folder working/)"},
    "working_note": {
        "fi": "Tätä osaa ei ole tarkoitettu lähetettäväksi asiakkaalle sellaisenaan. Se sisältää aineiston "
              "tarkistukset, suunnitelman korjattavat kohdat ja analyysimuistiot, jotka näyttävät samat "
              "analyysit kuin yllä olevat toimitettavat vaihe vaiheelta – siksi osa sisällöstä näkyy kahdesti.",
        "en": "This part is not meant to be sent to the client as it is. It holds the data checks, what to fix "
              "in the plan, and the analysis notebooks, which show the same analyses as the deliverables above "
              "step by step – which is why some content appears twice."},
    "plan_checks": {"fi": "Suunnitelman laatutarkistukset", "en": "Plan quality checks"},
    "plan_checks_note": {
        "fi": "Toimenpiteet ilman vastuutahoa, mittaria, budjettia, päivämääriä tai lähtöideaa, ja muut "
              "korjattavat kohdat ennen suunnitelman julkaisua.",
        "en": "Actions without an owner, indicator, budget, dates or source input, and the other things to fix "
              "before the plan is published."},
    "plan_checks_link": {"fi": "Korjattavat kohdat", "en": "What to fix"},
    "checks_title": {"fi": "Suunnitelman laatutarkistukset: {name}", "en": "Plan quality checks: {name}"},
    "checks_subtitle": {"fi": "Työaineisto konsultille – ei asiakkaalle sellaisenaan",
                        "en": "Working material for the consultant – not for the client as it is"},
    "analyses": {"fi": "Analyysimuistiot", "en": "Analysis notebooks"},
    "analyses_note": {
        "fi": "Jokainen analyysimuistio ajettiin tälle hankkeelle; ensimmäinen tarkistaa aineiston. Sivut "
              "näyttävät tulokset ilman koodia; muistiot (.ipynb) sisältävät myös koodin ja avautuvat "
              "JupyterLabissa.",
        "en": "Every analysis notebook was run on this project; the first one checks the data. The pages show "
              "the results without code; the notebooks (.ipynb) hold the code too and open in JupyterLab.",
    },
    "with_code": {"fi": "muistio koodeineen (.ipynb)", "en": "notebook with code (.ipynb)"},
    "exports": {"fi": "Tulosteet", "en": "Exports"},
    "export_network": {"fi": "Toimijaverkosto", "en": "Actor network"},
    "export_summary": {"fi": "Osallistumisen yhteenveto", "en": "Participation summary"},
    "export_actions": {"fi": "Toimenpiteet painopistealueittain", "en": "Actions by focus area"},
    "export_clusters": {"fi": "Klusterien arviointi", "en": "Cluster assessment"},
    "export_deliverables": {"fi": "Muokattavat tiedostot", "en": "Editable files"},
    "file_.pptx": {"fi": "PowerPoint-esitys", "en": "PowerPoint deck"},
    "file_.docx": {"fi": "Word-raportti", "en": "Word report"},
    "other_language": {"fi": "Sama paketti kielellä: {name}", "en": "The same pack in {name}"},
    "lang_fi": {"fi": "suomi", "en": "Finnish"},
    "lang_en": {"fi": "englanti", "en": "English"},
    "open_pack": {"fi": "Avaa suomenkielinen paketti", "en": "Open the pack in English"},
    "file_.html": {"fi": "Raportti selaimeen", "en": "Report for the browser"},
    "file_.xlsx": {"fi": "Excel-taulukot", "en": "Excel workbook"},
    "file_.csv": {"fi": "CSV-taulukko", "en": "CSV table"},
    "file_.png": {"fi": "Kuva", "en": "Image"},
    "file_.gexf": {"fi": "Verkko Gephi-ohjelmaan (GEXF)", "en": "Network for Gephi (GEXF)"},
    "file_.graphml": {"fi": "Verkko (GraphML)", "en": "Network (GraphML)"},
    "file_other": {"fi": "Tiedosto", "en": "File"},
    "reproducibility": {"fi": "Toistettavuus", "en": "Reproducibility"},
    "reproducibility_text": {
        "fi": "Paketti tehtiin komennolla: {command}. Sama komento samalla aineistolla tuottaa samat tiedostot "
              "tavu tavulta. Tiedosto manifest.json kertoo jokaisen syöte- ja tulostiedoston SHA-256-"
              "tarkistussumman, ohjelmistojen versiot ja ajon ajankohdan; kahden ajon manifesteja vertaamalla "
              "näkee, mikä muuttui.",
        "en": "The pack was built with: {command}. The same command on the same data gives the same files, "
              "byte for byte. manifest.json lists the SHA-256 checksum of every input and output file, the "
              "package versions and the time of the run; comparing the manifests of two runs shows what "
              "changed.",
    },
    "manifest": {"fi": "Tarkistussummat ja versiot (manifest.json)", "en": "Checksums and versions (manifest.json)"},
    "footer": {"fi": "Strategiatyökirja {version}. Kaikki sivut toimivat ilman verkkoyhteyttä.",
               "en": "Strategy Workbook {version}. Every page works offline."},
    "progress": {"fi": "Raportti", "en": "Report"},
    "pack_index": {"fi": "← Paketin sisällys", "en": "← Contents of the pack"},
    "contains_project": {"fi": "{out} sisältää projektikansion; raportti korvaisi sen",
                         "en": "{out} contains the project folder; the report would replace it"},
    "not_a_pack": {"fi": "{out} sisältää jo tiedostoja, jotka eivät ole raporttipaketti; valitse uusi tai tyhjä "
                         "kansio (raportti korvaa koko kansion)",
                   "en": "{out} already holds files that are not a report pack; choose a new or empty folder "
                         "(the report replaces the whole folder)"},
    "added_clash": {"fi": "{out} sisältää käsin lisättyjä tiedostoja, joiden nimellä uusi paketti kirjoittaa "
                          "oman tiedostonsa: {files}. Siirrä ne muualle ja aja raportti uudelleen; mitään ei "
                          "korvattu.",
                    "en": "{out} holds files added by hand where the new pack writes files of its own: {files}. "
                          "Move them elsewhere and run the report again; nothing was replaced."},
    "left_as_it_was": {"fi": "mitään ei kirjoitettu; {out} jäi ennalleen.",
                       "en": "nothing was written; {out} was left as it was."},
    "compared": {"fi": "Verrattuna kansiossa {out} olleeseen pakettiin:",
                 "en": "Compared with the pack that was in {out}:"},
    "nothing_changed": {"fi": "mikään ei muuttunut.", "en": "nothing changed."},
    "change_setting": {"fi": "{key}: {old} -> {new}", "en": "{key}: {old} -> {new}"},
    "setting_lang": {"fi": "kieli", "en": "lang"},
    "setting_python": {"fi": "python", "en": "python"},
    "setting_workbook_source_sha256": {"fi": "työkirjan lähdekoodi (SHA-256)", "en": "workbook_source_sha256"},
    "change_package": {"fi": "ohjelmisto {name}: {old} -> {new}", "en": "package {name}: {old} -> {new}"},
    "input_added": {"fi": "syötetiedosto lisätty: {path}", "en": "input added: {path}"},
    "input_removed": {"fi": "syötetiedosto poistettu: {path}", "en": "input removed: {path}"},
    "input_changed": {"fi": "syötetiedosto muuttui: {path}", "en": "input changed: {path}"},
    "notebook_added": {"fi": "muistio lisätty: {path}", "en": "notebook added: {path}"},
    "notebook_removed": {"fi": "muistio poistettu: {path}", "en": "notebook removed: {path}"},
    "notebook_changed": {"fi": "muistio muuttui: {path}", "en": "notebook changed: {path}"},
    "output_added": {"fi": "tuloste lisätty: {path}", "en": "output added: {path}"},
    "output_removed": {"fi": "tuloste poistettu: {path}", "en": "output removed: {path}"},
    "output_changed": {"fi": "tuloste muuttui: {path}", "en": "output changed: {path}"},
    "kept_added": {"fi": "Säilytettiin {count} käsin lisättyä tiedostoa (työkirja ei kirjoittanut niitä):",
                   "en": "Kept {count} file(s) added by hand (the workbook did not write them):"},
}


class ReportError(Exception):
    """The pack could not be built; the output folder was left as it was.

    ``details`` holds what helps to fix it (a traceback, a list of problems).
    """

    def __init__(self, message: str, details: str = ""):
        super().__init__(message)
        self.details = details


class UnsafeOutputFolder(ReportError):
    """The output folder is not one the report may replace (it holds other files, or the project)."""


class NotebookFailed(ReportError):
    """A notebook raised an error; names the notebook and the cell (1-based, as JupyterLab counts)."""

    SHOWN_LINES = 6

    def __init__(self, notebook: str, cell: int, source: str, error: str, details: str = ""):
        self.notebook, self.cell, self.source, self.error = notebook, cell, source, error
        lines = source.strip().splitlines()
        shown = lines[:self.SHOWN_LINES] + (["…"] if len(lines) > self.SHOWN_LINES else [])
        super().__init__(f"notebook {notebook} failed in cell {cell} (counting every cell from 1): {error}\n"
                         + "".join(f"  | {line}\n" for line in shown), details)


@dataclass(frozen=True)
class NotebookPage:
    """One executed notebook in the pack: its title and its two files (relative to the pack)."""

    title: str
    html: str
    ipynb: str


def analysis_notebooks(folder: Path) -> list[Path]:
    """The numbered analysis notebooks ``NN_topic.ipynb`` of ``folder``, in their order.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     for name in ("02_b.ipynb", "01_a.ipynb", "scratch.ipynb"):
    ...         _ = (Path(folder) / name).write_text("{}")
    ...     print([p.name for p in analysis_notebooks(Path(folder))])
    ['01_a.ipynb', '02_b.ipynb']
    """
    return sorted(Path(folder).glob(NOTEBOOK_PATTERN))


def inject_parameters(notebook: nbformat.NotebookNode, parameters: Mapping[str, str]) -> int:
    """Put ``parameters`` in a new cell right after the cell tagged ``parameters``.

    The cell is tagged ``injected-parameters``, as papermill does, so the notebook's own
    defaults stay visible and a later papermill run replaces the cell. Returns its index.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("LANG = 'fi'", metadata={"tags": ["parameters"]})])
    >>> index = inject_parameters(notebook, {"LANG": "en"})
    >>> index, notebook.cells[index].source
    (1, "# Parameters\\nLANG = 'en'\\n")
    """
    tagged = [i for i, cell in enumerate(notebook.cells) if "parameters" in cell.metadata.get("tags", [])]
    if not tagged:
        raise ReportError("the notebook has no cell tagged 'parameters', so it cannot be pointed at a project")
    source = "# Parameters\n" + "".join(f"{name} = {value!r}\n" for name, value in parameters.items())
    # A fixed id: nbformat would otherwise draw a random one and the pack would differ run to run.
    cell = nbformat.v4.new_code_cell(source, id="injected-parameters", metadata={"tags": ["injected-parameters"]})
    notebook.cells.insert(tagged[0] + 1, cell)
    return tagged[0] + 1


def execute_notebook(path: Path, project_path: Path, lang: str, demo: bool = False,
                     timeout: int = CELL_TIMEOUT_S) -> nbformat.NotebookNode:
    """Run the notebook at ``path`` on the project at ``project_path`` in ``lang``.

    Markdown cells for the other language, for developers only, or (unless ``demo``) about the
    demo project are left out first (:func:`workbook.notebook.cells_for_pack`). ``PROJECT`` (an
    absolute path) and ``LANG`` are injected after the ``parameters`` cell; the kernel runs in
    the notebook's own folder, as in JupyterLab. Raises :class:`NotebookFailed` naming the cell
    as the notebook's author sees it (the injected cell not counted).
    """
    from workbook.notebook import cells_for_pack

    notebook = nbformat.read(path, as_version=4)
    original = list(notebook.cells)
    notebook.cells = cells_for_pack(notebook.cells, lang, demo)
    # Where each kept cell was in the notebook as its author sees it (for error messages).
    positions = [next(i for i, cell in enumerate(original) if cell is kept) for kept in notebook.cells]
    try:
        injected = inject_parameters(notebook, {"PROJECT": str(project_path), "LANG": lang})
    except ReportError as error:
        raise ReportError(f"notebook {path.name}: {error}") from None
    running = {"index": 0}
    # CurveZMQ keys for the kernel's sockets: other users of a shared machine cannot listen in.
    encryption = "auto" if zmq.has("curve") else "disabled"
    client = NotebookClient(
        notebook, timeout=timeout, kernel_name=KERNEL, record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        on_cell_start=lambda cell, cell_index: running.update(index=cell_index),
        config=Config({"KernelManager": {"transport_encryption": encryption}}),
    )
    try:
        client.execute()
    except (CellExecutionError, CellTimeoutError, DeadKernelError) as error:
        index = running["index"]
        shown = index if index < injected else index - 1
        cell_number = positions[shown] + 1 if index != injected else injected + 1
        name = getattr(error, "ename", "") or type(error).__name__
        value = getattr(error, "evalue", "") or str(error).strip().splitlines()[0]
        raise NotebookFailed(path.name, cell_number, notebook.cells[index].source, f"{name}: {value}",
                             ANSI_CODES.sub("", str(error))) from None
    return without_volatile_parts(notebook)


def without_volatile_parts(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook less what differs from run to run with the same data.

    Execution times, widget state and widget views carry timestamps or random model ids;
    widgets cannot be drawn without a kernel anyway.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(
    ...     "w", metadata={"execution": {"iopub.execute_input": "2024-01-01T00:00:00Z"}},
    ...     outputs=[nbformat.v4.new_output("display_data", data={WIDGET_MIME: {"model_id": "ab12"}})])])
    >>> cell = without_volatile_parts(notebook).cells[0]
    >>> cell.metadata, cell.outputs
    ({}, [])
    """
    notebook.metadata.pop("widgets", None)
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.outputs if WIDGET_MIME not in o.get("data", {})]
    return notebook


def without_project_path(notebook: nbformat.NotebookNode, project_path: Path) -> nbformat.NotebookNode:
    """The executed notebook with the project's absolute path replaced by the folder's name.

    The path would tell the consultant's user name and machine to whoever gets the pack. The
    injected ``PROJECT`` becomes the folder's name (point it at your copy to re-run), any
    output that printed the path shows the name instead, and the defaults of the
    ``parameters`` cell (the demo project) show the values the notebook was run with.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell('PROJECT = "../data/demo-lapland"', metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell(
    ...         "PROJECT = '/home/anna/region'", metadata={"tags": ["injected-parameters"]},
    ...         outputs=[nbformat.v4.new_output("stream", text="read /home/anna/region/actors.csv")])])
    >>> defaults, cell = without_project_path(notebook, Path("/home/anna/region")).cells
    >>> defaults.source, cell.source, cell.outputs[0].text
    ("PROJECT = 'region'", "PROJECT = 'region'", 'read region/actors.csv')
    """
    absolute, name = str(project_path), project_path.name

    def scrub(value: object) -> object:
        if isinstance(value, str):
            return value.replace(absolute, name)
        if isinstance(value, list):
            return [scrub(item) for item in value]
        if isinstance(value, dict):
            for key in list(value):
                value[key] = scrub(value[key])
        return value

    for cell in notebook.cells:
        cell.source = scrub(cell.source)
        for output in cell.get("outputs", []):
            scrub(output)
    # The defaults of the parameters cell point at the demo; in the pack they show what was run.
    injected = [c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", [])]
    values = dict(re.findall(r"^(\w+) = (.*)$", injected[0].source, re.MULTILINE)) if injected else {}
    for cell in notebook.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = re.sub(r"^(\w+)(\s*=\s*).*$",
                                 lambda m: f"{m.group(1)}{m.group(2)}{values[m.group(1)]}" if m.group(1) in values
                                 else m.group(0), cell.source, flags=re.MULTILINE)
    return notebook


def notebook_title(notebook: nbformat.NotebookNode, stem: str) -> str:
    """The notebook's first Markdown heading without its ``#`` marks, led by the notebook's number.

    Examples
    --------
    >>> notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Data *overview*\\ntext")])
    >>> notebook_title(notebook, "01_data_overview")
    '01 · Data overview'
    >>> notebook_title(nbformat.v4.new_notebook(), "02_participation_summary")
    '02_participation_summary'
    """
    number = stem.split("_", 1)[0]
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("#"):
                    heading = re.sub(r"[*_`]", "", line.lstrip("#")).strip()
                    return heading if heading.startswith(number) else f"{number} · {heading}"
    return stem


def notebook_html(notebook: nbformat.NotebookNode, title: str, lang: str, folder: Path) -> str:
    """The executed notebook as one self-contained HTML page without code.

    Plotly figures (which nbconvert cannot draw) become plotly's own HTML with fixed element
    ids, plotly.js is inlined once, and the page loads nothing from the network. ``folder``
    is where images referenced from Markdown are looked up (they are embedded).
    """
    from nbconvert import HTMLExporter
    from plotly.offline import get_plotlyjs

    shown = copy.deepcopy(notebook)
    # Code cells without output (imports, parameters) would only leave empty boxes.
    shown.cells = [cell for cell in shown.cells if cell.cell_type != "code" or cell.outputs]
    figures = 0
    for cell in shown.cells:
        for output in cell.get("outputs", []):
            if PLOTLY_MIME in output.get("data", {}):
                figures += 1
                output["data"] = {"text/html": figure_html(output["data"][PLOTLY_MIME], f"figure-{figures}")}
    exporter = HTMLExporter(
        template_name=TEMPLATE_NAME, extra_template_basedirs=[str(PACKAGE_FOLDER)], exclude_input=True,
        exclude_input_prompt=True, exclude_output_prompt=True, embed_images=True, language_code=lang,
    )
    resources = {"metadata": {"name": title, "path": str(folder)}, "content_security_policy": CSP,
                 "plotly_js": get_plotlyjs() if figures else "", "pack_index_label": tr(TEXTS, "pack_index", lang)}
    page, _ = exporter.from_notebook_node(shown, resources=resources)
    return page


def figure_html(spec: Mapping, div_id: str) -> str:
    """A plotly mime bundle as an HTML fragment that expects plotly.js on the page.

    Examples
    --------
    >>> fragment = figure_html({"data": [{"type": "bar", "y": [1]}], "layout": {}}, "figure-1")
    >>> 'id="figure-1"' in fragment and "<script" in fragment
    True
    """
    import plotly.io as pio

    figure = {key: value for key, value in spec.items() if key != "config"}
    config = {**spec.get("config", {}), "displaylogo": False, "responsive": True}
    return pio.to_html(figure, include_plotlyjs=False, full_html=False, div_id=div_id, config=config,
                       validate=False)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def file_entries(root: Path, files: Sequence[Path]) -> list[dict[str, object]]:
    """Path (relative to ``root``, ``/``-separated), size and SHA-256 of each file, sorted by path."""
    entries = [{"path": f.relative_to(root).as_posix(), "bytes": f.stat().st_size, "sha256": sha256_file(f)}
               for f in files]
    return sorted(entries, key=lambda entry: entry["path"])


def input_files(project_path: Path) -> tuple[Path, list[Path]]:
    """The files a project is read from: its folder's files (surveys too), or its workbook and surveys.

    Hidden files and Excel's ``~$`` lock files are left out. Returns (root, files).
    """
    root = project_path if project_path.is_dir() else project_path.parent
    candidates = sorted(root.rglob("*")) if project_path.is_dir() \
        else [project_path, *sorted((root / "surveys").rglob("*"))]
    files = [p for p in candidates if p.is_file()
             and not any(part.startswith((".", "~$")) for part in p.relative_to(root).parts)]
    return root, files


def source_digest(package: Path = PACKAGE_FOLDER) -> str:
    """One SHA-256 over the workbook's own source files (names and contents), so a pack tells
    which code built it even when the version number did not change."""
    digest = hashlib.sha256()
    for path in sorted(p for p in package.rglob("*") if p.is_file() and p.suffix in SOURCE_SUFFIXES
                       and "__pycache__" not in p.parts):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def package_versions(names: Sequence[str] = PACKAGES) -> dict[str, str]:
    """Installed versions of the given distributions (``"not installed"`` when missing).

    Examples
    --------
    >>> package_versions(["pandas", "no-such-distribution"])["no-such-distribution"]
    'not installed'
    """
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def default_exporters() -> dict[str, str]:
    """Pack folder -> module with ``export(project, out_dir, lang)``: the export commands of the CLI."""
    from workbook.cli import EXPORTERS

    return {name: module for name, (module, _help) in EXPORTERS.items()}


def read_manifest(folder: Path) -> dict | None:
    """The manifest of the pack in ``folder``, or ``None`` if the folder holds no pack."""
    try:
        manifest = json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) and manifest.get("generator") == GENERATOR else None


def manifest_changes(old: Mapping, new: Mapping, lang: str = "en") -> list[str]:
    """What differs between the manifests of two packs: language, inputs, notebooks, versions, outputs.

    Examples
    --------
    >>> old = {"lang": "fi", "packages": {"plotly": "6.0"}, "inputs": [{"path": "actors.csv", "sha256": "a"}],
    ...        "outputs": [{"path": "index.html", "sha256": "x"}, {"path": "old.csv", "sha256": "z"}]}
    >>> new = {"lang": "fi", "packages": {"plotly": "7.1"}, "inputs": [{"path": "actors.csv", "sha256": "b"}],
    ...        "outputs": [{"path": "index.html", "sha256": "x"}, {"path": "network/a.csv", "sha256": "y"}]}
    >>> for change in manifest_changes(old, new):
    ...     print(change)
    input changed: actors.csv
    package plotly: 6.0 -> 7.1
    output added: network/a.csv
    output removed: old.csv
    >>> manifest_changes(old, new, "fi")[0]
    'syötetiedosto muuttui: actors.csv'
    """
    changes = [tr(TEXTS, "change_setting", lang, key=tr(TEXTS, f"setting_{key}", lang), old=old.get(key),
                  new=new.get(key))
               for key in ("lang", "python", "workbook_source_sha256") if old.get(key) != new.get(key)]
    changes += _file_changes(old.get("inputs", []), new.get("inputs", []), "input", lang)
    changes += _file_changes(old.get("notebooks", []), new.get("notebooks", []), "notebook", lang)
    before, after = old.get("packages", {}), new.get("packages", {})
    changes += [tr(TEXTS, "change_package", lang, name=name, old=before.get(name), new=after.get(name))
                for name in sorted(before.keys() | after.keys()) if before.get(name) != after.get(name)]
    return changes + _file_changes(old.get("outputs", []), new.get("outputs", []), "output", lang)


def _file_changes(old: Sequence[Mapping], new: Sequence[Mapping], kind: str, lang: str = "en") -> list[str]:
    before = {entry["path"]: entry["sha256"] for entry in old}
    after = {entry["path"]: entry["sha256"] for entry in new}
    changes = []
    for path in sorted(before.keys() | after.keys()):
        if path not in before:
            changes.append(tr(TEXTS, f"{kind}_added", lang, path=path))
        elif path not in after:
            changes.append(tr(TEXTS, f"{kind}_removed", lang, path=path))
        elif before[path] != after[path]:
            changes.append(tr(TEXTS, f"{kind}_changed", lang, path=path))
    return changes


def check_output_folder(out: Path, project_path: Path, lang: str = "en") -> None:
    """Refuse an output folder whose replacement would destroy anything but an earlier pack.

    The checks every exporter makes (:func:`workbook.cli.check_output_folder`: not the project
    folder, not inside it, not a file), then the report's own: the pack replaces the whole
    folder, so it may not contain the project, nor hold files unless it is an earlier pack.
    """
    from workbook.cli import OutputFolderError
    from workbook.cli import check_output_folder as check_shared

    try:
        check_shared(out, project_path, lang)
    except OutputFolderError as error:
        raise UnsafeOutputFolder(str(error)) from None
    project_root = project_path if project_path.is_dir() else project_path.parent
    if out in project_root.parents:
        raise UnsafeOutputFolder(tr(TEXTS, "contains_project", lang, out=out))
    if out.is_dir() and any(out.iterdir()) and read_manifest(out) is None:
        raise UnsafeOutputFolder(tr(TEXTS, "not_a_pack", lang, out=out))


def files_added_by_hand(out: Path) -> list[str]:
    """Files in the earlier pack at ``out`` that the workbook did not write (``/``-separated, sorted).

    They are what the pack's manifest does not list: notes or slides a consultant put in the
    folder. The report keeps them (see :func:`build_report`).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     pack = Path(folder)
    ...     _ = (pack / "manifest.json").write_text(json.dumps(
    ...         {"generator": GENERATOR, "outputs": [{"path": "index.html", "sha256": "x"}]}))
    ...     _ = (pack / "index.html").write_text("pack")
    ...     _ = (pack / "notes.docx").write_text("mine")
    ...     files_added_by_hand(pack)
    ['notes.docx']
    """
    manifest = read_manifest(out)
    if manifest is None:
        return []
    written = {entry.get("path") for entry in manifest.get("outputs", []) if isinstance(entry, Mapping)}
    written.add("manifest.json")
    return sorted(rel for rel in (p.relative_to(out).as_posix() for p in Path(out).rglob("*")
                                  if p.is_file() or p.is_symlink())
                  if rel not in written)


def _keep_added_files(out: Path, staging: Path, added: Sequence[str], lang: str) -> None:
    """Copy the files added by hand from the earlier pack into the new one, or refuse if the new
    pack writes a file of the same name (nothing is then replaced)."""
    import shutil

    clashes = [rel for rel in added if (staging / rel).exists() or (staging / rel).is_symlink()]
    if clashes:
        raise UnsafeOutputFolder(tr(TEXTS, "added_clash", lang, out=out, files=", ".join(clashes)))
    for rel in added:
        target = staging / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(out / rel, target, follow_symlinks=False)


def pack_languages(lang: str | Sequence[str]) -> list[str]:
    """The languages of a pack from ``fi``, ``en``, ``fi,en`` or a list (each checked, order kept).

    Examples
    --------
    >>> pack_languages("fi,en"), pack_languages("en"), pack_languages(["en", "en"])
    (['fi', 'en'], ['en'], ['en'])
    """
    names = lang.split(",") if isinstance(lang, str) else list(lang)
    languages = []
    for name in (n.strip() for n in names):
        if check_lang(name) not in languages:
            languages.append(name)
    if not languages:
        raise ValueError("give at least one language: fi, en or fi,en")
    return languages


def build_report(project: Project, out: Path, lang: str | Sequence[str] = "fi", notebook_folder: Path | None = None,
                 exporters: Mapping[str, str] | None = None, progress: bool | None = None) -> dict:
    """Build the whole pack for ``project`` into ``out`` and return its manifest.

    Parameters
    ----------
    project
        A loaded, valid project (its ``path`` is what the notebooks are pointed at).
    out
        The pack folder; it is replaced as a whole, and only if it is new, empty or an earlier pack.
        Files a user added to an earlier pack are kept (see :func:`files_added_by_hand`).
    lang
        ``fi``, ``en`` or both (``"fi,en"``): the language of every page. With two languages each
        gets a pack of its own in ``out/fi/`` and ``out/en/``, under one manifest and a page
        choosing the language.
    notebook_folder
        Where the ``NN_topic.ipynb`` analysis notebooks are; by default the repository's ``notebooks/``.
    exporters
        Pack folder -> module with ``export(project, out_dir, lang) -> list[Path]``;
        by default every export command of the CLI.
    progress
        Show a progress bar on stderr; ``None`` shows it only on a terminal.

    Raises
    ------
    NotebookFailed
        A notebook raised an error (``out`` is left as it was).
    ReportError
        An export failed, a notebook has no parameters cell, or ``out`` may not be replaced.
    """
    languages = pack_languages(lang)
    out = Path(out).resolve()
    project_path = Path(project.path).resolve()
    check_output_folder(out, project_path, languages[0])
    added = files_added_by_hand(out)
    notebooks = analysis_notebooks(NOTEBOOK_FOLDER if notebook_folder is None else notebook_folder)
    exporters = default_exporters() if exporters is None else dict(exporters)
    export_functions = {name: _export_function(module) for name, module in exporters.items()}
    steps = (len(notebooks) + len(exporters) + 2) * len(languages)
    bar = tqdm(total=steps, desc=tr(TEXTS, "progress", languages[0]), unit="step",
               file=sys.stderr, disable=None if progress is None else not progress)
    stop = threading.Event()
    demo = is_demo(project)

    def step(name: str, work: Callable[[], object]) -> object:
        if stop.is_set():  # something failed already: start nothing new
            return None
        bar.set_postfix_str(name)
        result = work()
        bar.update()
        return result

    # Exits in reverse order: every task is finished before the staging folder is swapped in or removed.
    with bar, atomic_directory(out) as staging, ThreadPoolExecutor(max_workers=WORKERS) as pool:
        folders = {code: staging if len(languages) == 1 else staging / code for code in languages}
        # Kernels run in processes of their own, so notebooks and exports can run side by side.
        notebook_tasks = {code: [pool.submit(step, path.name, partial(_write_notebook, path, project_path, code,
                                                                       folders[code], demo))
                                 for path in notebooks] for code in languages}
        export_tasks = {code: {name: pool.submit(step, name, partial(_run_export, name, exporters[name],
                                                                     export_functions[name], project,
                                                                     folders[code], code))
                               for name in exporters} for code in languages}
        tasks = [t for code in languages for t in [*notebook_tasks[code], *export_tasks[code].values()]]
        try:
            done, _ = wait(tasks, return_when=FIRST_EXCEPTION)
            failure = next((task.exception() for task in tasks if task in done and task.exception()), None)
            if failure is not None:
                raise failure
        except BaseException:
            stop.set()
            raise
        for code in languages:
            folder = folders[code]
            pages = [task.result() for task in notebook_tasks[code]]
            exported = {name: task.result() for name, task in export_tasks[code].items()}
            bar.set_postfix_str(f"{code}: working/plan_checks.html, glossary.html")
            extras = _write_extra_pages(project, folder, code)
            bar.update()
            bar.set_postfix_str(f"{code}: index.html")
            _index_page(project, project_path, code, pages, exported, extras, languages).write(folder / "index.html")
            bar.update()
        if len(languages) > 1:
            _language_page(project, languages).write(staging / "index.html")
        manifest = _manifest(project, project_path, languages, notebooks, staging)
        write_text_atomic(staging / "manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        _permissions_as_umask(staging)
        _keep_added_files(out, staging, added, languages[0])
    return manifest


def is_demo(project: Project) -> bool:
    """Whether the project says it is a demonstration with invented data (setting ``demo = yes``).

    Only then do the pages say that the data is invented and cite the Lapland demo.

    Examples
    --------
    >>> from workbook.testing import tiny_project
    >>> is_demo(tiny_project())
    False
    """
    return bool(project.settings.get("demo", False))


def _export_function(module: str) -> Callable:
    try:
        return importlib.import_module(module).export
    except (ImportError, AttributeError) as error:
        raise ReportError(f"the export module {module} cannot be used: {error}") from None


def _write_notebook(path: Path, project_path: Path, lang: str, staging: Path, demo: bool = False) -> NotebookPage:
    notebook = without_project_path(execute_notebook(path, project_path, lang, demo), project_path)
    title = notebook_title(notebook, path.stem)
    folder = staging / WORKING / "notebooks"
    html_path = write_text_atomic(folder / f"{path.stem}.html", notebook_html(notebook, title, lang, path.parent))
    ipynb_path = write_text_atomic(folder / path.name, nbformat.writes(notebook) + "\n")
    return NotebookPage(title, html_path.relative_to(staging).as_posix(), ipynb_path.relative_to(staging).as_posix())


def _run_export(name: str, module: str, export: Callable, project: Project, staging: Path,
                lang: str) -> list[str]:
    folder = staging / name
    folder.mkdir(parents=True)
    try:
        written = export(project, folder, lang)
    except OSError:
        raise  # a full disk or a read-only folder: said in one line by the command
    except Exception as error:
        raise ReportError(f"the {name} export ({module}.export) failed: {type(error).__name__}: {error}",
                          "".join(traceback.format_exception(error))) from None
    return [Path(p).resolve().relative_to(staging).as_posix() for p in written]


# The client's deliverables, in the order the index shows them (other exporters follow in theirs).
CLIENT_ORDER = ("summary", "actions", "clusters", "network")


def _write_extra_pages(project: Project, folder: Path, lang: str) -> dict[str, str]:
    """The glossary (for the client) and the plan's quality checks (working material); returns
    kind -> path relative to ``folder``."""
    from workbook.figures import glossary_page

    written = {"glossary": glossary_page(lang, project).write(folder / "glossary.html")}
    try:
        from workbook.actionplan.pages import add_to_report, checks_parts
    except ImportError:  # pragma: no cover - the action plan is part of the package
        checks_parts = None
    if checks_parts is not None:
        page = HtmlReport(tr(TEXTS, "checks_title", lang, name=project.display_name(lang)), lang,
                          subtitle=tr(TEXTS, "checks_subtitle", lang))
        add_to_report(page, checks_parts(project, lang))
        written["checks"] = page.write(folder / WORKING / f"plan_checks_{lang}.html")
    return {kind: Path(path).resolve().relative_to(folder.resolve()).as_posix() for kind, path in written.items()}


def _index_page(project: Project, project_path: Path, lang: str, pages: Sequence[NotebookPage],
                exported: Mapping[str, Sequence[str]], extras: Mapping[str, str] | None = None,
                languages: Sequence[str] = ()) -> HtmlReport:
    """The pack's front page: the client's deliverables first, then the consultant's working material."""
    extras = extras or {}
    folder = project_path.name
    name = project.display_name(lang)
    report = HtmlReport(tr(TEXTS, "title", lang, name=name), lang,
                        subtitle=tr(TEXTS, "subtitle", lang, folder=folder),
                        footer=tr(TEXTS, "footer", lang, version=__version__))
    if len(languages) > 1:
        report.trusted_html(link_list([(tr(TEXTS, "other_language", lang, name=tr(TEXTS, f"lang_{code}", lang)),
                                        f"../{code}/index.html") for code in languages if code != lang]))
    report.heading(tr(TEXTS, "deliverables", lang))
    report.paragraph(tr(TEXTS, "deliverables_note", lang))
    ordered = [n for n in CLIENT_ORDER if n in exported] + [n for n in exported if n not in CLIENT_ORDER]
    for export_name in ordered:
        files = exported[export_name]
        key = f"export_{export_name}"
        report.heading(tr(TEXTS, key, lang) if key in TEXTS else export_name, level=3)
        if f"about_{export_name}" in TEXTS:
            report.paragraph(tr(TEXTS, f"about_{export_name}", lang))
        report.trusted_html(link_list([(_file_label(f, lang), f) for f in _client_order(files)]))
    if "glossary" in extras:
        report.heading(tr(TEXTS, "glossary", lang), level=3)
        report.paragraph(tr(TEXTS, "glossary_note", lang))
        report.trusted_html(link_list([(tr(TEXTS, "glossary_link", lang), extras["glossary"])]))
    if pages or "checks" in extras:
        report.heading(tr(TEXTS, "working", lang))
        report.paragraph(tr(TEXTS, "working_note", lang), "note")
        if "checks" in extras:
            report.heading(tr(TEXTS, "plan_checks", lang), level=3)
            report.paragraph(tr(TEXTS, "plan_checks_note", lang))
            report.trusted_html(link_list([(tr(TEXTS, "plan_checks_link", lang), extras["checks"])]))
        if pages:
            report.heading(tr(TEXTS, "analyses", lang), level=3)
            report.paragraph(tr(TEXTS, "analyses_note", lang))
            with_code = escape(tr(TEXTS, "with_code", lang))
            items = "".join(f'<li><a href="{escape(p.html)}">{escape(p.title)}</a> · '
                            f'<a href="{escape(p.ipynb)}">{with_code}</a></li>' for p in pages)
            report.trusted_html(f"<ul>{items}</ul>")
    report.heading(tr(TEXTS, "reproducibility", lang))
    command = f"workbook report {folder} --out OUT --lang {','.join(languages) or lang}"
    report.paragraph(tr(TEXTS, "reproducibility_text", lang, command=command))
    manifest = "manifest.json" if len(languages) <= 1 else "../manifest.json"
    report.trusted_html(link_list([(tr(TEXTS, "manifest", lang), manifest)]))
    return report


def _client_order(files: Sequence[str]) -> list[str]:
    """A deliverable's files with what a reader opens first (the HTML report) first."""
    rank = {".html": 0, ".png": 1, ".pdf": 1, ".pptx": 1, ".docx": 1, ".xlsx": 2}
    return sorted(files, key=lambda f: (rank.get(Path(f).suffix.casefold(), 3), f))


def _language_page(project: Project, languages: Sequence[str]) -> HtmlReport:
    """The page of a two-language pack: one link per language, each named in its own language."""
    first = languages[0]
    names = " / ".join(dict.fromkeys(project.display_name(code) for code in languages))
    page = HtmlReport(names, first)
    page.trusted_html(link_list([(tr(TEXTS, "open_pack", code), f"{code}/index.html") for code in languages]))
    return page


def _permissions_as_umask(folder: Path) -> None:
    """Give the pack the permissions of any folder the user creates: temporary files are private."""
    umask = os.umask(0)
    os.umask(umask)
    for path in [folder, *folder.rglob("*")]:
        path.chmod((0o777 if path.is_dir() else 0o666) & ~umask)


def _file_label(path: str, lang: str) -> str:
    key = f"file_{Path(path).suffix.casefold()}"
    return f"{tr(TEXTS, key if key in TEXTS else 'file_other', lang)}: {Path(path).name}"


def _manifest(project: Project, project_path: Path, languages: Sequence[str], notebooks: Sequence[Path],
              staging: Path) -> dict:
    input_root, inputs = input_files(project_path)
    outputs = [p for p in staging.rglob("*") if p.is_file() and p.name != "manifest.json"]
    return {
        "generator": GENERATOR,
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        # The folder's name only: an absolute path would carry the consultant's user name and machine.
        "project": {"name": project.name, "region": project.region, "folder": project_path.name},
        "lang": ",".join(languages),
        "python": platform.python_version(),
        "workbook_source_sha256": source_digest(),
        "packages": package_versions(),
        "notebooks": file_entries(notebooks[0].parent, notebooks) if notebooks else [],
        "inputs": file_entries(input_root, inputs),
        "outputs": file_entries(staging, outputs),
    }


def cli(args: argparse.Namespace) -> int:
    """``workbook report PROJECT --out DIR [--lang fi|en]``: exit 0 built, 1 failed, 2 bad folder.

    When ``DIR`` held an earlier pack, says what changed since (from the two manifests) and
    which files added by hand were kept.
    """
    from workbook.cli import load_or_exit, os_error_message

    lang = pack_languages(args.lang)[0]  # messages in the first language of the pack
    project = load_or_exit(args.project)
    previous = read_manifest(args.out)
    added = files_added_by_hand(args.out) if previous is not None else []
    try:
        manifest = build_report(project, args.out, args.lang)
    except UnsafeOutputFolder as error:
        print(f"workbook report: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # one line: what the operating system refused, in plain words
        left = tr(TEXTS, "left_as_it_was", lang, out=args.out)
        print(f"workbook report: {os_error_message(error, lang)}; {left}", file=sys.stderr)
        return 1
    except ReportError as error:
        print(f"workbook report: {error}", file=sys.stderr)
        if error.details:
            print(error.details.rstrip(), file=sys.stderr)
        print(f"workbook report: {tr(TEXTS, 'left_as_it_was', lang, out=args.out)}", file=sys.stderr)
        return 1
    print(Path(args.out) / "index.html")
    if previous is not None:
        changes = manifest_changes(previous, manifest, lang)
        print(tr(TEXTS, "compared", lang, out=args.out)
              + (" " + tr(TEXTS, "nothing_changed", lang) if not changes else ""))
        for change in changes:
            print(f"  {change}")
    if added:
        print(tr(TEXTS, "kept_added", lang, count=len(added)))
        for path in added:
            print(f"  {path}")
    return 0
