"""The data model: one frozen dataclass per record kind, built from validated YAML.

Field names are the YAML field names, so the schemas in `schemas/` beside this module document both.
Every record knows the file it came from (`file`, relative to the repository) for "edit this page".
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from dataclasses import dataclass
from typing import Any, Union

from .dates import FuzzyDate, parse_date


@dataclass(frozen=True)
class Citation:
    source: str
    locator: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Version:
    value: str
    sources: tuple[Citation, ...]


@dataclass(frozen=True)
class Fact:
    label: str
    value: str
    confidence: str
    sources: tuple[Citation, ...]
    versions: tuple[Version, ...] = ()


@dataclass(frozen=True)
class Names:
    ru: str | None = None
    fa: str | None = None
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class Commentary:
    by: str
    source: Citation
    stance: str
    summary: str
    quote: str | None = None


@dataclass(frozen=True)
class Signing:
    date: str
    place: str
    by: tuple[str, ...] = ()
    signatories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Obligation:
    type: str
    strength: str
    condition: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class Confidence:
    level: str
    note: str | None = None
    versions: tuple[Version, ...] = ()


@dataclass(frozen=True)
class _Record:
    """What every record kind has: its id, the file it came from, and how readers see it named.

    A kind whose title is not its `title` field says so by overriding the two properties."""

    id: str
    file: str

    @property
    def display_title(self) -> str:
        """The record as readers see it named: its page's heading, the text of a link to it."""
        return self.title

    @property
    def nav_label(self) -> str:
        """Its entry in the navigation, where it sits among others of its kind and can be shorter."""
        return self.display_title


@dataclass(frozen=True)
class Treaty(_Record):
    title: str
    short_title: str
    role: str
    parties: tuple[str, ...]
    signed: Signing
    summary: str
    sources: tuple[Citation, ...]
    names: Names = Names()
    aliases: tuple[str, ...] = ()
    order: int = 0
    articles: int | None = None
    status: str | None = None
    replaces: str | None = None
    facts: tuple[Fact, ...] = ()
    commentary: tuple[Commentary, ...] = ()
    editors_note: str | None = None

    @property
    def display_title(self) -> str:
        return self.short_title


@dataclass(frozen=True)
class Provision(_Record):
    treaty: str
    numbering: str
    title: str
    domains: tuple[str, ...]
    summary: str
    obligation: Obligation
    confidence: Confidence
    sources: tuple[Citation, ...]
    article: int | None = None
    paragraph: int | None = None
    aliases: tuple[str, ...] = ()
    order: int = 0
    commentary: tuple[Commentary, ...] = ()
    projects: tuple[str, ...] = ()
    editors_note: str | None = None

    @property
    def number(self) -> str:
        """'Art. 3(3)', 'Art. 5 (probable)' or 'Unnumbered', as shown to readers."""
        if self.article is None:
            return "Unnumbered"
        label = f"Art. {self.article}" + (f"({self.paragraph})" if self.paragraph else "")
        return label + (" (probable)" if self.numbering == "probable" else "")

    @property
    def heading(self) -> str:
        """'Art. 3(3): No assistance to an aggressor', or the title alone when no number is reported."""
        return f"{self.number}: {self.title}" if self.article is not None else self.title

    @property
    def display_title(self) -> str:
        return self.heading

    @property
    def nav_label(self) -> str:
        """Its number alone ('Art. 3(3)'): the treaty's section of the navigation lists its articles."""
        return self.number if self.article is not None else self.title

    @property
    def sort_key(self) -> tuple[int, int, int, int, str]:
        if self.article is None:
            return (1, 0, 0, self.order, self.title)
        return (0, self.article, self.paragraph or 0, self.order, self.title)


@dataclass(frozen=True)
class Domain(_Record):
    title: str
    order: int
    overview: str
    sources: tuple[Citation, ...]
    aliases: tuple[str, ...] = ()
    commentary: tuple[Commentary, ...] = ()
    editors_note: str | None = None


@dataclass(frozen=True)
class Person(_Record):
    name: str
    kind: str
    affiliation: str
    summary: str
    sources: tuple[Citation, ...]
    names: Names = Names()
    country: str | None = None
    role: str | None = None

    @property
    def display_title(self) -> str:
        return self.name

    @property
    def nav_label(self) -> str:
        """The family name: the navigation lists people alphabetically by it."""
        return self.name.split()[-1]


@dataclass(frozen=True)
class Project(_Record):
    title: str
    domains: tuple[str, ...]
    status: str
    summary: str
    sources: tuple[Citation, ...]
    names: Names = Names()
    aliases: tuple[str, ...] = ()
    in_treaty_text: bool = False
    facts: tuple[Fact, ...] = ()
    commentary: tuple[Commentary, ...] = ()
    editors_note: str | None = None


@dataclass(frozen=True)
class PassageName:
    """An unnumbered part (the title page) or a bullet of a source document, by key."""

    key: str
    name: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Section:
    key: str
    paragraphs: int
    heading: str | None = None
    name: str | None = None


@dataclass(frozen=True)
class Structure:
    """The passages of a source document that a locator can name (see locators.py)."""

    parts: tuple[PassageName, ...] = ()
    sections: tuple[Section, ...] = ()
    paragraphs: int | None = None
    bullets: tuple[PassageName, ...] = ()
    footnotes: int | None = None


@dataclass(frozen=True)
class Source(_Record):
    outlet: str
    kind: str
    title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    date_note: str | None = None
    url: str | None = None
    cited_in: str | None = None
    locator: str | None = None
    note: str | None = None
    structure: Structure | None = None


@dataclass(frozen=True)
class Event(_Record):
    date: str
    title: str
    summary: str
    confidence: str
    sources: tuple[Citation, ...]
    treaty: str | None = None
    provisions: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    people: tuple[str, ...] = ()
    versions: tuple[Version, ...] = ()
    editors_note: str | None = None

    @property
    def when(self) -> FuzzyDate:
        """The date parsed (EDTF): where the timeline places the event and how it words the date."""
        return parse_date(self.date)

    @property
    def year(self) -> str:
        return self.when.year


Record = Union[Treaty, Provision, Domain, Person, Project, Source, Event]


def build(cls: type, data: dict[str, Any], **extra: Any) -> Any:
    """Build a dataclass from validated data, converting nested mappings and lists by type hint."""
    values = dict(data)
    for name, convert in _converters(cls).items():
        if name in values:
            values[name] = convert(values[name])
    return cls(**values, **extra)


@functools.cache
def _converters(cls: type) -> dict[str, typing.Callable[[Any], Any]]:
    """The converter of each field that needs one (nested records, tuples), worked out once per class
    from its type hints: the loader builds thousands of records, and most fields are text to keep as is."""
    converters = {name: _converter(hint) for name, hint in typing.get_type_hints(cls).items()}
    return {name: convert for name, convert in converters.items() if convert is not _unchanged}


def _converter(hint: Any) -> typing.Callable[[Any], Any]:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        options = [option for option in typing.get_args(hint) if option is not type(None)]
        convert_option = _converter(options[0])
        if convert_option is _unchanged:
            return _unchanged
        return lambda value: None if value is None else convert_option(value)
    if origin is tuple:
        convert_item = _converter(typing.get_args(hint)[0])
        return lambda value: tuple(convert_item(item) for item in value)
    if dataclasses.is_dataclass(hint):
        return functools.partial(build, hint)
    return _unchanged


def _unchanged(value: Any) -> Any:
    return value
