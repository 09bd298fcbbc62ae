"""Helpers shared by the test modules (fixtures live in conftest.py): where things are (and the core package
on the path), the real `mkdocs build`, the broken fixtures laid over a data folder, and the random records
thrown at the reader."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parent.parent
# The core is plain Python under hooks/: every test imports it as `treatysite`.
sys.path.insert(0, str(REPO / "hooks"))
FIXTURES = REPO / "tests" / "fixtures"
MINI_DATA = FIXTURES / "mini-data"
BROKEN = FIXTURES / "broken"
CASES = sorted(path.name for path in BROKEN.iterdir() if path.is_dir())


def mkdocs_command(site_dir: Path, config_file: str = "mkdocs.yml") -> list[str]:
    """The strict build a contributor runs, as a command line for subprocess."""
    return [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", config_file, "--site-dir", str(site_dir)]


def mkdocs_build(
    site_dir: Path, *, data_dir: Path | None = None, env_vars: dict[str, str] | None = None, project: Path = REPO,
) -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` on this repository (or on a copy of it, `project`), as a
    contributor would (`env_vars`: more environment, such as the SITE_URL and EDIT_URI that mkdocs.yml reads)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env_vars or {})}
    if data_dir is not None:
        env["TREATY_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        mkdocs_command(site_dir), cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def bench_module(name: str) -> ModuleType:
    """A script of bench/ (not a package) imported as a module, once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, REPO / "bench" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # before it runs, as importlib's recipe has it: its dataclasses look it up
        spec.loader.exec_module(module)
    return sys.modules[name]


def lay_over(case: str, data: Path) -> None:
    """Copy the broken case's files over the data folder; symbolic links are copied as links."""
    for path in (BROKEN / case).rglob("*"):
        if path.name == "expected.txt" or (path.is_dir() and not path.is_symlink()):
            continue
        target = data / path.relative_to(BROKEN / case)
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.is_symlink():
            target.unlink(missing_ok=True)
            target.symlink_to(path.readlink())
        else:
            shutil.copyfile(path, target)


def expected_messages(case: str) -> list[str]:
    """The error lines the broken case's expected.txt holds, in order."""
    return (BROKEN / case / "expected.txt").read_text(encoding="utf-8").splitlines()


# --- random data for the property tests ----------------------------------------------------------

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.sampled_from(["2025-02-30", "2025-01-17", "ramani-2025", "no", "~", "!!python/none", "*a", "&a x"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=20,
)
field_names = st.sampled_from(["id", "name", "kind", "affiliation", "summary", "sources", "names", "role", "x"])
records = st.dictionaries(field_names, values, max_size=8)

property_settings = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
