"""`workbook report`: the whole pack from one command, atomic, offline and byte-for-byte reproducible.

Fast tests use throwaway notebooks and export modules written into ``tmp_path``; the
integration tests build the real pack (every notebook of ``notebooks/``, every export) on
the small second demo region, ``data/demo-tuulimaa``.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import zipfile
from pathlib import Path

import nbformat
import pytest

from conftest import launch_chromium

from workbook import cli, load_project, report
from workbook.i18n import missing_translations

ROOT = Path(__file__).resolve().parent.parent
TUULIMAA = ROOT / "data" / "demo-tuulimaa"
SCRIPT = re.compile(r"(<script\b[^>]*>).*?(</script>)", re.DOTALL | re.IGNORECASE)
REMOTE = re.compile(r"""\b(?:src|href|action|data)\s*=\s*["']?\s*(?:https?:)?//"""  # attributes
                    r"""|url\(\s*["']?\s*(?:https?:)?//|@import""", re.IGNORECASE)  # CSS


SRCDOC = re.compile(r'\bsrcdoc\s*=\s*"([^"]*)"', re.IGNORECASE)


def remote_references(page: str) -> list[str]:
    """Attributes and CSS that would load something from the network, also inside iframes' srcdoc
    (script bodies are left out: plotly.js merely mentions URLs in strings)."""
    markup = SCRIPT.sub(r"\1\2", page)
    outside = SRCDOC.sub('srcdoc=""', markup)
    found = [outside[max(m.start() - 40, 0):m.end() + 60] for m in REMOTE.finditer(outside)]
    return found + [ref for frame in SRCDOC.findall(markup) for ref in remote_references(html.unescape(frame))]


