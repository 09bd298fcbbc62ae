"""axe-core on one page of each kind of the published build: no serious or critical violation, with all
of axe's rules in the light scheme and the colour rules again in the dark scheme.

axe-core (MPL-2.0) is vendored under tests/browser/vendor/ and injected into the page by the test; it is
never part of the built site.
"""

from __future__ import annotations

import pytest

from treatysite.layout import index_path, page_path

from .support import AXE_JS, PERSON_ID, PROJECT_ID, PROVISION_ID, BuiltSite, expect

pytestmark = pytest.mark.browser

# Violations inside Material for MkDocs' own templates and styles, not in this site's templates or
# content. Each is one rule on one element; anything else fails. Fixing it would mean overriding (and
# then maintaining a copy of) Material's partials/search.html; remove the entry when Material fixes it.
THEME_ISSUES = {
    ("aria-dialog-name", ".md-search"): "Material's search partial: role=dialog without an accessible name",
}
BLOCKING = ("serious", "critical")


def md_path(kind: str, dataset) -> str:
    provision = dataset.provision[PROVISION_ID]
    return {
        "home": "index.md",
        "provision": page_path("provision", provision),
        "person": page_path("person", dataset.person[PERSON_ID]),
        "project": page_path("project", dataset.project[PROJECT_ID]),
        "domain": page_path("domain", dataset.domain[provision.domains[0]]),
        "treaty": page_path("treaty", dataset.treaty[provision.treaty]),
        "timeline": index_path("event"),
        "sources": index_path("source"),
    }[kind]


# All rules in the light scheme; in the dark scheme again the rules that depend on colours.
_RUN_AXE = """
async rules => {
    const options = {resultTypes: ['violations']};
    if (rules) options.runOnly = rules;
    const results = await axe.run(document, options);
    return results.violations.flatMap(rule => rule.nodes.map(node => ({
        rule: rule.id,
        impact: node.impact || rule.impact,
        help: rule.help,
        target: node.target.flat().join(' '),
        html: node.html,
        summary: node.failureSummary,
    })));
}
"""
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


def blocking(violations: list[dict], scheme: str) -> list[dict]:
    """The serious and critical violations that are not known theme issues."""
    return [
        {**v, "scheme": scheme}
        for v in violations
        if v["impact"] in BLOCKING and (v["rule"], v["target"]) not in THEME_ISSUES
    ]


def report(found: list[dict]) -> str:
    """One paragraph per rule: why axe objects (first element), how many elements, a few of them."""
    lines = []
    for rule in sorted({v["rule"] for v in found}):
        of_rule = [v for v in found if v["rule"] == rule]
        counts = ", ".join(f"{sum(v['scheme'] == s for v in of_rule)} in the {s} scheme" for s in ("light", "dark"))
        lines.append(f"{of_rule[0]['impact']} {rule}: {of_rule[0]['help']} ({counts})")
        lines.append(f"  why: {' '.join(of_rule[0]['summary'].split())}")
        for v in of_rule[:6]:
            lines.append(f"  - {v['scheme']}: {v['target']}  {' '.join(v['html'].split())[:120]}")
        if len(of_rule) > 6:
            lines.append("  - ...")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", ["home", "provision", "person", "project", "domain", "treaty", "timeline", "sources"])
def test_no_serious_accessibility_violations(served: BuiltSite, open_context, dataset, kind: str) -> None:
    page, _ = open_context(served)
    url = served.url(md_path(kind, dataset))
    page.goto(url)
    page.add_script_tag(path=AXE_JS)
    found = blocking(page.evaluate(_RUN_AXE, None), "light")
    page.locator('label[title="Switch to dark mode"]:visible').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    found += blocking(page.evaluate(_RUN_AXE, COLOUR_RULES), "dark")
    if found:
        pytest.fail(f"{kind} page {url}: {len(found)} serious or critical violations\n{report(found)}", pytrace=False)
