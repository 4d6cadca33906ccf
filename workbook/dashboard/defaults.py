"""What every kernel of a server draws alike, drawn once by the server: the default views.

Every visitor's kernel first draws its page unfiltered, and a replacement kernel is started
for each visitor; drawn in every kernel, the same views cost more CPU than anything the
visitor asks for. ``workbook serve`` therefore draws, before it starts, every panel of every
page (:data:`workbook.dashboard.widgets.PAGES`) for the unfiltered :class:`FilterState` in
both languages, and the filters' menus in both languages, and leaves them beside the
validated project in its private runtime folder (:func:`write_defaults`). A kernel reads
them (:func:`read_defaults`) while the project's files and the workbook's code are the
same (:func:`workbook.dashboard.context.fingerprint`); the project itself is then read only
when a visitor changes a filter (:class:`SavedProject`), and a page whose panels are all
drawn already needs none of pandas, plotly or the topic modules.

A drawing is kept as it is shown (:func:`workbook.dashboard.widgets.rendered`): trusted
HTML, or a list of HTML strings and plotly mime bundles, exactly what the panel draws.
"""

from __future__ import annotations

import functools
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from workbook.i18n import LANGUAGES

if TYPE_CHECKING:
    from workbook.dashboard.filters import FilterOptions
    from workbook.dashboard.widgets import Panel
    from workbook.project import Project

FILE = "defaults.pickle"
PAGE_MODULES = "workbook.dashboard.pages."

# As shown: trusted HTML in an HTML widget, or HTML strings and plotly mime bundles in an output.
Rendered = Union[str, list]


@dataclass(frozen=True)
class Defaults:
    """The project's name, the filters' menus per language and the unfiltered drawing of each
    panel per (panel key, language) (see :func:`panel_key`); a panel that failed is absent."""

    name: str
    options: dict[str, "FilterOptions"]
    drawings: dict[tuple[str, str], Rendered] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # the project's name in each language


def panel_key(panel: "Panel") -> str | None:
    """Which panel of which page module ``panel`` is (``"overview.HEADLINES"``), or ``None``
    for a panel that no page module holds (one a notebook made itself).

    Examples
    --------
    >>> from workbook.dashboard.pages import overview
    >>> panel_key(overview.HEADLINES)
    'overview.HEADLINES'
    """
    for name, module in list(sys.modules.items()):
        if name.startswith(PAGE_MODULES):
            for attribute, value in vars(module).items():
                if value is panel:
                    return f"{name[len(PAGE_MODULES):]}.{attribute}"
    return None


def page_panels() -> dict[str, "Panel"]:
    """Every panel of the page modules that a page draws unasked (not deferred), by key."""
    import importlib

    from workbook.dashboard.widgets import PAGES, Panel

    panels = {}
    for page in PAGES:
        module = importlib.import_module(PAGE_MODULES + page)
        panels.update({f"{page}.{attribute}": value for attribute, value in vars(module).items()
                       if isinstance(value, Panel) and not value.deferred})
    return panels


def build_defaults(project: "Project") -> Defaults:
    """Draw every panel of :func:`page_panels` for the unfiltered ``project`` in each language."""
    from workbook.dashboard.context import server_log
    from workbook.dashboard.filters import FilterState, filter_options, filter_project
    from workbook.dashboard.widgets import rendered

    selection = filter_project(project, FilterState())
    drawings = {}
    for key, panel in page_panels().items():
        for lang in LANGUAGES:
            try:
                drawing = rendered(panel.draw(selection, lang), lang)
            except Exception:  # noqa: BLE001 -- each kernel then draws it, and logs why it fails
                server_log().warning("panel %s not drawn in advance", key, exc_info=True)
                continue
            if _plain(drawing):  # not a widget or another live object: each kernel makes its own
                drawings[key, lang] = drawing
    from workbook.dashboard.network_map import default_drawings

    try:
        drawings.update(default_drawings(project))
    except Exception:  # noqa: BLE001 -- each kernel then draws its map, and logs why it fails
        server_log().warning("the network map not drawn in advance", exc_info=True)
    return Defaults(project.name, {lang: filter_options(project, lang) for lang in LANGUAGES}, drawings,
                    {lang: project.display_name(lang) for lang in LANGUAGES})


