"""The ``workbook`` command: validate, template, exports, dashboards and the full report.

Exit codes: 0 success, 1 the project has errors (or an export failed), 2 usage error or a
path that cannot be read.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import sys
import time
from pathlib import Path
from typing import Callable, Sequence

from workbook.i18n import LANGUAGES, tr

DEMO_PROJECT = Path(__file__).resolve().parent.parent / "data" / "demo-lapland"

# Export command -> module with ``export(project, out_dir, lang) -> list[Path]``.
EXPORTERS = {
    "network": ("workbook.network.export", "Actor network: metrics CSV, GEXF, GraphML, Kumu workbook, network.html and the map as SVG/PNG"),
    "summary": ("workbook.participation.export", "Participation summary: HTML report and .xlsx"),
    "actions": ("workbook.actionplan.export", "Actions by focus area: HTML report, one-pagers and .xlsx"),
    "clusters": ("workbook.clusters.export", "Cluster scorecard: HTML report and .xlsx"),
    "deliverables": ("workbook.deliverables", "Editable deliverables: slide deck (.pptx) and Word report (.docx)"),
}


TEXTS = {
    "inside_project": {
        "fi": "{out} on projektikansion {project} sisällä: kirjoita tulosteet muualle (projektin omia tiedostoja ei "
              "koskaan muuteta, ja ylimääräiset tiedostot estäisivät projektin lataamisen)",
        "en": "{out} is inside the project folder {project}: write the outputs elsewhere (the project's own files "
              "are never modified, and extra files would stop the project from loading)"},
    "is_project": {
        "fi": "{out} on projektikansio itse: kirjoita tulosteet muualle (projektin omia tiedostoja ei koskaan muuteta)",
        "en": "{out} is the project folder itself: write the outputs elsewhere (the project's own files are never "
              "modified)"},
    "not_a_folder": {"fi": "{out} on tiedosto, ei kansio: anna kansion nimi",
                     "en": "{out} is a file, not a folder: give the name of a folder"},
    "os_ENOSPC": {"fi": "levy on täynnä: {path} jäi kirjoittamatta",
                  "en": "the disk is full: {path} could not be written"},
    "os_EDQUOT": {"fi": "levytila (kiintiö) on lopussa: {path} jäi kirjoittamatta",
                  "en": "the disk quota is used up: {path} could not be written"},
    "os_EACCES": {"fi": "ei kirjoitusoikeutta: {path}", "en": "no permission to write: {path}"},
    "os_EROFS": {"fi": "levy on vain luku -tilassa: {path}", "en": "the disk is read-only: {path}"},
    "os_ENOTDIR": {"fi": "polun osa on tiedosto, ei kansio: {path}",
                   "en": "part of the path is a file, not a folder: {path}"},
    "os_EEXIST": {"fi": "samanniminen tiedosto on jo olemassa: {path}",
                  "en": "a file of that name is in the way: {path}"},
    "os_other": {"fi": "tiedostoa ei voitu kirjoittaa tai lukea: {path} ({reason})",
                 "en": "a file could not be written or read: {path} ({reason})"},
}
_OS_KEYS = {errno.ENOSPC: "os_ENOSPC", errno.EDQUOT: "os_EDQUOT", errno.EACCES: "os_EACCES",
            errno.EPERM: "os_EACCES", errno.EROFS: "os_EROFS", errno.ENOTDIR: "os_ENOTDIR",
            errno.EEXIST: "os_EEXIST", errno.EISDIR: "os_EEXIST"}


class OutputFolderError(Exception):
    """An output folder that no command may write into (the project folder, a file)."""


def check_output_folder(out: Path, project_path: Path, lang: str = "en") -> None:
    """Refuse an output folder that is the project folder, lies inside it, or is a file.

    The one check every exporter (and ``workbook report``) makes before writing anything.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     project = Path(folder) / "lapland"
    ...     project.mkdir()
    ...     check_output_folder(Path(folder) / "out", project)  # beside the project: fine
    ...     try:
    ...         check_output_folder(project / "out", project)
    ...     except OutputFolderError as error:
    ...         print(str(error).split(":")[0].endswith("is inside the project folder " + str(project)))
    True
    """
    out, project_path = Path(out).resolve(), Path(project_path).resolve()
    project_root = project_path if project_path.is_dir() else project_path.parent
    if out == project_root:
        raise OutputFolderError(tr(TEXTS, "is_project", lang, out=out))
    if project_root in out.parents:
        raise OutputFolderError(tr(TEXTS, "inside_project", lang, out=out, project=project_root))
    if out.exists() and not out.is_dir():
        raise OutputFolderError(tr(TEXTS, "not_a_folder", lang, out=out))


def os_error_message(error: OSError, lang: str = "en") -> str:
    """One line saying in plain words why a file could not be written (no traceback).

    Examples
    --------
    >>> os_error_message(OSError(errno.ENOSPC, "No space left on device", "/tmp/out/a.xlsx"), "en")
    'the disk is full: /tmp/out/a.xlsx could not be written'
    >>> os_error_message(PermissionError(errno.EACCES, "Permission denied", "/srv/out"), "fi")
    'ei kirjoitusoikeutta: /srv/out'
    """
    path = error.filename or "?"
    if error.filename2:
        path = f"{path} → {error.filename2}"
    key = _OS_KEYS.get(error.errno or -1, "os_other")
    return tr(TEXTS, key, lang, path=path, reason=error.strerror or type(error).__name__)


def main(argv: Sequence[str] | None = None) -> int:
    from workbook.workshop.commands import implicit_start

    parser = _parser()
    args = parser.parse_args(implicit_start(list(sys.argv[1:] if argv is None else argv)))
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    lang = _message_lang(args)
    try:
        return args.handler(args)
    except OSError as error:  # a full disk, a read-only folder, a file in the way: one line, no traceback
        print(f"workbook: {os_error_message(error, lang)}", file=sys.stderr)
        return 1


def _message_lang(args: argparse.Namespace) -> str:
    """The language of the command's messages: the first of ``--lang`` (``fi,en`` gives ``fi``)."""
    lang = str(getattr(args, "lang", "en") or "en").split(",")[0]
    return lang if lang in LANGUAGES else "en"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbook", description="Strategy Workbook / Strategiatyökirja")
    commands = parser.add_subparsers(metavar="COMMAND")

    validate = commands.add_parser("validate", help="Check a project folder or workbook and list every problem")
    validate.add_argument("project", type=Path)
    validate.add_argument("--format", choices=["text", "json"], default="text")
    validate.add_argument("--lang", choices=LANGUAGES, default="en")
    validate.set_defaults(handler=_validate)

    template = commands.add_parser("template", help="Write an empty project workbook (.xlsx) to fill in")
    template.add_argument("out", type=Path)
    template.add_argument("--region", help="pre-fill for a region with built-in data (Lapland)")
    template.set_defaults(handler=_template)

    datamodel = commands.add_parser("datamodel", help="Print the data model as Markdown (from the schemas)")
    datamodel.set_defaults(handler=_datamodel)

    for name, (module, help_text) in EXPORTERS.items():
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("project", type=Path)
        sub.add_argument("--out", type=Path, required=True)
        sub.add_argument("--lang", choices=LANGUAGES, default="fi")
        sub.set_defaults(handler=_exporter(module))

    for name, suffix, help_text in (
            ("deck", ".pptx", "Slide deck (.pptx) with native, editable charts and tables"),
            ("document", ".docx", "Word report (.docx): participation summary and action plan")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("project", type=Path)
        sub.add_argument("--out", type=Path, required=True, help=f"the file to write (ending in {suffix})")
        sub.add_argument("--lang", choices=LANGUAGES, default="fi")
        sub.add_argument("--template", type=Path, default=None,
                         help=f"the organisation's own {suffix} whose styles, master and layouts to use")
        sub.set_defaults(handler=_deliverable(name, suffix))

    serve = commands.add_parser("serve", help="Open the dashboards (Voilà) in a browser")
    serve.add_argument("project", type=Path, nargs="?", default=DEMO_PROJECT)
    serve.add_argument("--port", type=int, default=8866)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--lang", choices=LANGUAGES, default="fi")
    serve.add_argument("--token", default=None, help="require this token in the URL (for shared servers)")
    serve.add_argument("--no-browser", action="store_true")
    serve.add_argument("--visitors", type=int, metavar="N",
                       help="people expected to open the dashboards at once: sizes the pre-heated kernels "
                            "(~40 MiB each while waiting, ~200 MiB once filtering; default 5)")
    serve.add_argument("--allow-host", action="append", metavar="NAME",
                       help="also answer to this host name (a reverse proxy's public name); repeatable")
    serve.add_argument("--max-kernels", type=int, metavar="N", help="at most N visitors' kernels in all (default 40)")
    serve.add_argument("--max-kernels-per-client", type=int, metavar="N",
                       help="at most N kernels per client address (default 10)")
    serve.add_argument("--behind-proxy", action="store_true",
                       help="client address from X-Real-IP of a reverse proxy on this machine")
    serve.add_argument("--report", metavar="PACK",
                       help="a report pack built by `workbook report` (served at /report/) or its web address; "
                            "every page links to it")
    serve.set_defaults(handler=_lazy("workbook.dashboard.serve", "cli"))

    codebook = commands.add_parser("codebook", help="Draft survey_questions rows for a survey export (.csv/.xlsx)")
    codebook.add_argument("export", type=Path)
    codebook.add_argument("--survey", required=True, help="survey id (the activity id of the survey)")
    codebook.add_argument("--out", type=Path, default=None, help="write the rows to this CSV file")
    codebook.set_defaults(handler=_lazy("workbook.codebook_draft", "cli"))

    report = commands.add_parser("report", help="Run every notebook and build the whole deliverable pack")
    report.add_argument("project", type=Path)
    report.add_argument("--out", type=Path, required=True)
    report.add_argument("--lang", type=_languages, default="fi", metavar="{fi,en,fi,en}",
                        help="fi, en, or fi,en for both (DIR/fi/ and DIR/en/ under one manifest)")
    report.set_defaults(handler=_lazy("workbook.report", "cli"))

    from workbook.workshop.commands import add_commands as add_workshop_commands

    add_workshop_commands(commands)
    return parser


def _languages(value: str) -> str:
    """``--lang`` of the report: ``fi``, ``en`` or both separated by a comma."""
    codes = [code.strip() for code in value.split(",")]
    if not codes or any(code not in LANGUAGES for code in codes):
        raise argparse.ArgumentTypeError(f"choose fi, en or fi,en (not {value!r})")
    return ",".join(dict.fromkeys(codes))


def _lazy(module: str, function: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        return getattr(importlib.import_module(module), function)(args)

    return handler


def load_or_exit(path: Path):
    """Load a project for a command, or print why not and exit (2 unreadable path, 1 errors)."""
    from workbook.project import ProjectError, ProjectPathError, load_project

    try:
        return load_project(path)
    except ProjectPathError as error:
        print(f"workbook: {error}", file=sys.stderr)
        raise SystemExit(2)
    except ProjectError as error:
        print(error.report.to_text("en"), file=sys.stderr)
        print("\nThe project has errors: fix them first (workbook validate shows them all).", file=sys.stderr)
        raise SystemExit(1)


def _validate(args: argparse.Namespace) -> int:
    from workbook.project import ProjectPathError, validate_project

    started = time.perf_counter()
    try:
        report = validate_project(args.project)
    except ProjectPathError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(report.to_json())
    else:
        print(report.to_text(args.lang))
        print(f"({time.perf_counter() - started:.2f} s)", file=sys.stderr)
    return 0 if report.ok else 1


def _template(args: argparse.Namespace) -> int:
    from workbook.template import write_template

    if args.out.suffix.casefold() != ".xlsx":
        print("workbook: the template must be written to a file ending in .xlsx", file=sys.stderr)
        return 2
    write_template(args.out, args.region)
    print(args.out)
    return 0


def _datamodel(args: argparse.Namespace) -> int:
    from workbook.template import data_model_markdown

    print(data_model_markdown())
    return 0


def _exporter(module: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from workbook.outputs import ExportError

        project = load_or_exit(args.project)
        try:
            check_output_folder(args.out, project.path, args.lang)
        except OutputFolderError as error:
            print(f"workbook: {error}", file=sys.stderr)
            return 2
        export = importlib.import_module(module).export
        args.out.mkdir(parents=True, exist_ok=True)
        try:
            paths = export(project, args.out, args.lang)
        except ExportError as error:
            print(f"workbook: {error}", file=sys.stderr)
            return 1
        for path in paths:
            print(path)
        return 0

    return handler


def _deliverable(name: str, suffix: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        from workbook.outputs import ExportError

        for path, what in ((args.out, "written to"), (args.template, "a template")):
            if path is not None and path.suffix.casefold() != suffix:
                print(f"workbook: the {name} must be {what} a file ending in {suffix}: {path}", file=sys.stderr)
                return 2
        if args.template is not None and not args.template.is_file():
            print(f"workbook: the template {args.template} does not exist", file=sys.stderr)
            return 2
        project = load_or_exit(args.project)
        module = importlib.import_module(f"workbook.deliverables.{name}")
        write = module.write_deck if name == "deck" else module.write_document
        args.out.parent.mkdir(parents=True, exist_ok=True)
        try:
            print(write(project, args.out, args.lang, args.template))
        except ExportError as error:
            print(f"workbook: {error}", file=sys.stderr)
            return 1
        return 0

    return handler


if __name__ == "__main__":
    sys.exit(main())
