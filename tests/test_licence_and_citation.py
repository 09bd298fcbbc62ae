"""The licences and the citation: the files GitHub reads, every page's footer and the data export agree with
hooks/treatysite/publication.py; CITATION.cff is valid Citation File Format 1.2.0 (schema vendored by
check-jsonschema, so no network)."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import yaml
from helpers import REPO

from treatysite import Publishing, load_dataset, render_site
from treatysite.publication import AUTHORS, CODE_LICENCE, CONTENT_LICENCE, SITE_NAME

_CFF_SCHEMA = "vendor.citation-file-format"


def _check_cff(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", _CFF_SCHEMA, str(path)],
                          capture_output=True, text=True, timeout=120)


def test_citation_cff_is_valid_citation_file_format_1_2_0(tmp_path: Path) -> None:
    vendored = json.loads(resources.files("check_jsonschema.builtin_schemas.vendor")
                          .joinpath("citation-file-format.json").read_text(encoding="utf-8"))
    assert vendored["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"
    result = _check_cff(REPO / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr
    # The same check refuses a file without authors: it can fail.
    broken = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    del broken["authors"]
    (tmp_path / "CITATION.cff").write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    result = _check_cff(tmp_path / "CITATION.cff")
    assert result.returncode == 1 and "'authors' is a required property" in result.stdout


def test_citation_cff_names_the_site_its_authors_and_the_content_licence() -> None:
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert (cff["title"], cff["authors"], cff["license"]) == (SITE_NAME, [{"name": AUTHORS}], CONTENT_LICENCE.spdx)


def test_the_licence_files_hold_the_legal_texts() -> None:
    code = (REPO / "LICENSE").read_text(encoding="utf-8")
    assert code.startswith(f"{CODE_LICENCE.name}\n\nCopyright (c) 2026 {AUTHORS}\n\nPermission is hereby granted, free of charge,")
    assert code.rstrip().endswith("OTHER DEALINGS IN THE SOFTWARE.")
    content = (REPO / "LICENSES" / f"{CONTENT_LICENCE.spdx}.txt").read_text(encoding="utf-8")
    assert content.startswith("Attribution 4.0 International\n")
    sections = ["Definitions", "Scope", "License Conditions", "Sui Generis Database Rights",
                "Disclaimer of Warranties and Limitation of Liability", "Term and Termination",
                "Other Terms and Conditions", "Interpretation"]
    positions = [content.index(f"Section {number} -- {title}.") for number, title in enumerate(sections, 1)]
    assert positions == sorted(positions)


def test_every_page_footer_names_the_licences(built_site: Path) -> None:
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    link = f'<a href="{CONTENT_LICENCE.url}" rel="license">CC BY 4.0</a>'
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<div class="md-copyright__highlight">'):]
        assert link in footer and "Code under the MIT License." in footer, page


def test_the_data_export_carries_its_licence_and_citation(mini_data: Path) -> None:
    site = render_site(load_dataset(mini_data, mini_data.parent), Publishing(site_url="https://fork.example.org/treaty/"))
    exported = json.loads(next(file.content for file in site.files if file.path.endswith(".json")))
    assert exported["license"]["spdx"] == "CC-BY-4.0" and exported["license"]["url"] == CONTENT_LICENCE.url
    assert exported["citation"] == {
        "title": SITE_NAME, "authors": AUTHORS, "url": "https://fork.example.org/treaty/", "cff": "CITATION.cff",
        "text": "The Russia–Iran Treaty Commentary contributors, Russia–Iran Treaty Commentary,"
                " https://fork.example.org/treaty/, accessed [date].",
    }
    data_page = next(page.content for page in site.pages if page.path == "data/index.md")
    assert f"[{CONTENT_LICENCE.name}]({CONTENT_LICENCE.url})" in data_page
