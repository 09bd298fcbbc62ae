"""The record kinds, in one table that every other module reads.

A kind names everything that follows from it: the folder its YAML files live in (also its key in the
JSON export and its CSV table's name), its JSON Schema, its model class, the templates of its pages,
where its list page lives and the title of its section in the navigation. A new kind is one more line
in `KINDS`, with its schema, model class and templates, and an attribute of `Dataset` (which keeps one
typed attribute per kind; tests/test_kinds.py holds the two together). What is particular to one kind
stays with the rule it belongs to: its sort order in dataset.py, its reference fields in references.py.

The order of `KINDS` is the order readers and files see them in: the `check` command's counts, the
export's sections, the data page's table of schemas.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Domain, Event, Person, Project, Provision, Record, Source, Treaty
from .schemas import SCHEMA_FILE


@dataclass(frozen=True)
class Kind:
    """One kind of record, e.g. Kind('person', 'people', Person, 'People', ...)."""

    name: str
    folder: str  # under data/; also the docs folder of its pages and the export's name for the kind
    model: type
    nav_title: str  # the title of its section in the navigation
    # The template of each record's own page; None when the records are entries on the list page
    # (sources, events), where each record's id is an anchor.
    page_template: str | None
    index_template: str
    index_path: str
    # A field naming another record whose folder the pages go into (provisions: one folder per treaty,
    # so that the navigation has one section per treaty rather than one flat list).
    grouped_by: str | None = None

    @property
    def schema_file(self) -> str:
        return SCHEMA_FILE.format(kind=self.name)

    @property
    def has_pages(self) -> bool:
        return self.page_template is not None

    def page_path(self, record: Record) -> str:
        """Where the page of one record lives, relative to the docs folder."""
        if self.page_template is None:  # not `has_pages`: this runs for every link on every page
            return self.index_path
        if self.grouped_by:
            return f"{self.folder}/{getattr(record, self.grouped_by)}/{record.id}.md"
        return f"{self.folder}/{record.id}.md"


def _listed(name: str, folder: str, model: type, nav_title: str, grouped_by: str | None = None) -> Kind:
    """A kind with a page per record and a list page, each from the template named after the kind."""
    return Kind(name, folder, model, nav_title, f"{name}.md.j2", f"{name}-index.md.j2", f"{folder}/index.md", grouped_by)


KINDS: tuple[Kind, ...] = (
    _listed("treaty", "treaties", Treaty, "Treaties"),
    _listed("provision", "provisions", Provision, "Provisions", grouped_by="treaty"),
    _listed("domain", "domains", Domain, "Domains"),
    _listed("person", "people", Person, "People"),
    _listed("project", "projects", Project, "Projects"),
    Kind("source", "sources", Source, "Sources", None, "sources.md.j2", "sources/index.md"),
    Kind("event", "events", Event, "Timeline", None, "timeline.md.j2", "timeline/index.md"),
)

KIND: dict[str, Kind] = {kind.name: kind for kind in KINDS}
KIND_NAMES: tuple[str, ...] = tuple(KIND)
# The kinds whose records have pages of their own.
PAGE_KINDS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.has_pages)
# kind -> folder under data/
FOLDERS: dict[str, str] = {kind.name: kind.folder for kind in KINDS}
