"""The injects on the drill console: those fired so far, newest on top — when, number,
from, to, channel, message, state (a new one in bold until it is acknowledged) — with a
filter by the agency addressed, 已接收 and 已处置 (injects.set_state) and the whole message
of the one chosen; beside them the injects still to come, the next first, with 手动发出
(injects.fire) for manual and contingency injects, or one sent ahead of its time."""

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.drills import jobs, labels
from desktop.ui.drills.live_rows import LiveRowsModel
from desktop.ui.drills.parts import live_table, splitter
from desktop.ui.incidents.tables import fit
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.rows_model import Column

FIRED_MESSAGE = 5
PENDING_MESSAGE = 3


class FiredModel(LiveRowsModel):
    """Fired injects, newest first; unacknowledged ones bold, done ones grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("at", QCoreApplication.translate("InjectsPanel", "Sent")),
                Column("no", QCoreApplication.translate("InjectsPanel", "No."), "number"),
                Column("sender", QCoreApplication.translate("InjectsPanel", "From")),
                Column("to", QCoreApplication.translate("InjectsPanel", "To")),
                Column(
                    "channel",
                    QCoreApplication.translate("InjectsPanel", "Channel"),
                    "map",
                    labels.names("channel"),
                ),
                Column("message", QCoreApplication.translate("InjectsPanel", "Message")),
                Column(
                    "state",
                    QCoreApplication.translate("InjectsPanel", "State"),
                    "map",
                    labels.names("inject_state"),
                ),
            ],
            parent=parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.FontRole and row["state"] == "fired":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row["state"] == "done":
            return style.UNUSABLE
        if role == Qt.ItemDataRole.ToolTipRole:
            return row["message"]
        return super().data(index, role)


class PendingModel(LiveRowsModel):
    """Injects still to come: when they are due (or that a controller sends them)."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("no", QCoreApplication.translate("InjectsPanel", "No."), "number"),
                Column("due", QCoreApplication.translate("InjectsPanel", "Due")),
                Column("to", QCoreApplication.translate("InjectsPanel", "To")),
                Column("message", QCoreApplication.translate("InjectsPanel", "Message")),
            ],
            parent=parent,
        )

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return self.rows[index.row()]["message"]
        return super().data(index, role)


def _due(row: dict) -> str:
    if row["contingency"]:
        return QCoreApplication.translate("InjectsPanel", "contingency")
    if row["due_s"] is None:
        return (
            QCoreApplication.translate("InjectsPanel", "manual")
            if row["trigger"] == "manual"
            else QCoreApplication.translate("InjectsPanel", "waiting")
        )
    return labels.t_plus(row["due_s"])


