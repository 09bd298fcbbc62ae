"""How much each kind of page weighs in the site search: the one place these weights live.

Material for MkDocs multiplies the score of every section of a page by the `search: boost:` in the
page's front matter (1 when none is given, as on the hand-written pages in docs/). A record's own page
weighs most, so that a search for a person, project or provision lands on it rather than on the
timeline, the sources or an index that mention it; a domain's overview, which gathers its provisions
and projects, comes between; the list pages weigh least, and still come first where a query matches
one of their own headings (an event's title on the timeline), since a heading counts a thousand times
the body text.
"""

from __future__ import annotations

from .kinds import KINDS, PAGE_KINDS

RECORD = 4.0
OVERVIEW = 2.0
LIST = 0.6

# Keyed by page template (its file name without '.md.j2'): each kind of generated page has one; those of
# the record kinds come from kinds.py.
PAGE_WEIGHT: dict[str, float] = {
    **{kind.page_template.removesuffix(".md.j2"): RECORD for kind in PAGE_KINDS},
    "domain": OVERVIEW,
    **{kind.index_template.removesuffix(".md.j2"): LIST for kind in KINDS},
    "coverage": LIST,
    "compare": LIST,
    "data": LIST,
}


def front_matter(template: str) -> str:
    """The YAML front matter that gives a page rendered from `template` ('person.md.j2') its weight."""
    weight = PAGE_WEIGHT[template.removesuffix(".md.j2")]
    return f"---\nsearch:\n  boost: {weight:g}\n---\n\n"
