"""版本对比: two versions of one playbook code side by side (playbooks.diff): one row per
difference — header fields, phases, tasks and factors — with the older version's value
on the left and the newer one's on the right; added rows green, removed red, changed
amber."""

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.playbooks import labels as playbook_labels
from desktop.ui.shell.jobs import Refused, refusable
from desktop.ui.widgets import style

NO_PARENT = QModelIndex()
SHADES = {"added": QColor("#dff0d8"), "removed": QColor("#f8d7da"), "changed": QColor("#fff1c1")}


class DiffModel(QAbstractTableModel):
    """Rows (what, old, new, change) of one comparison; change: added | removed | changed."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str, str, str, str]] = []
        self.headers = [self.tr("What"), self.tr("Older version"), self.tr("Newer version")]

    def set_diff(self, diff: dict, v1: int, v2: int, lists: dict) -> None:
        self.beginResetModel()
        self.headers = [
            self.tr("What"),
            self.tr("Version {version}").format(version=v1),
            self.tr("Version {version}").format(version=v2),
        ]
        self.rows = rows_of(diff, lists)
        self.endResetModel()

    def rowCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=NO_PARENT):
        return 0 if parent.isValid() else 3

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SHADES[row[3]]
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("#000000")
        if role == Qt.ItemDataRole.UserRole:
            return row[3]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < 3
        ):
            return self.headers[section]
        return None


def shown(field: str, value, lists: dict) -> str:
    """A diffed value as text: agencies by short name, specialties with counts, lists
    joined with 、."""
    agencies = {a["code"]: a["short_name"] or a["name"] for a in lists.get("agencies", [])}
    specialties = {s["code"]: s["name"] for s in lists.get("specialties", [])}
    if value is None or value in ("", [], {}):
        return "—"
    if field == "hazard":
        return playbook_labels.hazards().get(value, value)
    if field == "lead_agency":
        return agencies.get(value, value)
    if field == "support_agencies":
        return "、".join(agencies.get(code, code) for code in value)
    if field == "specialties":
        return "、".join(f"{specialties.get(s['code'], s['code'])} ×{s['count']}" for s in value)
    if field == "sources" and isinstance(value, dict):
        from desktop.core.playbooks import provenance

        return "；".join(
            f"{provenance.field_label(name)}：{provenance.label(source)}"
            for name, source in value.items()
        )
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("DiffModel", "yes")
            if value
            else QCoreApplication.translate("DiffModel", "no")
        )
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def rows_of(diff: dict, lists: dict) -> list[tuple[str, str, str, str]]:
    names = playbook_labels.fields()
    out = []

    def changed(prefix: str, fields: list[dict]) -> None:
        for f in fields:
            what = f"{prefix} · {names.get(f['field'], f['field'])}"
            out.append(
                (
                    what,
                    shown(f["field"], f["old"], lists),
                    shown(f["field"], f["new"], lists),
                    "changed",
                )
            )

    changed(QCoreApplication.translate("DiffModel", "Header"), diff["header"])
    phase, task, factor = (
        QCoreApplication.translate("DiffModel", "Phase"),
        QCoreApplication.translate("DiffModel", "Task"),
        QCoreApplication.translate("DiffModel", "Factor"),
    )
    for title in diff["phases"]["removed"]:
        out.append((f"{phase} · {title}", title, "", "removed"))
    for title in diff["phases"]["added"]:
        out.append((f"{phase} · {title}", "", title, "added"))
    for entry in diff["phases"]["changed"]:
        changed(f"{phase} · {entry['title']}", entry["fields"])
    for entry in diff["tasks"]["removed"]:
        out.append((f"{task} · {entry['phase']}", entry["title"], "", "removed"))
    for entry in diff["tasks"]["added"]:
        out.append((f"{task} · {entry['phase']}", "", entry["title"], "added"))
    for entry in diff["tasks"]["changed"]:
        changed(f"{task} · {entry['title']}", entry["fields"])
    for key in diff["factors"]["removed"]:
        out.append((f"{factor} · {key}", key, "", "removed"))
    for key in diff["factors"]["added"]:
        out.append((f"{factor} · {key}", "", key, "added"))
    for entry in diff["factors"]["changed"]:
        changed(f"{factor} · {entry['key']}", entry["fields"])
    return out


class DiffView(QWidget):
    """Signals:
    compared(int): a comparison is shown (its number of differing rows).
    """

    compared = Signal(int)

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists = lists
        self.versions: dict[str, list[int]] = {}
        self.code = QComboBox()
        self.code.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.code.currentIndexChanged.connect(lambda _index: self._fill_versions())
        self.v1 = QComboBox()
        self.v2 = QComboBox()
        self.compare_button = QPushButton(self.tr("Compare"))
        self.compare_button.clicked.connect(self.compare)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Playbook")))
        bar.addWidget(self.code)
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Older")))
        bar.addWidget(self.v1)
        bar.addWidget(QLabel(self.tr("Newer")))
        bar.addWidget(self.v2)
        bar.addWidget(self.compare_button)
        bar.addStretch(1)
        legend = QHBoxLayout()
        for key, caption in (
            ("added", self.tr("added")),
            ("removed", self.tr("removed")),
            ("changed", self.tr("changed")),
        ):
            swatch = QLabel(f"  {caption}  ")
            swatch.setAutoFillBackground(True)
            palette = swatch.palette()
            palette.setColor(swatch.backgroundRole(), SHADES[key])
            palette.setColor(swatch.foregroundRole(), QColor("#000000"))
            swatch.setPalette(palette)
            legend.addWidget(swatch)
        legend.addStretch(1)
        self.model = DiffModel(self)
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(legend)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)

    def set_versions(self, rows: list[dict]) -> None:
        versions: dict[str, list[int]] = {}
        titles = {}
        for row in rows:
            versions.setdefault(row["code"], []).append(row["version"])
            titles[row["code"]] = row["title"]
        self.versions = versions
        current = self.code.currentData()
        self.code.blockSignals(True)
        self.code.clear()
        for code in versions:
            self.code.addItem(f"{code}  {titles[code]}", code)
        found = self.code.findData(current)
        self.code.setCurrentIndex(found if found >= 0 else 0)
        self.code.blockSignals(False)
        self._fill_versions()

    def _fill_versions(self) -> None:
        numbers = sorted(self.versions.get(self.code.currentData(), []))
        for combo, pick in ((self.v1, -2), (self.v2, -1)):
            combo.clear()
            for number in numbers:
                combo.addItem(self.tr("Version {version}").format(version=number), number)
            if numbers:
                combo.setCurrentIndex(max(len(numbers) + pick, 0))
        self.compare_button.setEnabled(len(numbers) >= 2)

    def choose(self, code: str, v1: int, v2: int) -> None:
        self.code.setCurrentIndex(self.code.findData(code))
        self.v1.setCurrentIndex(self.v1.findData(v1))
        self.v2.setCurrentIndex(self.v2.findData(v2))

    def compare(self) -> None:
        from desktop.core import playbooks

        code, v1, v2 = self.code.currentData(), self.v1.currentData(), self.v2.currentData()
        if code is None or v1 is None or v2 is None:
            return
        job = refusable(lambda db: playbooks.diff(db, code, v1, v2))
        self.worker.run(job, lambda result: self._compared(result, v1, v2))

    def _compared(self, result, v1: int, v2: int) -> None:
        if isinstance(result, Refused):
            style.apply(self.message, "error")
            self.message.setText(result.message)
            return
        self.model.set_diff(result, v1, v2, self.lists)
        self.table.resizeColumnToContents(0)
        header = self.table.horizontalHeader()
        header.resizeSection(0, min(header.sectionSize(0), 320))
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        style.apply(self.message, "muted")
        if result["same"]:
            self.message.setText(self.tr("The two versions are the same."))
        else:
            self.message.setText(
                self.tr("{count} difference(s).").format(count=self.model.rowCount())
            )
        self.compared.emit(self.model.rowCount())
