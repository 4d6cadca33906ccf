"""Build the synthetic Lapland demo project (CSV and XLSX forms) and check it.

    .venv/bin/python tools/make_demo.py [--no-check] [--out DATA_DIR]

``--out`` writes demo-lapland/ and demo-lapland-xlsx/ under another folder (the tests use it
to rebuild into a temporary folder and compare with the committed files).

Everything is generated from random.Random(2023) in a fixed order, so two runs give
byte-identical files. The generator lives in tools/demo/.
"""

from __future__ import annotations

import os
import random
import shutil
import sys
from pathlib import Path

# openpyxl writes different XML when lxml happens to be installed: build without it, so that
# the bytes do not depend on the machine.
os.environ["OPENPYXL_LXML"] = "False"

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
sys.path.insert(0, str(TOOLS))
sys.path.insert(0, str(ROOT))

from demo import actors, checks, clusters, plan, process, readme, surveys, tool_exports, write  # noqa: E402

CSV_DIR = ROOT / "data" / "demo-lapland"
XLSX_DIR = ROOT / "data" / "demo-lapland-xlsx"

PROJECT = [
    ("name", "Lapin älykkään erikoistumisen strategian uudistus 2022–2023 (demo)"),
    ("name_en", "Renewal of Lapland's smart specialisation strategy 2022–2023 (demo)"),
    ("region", "Lapland"),
    ("country", "FI"),
    ("period_start", "2023-03-01"),
    ("period_end", "2027-12-31"),
    ("languages", "fi;en"),
    ("min_group_size", "5"),
    ("description", "Synteettinen demoaineisto: yritykset, henkilöt, vastaukset ja luvut ovat keksittyjä."),
    ("description_en", "Synthetic demo data: companies, people, answers and numbers are invented."),
    # Pages say the data is invented and cite this demo only for a project that says it is one.
    ("demo", "yes"),
]


def build() -> tuple[dict[str, list[dict]], dict[str, tuple[list[str], list[list[str]]]], dict]:
    rng = random.Random(2023)
    reg = actors.build_actors(rng)
    cluster_rows = clusters.assign_members(rng, reg)
    participation = process.build_participation(rng, reg)
    inputs = process.build_inputs(rng, reg, participation)
    excluded = {reg[k].actor_id for k in ("isolated_company", "savukoski_company", "idle_company",
                                           "kunta_Savukoski")}
    actions = plan.build_actions(rng, reg, inputs, excluded)
    exports = {sid: surveys.build_export(rng, sid) for sid in surveys.QUESTIONS}
    # Exports as the survey tools write them (.xlsx), from their own seed: the files above stay as they were.
    tool_rng = random.Random(2024)
    xlsx_exports = {"S3": tool_exports.build_s3(tool_rng), "S4": tool_exports.build_s4(tool_rng)}
    activities = sorted(process.activity_rows() + tool_exports.activity_rows(), key=lambda row: row["date"])
    tables = {
        "project": [{"key": k, "value": v} for k, v in PROJECT],
        "focus_areas": plan.focus_area_rows(),
        "actors": [a.row() for a in reg.actors],
        "activities": activities,
        "participation": participation,
        "inputs": inputs,
        "actions": actions,
        "indicators": plan.indicator_rows(),
        "indicator_values": plan.indicator_value_rows(),
        "clusters": cluster_rows,
        "cluster_criteria": clusters.criteria_rows(),
        "cluster_assessments": clusters.assessment_rows(),
        "survey_questions": surveys.codebook_rows() + tool_exports.codebook_rows(),
    }
    return tables, exports, {"registry": reg, "xlsx_exports": xlsx_exports}


def main(argv: list[str]) -> int:
    data_dir = Path(argv[argv.index("--out") + 1]).resolve() if "--out" in argv else ROOT / "data"
    csv_dir, xlsx_dir = data_dir / CSV_DIR.name, data_dir / XLSX_DIR.name
    tables, exports, context = build()
    checks.check_rows(tables, context["registry"])
    for folder in (csv_dir, xlsx_dir):
        if folder.exists():
            shutil.rmtree(folder)
    csv_dir.mkdir(parents=True)
    for name, rows in tables.items():
        write.write_table(csv_dir, name, rows)
    for survey_id, (header, rows) in exports.items():
        write.write_survey(csv_dir / "surveys", survey_id, header, rows)
    for survey_id, (header, rows) in context["xlsx_exports"].items():
        write.write_survey_xlsx(csv_dir / "surveys", survey_id, header, rows)
    (csv_dir / "README.md").write_text(readme.render(tables, context["registry"]), encoding="utf-8")
    write.build_xlsx(csv_dir, xlsx_dir, list(tables))
    for name, rows in tables.items():
        print(f"{name:22} {len(rows):4d} rows")
    for survey_id, (_, rows) in exports.items():
        print(f"surveys/{survey_id}.csv{'':10} {len(rows):4d} respondents")
    for survey_id, (_, rows) in context["xlsx_exports"].items():
        print(f"surveys/{survey_id}.xlsx{'':9} {len(rows):4d} respondents")
    if "--no-check" not in argv:
        return checks.check_outputs(ROOT, csv_dir, xlsx_dir)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