def _plain(drawing: Rendered) -> bool:
    return isinstance(drawing, str) or all(isinstance(part, (str, dict)) for part in drawing)


def write_defaults(folder: Path, project_path: Path, project: "Project") -> Path:
    """Draw the defaults of ``project`` (validated, from ``project_path``) and save them in
    ``folder``, the server's private runtime folder (never the project folder)."""
    from workbook.dashboard.context import fingerprint

    target = folder / FILE
    saved = {"fingerprint": fingerprint(project_path), "defaults": build_defaults(project)}
    with tempfile.NamedTemporaryFile("wb", dir=folder, delete=False) as handle:
        pickle.dump(saved, handle, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(handle.name, target)
    return target


def write_defaults_apart(cache: Path, project_path: Path) -> bool:
    """:func:`write_defaults` beside ``cache``, the project saved there by
    :func:`~workbook.dashboard.context.write_project_cache`, in a process of its own: drawing
    imports every page's libraries (about 110 MiB), which the server would otherwise keep for
    as long as it runs. ``False`` when it failed (each kernel then draws its page itself)."""
    import subprocess

    # Not "python -m": the Defaults saved must be this module's class, not one of __main__.
    code = "import sys; from workbook.dashboard.defaults import _main; sys.exit(_main(*sys.argv[1:]))"
    done = subprocess.run([sys.executable, "-c", code, str(cache), str(project_path)], check=False)
    return done.returncode == 0


def _main(cache: str, project_path: str) -> int:
    from workbook.dashboard.context import read_project_cache

    project = read_project_cache(Path(cache), Path(project_path))
    if project is None:
        return 1
    write_defaults(Path(cache).parent, Path(project_path), project)
    return 0


@functools.lru_cache(maxsize=4)
def read_defaults(folder: Path, project_path: Path) -> Defaults | None:
    """The defaults saved in ``folder`` by :func:`write_defaults`, or ``None`` when there are
    none, they cannot be read, or the project's files or the code changed since (read once
    per kernel)."""
    from workbook.dashboard.context import fingerprint

    try:
        with (folder / FILE).open("rb") as handle:
            saved = pickle.load(handle)  # written by this machine's server into its private folder
        defaults = saved["defaults"]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, KeyError, TypeError):
        return None
    return defaults if saved.get("fingerprint") == fingerprint(project_path) else None


class SavedProject:
    """The project of a server's kernel before it is needed: its name and defaults at once,
    the validated project (:func:`~workbook.dashboard.context.read_project_cache`) on first use
    of anything else, so that a page shown unfiltered never unpickles its DataFrames."""

    def __init__(self, cache: Path, project_path: Path, defaults: Defaults):
        self.cache = cache
        self.project_path = project_path
        self.defaults = defaults
        self.name = defaults.name

    @functools.cached_property
    def project(self) -> "Project":
        """The validated project (loaded again if the server's copy is gone or out of date)."""
        from workbook.dashboard.context import load_project, read_project_cache

        return read_project_cache(self.cache, self.project_path) or load_project(self.project_path)

    def display_name(self, lang: str) -> str:
        """The project's name in ``lang`` (see :meth:`workbook.project.Project.display_name`)."""
        return self.defaults.names.get(lang) or self.project.display_name(lang)

    def __getattr__(self, name: str):
        if name.startswith("__") or name in ("cache", "project_path", "defaults", "name", "project"):
            raise AttributeError(name)  # not set yet (copy, pickle): never load for these
        return getattr(self.project, name)


def loaded(project: "Project | SavedProject") -> "Project":
    """``project`` itself, or the validated project a :class:`SavedProject` stands for."""
    return project.project if isinstance(project, SavedProject) else project


def defaults_of(project: "Project | SavedProject") -> Defaults | None:
    """The defaults drawn for ``project`` by the server, if it is a :class:`SavedProject`."""
    return project.defaults if isinstance(project, SavedProject) else None