def tree_bytes(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write_notebook(folder: Path, name: str, *cells: str, parameters: bool = True) -> Path:
    """A notebook: a heading, optionally the tagged parameters cell, then one code cell per source."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.cells.append(nbformat.v4.new_markdown_cell(f"# {name} heading"))
    if parameters:
        notebook.cells.append(nbformat.v4.new_code_cell('PROJECT = "../data/demo-lapland"\nLANG = "fi"',
                                                        metadata={"tags": ["parameters"]}))
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    for number, cell in enumerate(notebook.cells):
        cell.id = f"cell{number}"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.ipynb"
    nbformat.write(notebook, path)
    return path


def write_module(folder: Path, name: str, source: str) -> str:
    (folder / f"{name}.py").write_text(source, encoding="utf-8")
    return name


def earlier_pack(folder: Path) -> Path:
    """An output folder holding a pack of an earlier run (so the report may replace it)."""
    folder.mkdir(parents=True)
    manifest = {"generator": report.GENERATOR, "outputs": [{"path": "index.html", "sha256": "0"}]}
    (folder / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (folder / "index.html").write_text("earlier pack", encoding="utf-8")
    return folder


@pytest.fixture
def tiny_project(project_factory):
    return load_project(project_factory())


@pytest.fixture
def exports_module(tmp_path, monkeypatch):
    """An importable export module that writes one small CSV into its folder."""
    monkeypatch.syspath_prepend(str(tmp_path))
    return write_module(tmp_path, "fake_summary_export", (
        "def export(project, out_dir, lang):\n"
        "    path = out_dir / f'summary_{lang}.csv'\n"
        "    path.write_text('actors\\n' + str(len(project.actors)) + '\\n', encoding='utf-8')\n"
        "    return [path]\n"))


def test_every_text_has_both_languages():
    assert missing_translations(report.TEXTS) == []


def test_pack_holds_exports_index_and_a_manifest_of_inputs_and_outputs(tiny_project, exports_module, tmp_path):
    out = tmp_path / "pack"
    manifest = report.build_report(tiny_project, out, "en", notebook_folder=tmp_path / "none",
                                   exporters={"summary": exports_module}, progress=False)
    assert (out / "summary" / "summary_en.csv").read_text(encoding="utf-8") == "actors\n2\n"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="summary/summary_en.csv"' in index and 'href="manifest.json"' in index
    assert "CSV table: summary_en.csv" in index and "Checksums and versions" in index
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8")) == manifest
    project_files = sorted(p.name for p in Path(tiny_project.path).iterdir())
    assert [entry["path"] for entry in manifest["inputs"]] == project_files
    for entry in manifest["inputs"]:
        digest = hashlib.sha256((Path(tiny_project.path) / entry["path"]).read_bytes()).hexdigest()
        assert entry["sha256"] == digest
    assert [entry["path"] for entry in manifest["outputs"]] == [
        "glossary.html", "index.html", "summary/summary_en.csv", "working/plan_checks_en.html"]
    for entry in manifest["outputs"]:
        assert entry["sha256"] == hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest()
    assert manifest["packages"]["pandas"] != "not installed" and manifest["lang"] == "en"


@pytest.mark.parametrize(("lang", "words"), [
    ("fi", ["Osallistumisen yhteenveto", "Tarkistussummat ja versiot", "CSV-taulukko"]),
    ("en", ["Participation summary", "Checksums and versions", "CSV table"]),
])
def test_index_speaks_the_language_of_the_run(tiny_project, exports_module, tmp_path, lang, words):
    out = tmp_path / "pack"
    report.build_report(tiny_project, out, lang, notebook_folder=tmp_path / "none",
                        exporters={"summary": exports_module}, progress=False)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in index and all(word in index for word in words)


def test_pack_is_readable_like_any_folder_the_user_creates(tiny_project, exports_module, tmp_path):
    out = tmp_path / "pack"
    report.build_report(tiny_project, out, "fi", notebook_folder=tmp_path / "none",
                        exporters={"summary": exports_module}, progress=False)
    umask = os.umask(0)
    os.umask(umask)
    assert (out.stat().st_mode & 0o777) == 0o777 & ~umask
    assert ((out / "summary" / "summary_fi.csv").stat().st_mode & 0o777) == 0o666 & ~umask


def test_rebuilding_into_an_earlier_pack_says_what_changed(tiny_project, exports_module, tmp_path, monkeypatch,
                                                           capsys):
    monkeypatch.setattr(report, "NOTEBOOK_FOLDER", tmp_path / "none")
    monkeypatch.setattr(cli, "EXPORTERS", {"summary": (exports_module, "fake")})
    project_folder, out = Path(tiny_project.path), tmp_path / "pack"
    command = ["report", str(project_folder), "--out", str(out), "--lang", "en"]
    assert cli.main(command) == 0
    assert "Compared with" not in capsys.readouterr().out

    assert cli.main(command) == 0
    assert "nothing changed." in capsys.readouterr().out

    actors = project_folder / "actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8") + "A3,Uusi Oy,company,Rovaniemi\n", encoding="utf-8")
    assert cli.main(command) == 0
    printed = capsys.readouterr().out
    assert "  input changed: actors.csv\n" in printed and "  output changed: summary/summary_en.csv\n" in printed


def test_notebooks_run_on_the_given_project_in_the_given_language(tiny_project, tmp_path):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_echo", "import os\nprint(PROJECT, LANG, os.getcwd())")
    write_notebook(notebooks, "scratch", "raise RuntimeError('not an analysis notebook')")
    out = tmp_path / "pack"
    report.build_report(tiny_project, out, "en", notebook_folder=notebooks, exporters={}, progress=False)
    executed = nbformat.read(out / "working" / "notebooks" / "01_echo.ipynb", as_version=4)
    printed = executed.cells[-1].outputs[0]["text"]
    # The kernel got the absolute path; the pack shows the project folder's name only.
    assert printed == f"{Path(tiny_project.path).name} en {notebooks}\n"
    assert sorted(p.name for p in (out / "working" / "notebooks").iterdir()) == ["01_echo.html", "01_echo.ipynb"]
    page = (out / "working" / "notebooks" / "01_echo.html").read_text(encoding="utf-8")
    assert "import os" not in page and "01_echo heading" in page


def test_failing_notebook_is_named_with_its_cell_and_out_is_left_untouched(tiny_project, tmp_path, monkeypatch,
                                                                           capsys):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_fine", "x = 1")
    write_notebook(notebooks, "02_broken", "y = 2", "# shares by focus area\nshares = {}['FA9']", "z = 3")
    out = earlier_pack(tmp_path / "out")
    before = tree_bytes(out)
    monkeypatch.setattr(report, "NOTEBOOK_FOLDER", notebooks)
    monkeypatch.setattr(cli, "EXPORTERS", {})

    code = cli.main(["report", str(tiny_project.path), "--out", str(out)])

    error = capsys.readouterr().err
    assert code == 1
    # Cell 4 as JupyterLab counts it: heading, parameters, "y = 2", then the failing cell.
    assert "notebook 02_broken.ipynb failed in cell 4" in error
    assert "KeyError: 'FA9'" in error and "shares = {}['FA9']" in error
    assert tree_bytes(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notebooks", "out", "project0"]


def test_failing_export_is_named_and_out_is_left_untouched(tiny_project, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    module = write_module(tmp_path, "fake_broken_export", (
        "def export(project, out_dir, lang):\n"
        "    (out_dir / 'half.csv').write_text('half')\n"
        "    raise ValueError('no cluster criteria')\n"))
    out = earlier_pack(tmp_path / "out")
    before = tree_bytes(out)
    with pytest.raises(report.ReportError, match=r"the clusters export \(fake_broken_export.export\) failed: "
                                                 r"ValueError: no cluster criteria"):
        report.build_report(tiny_project, out, "fi", notebook_folder=tmp_path / "none",
                            exporters={"clusters": module}, progress=False)
    assert tree_bytes(out) == before


def test_missing_export_module_stops_before_any_notebook_runs(tiny_project, tmp_path):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_slow", "raise AssertionError('must not run')")
    with pytest.raises(report.ReportError, match="no_such_module_for_export cannot be used"):
        report.build_report(tiny_project, tmp_path / "out", "fi", notebook_folder=notebooks,
                            exporters={"network": "no_such_module_for_export"}, progress=False)
    assert not (tmp_path / "out").exists()


def test_notebook_without_parameters_cell_is_refused(tiny_project, tmp_path):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_hardwired", "PROJECT = '../data/demo-lapland'", parameters=False)
    with pytest.raises(report.ReportError, match="01_hardwired.ipynb: the notebook has no cell tagged 'parameters'"):
        report.build_report(tiny_project, tmp_path / "out", "fi", notebook_folder=notebooks, exporters={},
                            progress=False)


@pytest.mark.parametrize("where", ["other files", "inside the project", "the project's parent"])
def test_out_folder_that_is_not_a_pack_is_refused(tiny_project, tmp_path, where, capsys):
    project_folder = Path(tiny_project.path)
    out = {"other files": tmp_path / "documents", "inside the project": project_folder / "pack",
           "the project's parent": project_folder.parent}[where]
    out.mkdir(exist_ok=True)
    (out / "thesis.docx").write_bytes(b"precious")

    code = cli.main(["report", str(project_folder), "--out", str(out)])

    assert code == 2 and "workbook report:" in capsys.readouterr().err
    assert (out / "thesis.docx").read_bytes() == b"precious"


def test_notebook_page_draws_plotly_offline_with_code_hidden_and_text_escaped(tmp_path):
    title = '</script><script>alert("x")</script>'
    figure = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2]}], "layout": {"title": {"text": title}},
              "config": {"displayModeBar": False}}
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("# 03 · Verkosto · Network\nQuestion?"),
        nbformat.v4.new_code_cell("secret_code_marker = 1"),
        *[nbformat.v4.new_code_cell(name, outputs=[nbformat.v4.new_output("display_data",
                                                                          data={report.PLOTLY_MIME: figure})])
          for name in ("fig", "fig2")],
    ])
    page = report.notebook_html(notebook, report.notebook_title(notebook, "03_network"), "en", tmp_path)
    from plotly.offline import get_plotlyjs

    assert page.count(get_plotlyjs()[:200]) == 1
    assert 'id="figure-1"' in page and 'id="figure-2"' in page
    assert "secret_code_marker" not in page
    assert "<script>alert" not in page
    assert remote_references(page) == []
    assert report.CSP in page and '<html lang="en">' in page and "<title>03 · Verkosto · Network</title>" in page
    assert page == report.notebook_html(notebook, report.notebook_title(notebook, "03_network"), "en", tmp_path)


# --- The real pack: every notebook and every export, on the second demo region. ---------------

@pytest.fixture(scope="module")
def tuulimaa_packs(tmp_path_factory):
    """The Tuulimaa pack built twice, into different folders, in English.

    English, because nbval already runs every notebook in Finnish (on the Lapland demo).
    """
    project = load_project(TUULIMAA)
    folder = tmp_path_factory.mktemp("packs")
    manifests = {name: report.build_report(project, folder / name, "en", progress=False) for name in ("en1", "en2")}
    return folder, manifests


def test_two_runs_give_byte_identical_packs_but_for_the_time_in_the_manifest(tuulimaa_packs):
    folder, manifests = tuulimaa_packs
    first, second = tree_bytes(folder / "en1"), tree_bytes(folder / "en2")
    assert sorted(first) == sorted(second)
    differing = [path for path in first if first[path] != second[path]]
    # On failure the manifests tell whether the code or data changed between the runs (while developing).
    assert differing in ([], ["manifest.json"]), report.manifest_changes(manifests["en1"], manifests["en2"])
    without_time = [{k: v for k, v in manifests[name].items() if k != "created"} for name in ("en1", "en2")]
    assert without_time[0] == without_time[1]


def test_second_region_pack_has_every_notebook_and_export(tuulimaa_packs):
    folder, manifests = tuulimaa_packs
    pack = folder / "en1"
    notebooks = report.analysis_notebooks(report.NOTEBOOK_FOLDER)
    assert [entry["path"] for entry in manifests["en1"]["notebooks"]] == [n.name for n in notebooks] != []
    for notebook in notebooks:
        assert (pack / "working" / "notebooks" / f"{notebook.stem}.html").is_file()
        executed = nbformat.read(pack / "working" / "notebooks" / notebook.name, as_version=4)
        injected = next(c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", []))
        assert "LANG = 'en'" in injected.source and f"PROJECT = '{TUULIMAA.name}'" in injected.source
    for name in report.default_exporters():
        assert any((pack / name).iterdir()), f"the {name} export wrote nothing"
    index = (pack / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"#]+)"', index)
    assert all((pack / link).is_file() for link in links)
    assert {f"working/notebooks/{n.stem}.html" for n in notebooks} <= set(links) and "Analysis notebooks" in index
    assert manifests["en1"]["project"]["region"] == "Tuulimaa"


def test_every_page_of_the_pack_loads_nothing_from_the_network(tuulimaa_packs):
    folder, _ = tuulimaa_packs
    pages = sorted((folder / "en1").rglob("*.html"))
    found = {page.relative_to(folder).as_posix(): remote_references(page.read_text(encoding="utf-8"))
             for page in pages}
    assert {page: refs for page, refs in found.items() if refs} == {}


@pytest.mark.browser
def test_notebook_pages_draw_every_figure_in_chromium_without_network(playwright, tuulimaa_packs, tmp_path):
    folder, _ = tuulimaa_packs
    pages = sorted((folder / "en1" / "working" / "notebooks").glob("*.html")) + [folder / "en1" / "index.html"]
    browser = launch_chromium(playwright, tmp_path / "profile")
    requested, problems = [], []
    browser.on("request", lambda request: requested.append(request.url))
    for path in pages:
        page = browser.new_page()
        page.on("pageerror", lambda error, name=path.name: problems.append(f"{name}: {error}"))
        page.goto(path.as_uri())
        figures = page.locator(".plotly-graph-div").count()
        if figures:
            page.wait_for_function(f"document.querySelectorAll('.plotly-graph-div .main-svg').length >= {figures}",
                                   timeout=20_000)
        page.close()
    browser.close()
    assert problems == []
    assert [url for url in requested if not url.startswith(("file:", "data:", "about:"))] == []


def test_second_region_pack_holds_no_absolute_path_and_never_cites_the_lapland_demo(tuulimaa_packs):
    folder, manifests = tuulimaa_packs
    pack = folder / "en1"
    absolute = str(TUULIMAA.resolve()).encode()
    cited = re.compile(rb"Lapland|Lapin |demo-lapland|The demo's|Demoprojekt|invented\.|keksittyj")
    files = [p for p in sorted(pack.rglob("*")) if p.is_file()]
    assert [p.name for p in files if absolute in p.read_bytes()] == []
    # (Tuulimaa's own description says it is fictional; only the workbook's demo text must not show.)
    description = TUULIMAA_DESCRIPTION.encode()
    assert [p.relative_to(pack).as_posix() for p in files
            if p.suffix in (".html", ".ipynb", ".json", ".csv")
            and cited.search(p.read_bytes().replace(description, b""))] == []
    assert manifests["en1"]["project"] == {"name": load_project(TUULIMAA).name, "region": "Tuulimaa",
                                           "folder": "demo-tuulimaa"}
    for page in sorted((pack / "working" / "notebooks").glob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "Kysymys" not in text and "Huomioitavaa" not in text and "`PROJECT`" not in text, page.name


def test_no_respondent_name_or_email_reaches_any_file_of_the_pack(tuulimaa_packs):
    """Every output format of the pack — HTML, CSV, GEXF, GraphML, SVG, PNG, ipynb, the
    manifest, and the xlsx, pptx and docx unzipped — searched for the raw survey export's
    names and e-mail addresses."""
    folder, _ = tuulimaa_packs
    raw = (TUULIMAA / "surveys" / "S1.csv").read_text(encoding="utf-8-sig").splitlines()
    header = raw[0].split(",")
    rows = [line.split(",") for line in raw[1:]]
    names = {row[header.index("Nimi")] for row in rows}
    emails = {row[header.index("Sähköposti")] for row in rows}
    assert len(names) > 10 and all("@" in e for e in emails)
    searched, leaks = set(), []
    for path in sorted((folder / "en1").rglob("*")):
        if not path.is_file():
            continue
        searched.add(path.suffix)
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                parts = [archive.read(member) for member in archive.namelist()]
        else:
            parts = [path.read_bytes()]
        text = b"\n".join(parts).decode("utf-8", errors="replace")
        leaks += [(path.name, value) for value in emails if value in text]
        leaks += [(path.name, name) for name in names if re.search(rf"{re.escape(name)}(?!\d)", text)]
    assert {".html", ".csv", ".gexf", ".graphml", ".ipynb", ".json", ".xlsx", ".pptx", ".docx", ".png"} <= searched
    assert leaks == []


TUULIMAA_DESCRIPTION = "Fictional second demo region: every organisation, person and number is invented."
