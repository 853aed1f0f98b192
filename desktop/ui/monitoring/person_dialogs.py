"""The dialogs of the 人员 tab: a person added or corrected (the ID number checked as it is
typed: 18 characters, a real birth date, the check digit), a status change with its note,
and 显示身份信息… — the reason for showing ID numbers and phones unmasked, which the core
records before it gives them."""

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSizePolicy

from desktop.core.errors import BioError
from desktop.core.monitoring import personal
from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.monitoring.forms import MarkedForm, choose, date_edit, division_combo
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style


class PersonDialog(MarkedForm):
    """A person followed: new (person=None) or corrected (a row of the 人员 list, masked
    or shown). A correction keeps the ID number; a phone left empty stays as it was."""

    def __init__(self, worker, incident: dict, lists: dict, person: dict | None = None,
                 parent=None):  # fmt: skip
        title = self.tr("Add person — {number}") if person is None else self.tr(
            "Edit person — {number}")  # fmt: skip
        super().__init__(worker, title.format(number=incident["number"]), parent)
        self.incident = incident
        self.person = person
        self.name = QLineEdit()
        self.id_number = QLineEdit()
        self.id_number.setMaxLength(20)
        self.id_number.setPlaceholderText(
            self.tr("18 characters: 17 digits and a check digit or X")
        )
        self.id_check = QLabel()
        self.id_check.setWordWrap(True)
        self.id_check.setMinimumHeight(self.id_check.fontMetrics().lineSpacing() * 2 + 4)
        self.id_check.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.phone = QLineEdit()
        self.cohort = QComboBox()
        labels.fill(self.cohort, "cohort")
        self.division = division_combo(lists, self.tr("Not given"))
        self.exposed_on = date_edit(optional=True)
        self.exposed_on.setMaximumDate(QDate.currentDate())
        self.exposed_on.setPlaceholderText(self.tr("Unknown"))
        self.exposure = QLineEdit()
        self.exposure.setPlaceholderText(self.tr("e.g. direct contact, same household, aerosol"))
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("ID number"), self.id_number)
        self.form.addRow("", self.id_check)
        self.form.addRow(self.tr("Phone"), self.phone)
        self.form.addRow(self.tr("Cohort"), self.cohort)
        self.form.addRow(self.tr("Division"), self.division)
        self.form.addRow(self.tr("Exposed on"), self.exposed_on)
        self.form.addRow(self.tr("Exposure"), self.exposure)
        self.fields.update(name=self.name, id_number=self.id_number, phone=self.phone,
                           cohort=self.cohort, division=self.division,
                           exposed_on=self.exposed_on, exposure=self.exposure)  # fmt: skip
        self.id_number.textChanged.connect(self._check_id)
        if person is not None:
            self._prefill(person)

    def _prefill(self, person: dict) -> None:
        self.name.setText(person["name"])
        self.id_number.setText(person["id_number"])
        self.id_number.setReadOnly(True)
        self.id_check.setText(self.tr("The ID number names the person and is not changed."))
        style.apply(self.id_check, "muted")
        masked = "*" in person["phone"]
        self.phone.setText("" if masked else person["phone"])
        if masked:
            self.phone.setPlaceholderText(
                self.tr("{phone} (left empty: unchanged)").format(phone=person["phone"])
            )
        choose(self.cohort, person["cohort"])
        choose(self.division, person["division"])
        self.exposed_on.set_value(person.get("exposed_on") or None)
        self.exposure.setText(person.get("exposure") or "")

    def _check_id(self, text: str) -> None:
        """Say at once whether the ID number typed so far is one."""
        if self.person is not None:
            return
        typed = text.strip().replace(" ", "")
        if len(typed) < 18:
            self.id_check.setText(
                self.tr("{count} of 18 characters").format(count=len(typed)) if typed else ""
            )
            style.apply(self.id_check, "muted")
            return
        try:
            valid = personal.id_number(typed)
        except BioError as error:
            self.id_check.setText(str(error))
            style.apply(self.id_check, "error")
            return
        born = f"{valid[6:10]}-{valid[10:12]}-{valid[12:14]}"
        self.id_check.setText(self.tr("✓ A valid ID number (born {date}).").format(date=born))
        style.apply(self.id_check, "ok")

    def values(self) -> dict:
        given = {
            "name": self.name.text(),
            "cohort": self.cohort.currentData(),
            "division": self.division.currentData() or "",
            "exposed_on": self.exposed_on.value() or "",
            "exposure": self.exposure.text(),
        }
        if self.phone.text().strip() or self.person is None:
            given["phone"] = self.phone.text()
        return given

    def job(self):
        from desktop.core.monitoring import people

        given, ctx = self.values(), actor()
        if self.person is not None:
            ref = self.person["id"]
            return lambda db: people.update(db, ctx, ref, given)
        given["id_number"] = personal.id_number(self.id_number.text())  # refused here, at once
        incident = self.incident["id"]
        return lambda db: people.add(db, ctx, incident, given)


class StatusDialog(MarkedForm):
    """监测中, 已解除, 失访 or 转诊, with a note (needed for 失访 and 转诊)."""

    def __init__(self, worker, person: dict, parent=None):
        super().__init__(worker, self.tr("Change status — {name}").format(name=person["name"]),
                         parent)  # fmt: skip
        self.person = person
        self.status = QComboBox()
        for code, caption in labels.names("monitor_status").items():
            if code != person["status"]:
                self.status.addItem(caption, code)
        self.note = text_box(3, self.tr("Where referred, how contact was lost, or why released"))
        self.form.addRow(self.tr("Current status"),
                         QLabel(labels.name("monitor_status", person["status"])))  # fmt: skip
        self.form.addRow(self.tr("New status"), self.status)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(status=self.status, status_note=self.note)

    def job(self):
        from desktop.core.monitoring import people

        ref, ctx = self.person["id"], actor()
        status, note = self.status.currentData(), self.note.toPlainText()
        return lambda db: people.set_status(db, ctx, ref, status, note)


class RevealDialog(MarkedForm):
    """Why the ID numbers and phones are to be shown unmasked; the core records it (who,
    when, which list, why) and returns the list in full."""

    def __init__(self, worker, incident: dict, cohort: str | None, status: str | None,
                 parent=None):  # fmt: skip
        super().__init__(worker, self.tr("Show identity data — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident, self.cohort, self.status = incident, cohort, status
        note = style.apply(
            QLabel(
                self.tr(
                    "ID numbers and phones are personal data. Showing them is recorded with "
                    "your name and the reason; they are masked again when you leave the page "
                    "or it is refreshed."
                )
            ),
            "muted",
        )
        note.setWordWrap(True)
        self.reason = text_box(3, self.tr("e.g. follow-up calls by the township health centre"))
        self.form.addRow(note)
        self.form.addRow(self.tr("Reason"), self.reason)
        self.fields.update(reason=self.reason)

    def job(self):
        from desktop.core.monitoring import people

        ref, cohort, status = self.incident["id"], self.cohort, self.status
        who, reason = actor(), self.reason.toPlainText()
        return lambda db: people.listing(db, ref, cohort, status, True, who, reason)