class InjectsPanel(QWidget):
    """Signals:
    message(str, str): to say on the page (text, style role).
    written(): an inject's state changed or one was sent (read the console again).
    """

    message = Signal(str, str)
    written = Signal()

    def __init__(self, worker, session, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.session = session
        self.agencies: dict[str, str] = {}
        self.injects: list[dict] = []
        self.agency = QComboBox()
        self.agency.addItem(self.tr("All agencies"), None)
        self.agency.setMinimumContentsLength(14)
        self.agency.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.agency.currentIndexChanged.connect(lambda _index: self._show_fired())
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Addressed to")))
        bar.addWidget(self.agency)
        for key, caption in (("acknowledged", self.tr("Received")),
                             ("done", self.tr("Dealt with"))):  # fmt: skip
            button = QPushButton(caption)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, k=key: self.set_state(k))
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        self.count = style.apply(QLabel(), "muted")
        bar.addWidget(self.count)
        self.fired = FiredModel(self)
        self.fired_table = live_table(self.fired, FIRED_MESSAGE)
        self.fired_table.selectionModel().selectionChanged.connect(lambda *_: self._chosen())
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        fired_box = QGroupBox(self.tr("Injects sent (newest first)"))
        column = QVBoxLayout(fired_box)
        column.addLayout(bar)
        column.addWidget(self.fired_table, 1)
        column.addWidget(self.text)

        self.pending = PendingModel(self)
        self.pending_table = live_table(self.pending, PENDING_MESSAGE)
        self.pending_table.selectionModel().selectionChanged.connect(
            lambda *_: self.update_actions()
        )
        self.fire_button = QPushButton(self.tr("Send now"))
        self.fire_button.setAutoDefault(False)
        self.fire_button.setToolTip(
            self.tr("Send the chosen inject now: a manual or contingency one, or one ahead of "
                    "its time")
        )  # fmt: skip
        self.fire_button.clicked.connect(self.fire)
        pending_box = QGroupBox(self.tr("Injects to come"))
        column = QVBoxLayout(pending_box)
        column.addWidget(self.pending_table, 1)
        row = QHBoxLayout()
        row.addWidget(self.fire_button)
        row.addStretch(1)
        column.addLayout(row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter(Qt.Orientation.Horizontal, (fired_box, 3), (pending_box, 2)))
        self.update_actions()

    def set_agencies(self, rows: list[dict]) -> None:
        """The agencies' short names (the session's first snapshot)."""
        self.agencies = {row["code"]: labels.agency_caption(row) for row in rows}

    # showing ---------------------------------------------------------------------------------
    def show_console(self, console: dict) -> None:
        """A snapshot's console (injects.console)."""
        self.injects = console["injects"]
        self._fill_agencies()
        self._show_fired()
        coming = [row for row in self.injects if row["state"] == "pending"]
        coming.sort(key=lambda r: (r["due_s"] is None, r["due_s"] or 0, r["no"]))
        if self.pending.update([self._pending_row(row) for row in coming]):
            fit(self.pending_table, widest=180)
        self.update_actions()

    def _fill_agencies(self) -> None:
        known = {self.agency.itemData(n) for n in range(self.agency.count())}
        for row in self.injects:
            code = row["to_agency"]
            if code and code not in known:
                known.add(code)
                self.agency.addItem(self.agencies.get(code, row["to_agency_name"]), code)

    def _show_fired(self) -> None:
        code = self.agency.currentData()
        sent = [row for row in self.injects if row["state"] != "pending"
                and (code is None or row["to_agency"] == code)]  # fmt: skip
        sent.sort(key=lambda r: (r["fired_s"], r["no"]), reverse=True)
        if self.fired.update([self._fired_row(row) for row in sent]):
            fit(self.fired_table, widest=220)
        total = sum(1 for row in self.injects if row["state"] != "pending")
        self.count.setText(
            self.tr("{sent} of {total} sent").format(sent=total, total=len(self.injects))
        )
        self._chosen()

    def _to(self, row: dict) -> str:
        return self.agencies.get(row["to_agency"] or "", row["to_agency_name"] or "")

    def _fired_row(self, row: dict) -> dict:
        return {"id": row["id"], "at": labels.t_plus(row["fired_s"]), "no": row["no"],
                "sender": row["sender"], "to": self._to(row), "channel": row["channel"],
                "message": row["message"], "state": row["state"]}  # fmt: skip

    def _pending_row(self, row: dict) -> dict:
        return {"id": row["id"], "no": row["no"], "due": _due(row), "to": self._to(row),
                "message": row["message"], "trigger": row["trigger"]}  # fmt: skip

    def chosen(self, table) -> dict | None:
        rows = table.selectionModel().selectedRows()
        return table.model().row(rows[0].row()) if rows else None

    def _chosen(self) -> None:
        row = self.chosen(self.fired_table)
        self.text.setText(f"#{row['no']}  {row['message']}" if row else "")
        self.update_actions()

    def update_actions(self) -> None:
        row = self.chosen(self.fired_table)
        order = ("fired", "acknowledged", "done")
        for key, button in self.buttons.items():
            button.setEnabled(row is not None and order.index(row["state"]) < order.index(key))
        running = self.session.status in ("running", "paused")
        self.fire_button.setEnabled(running and self.chosen(self.pending_table) is not None)

    # acting ----------------------------------------------------------------------------------
    def set_state(self, state: str) -> None:
        """已接收 / 已处置 for the inject chosen."""
        row = self.chosen(self.fired_table)
        if row is None:
            return
        from desktop.core.drills import injects

        drill, ref, ctx = self.session.drill_id, row["id"], actor()
        self._write(lambda db: injects.set_state(db, ctx, drill, ref, state),
                    self.tr("Inject {no}: {state}.").format(
                        no=row["no"], state=labels.name("inject_state", state)))  # fmt: skip

    def fire(self) -> None:
        row = self.chosen(self.pending_table)
        if row is None:
            return
        from desktop.core.drills import injects

        drill, ref, ctx = self.session.drill_id, row["id"], actor()
        self._write(lambda db: injects.fire(db, ctx, drill, ref),
                    self.tr("Inject {no} sent.").format(no=row["no"]))  # fmt: skip

    def _write(self, job, said: str) -> None:
        def done(_result) -> None:
            self.message.emit(said, "ok")
            self.written.emit()

        jobs.run(self, job, done)
