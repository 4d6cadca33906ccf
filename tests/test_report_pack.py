"""What the client reads in a pack: deliverables first, working material apart, one language per
page, no developer instructions, no text about the demo on another region's pack, one-pagers
without internal checks, and both languages from one run.

Fast: the real notebooks are filtered without a kernel; packs use throwaway export modules.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

from test_report import write_module, write_notebook

from workbook import cli, load_project, report
from workbook.notebook import cells_for_pack

ROOT = Path(__file__).resolve().parent.parent
DEMO_WORDS = re.compile(r"demo|Lapland|Lapin|Lappi|keksit|invented|synteett|synthetic", re.IGNORECASE)
DEV_WORDS = re.compile(r"`PROJECT`|`LANG`|`ROUND`|workbook (summary|actions|network|clusters|report) PROJE")
FINNISH = re.compile(r"[äöÄÖ]|\b(Kysymys|Vastaus|Huomio|Huomioitavaa|Miten luetaan|ja|tai|ovat)\b")
ENGLISH = re.compile(r"\b(the|and|of|Question|Answer|Caveats?|How to read it)\b")


def pack_markdown(lang: str, demo: bool) -> dict[str, str]:
    """The Markdown a reader of a pack sees, per notebook of the repository."""
    shown = {}
    for path in report.analysis_notebooks(report.NOTEBOOK_FOLDER):
        cells = cells_for_pack(nbformat.read(path, as_version=4).cells, lang, demo)
        shown[path.name] = "\n\n".join(c.source for c in cells if c.cell_type == "markdown")
    return shown


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_notebook_pages_are_in_one_language_without_developer_instructions(lang):
    other = ENGLISH if lang == "fi" else FINNISH
    for name, text in pack_markdown(lang, demo=False).items():
        assert text.strip(), name
        assert other.findall(text) == [], f"{name} holds the other language"
        assert DEV_WORDS.findall(text) == [], f"{name} tells the reader to edit the notebook"
        assert DEMO_WORDS.findall(text) == [], f"{name} talks about the demo on another region's pack"


def test_demo_pack_still_says_its_data_is_invented():
    assert "invented" in pack_markdown("en", demo=True)["01_data_overview.ipynb"]
    assert "keksittyjä" in pack_markdown("fi", demo=True)["05_cluster_assessment.ipynb"]
    assert report.is_demo(load_project(ROOT / "data" / "demo-lapland"))
    assert not report.is_demo(load_project(ROOT / "data" / "demo-tuulimaa"))


def test_notebooks_stay_whole_in_jupyterlab():
    # Every Markdown cell carries one language; both languages are there for whoever opens the notebook.
    for path in report.analysis_notebooks(report.NOTEBOOK_FOLDER):
        cells = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]
        tags = [set(c.metadata.get("tags", [])) & {"lang-fi", "lang-en"} for c in cells]
        assert all(len(t) == 1 for t in tags), path.name
        assert sum("lang-fi" in t for t in tags) == sum("lang-en" in t for t in tags), path.name


def test_pack_page_of_a_notebook_keeps_only_its_readers_cells(project_factory, tmp_path):
    notebooks = tmp_path / "notebooks"
    path = write_notebook(notebooks, "01_tagged", "print('ok')")
    notebook = nbformat.read(path, as_version=4)
    for text, tags in [("Suomeksi vain", ["lang-fi"]), ("In English only", ["lang-en"]),
                       ("Set PROJECT to your folder", ["lang-en", "dev-only"]),
                       ("The Lapland demo's data is invented", ["lang-en", "demo-only"])]:
        notebook.cells.append(nbformat.v4.new_markdown_cell(text, metadata={"tags": tags}))
    nbformat.write(notebook, path)

    report.build_report(load_project(project_factory()), tmp_path / "pack", "en", notebook_folder=notebooks,
                        exporters={}, progress=False)

    page = (tmp_path / "pack" / "working" / "notebooks" / "01_tagged.html").read_text(encoding="utf-8")
    assert "In English only" in page
    for hidden in ("Suomeksi vain", "Set PROJECT", "Lapland demo"):
        assert hidden not in page


@pytest.fixture
def fake_exporters(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    names = {}
    for name in ("network", "summary", "actions", "clusters"):
        names[name] = write_module(tmp_path, f"pack_test_{name}_export", (
            "def export(project, out_dir, lang):\n"
            f"    html = out_dir / f'{name}_{{lang}}.html'\n"
            f"    html.write_text('<p>{name}</p>', encoding='utf-8')\n"
            f"    sheet = out_dir / f'{name}_{{lang}}.xlsx'\n"
            "    sheet.write_bytes(b'x')\n"
            "    return [sheet, html]\n"))
    return names


def test_index_leads_with_the_client_deliverables_and_labels_the_working_material(project_factory, tmp_path,
                                                                                  fake_exporters):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_overview", "print('ok')")
    out = tmp_path / "pack"
    report.build_report(load_project(project_factory()), out, "en", notebook_folder=notebooks,
                        exporters=dict(reversed(list(fake_exporters.items()))), progress=False)

    index = (out / "index.html").read_text(encoding="utf-8")
    order = [index.rindex(text) for text in (  # rindex: past the table of contents
        "Deliverables for the client", "Participation summary", "Actions by focus area", "Cluster assessment",
        "Actor network", "Definitions of the figures", "Working material for the consultant", "Plan quality checks",
        "Analysis notebooks", "Reproducibility")]
    assert order == sorted(order)
    assert "some content appears twice" in index
    links = re.findall(r'href="([^"#]+)"', index)
    assert all((out / link).is_file() for link in links)
    # The client's files at the top, the consultant's under working/ (and only there).
    assert {"summary/summary_en.html", "actions/actions_en.html", "glossary.html"} <= set(links)
    working = {link for link in links if link.startswith("working/")}
    assert working == {"working/plan_checks_en.html", "working/notebooks/01_overview.html",
                       "working/notebooks/01_overview.ipynb"}
    # The HTML report before its spreadsheet.
    assert links.index("summary/summary_en.html") < links.index("summary/summary_en.xlsx")
    assert "Suomeksi" not in index and "Asiakkaalle" not in index


def test_both_languages_in_one_run_under_one_manifest(project_factory, tmp_path, fake_exporters, monkeypatch,
                                                      capsys):
    monkeypatch.setattr(report, "NOTEBOOK_FOLDER", tmp_path / "no-notebooks")
    monkeypatch.setattr(cli, "EXPORTERS", {"summary": (fake_exporters["summary"], "fake")})
    out = tmp_path / "pack"

    assert cli.main(["report", str(project_factory()), "--out", str(out), "--lang", "fi,en"]) == 0

    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["lang"] == "fi,en"
    paths = {entry["path"] for entry in manifest["outputs"]}
    assert {"index.html", "fi/index.html", "en/index.html", "fi/summary/summary_fi.html",
            "en/summary/summary_en.html", "fi/glossary.html", "en/glossary.html"} <= paths
    assert not (out / "fi" / "manifest.json").exists() and not (out / "en" / "manifest.json").exists()
    finnish = (out / "fi" / "index.html").read_text(encoding="utf-8")
    english = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi">' in finnish and "Asiakkaalle toimitettavat" in finnish and "Deliverables" not in finnish
    assert '<html lang="en">' in english and "Deliverables for the client" in english and "Asiakkaalle" not in english
    assert 'href="../en/index.html"' in finnish and 'href="../manifest.json"' in english
    top = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="fi/index.html"' in top and 'href="en/index.html"' in top
    with pytest.raises(SystemExit) as refused:  # argparse: a usage error
        cli.main(["report", str(project_factory()), "--out", str(out), "--lang", "fi,sv"])
    assert refused.value.code == 2 and "choose fi, en or fi,en" in capsys.readouterr().err


# --- The focus-area one-pager ------------------------------------------------------------------

LONG_TITLE = "Arktisen kiertotalouden datapalvelu teollisuuden sivuvirtojen hyödyntämiseen Kemi-Tornion alueella"


def test_one_pager_has_no_internal_check_text_and_wraps_long_titles():
    from workbook.actionplan.examples import TABLES
    from workbook.actionplan.focus_area import focus_area_page
    from workbook.actionplan.onepager import onepager_html
    from workbook.testing import tiny_project

    actions = [dict(row) for row in TABLES["actions"]]
    actions[0]["title_fi"] = LONG_TITLE
    actions[0]["indicators"] = ""  # a planted imperfection: an action without an indicator
    project = tiny_project(**{**TABLES, "actions": actions})
    area = actions[0]["focus_areas"].split(";")[0]
    page = focus_area_page(project, area, "fi")
    assert not page.findings.empty  # the plan checks do find something to fix here

    html = onepager_html(page, project.name, list(project.focus_areas["focus_area_id"]), "fi", project.period)

    assert "Korjattavaa" not in html and "⚠" not in html and "To fix" not in html
    ticks = re.search(r'"ticktext":\[(.*?)\]', html).group(1)
    label = json.loads(f"[{ticks}]")[0] if actions[0]["action_id"] in ticks else ""
    words = re.sub(r"<br>", " ", " ".join(json.loads(f"[{ticks}]")))
    assert LONG_TITLE in words and "…" not in ticks and "<br>" in label
    assert "text-overflow: ellipsis" not in html
