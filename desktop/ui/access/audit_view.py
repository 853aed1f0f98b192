"""审计日志 (administrators): every operation and audit event, newest first, filtered by
user, agency, table and time (trail.rows on the worker); 导出 writes what the filters
select to an xlsx workbook under Documents (trail.export, itself audited); 校验 runs
audit.verify and says what it found: the chains whole, with their counts, or each finding.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.date_field import DateField
from desktop.ui.widgets.documents_folder import in_documents
from desktop.ui.widgets.rows_model import Column, RowsModel

LIMIT = 1000  # rows shown; 导出 writes every row the filters select


def _choices(db) -> dict:
    """The agencies and the tables the operation log names, for the filters."""
    from desktop.core import choices
    from desktop.core.access import trail

    return {"agencies": choices.load(db, "agencies")["agencies"], "tables": trail.tables(db)}


def _verdict(db, ctx) -> dict:
    from desktop.core.access import audit, policy, roles

    policy.require(ctx, roles.AUDIT)
    found = audit.verify(db)
    return {
        "ok": found.ok,
        "operations": found.operations,
        "events": found.events,
        "seals": found.seals,
        "findings": [(f.where, f.text) for f in found.findings],
    }


class AuditDialog(QDialog):
    """Signals:
    loaded(int): the rows the filters select are shown (their number).
    verified(dict): 校验's result is shown.
    exported(object): 导出 wrote the workbook (its rows), or Refused.
    """

    loaded = Signal(int)
    verified = Signal(dict)
    exported = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.setObjectName("auditDialog")
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1200, 620)
        self.user = QLineEdit()
        self.user.setMaxLength(64)
        self.user.setPlaceholderText(self.tr("any"))
        self.agency = QComboBox()
        self.agency.addItem(self.tr("Any agency"), None)
        self.table_choice = QComboBox()
        self.table_choice.addItem(self.tr("Any data (and events)"), None)
        self.since = DateField(optional=True)
        self.until = DateField(optional=True)
        self.find_button = QPushButton(self.tr("Show"))
        self.find_button.clicked.connect(self.refresh)
        filters = QGridLayout()
        for column, (caption, widget) in enumerate(
            (
                (self.tr("User"), self.user),
                (self.tr("Agency"), self.agency),
                (self.tr("Data"), self.table_choice),
                (self.tr("From"), self.since),
                (self.tr("To"), self.until),
            )
        ):
            filters.addWidget(QLabel(caption), 0, column)
            filters.addWidget(widget, 1, column)
        filters.addWidget(self.find_button, 1, 5)
        filters.setColumnStretch(2, 1)
        headers = _headings()
        self.model = RowsModel([Column(key, caption) for key, caption in headers], parent=self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.count = style.apply(QLabel(), "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_export)
        self.verify_button = QPushButton(self.tr("Verify the log"))
        self.verify_button.clicked.connect(self.verify)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in (self.export_button, self.verify_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        worker.run(refusable(_choices), self._choices_arrived)
        self.refresh()

    def _choices_arrived(self, lists) -> None:
        if isinstance(lists, Refused):
            return
        for agency in lists["agencies"]:
            self.agency.addItem(f"{agency['name']} ({agency['code']})", agency["code"])
        for tables, caption in lists["tables"]:
            self.table_choice.addItem(caption, tables)  # a name may cover several tables

    def filters(self) -> dict:
        """The filters as trail.rows takes them (only those given)."""
        given = {
            "user": self.user.text().strip() or None,
            "agency": self.agency.currentData(),
            "table": self.table_choice.currentData(),
            "since": self.since.value(),
            "until": self.until.value(),
        }
        return {key: value for key, value in given.items() if value}

    def refresh(self) -> None:
        from desktop.core.access import trail

        problem = self.since.problem(self.tr("From")) or self.until.problem(self.tr("To"))
        if problem:
            self.say(problem, error=True)
            return
        ctx, given = actor(), self.filters()
        self.find_button.setEnabled(False)
        job = refusable(lambda db: trail.rows(db, ctx, limit=LIMIT, **given))
        self.worker.run(job, self._rows_arrived)

    def _rows_arrived(self, rows) -> None:
        self.find_button.setEnabled(True)
        if isinstance(rows, Refused):
            self.model.set_rows([])
            self.say(rows.message, error=True)
            self.loaded.emit(0)
            return
        self.model.set_rows(rows)
        style.fit_columns(self.table, stretch=len(self.model.columns) - 2)
        if len(rows) >= LIMIT:
            self.count.setText(
                self.tr("The newest {n} entries; narrow the filters, or export them all.").format(
                    n=f"{LIMIT:,}"
                )  # fmt: skip
            )
        else:
            self.count.setText(self.tr("{n} entries").format(n=f"{len(rows):,}"))
        self.loaded.emit(len(rows))

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        style.apply(self.message, "error" if error else "ok")
        self.message.show()

    # ------------------------------------------------------------ 导出, 校验

    def choose_export(self) -> None:
        name = self.tr("audit-log-{day}.xlsx").format(day=date.today().strftime("%Y%m%d"))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), in_documents(name),
            self.tr("Excel workbooks (*.xlsx)"),
        )  # fmt: skip
        if path:
            self.export(Path(path))

    def export(self, path: Path) -> None:
        from desktop.core.access import trail

        ctx, given = actor(), self.filters()
        self.export_button.setEnabled(False)
        job = refusable(lambda db: trail.export(db, ctx, path, **given))
        self.worker.run(job, lambda result: self._exported(result, path))

    def _exported(self, result, path: Path) -> None:
        self.export_button.setEnabled(True)
        if isinstance(result, Refused):
            self.say(result.message, error=True)
        else:
            self.say(self.tr("{n} entries written to {file}.").format(n=f"{result:,}",
                                                                     file=path))  # fmt: skip
        self.exported.emit(result)

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        ctx = actor()
        self.worker.run(refusable(lambda db: _verdict(db, ctx)), self._verified)

    def _verified(self, result) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(result, Refused):
            self.say(result.message, error=True)
            return
        if result["ok"]:
            self.say(
                self.tr(
                    "The log is whole: {ops} operations, {events} audit events and {seals} "
                    "seals checked; nothing was edited or deleted."
                ).format(
                    ops=f"{result['operations']:,}",
                    events=f"{result['events']:,}",
                    seals=f"{result['seals']:,}",
                )
            )
        else:
            shown = result["findings"][:20]
            lines = "\n".join(f"[{where}] {text}" for where, text in shown)
            more = len(result["findings"]) - len(shown)
            if more > 0:
                lines += "\n" + self.tr("… and {n} more.").format(n=more)
            self.say(
                self.tr("The log was altered: {n} finding(s).").format(n=len(result["findings"]))
                + "\n"
                + lines,
                error=True,
            )
        self.verified.emit(result)


def _headings() -> list[tuple[str, str]]:
    from desktop.core.access import trail

    return list(zip((key for key, _ in trail.COLUMNS), trail.headings(), strict=True))
