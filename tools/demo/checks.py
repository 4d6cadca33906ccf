"""Self-checks of the generated demo: references, ids, vocabularies, planted imperfections,
validation of both forms, identical loading, determinism and size."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections import Counter
from pathlib import Path

from stdnum.fi import ytunnus

from workbook import vocab
from workbook.regions import LAPLAND_SUB_REGIONS
from workbook.schemas import TABLES_BY_NAME, column_meta

from . import plan, surveys


def _values(table, column, rows):
    multi = column_meta(table, column)["multi"]
    for row in rows:
        value = row.get(column, "")
        if value in ("", None):
            continue
        yield from (str(value).split(";") if multi else [str(value)])


def check_rows(tables: dict[str, list[dict]], reg) -> None:
    # Ids unique, references resolve, vocabularies respected.
    for name, rows in tables.items():
        spec = TABLES_BY_NAME[name]
        if spec.key:
            ids = [r[spec.key] for r in rows]
            assert len(ids) == len(set(ids)), f"duplicate ids in {name}"
        for column in spec.columns:
            meta = column_meta(name, column)
            if meta["ref"]:
                target, target_column = meta["ref"].split(".")
                known = {str(r[target_column]) for r in tables[target]}
                missing = set(_values(name, column, rows)) - known
                assert not missing, f"{name}.{column}: unknown {sorted(missing)[:5]}"
            if meta["vocab"]:
                allowed = set(vocab.codes(getattr(vocab, meta["vocab"])))
                bad = set(_values(name, column, rows)) - allowed
                assert not bad, f"{name}.{column}: not in {meta['vocab']}: {bad}"
    actors = tables["actors"]
    municipalities = {m for ms in LAPLAND_SUB_REGIONS.values() for m in ms}
    assert {a["municipality"] for a in actors if a["actor_type"] == "municipality"} == municipalities
    assert {a["municipality"] for a in actors if a["municipality"]} <= municipalities
    for a in actors:
        if a["business_id"]:
            assert ytunnus.is_valid(a["business_id"]), a
    _check_planted(tables, reg)


def _check_planted(tables, reg) -> None:
    part = tables["participation"]
    by_id = {a.actor_id: a for a in reg.actors}
    took_part = {r["actor_id"] for r in part}
    savukoski = {a.actor_id for a in reg.actors if a.municipality == "Savukoski"}
    assert savukoski and not savukoski & took_part
    fa4 = [a for a in tables["actions"] if "FA4" in a["focus_areas"].split(";")]
    assert len({a["owner_actor_id"] for a in fa4}) == 1
    fa4_inputs = [i for i in tables["inputs"] if "FA4" in i["focus_areas"].split(";")]
    fa4_company = [i for i in fa4_inputs if i["actor_id"] and by_id[i["actor_id"]].actor_type == "company"]
    assert len(fa4_company) <= 0.15 * len(fa4_inputs), (len(fa4_company), len(fa4_inputs))
    actions = {a["action_id"]: a for a in tables["actions"]}
    assert actions[plan.NO_INDICATOR]["indicators"] == ""
    assert actions[plan.NO_OWNER]["owner_actor_id"] == ""
    assert actions[plan.NO_BUDGET]["budget_eur"] == ""
    assert actions[plan.NO_DATES]["start"] == actions[plan.NO_DATES]["end"] == ""
    assert actions[plan.LATE_END]["end"] > "2027-12-31"
    late = [a for a in tables["actions"] if a["end"] and a["end"] > "2027-12-31"]
    assert [a["action_id"] for a in late] == [plan.LATE_END]
    indicators = {i["indicator_id"]: i for i in tables["indicators"]}
    assert [k for k, i in indicators.items() if i["baseline"] == ""] == ["M07"]
    assert [k for k, i in indicators.items() if i["target"] == ""] == ["M12"]
    isolated = reg["isolated_company"].actor_id
    assert {(r["activity_id"], r["actor_id"]) for r in part if r["actor_id"] == isolated or
            r["activity_id"] == "H3"} == {("H3", isolated)}
    # Micro companies under-represented, public agencies over-represented.
    registry = Counter(a.size_class or a.actor_type for a in reg.actors)
    rows = Counter(by_id[r["actor_id"]].size_class or by_id[r["actor_id"]].actor_type for r in part)
    share = lambda c, k: c[k] / sum(c.values())  # noqa: E731
    assert share(rows, "micro") < 0.5 * share(registry, "micro"), (share(rows, "micro"), share(registry, "micro"))
    assert share(rows, "public_agency") > 2 * share(registry, "public_agency")
    for counts in surveys.TYPE_COUNTS.values():
        assert min(counts.values()) < 5
    used = {s for a in tables["actions"] for s in a["source_input_ids"].split(";") if s}
    assert len(used) < len(tables["inputs"]) - 20


def _digest(folders: list[Path]) -> dict[str, str]:
    return {str(p.relative_to(f.parent)): hashlib.sha256(p.read_bytes()).hexdigest()
            for f in folders for p in sorted(f.rglob("*")) if p.is_file()}


def check_outputs(root: Path, csv_dir: Path, xlsx_dir: Path) -> int:
    import pandas as pd

    from workbook import load_project

    cli = root / ".venv" / "bin" / "workbook"
    for folder in (csv_dir, xlsx_dir):
        result = subprocess.run([str(cli), "validate", str(folder)], capture_output=True, text=True)
        lines = result.stdout.strip().splitlines()
        print(f"workbook validate {folder.name}: exit {result.returncode}; {len(lines)} lines of output")
        if result.returncode != 0:
            print(result.stdout, result.stderr)
            return 1
    a, b = load_project(csv_dir), load_project(xlsx_dir)
    assert set(a.tables) == set(b.tables)
    for name in a.tables:
        pd.testing.assert_frame_equal(a.tables[name], b.tables[name], obj=name)
    assert set(a.surveys) == set(b.surveys)
    for name in a.surveys:
        pd.testing.assert_frame_equal(a.surveys[name], b.surveys[name], obj=name)
    rules = Counter(p.rule for p in a.report.problems) if hasattr(a.report, "problems") else None
    print("csv and xlsx forms load identically; problems by rule:", dict(rules or {}))
    size = sum(p.stat().st_size for f in (csv_dir, xlsx_dir) for p in f.rglob("*") if p.is_file())
    print(f"total size {size / 1024:.0f} KiB")
    assert size < 2 * 1024 * 1024
    before = _digest([csv_dir, xlsx_dir])
    subprocess.run([sys.executable, str(root / "tools" / "make_demo.py"), "--no-check"], check=True,
                   capture_output=True)
    after = _digest([csv_dir, xlsx_dir])
    assert before == after, [k for k in before if before[k] != after.get(k)]
    print(f"second run: {len(after)} files byte-identical (sha256)")
    return 0
