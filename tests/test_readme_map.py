"""The README's map of the repository stays true: it names every module of the core and every top-level path."""

from __future__ import annotations

import fnmatch
import re

from helpers import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
MAP = README[README.index("## How the repository is laid out"):README.index("## Editing data")]
NAMED = set(re.findall(r"`([^`]+)`", MAP))


def test_the_map_names_every_module_of_the_core_with_its_job() -> None:
    modules = sorted(path.name for path in (REPO / "hooks" / "treatysite").glob("*.py"))
    rows = {match.group(1): match.group(2) for match in re.finditer(r"^\| `([^`/]+\.py)` \| (.+) \|$", MAP, re.M)}
    assert [name for name in modules if not rows.get(name, "").strip()] == []
    assert [name for name in rows if name not in modules] == [], "the map names a module that is gone"


def test_the_map_names_every_top_level_file_and_folder() -> None:
    ignored = [line.strip().strip("/") for line in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
               if line.strip() and not line.startswith("#")]
    paths = [path for path in REPO.iterdir()
             if path.name not in (".git", "README.md") and not any(fnmatch.fnmatch(path.name, pattern) for pattern in ignored)]
    missing = [path.name for path in paths if not ({path.name, f"{path.name}/"} & NAMED)
               and not any(name.startswith(f"{path.name}/") for name in NAMED)]
    assert missing == []
