"""The plain Material project the benchmark compares our build with (bench/run.py): hand-written-looking
pages as many and as large as ours, no hooks, in nav sections of 50 or all in one section."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

from synthetic import Prose

SECTION_SIZE = 50
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
