"""Output folders of every command: files added by hand survive, the project folder is refused,
OS errors are one line, killed runs leave nothing behind, and no absolute path leaks into a pack.

Fast: throwaway notebooks and export modules (see ``test_report.py``) and a tiny project.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from test_report import earlier_pack, tree_bytes, write_module, write_notebook

from workbook import cli, load_project, report


@pytest.fixture
def tiny_project(project_factory):
    return load_project(project_factory())


@pytest.fixture
def fake_exports(tmp_path, monkeypatch):
    """``workbook report`` with one quick export and one quick notebook (nothing from the repository)."""
    monkeypatch.syspath_prepend(str(tmp_path))
    module = write_module(tmp_path, "fake_quick_export", (
        "def export(project, out_dir, lang):\n"
        "    path = out_dir / f'summary_{lang}.csv'\n"
        "    path.write_text('actors\\n' + str(len(project.actors)) + '\\n', encoding='utf-8')\n"
        "    return [path]\n"))
    monkeypatch.setattr(report, "NOTEBOOK_FOLDER", tmp_path / "no-notebooks")
    monkeypatch.setattr(cli, "EXPORTERS", {"summary": (module, "fake")})
    return module


# --- 17.8: files the user added to a pack ------------------------------------------------------

def test_rerun_keeps_and_lists_files_added_to_the_pack_by_hand(tiny_project, fake_exports, tmp_path, capsys):
    out = tmp_path / "pack"
    command = ["report", str(tiny_project.path), "--out", str(out), "--lang", "en"]
    assert cli.main(command) == 0
    (out / "notes.docx").write_bytes(b"minutes of the steering group")
    (out / "summary" / "comments.txt").write_text("check figure 3", encoding="utf-8")
    capsys.readouterr()

    assert cli.main(command) == 0

    assert (out / "notes.docx").read_bytes() == b"minutes of the steering group"
    assert (out / "summary" / "comments.txt").read_text(encoding="utf-8") == "check figure 3"
    printed = capsys.readouterr().out
    assert "Kept 2 file(s) added by hand" in printed
    assert "  notes.docx\n" in printed and "  summary/comments.txt\n" in printed
    # They are the user's, not the pack's: the manifest does not claim them.
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "notes.docx" not in {entry["path"] for entry in manifest["outputs"]}


def test_file_added_where_the_new_pack_writes_is_refused_and_nothing_replaced(tiny_project, fake_exports,
                                                                                tmp_path, capsys):
    out = tmp_path / "pack"
    command = ["report", str(tiny_project.path), "--out", str(out), "--lang", "en"]
    assert cli.main(command) == 0
    # A file the earlier run did not write but the new one will (the manifest does not list it).
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["outputs"] = [e for e in manifest["outputs"] if e["path"] != "summary/summary_en.csv"]
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (out / "summary" / "summary_en.csv").write_text("my own edits", encoding="utf-8")
    before = tree_bytes(out)
    capsys.readouterr()

    assert cli.main(command) == 2

    assert "summary/summary_en.csv" in capsys.readouterr().err
    assert tree_bytes(out) == before


def test_change_list_follows_the_language(tiny_project, fake_exports, tmp_path, capsys):
    out = tmp_path / "pack"
    command = ["report", str(tiny_project.path), "--out", str(out), "--lang", "fi"]
    assert cli.main(command) == 0
    assert cli.main(command) == 0
    assert "mikään ei muuttunut." in capsys.readouterr().out
    actors = Path(tiny_project.path) / "actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8") + "A3,Uusi Oy,company,Rovaniemi\n", encoding="utf-8")
    assert cli.main(command) == 0
    printed = capsys.readouterr().out
    assert "Verrattuna kansiossa" in printed and "  syötetiedosto muuttui: actors.csv\n" in printed
    assert "  tuloste muuttui: summary/summary_fi.csv\n" in printed
    assert "changed" not in printed and "Compared" not in printed


# --- 17.9: output paths -------------------------------------------------------------------------

@pytest.mark.parametrize("command", [*cli.EXPORTERS, "report"])
@pytest.mark.parametrize("where", ["the project folder", "a folder inside it"])
def test_every_exporter_refuses_the_project_folder(project_factory, command, where, capsys):
    project = project_factory()
    before = tree_bytes(project)
    out = project if where == "the project folder" else project / "outputs"

    code = cli.main([command, str(project), "--out", str(out), "--lang", "en"])

    error = capsys.readouterr().err
    assert code == 2 and "project folder" in error and "Traceback" not in error
    assert tree_bytes(project) == before and not (project / "outputs").exists()
    load_project(project)  # still loads


@pytest.mark.parametrize("command", [*cli.EXPORTERS, "report"])
def test_out_that_is_a_file_is_one_line_not_a_traceback(project_factory, tmp_path, command, capsys):
    project = project_factory()
    in_the_way = tmp_path / "results.xlsx"
    in_the_way.write_bytes(b"a file, not a folder")

    code = cli.main([command, str(project), "--out", str(in_the_way), "--lang", "fi"])

    error = capsys.readouterr().err
    assert code == 2 and error.count("\n") == 1 and "on tiedosto, ei kansio" in error
    assert in_the_way.read_bytes() == b"a file, not a folder"


@pytest.mark.parametrize("command", [*cli.EXPORTERS, "report"])
def test_unwritable_out_is_one_line_not_a_traceback(project_factory, tmp_path, command, capsys):
    # Tests run as root, where a read-only folder is still writable: a file in the path is the
    # same refusal from the operating system (ENOTDIR), which chmod cannot fake.
    project = project_factory()
    (tmp_path / "shared").write_bytes(b"")

    code = cli.main([command, str(project), "--out", str(tmp_path / "shared" / "pack"), "--lang", "en"])

    error = capsys.readouterr().err
    assert code == 1 and error.count("\n") == 1 and "Traceback" not in error
    assert error.startswith("workbook") and ("is a file, not a folder" in error or "is in the way" in error)
    assert str(tmp_path / "shared") in error


@pytest.mark.parametrize("command", ["network", "summary", "report"])
def test_full_disk_is_one_line_and_a_report_leaves_the_earlier_pack(project_factory, tmp_path, monkeypatch,
                                                                      command, capsys):
    project = project_factory()
    out = earlier_pack(tmp_path / "out")
    before = tree_bytes(out)
    if command == "report":
        monkeypatch.setattr(report, "NOTEBOOK_FOLDER", tmp_path / "no-notebooks")
        monkeypatch.setattr(cli, "EXPORTERS", {"network": cli.EXPORTERS["network"]})

    def full_disk(source, target, *args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(os, "replace", full_disk)

    code = cli.main([command, str(project), "--out", str(out), "--lang", "en"])

    error = capsys.readouterr().err
    assert code == 1 and "Traceback" not in error
    assert "the disk is full" in error and len(error.strip().splitlines()) <= 2
    if command == "report":
        assert tree_bytes(out) == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_killed_report_leaves_no_staging_folder_after_the_next_run(tiny_project, fake_exports, tmp_path):
    out = tmp_path / "pack"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True)
    pid = int(dead.stdout)
    # What a report killed while building (and one killed while swapping) leaves behind.
    for stale in (f".pack.workbook-staging-{pid}-k3j9x", f".pack.workbook-old-{pid}"):
        (tmp_path / stale / "notebooks").mkdir(parents=True)
        (tmp_path / stale / "notebooks" / "01.html").write_text("half", encoding="utf-8")
    # A staging folder of a run still going on, and a hidden folder of someone else.
    alive = tmp_path / f".pack.workbook-staging-{os.getpid()}-running"
    alive.mkdir()
    other = tmp_path / ".pack.backup"
    other.mkdir()

    assert cli.main(["report", str(tiny_project.path), "--out", str(out)]) == 0

    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".pack")) == [
        ".pack.backup", alive.name]


# --- 17.12: no absolute path in a pack ---------------------------------------------------------

def test_no_file_of_the_pack_holds_the_absolute_project_path(tiny_project, fake_exports, tmp_path):
    notebooks = tmp_path / "notebooks"
    write_notebook(notebooks, "01_where", "print('reading', PROJECT)\nprint(repr(PROJECT))")
    out = tmp_path / "pack"

    manifest = report.build_report(tiny_project, out, "en", notebook_folder=notebooks,
                                   exporters={"summary": fake_exports}, progress=False)

    absolute = str(Path(tiny_project.path).resolve())
    holding = [path.relative_to(out).as_posix() for path in sorted(out.rglob("*"))
               if path.is_file() and absolute.encode() in path.read_bytes()]
    assert holding == []
    assert manifest["project"]["folder"] == Path(absolute).name and "path" not in manifest["project"]
    executed = nbformat.read(out / "working" / "notebooks" / "01_where.ipynb", as_version=4)
    assert f"reading {Path(absolute).name}" in executed.cells[-1].outputs[0]["text"]
