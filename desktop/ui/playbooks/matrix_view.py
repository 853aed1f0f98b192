"""责任矩阵: member agencies × playbooks × phases (playbooks.matrix, the latest approved
version of each playbook) as a table — its header names each playbook above its phases,
read top-down as the printed matrix is (widgets/banded_header), cells say 牵头 (shaded)
or 配合. A clause chooser above it keeps the agencies the plan names in one clause
(plan.agencies, in the plan's order), says which of them no playbook gives a task, and
opens the clause's words. 打印预览… / 打印… / 导出 PDF… of
desktop/documents/responsibility_matrix.py through the same QtPdf preview and printing code
as the allocation orders (widgets/document_printer.py)."""

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets import style
from desktop.ui.widgets.banded_header import GROUP_ROLE, BandedHeader
from desktop.ui.widgets.change_watcher import PLAYBOOKS, watch
from desktop.ui.widgets.document_printer import DocumentPrinter, pdf_job

NO_PARENT = QModelIndex()
CENTER = int(Qt.AlignmentFlag.AlignCenter)
LEAD = QColor("#c9d7e8")


class MatrixModel(QAbstractTableModel):
    """One row per agency: its short name, then "lead", "support" or "" per (playbook,
    phase) column, shown as 牵头 / 配合; UserRole gives the stored mark. The header names
    each column's phase, and its playbook under GROUP_ROLE (drawn above the phases)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.columns: list[dict] = []
        self.all_agencies: list[dict] = []
        self.agencies: list[dict] = []  # the rows shown
        self.only: list[str] | None = None  # agency codes kept, in this order; None: all

    def set_matrix(self, matrix: dict) -> None:
        self.beginResetModel()
        self.columns = matrix["columns"]
        self.all_agencies = matrix["rows"]
        self._keep()
        self.endResetModel()

    def set_filter(self, codes: list[str] | None) -> None:
        """Show only these agencies (in this order), or all of them (None)."""
        self.beginResetModel()
        self.only = None if codes is None else list(codes)
        self._keep()
        self.endResetModel()

    def _keep(self) -> None:
        if self.only is None:
            self.agencies = list(self.all_agencies)
            return
        by_code = {row["agency"]: row for row in self.all_agencies}
        self.agencies = [by_code[code] for code in self.only if code in by_code]

    def missing(self) -> list[str]:
        """The agencies kept by the filter that have no task in any playbook shown."""
        shown = {row["agency"] for row in self.all_agencies}
        return [code for code in self.only or [] if code not in shown]

    def marks(self) -> dict[str, str]:
        return {
            "lead": QCoreApplication.translate("MatrixModel", "Lead"),
            "support": QCoreApplication.translate("MatrixModel", "Support"),
        }

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() or not self.columns else len(self.agencies)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() or not self.columns else len(self.columns) + 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        agency = self.agencies[row]
        if column == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return agency["short_name"] or agency["name"]
            if role == Qt.ItemDataRole.ToolTipRole:
                return agency["name"]
            if role == Qt.ItemDataRole.UserRole:
                return agency["agency"]
            return None
        mark = agency["cells"][column - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.marks().get(mark, "")
        if role == Qt.ItemDataRole.UserRole:
            return mark
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if role == Qt.ItemDataRole.BackgroundRole and mark == "lead":
            return LEAD
        if role == Qt.ItemDataRole.ForegroundRole and mark:
            return QColor("#000000")
        if role == Qt.ItemDataRole.FontRole and mark == "lead":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and mark:
            spec = self.columns[column - 1]
            return f"{agency['name']} · {spec['playbook_title']} · {spec['phase_title']}"
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self.columns):
            return None
        if section == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("MatrixModel", "Member agency")
            return None
        spec = self.columns[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec["phase_title"]
        if role == GROUP_ROLE:  # the playbook, above its phases
            return QCoreApplication.translate("MatrixModel", "{title}\n{code} v{version}").format(
                title=spec["playbook_title"], code=spec["playbook"], version=spec["version"]
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{spec['playbook_title']} · {spec['phase_title']}"
        return None


def render_job(title: str, copies: int, path: Path):
    def render(db):
        from desktop.documents import responsibility_matrix  # reportlab: only when printing

        return responsibility_matrix.render(db, path)

    return pdf_job(render, path)


def clause_choices() -> list[tuple[str, str, str]]:
    """(reference, caption, heading) of each sub-section and item of the plan that names
    an agency, in the plan's order: ("三（六）二", "三（六）二　二是加强救援处置", heading)."""
    from desktop.core.playbooks import plan

    out = []
    for ref in plan.references():
        clause = plan.parse(ref)
        if clause.subsection is None or not plan.agencies(ref):
            continue
        heading = plan.passage(ref)["heading"]
        last = heading.split("\u3000")[-1]
        if clause.item is None:  # （六）防范生物恐怖袭击… → 防范生物恐怖袭击…
            last = last.split("）", 1)[-1]
        out.append((ref, f"{ref}\u3000{last}", heading))
    return out


