"""建议… (the analyst's recommendations drawn from the monitoring, for the whole incident
or one cohort; those recorded before are listed) and 监测报告… (the summary report of the
incident or one cohort over a period, shown in the common print preview: the PDF that
prints, rendered on the worker by documents/monitoring_summary.py)."""

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QToolTip,
    QVBoxLayout,
)

from desktop.ui.incidents import labels
from desktop.ui.incidents.fields import text_box
from desktop.ui.monitoring.forms import MarkedForm, date_edit
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.document_printer import DocumentPrinter, pdf_job
from desktop.ui.widgets.times import when


def cohort_combo(everyone: str) -> QComboBox:
    combo = QComboBox()
    labels.fill(combo, "cohort", first=everyone)
    return combo


class RecommendDialog(MarkedForm):
    """建议: a recommendation for the whole incident or one cohort.

    Signals:
        notes_loaded(int): the recommendations recorded before arrived (how many).
    """

    notes_loaded = Signal(int)

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Recommendations — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.setMinimumWidth(640)
        self.before = QPlainTextEdit()
        self.before.setReadOnly(True)
        self.before.setFixedHeight(self.before.fontMetrics().lineSpacing() * 8 + 14)
        self.before.setPlaceholderText(self.tr("None recorded yet."))
        self.cohort = cohort_combo(self.tr("The whole incident"))
        self.text = text_box(6, self.tr("What the monitoring shows and what should follow"))
        self.form.addRow(self.tr("Recorded"), self.before)
        self.form.addRow(self.tr("For"), self.cohort)
        self.form.addRow(self.tr("Recommendation"), self.text)
        self.fields.update(cohort=self.cohort, text=self.text)
        from desktop.core.monitoring import report

        ref = incident["id"]
        worker.run(lambda db: report.notes(db, ref), self._arrived)

    def _arrived(self, rows: list[dict]) -> None:
        everyone = self.tr("The whole incident")
        self.before.setPlainText(
            "\n\n".join(
                f"{when(row['created_at'])} · "
                f"{labels.name('cohort', row['cohort']) if row['cohort'] else everyone}\n"
                f"{row['text']}"
                for row in rows
            )
        )
        self.notes_loaded.emit(len(rows))

    def job(self):
        from desktop.core.monitoring import report

        ref, ctx = self.incident["id"], actor()
        text, cohort = self.text.toPlainText(), self.cohort.currentData()
        return lambda db: report.recommend(db, ctx, ref, text, cohort)


class SummaryDialog(QDialog):
    """监测报告: the whole incident or one cohort, over every check so far or a period."""

    def __init__(self, incident: dict, parent=None):
        super().__init__(parent)
        self.incident = incident
        self.setWindowTitle(self.tr("Monitoring summary report — {number}").format(
            number=incident["number"]))  # fmt: skip
        self.cohort = cohort_combo(self.tr("All cohorts and sites"))
        self.limited = QCheckBox(self.tr("Only the period"))
        self.start = date_edit(QDate.currentDate().addDays(-30))
        self.end = date_edit()
        for edit in (self.start, self.end):
            edit.setEnabled(False)
            self.limited.toggled.connect(edit.setEnabled)
        form = QFormLayout()
        form.addRow(self.tr("For"), self.cohort)
        form.addRow("", self.limited)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To"), self.end)
        note = QLabel(
            self.tr(
                "Coverage of each schedule, results, abnormal findings and the recommendations "
                "recorded; people appear only by masked names."
            )
        )
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def accept(self) -> None:
        """Only with a period of dates: a day that is no date stays in red, its reason shown."""
        for edit in (self.start, self.end):
            problem = edit.problem() if edit.isEnabled() else None
            if problem:
                edit.setFocus()
                QToolTip.showText(edit.mapToGlobal(edit.rect().bottomLeft()), problem, edit)
                return
        super().accept()

    def choice(self) -> tuple[str | None, date | None, date | None]:
        """(cohort, start, end) as chosen."""
        if not self.limited.isChecked():
            return self.cohort.currentData(), None, None
        return self.cohort.currentData(), self.start.date().toPython(), self.end.date().toPython()


class SummaryPrinter(DocumentPrinter):
    """The monitoring summary report through the common preview; a key (the document's
    name) maps to the incident, cohort and period it shows."""

    def __init__(self, worker, parent_widget):
        self.args: dict[str, tuple] = {}
        super().__init__(worker, parent_widget, self._job, copies_choice=False)

    def _job(self, key: str, _copies: int, path: Path):
        ref, cohort, start, end = self.args[key]

        def render(db):
            from desktop.documents import monitoring_summary

            return monitoring_summary.render(db, ref, path, cohort, start, end)

        return pdf_job(render, path)

    def preview_summary(self, incident: dict, cohort: str | None, start, end):
        key = self.tr("{number} monitoring summary report").format(number=incident["number"])
        if cohort:
            key += " " + labels.name("cohort", cohort)
        if start and end:
            key += f" {start.isoformat()}–{end.isoformat()}"
        self.args[key] = (incident["id"], cohort, start, end)
        return self.preview(key)
