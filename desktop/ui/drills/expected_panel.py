"""The expected actions on the drill console (evaluation.expected), refreshed with every
snapshot: the inject, the action and its agency, the objective, the deadline and when it
was done on the drill's clock, and the result — met in green, late in amber, missed in
red, pending as it is, not applicable in grey; one an evaluator judged says so. 评判…
records an evaluator's judgement (evaluation.mark), which overrides what was computed (an
oral notification leaves no trace in the log)."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.drills import labels
from desktop.ui.drills.live_rows import LiveRowsModel
from desktop.ui.drills.parts import live_table
from desktop.ui.incidents.fields import text_box
from desktop.ui.incidents.tables import fit
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column

TEXT = 2
COLOURS = {
    "met": QColor(style.GREEN),
    "late": QColor(style.AMBER),
    "missed": QColor(style.RED),
    "na": style.UNUSABLE,
}


class ExpectedModel(LiveRowsModel):
    """Expected actions in MSEL order; the result coloured."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("inject", QCoreApplication.translate("ExpectedPanel", "Inject"), "number"),
                Column("action_name", QCoreApplication.translate("ExpectedPanel", "Action")),
                Column("text", QCoreApplication.translate("ExpectedPanel", "Expected")),
                Column("agency_shown", QCoreApplication.translate("ExpectedPanel", "Agency")),
                Column("objective", QCoreApplication.translate("ExpectedPanel", "Objective")),
                Column("deadline", QCoreApplication.translate("ExpectedPanel", "Deadline")),
                Column("done", QCoreApplication.translate("ExpectedPanel", "Done")),
                Column("result_name", QCoreApplication.translate("ExpectedPanel", "Result")),
                Column("judged_text", QCoreApplication.translate("ExpectedPanel", "Evaluator")),
            ],
            parent=parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole:
            return COLOURS.get(row["result"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(part for part in (row["text"], row["by"], row["note"]) if part)
        return super().data(index, role)


def shown_row(item: dict, agencies: dict[str, str]) -> dict:
    """An item of evaluation.expected as the table shows it."""
    deadline = labels.t_plus(item["deadline_s"]) or QCoreApplication.translate(
        "ExpectedPanel", "{minutes} min after the inject"
    ).format(minutes=item["within_min"])
    return {
        "id": item["id"],
        "inject": item["inject"],
        "action_name": labels.name("action", item["action"]),
        "text": item["text"],
        "agency_shown": agencies.get(item["agency"] or "", item["agency_name"] or ""),
        "objective": item["objective"] or "",
        "deadline": deadline,
        "done": labels.t_plus(item["done_s"]),
        "result": item["result"],
        "result_name": labels.name("result", item["result"]),
        "judged_text": QCoreApplication.translate("ExpectedPanel", "judged")
        if item["judged"]
        else "",
        "by": item["by"] or "",
        "note": item["note"] or "",
    }


class ExpectedPanel(QWidget):
    """Signals:
    message(str, str): to say on the page (text, style role).
    dialog_opened(object): the 评判 dialog was opened.
    written(): an action was judged (read the console again).
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)
    written = Signal()

    def __init__(self, worker, session, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.session = session
        self.agencies: dict[str, str] = {}
        self.mark_button = QPushButton(self.tr("Judge…"))
        self.mark_button.setAutoDefault(False)
        self.mark_button.setToolTip(
            self.tr("An evaluator's judgement of the chosen action: it stands over the one "
                    "computed from what the players did")
        )  # fmt: skip
        self.mark_button.clicked.connect(self.judge)
        self.tally = style.apply(QLabel(), "muted")
        bar = QHBoxLayout()
        bar.addWidget(style.apply(QLabel(self.tr("Expected actions")), "heading"))
        bar.addWidget(self.mark_button)
        bar.addStretch(1)
        bar.addWidget(self.tally)
        self.model = ExpectedModel(self)
        self.table = live_table(self.model, TEXT)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.update_actions())
        self.table.doubleClicked.connect(lambda _index: self.judge())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.update_actions()

    def show_expected(self, items: list[dict]) -> None:
        if self.model.update([shown_row(item, self.agencies) for item in items]):
            fit(self.table, widest=200)
        counts = dict.fromkeys(("met", "late", "missed", "pending"), 0)
        for item in items:
            counts[item["result"]] = counts.get(item["result"], 0) + 1
        self.tally.setText(
            "  ".join(
                f"{labels.name('result', k)} {counts[k]}"
                for k in ("met", "late", "missed", "pending")
            )  # fmt: skip
        )
        self.update_actions()

    def chosen(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def update_actions(self) -> None:
        self.mark_button.setEnabled(self.chosen() is not None)

    def judge(self):
        row = self.chosen()
        if row is None:
            return None
        dialog = MarkDialog(self.worker, self.session.drill_id, row, self)
        said = self.tr("Judged: inject {no}, {action}.").format(
            no=row["inject"], action=row["action_name"]
        )
        dialog.succeeded.connect(lambda _r: self.message.emit(said, "ok"))
        dialog.succeeded.connect(lambda _r: self.written.emit())
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog


class MarkDialog(FormDialog):
    """评判: met, late, missed or not applicable, with a note."""

    def __init__(self, worker, drill_id: str, row: dict, parent=None):
        super().__init__(worker, self.tr("Judge an expected action"), parent)
        self.drill_id = drill_id
        self.row = row
        what = QLabel(f"#{row['inject']}  {row['action_name']}  {row['text']}".strip())
        what.setWordWrap(True)
        self.result = QComboBox()
        for code in ("met", "late", "missed", "na"):
            self.result.addItem(labels.name("result", code), code)
        found = self.result.findData(row["result"])
        self.result.setCurrentIndex(max(found, 0))
        self.note = text_box(3, self.tr("What the evaluator saw"))
        self.note.setPlainText(row["note"])
        self.form.addRow(self.tr("Expected action"), what)
        self.form.addRow(self.tr("Result"), self.result)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(result=self.result, note=self.note)

    def job(self):
        from desktop.core.drills import evaluation

        drill, ref, ctx = self.drill_id, self.row["id"], actor()
        result, note = self.result.currentData(), self.note.toPlainText()
        return lambda db: evaluation.mark(db, ctx, drill, ref, result, note)
