"""The city's plan as the program ships it, and references to its clauses.

《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》 (衡生物安全机制〔2022〕1号) is a public
government document; resources/plan/ holds its text as received (see the README there).
Its body has four sections (一、指导思想 … 四、组织保障), sections 二–四 sub-sections
（一）（二）…, and the sub-sections of 三 numbered items: 一是…, 二是…. A reference names a
section, a sub-section and an item: "三（六）二" is the second item (二是加强救援处置) of
sub-section （六） of section 三; "三（六）" a whole sub-section, "一" a whole section.

    parse("三（六）二")     -> Clause(section=3, subsection=6, item=2)
    passage("三（六）二")   -> {"ref", "heading", "text", "highlight": (start, end)}
    agencies("三（六）二")  -> ["HY-YJJ", "HY-WJW", …]  the agencies named there, in order
    quoted("三（六）二", "环境消毒") -> True

The text is read once. A sub-section's paragraphs, split in the file at page breaks (even
inside words: "病原微生物" / "实验室"), are joined without a separator; the bold marks of
the extraction (**二是…**) are dropped and a heading's "(一) " is written "（一）". Nothing
else is changed: a passage is the plan's words.
"""

import re
from dataclasses import dataclass
from functools import cache

from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.paths import resource

TITLE = "《衡阳市贯彻〈中华人民共和国生物安全法〉实施方案》"
DOCUMENT_NUMBER = "衡生物安全机制〔2022〕1号"
FILE = "hengyang-biosafety-plan-2022.txt"
NUMERALS = "一二三四五六七八九十"
MAX_REF = 40  # characters: a reference longer than this is refused before it is read

# The names the plan gives agencies → the reference agencies (resources/reference/
# agencies.json). County duties name the incident's county through the COUNTY-* agencies
# (activation gives them to the county's own bureau); 农业农村局 alone is the city's, in
# "市卫生健康委和农业农村局按职责分工" (三（三）二).
AGENCY_NAMES = {
    "市委国家安全生物领域协调机制": "HY-XTJZ",
    "市卫生健康委": "HY-WJW",
    "市农业农村局": "HY-NYJ",
    "农业农村局": "HY-NYJ",
    "市林业局": "HY-LYJ",
    "市科技局": "HY-KJJ",
    "市公安局": "HY-GAJ",
    "市国家安全局": "HY-GAQJ",
    "市应急管理局": "HY-YJJ",
    "市生态环境局": "HY-STHJJ",
    "市民政局": "HY-MZJ",
    "市市场监督管理局": "HY-SCJGJ",
    "市委外事办": "HY-WSB",
    "各县市区卫生健康局": "COUNTY-WJJ",
    "县市区卫生健康局": "COUNTY-WJJ",
    "县市区卫健局": "COUNTY-WJJ",
    "卫生监督机构": "COUNTY-WSJD",
    "兽医主管部门": "COUNTY-NYJ",
}
_NAMES = sorted(AGENCY_NAMES, key=len, reverse=True)

_REF = re.compile(
    r"([一二三四五六七八九十])(?:[（(]([一二三四五六七八九十]{1,2})[）)]([一二三四五六七八九十])?是?)?"
)
_SECTION = re.compile(r"^([一二三四五六七八九十])、(\S+)$")
_SUBSECTION = re.compile(r"^[（(]([一二三四五六七八九十]{1,2})[）)]\s*")
_ITEM = re.compile(r"([一二三四五六七八九])是")


def numeral(n: int) -> str:
    """1 → 一 … 10 → 十, 11 → 十一 (sub-sections stay below twenty)."""
    if n <= 10:
        return NUMERALS[n - 1]
    return "十" + NUMERALS[n - 11]


def _number(text: str) -> int:
    if len(text) == 2:  # 十一 … 十九
        return 10 + NUMERALS.index(text[1]) + 1
    return NUMERALS.index(text) + 1


@dataclass(frozen=True)
class Clause:
    """A place in the plan: a section, a sub-section of it, an item of that (1-based)."""

    section: int
    subsection: int | None = None
    item: int | None = None

    @property
    def ref(self) -> str:
        """The reference as the plan's readers write it: 三（六）二."""
        out = numeral(self.section)
        if self.subsection is not None:
            out += f"（{numeral(self.subsection)}）"
        if self.item is not None:
            out += numeral(self.item)
        return out

    def __str__(self) -> str:
        return self.ref


@dataclass(frozen=True)
class _Part:
    heading: str
    text: str
    span: tuple[int, int]


@dataclass(frozen=True)
class _Plan:
    parts: dict  # ref → _Part
    sections: dict  # section number → {sub-section number → number of items}


def _join(paragraphs: list[str]) -> str:
    return "".join(p.replace("**", "") for p in paragraphs)


