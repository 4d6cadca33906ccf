"""Spreadsheet text stays text: no formula in any xlsx cell, no field split open in a CSV."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pandas as pd
from openpyxl import load_workbook

from workbook import load_project
from workbook.network import export as network_export
from workbook.outputs import Sheet, csv_text, write_xlsx
from workbook.testing import MINIMAL, make_project

HOSTILE_NAME = "Kylmä Oy;=1+1"
TYPED = ['=HYPERLINK("http://evil.example","x")', "+358 40 123", "-5 %", "@SUM(A1)", "Kemi"]


def test_a_name_with_a_semicolon_is_quoted_and_inert_in_network_metrics_csv(tmp_path):
    actors = [dict(MINIMAL["actors"][0]), {**MINIMAL["actors"][1], "name": HOSTILE_NAME}]
    project = load_project(make_project(tmp_path / "project", actors=actors))
    paths = network_export.export(project, tmp_path / "out", "en")
    text = next(p for p in paths if p.name == "network_metrics.csv").read_text(encoding="utf-8")
    line = next(row for row in text.splitlines() if "Kylmä" in row)
    assert '"Kylmä Oy;\'=1+1"' in line
    # Read as a comma-separated file, the name is one field.
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [r["name"] for r in rows if r["actor_id"] == "A2"] == ["Kylmä Oy;'=1+1"]
    # Split on ";" the way a Finnish-locale Excel does: no piece is a formula.
    assert not [piece for piece in line.split(";") if piece.startswith(("=", "+", "-", "@"))]


def test_csv_quotes_every_field_a_separator_or_line_break_would_split():
    text = csv_text(pd.DataFrame({"a": ["x;y", "x\ty", 'say "hi"', "a,b", "plain"], "n": [1, 2, 3, 4, 5]}))
    assert text.splitlines()[1:] == ['"x;y",1', '"x\ty",2', '"say ""hi""",3', '"a,b",4', "plain,5"]


def test_formula_leading_text_is_a_string_cell_as_typed_in_openpyxl_and_in_the_sheet_xml(tmp_path):
    path = write_xlsx(tmp_path / "t.xlsx", {"Texts": pd.DataFrame({"text": TYPED, "n": range(5)}),
                                            "=Sheet": Sheet(pd.DataFrame({"=col": ["=1+1"]}), note="=2+2")})
    book = load_workbook(path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [c.value for c in book["Texts"]["A"][1:]] == TYPED  # no apostrophe added to what was typed
    assert all(c.data_type == "s" for c in book["Texts"]["A"])
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        strings = "".join(archive.read(n).decode() for n in archive.namelist() if n == "xl/sharedStrings.xml")
    assert sheets and not any("<f>" in xml or "<f " in xml for xml in sheets)
    # Every text cell is a string cell (shared or inline), holding the typed text unchanged.
    text_cells = re.findall(r'<c r="A\d+"[^>]*>', sheets[0])
    assert len(text_cells) == len(TYPED) + 1
    assert all('t="s"' in cell or 't="inlineStr"' in cell for cell in text_cells)
    stored = sheets[0] + strings
    assert "<t>=HYPERLINK(&quot;http://evil.example&quot;,&quot;x&quot;)</t>" in stored or \
        '<t>=HYPERLINK("http://evil.example","x")</t>' in stored
    assert "'=" not in stored and "&apos;=" not in stored
