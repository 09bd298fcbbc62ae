"""Who publishes the site, under which licences, and how to cite it: one home for these facts.

The files GitHub and readers look for say the same, and tests/test_licence_and_citation.py holds them
together: LICENSE (the code, MIT), LICENSES/CC-BY-4.0.txt (the content and the data export), CITATION.cff,
and `copyright:` in mkdocs.yml (every page's footer).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SITE_NAME = "Russia–Iran Treaty Commentary"
AUTHORS = f"the {SITE_NAME} contributors"


@dataclass(frozen=True)
class Licence:
    spdx: str
    name: str
    url: str


# The commentary, the pages and the data export. Quotations and the source documents stay their authors'.
CONTENT_LICENCE = Licence("CC-BY-4.0", "Creative Commons Attribution 4.0 International", "https://creativecommons.org/licenses/by/4.0/")
# The code: hooks/, tests/, bench/, the configuration and the workflows.
CODE_LICENCE = Licence("MIT", "MIT License", "https://opensource.org/license/mit")


def licence_metadata() -> dict[str, str]:
    return {"spdx": CONTENT_LICENCE.spdx, "name": CONTENT_LICENCE.name, "url": CONTENT_LICENCE.url,
            "note": "quotations and the source documents the records cite remain their authors'"}


def citation_metadata(site_url: str | None) -> dict[str, Any]:
    """How to cite the dataset, as the data export carries it (CITATION.cff has the same title and authors)."""
    address = site_url or ""
    return {
        "title": SITE_NAME,
        "authors": AUTHORS,
        "url": site_url,
        "text": f"{AUTHORS[0].upper()}{AUTHORS[1:]}, {SITE_NAME}{', ' + address if address else ''}, accessed [date].",
        "cff": "CITATION.cff",
    }
