"""The second demo region, data/demo-tuulimaa: valid, not Lapland, and exactly what its generator writes."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from workbook import load_project, regions

ROOT = Path(__file__).resolve().parent.parent
TUULIMAA = ROOT / "data" / "demo-tuulimaa"


def generator():
    spec = importlib.util.spec_from_file_location("make_second_region", ROOT / "tools" / "make_second_region.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_region_is_byte_for_byte_what_the_seeded_generator_writes(tmp_path):
    written = generator().write(tmp_path / "tuulimaa")
    committed = sorted(p.relative_to(TUULIMAA) for p in TUULIMAA.rglob("*") if p.is_file())
    assert sorted(p.relative_to(tmp_path / "tuulimaa") for p in written) == committed
    for path in committed:
        assert (tmp_path / "tuulimaa" / path).read_bytes() == (TUULIMAA / path).read_bytes(), path


def test_second_region_is_valid_and_shares_nothing_regional_with_lapland():
    project = load_project(TUULIMAA)
    assert project.report.errors == []
    assert not regions.is_lapland(project.region)
    lapland = set(regions.lapland_municipalities()["municipality"])
    assert not lapland & set(project.municipalities["municipality"])
    assert set(project.actors["municipality"].dropna()) <= set(project.municipalities["municipality"])
    assert project.actors["sub_region"].notna().sum() == project.actors["municipality"].notna().sum()


def test_second_region_survey_keeps_no_names_or_e_mails():
    answers = load_project(TUULIMAA).surveys["S1"]
    assert "NAME" not in answers and "EMAIL" not in answers
    assert not answers.astype(str).apply(lambda column: column.str.contains("@")).any().any()
