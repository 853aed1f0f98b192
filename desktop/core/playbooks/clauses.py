"""Citations of the plan in playbooks, checked against its text (plan.py).

A task's `clause` lists its citations separated by ；: "三（一）一；参照三（六）二". A citation
is a clause reference, prefixed 参照 when the task applies that clause by analogy (the
clause is written for another situation: 三（六）三's long-term monitoring after a bioterror
attack applied to an epidemic); `clause_note` then says why. `quotes` are phrases the
task quotes as the plan's own words, each verbatim in the words of one clause it cites.
A version's `clauses` are citations too.

    citations("三（一）一；参照三（六）二") -> [Citation(三（一）一), Citation(参照 三（六）二)]
    clean_task({"clause": …, "clause_note": …, "quotes": […]}) -> the three, checked
    named_agencies("三（六）三") -> ["HY-STHJJ", "HY-WJW"]
"""

import re
from dataclasses import dataclass

import desktop.core.playbooks.plan as plan
from desktop.core.errors import Invalid
from desktop.core.i18n import tr

ANALOGY = "参照"
SEPARATOR = "；"
MAX_TEXT = 500  # characters of a clause field, read before it is split
MAX_CITATIONS = 12
MAX_QUOTES = 30
MAX_QUOTE = 300
MAX_NOTE = 2000
_SPLIT = re.compile(r"[；;\n]")


@dataclass(frozen=True)
class Citation:
    clause: plan.Clause
    analogy: bool = False

    @property
    def ref(self) -> str:
        return self.clause.ref

    def __str__(self) -> str:
        return (ANALOGY if self.analogy else "") + self.clause.ref


def _field_error(field: str, error: Invalid) -> Invalid:
    return Invalid(field, f"{field}: {error}")


def citation(text: str, field: str = "clause") -> Citation:
    """One citation: a clause reference, perhaps 参照 before it."""
    text = text.strip()
    analogy = text.startswith(ANALOGY)
    if analogy:
        text = text[len(ANALOGY) :].lstrip(" ：:　")
    try:
        return Citation(plan.parse(text), analogy)
    except Invalid as error:
        raise _field_error(field, error) from None


def citations(text, field: str = "clause") -> list[Citation]:
    """The citations of a clause field, in order, each once; Invalid names the bad one."""
    if text is None:
        return []
    if not isinstance(text, str):
        raise Invalid(field, tr("{field}: text expected.", field=field))
    if len(text) > MAX_TEXT:
        raise Invalid(
            field,
            tr("{field}: at most {count} characters of clauses.", field=field, count=MAX_TEXT),
        )
    parts = [p for p in _SPLIT.split(text) if p.strip()]
    if len(parts) > MAX_CITATIONS:
        raise Invalid(
            field,
            tr("{field}: at most {count} clauses.", field=field, count=MAX_CITATIONS),
        )
    out: list[Citation] = []
    for part in parts:
        cited = citation(part, field)
        if cited not in out:
            out.append(cited)
    return out


def canonical(text, field: str = "clause") -> str:
    """The clause field as stored: its citations written alike, separated by ；."""
    return SEPARATOR.join(str(c) for c in citations(text, field))


def clean_clauses(values, where: str = "") -> list[str]:
    """A version's clauses (a list of citations), checked and written alike."""
    field = f"{where}clauses"
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise Invalid(field, tr("{field}: a list of texts expected.", field=field))
    out: list[str] = []
    for n, value in enumerate(values, 1):
        for cited in citations(value, f"{field}[{n}]"):
            if str(cited) not in out:
                out.append(str(cited))
    return out


def clean_task(values: dict, where: str = "") -> dict:
    """A task's clause, clause_note and quotes, checked against the plan: every citation a
    clause the plan has, a 参照 citation explained, every quote verbatim in a cited clause."""
    cited = citations(values.get("clause") or "", f"{where}clause")
    note = values.get("clause_note") or ""
    if not isinstance(note, str) or len(note) > MAX_NOTE:
        raise Invalid(
            f"{where}clause_note",
            tr("{where}clause_note: a text of at most {count} characters expected.",
               where=where, count=MAX_NOTE),
        )  # fmt: skip
    note = note.strip()
    analogies = [str(c) for c in cited if c.analogy]
    if analogies and not note:
        raise Invalid(
            f"{where}clause_note",
            tr(
                "{where}clause_note: say why the task applies {clauses} by analogy (参照): "
                "what the clause is written for, and why it fits here.",
                where=where,
                clauses="、".join(a.removeprefix("参照") for a in analogies),
            ),
        )
    quotes = values.get("quotes") or []
    if (
        not isinstance(quotes, list)
        or len(quotes) > MAX_QUOTES
        or not all(isinstance(q, str) and len(q) <= MAX_QUOTE for q in quotes)
    ):
        raise Invalid(
            f"{where}quotes",
            tr(
                "{where}quotes: a list of at most {count} phrases of the plan expected.",
                where=where,
                count=MAX_QUOTES,
            ),
        )
    clean_quotes: list[str] = []
    for n, quote in enumerate(quotes, 1):
        quote = quote.strip()
        if not quote or quote in clean_quotes:
            continue
        if not cited:
            raise Invalid(
                f"{where}quotes",
                tr("{where}quotes: a task that quotes the plan cites the clause it quotes.",
                   where=where),
            )  # fmt: skip
        if not any(plan.quoted(c.ref, quote) for c in cited):
            raise Invalid(
                f"{where}quotes",
                tr(
                    "{where}quotes[{n}]: “{quote}” is not the plan's text in {clauses}; quote "
                    "the plan word for word, or cite the clause that says it.",
                    where=where,
                    n=n,
                    quote=quote,
                    clauses="、".join(c.ref for c in cited),
                ),
            )
        clean_quotes.append(quote)
    return {
        "clause": SEPARATOR.join(str(c) for c in cited),
        "clause_note": note,
        "quotes": clean_quotes,
    }


def named_agencies(text) -> list[str]:
    """The agencies (codes) the plan names in the clauses cited, in order, each once. A
    clause field that is not valid names none."""
    try:
        cited = citations(text)
    except Invalid:
        return []
    out: list[str] = []
    for c in cited:
        out += [code for code in plan.agencies(c.ref) if code not in out]
    return out


def unnamed(text, codes) -> list[str]:
    """The agencies of a task the plan does not name in the clauses it cites."""
    named = set(named_agencies(text))
    return [code for code in codes if code and code not in named]


def describe(text) -> list[dict]:
    """Each citation for display: {ref, analogy, citation, heading}; [] when not valid."""
    try:
        cited = citations(text)
    except Invalid:
        return []
    return [
        {
            "ref": c.ref,
            "analogy": c.analogy,
            "citation": str(c),
            "heading": plan.passage(c.ref)["heading"],
        }
        for c in cited
    ]
