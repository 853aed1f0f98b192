"""A window over a drill's sandbox is marked everywhere as the drill's: the title bar
starts with 【演练】 and the drill's number, a red banner runs across the top of every page
(演练进行中 — number, name, T+ clock, speed, paused) with 退出演练, which the File menu
offers too. The printouts carry 演练 by themselves (documents/layout.imprint).

The window makes a DrillMarking when its database turns out to be a sandbox
(info.identity's drill); the marking owns the drill's session (session.py), which the 演练
page's console shares."""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.ui.drills import labels
from desktop.ui.drills.session import DrillSession
from desktop.ui.widgets import style

MESSAGE_MS = 8000


class DrillBanner(QWidget):
    """The red band across the window: what drill, its time, speed and state."""

    def __init__(self, session: DrillSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("drillBanner")
        self.text = style.apply(QLabel(self.tr("DRILL — loading…")), "marker")
        font = self.text.font()
        font.setPointSizeF(font.pointSizeF() + 2)
        self.text.setFont(font)
        self.text.setMargin(6)
        self.leave_button = QPushButton(self.tr("Leave the drill"))
        self.leave_button.setAutoDefault(False)
        self.leave_button.setToolTip(
            self.tr(
                "Back to the live database. A running drill's clock is stopped; "
                "Resume drill on the Drills page goes on where it stopped."
            )
        )
        self.leave_button.clicked.connect(session.leave)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.text, 1)
        row.addWidget(self.leave_button)
        self.setAutoFillBackground(True)
        self.setPalette(self.text.palette())
        session.clock_moved.connect(self.show_time)

    def show_time(self, seconds: float) -> None:
        data = self.session.data
        if data is None:
            return
        drill = data["drill"]
        state = {
            "running": self.tr("DRILL IN PROGRESS"),
            "paused": self.tr("DRILL PAUSED"),
            "ended": self.tr("DRILL ENDED"),
            "evaluated": self.tr("DRILL CLOSED"),
        }.get(self.session.status, self.tr("DRILL"))
        parts = [
            f"{state} — {drill['number']}  {drill['name']}",
            labels.t_plus(seconds),
            labels.speed_text(data["console"]["speed"]),
        ]
        if self.session.status == "paused":
            parts.append(self.tr("clock stopped"))
        self.text.setText("   ·   ".join(parts))


class DrillMarking(QObject):
    """The marks of a drill on a main window, and the drill's session."""

    def __init__(self, window, drill_id: str):
        super().__init__(window)
        self.window = window
        self.session = DrillSession(window.worker, drill_id, self)
        self.banner = DrillBanner(self.session)
        window.add_banner(self.banner)
        self.action_leave = QAction(self.tr("&Leave the drill"), window)
        self.action_leave.triggered.connect(self.session.leave)
        menu = window.file_menu
        menu.insertAction(menu.actions()[0], self.action_leave)
        menu.insertSeparator(menu.actions()[1])
        window.set_title_prefix(self.tr("[DRILL] "))
        self.session.ready.connect(self._ready)
        self.session.message.connect(
            lambda text, _role: window.statusBar().showMessage(text, MESSAGE_MS)
        )
        self.session.leave_requested.connect(window.open_requested)
        self.session.start()

    def _ready(self, opened: dict) -> None:
        number = opened["drill"]["number"]
        self.window.set_title_prefix(self.tr("[DRILL] {number} — ").format(number=number))
