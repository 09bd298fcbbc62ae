"""Build benchmark (issue 6): our hook against plain Material, at 500 and 2,000 provisions.

    .venv/bin/python bench/run.py [--skip-flat-2000] [--load-only] [--keep] [--workdir DIR] [--seed 1]
    .venv/bin/python bench/run.py --engines 2000      (the three engines beside each other: bench/engines.py)

In one run on this machine it:

1. generates synthetic data trees of 500 and 2,000 provisions (bench/synthetic.py) in a temp folder;
2. times load + validate alone (`treatysite.load_dataset`) on the 2,000-provision tree, best of 3:
   a first load, which reads every file (load_validate_s_2000), and a reload after one provision file
   was edited, through the LoadCache `mkdocs serve` keeps between rebuilds (load_validate_rebuild_s_2000);
   beside them PyYAML's own `yaml.load` of the same files, as a yardstick for the machine's speed;
3. for each size builds
   - ours: `mkdocs build -q` of this repository's mkdocs.yml with TREATY_DATA_DIR pointing at the
     synthetic tree (site in a temp folder);
   - plain Material, sectioned: a temp project (theme material, font false, search, no hooks) with the
     same number of hand-written pages of the same average size, in nav sections of 50 under one
     top-level section, with navigation.sections/indexes/prune (our mkdocs.yml's features);
   - plain Material, flat: the same pages, all in one nav section, no features;
4. prints, for each build, seconds, pages, ms per page, average HTML bytes per page and the search
   index (search/search_index.json) bytes in total and per page; then the ratios against the targets,
   and as the last line all figures as `name=value`.

How hooks_share is measured: besides the timed CLI build, each size is built once more *in-process*
(a child `python bench/run.py --_inprocess ...`: mkdocs' own `load_config` + `build`, what
`mkdocs build` runs), with every event handler of the hook (`on_config`, `on_files`, and any other it
defines, e.g. `on_env`) timed where MkDocs calls it: in MkDocs' own list of event handlers, so neither
the hook nor the core is altered. hooks_share = time inside our hook's events (load + validate + render
+ handing pages to MkDocs + anything else the hook does) divided by the wall time of that same
in-process build. This is exact for our code and has none of a profiler's overhead (cProfile inflates
Python-heavy code unevenly); the in-process wall leaves out interpreter start-up, so the share is
slightly higher than against the CLI's wall time. The in-process build also collects MkDocs' warnings,
which `-q` on the CLI silences (and with them `strict`: `mkdocs build -q` of a strict site passes with
broken links): a warning about a generated page stops the benchmark, so the synthetic data is known to
build cleanly. How much of on_config is load + validate and how much is render is timed apart, in
another fresh child (`--_core`), by calling the core's public `load_dataset` and `render_site` as the
hook does (treatysite.engine_input.rendered_site): cold, as in the build, and without patching either;
"rest of on_config" is the difference, so it carries the noise of two runs.

Pages of the plain projects: as many as our build produces (generated + hand-written), each of the
average size our generated pages have at that size, counted as Markdown without link targets (see
`text_bytes`), with a table, headings, lists and links like ours. They use our mkdocs.yml's markdown_extensions, so both sides do
the same Markdown work; the difference is our hook and the shape of our navigation.

The figures and the targets they are held to are in bench/figures.py; the plain project is made by
bench/plain_project.py; the data by bench/synthetic.py.
"""

from __future__ import annotations

import argparse
import json
import logging
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from figures import (  # noqa: E402
    KB, BuildFigures, Clock, CoreFigures, HookFigures, LoadFigures, Results, last_line, verdict,
)
from plain_project import make_plain_project, text_bytes  # noqa: E402
from synthetic import generate  # noqa: E402

SIZES = (500, 2000)