def _items(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each numbered item 一是… of a sub-section, in order."""
    starts: list[int] = []
    for match in _ITEM.finditer(text):
        at = match.start()
        if at > 0 and text[at - 1] not in "。）":
            continue  # 是 inside a sentence
        if NUMERALS.index(match.group(1)) == len(starts):
            starts.append(at)
    out = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(text)
        body = text[start + 2 : end]
        out.append((start, end, body.split("。", 1)[0]))
    return out


@cache
def _plan() -> _Plan:
    raw = resource("plan", FILE).read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in raw.split("\n\n") if p.strip()]
    sections: list[tuple[int, str, list[list[str]]]] = []  # (number, title, sub-sections)
    for paragraph in paragraphs:
        head = _SECTION.match(paragraph)
        if head:
            sections.append((_number(head.group(1)), head.group(2), []))
            continue
        if not sections:
            continue  # the notice and the title before 一、指导思想
        subsections = sections[-1][2]
        sub = _SUBSECTION.match(paragraph)
        if sub:
            subsections.append([f"（{sub.group(1)}）" + paragraph[sub.end() :]])
        elif subsections:
            subsections[-1].append(paragraph)
        else:  # a section without sub-sections (一、指导思想)
            subsections.append([paragraph])
    parts: dict[str, _Part] = {}
    shape: dict[int, dict[int, int]] = {}
    for number, title, subsections in sections:
        section_heading = f"{numeral(number)}、{title}"
        numbered = bool(subsections) and _SUBSECTION.match(subsections[0][0]) is not None
        texts = [_join(s) for s in subsections]
        whole = "\n".join(texts)
        parts[numeral(number)] = _Part(section_heading, whole, (0, len(whole)))
        shape[number] = {}
        if not numbered:
            continue
        for n, text in enumerate(texts, 1):
            ref = f"{numeral(number)}（{numeral(n)}）"
            title_end = text.find("。")
            sub_title = text[: title_end if title_end > 0 else len(text)]
            heading = f"{section_heading}　{sub_title}"
            parts[ref] = _Part(heading, text, (0, len(text)))
            items = _items(text)
            shape[number][n] = len(items)
            for i, (start, end, item_title) in enumerate(items, 1):
                parts[f"{ref}{numeral(i)}"] = _Part(
                    f"{heading}　{numeral(i)}是{item_title}", text, (start, end)
                )
    return _Plan(parts, shape)


def _refused(message: str) -> Invalid:
    return Invalid("clause", message)


def parse(ref: str) -> Clause:
    """A reference read (三（六）二; 三(六)二 and 三（六）二是 are read too), or Invalid saying
    what is wrong and what the plan has there."""
    if not isinstance(ref, str) or not ref.strip():
        raise _refused(
            tr("A plan clause is empty: write it as 三（六）二 (section, sub-section, item)."),
        )
    text = ref.strip()
    if len(text) > MAX_REF:
        raise _refused(
            tr(
                "{ref}… is not a clause of the plan: a clause is written as 三（六）二 "
                "(section, sub-section, item).",
                ref=text[:MAX_REF],
            ),
        )
    match = _REF.fullmatch(text.replace(" ", "").replace("\u3000", ""))
    if match is None:
        raise _refused(
            tr(
                "{ref} is not a clause of the plan: write section, sub-section and item as "
                "三（六）二, or 三（六） for a whole sub-section.",
                ref=text,
            ),
        )
    section = _number(match.group(1))
    subsection = _number(match.group(2)) if match.group(2) else None
    item = _number(match.group(3)) if match.group(3) else None
    shape = _plan().sections
    if section not in shape:
        raise _refused(
            tr(
                "The plan has no section {section}: its sections are 一 to {last}.",
                section=numeral(section),
                last=numeral(max(shape)),
            ),
        )
    subsections = shape[section]
    if subsection is not None and subsection not in subsections:
        if not subsections:
            message = tr(
                "Section {section} of the plan has no sub-sections: cite it as {section}.",
                section=numeral(section),
            )
        else:
            message = tr(
                "Section {section} of the plan has no sub-section （{sub}）: it has （一） to "
                "（{last}）.",
                section=numeral(section),
                sub=numeral(subsection),
                last=numeral(max(subsections)),
            )
        raise _refused(message)
    if item is not None and subsection is not None:
        count = subsections[subsection]
        where = f"{numeral(section)}（{numeral(subsection)}）"
        if count == 0:
            raise _refused(
                tr(
                    "{clause} of the plan has no numbered items (一是, 二是…): cite it as "
                    "{clause}.",
                    clause=where,
                ),
            )
        if item > count:
            raise _refused(
                tr(
                    "{clause} of the plan has no item {item}: its items are 一 to {last}.",
                    clause=where,
                    item=numeral(item),
                    last=numeral(count),
                ),
            )
    return Clause(section, subsection, item)


def passage(ref: str) -> dict:
    """The clause's whole paragraph (a sub-section; a section for a section) with the span
    of the cited item in it: {"ref", "heading", "text", "highlight": (start, end)}."""
    clause = parse(ref)
    part = _plan().parts[clause.ref]
    return {
        "ref": clause.ref,
        "heading": part.heading,
        "text": part.text,
        "highlight": part.span,
    }


def cited_text(ref: str) -> str:
    """The words the reference cites: the item, or the whole sub-section or section."""
    part = _plan().parts[parse(ref).ref]
    return part.text[part.span[0] : part.span[1]]


def agencies(ref: str) -> list[str]:
    """The reference agencies (codes) the plan names in the cited words, in the order it
    names them, each once. Generic words (各相关单位, 各职能部门) name none."""
    text = cited_text(ref)
    found: list[str] = []
    at = 0
    while at < len(text):
        for name in _NAMES:
            if text.startswith(name, at):
                if AGENCY_NAMES[name] not in found:
                    found.append(AGENCY_NAMES[name])
                at += len(name)
                break
        else:
            at += 1
    return found


def quoted(ref: str, phrase: str) -> bool:
    """Whether the phrase is the plan's own words, verbatim, in the cited words."""
    if not isinstance(phrase, str) or not phrase.strip():
        return False
    return phrase.strip() in cited_text(ref)


def references() -> list[str]:
    """Every reference the plan has, in its order (三, 三（一）, 三（一）一, …)."""
    return list(_plan().parts)
