"""The validated dataset: every record of every kind, looked up by kind and id."""

from __future__ import annotations

from dataclasses import dataclass, field

from .kinds import KIND_NAMES
from .model import Domain, Event, Person, Project, Provision, Record, Source, Treaty


@dataclass
class Dataset:
    """All records, each kind a dict from id to record in a stable, reader-friendly order.

    One attribute per kind of `kinds.KINDS`, in its order (tests/test_kinds.py holds them together),
    so that templates and code write `ds.provision` and type checkers know what it holds."""

    treaty: dict[str, Treaty] = field(default_factory=dict)
    provision: dict[str, Provision] = field(default_factory=dict)
    domain: dict[str, Domain] = field(default_factory=dict)
    person: dict[str, Person] = field(default_factory=dict)
    project: dict[str, Project] = field(default_factory=dict)
    source: dict[str, Source] = field(default_factory=dict)
    event: dict[str, Event] = field(default_factory=dict)

    def of_kind(self, kind: str) -> dict[str, Record]:
        return getattr(self, kind)

    def records(self) -> list[tuple[str, Record]]:
        return [(kind, record) for kind in KIND_NAMES for record in self.of_kind(kind).values()]

    def sort(self) -> None:
        """Put every kind in the order readers expect (treaties first, articles by number, events by date)."""
        self.treaty = _sorted(self.treaty, lambda t: (t.role != "primary", t.order, t.signed.date))
        self.provision = _sorted(
            self.provision, lambda p: (self.treaty_order(p.treaty), p.sort_key)
        )
        self.domain = _sorted(self.domain, lambda d: (d.order, d.title))
        self.person = _sorted(self.person, lambda p: (p.name.split()[-1].lower(), p.name.lower()))
        self.project = _sorted(self.project, lambda p: p.title.lower())
        self.source = _sorted(self.source, lambda s: (s.kind != "source-document", s.outlet.lower(), s.date or "", s.id))
        self.event = _sorted(self.event, lambda e: (e.when.earliest, e.when.interval, e.title))

    def treaty_order(self, treaty_id: str) -> int:
        return list(self.treaty).index(treaty_id) if treaty_id in self.treaty else len(self.treaty)


def _sorted(records: dict, key) -> dict:
    return {record.id: record for record in sorted(records.values(), key=lambda r: (key(r), r.id))}
