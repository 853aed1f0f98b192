"""The rows of a list of results (监测结果): each the result of one check of the
incident's monitoring, named by the person's ID number, the day and the measure (or by
the check's number, 监测编号, as `monitoring due` lists it — which names a sampling
site's checks too). The person must be followed for the incident, the measure one a
schedule of their cohort takes (a value column headed 体温 measures 体温; one schedule
needs no measure), the day one of that schedule's check days for them and not still to
come, and each check once in the file. A check whose result is recorded already with
the same value is left as it is (lists are often sent again with the days added); a new
value replaces it, as results.record does."""

from collections import Counter
from datetime import date, datetime

import desktop.core.monitoring.sheets.cells as cells
from desktop.core import values, vocab
from desktop.core.errors import Invalid
from desktop.core.i18n import tr
from desktop.core.imports.columns import normal
from desktop.core.monitoring import results, schedules
from desktop.core.values import mask_id


class ResultRows(cells.Rows):
    def __init__(self, *args, measure: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure  # the measure the header names (体温), if any
        incident_id = self.incident["id"]
        self.people = {
            p["id_number"]: p
            for p in self.db.query(
                "SELECT id, id_number, name, cohort FROM monitor_person WHERE incident_id = ? "
                "AND deleted = 0",
                [incident_id],
            )
        }
        self.schedules = list(
            self.db.query(
                "SELECT * FROM monitor_schedule WHERE incident_id = ? AND deleted = 0 "
                "ORDER BY created_at",
                [incident_id],
            )
        )
        self.recorded = {
            r["id"]: r
            for r in self.db.query(
                "SELECT id, value, abnormal, note FROM monitor_result WHERE incident_id = ? "
                "AND deleted = 0",
                [incident_id],
            )
        }
        self._subjects: dict[str, dict[str, dict]] = {}  # schedule → subject id → subject
        self._days: dict[tuple[str, str], list[date]] = {}
        self._tokens: dict[str, tuple[dict, dict]] | None = None
        self.seen: dict[tuple, int] = {}  # (schedule, subject, day) → its first row

    def check(self, row: int, given: dict):
        number = self._cell(row, given, "id_number", cells.id_number)
        on = self._cell(row, given, "due_on", cells.day)
        flag = self._cell(row, given, "abnormal", cells.abnormal) or 0
        try:
            value, note = results.checked(
                values.text(given.get("value")), values.text(given.get("note"))
            )
        except Invalid as exc:
            self.bad(row, "note" if exc.field == "note" else "value", str(exc))
            value = note = ""
        token = values.text(given.get("check"))
        if token:
            found = self._by_token(row, token, number, on)
        else:
            found = self._by_person(row, number, on, given)
        if found is None:
            return None
        self._once(row, found, values.text(given.get("name")), "check" if token else "due_on")
        if row in self.bad_rows:
            return None
        schedule, subject, day = found
        problem = results.numeric_problem(schedule, value)
        if problem:
            self.bad(row, "value", problem)
            return None
        old = self.recorded.get(results.result_id(schedule["id"], subject["id"], day))
        flagged = bool(flag) or results.out_of_range(schedule, value)
        if old is None:
            state = "added"
        elif (old["value"], bool(old["abnormal"]), old["note"]) == (value, flagged, note):
            state = "unchanged"
        else:
            state = "updated"
        return (schedule, subject, day, value, flag, note, state)

    def _once(self, row: int, found: tuple, name: str, key: str) -> None:
        """The check found: of the person named, not still to come, once in the file."""
        schedule, subject, day = found
        if name and subject["kind"] == "person" and name != subject["name"]:
            reason = tr(
                "“{value}”: the person followed under this ID number is {name}.",
                value=cells.shown(name),
                name=subject["name"],
            )
            self.bad(row, "name", reason)
        if day > self.today:
            reason = tr(
                "The check of {day} is still to come; record it on the day.", day=day.isoformat()
            )
            self.bad(row, "due_on", reason)
        seen = self.seen.setdefault((schedule["id"], subject["id"], day), row)
        if seen != row:
            reason = tr(
                "This check ({measure}, {day}) is already in row {row} of this file.",
                measure=schedule["measure"],
                day=day.isoformat(),
                row=seen,
            )
            self.bad(row, key, reason)

    def write_rows(self, w, rows: list) -> dict:
        counts = Counter(state for *_, state in rows)
        alerts = 0
        for schedule, subject, day, value, flag, note, state in rows:
            if state != "unchanged":
                alerts += results.record_in(w, schedule, subject, day, value, flag, note)["alert"]
        return {
            "added": counts["added"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "alerts": alerts,
        }

    # ------------------------------------------------------------ finding the check

    def _cell(self, row: int, given: dict, key: str, parse):
        value = given.get(key)
        return None if values.blank(value) else self.parse(row, key, parse, value)

    def _by_person(self, row: int, number: str | None, on: date | None, given: dict):
        """The check the person's ID number, the day and the measure name."""
        for key in ("id_number", "due_on"):
            if values.blank(given.get(key)):
                column = key if key in self.present else "check"
                self.bad(row, column, tr("Required; this cell is empty."))
        person = self.people.get(number or "")
        if number and person is None:
            reason = tr(
                "“{value}”: no one with this ID number is followed for incident {incident}; "
                "import the cohort list first.",
                value=mask_id(number),
                incident=self.incident["number"],
            )
            self.bad(row, "id_number", reason)
        if person is None or on is None:
            return None
        fitting = self._schedules(row, person, values.text(given.get("measure")) or self.measure)
        for schedule in fitting:
            subject = self.subjects(schedule).get(person["id"])
            if subject is not None and self.is_check_day(schedule, subject, on):
                return schedule, subject, on
        if fitting:
            self.bad(row, "due_on", self._not_a_check_day(fitting[0], person, on))
        return None

    def _schedules(self, row: int, person: dict, measure: str | None) -> list[dict]:
        """The schedules of the person's cohort that take the measure (the cohort's only
        measure when none is given); none reported."""
        taken = [s for s in self.schedules if s["cohort"] == person["cohort"]]
        if measure:
            fitting = [s for s in taken if normal(s["measure"]) == normal(measure)]
        else:
            fitting = taken if len({normal(s["measure"]) for s in taken}) == 1 else []
        if not fitting:
            cohort = vocab.name("cohort", person["cohort"])
            listed = "、".join(dict.fromkeys(s["measure"] for s in taken)) or tr("none")
            if measure:
                reason = tr(
                    "“{value}”: no schedule of {cohort} measures this; their schedules: "
                    "{schedules}.",
                    value=cells.shown(measure),
                    cohort=cohort,
                    schedules=listed,
                )
            else:
                reason = tr(
                    "Give the measure: the schedules of {cohort} are {schedules}.",
                    cohort=cohort,
                    schedules=listed,
                )
            self.bad(row, "measure", reason)
        return fitting

    def _not_a_check_day(self, schedule: dict, person: dict, on: date) -> str:
        subject = self.subjects(schedule).get(person["id"])
        days = self.days(schedule, subject) if subject else []
        if not days:
            return tr(
                "“{value}”: the schedule {measure} has no check day for this person.",
                value=on.isoformat(),
                measure=schedule["measure"],
            )
        return tr(
            "“{value}” is not a check day of {measure} for this person: every {every} day(s) "
            "from {first} to {last}.",
            value=on.isoformat(),
            measure=schedule["measure"],
            every=schedule["every_days"],
            first=days[0].isoformat(),
            last=days[-1].isoformat(),
        )

    def _by_token(self, row: int, token: str, number: str | None, on: date | None):
        """The check a 监测编号 names; the ID number, day and measure given must agree."""
        match = schedules.TOKEN.fullmatch(token.lower())
        found = self.tokens().get(token.lower().rsplit("-", 1)[0]) if match else None
        try:
            day = datetime.strptime(match.group(3), "%Y%m%d").date() if match else None
        except ValueError:
            day = None
        if found is None or day is None or not self.is_check_day(*found, day):
            reason = tr(
                "“{value}”: no check of incident {incident} has this number (`monitoring due` "
                "lists them).",
                value=cells.shown(token),
                incident=self.incident["number"],
            )
            self.bad(row, "check", reason)
            return None
        schedule, subject = found
        if number and subject.get("id_number") != number:
            reason = tr(
                "“{value}”: the check {check} is of another person or a site.",
                value=mask_id(number),
                check=token,
            )
            self.bad(row, "id_number", reason)
        if on and on != day:
            reason = tr(
                "“{value}”: the check {check} is of {day}.",
                value=on.isoformat(),
                check=token,
                day=day.isoformat(),
            )
            self.bad(row, "due_on", reason)
        return schedule, subject, day

    # ------------------------------------------------------------ schedules' subjects and days

    def subjects(self, schedule: dict) -> dict[str, dict]:
        """The schedule's subjects by id (schedules.subjects), with a person's ID number."""
        if schedule["id"] not in self._subjects:
            numbers = {p["id"]: n for n, p in self.people.items()}
            self._subjects[schedule["id"]] = {
                s["id"]: {**s, "id_number": numbers.get(s["id"])}
                for s in schedules.subjects(self.db, schedule)
            }
        return self._subjects[schedule["id"]]

    def days(self, schedule: dict, subject: dict) -> list[date]:
        key = (schedule["id"], subject["id"])
        if key not in self._days:
            ended = date.fromisoformat(schedule["ended_on"]) if schedule["ended_on"] else None
            self._days[key] = schedules.dates(
                subject["start"], schedule["every_days"], schedule["for_days"], ended
            )
        return self._days[key]

    def is_check_day(self, schedule: dict, subject: dict, day: date) -> bool:
        days = self.days(schedule, subject)
        if not days or not days[0] <= day <= days[-1]:
            return False
        return (day - days[0]).days % schedule["every_days"] == 0

    def tokens(self) -> dict[str, tuple[dict, dict]]:
        """(schedule, subject) by the part of a check's number before its day."""
        if self._tokens is None:
            self._tokens = {}
            for schedule in self.schedules:
                for subject in self.subjects(schedule).values():
                    prefix = schedules.token(schedule["id"], subject["id"], self.today)
                    self._tokens[prefix.rsplit("-", 1)[0]] = (schedule, subject)
        return self._tokens
