"""Generate a valid synthetic data tree of any size, for benchmarks (issue 6).

    python bench/synthetic.py --provisions 2000 --out /tmp/treaty-2000 [--seed 1] [--force]

The tree has the layout of `data/` (treaties/, provisions/, domains/, people/, projects/, sources/,
events/, one `<id>.yml` per record) and passes `python hooks/treatysite check DIR`. Everything is
generated from word lists with one seeded `random.Random`, so the same arguments give the same
files byte for byte.

Proportions follow the real data scaled up: one treaty per ~50 provisions, and per 50 provisions
~10 people, ~5 projects, ~20 sources and ~15 events; 9 domains overall; 1-3 commentary entries on
~85 % of provisions. Provision summaries are 80-150 words. The primary treaty has the id
`ru-ir-2025`, and every record the hand-written pages in docs/ link to (e.g.
`provisions/ru-ir-2025/art-03-3-no-aid-to-aggressor.md`, `sources/index.md#some-id`) is generated
under that id, because the build is strict and would stop on a broken link.

The generator refuses to write into the repository's real `data/` folder, and only replaces an
existing folder when given --force and the folder was made by this script (it holds `.synthetic`;
the loader skips dot-files).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import yaml

REPO = Path(__file__).resolve().parent.parent
SCHEMAS = REPO / "hooks" / "treatysite" / "schemas"
MARKER = ".synthetic"
PRIMARY_TREATY = "ru-ir-2025"  # the id docs/ links to

sys.path.insert(0, str(REPO / "hooks"))
from treatysite.kinds import FOLDERS  # noqa: E402  (kind -> folder, as the loader reads them)
from treatysite.layout import page_path  # noqa: E402  (where each record's page is, as docs/ links to it)

# Ratios per 50 provisions (one treaty).
PER_TREATY = 50
PEOPLE_PER_PROVISION = 10 / 50
PROJECTS_PER_PROVISION = 5 / 50
SOURCES_PER_PROVISION = 20 / 50
EVENTS_PER_PROVISION = 15 / 50

# Value lists come from the schemas (hooks/treatysite/schemas/*.schema.json), so the data follows them
# as they change; the weights below are ours (how often each value appears), named by value.
def schema_enum(schema: str, pointer: str) -> list[str]:
    """The `enum` at `pointer` (a JSON Pointer without its leading '/') in `<schema>.schema.json`."""
    node = json.loads((SCHEMAS / f"{schema}.schema.json").read_text(encoding="utf-8"))
    for key in pointer.split("/"):
        node = node[key]
    return node["enum"]


def weighted(values: list[str], weights: dict[str, int]) -> tuple[list[str], list[int]]:
    """`values` that have a weight, in the schema's order, with their weights; a weight for a value the
    schema no longer has stops the generator (its data would not validate)."""
    unknown = set(weights) - set(values)
    if unknown:
        raise SystemExit(f"bench/synthetic.py weighs values the schema does not allow: {sorted(unknown)}")
    kept = [value for value in values if value in weights]
    return kept, [weights[value] for value in kept]


OBLIGATION_TYPES = schema_enum("provision", "properties/obligation/properties/type")
STRENGTHS = schema_enum("provision", "properties/obligation/properties/strength")
STANCES = schema_enum("common", "$defs/stance")
PROJECT_STATUSES = schema_enum("project", "properties/status")
CONFIDENCE = weighted(schema_enum("common", "$defs/confidence"), {"confirmed": 6, "single-source": 3, "disputed": 1})
# The first source of a treaty is its source document; the rest are drawn from these.
SOURCE_KINDS = weighted(schema_enum("source", "properties/kind"), {"news": 10, "analysis": 6, "official": 2, "reference": 1})
# The first two people of a treaty are officials (they sign it); the rest are drawn from these.
PERSON_KINDS = weighted(schema_enum("person", "properties/kind"), {"expert": 12, "official": 4, "editor": 1, "outlet": 2})

# --- word lists -------------------------------------------------------------------------------

COUNTRIES = [
    "Russian Federation", "Islamic Republic of Iran", "People's Republic of China", "Republic of Belarus",
    "Republic of Kazakhstan", "Republic of Armenia", "Azerbaijan Republic", "Republic of Turkey",
    "Democratic People's Republic of Korea", "Republic of India", "Syrian Arab Republic", "Republic of Iraq",
    "Republic of Tajikistan", "Turkmenistan", "Republic of Uzbekistan", "Sultanate of Oman",
]
SHORT_COUNTRY = {
    "Russian Federation": ("Russia", "ru"), "Islamic Republic of Iran": ("Iran", "ir"),
    "People's Republic of China": ("China", "cn"), "Republic of Belarus": ("Belarus", "by"),
    "Republic of Kazakhstan": ("Kazakhstan", "kz"), "Republic of Armenia": ("Armenia", "am"),
    "Azerbaijan Republic": ("Azerbaijan", "az"), "Republic of Turkey": ("Turkey", "tr"),
    "Democratic People's Republic of Korea": ("North Korea", "kp"), "Republic of India": ("India", "in"),
    "Syrian Arab Republic": ("Syria", "sy"), "Republic of Iraq": ("Iraq", "iq"),
    "Republic of Tajikistan": ("Tajikistan", "tj"), "Turkmenistan": ("Turkmenistan", "tm"),
    "Republic of Uzbekistan": ("Uzbekistan", "uz"), "Sultanate of Oman": ("Oman", "om"),
}
CITIES = ["Moscow", "Tehran", "Beijing", "Minsk", "Astana", "Yerevan", "Baku", "Ankara", "Pyongyang", "New Delhi",
          "Damascus", "Baghdad", "Dushanbe", "Ashgabat", "Tashkent", "Muscat", "Kazan", "Sochi", "Isfahan"]
TREATY_KINDS = [
    "Treaty on Comprehensive Strategic Partnership", "Treaty on Friendship and Cooperation",
    "Agreement on Military-Technical Cooperation", "Treaty on the Basis for Mutual Relations",
    "Comprehensive Cooperation Programme", "Agreement on Trade and Economic Cooperation",
    "Treaty on Good-Neighbourliness", "Memorandum on Energy Cooperation",
]
DOMAINS = [
    ("defence-security", "Defence and security"),
    ("intelligence-services", "Intelligence and security services"),
    ("energy-nuclear", "Energy and nuclear power"),
    ("trade-finance-sanctions", "Trade, payments and sanctions"),
    ("transport-corridors", "Transport and corridors"),
    ("science-culture-media", "Science, culture and media"),
    ("law-enforcement-migration", "Terrorism, crime and migration"),
    ("regional-multilateral", "Regional and multilateral coordination"),
    ("principles-international-order", "Principles and international order"),
]
FIRST_NAMES = [
    "Ali", "Anna", "Arash", "Boris", "Dmitri", "Elena", "Farhad", "Fatemeh", "Grigory", "Hamid", "Irina",
    "Javad", "Kamran", "Kirill", "Leila", "Maria", "Maryam", "Mehdi", "Mikhail", "Nadia", "Nikita", "Olga",
    "Parisa", "Pavel", "Reza", "Roman", "Sara", "Sergei", "Shirin", "Tatiana", "Vahid", "Viktor", "Yulia",
    "Zahra", "Hannah", "James", "Laura", "Thomas", "Aisha", "Omar", "Li", "Wei", "Amina", "Daniel",
]
LAST_NAMES = [
    "Abbasi", "Ahmadi", "Alekseev", "Bagheri", "Belov", "Dehghani", "Egorov", "Farahani", "Golubev", "Hosseini",
    "Ivanova", "Jafari", "Karimi", "Kozlov", "Lebedeva", "Mahdavi", "Morozov", "Nasiri", "Novikova", "Orlov",
    "Pahlavan", "Petrova", "Rahimi", "Rostami", "Semenov", "Sharifi", "Sokolova", "Tabatabai", "Volkov",
    "Yazdani", "Zaitsev", "Zand", "Grant", "Hollis", "Marsh", "Chen", "Zhang", "Khan", "Haddad", "Saleh",
]
INSTITUTES = [
    "Institute for Strategic Studies", "Centre for Eurasian Affairs", "Council on International Relations",
    "Middle East Policy Forum", "Caspian Research Centre", "School of Oriental Studies", "Energy Policy Institute",
    "Ministry of Foreign Affairs", "Presidential Administration", "Security Council Secretariat",
    "Valdai Discussion Club", "Institute for Political and International Studies", "Global Risk Advisory",
]
OUTLETS = [
    "TASS", "RIA Novosti", "Interfax", "Kommersant", "Vedomosti", "IRNA", "Tehran Times", "Mehr News",
    "Tasnim", "Financial Tribune", "Reuters", "Associated Press", "Al Jazeera", "Financial Times", "DW",
    "Carnegie Politika", "Eurasianet", "bne IntelliNews", "Caspian News", "Middle East Eye", "Amwaj.media",
    "The Diplomat", "Foreign Policy", "Russia in Global Affairs", "Iran International",
]
SUBJECTS = [
    "The parties", "Each party", "Both sides", "The two governments", "The competent authorities",
    "The ministries concerned", "The joint intergovernmental commission", "The provision", "The article",
    "The treaty text", "The agreement", "The signatories", "Moscow and Tehran", "The relevant agencies",
]
VERBS = [
    "undertake to", "agree to", "will seek to", "commit themselves to", "are to", "intend to", "shall",
    "declare their readiness to", "will work together to", "resolve to",
]
ACTIONS = [
    "expand cooperation in", "coordinate their positions on", "exchange information about",
    "develop joint projects in", "consult regularly on", "remove obstacles to", "support each other in",
    "hold joint exercises on", "simplify procedures for", "promote investment in", "set up working groups on",
    "train specialists in", "share experience in", "protect critical infrastructure for", "harmonise rules on",
]
OBJECTS = [
    "energy supply", "natural gas transit", "rail transport", "the North-South corridor", "payment systems",
    "national currencies", "customs procedures", "cyber security", "counter-terrorism", "border security",
    "nuclear safety", "space research", "higher education", "media cooperation", "cultural exchanges",
    "tourism", "agricultural trade", "pharmaceuticals", "disaster relief", "maritime navigation in the Caspian",
    "arms control", "military medicine", "information security", "banking regulation", "export controls",
    "scientific research", "public health", "port infrastructure", "civil aviation", "water resources",
]
TAILS = [
    "on the basis of separate agreements", "in line with their national legislation",
    "within the framework of the UN Charter", "subject to the availability of funds",
    "through the joint commission", "where both parties consent", "on terms to be agreed later",
    "without prejudice to their other international obligations", "at the request of either party",
    "for an initial period of five years", "with due regard to third parties", "as circumstances permit",
]
COMMENT_OPENERS = [
    "Analysts note that", "Observers in Moscow argue that", "Iranian commentators stress that",
    "Several reports suggest that", "Critics point out that", "Supporters claim that", "The sources agree that",
    "It remains unclear whether", "Western analysts doubt that", "Officials insist that",
]
COMMENT_CLAIMS = [
    "the wording stops short of a binding commitment", "the clause mirrors earlier bilateral practice",
    "implementation depends on financing that has not been secured", "sanctions limit what can be achieved",
    "the text gives each side wide discretion", "the provision signals a closer alignment of interests",
    "similar promises in the past produced few results", "the commitment is mostly political in nature",
    "the parties avoided the language of a military alliance", "practical steps will follow in separate deals",
    "the clause responds to pressure from third countries", "the timetable is vague and open-ended",
]
TITLE_HEADS = [
    "Cooperation in", "Consultations on", "Coordination of", "Exchange of information on", "Joint work on",
    "Development of", "Protection of", "Promotion of", "Assistance in", "Principles of",
]
EVENT_HEADS = [
    "Talks on", "Memorandum signed on", "Working group meets on", "Joint statement on", "Ministers discuss",
    "Agreement reached on", "Delegation visit on", "Exercises held on", "Report published on", "Dispute over",
]

_CYRILLIC = dict(zip("abvgdezijklmnoprstufhcy", "абвгдезийклмнопрстуфхцы"))
_PERSIAN = dict(zip("abdefghijklmnopqrstuvyz", "ابدفگهیجکلمنوپقرستووییز"))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def transliterate(text: str, table: dict[str, str]) -> str:
    return "".join(table.get(char.lower(), char if char == " " else "") for char in text).strip() or "—"


class Prose:
    """Plausible English prose of a requested length, from the word lists above."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def sentence(self) -> str:
        r = self.rng
        if r.random() < 0.3:
            return f"{r.choice(COMMENT_OPENERS)} {r.choice(COMMENT_CLAIMS)}, {r.choice(TAILS)}."
        text = f"{r.choice(SUBJECTS)} {r.choice(VERBS)} {r.choice(ACTIONS)} {r.choice(OBJECTS)}"
        if r.random() < 0.5:
            text += f" and {r.choice(OBJECTS)}"
        if r.random() < 0.7:
            text += f" {r.choice(TAILS)}"
        return text + "."

    def words(self, low: int, high: int) -> str:
        """Whole sentences adding up to between about `low` and `high` words."""
        target = self.rng.randint(low, high)
        sentences: list[str] = []
        count = 0
        while count < target:
            sentence = self.sentence()
            sentences.append(sentence)
            count += len(sentence.split())
        return " ".join(sentences)

    def title(self) -> str:
        r = self.rng
        return f"{r.choice(TITLE_HEADS)} {r.choice(OBJECTS)}"

    def quote(self) -> str:
        words = self.sentence().split()
        while len(" ".join(words)) > 180:
            words = words[:-1]
        return " ".join(words).rstrip(".,") + "."


