"""The editor of one playbook version: its actions (生成新版本, 批准, 停用, 导出/导入 JSON), a
banner when it is approved or retired (read-only), and three tabs — 基本信息 (header),
阶段与任务 (playbook_structure) and 物资测算参数 (playbook_factors).

Every edit runs on the worker as one job that makes the change and reads the version
again; a refusal of the core (BioError) comes back as a value and is shown in red."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.playbooks.files import GRADES
from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.playbooks.factors import FactorsPanel
from desktop.ui.playbooks.sources import SourceTag
from desktop.ui.playbooks.structure import StructurePanel
from desktop.ui.playbooks.task_form import lock
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.documents_folder import documents_folder, in_documents
from desktop.ui.widgets.plan_passage import ClauseLinks

CLAUSE_SEPARATOR = "；"


def scrolling(page: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


class PlaybookEditor(QWidget):
    """Signals:
    loaded(object): a version was read and shown (the playbooks.get dict).
    changed(str, int): a version was written (code, version to show in the list).
    refused(str): the core refused; the message is shown in red.
    """

    loaded = Signal(object)
    changed = Signal(str, int)
    refused = Signal(str)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.doc: dict | None = None
        self.read_only = True
        self.requested: tuple[str, int] | None = None  # the version last asked for
        self._ticket = 0
        self.actions_by_key: dict[str, QAction] = {}
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key, caption, tip in (
            ("new_version", self.tr("New version"), self.tr("A draft copy of this version")),
            ("approve", self.tr("Approve…"), self.tr("Approve the draft; retires the old")),
            ("retire", self.tr("Retire…"), self.tr("No longer offer this version")),
            (None, None, None),
            ("export_json", self.tr("Export JSON…"), self.tr("Save this version as a file")),
            ("import_json", self.tr("Import JSON…"), self.tr("A playbook file as a new draft")),
        ):
            if key is None:
                self.toolbar.addSeparator()
                continue
            action = QAction(caption, self)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, k=key: getattr(self, k)())
            self.toolbar.addAction(action)
            self.actions_by_key[key] = action
        self.heading = style.apply(QLabel(), "heading")
        self.heading.setWordWrap(True)
        self.banner = style.apply(
            QLabel(self.tr("An approved version cannot be changed; make a new version.")),
            "banner",
        )
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.structure = StructurePanel(self.edit)
        self.factors = FactorsPanel(self.edit)
        # Each tab scrolls when the window is small (1366×768 with the search results shown).
        for page, caption in (
            (self._build_header(), self.tr("Header")),
            (self.structure, self.tr("Phases and tasks")),
            (self.factors, self.tr("Planning factors")),
        ):
            self.tabs.addTab(scrolling(page), caption)
        self.structure.set_lists(lists)
        self.factors.set_lists(lists)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        self._show(None)

    def _build_header(self) -> QWidget:
        page = QWidget()
        self.title = QLineEdit()
        self.hazard = QComboBox()
        for code, name in playbook_labels.hazards().items():
            self.hazard.addItem(name, code)
        self.grades = {grade: QCheckBox(grade) for grade in GRADES}
        grades = QHBoxLayout()
        for box in self.grades.values():
            grades.addWidget(box)
        grades.addWidget(style.apply(QLabel(self.tr("(I highest … IV lowest)")), "muted"))
        self.grades_source = SourceTag()
        grades.addWidget(self.grades_source)
        grades.addStretch(1)
        self.clauses = QLineEdit()
        self.clauses.setPlaceholderText(self.tr("Clauses of the plan, separated by ；"))
        self.clause_links = ClauseLinks()
        self.clauses.textChanged.connect(self._show_clauses)
        clauses = QVBoxLayout()
        clauses.setSpacing(2)
        clauses.addWidget(self.clauses)
        clauses.addWidget(self.clause_links)
        self.summary = QPlainTextEdit()
        self.example = style.apply(QLabel(), "muted")
        self.save_header_button = QPushButton(self.tr("Save header"))
        self.save_header_button.clicked.connect(self.save_header)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Hazard"), self.hazard)
        form.addRow(self.tr("Grades"), grades)
        form.addRow(self.tr("Basis in the plan"), clauses)
        form.addRow(self.tr("Summary"), self.summary)
        form.addRow("", self.example)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_header_button)
        form.addRow(buttons)
        self.header_inputs = (self.title, self.hazard, self.clauses, self.summary)
        self.header_inputs += tuple(self.grades.values())
        return page

    # showing -------------------------------------------------------------------------------
    def show_tab(self, page: QWidget) -> None:
        """Bring one of the editor's pages (self.structure, self.factors …) to the front."""
        for index in range(self.tabs.count()):
            area = self.tabs.widget(index)
            if isinstance(area, QScrollArea) and area.widget() is page:
                self.tabs.setCurrentIndex(index)

    def load(self, code: str, version: int) -> None:
        from desktop.core import playbooks

        self._ticket += 1
        ticket = self._ticket
        self.requested = (code, version)
        job = refusable(lambda db: playbooks.get(db, code, version))
        self.worker.run(job, lambda doc: self._arrived(ticket, doc))

    def _arrived(self, ticket: int, doc) -> None:
        if ticket != self._ticket:
            return
        if isinstance(doc, Refused):
            self.say(doc.message, "error")
            doc = None
        self._show(doc)
        self.loaded.emit(doc)

    def _show(self, doc: dict | None, keep: str | None = None) -> None:
        self.doc = doc
        self.read_only = doc is None or doc["status"] != "draft"
        self.banner.setVisible(doc is not None and self.read_only)
        self.tabs.setEnabled(doc is not None)
        if doc is None:
            self.heading.setText(self.tr("Choose a playbook version in the list."))
            for action in self.actions_by_key.values():
                action.setEnabled(action is self.actions_by_key["import_json"])
            return
        statuses = playbook_labels.statuses()
        self.heading.setText(
            self.tr("{code} version {version} · {status}").format(
                code=doc["code"], version=doc["version"], status=statuses[doc["status"]]
            )
        )
        self.title.setText(doc["title"])
        self.hazard.setCurrentIndex(max(self.hazard.findData(doc["hazard"]), 0))
        for grade, box in self.grades.items():
            box.setChecked(grade in doc["grades"])
        self.clauses.setText(CLAUSE_SEPARATOR.join(doc["clauses"]))
        self.clauses.setCursorPosition(0)
        self.grades_source.set_source((doc.get("sources") or {}).get("grades"))
        self.summary.setPlainText(doc["summary"])
        notes = []
        if doc["example"]:
            notes.append(self.tr("Shipped example: adapt it to local practice before use."))
        if doc["based_on"]:
            notes.append(self.tr("Based on version {version}.").format(version=doc["based_on"]))
        self.example.setText(" ".join(notes))
        editable = not self.read_only
        lock(self.header_inputs, editable)
        self.clauses.setVisible(editable)  # read-only: the links say it
        self.save_header_button.setEnabled(editable)
        self.structure.set_editable(editable)
        self.factors.set_editable(editable)
        self.structure.show_doc(doc, keep)
        self.factors.show_doc(doc, keep)
        self.actions_by_key["new_version"].setEnabled(True)
        self.actions_by_key["approve"].setEnabled(doc["status"] == "draft")
        self.actions_by_key["retire"].setEnabled(doc["status"] != "retired")
        self.actions_by_key["export_json"].setEnabled(True)
        self.actions_by_key["import_json"].setEnabled(True)

    def _show_clauses(self, text: str) -> None:
        title = self.doc["title"] if self.doc else ""
        self.clause_links.set_clause(text, title=title)

    def say(self, text: str, role: str = "ok") -> None:
        style.apply(self.message, role)
        self.message.setText(text)
        if role == "error":
            self.refused.emit(text)

    # edits of the draft --------------------------------------------------------------------
    def edit(self, fn, keep: str | None = None) -> None:
        """Run fn(db) on the worker, then show the version again (selecting keep, or the
        id fn returned); a refusal is said in red and nothing else changes."""
        from desktop.core import playbooks

        if self.doc is None:
            return
        code, version = self.doc["code"], self.doc["version"]

        def job(db):
            result = fn(db)
            return result, playbooks.get(db, code, version)

        self.worker.run(refusable(job), lambda result: self._edited(result, keep))

    def _edited(self, result, keep: str | None) -> None:
        if isinstance(result, Refused):
            self.say(result.message, "error")
            return
        made, doc = result
        self.say(self.tr("Saved."), "ok")
        self._show(doc, keep or (made if isinstance(made, str) else None))
        self.changed.emit(doc["code"], doc["version"])

    def header_values(self) -> dict:
        clauses = self.clauses.text().replace(";", CLAUSE_SEPARATOR).split(CLAUSE_SEPARATOR)
        return {
            "title": self.title.text(),
            "hazard": self.hazard.currentData(),
            "grades": [grade for grade, box in self.grades.items() if box.isChecked()],
            "clauses": clauses,
            "summary": self.summary.toPlainText(),
            "example": self.doc["example"],
        }

    def save_header(self) -> None:
        from desktop.core import playbooks

        ctx, pid, values = actor(), self.doc["id"], self.header_values()
        self.edit(lambda db: playbooks.save_playbook_header(db, ctx, pid, values))

    # versions ------------------------------------------------------------------------------
    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Playbooks"), text)
        return answer == QMessageBox.StandardButton.Yes

    def _version_job(self, fn, done_text: str) -> None:
        self.worker.run(refusable(fn), lambda result: self._versioned(result, done_text))

    def _versioned(self, result, done_text: str) -> None:
        if isinstance(result, Refused):
            self.say(result.message, "error")
            return
        code, version = result
        self.load(code, version)
        self.say(done_text.format(code=code, version=version), "ok")
        self.changed.emit(code, version)

    def new_version(self) -> None:
        from desktop.core import playbooks

        code, version, ctx = self.doc["code"], self.doc["version"], actor()
        self._version_job(
            lambda db: (code, playbooks.new_version(db, ctx, code, version)),
            self.tr("Draft {code} version {version} made: edit it, then approve it."),
        )

    def approve(self) -> None:
        from desktop.core import playbooks

        code, version, ctx = self.doc["code"], self.doc["version"], actor()
        text = self.tr(
            "Approve {code} version {version}? It can no longer be changed, and the "
            "approved version before it is retired."
        ).format(code=code, version=version)
        if self.confirm(text):
            self._version_job(
                lambda db: (code, playbooks.approve(db, ctx, code, version) or version),
                self.tr("{code} version {version} approved."),
            )

    def retire(self) -> None:
        from desktop.core import playbooks

        code, version, ctx = self.doc["code"], self.doc["version"], actor()
        text = self.tr(
            "Retire {code} version {version}? It stays on record but is no longer used."
        ).format(code=code, version=version)
        if self.confirm(text):
            self._version_job(
                lambda db: (code, playbooks.retire(db, ctx, code, version) or version),
                self.tr("{code} version {version} retired."),
            )

    # files ---------------------------------------------------------------------------------
    def export_json(self, path: Path | None = None) -> None:
        from desktop.core import playbooks

        code, version = self.doc["code"], self.doc["version"]
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export playbook"),
                in_documents(f"{code}-v{version}.json"),
                self.tr("Playbook files (*.json)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        self.worker.run(
            refusable(lambda db: playbooks.export_json(db, code, version, path)), self._exported
        )

    def _exported(self, result) -> None:
        if isinstance(result, Refused):
            self.say(result.message, "error")
            return
        self.say(self.tr("Exported to {path}.").format(path=result), "ok")

    def import_json(self, path: Path | None = None) -> None:
        from desktop.core import playbooks

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(
                self,
                self.tr("Import playbook"),
                str(documents_folder()),
                self.tr("Playbook files (*.json)"),
            )
            if not chosen:
                return
            path = Path(chosen)
        ctx = actor()
        self._version_job(
            lambda db: playbooks.import_json(db, ctx, path),
            self.tr("Imported as draft {code} version {version}."),
        )
