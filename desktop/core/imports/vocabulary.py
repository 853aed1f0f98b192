"""The controlled vocabularies a spreadsheet names — the experts' specialties (专业领域), the
items' practical categories (物资类别) and units of measure (计量单位) — as an import reads
them, and the values a person adds to them while importing.

A cell is known when it holds a value of the vocabulary (its name or code, in any width,
case or spacing) or one of the synonyms the program ships (resources/reference/
synonyms.json: 传染病学 for 临床感染病, 付 for 副, ml for 毫升 …). Any other value is unknown:
its rows are refused, naming it and the nearest known values, unless the person importing
chose to add it (`Additions`: ticked in the import dialog, or the CLI's --add-missing).
A value to add is checked like any other input — not empty, at most MAX_LENGTH characters,
letters, digits and a little punctuation, at most MAX_NEW new values per vocabulary in one
import — and is not added when it nearly repeats a known value (临床感染病学 beside
临床感染病) unless the person insists (`Additions.similar`).

Added values are rows of the vocabulary's synced table, like the shipped ones, written in
the import's own transaction (a refused import adds nothing). Their ids derive from the
value (`reference_id`), so two stations adding the same value make one row, as shipped
rows do; a specialty's or category's code is the value itself.
"""

import json
import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache

from desktop.core.i18n import tr
from desktop.core.paths import resource
from desktop.core.store import reference
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id

NAMES = ("specialty", "category", "unit")
TABLES = {"specialty": "specialty", "category": "category", "unit": "unit"}
QUERIES = {  # (code, name) of each vocabulary's values
    "specialty": "SELECT code, name FROM specialty WHERE deleted = 0 ORDER BY rowid",
    "category": "SELECT code, name FROM category "
    "WHERE scheme = 'practical' AND deleted = 0 ORDER BY rowid",
    "unit": "SELECT name, name FROM unit WHERE deleted = 0 ORDER BY rowid",
}
SHIPPED = {"specialty": "specialties.json", "category": "categories.json", "unit": "units.json"}
MAX_LENGTH = {"specialty": 20, "category": 20, "unit": 6}
MAX_NEW = 20  # values one import may add to one vocabulary
MAX_ROWS = 50  # row numbers kept per unknown value (the count is kept whole)
MAX_SUGGESTED = 200  # distinct unknown values per vocabulary given suggestions (a hostile file)
NEAREST = 3
SUGGEST_FROM = 0.45  # similarity from which a known value is suggested
SIMILAR = 0.6  # similarity from which a new value is taken for a near-duplicate
ALLOWED = re.compile(r"[\w·()（）\-. ]+")


