"""冲突: the open conflicts (desktop/core/conflicts.py) and, for the one selected, its
versions side by side with one action each: keep the version shown now, or restore a
competing one.

Two stations changed the same field of a record without seeing each other's change; the
merge kept the newest value and every losing one. Choosing a version records it as a new
edit that has seen all of them, which settles the conflict here and, with the next bundle,
everywhere. Every database call runs on the worker; a refusal (the conflict was settled
meanwhile, by a bundle or an edit) comes back as a value and is shown in red, changing
nothing."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.store import conflicts
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

# Quantities under several column names are all "quantity" to a person.
QUANTITIES = ("qty", "quantity", "qty_sent", "qty_received", "qty_requested", "qty_dispatched")


class ConflictsView(QWidget):
    """The conflict list and the selected conflict's versions side by side.

    Signals:
        loaded(int): the list was read again (the number of open conflicts).
        resolved(object): a version was chosen (the conflicts.Conflict as it was).
    """

    loaded = Signal(int)
    resolved = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.conflicts: list[conflicts.Conflict] = []
        self.version_buttons: list[tuple[conflicts.Version, QPushButton]] = []
        self.busy = False
        self._tables = self._table_names()
        self._fields = self._field_names()

        layout = QVBoxLayout(self)
        self.hint = hint = QLabel(
            self.tr(
                "Two stations changed the same field without seeing each other's change. "
                "The newest value is kept and shown; choose the version that is right. "
                "The choice reaches the other stations with the next bundle."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(style.apply(hint, "muted"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        layout.addWidget(self.message)
        self.empty = style.apply(
            QLabel(self.tr("No conflicts: every field has one version.")), "heading"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        layout.addWidget(self.empty, 1)  # fills the view (centred) while the list is hidden

        self.model = RowsModel(
            [
                Column("kind", self.tr("Record type")),
                Column("label", self.tr("Record")),
                Column("field_name", self.tr("Field")),
                Column("kept_value", self.tr("Value kept")),
                Column("other_values", self.tr("Competing values")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.detail = QGroupBox(self.tr("Versions side by side"))
        detail_layout = QVBoxLayout(self.detail)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        detail_layout.addWidget(self.scroll)
        self.versions = QWidget()
        self.scroll.setWidget(self.versions)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)  # the versions need height
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setSizes([400, 600])  # relative weights
        layout.addWidget(self.splitter, 1)
        # a conflict may come with any change; the count shows in the tab's caption
        watch(self, worker, None, self.reload, hidden_too=True)

    # words -----------------------------------------------------------------------------------
    def _table_names(self) -> dict[str, str]:
        return {
            "division": self.tr("Division"),
            "agency": self.tr("Member agency"),
            "category": self.tr("Material category"),
            "unit": self.tr("Unit of measure"),
            "specialty": self.tr("Specialty"),
            "depot": self.tr("Depot"),
            "item": self.tr("Item"),
            "lot": self.tr("Lot"),
            "expert": self.tr("Expert"),
            "norm": self.tr("Reserve norm"),
            "transfer": self.tr("Transfer"),
            "alloc_order": self.tr("Allocation order"),
            "order_line": self.tr("Order line"),
            "order_pick": self.tr("Order pick"),
            "expert_qualification": self.tr("Qualification"),
            "playbook": self.tr("Playbook"),
            "playbook_phase": self.tr("Playbook phase"),
            "playbook_task": self.tr("Playbook task"),
            "playbook_factor": self.tr("Material estimation factor"),
        }

    def _field_names(self) -> dict[str, str]:
        quantity = self.tr("Quantity")
        return {
            "name": self.tr("Name"),
            "code": self.tr("Code"),
            "mobile": self.tr("Mobile"),
            "office_phone": self.tr("Office phone"),
            "phone": self.tr("Telephone"),
            "duty_phone": self.tr("Duty phone"),
            "title": self.tr("Title"),
            "organisation": self.tr("Organisation"),
            "gender": self.tr("Gender"),
            "specialties": self.tr("Specialties"),
            "availability": self.tr("Availability"),
            "unavailable_from": self.tr("Unavailable from"),
            "unavailable_to": self.tr("Unavailable until"),
            "notes": self.tr("Notes"),
            "note": self.tr("Notes"),
            "spec": self.tr("Specification"),
            "unit": self.tr("Unit of measure"),
            "category": self.tr("Category"),
            "shelf_life": self.tr("Shelf life"),
            "storage": self.tr("Storage"),
            "status": self.tr("Status"),
            "deleted": self.tr("Deleted"),
            **dict.fromkeys(QUANTITIES, quantity),
            "expires_on": self.tr("Expires on"),
            "produced_on": self.tr("Produced on"),
            "batch_no": self.tr("Batch number"),
            "manufacturer": self.tr("Manufacturer"),
            "level": self.tr("Level"),
            "division": self.tr("Division"),
            "address": self.tr("Address"),
            "contact": self.tr("Contact person"),
            "short_name": self.tr("Short name"),
            "number": self.tr("Number"),
            "priority": self.tr("Priority"),
            "reason": self.tr("Reason"),
            "summary": self.tr("Summary"),
        }

    def table_name(self, table: str) -> str:
        return self._tables.get(table, table)

    def field_name(self, table: str, field: str) -> str:
        if field == "title" and table == "expert":
            return self.tr("Professional title")
        return self._fields.get(field, field)

    def version_text(self, field: str, version: conflicts.Version) -> str:
        """A version's value as a person reads it (a referenced record by its label)."""
        return version.shown or self.value_text(field, version.value)

    def value_text(self, field: str, value) -> str:
        if field == "deleted":
            return self.tr("deleted") if value else self.tr("in use")
        if value is None or value == "":
            return self.tr("(empty)")
        return str(value)

    # reading ---------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the open conflicts again (on the worker); loaded(count) follows."""
        self.worker.run(refusable(conflicts.listing), self._loaded)

    def _loaded(self, found) -> None:
        if isinstance(found, Refused):
            self._say(found.message, "error")
            return
        chosen = self.current()
        self.conflicts = list(found)
        rows = []
        for c in self.conflicts:
            rows.append(
                {
                    "key": c.key,
                    "kind": self.table_name(c.table),
                    "label": c.label,
                    "field_name": self.field_name(c.table, c.field),
                    "kept_value": self.version_text(c.field, c.kept),
                    "other_values": " / ".join(self.version_text(c.field, v) for v in c.others),
                }
            )
        self.model.set_rows(rows)
        style.fit_columns(self.table, stretch=4, widest=320)
        keys = [c.key for c in self.conflicts]
        if rows:
            choose_row(self.table, keys.index(chosen.key) if chosen and chosen.key in keys else 0)
        self.empty.setVisible(not rows)
        self.hint.setVisible(bool(rows))
        self.splitter.setVisible(bool(rows))
        self._show_selected()
        self.loaded.emit(len(rows))

    def current(self) -> conflicts.Conflict | None:
        number = self.table.currentIndex().row()
        return self.conflicts[number] if 0 <= number < len(self.conflicts) else None

    def _say(self, text: str, role: str) -> None:
        style.apply(self.message, role)
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # the selected conflict's versions --------------------------------------------------------
    def _show_selected(self) -> None:
        conflict = self.current()
        old, self.versions = self.versions, QWidget()
        self.version_buttons = []
        if conflict is not None:
            self._fill(conflict)
        self.scroll.setWidget(self.versions)  # the scroll area deletes the old panel
        del old  # (no Python reference keeps it)
        self.detail.setTitle(
            self.tr("Versions side by side: {record}, {field}").format(
                record=conflict.label, field=self.field_name(conflict.table, conflict.field)
            )
            if conflict
            else self.tr("Versions side by side")
        )

    def _fill(self, conflict: conflicts.Conflict) -> None:
        grid = QGridLayout(self.versions)
        grid.setHorizontalSpacing(24)
        captions = (self.tr("Value"), self.tr("Station"), self.tr("Changed by"), self.tr("At"))
        for row, caption in enumerate(captions, start=1):
            grid.addWidget(style.apply(QLabel(caption), "caption"), row, 0)
        versions = (conflict.kept, *conflict.others)
        for column, version in enumerate(versions, start=1):
            kept = version is conflict.kept
            heading = (
                self.tr("Kept (shown now)")
                if kept
                else self.tr("Competing version {number}").format(number=column - 1)
            )
            grid.addWidget(style.apply(QLabel(heading), "heading"), 0, column)
            text = self.version_text(conflict.field, version)
            value = style.apply(QLabel(text), "figure" if len(text) <= 24 else "heading")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, 1, column)
            at = when(version.at, seconds=True)
            for row, text in enumerate((version.station, version.actor, at), 2):
                grid.addWidget(QLabel(text), row, column)
            button = QPushButton(
                self.tr("Keep this version") if kept else self.tr("Restore this version")
            )
            button.setEnabled(not self.busy)
            button.clicked.connect(lambda _=False, ref=version.ref: self.choose(ref))
            grid.addWidget(button, 5, column, Qt.AlignmentFlag.AlignLeft)
            self.version_buttons.append((version, button))
        grid.setColumnStretch(len(versions) + 1, 1)
        grid.setRowStretch(6, 1)

    def version_texts(self) -> list[list[str]]:
        """The side-by-side panel as shown: one list per column (heading, value, station,
        who, when)."""
        grid = self.versions.layout()
        if grid is None:
            return []
        out = []
        for column in range(1, grid.columnCount()):
            cells = [grid.itemAtPosition(row, column) for row in range(5)]
            if all(cells):
                out.append([cell.widget().text() for cell in cells])
        return out

    # choosing --------------------------------------------------------------------------------
    def choose(self, ref: str) -> None:
        """Settle the selected conflict with the version `ref` (origin:seq), on the worker."""
        conflict = self.current()
        if conflict is None or self.busy:
            return
        key, ctx = conflict.key, actor()
        self._set_busy(True)
        self._say("", "muted")
        self.worker.run(
            refusable(lambda db: conflicts.resolve(db, ctx, key, ref)),
            lambda result: self._chosen(result, ref),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for _, button in self.version_buttons:
            button.setEnabled(not busy)

    def _chosen(self, result, ref: str) -> None:
        self._set_busy(False)
        if isinstance(result, Refused):
            self._say(result.message, "error")
            self.reload()  # what is open now (the message stays)
            return
        version = next((v for v in (result.kept, *result.others) if v.ref == ref), result.kept)
        self._say(
            self.tr("{record}: {field} is now {value}.").format(
                record=result.label,
                field=self.field_name(result.table, result.field),
                value=self.version_text(result.field, version),
            ),
            "ok",
        )
        self.resolved.emit(result)  # the list reloads itself (change_watcher)
