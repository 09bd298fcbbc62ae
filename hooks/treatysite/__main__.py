"""The core's command line: `python hooks/treatysite COMMAND ...`.

    check [DATA_DIR] [--docs DOCS_DIR] [--format {text,github}]
                       validate the data and render the pages without building the site; the same
                       messages as the build, exit 1 when there is any error, 0 when all is valid;
                       --format github also prints each error as a GitHub workflow command (annotations)
    new KIND ID [--data DATA_DIR]
                       write data/<folder>/ID.yml: the schema line, the id and every required field left
                       empty with a '# fill in:' comment (the check reports each until it is filled in);
                       refuses an id that is taken, reserved or not an id
    render OUT [--data DIR] [--site-url URL] [--no-directory-urls] [--config FILE]
                       write the whole site as a project any engine reading mkdocs.yml builds without
                       our hook (ProperDocs, Zensical; see project.py)

Each command is one function below, registered in `_parser`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):
    # Run as `python hooks/treatysite`: make the package importable by name.
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    __package__ = "treatysite"

from treatysite import DataErrors, load_dataset, render_site  # noqa: E402
from treatysite.annotations import github_annotations  # noqa: E402
from treatysite.kinds import KIND_NAMES  # noqa: E402
from treatysite.docs_folder import check_docs_folder  # noqa: E402
from treatysite.project import RenderOptions, render_project  # noqa: E402
from treatysite.skeleton import RefusedRecord, new_record_file  # noqa: E402


def check(arguments: argparse.Namespace) -> int:
    try:
        dataset = load_dataset(arguments.data_dir, Path.cwd())
        # The pages too, as the build makes them, and docs/ against them: so that check and build agree.
        problems = check_docs_folder(render_site(dataset), arguments.docs, Path.cwd())
        if problems:
            raise DataErrors(problems)
    except DataErrors as errors:
        if arguments.format == "github":
            # On stdout, where the runner reads workflow commands; the plain report below stays for the log.
            print(github_annotations(errors.errors))
        print(errors.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(dataset.of_kind(kind))} {kind}" for kind in KIND_NAMES)
    print(f"data is valid: {counts}")
    return 0


def render(arguments: argparse.Namespace) -> int:
    options = RenderOptions(arguments.config, arguments.data, arguments.site_url, not arguments.no_directory_urls)
    try:
        written = render_project(arguments.out, options)
    except DataErrors as errors:
        print(errors.report(), file=sys.stderr)
        return 1
    print(f"wrote {len(written)} files into {arguments.out}: build it with any engine from there (mkdocs.yml)")
    return 0


def _add_render(commands) -> None:
    rendering = commands.add_parser("render", help="write the site as a project other engines build without our hook")
    rendering.add_argument("out", type=Path, metavar="OUT", help="the folder to write (missing or empty)")
    rendering.add_argument("--data", type=Path, default=None, metavar="DIR", help="the data folder (default: data beside the config)")
    rendering.add_argument("--site-url", default=None, metavar="URL", help="the published address (default: the config's site_url)")
    rendering.add_argument("--no-directory-urls", action="store_true", help="address pages as files (page.html), as the offline copy does")
    rendering.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE", help="the configuration to start from (default: mkdocs.yml)")
    rendering.set_defaults(run=render)


def new(arguments: argparse.Namespace) -> int:
    try:
        path = new_record_file(arguments.kind, arguments.id, arguments.data)
    except RefusedRecord as refused:
        print(f"not written: {refused}", file=sys.stderr)
        return 1
    print(f"wrote {path.as_posix()}: fill in every field marked '# fill in:', then run `python hooks/treatysite check`")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python hooks/treatysite", description="The treaty site's data tools.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    checking = commands.add_parser("check", help="validate the data without building the site")
    checking.add_argument("data_dir", nargs="?", type=Path, default=Path("data"), metavar="DATA_DIR",
                          help="the data folder (default: data)")
    checking.add_argument("--docs", type=Path, default=Path("docs"), metavar="DOCS_DIR",
                          help="the hand-written pages, checked against the generated ones (default: docs)")
    checking.add_argument("--format", choices=("text", "github"), default="text",
                          help="github: also print each error as a workflow command, so GitHub shows it on the line")
    checking.set_defaults(run=check)
    creating = commands.add_parser("new", help="start a new record: a skeleton with every required field to fill in")
    creating.add_argument("kind", choices=KIND_NAMES, metavar="KIND", help=f"one of: {', '.join(KIND_NAMES)}")
    creating.add_argument("id", metavar="ID", help="the new record's id, also its file name")
    creating.add_argument("--data", type=Path, default=Path("data"), metavar="DATA_DIR",
                          help="the data folder (default: data)")
    creating.set_defaults(run=new)
    _add_render(commands)
    return parser


def main(argv: list[str]) -> int:
    arguments = _parser().parse_args(argv)
    return arguments.run(arguments)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