def env_for_build(data_dir: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TREATY_DATA_DIR", None)
    if data_dir is not None:
        env["TREATY_DATA_DIR"] = str(data_dir)
    return env


# --- measuring a built site -------------------------------------------------------------------------


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_build(config: Path, site: Path, env: dict[str, str]) -> BuildFigures:
    """`mkdocs build -q`, timed, and the site it wrote measured. Aborts the benchmark if the build fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "--site-dir", str(site)]
    cpu = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    cpu = children_cpu() - cpu
    if result.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{result.stderr[-4000:]}")
    pages = [path for path in site.rglob("*.html") if path.relative_to(site).as_posix() != "404.html"]
    index = site / "search" / "search_index.json"
    index_bytes = index.stat().st_size if index.exists() else 0
    return BuildFigures(seconds, cpu, len(pages), sum(path.stat().st_size for path in pages), index_bytes)


def report_build(label: str, n: int, row: BuildFigures) -> BuildFigures:
    print(
        f"{label:<18} N={n:<5} seconds={row.seconds:6.1f} (cpu {row.cpu:6.1f})  pages={row.pages:<5} "
        f"ms/page={row.ms_per_page:6.1f}  html/page={row.html_bytes_per_page / KB:7.1f} KB  "
        f"search_index={row.index_bytes / KB / KB:6.2f} MB ({row.index_bytes_per_page / KB:.2f} KB/page)",
        flush=True,
    )
    return row


def timed_build(label: str, n: int, config: Path, site: Path, env: dict[str, str]) -> BuildFigures:
    """A CLI build, reported; its site is removed afterwards."""
    row = report_build(label, n, cli_build(config, site, env))
    shutil.rmtree(site, ignore_errors=True)
    return row


# --- the in-process build and the core's own times (child processes) -------------------------------


@contextmanager
def collected_warnings() -> Iterator[list[str]]:
    """MkDocs' warnings while the block runs (no info records, as with the CLI's -q)."""
    warnings: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record.getMessage())

    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)
    handler = Collect(logging.WARNING)
    logger.addHandler(handler)
    try:
        yield warnings
    finally:
        logger.removeHandler(handler)


def time_hook_events(config: MkDocsConfig, clocks: dict[str, Clock]) -> None:
    """Put a clock on each of our hook's handlers in MkDocs' event lists (`config.plugins.events`); the
    handlers of other plugins, and the hook module itself, are left as they are."""
    hook_modules = set(config.hooks)
    for event, handlers in config.plugins.events.items():
        config.plugins.events[event] = [
            clocks.setdefault(event, Clock()).timing(handler)
            if getattr(handler, "__module__", None) in hook_modules else handler
            for handler in handlers
        ]


def inprocess_build(data_dir: Path, site_dir: Path) -> HookFigures:
    """Build with MkDocs' Python API in this process, timing our hook's events; see the module docstring."""
    os.environ.update(env_for_build(data_dir))
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    events: dict[str, Clock] = {}
    clock = Clock()
    with collected_warnings() as warnings, clock.running():
        config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir))
        config.strict = False  # warnings are collected and judged below instead
        time_hook_events(config, events)
        build(config)
    # A warning about a generated page means the synthetic data is wrong: fatal. One about a
    # hand-written page in docs/ (a link to a record only the real data has) is reported, not fatal.
    hand_written = {path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs").rglob("*.md")}
    about_docs = [w for w in warnings if any(w.startswith(f"Doc file '{name}'") for name in hand_written)]
    return HookFigures(clock, events, [w for w in warnings if w not in about_docs], about_docs)


def core_times(data_dir: Path) -> CoreFigures:
    """load_dataset and render_site called as the hook calls them, in a fresh process, so cold as in a build."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(REPO / "mkdocs.yml"))  # for the site address pages cite
    sys.path.insert(0, str(REPO / "hooks"))
    from treatysite import LoadCache, Publishing, load_dataset, render_site

    publishing = Publishing(site_url=config.site_url, directory_urls=config.use_directory_urls)
    load, render = Clock(), Clock()
    with load.running():
        dataset = load_dataset(data_dir, REPO, cache=LoadCache())
    with render.running():
        pages = render_site(dataset, publishing).pages
    return CoreFigures(
        load.wall, render.wall, len(pages),
        sum(len(page.content.encode()) for page in pages) / len(pages),
        sum(text_bytes(page.content) for page in pages) / len(pages),
    )


