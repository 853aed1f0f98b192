"""启动预案: the approved playbooks of the incident's hazard (activation.suggestions) —
those made for its grade first, with the tasks that apply now and in all — and the
activation of the one chosen. One that does not fit the grade, or is active already,
cannot be chosen (and says why)."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.ui.incidents import labels
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel


class SuggestionsModel(RowsModel):
    """Suggested playbooks; those that cannot be activated are grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("code", QCoreApplication.translate("ActivateDialog", "Code")),
                Column("title", QCoreApplication.translate("ActivateDialog", "Playbook")),
                Column(
                    "version", QCoreApplication.translate("ActivateDialog", "Version"), "number"
                ),
                Column("grades_text", QCoreApplication.translate("ActivateDialog", "Grades")),
                Column(
                    "tasks_text", QCoreApplication.translate("ActivateDialog", "Tasks now / in all")
                ),
                Column("state", QCoreApplication.translate("ActivateDialog", "State")),
            ],
            parent=parent,
        )

    def set_suggestions(self, rows: list[dict]) -> None:
        for row in rows:
            row["grades_text"] = ", ".join(row["grades"])
            row["tasks_text"] = f"{row['tasks_now']} / {row['tasks_all']}"
            row["choosable"] = row["fits"] and not row["activated"]
            if row["activated"]:
                row["state"] = QCoreApplication.translate("ActivateDialog", "Activated")
            elif not row["fits"]:
                row["state"] = QCoreApplication.translate("ActivateDialog", "Not for this grade")
            else:
                row["state"] = QCoreApplication.translate("ActivateDialog", "Suggested")
        self.set_rows(rows)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.rows[index.row()]
            return None if row.get("choosable") else style.UNUSABLE
        return super().data(index, role)


class ActivateDialog(FormDialog):
    """Choose a suggested playbook and activate it.

    Signals:
        loaded(int): the suggestions arrived (how many).
    """

    loaded = Signal(int)

    def __init__(self, worker, incident: dict, parent=None):
        super().__init__(worker, self.tr("Activate playbook — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.setMinimumWidth(820)
        intro = QLabel(
            self.tr(
                "Approved playbooks for {hazard}, those for grade {grade} first. Activating "
                "one gives the incident its tasks (due counted from now) and material lines."
            ).format(hazard=labels.name("hazard", incident["hazard"]), grade=incident["grade"])
        )
        intro.setWordWrap(True)
        self.model = SuggestionsModel(self)
        self.table = list_table(self.model, 1)
        self.table.setMinimumHeight(180)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.table.doubleClicked.connect(lambda _index: self.submit())
        self.form.addRow(intro)
        self.form.addRow(self.table)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Activate"))
        self.ok.setEnabled(False)
        from desktop.core import incidents

        ref = incident["id"]
        worker.run(lambda db: incidents.suggestions(db, ref), self._arrived)

    def _arrived(self, rows: list[dict]) -> None:
        self.model.set_suggestions(rows)
        fit(self.table, widest=360)
        first = next((n for n, row in enumerate(rows) if row["choosable"]), -1)
        if first >= 0:
            choose_row(self.table, first)
        elif not rows:
            self.show_error(self.tr("No approved playbook for this hazard."))
        self.loaded.emit(len(rows))

    def chosen(self) -> dict | None:
        return self.model.row(self.table.currentIndex().row())

    def select(self, code: str) -> bool:
        for number, row in enumerate(self.model.rows):
            if row["code"] == code:
                choose_row(self.table, number)
                return True
        return False

    def _chosen(self) -> None:
        row = self.chosen()
        self.ok.setEnabled(bool(row and row["choosable"]))

    def _set_busy(self, busy: bool) -> None:
        row = self.chosen()
        self.ok.setEnabled(not busy and bool(row and row["choosable"]))

    def job(self):
        from desktop.core import incidents
        from desktop.ui.shell.jobs import actor

        row = self.chosen()
        ref, ctx = self.incident["id"], actor()
        code = row["code"] if row else ""
        return lambda db: incidents.activate(db, ctx, ref, code)

    def summary(self, result: dict) -> str:
        return self.tr(
            "Playbook {code} v{version} activated: {tasks} task(s), {lines} material line(s)."
        ).format(
            code=result["playbook"],
            version=result["version"],
            tasks=result["tasks"],
            lines=result["lines"],
        )
