"""The documentation stays true: the README's data model is the schemas' own."""

from pathlib import Path

from workbook.template import data_model_markdown

ROOT = Path(__file__).resolve().parent.parent


def test_readme_data_model_is_generated_from_the_schemas():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- datamodel:start -->\n")[1].split("<!-- datamodel:end -->")[0]
    assert section == data_model_markdown(), "run: workbook datamodel, and paste it into README.md"


def test_readme_names_the_two_commands_and_ci_runs_the_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python3 tasks.py demo" in readme and "python3 tasks.py test" in readme
    assert "python3 tasks.py test" in (ROOT / ".ci" / "run").read_text()