def run_child(mode: str, *paths: Path) -> dict:
    """`bench/run.py --_<mode> PATHS...` in a fresh interpreter; the figures it prints as JSON."""
    command = [sys.executable, str(Path(__file__).resolve()), f"--_{mode}", *map(str, paths)]
    result = subprocess.run(command, cwd=REPO, env=env_for_build(paths[0]), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"{mode} run failed:\n{result.stderr[-4000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_inprocess(data_dir: Path, site_dir: Path) -> tuple[HookFigures, CoreFigures]:
    hook = HookFigures.from_json(run_child("inprocess", data_dir, site_dir))
    if hook.warnings_generated:
        sys.exit("the build of the synthetic data warns (strict mode would stop it):\n  "
                 + "\n  ".join(hook.warnings_generated[:20]))
    for warning in hook.warnings_hand_written:
        print(f"note: a hand-written page warns with synthetic data (not counted as a failure): {warning}")
    return hook, CoreFigures(**run_child("core", data_dir))


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def time_load_validate(data_dir: Path, repeat: int = 3) -> LoadFigures:
    """Seconds to load and validate `data_dir`, best of `repeat`: a first load, which reads every file; a
    reload after one provision file was edited, as `mkdocs serve` does with its LoadCache; PyYAML's own
    `yaml.load` of the same files with CSafeLoader, no checks and no validation, timed between the first
    loads as a yardstick for how fast the machine is at the time."""
    sys.path.insert(0, str(REPO / "hooks"))
    import yaml
    from treatysite import LoadCache, load_dataset

    files = sorted(data_dir.rglob("*.yml"))
    first = plain_yaml = reload = math.inf
    for _ in range(repeat):
        first = min(first, seconds(lambda: load_dataset(data_dir)))
        plain_yaml = min(plain_yaml, seconds(lambda: [yaml.load(p.read_bytes(), Loader=yaml.CSafeLoader) for p in files]))

    cache = LoadCache()
    load_dataset(data_dir, cache=cache)
    edited = sorted((data_dir / "provisions").glob("*.yml"))[0]
    original = edited.read_bytes()
    try:
        for edit in range(repeat):
            edited.write_bytes(original + f"# edit {edit}\n".encode())
            reload = min(reload, seconds(lambda: load_dataset(data_dir, cache=cache)))
    finally:
        edited.write_bytes(original)
    return LoadFigures(first, reload, plain_yaml)


# --- the benchmark --------------------------------------------------------------------------------


def git_state() -> str:
    """The commit measured, and whether the code that matters had uncommitted changes."""
    def git(*args: str) -> str:
        result = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return result.stdout.rstrip() if result.returncode == 0 else "?"

    head = git("rev-parse", "--short", "HEAD")
    if head == "?":
        return f"{REPO} (not a git checkout)"
    changed = git("status", "--porcelain", "--", "hooks", "mkdocs.yml", "docs")
    return head + (
        f" with uncommitted changes in: {', '.join(sorted({line[3:] for line in changed.splitlines()}))}" if changed else ", clean"
    )


def run_engines(work: Path, args: argparse.Namespace) -> int:
    """`--engines N`: the three engines beside each other on one tree of N provisions (bench/engines.py)."""
    import engines

    try:
        data = work / f"data-{args.engines}"
        counts = generate(data, args.engines, args.seed, force=True)
        print(f"data N={args.engines}: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()), flush=True)
        engines.compare(data, work)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (wall times are inflated when it exceeds the CPU count)")
    return 0


def generate_trees(args: argparse.Namespace, work: Path) -> dict[int, Path]:
    """The data trees to measure: both sizes, or with --load-only the large one."""
    small, large = args.sizes
    data = {}
    for n in (large,) if args.load_only else (small, large):
        data[n] = work / f"data-{n}"
        counts = generate(data[n], n, args.seed, force=True)
        print(f"data N={n}: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()), flush=True)
    return data


def measure(args: argparse.Namespace, work: Path) -> Results | None:
    """Every measurement, printed as it is made; None with --load-only (no builds)."""
    small, large = args.sizes
    data = generate_trees(args, work)
    load = time_load_validate(data[large])
    print(f"load+validate N={large}: first load {load.first:.2f} s, reload after editing one file "
          f"{load.reload:.2f} s; PyYAML's yaml.load (CSafeLoader) of the same files, unchecked, "
          f"{load.plain_yaml:.2f} s: the first load takes {load.first / load.plain_yaml:.2f} times as long "
          f"(best of 3 each)", flush=True)
    if args.load_only:
        return None
    results = Results(small, large, load)
    for n in (small, large):
        measure_ours(results, n, data[n], work)
        measure_plain(results, n, work, args)
    return results


def measure_ours(results: Results, n: int, data: Path, work: Path) -> None:
    site = work / f"site-ours-{n}"
    hook, core = run_inprocess(data, site)
    results.hook[n], results.core[n] = hook, core
    shutil.rmtree(site, ignore_errors=True)
    rest_of_config = hook.event("config") - core.load_validate - core.render
    print(
        f"in-process N={n}: wall {hook.build.wall:.1f} s; our code {hook.ours.wall:.2f} s = load+validate "
        f"{core.load_validate:.2f} + render {core.render:.2f} + rest of on_config {rest_of_config:.2f} + "
        f"on_files {hook.event('files'):.2f} + other hook events {hook.other_events:.2f}; "
        f"share {hook.share:.3f} (on CPU time {hook.share_cpu:.3f}); {core.generated_pages} generated pages of "
        f"{core.markdown_bytes_per_page / KB:.1f} KB Markdown ({core.text_bytes_per_page / KB:.1f} KB without "
        f"link targets) on average",
        flush=True,
    )
    results.ours[n] = timed_build("ours", n, REPO / "mkdocs.yml", site, env_for_build(data))


def measure_plain(results: Results, n: int, work: Path, args: argparse.Namespace) -> None:
    """Plain Material at size `n`: as many pages as ours, of the same size, sectioned and flat."""
    project = work / f"plain-{n}"
    shutil.rmtree(project, ignore_errors=True)
    flat, sectioned = make_plain_project(project, results.ours[n].pages, results.core[n].text_bytes_per_page, args.seed)
    made = [page.read_text() for page in (project / "docs").rglob("*.md")]
    print(f"plain pages N={n}: {len(made)} pages of {sum(len(m.encode()) for m in made) / len(made) / KB:.1f} KB "
          f"Markdown ({sum(text_bytes(m) for m in made) / len(made) / KB:.1f} KB without link targets)", flush=True)
    for label, config in (("sectioned", sectioned), ("flat", flat)):
        if label == "flat" and n == results.large and args.skip_flat_2000:
            print(f"{'plain ' + label:<18} N={n:<5} skipped (--skip-flat-2000)", flush=True)
            continue
        results.plain[(label, n)] = timed_build(f"plain {label}", n, config, project / f"site-{label}", env_for_build())


def report(results: Results, sizes: tuple[int, int]) -> None:
    """The ratios: on CPU time, at the small size, and against the targets; last, every figure as name=value."""
    small, large = sizes
    ours, plain, flat = results.ours, results.plain, results.plain.get(("flat", large))
    print()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (wall times are inflated when it exceeds the CPU count)")
    cpu_vs_flat = f"{ours[large].cpu / flat.cpu:.3f}" if flat else "skipped"
    print(f"the same ratios on CPU time (less sensitive to other load on the machine): "
          f"hooks_share={results.hook[large].share_cpu:.3f} "
          f"vs_sectioned={ours[large].cpu / plain[('sectioned', large)].cpu:.3f} vs_flat={cpu_vs_flat} "
          f"growth_{large}_over_{small}={ours[large].cpu / ours[small].cpu:.3f}")
    if sizes != SIZES:
        print(f"NOTE: sizes {small},{large} instead of {SIZES[0]},{SIZES[1]}: the figures below are not the benchmark's")
    print(f"(hooks_share at N={small}: {results.hook[small].share:.3f}; growth of plain sectioned "
          f"{large}/{small}: {plain[('sectioned', large)].seconds / plain[('sectioned', small)].seconds:.2f}; "
          f"pages ours {large}/{small}: {ours[large].pages / ours[small].pages:.2f}; KB = 1024 bytes)")
    figures = results.figures()
    for name, value in figures.items():
        print(verdict(name, value))
    print(last_line(figures))


def parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--skip-flat-2000", action="store_true",
                        help="skip the plain-Material flat build at 2,000 (slow); vs_flat is then reported as skipped")
    parser.add_argument("--workdir", type=Path, help="where to put data and sites (default: a new temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (data and plain projects)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sizes", type=lambda text: tuple(int(x) for x in text.split(",")), default=SIZES,
                        help="two sizes, small,large (default 500,2000; smaller ones for a quick smoke run only)")
    parser.add_argument("--load-only", action="store_true",
                        help="only generate the large tree and time loading it (about a minute); no builds, no last line")
    parser.add_argument("--engines", type=int, metavar="N",
                        help="only time MkDocs, ProperDocs and Zensical beside each other at N provisions (see bench/engines.py)")
    parser.add_argument("--_inprocess", nargs=2, type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--_core", type=Path, help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args._inprocess or args._core:  # a child process: its figures as JSON
        figures = inprocess_build(*args._inprocess) if args._inprocess else core_times(args._core)
        print(json.dumps(asdict(figures)))
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="treaty-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}  (python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f})", flush=True)
    print(f"repository: {git_state()}", flush=True)
    if args.engines:
        return run_engines(work, args)
    try:
        results = measure(args, work)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
    if results is not None:
        report(results, args.sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
