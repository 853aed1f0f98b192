"""新建报告: an information report made along the chain — its kind (首次报告, 进程报告,
结案报告), for a first report the link of the chain (the first not yet reported by
default), the time, who reports to whom (the chain's parties, editable), title, 事件概况,
已采取措施, 下一步工作 and 签发人 (reports.add)."""

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit

from desktop.core.errors import Invalid
from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import FieldMarks, TimeField, text_box
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.times import when


class ReportDialog(FormDialog):
    """A report for the incident; `schedule` is reports.schedule's list."""

    def __init__(self, worker, incident: dict, schedule: list[dict], parent=None):
        super().__init__(worker, self.tr("New information report — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.schedule = schedule
        self.setMinimumWidth(680)
        self.kind = QComboBox()
        labels.fill(self.kind, "report_kind")
        self.step = QComboBox()
        for row in schedule:
            if row["kind"] == "first":
                caption = row["name"]
                if row["done"]:
                    caption += " " + self.tr("(reported)")
                self.step.addItem(caption, row["step"])
        self.due = style.apply(QLabel(), "muted")
        self.reported_at = TimeField()
        self.from_unit = QLineEdit()
        self.to_unit = QLineEdit()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("By default: the kind of report and the incident"))
        self.summary_text = text_box(3)
        self.summary_text.setPlainText(incident.get("description") or "")
        self.measures = text_box(3)
        self.next_steps = text_box(2)
        self.signer = QLineEdit()
        form = self.form
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Step of the chain"), self.step)
        form.addRow("", self.due)
        form.addRow(self.tr("Reported at"), self.reported_at)
        form.addRow(self.tr("From"), self.from_unit)
        form.addRow(self.tr("To"), self.to_unit)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Situation"), self.summary_text)
        form.addRow(self.tr("Measures taken"), self.measures)
        form.addRow(self.tr("Next steps"), self.next_steps)
        form.addRow(self.tr("Signed by"), self.signer)
        self.marks = FieldMarks([form])
        self.fields.update(
            kind=self.kind,
            step=self.step,
            reported_at=self.reported_at,
            from_unit=self.from_unit,
            to_unit=self.to_unit,
            title=self.title,
            summary=self.summary_text,
            measures=self.measures,
            next_steps=self.next_steps,
            signer=self.signer,
        )
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self.step.currentIndexChanged.connect(lambda _index: self._expected_changed())
        first_open = next(
            (n for n, row in enumerate(self._firsts()) if not row["done"]), None
        )  # fmt: skip
        if first_open is None:
            later = "final" if any(r["kind"] == "final" for r in schedule) else "progress"
            self.kind.setCurrentIndex(self.kind.findData(later))
        else:
            self.step.setCurrentIndex(first_open)
        self._kind_changed()

    def _firsts(self) -> list[dict]:
        return [row for row in self.schedule if row["kind"] == "first"]

    def expected(self) -> dict | None:
        """The schedule's row this report answers, if any."""
        kind = self.kind.currentData()
        if kind == "first":
            step = self.step.currentData()
            return next((r for r in self._firsts() if r["step"] == step), None)
        return next((r for r in self.schedule if r["kind"] == kind), None)

    def _kind_changed(self) -> None:
        first = self.kind.currentData() == "first"
        self.step.setEnabled(first)
        label = self.form.labelForField(self.step)
        if label is not None:
            label.setEnabled(first)
        self._expected_changed()

    def _expected_changed(self) -> None:
        row = self.expected()
        if row is None:
            self.due.setText(self.tr("No deadline set by the rules for this report."))
            return
        if row.get("sender_named", True):
            self.from_unit.setText(row["sender"])
        else:  # 发现单位 is a role: the unit's own name is typed
            self.from_unit.clear()
            self.from_unit.setPlaceholderText(row["sender"])
        self.to_unit.setText(row["receiver"])
        text = self.tr("Due {due} — {basis}").format(due=when(row["due"]), basis=row["basis"])
        if row["done"]:
            text = self.tr("Reported {time}.").format(time=when(row["done"]["reported_at"]))
        self.due.setText(text)

    def values(self) -> dict:
        given = {
            "reported_at": self.reported_at.value(),
            "title": self.title.text(),
            "summary": self.summary_text.toPlainText(),
            "measures": self.measures.toPlainText(),
            "next_steps": self.next_steps.toPlainText(),
            "signer": self.signer.text(),
        }
        for key, edit in (("from_unit", self.from_unit), ("to_unit", self.to_unit)):
            if edit.text().strip():
                given[key] = edit.text()
        if self.kind.currentData() == "first" and self.step.currentData():
            given["step"] = self.step.currentData()
        return given

    def job(self):
        from desktop.core.incidents import reports

        ref, ctx = self.incident["id"], actor()
        kind, given = self.kind.currentData(), self.values()
        self.marks.clear()
        row = self.expected()
        if row is not None and not row.get("sender_named", True) and "from_unit" not in given:
            # 发现单位 is the role: on the report stands the unit's name
            refusal = Invalid("from_unit", self.tr(
                "Name the unit that discovered the event and reports it (a hospital, a "
                "laboratory, a farm …)."))  # fmt: skip

            def refused(_db):
                raise refusal

            return refused
        return lambda db: reports.add(db, ctx, ref, kind, given)

    def show_error(self, message: str, field: str | None = None) -> None:
        self.marks.mark(self.fields.get(field or ""))
        super().show_error(message, field)

    def summary(self, report: dict) -> str:
        return self.tr("Report {number} recorded: {kind}, {sender} → {receiver}.").format(
            number=report["number"],
            kind=report["kind_name"],
            sender=report["from_unit"],
            receiver=report["to_unit"],
        )