def key(text) -> str:
    """A value as compared: NFKC (full width as half width), no spaces, case folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text))).casefold()


def noun(vocabulary: str) -> str:
    """What one value of the vocabulary is called."""
    return {
        "specialty": tr("specialty"),
        "category": tr("material category"),
        "unit": tr("unit of measure"),
    }[vocabulary]


@cache
def synonyms() -> dict[str, dict[str, str]]:
    """vocabulary → {key of the written text → code of the shipped value it means}."""
    data = json.loads(resource("reference", "synonyms.json").read_text(encoding="utf-8"))
    out = {}
    for vocabulary in NAMES:
        rows = reference.rows(SHIPPED[vocabulary])
        if vocabulary == "category":
            rows = tuple(r for r in rows if r.get("scheme") == "practical")
        codes = {r["name"]: r.get("code", r["name"]) for r in rows}
        out[vocabulary] = {key(e["written"]): codes[e["means"]] for e in data[vocabulary]}
    return out


def refusal(vocabulary: str, value: str) -> str:
    """Why `value` cannot be added to the vocabulary whatever the person wants, or ""."""
    if not value:
        return tr("An empty value cannot be added.")
    if len(value) > MAX_LENGTH[vocabulary]:
        return tr(
            "A {noun} has at most {max} characters.",
            noun=noun(vocabulary),
            max=MAX_LENGTH[vocabulary],
        )
    letters = any(unicodedata.category(c).startswith("L") for c in value)
    if not ALLOWED.fullmatch(value) or not letters or not value[0].isalnum():
        return tr(
            "A value added to a vocabulary begins with a letter or digit, holds at least "
            "one letter, and otherwise only letters, digits, spaces and ()·-."
        )
    return ""


def similarity(a: str, b: str) -> float:
    """0 … 1 between two keys; one inside the other of about its length (防护用品类 and
    防护用品, not 微生物学 and 抗微生物药物耐药) counts as at least 0.75."""
    if not a or not b:
        return 0.0
    ratio = SequenceMatcher(None, a, b).ratio()
    comparable = 3 * min(len(a), len(b)) >= 2 * max(len(a), len(b))
    return max(ratio, 0.75) if comparable and (a in b or b in a) else ratio


@dataclass(frozen=True)
class Additions:
    """The unknown values the person chose to add: every one that can be (`every`: the CLI's
    --add-missing) or those named as (vocabulary, value); `similar` names values to add
    although they resemble a known one (of any vocabulary)."""

    every: bool = False
    values: frozenset[tuple[str, str]] = frozenset()
    similar: frozenset[str] = frozenset()

    def wants(self, vocabulary: str, value: str) -> bool:
        k = key(value)
        return (
            self.every
            or any(v == vocabulary and key(x) == k for v, x in self.values)
            or self.insists(value)
        )

    def insists(self, value: str) -> bool:
        return any(key(x) == key(value) for x in self.similar)


@dataclass
class Unknown:
    """A value a file names that its vocabulary lacks and that the import does not add."""

    vocabulary: str  # specialty | category | unit
    value: str  # as the file first writes it
    rows: list[int] = field(default_factory=list)  # the first MAX_ROWS rows that write it
    count: int = 0  # every row that writes it
    nearest: list[str] = field(default_factory=list)  # known values, nearest first
    similar: str = ""  # the known value it nearly repeats ("" when none)
    refusal: str = ""  # why it cannot be added ("" when it can)
    reason: str = ""  # the message of its cells

    @property
    def addable(self) -> bool:
        return not self.refusal


@dataclass(frozen=True)
class Added:
    vocabulary: str
    value: str
    code: str


@dataclass
class _Pending:
    value: str
    code: str
    rows: set[int] = field(default_factory=set)


class Vocabulary:
    """One vocabulary as one import sees it: what it knows, what the file adds to it and
    which values it refuses."""

    def __init__(self, db: Database, name: str, additions: Additions | None):
        self.name = name
        self.additions = additions
        self.names: dict[str, str] = dict(db.execute(QUERIES[name]))  # code → name
        self.known: dict[str, str] = {}  # key → code
        for code in self.names:
            self.known.setdefault(key(code), code)
        for code, text in self.names.items():
            self.known[key(text)] = code
        self.synonyms = {
            k: code
            for k, code in synonyms()[name].items()
            if code in self.names and k not in self.known
        }
        self.pending: dict[str, _Pending] = {}  # key → a value being added
        self.unknown: dict[str, Unknown] = {}  # key → a value refused
        self._codes: dict[str, str] = {}  # text as written → code (known values, synonyms)

    def resolve(self, row: int, text: str) -> str | None:
        """The code `text` stands for — a known value, a synonym, or a value being added —
        or None: then the value is noted as unknown (see `reason`)."""
        code = self.lookup(text)
        if code is not None:
            return code
        k = key(text)
        if k in self.pending:
            self.pending[k].rows.add(row)
            return self.pending[k].code
        found = self.unknown.get(k)
        if found is None:
            value = text.strip()
            found = self._judge(value)
            if found is None:
                self.pending[k] = _Pending(value, value, {row})
                return value
            self.unknown[k] = found
        found.count += 1
        if len(found.rows) < MAX_ROWS:
            found.rows.append(row)
        return None

    def lookup(self, text: str) -> str | None:
        """The code of a known value or synonym, else None (nothing is noted)."""
        code = self._codes.get(text)
        if code is None:
            k = key(text)
            code = self.known.get(k) or self.synonyms.get(k)
            if code is not None:
                self._codes[text] = code
        return code

    def reason(self, text: str) -> str:
        """Why the cell writing `text` (which resolve refused) is bad."""
        return self.unknown[key(text)].reason

    def is_pending(self, code: str) -> bool:
        return key(code) in self.pending

    # -- judging an unknown value ------------------------------------------------------

    def _judge(self, value: str) -> Unknown | None:
        """None when the value is to be added; else what is refused about it."""
        found = Unknown(self.name, value)
        if len(self.unknown) >= MAX_SUGGESTED:
            found.refusal = tr("Too many values in this column are unknown.")
            found.reason = tr(
                "{value} is not a known {noun}; too many values of this column are unknown "
                "to add them: check that it is the right column.",
                value=value,
                noun=noun(self.name),
            )
            return found
        scored = self._scores(key(value))
        found.nearest = self._nearest(scored)
        found.refusal = refusal(self.name, value)
        best = scored[0] if scored else (0.0, "")
        if best[0] >= SIMILAR:
            found.similar = self.names[best[1]]
        wanted = self.additions is not None and self.additions.wants(self.name, value)
        insisted = self.additions is not None and self.additions.insists(value)
        if not found.refusal and wanted and (insisted or not found.similar):
            if len(self.pending) < MAX_NEW:
                return None
            found.refusal = tr(
                "At most {max} new values can be added to one vocabulary in one import.",
                max=MAX_NEW,
            )
        found.reason = self._reason(found, wanted)
        return found

    def _scores(self, k: str) -> list[tuple[float, str]]:
        """(similarity, code) of the known values and synonyms, best first, one per code."""
        best: dict[str, float] = {}
        for candidates in (self.known, self.synonyms):
            for other, code in candidates.items():
                score = similarity(k, other)
                if score > best.get(code, 0.0):
                    best[code] = score
        return sorted(((s, c) for c, s in best.items()), key=lambda sc: (-sc[0], sc[1]))

    def _nearest(self, scored: list[tuple[float, str]]) -> list[str]:
        return [self.names[c] for s, c in scored[:NEAREST] if s >= SUGGEST_FROM]

    def _reason(self, found: Unknown, wanted: bool) -> str:
        value, what = found.value, noun(self.name)
        if found.nearest:
            nearest = tr("nearest: {values}", values="、".join(found.nearest))
        else:
            nearest = tr("known values: {values}", values="、".join(self.names.values()))
        if found.refusal:
            return tr(
                "{value} is not a known {noun} and cannot be added: {refusal} ({nearest})",
                value=value,
                noun=what,
                refusal=found.refusal,
                nearest=nearest,
            )
        if found.similar:
            return tr(
                "{value} is not a known {noun} and resembles {similar}: write {similar}, or "
                "confirm that {value} is a {noun} of its own to add it.",
                value=value,
                noun=what,
                similar=found.similar,
            )
        return tr(
            "{value} is not a known {noun} ({nearest}). Write one of those, or add {value} "
            "to the vocabulary when importing.",
            value=value,
            noun=what,
            nearest=nearest,
        )


class Vocabularies:
    """The vocabularies one import reads, loaded when a job first asks for one."""

    def __init__(self, db: Database, additions: Additions | None):
        self.db = db
        self.additions = additions
        self.held: dict[str, Vocabulary] = {}

    def get(self, name: str) -> Vocabulary:
        if name not in self.held:
            self.held[name] = Vocabulary(self.db, name, self.additions)
        return self.held[name]

    def unknown(self) -> list[Unknown]:
        """The values refused, vocabulary by vocabulary, in the order the file names them
        (the first MAX_SUGGESTED of each: those past it only say there are too many)."""
        return [u for v in self.held.values() for u in list(v.unknown.values())[:MAX_SUGGESTED]]

    def add(self, w, bad_rows: set[int]) -> list[Added]:
        """Write the values being added that a written row uses (inside the import's
        transaction, before its rows)."""
        added = []
        for vocabulary in self.held.values():
            for pending in vocabulary.pending.values():
                if pending.rows <= bad_rows:
                    continue
                _insert(w, vocabulary.name, pending.value)
                added.append(Added(vocabulary.name, pending.value, pending.code))
        return added


def _insert(w, vocabulary: str, value: str) -> None:
    table = TABLES[vocabulary]
    row_id = reference_id(table, value)
    payload: dict[str, str | None] = {"name": value, "name_en": ""}
    if vocabulary != "unit":
        payload["code"] = value  # a value people add is its own code
    if vocabulary == "category":
        payload.update(scheme="practical", parent=None)  # its GB/T class is not known
    current = w.db[table].get(row_id)
    if current is None:
        w.insert(table, {"id": row_id, **payload})
    else:  # added before, then deleted (a merge): restore it
        w.update(table, row_id, {**payload, "deleted": 0})
