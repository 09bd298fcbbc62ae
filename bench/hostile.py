"""Rendering cost of hostile text: does it stay linear in the text's size? (issue 12)

    .venv/bin/python bench/hostile.py

Python-Markdown's inline parser rebuilds a paragraph's text once for every escaped character it meets,
so a paragraph of punctuation costs time that grows with the square of its length (a 120 KB field of
`*_[`<&` took 40 s to build). The loader caps a paragraph at text_rules.MAX_PARAGRAPH_CHARACTERS, so a
long text is many paragraphs and its cost is linear. This script times the person page of the fixture
data (core render + Markdown with the site's extensions) with a summary of N KB of such punctuation, in
paragraphs as long as the loader allows, and beside it plain words of the same size; it prints seconds
and ms per KB for each size. Per-KB figures that stay flat as N doubles mean linear cost.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

import markdown
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "hooks"))

from mkdocs.config import load_config  # noqa: E402

from treatysite import load_dataset, render_site  # noqa: E402
from treatysite.text_rules import MAX_PARAGRAPH_CHARACTERS  # noqa: E402

SIZES_KB = (30, 60, 120, 240)
PUNCTUATION = "*_[`<&"


def summary_of(kb: int, unit: str) -> str:
    """`kb` KB of `unit` repeated, in paragraphs of at most the allowed length."""
    per_paragraph = (MAX_PARAGRAPH_CHARACTERS // len(unit)) * len(unit)
    text = unit * (kb * 1024 // len(unit))
    return "\n\n".join(text[start:start + per_paragraph] for start in range(0, len(text), per_paragraph))


def render_seconds(data: Path, summary: str) -> float:
    person = data / "people" / "samuel-ramani.yml"
    record = yaml.safe_load(person.read_text(encoding="utf-8"))
    record["summary"] = summary
    person.write_text(yaml.safe_dump(record, allow_unicode=True, width=10**9), encoding="utf-8")
    config = load_config(str(REPO / "mkdocs.yml"))
    started = time.perf_counter()
    page = next(p for p in render_site(load_dataset(data, data.parent)).pages if p.path == "people/samuel-ramani.md")
    markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]).convert(page.content)
    return time.perf_counter() - started


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "data"
        shutil.copytree(REPO / "tests" / "fixtures" / "mini-data", data)
        print(f"paragraphs of at most {MAX_PARAGRAPH_CHARACTERS:,} characters")
        print(f"{'KB':>5} {'punctuation s':>14} {'ms/KB':>7} {'words s':>9} {'ms/KB':>7}")
        for kb in SIZES_KB:
            hostile = render_seconds(data, summary_of(kb, PUNCTUATION))
            plain = render_seconds(data, summary_of(kb, "word "))
            print(f"{kb:>5} {hostile:>14.2f} {hostile / kb * 1000:>7.1f} {plain:>9.2f} {plain / kb * 1000:>7.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
