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
`mkdocs build` runs), with `load_dataset` and `render_site` wrapped in timers where the hook calls them
(`treatysite.engine_input`), and every event handler of the hook (`on_config`, `on_files`, and any
other it defines, e.g. `on_env`) wrapped too. hooks_share = time inside our hook's events
(load + validate + render + handing pages to MkDocs + anything else the hook does) divided by the
wall time of that same in-process build. This is exact for our code and has none of
a profiler's overhead (cProfile inflates Python-heavy code unevenly); the in-process wall leaves out
interpreter start-up, so the share is slightly higher than against the CLI's wall time. The in-process
build also collects MkDocs' warnings, which `-q` on the CLI silences (and with them `strict`: `mkdocs
build -q` of a strict site passes with broken links): a warning about a generated page stops the
benchmark, so the synthetic data is known to build cleanly.

Pages of the plain projects: as many as our build produces (generated + hand-written), each of the
average size our generated pages have at that size, counted as Markdown without link targets (see
`text_bytes`), with a table, headings, lists and links like ours. They use our mkdocs.yml's markdown_extensions, so both sides do
the same Markdown work; the difference is our hook and the shape of our navigation.
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import math
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from synthetic import Prose, generate  # noqa: E402

SIZES = (500, 2000)
SECTION_SIZE = 50
KB = 1024
TARGETS = {
    # name: (limit, how the figure compares, text)
    "hooks_share": (0.10, "<=", "<= 0.10"),
    "vs_sectioned": (1.15, "<=", "<= 1.15"),
    "vs_flat": (0.5, "<=", "well under 1 (taken as <= 0.5)"),
    "growth_2000_over_500": (4.4, "<=", "<= 4.4"),
    "html_kb_per_page": (60.0, "<=", "<= 60 KB/page"),
    "index_kb_per_page": (4.0, "<=", "<= 4 KB/page"),
    "load_validate_s_2000": (1.0, "<=", "<= 1 s"),
    # Not one of the targets: how much the serve cache saves, held to the same limit.
    "load_validate_rebuild_s_2000": (1.0, "<=", "<= 1 s"),
}
MARKDOWN_EXTENSIONS = """\
markdown_extensions:
  - attr_list
  - tables
  - admonition
  - toc:
      permalink: true
  - pymdownx.superfences
  - pymdownx.details
"""
OUR_FEATURES = """\
  features:
    - navigation.sections
    - navigation.indexes
    - navigation.prune
    - navigation.top
    - content.action.edit
    - search.highlight
"""


def env_for_build(data_dir: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TREATY_DATA_DIR", None)
    if data_dir is not None:
        env["TREATY_DATA_DIR"] = str(data_dir)
    return env


# --- measuring a built site -------------------------------------------------------------------------


def measure_site(site: Path) -> dict[str, float]:
    pages = [path for path in site.rglob("*.html") if path.relative_to(site).as_posix() != "404.html"]
    html_bytes = sum(path.stat().st_size for path in pages)
    index = site / "search" / "search_index.json"
    index_bytes = index.stat().st_size if index.exists() else 0
    return {"pages": len(pages), "html_bytes": html_bytes, "index_bytes": index_bytes}


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cli_build(config: Path, site: Path, env: dict[str, str]) -> tuple[float, float]:
    """`mkdocs build -q`; returns wall and CPU seconds. Aborts the benchmark if the build fails."""
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "--site-dir", str(site)]
    cpu = children_cpu()
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config.parent, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    cpu = children_cpu() - cpu
    if result.returncode != 0:
        sys.exit(f"build failed: {' '.join(command)}\n{result.stderr[-4000:]}")
    return seconds, cpu


def report_build(label: str, n: int, timing: tuple[float, float], site: dict[str, float]) -> dict[str, float]:
    pages = site["pages"]
    seconds, cpu = timing
    row = {
        "seconds": seconds,
        "cpu": cpu,
        "pages": pages,
        "ms_per_page": 1000 * seconds / pages,
        "html_bytes_per_page": site["html_bytes"] / pages,
        "index_bytes": site["index_bytes"],
        "index_bytes_per_page": site["index_bytes"] / pages,
    }
    print(
        f"{label:<18} N={n:<5} seconds={seconds:6.1f} (cpu {cpu:6.1f})  pages={pages:<5} ms/page={row['ms_per_page']:6.1f}  "
        f"html/page={row['html_bytes_per_page'] / KB:7.1f} KB  search_index={row['index_bytes'] / KB / KB:6.2f} MB "
        f"({row['index_bytes_per_page'] / KB:.2f} KB/page)",
        flush=True,
    )
    return row


# --- the in-process build (child process) -----------------------------------------------------------


def inprocess_build(data_dir: Path, site_dir: Path) -> dict[str, float]:
    """Build with MkDocs' Python API in this process, timing our code; see the module docstring."""
    os.environ.update(env_for_build(data_dir))
    sys.path.insert(0, str(REPO / "hooks"))

    spent: dict[str, float] = defaultdict(float)

    def timed(name, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            start, cpu = time.perf_counter(), time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - start
                spent[name + "_cpu"] += time.process_time() - cpu

        return wrapper

    # The hook renders through treatysite.engine_input, which looks these names up in its module when
    # called: it picks up these wrappers.
    from treatysite import engine_input

    engine_input.load_dataset = timed("load_validate", engine_input.load_dataset)
    engine_input.render_site = timed("render", engine_input.render_site)
    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            warnings.append(record.getMessage())

    warnings: list[str] = []
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)  # no info records, as with the CLI's -q
    logger.addHandler(Collect(logging.WARNING))

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start, cpu = time.perf_counter(), time.process_time()
    config = load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir))
    hook_names = set(config.hooks)
    config.strict = False  # warnings are collected and judged below instead
    for event in list(config.plugins.events):
        config.plugins.events[event] = [
            timed(f"hook_{event}", method) if getattr(method, "__module__", None) in hook_names else method
            for method in config.plugins.events[event]
        ]
    build(config)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    hook = sys.modules[next(iter(hook_names))]
    pages = hook.state.site.pages
    # A warning about a generated page means the synthetic data is wrong: fatal. One about a
    # hand-written page in docs/ (a link to a record only the real data has) is reported, not fatal.
    hand_written = {path.relative_to(REPO / "docs").as_posix() for path in (REPO / "docs").rglob("*.md")}
    about_docs = [w for w in warnings if any(w.startswith(f"Doc file '{name}'") for name in hand_written)]
    return {
        "warnings_generated": [w for w in warnings if w not in about_docs],
        "warnings_hand_written": about_docs,
        "wall": wall,
        "cpu": cpu,
        "ours_cpu": sum(v for k, v in spent.items() if k.startswith("hook_") and k.endswith("_cpu")),
        "load_validate": spent["load_validate"],
        "render": spent["render"],
        "hook_config": spent["hook_config"],
        "hook_files": spent["hook_files"],
        "hook_other": sum(v for k, v in spent.items() if k.startswith("hook_") and not k.endswith("_cpu"))
        - spent["hook_config"] - spent["hook_files"],
        "ours": sum(v for k, v in spent.items() if k.startswith("hook_") and not k.endswith("_cpu")),
        "generated_pages": len(pages),
        "markdown_bytes_per_page": sum(len(page.content.encode()) for page in pages) / len(pages),
        "text_bytes_per_page": sum(text_bytes(page.content) for page in pages) / len(pages),
    }


def run_inprocess(data_dir: Path, site_dir: Path) -> dict[str, float]:
    command = [sys.executable, str(Path(__file__).resolve()), "--_inprocess", str(data_dir), str(site_dir)]
    result = subprocess.run(command, cwd=REPO, env=env_for_build(data_dir), capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"in-process build failed:\n{result.stderr[-4000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    if figures["warnings_generated"]:
        sys.exit("the build of the synthetic data warns (strict mode would stop it):\n  "
                 + "\n  ".join(figures["warnings_generated"][:20]))
    for warning in figures["warnings_hand_written"]:
        print(f"note: a hand-written page warns with synthetic data (not counted as a failure): {warning}")
    return figures


def time_load_validate(data_dir: Path, repeat: int = 3) -> tuple[float, float, float]:
    """Seconds to load and validate `data_dir`, best of `repeat`: (a first load, which reads every
    file; a reload after one provision file was edited, as `mkdocs serve` does with its LoadCache;
    PyYAML's own `yaml.load` of the same files with CSafeLoader, no checks and no validation, timed
    between the first loads as a yardstick for how fast the machine is at the time)."""
    sys.path.insert(0, str(REPO / "hooks"))
    import yaml
    from treatysite import LoadCache, load_dataset

    files = sorted(data_dir.rglob("*.yml"))
    first = plain_yaml = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        load_dataset(data_dir)
        first = min(first, time.perf_counter() - start)
        start = time.perf_counter()
        for path in files:
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        plain_yaml = min(plain_yaml, time.perf_counter() - start)

    cache = LoadCache()
    load_dataset(data_dir, cache=cache)
    edited = sorted((data_dir / "provisions").glob("*.yml"))[0]
    original = edited.read_bytes()
    reload = math.inf
    try:
        for edit in range(repeat):
            edited.write_bytes(original + f"# edit {edit}\n".encode())
            start = time.perf_counter()
            load_dataset(data_dir, cache=cache)
            reload = min(reload, time.perf_counter() - start)
    finally:
        edited.write_bytes(original)
    return first, reload, plain_yaml


# --- the plain Material project ---------------------------------------------------------------------


_LINK_TARGET = re.compile(r"\]\([^)]*\)")


def text_bytes(markdown: str) -> int:
    """Size of a page's Markdown without link targets: the text a reader (and the search index) sees.

    Plain pages are made as large as ours by this measure: our link targets are long relative paths
    with anchors, so equal Markdown bytes would give the plain pages more text.
    """
    return len(_LINK_TARGET.sub("]", markdown).encode())


def plain_page(prose: Prose, title: str, siblings: list[str], target_bytes: float) -> str:
    """A hand-written-looking page of about `target_bytes` text: table, headings, lists, links to siblings."""
    rng = prose.rng

    def link() -> str:
        return f"[{prose.title()}]({rng.choice(siblings)})"

    parts = [
        f"# {title}\n",
        "| | |\n| --- | --- |\n"
        + "".join(f"| {label} | {link()} |\n" for label in ("Part", "Related", "Also see"))
        + f"| Kind | {prose.title()} |\n| Confidence | Confirmed by several sources |\n",
        f"## Summary\n\n{prose.words(80, 150)}\n",
        "## What commentators say\n",
    ]
    size = sum(text_bytes(part) for part in parts)
    sources = ["## Sources\n"] + [f"- {link()}, paragraph {rng.randint(1, 40)}\n" for _ in range(3)]
    size += sum(text_bytes(part) for part in sources)
    stance = None
    while size < target_bytes:
        if stance is None or rng.random() < 0.3:
            stance = rng.choice(["Supportive", "Descriptive", "Sceptical", "Critical"])
            parts.append(f"### {stance}\n")
        entry = f"- **{link()}**, *{stance.lower()}*: {prose.words(25, 55)} ({link()})\n"
        parts.append(entry)
        size += text_bytes(entry)
    return "\n".join(parts + sources)


def make_plain_project(root: Path, pages: int, text_size: float, seed: int) -> tuple[Path, Path]:
    """Docs with `pages` pages (home + sections of 50, each led by its index.md); two mkdocs.yml files."""
    prose = Prose(random.Random(seed))
    docs = root / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Plain Material benchmark\n\nHand-written pages, no hooks.\n")
    others = pages - 1
    sections = []
    for s in range(math.ceil(others / SECTION_SIZE)):
        folder = f"part-{s + 1:03d}"
        count = min(SECTION_SIZE, others - s * SECTION_SIZE)
        names = ["index.md"] + [f"page-{s * SECTION_SIZE + i:05d}.md" for i in range(1, count)]
        (docs / folder).mkdir()
        for name in names:
            title = f"Part {s + 1}" if name == "index.md" else prose.title()
            siblings = [other for other in names if other != name]
            (docs / folder / name).write_text(plain_page(prose, title, siblings or names, text_size))
        sections.append((f"Part {s + 1}", [f"{folder}/{name}" for name in names]))
    head = "site_name: Plain Material benchmark\ntheme:\n  name: material\n  font: false\n"
    tail = "plugins:\n  - search\n" + MARKDOWN_EXTENSIONS
    flat_nav = [{"Home": "index.md"}, {"Pages": [path for _, paths in sections for path in paths]}]
    sectioned_nav = [{"Home": "index.md"}, {"Pages": [{title: paths} for title, paths in sections]}]
    flat = root / "flat.yml"
    flat.write_text(f"{head}{tail}nav: {json.dumps(flat_nav)}\n")  # a JSON value is YAML
    sectioned = root / "sectioned.yml"
    sectioned.write_text(f"{head}{OUR_FEATURES}{tail}nav: {json.dumps(sectioned_nav)}\n")
    return flat, sectioned


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


def verdict(name: str, value: float | None) -> str:
    limit, _, text = TARGETS[name]
    if value is None:
        return f"{name:<28} skipped          target {text}"
    return f"{name:<28} {value:<16.3f} target {text:<32} {'PASS' if value <= limit else 'FAIL'}"


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


def main(argv: list[str] | None = None) -> int:
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
    args = parser.parse_args(argv)
    if args._inprocess:
        print(json.dumps(inprocess_build(*args._inprocess)))
        return 0

    work = args.workdir or Path(tempfile.mkdtemp(prefix="treaty-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"work folder: {work}  (python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f})", flush=True)
    print(f"repository: {git_state()}", flush=True)
    if args.engines:
        return run_engines(work, args)
    ours: dict[int, dict] = {}
    share: dict[int, dict] = {}
    plain: dict[tuple[str, int], dict] = {}
    try:
        data = {}
        small, large = args.sizes
        for n in (large,) if args.load_only else (small, large):
            data[n] = work / f"data-{n}"
            counts = generate(data[n], n, args.seed, force=True)
            print(f"data N={n}: " + ", ".join(f"{count} {kind}" for kind, count in counts.items()), flush=True)

        load_validate, load_validate_rebuild, plain_yaml = time_load_validate(data[large])
        print(f"load+validate N={large}: first load {load_validate:.2f} s, reload after editing one file "
              f"{load_validate_rebuild:.2f} s; PyYAML's yaml.load (CSafeLoader) of the same files, unchecked, "
              f"{plain_yaml:.2f} s: the first load takes {load_validate / plain_yaml:.2f} times as long "
              f"(best of 3 each)", flush=True)
        if args.load_only:
            return 0

        for n in (small, large):
            site = work / f"site-ours-{n}"
            share[n] = run_inprocess(data[n], site)
            shutil.rmtree(site, ignore_errors=True)
            s = share[n]
            print(
                f"in-process N={n}: wall {s['wall']:.1f} s; our code {s['ours']:.2f} s = load+validate "
                f"{s['load_validate']:.2f} + render {s['render']:.2f} + rest of on_config "
                f"{s['hook_config'] - s['load_validate'] - s['render']:.2f} + on_files {s['hook_files']:.2f} + other hook events {s['hook_other']:.2f}; "
                f"share {s['ours'] / s['wall']:.3f} (on CPU time {s['ours_cpu'] / s['cpu']:.3f}); {s['generated_pages']} generated pages of "
                f"{s['markdown_bytes_per_page'] / KB:.1f} KB Markdown ({s['text_bytes_per_page'] / KB:.1f} KB without "
                f"link targets) on average",
                flush=True,
            )
            timing = cli_build(REPO / "mkdocs.yml", site, env_for_build(data[n]))
            ours[n] = report_build("ours", n, timing, measure_site(site))
            shutil.rmtree(site, ignore_errors=True)

            project = work / f"plain-{n}"
            shutil.rmtree(project, ignore_errors=True)
            flat, sectioned = make_plain_project(project, ours[n]["pages"], share[n]["text_bytes_per_page"], args.seed)
            made = [page.read_text() for page in (project / "docs").rglob("*.md")]
            print(f"plain pages N={n}: {len(made)} pages of {sum(len(m.encode()) for m in made) / len(made) / KB:.1f} KB "
                  f"Markdown ({sum(text_bytes(m) for m in made) / len(made) / KB:.1f} KB without link targets)", flush=True)
            for label, config in (("sectioned", sectioned), ("flat", flat)):
                if label == "flat" and n == large and args.skip_flat_2000:
                    print(f"{'plain ' + label:<18} N={n:<5} skipped (--skip-flat-2000)", flush=True)
                    continue
                site = project / f"site-{label}"
                timing = cli_build(config, site, env_for_build())
                plain[(label, n)] = report_build(f"plain {label}", n, timing, measure_site(site))
                shutil.rmtree(site, ignore_errors=True)
    finally:
        if not args.keep and not args.workdir:
            shutil.rmtree(work, ignore_errors=True)

    figures: dict[str, float | None] = {
        "hooks_share": share[large]["ours"] / share[large]["wall"],
        "vs_sectioned": ours[large]["seconds"] / plain[("sectioned", large)]["seconds"],
        "vs_flat": ours[large]["seconds"] / plain[("flat", large)]["seconds"] if ("flat", large) in plain else None,
        "growth_2000_over_500": ours[large]["seconds"] / ours[small]["seconds"],
        "html_kb_per_page": ours[large]["html_bytes_per_page"] / KB,
        "index_kb_per_page": ours[large]["index_bytes_per_page"] / KB,
        "load_validate_s_2000": load_validate,
        "load_validate_rebuild_s_2000": load_validate_rebuild,
    }
    print()
    print(f"load average at the end: {os.getloadavg()[0]:.1f} (wall times are inflated when it exceeds the CPU count)")
    cpu_vs_flat = f"{ours[large]['cpu'] / plain[('flat', large)]['cpu']:.3f}" if ("flat", large) in plain else "skipped"
    print(f"the same ratios on CPU time (less sensitive to other load on the machine): "
          f"hooks_share={share[large]['ours_cpu'] / share[large]['cpu']:.3f} "
          f"vs_sectioned={ours[large]['cpu'] / plain[('sectioned', large)]['cpu']:.3f} vs_flat={cpu_vs_flat} "
          f"growth_{large}_over_{small}={ours[large]['cpu'] / ours[small]['cpu']:.3f}")
    if args.sizes != SIZES:
        print(f"NOTE: sizes {small},{large} instead of {SIZES[0]},{SIZES[1]}: the figures below are not the benchmark's")
    print(f"(hooks_share at N={small}: {share[small]['ours'] / share[small]['wall']:.3f}; growth of plain sectioned "
          f"{large}/{small}: {plain[('sectioned', large)]['seconds'] / plain[('sectioned', small)]['seconds']:.2f}; "
          f"pages ours {large}/{small}: {ours[large]['pages'] / ours[small]['pages']:.2f}; KB = 1024 bytes)")
    for name, value in figures.items():
        print(verdict(name, value))
    print(" ".join(
        f"{name}={'skipped' if value is None else format(value, '.3f' if name not in ('html_kb_per_page', 'index_kb_per_page') else '.2f')}"
        for name, value in figures.items()
    ))
    return 0


if __name__ == "__main__":
    sys.exit(main())
