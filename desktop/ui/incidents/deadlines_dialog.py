"""报告时限设置: this station's reporting deadlines (reports.deadlines / set_deadlines) —
the hours of each link of the chain with its legal basis, the interval of progress
reports and the days for the final report — and 恢复默认 for the regulation's values."""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QDoubleSpinBox, QLabel, QPushButton

from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog

MAX_HOURS = 24 * 365


def _spin(suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setRange(0.5, MAX_HOURS)
    spin.setDecimals(1)
    spin.setSingleStep(0.5)
    spin.setSuffix(suffix)
    return spin


class DeadlinesDialog(FormDialog):
    """Signals:
    loaded(): the current deadlines are in the form.
    """

    loaded = Signal()

    def __init__(self, worker, parent=None):
        super().__init__(worker, self.tr("Reporting deadlines"), parent)
        from desktop.core.incidents import reports

        self.chain = reports.CHAIN
        self.defaults = {
            **{step.code: step.hours for step in reports.CHAIN},
            "progress_hours": reports.PROGRESS_HOURS,
            "final_days": reports.FINAL_DAYS,
        }
        self.setMinimumWidth(640)
        intro = style.apply(
            QLabel(
                self.tr(
                    "Deadlines of this station (not synchronized). The defaults are those of "
                    "the regulation named beside each; change them only on instruction."
                )
            ),
            "muted",
        )
        intro.setWordWrap(True)
        self.form.addRow(intro)
        self.spins: dict[str, QDoubleSpinBox] = {}
        hours = self.tr(" h")
        for step in reports.CHAIN:
            spin = _spin(hours)
            self.spins[step.code] = spin
            basis = style.apply(QLabel(reports.basis_text(step.basis)), "muted")
            self.form.addRow(reports.step_name(step.code), spin)
            self.form.addRow("", basis)
        self.spins["progress_hours"] = _spin(hours)
        self.form.addRow(self.tr("Progress reports every (grades I and II)"),
                         self.spins["progress_hours"])  # fmt: skip
        self.spins["final_days"] = _spin(self.tr(" days"))
        self.form.addRow(self.tr("Final report within, after the response ends"),
                         self.spins["final_days"])  # fmt: skip
        self.form.addRow(
            "", style.apply(QLabel(reports.basis_text("progress")), "muted")
        )  # fmt: skip
        self.fields.update(self.spins)
        self.reset = QPushButton(self.tr("Restore defaults"))
        self.reset.setAutoDefault(False)
        self.reset.clicked.connect(self.restore_defaults)
        self.buttons.addButton(self.reset, QDialogButtonBox.ButtonRole.ResetRole)
        self.setEnabled(False)
        worker.run(reports.deadlines, self._arrived)

    def _arrived(self, current: dict) -> None:
        values = {**current["steps"], "progress_hours": current["progress_hours"],
                  "final_days": current["final_days"]}  # fmt: skip
        for key, spin in self.spins.items():
            spin.setValue(float(values.get(key, self.defaults[key])))
        self.setEnabled(True)
        self.loaded.emit()

    def restore_defaults(self) -> None:
        for key, spin in self.spins.items():
            spin.setValue(float(self.defaults[key]))

    def job(self):
        from desktop.core.incidents import reports
        from desktop.ui.shell.jobs import actor

        changes = {key: spin.value() for key, spin in self.spins.items()}
        ctx = actor()
        return lambda db: reports.set_deadlines(db, changes, ctx)

    def summary(self, _result) -> str:
        return self.tr("Reporting deadlines saved for this station.")
