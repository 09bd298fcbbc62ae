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


def builds(data: Path, project: Path, work: Path) -> list[tuple[str, list[str], Path, Path, dict[str, str]]]:
    """(label, command, folder it runs in, site folder it writes, environment) for every engine there is."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "TREATY_DATA_DIR": str(data)}
    plain = {key: value for key, value in env.items() if key != "TREATY_DATA_DIR"}
    mkdocs, properdocs, zensical = [sys.executable, "-m", "mkdocs"], VENVS["properdocs"] / "bin" / "properdocs", VENVS["zensical"] / "bin" / "zensical"
    found = [("MkDocs + hook", [*mkdocs, "build", "-q", "-f", "mkdocs.yml", "-d", str(work / "site-mkdocs")], REPO, work / "site-mkdocs", env)]
    if properdocs.exists():
        found.append(("ProperDocs + hook", [str(properdocs), "build", "-q", "-f", "mkdocs.yml", "-d", str(work / "site-properdocs")], REPO, work / "site-properdocs", env))
    found.append(("MkDocs, rendered", [*mkdocs, "build", "-q", "-f", "mkdocs.yml", "-d", str(work / "site-rendered")], project, work / "site-rendered", plain))
    if zensical.exists():
        found.append(("Zensical, rendered", [str(zensical), "build", "-f", "mkdocs.yml"], project, project / "site", plain))
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
    for label, command, cwd, site, env in builds(data, project, work):
        shutil.rmtree(site, ignore_errors=True)
        shutil.rmtree(project / ".cache", ignore_errors=True)
        cold = timed(command, cwd, env)
        warm = timed(command, cwd, env)
        pages, kb = html_kb_per_page(site)
        print(f"{label:<34} {cold:7.1f} {warm:7.1f} {pages:6d} {kb:13.1f}", flush=True)
        shutil.rmtree(site, ignore_errors=True)
