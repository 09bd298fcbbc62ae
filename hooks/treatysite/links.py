"""Backlinks: for every record, the records that point at it, so each page can show both directions."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from .dataset import Dataset
from .model import Citation, Commentary, Event, Project, Provision, Record, Treaty


@dataclass(frozen=True)
class CommentaryUse:
    """A commentary entry together with the record (page) it is written on."""

    kind: str
    record: Record
    commentary: Commentary


class Links:
    """Every reverse relation the pages need, computed once from the dataset."""

    def __init__(self, dataset: Dataset) -> None:
        self.provisions_by_treaty: dict[str, list[Provision]] = defaultdict(list)
        self.provisions_by_domain: dict[str, list[Provision]] = defaultdict(list)
        self.provisions_by_project: dict[str, list[Provision]] = defaultdict(list)
        self.projects_by_domain: dict[str, list[Project]] = defaultdict(list)
        self.treaties_signed_by: dict[str, list[Treaty]] = defaultdict(list)
        self.commentary_by_person: dict[str, list[CommentaryUse]] = defaultdict(list)
        self.events_about: dict[tuple[str, str], list[Event]] = defaultdict(list)
        self.cited_by: dict[str, list[tuple[str, Record]]] = defaultdict(list)

        for provision in dataset.provision.values():
            self.provisions_by_treaty[provision.treaty].append(provision)
            for domain in provision.domains:
                self.provisions_by_domain[domain].append(provision)
            for project in provision.projects:
                self.provisions_by_project[project].append(provision)
        for project in dataset.project.values():
            for domain in project.domains:
                self.projects_by_domain[domain].append(project)
        for treaty in dataset.treaty.values():
            for person in treaty.signed.by:
                self.treaties_signed_by[person].append(treaty)
        for event in dataset.event.values():
            if event.treaty:
                self.events_about[("treaty", event.treaty)].append(event)
            for kind, ids in (("provision", event.provisions), ("project", event.projects), ("person", event.people)):
                for record_id in ids:
                    self.events_about[(kind, record_id)].append(event)
        for kind, record in dataset.records():
            for commentary in getattr(record, "commentary", ()):
                self.commentary_by_person[commentary.by].append(CommentaryUse(kind, record, commentary))
            self._note_citations(kind, record)

    def _note_citations(self, kind: str, record: Record) -> None:
        cited = set(_cited_sources(record))
        if kind == "source" and record.cited_in:
            cited.add(record.cited_in)
        for source_id in sorted(cited):
            self.cited_by[source_id].append((kind, record))

    def events(self, kind: str, record_id: str) -> list[Event]:
        return self.events_about.get((kind, record_id), [])


def _cited_sources(value: object) -> Iterator[str]:
    """Every source id cited anywhere inside a record (citations nest in facts, versions, commentary)."""
    if isinstance(value, Citation):
        yield value.source
    elif isinstance(value, tuple):
        for item in value:
            yield from _cited_sources(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _cited_sources(getattr(value, field.name))
