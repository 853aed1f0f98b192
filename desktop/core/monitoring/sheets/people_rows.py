"""The rows of a cohort list (监测人员): the people to follow for the incident, each
checked as people.add checks a person typed in, with the forms hospitals use — an ID
number masked in every message, a division by code (430422, or a township's 12-digit
code) or by name (衡南县, 衡阳市衡南县, 衡南县云集镇), a cohort by its name or the short
words used for it (密接), dates as Excel writes them. A person already followed for the
incident, or twice in the file, is refused."""

import re
from collections import Counter

import desktop.core.monitoring.sheets.cells as cells
from desktop.core import values
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.records import choice, text_field
from desktop.core.monitoring import people, personal
from desktop.core.values import mask_id

COHORT_WORDS = {
    "密接": "close_contact",
    "密切接触": "close_contact",
    "暴露": "exposed",
    "暴露者": "exposed",
    "处置": "responder",
    "应急处置人员": "responder",
    "康复": "recovered",
    "康复者": "recovered",
}
LONG_CODE = re.compile(r"(\d{6})(\d{3}|\d{6})")  # a township's or village's division code
PROVINCE, CITY = "湖南省", "衡阳市"


class PeopleRows(cells.Rows):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.divisions: dict[str, str] = {}  # code or name → code
        for code, name in self.db.execute("SELECT code, name FROM division WHERE deleted = 0"):
            self.divisions[code] = self.divisions[name] = code
        self.names = sorted((n for n in self.divisions if not n.isdigit()), key=len, reverse=True)
        self.followed = {
            number
            for (number,) in self.db.execute(
                "SELECT id_number FROM monitor_person WHERE incident_id = ? AND deleted = 0",
                [self.incident["id"]],
            )
        }
        self.seen: dict[str, int] = {}  # ID number → its first row in the file

    def check(self, row: int, given: dict) -> dict | None:
        fields: dict = {}
        for key, parse in (
            ("name", self.name),
            ("id_number", cells.id_number),
            ("phone", self.phone),
            ("division", self.division),
            ("exposed_on", self.exposed_on),
            ("exposure", self.exposure),
            ("cohort", self.cohort),
        ):
            if not values.blank(given.get(key)):
                fields[key] = self.parse(row, key, parse, given[key])
        number = fields.get("id_number")
        if number:
            if number in self.seen:
                self.bad(
                    row,
                    "id_number",
                    tr(
                        "“{value}”: this ID number is already in row {row} of this file.",
                        value=mask_id(number),
                        row=self.seen[number],
                    ),
                )
            else:
                self.seen[number] = row
            if number in self.followed:
                self.bad(
                    row,
                    "id_number",
                    tr(
                        "{name} ({id}) is already followed for this incident.",
                        name=fields.get("name") or "—",
                        id=mask_id(number),
                    ),
                )
        if row in self.bad_rows:
            return None
        try:  # the form's own rules have the last word
            return people.validate(self.db, fields)
        except Invalid as exc:
            self.bad(row, exc.field if exc.field in self.texts else "name", str(exc))
        return None

    def write_rows(self, w, rows: list) -> dict:
        for fields in rows:
            people.add_in(w, self.incident["id"], fields)
        return {"added": len(rows), "cohorts": dict(Counter(f["cohort"] for f in rows))}

    # ------------------------------------------------------------ cells

    @staticmethod
    def name(value) -> str:
        text = text_field({"name": values.text(value)}, "name", people.LIMITS["name"])
        if not values.visible(text):
            raise Invalid("name", tr("Give the person's name."))
        return text

    @staticmethod
    def exposure(value) -> str:
        return text_field({"exposure": values.text(value)}, "exposure", people.LIMITS["exposure"])

    @staticmethod
    def phone(value) -> str:
        try:
            return personal.phone(values.text(value))
        except Invalid:  # its message holds the whole text, which may be long
            raise Invalid(
                "phone",
                tr(
                    "{phone} is not a phone number (digits, spaces, + - and brackets).",
                    phone=cells.shown(value),
                ),
            ) from None

    def division(self, value) -> str:
        """By code, a township's longer code, or name (with or without 湖南省衡阳市, or
        followed by a township's)."""
        text = values.text(value).replace(" ", "")
        long_code = LONG_CODE.fullmatch(text)
        bare = text.removeprefix(PROVINCE)
        bare = bare.removeprefix(CITY) or bare
        for candidate in (text, long_code and long_code.group(1), bare):
            if candidate in self.divisions:
                return self.divisions[candidate]
        found = next((n for n in self.names if bare.startswith(n)), None)
        if found is None:
            raise Invalid("division", tr("No division with code {code}.", code=cells.shown(value)))
        return self.divisions[found]

    def exposed_on(self, value) -> str:
        day = cells.day(value)
        if day > self.today:
            raise Invalid(
                "exposed_on",
                tr("The exposure date {date} lies in the future.", date=day.isoformat()),
            )
        return day.isoformat()

    @staticmethod
    def cohort(value) -> str:
        text = values.text(value)
        return COHORT_WORDS.get(text) or choice("cohort", cells.shown(value), "cohort")
