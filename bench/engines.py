"""The three engines beside each other (issue 16): `bench/run.py --engines N` (N provisions; 2000 for the
issue's figure, about 2,660 pages).

On one synthetic data tree it times, each cold (an empty site folder, no cache) and then warm (the same
build again at once; only Zensical keeps a cache between runs, in the project's .cache/):

- MkDocs with our hook (the site's own build) and ProperDocs with our hook, from this repository;
- `python hooks/treatysite render` of the tree, then MkDocs and Zensical building the rendered folder.

ProperDocs and Zensical run from .venv-properdocs and .venv-zensical (requirements-engines/); an engine
whose venv is missing is reported as such and left out. Prints seconds, pages, HTML KB per page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import NamedTuple

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
VENVS = {"properdocs": REPO / ".venv-properdocs", "zensical": REPO / ".venv-zensical"}


def timed(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall seconds of `command`; stops the benchmark if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{(result.stdout + result.stderr)[-4000:]}")
    return seconds


class Build(NamedTuple):
    label: str
    command: list[str]
    cwd: Path  # the folder it runs in
    site: Path  # the site folder it writes
    env: dict[str, str]


def builds(data: Path, project: Path, work: Path) -> list[Build]:
    """Every engine there is: ours through the hook on `data`, the others on the rendered `project`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TREATY_DATA_DIR": str(data)}
    plain = {key: value for key, value in env.items() if key != "TREATY_DATA_DIR"}
    properdocs, zensical = VENVS["properdocs"] / "bin" / "properdocs", VENVS["zensical"] / "bin" / "zensical"

    def build(label: str, engine: list[str], cwd: Path, site: str, env: dict[str, str]) -> Build:
        return Build(label, [*engine, "build", "-q", "-f", "mkdocs.yml", "-d", str(work / site)], cwd, work / site, env)

    found = [build("MkDocs + hook", [sys.executable, "-m", "mkdocs"], REPO, "site-mkdocs", env)]
    if properdocs.exists():
        found.append(build("ProperDocs + hook", [str(properdocs)], REPO, "site-properdocs", env))
    found.append(build("MkDocs, rendered", [sys.executable, "-m", "mkdocs"], project, "site-rendered", plain))
    if zensical.exists():  # Zensical writes into the project's site/ and has no -q
        found.append(Build("Zensical, rendered", [str(zensical), "build", "-f", "mkdocs.yml"], project, project / "site", plain))
    missing = [name for name, venv in VENVS.items() if not venv.exists()]
    if missing:
        print(f"not timed (no venv): {', '.join(missing)}; see requirements-engines/", flush=True)
    return found


def html_kb_per_page(site: Path) -> tuple[int, float]:
    pages = [path for path in site.rglob("*.html") if path.name != "404.html"]
    return len(pages), sum(path.stat().st_size for path in pages) / len(pages) / 1024


def compare(data: Path, work: Path) -> None:
    project = work / "rendered"
    shutil.rmtree(project, ignore_errors=True)
    render = [sys.executable, "hooks/treatysite", "render", str(project), "--data", str(data)]
    print(f"{'render (hooks/treatysite render)':<34} {timed(render, REPO, dict(os.environ)):7.1f} s", flush=True)
    print(f"{'build':<34} {'cold s':>7} {'warm s':>7} {'pages':>6} {'HTML KB/page':>13}", flush=True)
    for build in builds(data, project, work):
        shutil.rmtree(build.site, ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = timed(build.command, build.cwd, build.env)
        warm = timed(build.command, build.cwd, build.env)
        pages, kb = html_kb_per_page(build.site)
        print(f"{build.label:<34} {cold:7.1f} {warm:7.1f} {pages:6d} {kb:13.1f}", flush=True)
        shutil.rmtree(build.site, ignore_errors=True)
