"""Execute the numbered notebooks in place so their committed outputs are current.

Run after an intentional change to the analyses or to the demo data:

    .venv/bin/python tools/run_notebooks.py            # every notebooks/[0-9]*.ipynb
    .venv/bin/python tools/run_notebooks.py notebooks/03_actor_network.ipynb

Outputs are then what ``pytest --nbval`` compares against; review the diff before committing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def run(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)
    print(f"executed {path.relative_to(ROOT)}")


def main(paths: list[str]) -> int:
    targets = [Path(p).resolve() for p in paths] or sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    for target in targets:
        run(target)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
