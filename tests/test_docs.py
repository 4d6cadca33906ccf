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


def test_notebooks_are_committed_executed_so_nbval_has_numbers_to_compare():
    import nbformat

    for path in sorted((ROOT / "notebooks").glob("[0-9]*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        code = [cell for cell in notebook.cells if cell.cell_type == "code"]
        assert all(cell.execution_count for cell in code), f"{path.name}: run tools/run_notebooks.py"
        assert any(cell.outputs for cell in code), path.name
