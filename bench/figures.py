"""The benchmark's figures (bench/run.py): what one run measured, and the targets it is held to.

Each figure has one home here: a dataclass field for what was measured, a property for what is worked
out from it, and in TARGETS the comparison that says whether its goal is met.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import wraps

KB = 1024
COMPARISONS: dict[str, Callable[[float, float], bool]] = {"<=": operator.le, "<": operator.lt, ">=": operator.ge}


@dataclass(frozen=True)
class Target:
    """A figure's goal: `compare` (a key of COMPARISONS) against `limit`, as written (e.g. "0.10")."""

    compare: str
    limit: str
    unit: str = ""
    issue_says: str | None = None  # the issue's own words, where they give no number
    decimals: int = 3  # in the last line

    @property
    def text(self) -> str:
        bound = f"{self.compare} {self.limit}{self.unit}"
        return f"{self.issue_says} (taken as {bound})" if self.issue_says else bound

    def met(self, value: float) -> bool:
        return COMPARISONS[self.compare](value, float(self.limit))


TARGETS = {
    "hooks_share": Target("<=", "0.10"),
    "vs_sectioned": Target("<=", "1.15"),
    "vs_flat": Target("<=", "0.5", issue_says="well under 1"),
    "growth_2000_over_500": Target("<=", "4.4"),
    "html_kb_per_page": Target("<=", "60", " KB/page", decimals=2),
    "index_kb_per_page": Target("<=", "4", " KB/page", decimals=2),
    "load_validate_s_2000": Target("<=", "1", " s"),
    # Not one of the issue's targets: how much the serve cache saves, held to the same limit.
    "load_validate_rebuild_s_2000": Target("<=", "1", " s"),
}


@dataclass
class Clock:
    """Wall and CPU seconds spent, added up over every time it ran."""

    wall: float = 0.0
    cpu: float = 0.0

    @contextmanager
    def running(self) -> Iterator[None]:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall += time.perf_counter() - start
            self.cpu += time.process_time() - cpu

    def timing(self, function: Callable) -> Callable:
        """`function`, with the time spent in it counted on this clock."""
        @wraps(function)
        def timed(*args, **kwargs):
            with self.running():
                return function(*args, **kwargs)

        return timed


@dataclass
class BuildFigures:
    """One CLI build and the site it wrote."""

    seconds: float
    cpu: float
    pages: int
    html_bytes: int
    index_bytes: int

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages

    @property
    def html_bytes_per_page(self) -> float:
        return self.html_bytes / self.pages

    @property
    def index_bytes_per_page(self) -> float:
        return self.index_bytes / self.pages


@dataclass
class HookFigures:
    """The in-process build (`--_inprocess`): its wall and CPU time, the time in each of our hook's events
    (MkDocs' event names: config, files, env...), and MkDocs' warnings, split by where they point."""

    build: Clock
    events: dict[str, Clock]
    warnings_generated: list[str] = field(default_factory=list)
    warnings_hand_written: list[str] = field(default_factory=list)

    @classmethod
    def from_json(cls, data: dict) -> HookFigures:
        events = {name: Clock(**clock) for name, clock in data.pop("events").items()}
        return cls(build=Clock(**data.pop("build")), events=events, **data)

    def event(self, name: str) -> float:
        return self.events[name].wall if name in self.events else 0.0

    @property
    def ours(self) -> Clock:
        return Clock(sum(c.wall for c in self.events.values()), sum(c.cpu for c in self.events.values()))

    @property
    def other_events(self) -> float:
        return self.ours.wall - self.event("config") - self.event("files")

    @property
    def share(self) -> float:
        return self.ours.wall / self.build.wall

    @property
    def share_cpu(self) -> float:
        return self.ours.cpu / self.build.cpu


@dataclass
class CoreFigures:
    """The core's own work, timed apart (`--_core`): load + validate, render, and the pages it made."""

    load_validate: float
    render: float
    generated_pages: int
    markdown_bytes_per_page: float
    text_bytes_per_page: float


@dataclass
class LoadFigures:
    """Best-of-three seconds: a first load, a reload through the serve cache, PyYAML alone (a yardstick)."""

    first: float
    reload: float
    plain_yaml: float


@dataclass
class Results:
    """Everything one benchmark run measured, by size (and for the plain projects, by layout)."""

    small: int
    large: int
    load: LoadFigures
    hook: dict[int, HookFigures] = field(default_factory=dict)
    core: dict[int, CoreFigures] = field(default_factory=dict)
    ours: dict[int, BuildFigures] = field(default_factory=dict)
    plain: dict[tuple[str, int], BuildFigures] = field(default_factory=dict)

    def figures(self) -> dict[str, float | None]:
        """The figures the targets are set for, at the large size."""
        ours, large = self.ours[self.large], self.large
        flat = self.plain.get(("flat", large))
        return {
            "hooks_share": self.hook[large].share,
            "vs_sectioned": ours.seconds / self.plain[("sectioned", large)].seconds,
            "vs_flat": ours.seconds / flat.seconds if flat else None,
            "growth_2000_over_500": ours.seconds / self.ours[self.small].seconds,
            "html_kb_per_page": ours.html_bytes_per_page / KB,
            "index_kb_per_page": ours.index_bytes_per_page / KB,
            "load_validate_s_2000": self.load.first,
            "load_validate_rebuild_s_2000": self.load.reload,
        }


def verdict(name: str, value: float | None) -> str:
    target = TARGETS[name]
    if value is None:
        return f"{name:<28} skipped          target {target.text}"
    return f"{name:<28} {value:<16.3f} target {target.text:<32} {'PASS' if target.met(value) else 'FAIL'}"


def last_line(figures: dict[str, float | None]) -> str:
    return " ".join(
        f"{name}={'skipped' if value is None else format(value, f'.{TARGETS[name].decimals}f')}"
        for name, value in figures.items()
    )
