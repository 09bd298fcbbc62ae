"""Pinpoint locators: where in a source document a citation's passage is, named one way everywhere.

A source record may declare its `structure` (the two source documents do): sections with their paragraph
counts, body paragraphs, the bullets of a list, footnotes, unnumbered parts. A locator citing such a source
is then one or more passages joined by '; ', each written in one of the fixed forms

    <section> para <n>     paragraph n of a section ('economy para 6')
    para <n>               body paragraph n of a document without headings ('para 5')
    bullet <key>           one item of the bulleted list ('bullet energy')
    footnote <n>           ('footnote 6')
    <part>                 an unnumbered part ('title-page')

in the order parts, sections (paragraphs ascending), paragraphs, bullets, footnotes, each passage once. One
spelling per passage lets a reviewer see when a passage is cited twice, and lets the loader check that one
person's reading of one passage carries one stance wherever it appears (`check_locators`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import DataError
from .model import Structure, build
from .references import citation_sources
from .yaml_source import FieldPath, YamlDocument

SEPARATOR = "; "
_SECTION_PARAGRAPH = re.compile(r"([a-z0-9]+(?:-[a-z0-9]+)*) para ([1-9][0-9]*)")
_NUMBERED = re.compile(r"(para|footnote) ([1-9][0-9]*)")
_BULLET = re.compile(r"bullet ([a-z0-9]+(?:-[a-z0-9]+)*)")


class LocatorProblem(ValueError):
    """Why a locator does not name passages of its source; the message is written for a contributor."""


@dataclass(frozen=True)
class Passage:
    """One passage a locator names: `kind` is 'part', 'section', 'paragraph', 'bullet' or 'footnote';
    `label` is how a reader finds it (the heading, the bullet's label, the part's name)."""

    kind: str
    text: str
    rank: tuple[int, int, int]
    key: str | None = None
    number: int | None = None
    label: str | None = None
    heading: bool = False


@dataclass(frozen=True)
class PassageGroup:
    """Consecutive passages of one kind and section, worded together ('paragraphs 2 and 3')."""

    kind: str
    label: str | None
    heading: bool
    numbers: tuple[int, ...]


def parse_locator(structure: Structure, source_id: str, locator: str) -> tuple[Passage, ...]:
    """The passages `locator` names in the document `structure` describes; LocatorProblem otherwise."""
    passages = tuple(_passage(structure, source_id, text) for text in locator.split(SEPARATOR))
    for earlier, later in zip(passages, passages[1:]):
        if later.rank == earlier.rank:
            raise LocatorProblem(f"names '{later.text}' twice; name each passage once")
        if later.rank < earlier.rank:
            raise LocatorProblem(
                f"lists '{later.text}' after '{earlier.text}'; write the passages in the order "
                "parts, sections (paragraphs ascending), paragraphs, bullets, footnotes"
            )
    return passages


def group(passages: tuple[Passage, ...]) -> list[PassageGroup]:
    groups: list[PassageGroup] = []
    for passage in passages:
        last = groups[-1] if groups else None
        numbered = passage.kind in ("section", "paragraph", "footnote")
        if last and numbered and (last.kind, last.label) == (passage.kind, passage.label):
            groups[-1] = PassageGroup(last.kind, last.label, last.heading, last.numbers + (passage.number,))
        else:
            numbers = (passage.number,) if passage.number is not None else ()
            groups.append(PassageGroup(passage.kind, passage.label, passage.heading, numbers))
    return groups


def forms(structure: Structure) -> str:
    """Every form a locator of this document can take, for messages."""
    found = [f"'{part.key}'" for part in structure.parts]
    if structure.sections:
        sections = ", ".join(f"{section.key} ({section.paragraphs})" for section in structure.sections)
        found.append(f"'<section> para <n>' with a section and its number of paragraphs: {sections}")
    if structure.paragraphs:
        found.append(f"'para <n>' with n from 1 to {structure.paragraphs}")
    if structure.bullets:
        found.append(f"'bullet <key>' with a key of: {', '.join(bullet.key for bullet in structure.bullets)}")
    if structure.footnotes:
        found.append(f"'footnote <n>' with n from 1 to {structure.footnotes}")
    return "; ".join(found) + f"; several passages joined by '{SEPARATOR}'"


def _passage(structure: Structure, source_id: str, text: str) -> Passage:
    for index, part in enumerate(structure.parts):
        if text == part.key:
            return Passage("part", text, (0, index, 0), key=part.key, label=part.name)
    section_paragraph = _SECTION_PARAGRAPH.fullmatch(text)
    if section_paragraph and section_paragraph.group(1) != "para":
        return _section_paragraph(structure, source_id, text, section_paragraph.group(1), int(section_paragraph.group(2)))
    numbered = _NUMBERED.fullmatch(text)
    if numbered:
        kind, number = numbered.group(1), int(numbered.group(2))
        count = structure.paragraphs if kind == "para" else structure.footnotes
        word = "paragraph" if kind == "para" else "footnote"
        if not count:
            raise LocatorProblem(f"'{text}': {source_id} has no numbered {word}s; write one of: {forms(structure)}")
        if number > count:
            raise LocatorProblem(f"'{text}': {source_id} has {word}s 1 to {count}")
        return Passage("paragraph" if kind == "para" else "footnote", text, (2 if kind == "para" else 4, number, 0), number=number)
    bullet = _BULLET.fullmatch(text)
    if bullet:
        for index, item in enumerate(structure.bullets):
            if item.key == bullet.group(1):
                return Passage("bullet", text, (3, index, 0), key=item.key, label=item.label)
        keys = ", ".join(item.key for item in structure.bullets) or "none"
        raise LocatorProblem(f"'{text}': {source_id} has no such bullet; its bullets are: {keys}")
    raise LocatorProblem(f"'{text}' is not a passage of {source_id}; write one of: {forms(structure)}")


def _section_paragraph(structure: Structure, source_id: str, text: str, key: str, number: int) -> Passage:
    for index, section in enumerate(structure.sections):
        if section.key == key:
            if number > section.paragraphs:
                raise LocatorProblem(f"'{text}': section '{key}' of {source_id} has paragraphs 1 to {section.paragraphs}")
            label = section.heading or section.name
            return Passage("section", text, (1, index, number), key=key, number=number, label=label, heading=bool(section.heading))
    raise LocatorProblem(f"'{text}' is not a passage of {source_id}; write one of: {forms(structure)}")


# The loader's check: every locator citing a structured document, and one stance per reading.

def check_locators(records: list[tuple[str, YamlDocument, str]]) -> list[DataError]:
    """Errors for every locator that names no passage of its (structured) source, every citation of such
    a source without a locator, every key a structure declares twice, and every passage one person reads
    with two stances; `records` are (kind, document, shown as) of valid records."""
    structures, errors = _structures(records)
    readings: dict[tuple[str, str, tuple[str, ...]], tuple[str, int, str]] = {}
    for kind, document, shown_as in records:
        for path, citation in _citations(document.data):
            errors.extend(_check_citation(document, shown_as, path, citation, structures))
        if kind == "source" and document.data.get("cited_in") in structures and "locator" in document.data:
            errors.extend(_check_locator(document, shown_as, ("locator",), document.data["cited_in"], document.data["locator"], structures))
        errors.extend(_check_stances(document, shown_as, structures, readings))
    return errors


def _structures(records: list[tuple[str, YamlDocument, str]]) -> tuple[dict[str, Structure], list[DataError]]:
    structures: dict[str, Structure] = {}
    errors: list[DataError] = []
    for kind, document, shown_as in records:
        if kind != "source" or "structure" not in document.data:
            continue
        structure = build(Structure, document.data["structure"])
        structures[document.data["id"]] = structure
        keys = [part.key for part in structure.parts] + [section.key for section in structure.sections]
        for name, listed in (("parts and sections", keys), ("bullets", [bullet.key for bullet in structure.bullets])):
            twice = sorted({key for key in listed if listed.count(key) > 1})
            if twice:
                errors.append(DataError.at(shown_as, document.position(("structure",)), ("structure",),
                                           f"the key '{twice[0]}' is used twice among the {name}; give each its own key"))
    return structures, errors


def _citations(data: dict[str, Any]) -> Iterator[tuple[FieldPath, dict[str, Any]]]:
    """Every citation (a mapping whose 'source' is an id) in a record, with its path."""
    for source_path, _ in citation_sources(data, ()):
        path = source_path[:-1]
        citation: Any = data
        for part in path:
            citation = citation[part]
        yield path, citation


def _check_citation(document: YamlDocument, shown_as: str, path: FieldPath, citation: dict[str, Any],
                    structures: dict[str, Structure]) -> list[DataError]:
    source_id = citation["source"]
    if source_id not in structures:
        return []
    if "locator" not in citation:
        return [DataError.at(shown_as, document.position(path), path + ("locator",),
                             f"missing: a citation of {source_id} names its passage; write one of: {forms(structures[source_id])}")]
    return _check_locator(document, shown_as, path + ("locator",), source_id, citation["locator"], structures)


def _check_locator(document: YamlDocument, shown_as: str, path: FieldPath, source_id: str, locator: str,
                   structures: dict[str, Structure]) -> list[DataError]:
    try:
        parse_locator(structures[source_id], source_id, locator)
    except LocatorProblem as problem:
        return [DataError.at(shown_as, document.position(path), path, str(problem))]
    return []


def _check_stances(document: YamlDocument, shown_as: str, structures: dict[str, Structure],
                   readings: dict[tuple[str, str, str], tuple[str, int, str]]) -> list[DataError]:
    """One person's reading of one passage has one stance wherever it appears, alone or cited with other
    passages: a commentary whose stance differs from another's on a passage they share says something
    the passage cannot support twice. `readings` holds where each (person, document, passage) was first
    seen and with which stance."""
    errors = []
    for index, entry in enumerate(document.data.get("commentary", [])):
        citation = entry["source"]
        source_id, locator = citation["source"], citation.get("locator")
        if source_id not in structures or locator is None:
            continue
        try:
            passages = parse_locator(structures[source_id], source_id, locator)
        except LocatorProblem:
            continue  # reported by the locator check
        line, column = document.position(("commentary", index, "stance"))
        for passage in passages:
            first = readings.setdefault((entry["by"], source_id, passage.text), (shown_as, line, entry["stance"]))
            if first[2] != entry["stance"]:
                errors.append(DataError.at(
                    shown_as, (line, column), ("commentary", index, "stance"),
                    f"'{entry['stance']}' here, but {first[0]}:{first[1]} gives {entry['by']}'s reading of {source_id} "
                    f"'{passage.text}' as '{first[2]}'; one person's reading of one passage has one stance: make them "
                    "agree, or cite for each stance only the passages that support it",
                ))
                break  # one message per commentary: the first passage they disagree on
    return errors
