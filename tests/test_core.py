"""The core renders without MkDocs, and its output for a fixed dataset matches the golden files.

Set UPDATE_GOLDEN=1 to rewrite tests/golden/ after an intended change to a template; review the diff.
"""

from __future__ import annotations

import os
import subprocess
import sys

from helpers import MINI_DATA, REPO

from treatysite import load_dataset, render_site

GOLDEN = REPO / "tests" / "golden"


def test_core_runs_without_importing_mkdocs() -> None:
    script = (
        "import sys; sys.path.insert(0, 'hooks');"
        "from pathlib import Path; from treatysite import load_dataset, render_site;"
        "import treatysite.project, treatysite.engine_input;"  # the render command, for engines without our hook
        f"site = render_site(load_dataset(Path({str(MINI_DATA)!r})));"
        "assert site.pages;"
        "assert not [m for m in sys.modules if m.split('.')[0] == 'mkdocs'], 'core imported mkdocs'"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_rendered_pages_match_golden_files() -> None:
    site = render_site(load_dataset(MINI_DATA, MINI_DATA.parent))
    rendered = {page.path: page.content for page in site.pages}
    if os.environ.get("UPDATE_GOLDEN"):
        for path, content in rendered.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
    golden = {path.relative_to(GOLDEN).as_posix(): path.read_text(encoding="utf-8") for path in GOLDEN.rglob("*.md")}
    assert sorted(golden) == sorted(rendered)
    for path, content in rendered.items():
        assert content == golden[path], f"{path} differs from tests/golden/{path}; run with UPDATE_GOLDEN=1 if intended"


def test_data_file_of_each_page_is_its_yaml() -> None:
    site = render_site(load_dataset(MINI_DATA, MINI_DATA.parent))
    by_path = {page.path: page for page in site.pages}
    assert by_path["people/samuel-ramani.md"].data_file == "mini-data/people/samuel-ramani.yml"
    assert by_path["people/index.md"].data_file is None
