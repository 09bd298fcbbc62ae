"""Where the page a reader wants ranks in the site's own search, typed into Material's search box.

Shared by the browser test (tests/browser/test_search_ranking.py) and the benchmark (bench/search.py):
the query set (search_queries.yml beside this module), a runner that types each query as a person does
and reads the ranked result pages, and the scores (hit@1, hit@3, mean reciprocal rank).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import yaml

from .support import BuiltSite, page_address

QUERY_SET = Path(__file__).parent / "search_queries.yml"
KINDS = ("name", "script", "variant", "abbreviation", "pinpoint", "spelling", "topic", "event")
# Results are read once they have not changed for this long after the last key.
_SETTLED_MS = 600
_POLL_MS = 100


@dataclass(frozen=True)
class Query:
    """`text` as a reader types it and the page it must land on (`page`: a Markdown path under docs/,
    as the hook generates it, e.g. 'projects/mir-shetab.md'); `kind` says what sort of query it is."""

    text: str
    page: str
    kind: str


@dataclass(frozen=True)
class Outcome:
    query: Query
    expected: str
    pages: tuple[str, ...]  # the result pages in the order shown, each once

    @property
    def rank(self) -> int | None:
        """1 for the first result; None when the page is not among the results shown."""
        return self.pages.index(self.expected) + 1 if self.expected in self.pages else None


@dataclass(frozen=True)
class Scores:
    hit_at_1: float
    hit_at_3: float
    mrr: float
    count: int


def load_queries(path: Path = QUERY_SET) -> list[Query]:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]
    queries = [Query(text=str(e["query"]), page=e["page"], kind=e["kind"]) for e in entries]
    unknown = sorted({q.kind for q in queries} - set(KINDS))
    if unknown:
        raise ValueError(f"{path}: unknown kind(s) {unknown}; valid: {', '.join(KINDS)}")
    return queries


# Every result link's address, normalised as support.page_address does (no query, no fragment,
# index.html dropped on a served site), and the line above the results.
_RESULTS_JS = """
    () => {
        const address = href => {
            const url = new URL(href);
            url.search = '';
            url.hash = '';
            return url.protocol.startsWith('http') ? url.href.replace(/\\/index\\.html$/, '/') : url.href;
        };
        const meta = document.querySelector('.md-search-result__meta');
        return JSON.stringify([meta ? meta.textContent : '',
                               [...document.querySelectorAll('a.md-search-result__link')].map(a => address(a.href))]);
    }
"""


def ranked_pages(page, text: str) -> tuple[str, ...]:
    """Type `text` into the search box of the open page as a person does and return the result pages
    in the order shown, once the results have settled.

    Typing, not fill(): Material searches on key events. Text in other scripts is inserted without key
    events by Playwright, so a key (End) follows, as a real keyboard layout would send one."""
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function(
        "() => !/Initializing/i.test(document.querySelector('.md-search-result__meta')?.textContent ?? 'Initializing')",
        timeout=15_000,
    )
    box.press_sequentially(text, delay=60)
    box.press("End")
    last, stable_for = None, 0
    while stable_for < _SETTLED_MS:
        page.wait_for_timeout(_POLL_MS)
        now = page.evaluate(_RESULTS_JS)
        stable_for = stable_for + _POLL_MS if now == last else 0
        last = now
    _, addresses = json.loads(last)
    return tuple(dict.fromkeys(page_address(a) for a in addresses))


def run_queries(site: BuiltSite, page, queries: list[Query]) -> list[Outcome]:
    """Each query typed into the search box of the site's home page, which `page` opens once."""
    page.goto(site.url("index.md"))
    return [Outcome(q, site.url(q.page), ranked_pages(page, q.text)) for q in queries]


def scores(outcomes: list[Outcome]) -> Scores:
    n = len(outcomes)
    ranks = [o.rank for o in outcomes]
    return Scores(
        hit_at_1=sum(r == 1 for r in ranks) / n,
        hit_at_3=sum(r is not None and r <= 3 for r in ranks) / n,
        mrr=sum(1 / r for r in ranks if r) / n,
        count=n,
    )


def misses(outcomes: list[Outcome], site: BuiltSite, below: int = 1) -> list[str]:
    """One line per query whose page ranks below `below` (or not at all): the query, where its page
    came, and the pages above it (addresses relative to the site)."""
    lines = []
    for o in outcomes:
        if o.rank is not None and o.rank <= below:
            continue
        where = f"rank {o.rank}" if o.rank else "not shown"
        above = [p.removeprefix(site.base_url) or "/" for p in o.pages[: (o.rank or 4) - 1][:3]]
        lines.append(f"{o.query.text!r} [{o.query.kind}] -> {o.query.page}: {where}; above it: {', '.join(above) or '-'}")
    return lines
