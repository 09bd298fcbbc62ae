"""Search benchmark (issue 14): does the page a reader wants come first in the site's own search?

    .venv/bin/python bench/search.py [--queries FILE] [--flavour published|offline]

Builds the published site (mkdocs.yml) and the offline copy (mkdocs-offline.yml) into a temp folder,
serves the first over HTTP on 127.0.0.1 and opens the second from file://, and in Debian's Chromium
types every query of the set (tests/browser/search_queries.yml unless --queries names another file of
the same form) into Material's search box as a person does. For each flavour it prints hit@1 (the
page came first), hit@3 (among the first three), the mean reciprocal rank, the figures per kind of
query, and every query whose page did not come first, with the pages above it. The last line holds all
figures as `name=value`. Takes about two minutes per flavour for 80 queries.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "hooks")]

from browser.search_ranking import QUERY_SET, Outcome, load_queries, misses, run_queries, scores  # noqa: E402
from browser.support import CHROMIUM, CHROMIUM_ARGS, BuiltSite, serving  # noqa: E402

FLAVOURS = {"published": "mkdocs.yml", "offline": "mkdocs-offline.yml"}


def build(config: str, site_dir: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", config, "-d", str(site_dir)],
        cwd=REPO, env=env, check=True,
    )


def measure(browser, site: BuiltSite, queries) -> list[Outcome]:
    context = browser.new_context(color_scheme="light")
    context.set_default_timeout(15_000)
    try:
        return run_queries(site, context.new_page(), queries)
    finally:
        context.close()


def report(flavour: str, site: BuiltSite, outcomes: list[Outcome]) -> dict[str, float]:
    total = scores(outcomes)
    print(f"\n{flavour}: {total.count} queries  hit@1={total.hit_at_1:.3f}  hit@3={total.hit_at_3:.3f}  MRR={total.mrr:.3f}")
    by_kind: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_kind[outcome.query.kind].append(outcome)
    for kind, group in by_kind.items():
        s = scores(group)
        print(f"  {kind:<13} {s.count:>3}  hit@1={s.hit_at_1:.3f}  hit@3={s.hit_at_3:.3f}  MRR={s.mrr:.3f}")
    lines = misses(outcomes, site)
    print(f"  not first ({len(lines)}):" if lines else "  every query landed first")
    for line in lines:
        print("    " + line)
    return {f"{flavour}_hit1": total.hit_at_1, f"{flavour}_hit3": total.hit_at_3, f"{flavour}_mrr": total.mrr}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--queries", type=Path, default=QUERY_SET, help="a query set (default: %(default)s)")
    parser.add_argument("--flavour", choices=FLAVOURS, action="append", help="measure only this build (repeatable)")
    args = parser.parse_args()
    queries = load_queries(args.queries)
    flavours = args.flavour or list(FLAVOURS)

    from playwright.sync_api import sync_playwright

    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="search-bench-") as tmp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for flavour in flavours:
            site_dir = Path(tmp) / flavour
            build(FLAVOURS[flavour], site_dir)
            if flavour == "published":
                with serving(site_dir) as site:
                    figures |= report(flavour, site, measure(browser, site, queries))
            else:
                site = BuiltSite(site_dir, site_dir.as_uri() + "/", directory_urls=False)
                figures |= report(flavour, site, measure(browser, site, queries))
        browser.close()
    print("\n" + " ".join(f"{name}={value:.3f}" for name, value in figures.items()))


if __name__ == "__main__":
    main()