def _link_pattern(kind: str) -> re.Pattern[str]:
    """A link to a record of `kind` as the layout places its page (treatysite.layout.page_path), the ids
    as groups; a record listed on a shared page (a source, an event) is linked by its anchor there."""
    path = page_path(kind, SimpleNamespace(id="\0id", treaty="\0treaty"))
    if "\0id" not in path:
        path += "#\0id"
    id_group = "([a-z0-9-]+)"
    return re.compile(re.escape(path).replace("\0treaty", id_group).replace("\0id", id_group))


_LINK = re.compile(r"\]\(([^)\s]+)\)")
_LINKED_RECORD = [(_link_pattern(kind), kind) for kind in FOLDERS]


def ids_linked_from(docs_dir: Path | None) -> dict[str, list[str]]:
    """Record ids that the hand-written pages link to, by kind; provisions as 'treaty/id'."""
    linked: dict[str, list[str]] = {kind: [] for kind in FOLDERS}
    if docs_dir is None or not docs_dir.is_dir():
        return linked
    for page in sorted(docs_dir.rglob("*.md")):
        folder = page.parent.relative_to(docs_dir).as_posix()
        for target in _LINK.findall(page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            path = os.path.normpath(os.path.join(folder, target)).replace(os.sep, "/")
            for pattern, kind in _LINKED_RECORD:
                match = pattern.fullmatch(path)
                if match and match.group(match.lastindex) != "index":
                    value = "/".join(match.groups())
                    if value not in linked[kind]:
                        linked[kind].append(value)
                    if kind == "provision" and match.group(1) not in linked["treaty"]:
                        linked["treaty"].append(match.group(1))
    return linked


@dataclass
class TreatyGroup:
    """One treaty as its records are made: what its later records refer to."""

    index: int
    treaty_id: str
    parties: list[str]
    year: int
    prefix: str  # of its provisions' ids: none for the primary treaty, "<treaty id>-" for the others
    pool: list[str] = field(default_factory=list)  # its sources
    wide_pool: list[str] = field(default_factory=list)  # ...and, for its provisions, some earlier treaties' too
    people: list[str] = field(default_factory=list)
    officials: list[str] = field(default_factory=list)
    voices: list[str] = field(default_factory=list)  # who may comment: its people and those made just before
    projects: list[str] = field(default_factory=list)

    @property
    def primary(self) -> bool:
        return self.index == 0


class Generator:
    def __init__(self, provisions: int, seed: int, linked: dict[str, list[str]] | None = None) -> None:
        if provisions < 1:
            raise ValueError("at least one provision is needed")
        # Ids that docs/ links to: the first records made of each kind take them.
        self.linked = {kind: list(ids) for kind, ids in (linked or {}).items()}
        self.linked_ids = {kind: set(self.linked.get(kind, [])) for kind in FOLDERS}
        if PRIMARY_TREATY in self.linked.get("treaty", []):
            self.linked["treaty"].remove(PRIMARY_TREATY)
        self.rng = random.Random(seed)
        self.prose = Prose(self.rng)
        self.provisions = provisions
        self.records: dict[str, list[dict]] = {kind: [] for kind in FOLDERS}
        self._ids: dict[str, set[str]] = {kind: set() for kind in FOLDERS}
        self._names: set[str] = set()

    # -- helpers --------------------------------------------------------------------------------

    def unique_id(self, kind: str, base: str) -> str:
        # Provisions and domains take the ids docs/ links to where they are made.
        if kind not in ("provision", "domain") and self.linked.get(kind):
            wanted = self.linked[kind].pop(0)
            if wanted not in self._ids[kind]:
                self._ids[kind].add(wanted)
                return wanted
        base = slug(base)[:72].strip("-")
        candidate, n = base, 2
        while candidate in self._ids[kind]:
            candidate, n = f"{base}-{n}", n + 1
        self._ids[kind].add(candidate)
        return candidate

    def some(self, items: list[str], low: int, high: int) -> list[str]:
        """Between `low` and `high` of `items` (all of them when there are fewer)."""
        return self.rng.sample(items, min(len(items), self.rng.randint(low, high)))

    def date(self, year: int, *, partial: bool = True) -> str:
        r = self.rng
        month, day = r.randint(1, 12), r.randint(1, 28)
        roll = r.random() if partial else 1.0
        if roll < 0.05:
            return f"{year}"
        if roll < 0.15:
            return f"{year}-{month:02d}"
        return f"{year}-{month:02d}-{day:02d}"

    def citation(self, pool: list[str], *, locator: float = 0.4, note: float = 0.15) -> dict:
        r = self.rng
        citation: dict = {"source": r.choice(pool)}
        if r.random() < locator:
            citation["locator"] = r.choice(["paragraph", "section", "footnote", "page"]) + f" {r.randint(1, 40)}"
        if r.random() < note:
            citation["note"] = self.prose.words(6, 14)
        return citation

    def citations(self, pool: list[str], low: int, high: int) -> list[dict]:
        return [self.citation(pool) for _ in range(self.rng.randint(low, high))]

    def versions(self, pool: list[str]) -> list[dict]:
        return [
            {"value": self.prose.words(5, 14), "sources": self.citations(pool, 1, 2)}
            for _ in range(self.rng.randint(2, 3))
        ]

    def commentary(self, people: list[str], pool: list[str], low: int, high: int) -> list[dict]:
        r = self.rng
        entries = []
        for _ in range(r.randint(low, high)):
            entry: dict = {
                "by": r.choice(people),
                "source": self.citation(pool, note=0.0),
                "stance": r.choice(STANCES),
                "summary": self.prose.words(25, 55),
            }
            if r.random() < 0.25:
                entry["quote"] = self.prose.quote()
            entries.append(entry)
        return entries

    def facts(self, pool: list[str], low: int, high: int) -> list[dict]:
        r = self.rng
        facts = []
        for _ in range(r.randint(low, high)):
            confidence = self.confidence_level()
            fact: dict = {
                "label": r.choice(["Term", "Entry into force", "Articles", "Ratification", "Budget", "Length",
                                   "Capacity", "Signing", "Partners", "Volume"]),
                "value": self.prose.words(4, 12),
                "confidence": confidence,
                "sources": self.citations(pool, 1, 3),
            }
            if confidence == "disputed":
                fact["versions"] = self.versions(pool)
            facts.append(fact)
        return facts

    def names(self, latin: str, *, persian: bool) -> dict:
        names: dict = {"ru": transliterate(latin, _CYRILLIC)}
        if persian:
            names["fa"] = transliterate(latin, _PERSIAN)
        if self.rng.random() < 0.3:
            names["variants"] = [latin.replace("i", "y", 1) if "i" in latin else latin + "e"]
        return names

    def confidence_level(self) -> str:
        return self.rng.choices(*CONFIDENCE)[0]

    # -- the tree -------------------------------------------------------------------------------

    def generate(self) -> dict[str, list[dict]]:
        treaties = max(1, round(self.provisions / PER_TREATY))
        sizes = [self.provisions // treaties + (1 if i < self.provisions % treaties else 0) for i in range(treaties)]
        linked_domains = self.linked.get("domain", [])
        domain_ids = (linked_domains + [d for d, _ in DOMAINS if d not in linked_domains])[: len(DOMAINS)]
        all_people: list[str] = []
        primary_pool: list[str] = []
        for index, size in enumerate(sizes):
            self.treaty_group(index, size, domain_ids, all_people)
            if index == 0:
                primary_pool = [s["id"] for s in self.records["source"]]
        self.add_domains(all_people, primary_pool)
        return self.records

    def add_domains(self, all_people: list[str], pool: list[str]) -> None:
        """The domains, linked ones first (titled from their ids), cited from the primary treaty's sources."""
        domains = [(domain_id, domain_id.replace("-", " ").capitalize()) for domain_id in self.linked.get("domain", [])]
        domains += [(domain_id, title) for domain_id, title in DOMAINS if domain_id not in dict(domains)]
        for order, (domain_id, title) in enumerate(domains[: len(DOMAINS)], start=1):
            self._ids["domain"].add(domain_id)
            domain: dict = {
                "id": domain_id,
                "title": title,
                "order": order,
                "overview": self.prose.words(60, 110),
                "sources": self.citations(pool, 1, 3),
            }
            if self.rng.random() < 0.6:
                domain["commentary"] = self.commentary(all_people, pool, 1, 2)
            self.records["domain"].append(domain)

    def treaty_group(self, index: int, size: int, domain_ids: list[str], all_people: list[str]) -> None:
        """One treaty with its provisions, and the people, projects, sources and events around it.
        The order matters: each record draws from the one random stream, and the same seed must give the
        same files."""
        group = self.new_group(index)
        # Sources first: everything else cites them.
        n_sources = max(2, round(size * SOURCES_PER_PROVISION))
        self.add_sources(group, n_sources)
        # A few citations reach into earlier treaties' sources, as real commentary compares treaties.
        group.wide_pool = group.pool + [s["id"] for s in self.records["source"][: -n_sources][-40:]]
        self.add_people(group, max(2, round(size * PEOPLE_PER_PROVISION)), all_people)
        for _ in range(max(1, round(size * PROJECTS_PER_PROVISION))):
            project = self.project(group, domain_ids)
            group.projects.append(project["id"])
            self.records["project"].append(project)
        provision_ids, articles = self.provision_group(group, size, domain_ids)
        self.records["treaty"].append(self.treaty(group, articles))
        for _ in range(max(1, round(size * EVENTS_PER_PROVISION))):
            self.records["event"].append(self.event(group, provision_ids))

    def new_group(self, index: int) -> TreatyGroup:
        """The first treaty is the primary one, between Russia and Iran; the others are drawn at random."""
        if index == 0:
            self._ids["treaty"].add(PRIMARY_TREATY)
            return TreatyGroup(index, PRIMARY_TREATY, ["Russian Federation", "Islamic Republic of Iran"], 2025, "")
        r = self.rng
        parties = r.sample(COUNTRIES, 2)
        year = r.randint(1992, 2024)
        codes = "-".join(SHORT_COUNTRY[p][1] for p in parties)
        treaty_id = self.unique_id("treaty", f"{codes}-{year}")
        return TreatyGroup(index, treaty_id, parties, year, f"{treaty_id}-")

    def add_sources(self, group: TreatyGroup, count: int) -> None:
        """`count` sources, the first the treaty's source document, which some of the others cite."""
        document_id = None
        for s in range(count):
            source = self.source(group, "source-document" if s == 0 else None, document_id)
            if s == 0:
                document_id = source["id"]
            group.pool.append(source["id"])
            self.records["source"].append(source)

    def source(self, group: TreatyGroup, kind: str | None, document_id: str | None) -> dict:
        r = self.rng
        kind = kind or r.choices(*SOURCE_KINDS)[0]
        outlet = r.choice(INSTITUTES) if kind in ("source-document", "official") else r.choice(OUTLETS)
        source_year = min(2025, group.year + r.randint(0, 2))
        source: dict = {"id": "", "kind": kind, "outlet": outlet}
        title = self.prose.title() + f": {r.choice(['what', 'how', 'why'])} {self.prose.title().lower()}"
        if r.random() < 0.9:
            source["title"] = title
        if kind in ("analysis", "source-document") or r.random() < 0.2:
            source["authors"] = [f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}" for _ in range(r.randint(1, 2))]
        if r.random() < 0.85:
            source["date"] = self.date(source_year, partial=False)
        else:
            source["date_note"] = self.prose.words(6, 12)
        if kind != "source-document":
            source["url"] = f"https://{slug(outlet)}.example/{source_year}/{slug(title)[:60]}"
        if document_id and r.random() < 0.2:
            source["cited_in"] = document_id
            source["locator"] = f"footnote {r.randint(1, 60)}"
        if r.random() < 0.7:
            source["note"] = self.prose.words(15, 40)
        source["id"] = self.unique_id("source", f"{slug(outlet)[:24]}-{source.get('date', source_year)}")
        return source

    def add_people(self, group: TreatyGroup, count: int, all_people: list[str]) -> None:
        """`count` people, the first two officials (the signatories); the voices that comment on the treaty
        are its people and the 60 made last."""
        for p in range(count):
            person = self.person(group, "official" if p < 2 else None)
            group.people.append(person["id"])
            if person["kind"] == "official":
                group.officials.append(person["id"])
            self.records["person"].append(person)
        all_people.extend(group.people)
        group.voices = group.people + all_people[-60:]

    def person(self, group: TreatyGroup, kind: str | None) -> dict:
        r = self.rng
        kind = kind or r.choices(*PERSON_KINDS)[0]
        person_id, name = self.person_name(kind)
        person: dict = {"id": person_id, "name": name}
        if kind == "official" or r.random() < 0.2:
            person["names"] = self.names(name, persian=r.random() < 0.5)
        person["kind"] = kind
        if r.random() < 0.7:
            person["country"] = SHORT_COUNTRY[r.choice(group.parties)][0]
        person["affiliation"] = r.choice(INSTITUTES)
        if r.random() < 0.5:
            person["role"] = r.choice(["Senior Fellow", "Director", "Deputy Minister", "Editor", "Adviser",
                                        "Professor", "Ambassador", "Researcher"])
        person["summary"] = self.prose.words(30, 70)
        person["sources"] = self.citations(group.pool, 1, 2)
        return person

    def person_name(self, kind: str) -> tuple[str, str]:
        """A new person's id and a name no one else has."""
        r = self.rng
        if kind == "outlet":
            name = r.choice(OUTLETS) + " " + r.choice(["editorial board", "correspondents", "newsroom"])
        else:
            name = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}"
        while name in self._names:
            name = f"{r.choice(FIRST_NAMES)} {r.choice(LAST_NAMES)}-{r.choice(LAST_NAMES)}"
        self._names.add(name)
        person_id = self.unique_id("person", name)
        if person_id in self.linked_ids["person"]:
            name = person_id.replace("-", " ").title()  # an id docs/ links to: a name that fits it
        return person_id, name

    def project(self, group: TreatyGroup, domain_ids: list[str]) -> dict:
        r = self.rng
        title = self.prose.title().replace("Cooperation in", "Project on")
        project: dict = {"id": self.unique_id("project", title), "title": title}
        if r.random() < 0.3:
            project["names"] = self.names(title, persian=True)
        project["domains"] = r.sample(domain_ids, r.randint(1, 2))
        project["status"] = r.choice(PROJECT_STATUSES)
        project["summary"] = self.prose.words(60, 120)
        if r.random() < 0.2:
            project["in_treaty_text"] = True
        if r.random() < 0.5:
            project["facts"] = self.facts(group.pool, 1, 3)
        project["sources"] = self.citations(group.pool, 1, 3)
        if r.random() < 0.6:
            project["commentary"] = self.commentary(group.voices, group.pool, 1, 2)
        return project

    def treaty(self, group: TreatyGroup, articles: int) -> dict:
        r = self.rng
        primary, parties = group.primary, group.parties
        short = " – ".join(SHORT_COUNTRY[p][0] for p in parties)
        treaty_kind = "Treaty on Comprehensive Strategic Partnership" if primary else r.choice(TREATY_KINDS)
        treaty: dict = {
            "id": group.treaty_id,
            "title": f"{treaty_kind} between the {parties[0]} and the {parties[1]}",
            "short_title": f"{short} {treaty_kind.split()[0].lower()} ({group.year})" if not primary
            else "Russia–Iran Treaty (2025)",
            "role": "primary" if primary else "related",
            "parties": parties,
            "signed": {
                "date": "2025-01-17" if primary else self.date(group.year, partial=False),
                "place": "the Kremlin, Moscow" if primary else r.choice(CITIES),
                "by": group.officials[:2],
            },
            "articles": articles,
            "summary": self.prose.words(80, 130),
            "sources": self.citations(group.pool, 2, 4),
        }
        if not primary:
            self.relate(treaty, group.index)
        self.describe_treaty(treaty, short, group)
        return treaty

    def relate(self, treaty: dict, index: int) -> None:
        """What a related treaty has that the primary one has not: a place in lists, a title of its own."""
        treaty["order"] = index
        treaty["short_title"] = treaty["short_title"][0].upper() + treaty["short_title"][1:]
        while treaty["short_title"] in {t["short_title"] for t in self.records["treaty"]}:
            treaty["short_title"] += " bis"
        if self.rng.random() < 0.3:
            treaty["signed"]["signatories"] = [f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"]

    def describe_treaty(self, treaty: dict, short: str, group: TreatyGroup) -> None:
        r = self.rng
        if r.random() < 0.5:
            treaty["names"] = self.names(short, persian=True)
        if r.random() < 0.5:
            treaty["status"] = r.choice(["In force", "Ratified by both parties", "Signed, not yet in force",
                                         "Expired", "Replaced"])
        earlier = [t["id"] for t in self.records["treaty"]]
        if earlier and r.random() < 0.25:
            treaty["replaces"] = r.choice(earlier)
        treaty["facts"] = self.facts(group.pool, 2, 4)
        treaty["commentary"] = self.commentary(group.voices, group.pool, 1, 3)

    def event(self, group: TreatyGroup, provision_ids: list[str]) -> dict:
        r = self.rng
        title = f"{r.choice(EVENT_HEADS)} {r.choice(OBJECTS)}"
        date = self.date(min(2025, group.year + r.randint(-3, 1)))
        event: dict = {"id": self.unique_id("event", f"{date}-{title}"), "date": date, "title": title,
                       "summary": self.prose.words(30, 70)}
        if r.random() < 0.6:
            event["treaty"] = group.treaty_id
        if r.random() < 0.6:
            event["provisions"] = self.some(provision_ids, 1, 3)
        if r.random() < 0.4:
            event["projects"] = self.some(group.projects, 1, 2)
        if r.random() < 0.5:
            event["people"] = self.some(group.people, 1, 2)
        confidence = self.confidence_level()
        event["confidence"] = confidence
        if confidence == "disputed":
            event["versions"] = self.versions(group.pool)
        event["sources"] = self.citations(group.pool, 1, 3)
        return event

    def provision_group(self, group: TreatyGroup, size: int, domain_ids: list[str]) -> tuple[list[str], int]:
        """The provisions of one treaty: numbered articles (some with paragraphs), a few unnumbered; their
        ids and the number of articles."""
        slots = self.article_slots(size)
        wanted = [value.split("/", 1)[1] for value in self.linked.get("provision", [])
                  if value.split("/")[0] == group.treaty_id]
        ids = []
        for order, slot in enumerate(slots, start=1):
            provision = self.provision(group, order, slot, wanted, domain_ids)
            ids.append(provision["id"])
            self.records["provision"].append(provision)
        return ids, max(a for a, _ in slots if a is not None) if any(a for a, _ in slots) else size

    def article_slots(self, size: int) -> list[tuple[int | None, int | None]]:
        """(article, paragraph) for each of `size` provisions; (None, None) for the ~6 % unnumbered."""
        unnumbered = round(size * 0.06)
        slots: list[tuple[int | None, int | None]] = []
        article = 0
        while len(slots) < size - unnumbered:
            article += 1
            paragraphs = 1 if self.rng.random() < 0.7 else self.rng.randint(2, 3)
            for paragraph in range(1, paragraphs + 1):
                if len(slots) < size - unnumbered:
                    slots.append((article, paragraph if paragraphs > 1 else None))
        return slots + [(None, None)] * (size - len(slots))

    def provision(
        self, group: TreatyGroup, order: int, slot: tuple[int | None, int | None], wanted: list[str], domain_ids: list[str]
    ) -> dict:
        r, pool = self.rng, group.wide_pool
        provision = self.numbered_provision(group, order, slot, wanted)
        provision["domains"] = r.sample(domain_ids, r.choice([1, 1, 1, 2, 2, 3]))
        provision["summary"] = self.prose.words(80, 150)
        provision["obligation"] = self.obligation()
        level = self.confidence_level()
        confidence: dict = {"level": level}
        if r.random() < 0.3 or level == "disputed":
            confidence["note"] = self.prose.words(20, 50)
        if level == "disputed":
            confidence["versions"] = self.versions(pool)
        provision["confidence"] = confidence
        provision["sources"] = self.citations(pool, 2, 4)
        if r.random() < 0.85:
            provision["commentary"] = self.commentary(group.voices, pool, 1, 3)
        if r.random() < 0.3:
            provision["projects"] = self.some(group.projects, 1, 2)
        return provision

    def numbered_provision(
        self, group: TreatyGroup, order: int, slot: tuple[int | None, int | None], wanted: list[str]
    ) -> dict:
        """A provision's id, numbering and title; the first ones made take the ids docs/ links to."""
        article_no, paragraph = slot
        title = self.prose.title()
        if article_no is None:
            numbering = "unnumbered"
            base = f"{group.prefix}{slug(title)}"
        else:
            numbering = "probable" if self.rng.random() < 0.1 else "reported"
            base = f"{group.prefix}art-{article_no:02d}" + (f"-{paragraph}" if paragraph else "") + f"-{slug(title)}"
        if wanted and wanted[0] not in self._ids["provision"]:
            base = wanted.pop(0)  # a provision docs/ links to
        provision: dict = {"id": self.unique_id("provision", base), "treaty": group.treaty_id, "numbering": numbering}
        if article_no is not None:
            provision["article"] = article_no
            if paragraph:
                provision["paragraph"] = paragraph
        else:
            provision["order"] = order
        provision["title"] = title
        return provision

    def obligation(self) -> dict:
        r = self.rng
        obligation: dict = {"type": r.choice(OBLIGATION_TYPES), "strength": r.choice(STRENGTHS)}
        if r.random() < 0.2:
            obligation["condition"] = self.prose.words(6, 14)
        if r.random() < 0.25:
            obligation["note"] = self.prose.words(20, 45)
        return obligation


def generate(
    out: Path, provisions: int, seed: int = 1, *, force: bool = False, docs_dir: Path | None = REPO / "docs"
) -> dict[str, int]:
    """Write a synthetic data tree into `out`; return the number of records of each kind.

    Records that the hand-written pages in `docs_dir` link to get the ids the links expect.
    """
    out = out.resolve()
    real_data = (REPO / "data").resolve()
    if out == real_data or real_data in out.parents:
        raise SystemExit(f"refusing to write into the real data folder {real_data}")
    if out.exists() and any(out.iterdir()):
        if not (force and (out / MARKER).exists()):
            raise SystemExit(
                f"{out} is not empty; pass --force to replace a folder made by this script (it holds {MARKER})"
            )
        shutil.rmtree(out)
    records = Generator(provisions, seed, ids_linked_from(docs_dir)).generate()
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text(f"generated by bench/synthetic.py --provisions {provisions} --seed {seed}\n")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    for kind, items in records.items():
        folder = out / FOLDERS[kind]
        folder.mkdir(exist_ok=True)
        schema = Path(os.path.relpath(SCHEMAS / f"{kind}.schema.json", folder)).as_posix()
        for item in items:
            text = yaml.dump(item, Dumper=dumper, allow_unicode=True, sort_keys=False, width=110)
            (folder / f"{item['id']}.yml").write_text(
                f"# yaml-language-server: $schema={schema}\n{text}", encoding="utf-8"
            )
    return {kind: len(items) for kind, items in records.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provisions", type=int, required=True, help="number of provisions (about 50 per treaty)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (outside the real data/)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--force", action="store_true", help="replace a folder this script made before")
    parser.add_argument("--docs", type=Path, default=REPO / "docs",
                        help="hand-written pages whose links to records must resolve (default: the repository's docs/)")
    args = parser.parse_args(argv)
    counts = generate(args.out, args.provisions, args.seed, force=args.force, docs_dir=args.docs)
    print(f"wrote {args.out}: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