class MatrixView(QWidget):
    """Signals:
    loaded(int): the matrix is shown (its number of agency rows).
    filtered(int): the clause filter changed what is shown (the agency rows shown).
    dialog_opened(object): the print preview, or the clause's passage, opened.
    """

    loaded = Signal(int)
    filtered = Signal(int)
    dialog_opened = Signal(object)

    def __init__(self, worker, lists: dict | None = None, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.names = {
            a["code"]: a["short_name"] or a["name"] for a in (lists or {}).get("agencies", [])
        }
        self._printing = None
        self.dialog = None
        self.model = MatrixModel(self)
        self.table = QTableView()
        self.table.setHorizontalHeader(BandedHeader(self.table))
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setHighlightSections(False)
        self.buttons = {}
        bar = QHBoxLayout()
        note = style.apply(
            QLabel(self.tr("Latest approved version of each playbook. Shaded: lead agency.")),
            "muted",
        )
        bar.addWidget(note, 1)
        for key, caption in (
            ("preview", self.tr("Print preview…")),
            ("print_matrix", self.tr("Print…")),
            ("export", self.tr("Export PDF…")),
            ("refresh", self.tr("Refresh")),
        ):
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: getattr(self, k)())
            self.buttons[key] = button
            bar.addWidget(button)
        self.clause = QComboBox()
        self.clause.addItem(self.tr("All agencies"), None)
        for ref, caption, heading in clause_choices():
            self.clause.addItem(caption, ref)
            self.clause.setItemData(self.clause.count() - 1, heading, Qt.ItemDataRole.ToolTipRole)
        self.clause.setMaxVisibleItems(24)
        self.clause.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.clause.currentIndexChanged.connect(lambda _index: self._filter())
        self.passage_button = QPushButton(self.tr("The plan's words…"))
        self.passage_button.setToolTip(self.tr("Open the clause in the plan"))
        self.passage_button.setAutoDefault(False)
        self.passage_button.clicked.connect(self.open_passage)
        self.clause_note = QLabel()
        self.clause_note.setWordWrap(True)
        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Agencies the plan names in")))
        chooser.addWidget(self.clause)
        chooser.addWidget(self.passage_button)
        chooser.addWidget(self.clause_note, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(chooser)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        watch(self, worker, PLAYBOOKS)

    def title(self) -> str:
        return self.tr("Responsibility matrix")

    def refresh(self) -> None:
        from desktop.core import playbooks

        self.worker.run(playbooks.matrix, self._arrived)

    def _arrived(self, matrix: dict) -> None:
        self.model.set_matrix(matrix)
        header = self.table.horizontalHeader()
        width = max(84, self.table.fontMetrics().horizontalAdvance("社会秩序恢复") + 16)
        for column in range(1, header.count()):
            header.resizeSection(column, width)
        self._filter(announce=False)
        if not matrix["rows"]:
            self.say(self.tr("No approved playbook: the matrix is empty."), "error")
        self.loaded.emit(len(matrix["rows"]))

    # the clause filter -------------------------------------------------------------------
    def choose_clause(self, ref: str | None) -> bool:
        """Keep the agencies of this clause (None: all); False if it is not offered."""
        index = self.clause.findData(ref)
        if index < 0:
            return False
        self.clause.setCurrentIndex(index)
        return True

    def _filter(self, announce: bool = True) -> None:
        from desktop.core.playbooks import plan

        ref = self.clause.currentData()
        codes = plan.agencies(ref) if ref else None
        self.model.set_filter(codes)
        self.passage_button.setEnabled(ref is not None)
        self.table.resizeColumnToContents(0)
        self.table.resizeRowsToContents()
        if ref is None:
            self.clause_note.clear()
        else:
            text = self.tr("{count} agencies named in {ref}.").format(count=len(codes), ref=ref)
            missing = self.model.missing()
            if missing:
                names = "、".join(self.names.get(code, code) for code in missing)
                text += " " + self.tr("No playbook gives a task to: {agencies}.").format(
                    agencies=names
                )
            self.clause_note.setText(text)
            style.apply(self.clause_note, "muted")
            if missing:  # amber: the playbooks leave out an agency the plan names
                palette = self.clause_note.palette()
                palette.setColor(self.clause_note.foregroundRole(), style.NEAR_EXPIRY)
                self.clause_note.setPalette(palette)
        if announce:
            self.filtered.emit(len(self.model.agencies))

    def open_passage(self):
        from desktop.ui.widgets.plan_passage import open_passage

        ref = self.clause.currentData()
        if ref is None:
            return None
        dialog = open_passage(self, ref)
        self.dialog_opened.emit(dialog)
        return dialog

    def say(self, text: str, role: str = "ok") -> None:
        style.apply(self.message, role)
        self.message.setText(text)

    # printing ------------------------------------------------------------------------------
    @property
    def printing(self) -> DocumentPrinter:
        if self._printing is None:
            self._printing = DocumentPrinter(self.worker, self, render_job, copies_choice=False)
            self._printing.message.connect(self.say)
        return self._printing

    def preview(self):
        self.dialog = self.printing.preview(self.title())
        self.dialog_opened.emit(self.dialog)
        return self.dialog

    def print_matrix(self) -> None:
        self.printing.print_document(self.title())

    def export(self, path: Path | None = None) -> None:
        self.printing.export(self.title(), 1, path)
