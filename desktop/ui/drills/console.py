"""The drill console (导调台), the 演练 page inside a drill's sandbox: the drill's clock
(T+h:mm:ss, running on between snapshots; the scenario's date and time), its state, the
speed (×1 … ×60), 暂停 / 继续, 结束演练… and 演练报告…; then the tabs 导调台 (the injects
sent and to come, injects_panel.py, over the expected actions, expected_panel.py), 评估
(the evaluator's sheet, evaluation_tab.py) and 改进计划 (improvements_tab.py).

Everything it shows comes from the window's session (session.py), which ticks on the
worker twice a second; a snapshot updates the tables in place (live_rows.py)."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.drills import labels
from desktop.ui.drills.evaluation_tab import EvaluationTab
from desktop.ui.drills.expected_panel import ExpectedPanel
from desktop.ui.drills.improvements_tab import ImprovementsTab
from desktop.ui.drills.injects_panel import InjectsPanel
from desktop.ui.drills.parts import splitter
from desktop.ui.drills.report_printer import ReportPrinter
from desktop.ui.widgets import style
from desktop.ui.widgets.times import when


class DrillConsole(QWidget):
    """Signals:
    message(str, str): to say on the page (text, style role).
    dialog_opened(object): a dialog of the console was opened.
    shown(object): a snapshot is on screen (for tests and the bench).
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)
    shown = Signal(object)

    def __init__(self, worker, session, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.session = session
        self.printer = ReportPrinter(worker, self, inside=True)
        self.printer.message.connect(self.message)
        self.clock = style.apply(QLabel(labels.t_plus(0)), "figure")
        self.clock.setMinimumWidth(self.clock.fontMetrics().horizontalAdvance("T+000:00:00"))
        self.sim_time = style.apply(QLabel(), "muted")
        self.state = style.apply(QLabel(), "heading")
        self.speed = QComboBox()
        for speed in labels.SPEEDS:
            self.speed.addItem(labels.speed_text(speed), speed)
        self.speed.activated.connect(lambda _index: session.set_speed(self.speed.currentData()))
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.end_button = QPushButton(self.tr("End drill…"))
        self.end_button.clicked.connect(self.end)
        self.report_button = QPushButton(self.tr("Drill report…"))
        self.report_button.clicked.connect(self.report)
        for button in (self.pause_button, self.end_button, self.report_button):
            button.setAutoDefault(False)
        times = QVBoxLayout()
        times.setSpacing(0)
        times.addWidget(self.clock)
        times.addWidget(self.sim_time)
        bar = QHBoxLayout()
        bar.addLayout(times)
        bar.addSpacing(16)
        bar.addWidget(self.state)
        bar.addSpacing(16)
        bar.addWidget(QLabel(self.tr("Speed")))
        bar.addWidget(self.speed)
        bar.addWidget(self.pause_button)
        bar.addWidget(self.end_button)
        bar.addStretch(1)
        bar.addWidget(self.report_button)

        self.injects = InjectsPanel(worker, session)
        self.expected = ExpectedPanel(worker, session)
        play = splitter(Qt.Orientation.Vertical, (self.injects, 3), (self.expected, 2))
        self.evaluation = EvaluationTab(worker)
        self.improvements = ImprovementsTab(worker)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(play, self.tr("Console"))
        self.tabs.addTab(self.evaluation, self.tr("Evaluation"))
        self.tabs.addTab(self.improvements, self.tr("Improvement plan"))
        for part in (self.injects, self.expected, self.evaluation, self.improvements):
            part.message.connect(self.message)
        for part in (self.expected, self.evaluation, self.improvements):
            part.dialog_opened.connect(self.dialog_opened)
        self.injects.written.connect(session.refresh)
        self.expected.written.connect(session.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        session.ready.connect(self._ready)
        session.updated.connect(self.show_snapshot)
        session.clock_moved.connect(self._show_clock)
        if session.opened is not None:
            self._ready(session.opened)
            self.show_snapshot(session.data)
        else:
            self._enable(False)

    def _ready(self, opened: dict) -> None:
        drill = opened["detail"]
        self.injects.set_agencies(opened["agencies"])
        self.expected.agencies = self.injects.agencies
        self.improvements.agencies = opened["agencies"]
        for tab in (self.evaluation, self.improvements):
            tab.set_incident({"id": drill["id"], "status": drill["status"]})

    # showing ---------------------------------------------------------------------------------
    def show_snapshot(self, data: dict) -> None:
        """A snapshot of the session: the clock's state, the injects and expected actions."""
        console = data["console"]
        status = self.session.status
        self.state.setText(labels.name("drill_status", status))
        style.apply(self.state, "error" if status == "paused" else "heading")
        self.pause_button.setText(self.tr("Resume") if status == "paused" else self.tr("Pause"))
        self.speed.setCurrentIndex(max(self.speed.findData(console["speed"]), 0))
        self._enable(True)
        self.injects.show_console(console)
        self.expected.show_expected(data["expected"])
        self.shown.emit(data)

    def _show_clock(self, seconds: float) -> None:
        self.clock.setText(labels.t_plus(seconds))
        data = self.session.data
        t0 = data["console"]["sim_time"] if data else None
        if t0 is not None:
            from datetime import timedelta

            moment = t0 + timedelta(seconds=seconds - data["console"]["sim_s"])
            self.sim_time.setText(
                self.tr("Scenario time {time}").format(time=when(moment.isoformat()))
            )

    def _enable(self, ready: bool) -> None:
        playing = ready and self.session.status in ("running", "paused")
        for widget in (self.speed, self.pause_button, self.end_button):
            widget.setEnabled(playing)
        self.report_button.setEnabled(ready)

    # acting ----------------------------------------------------------------------------------
    def _pause_or_resume(self) -> None:
        if self.session.status == "paused":
            self.session.resume()
        else:
            self.session.pause()

    def end(self) -> QMessageBox:
        from desktop.ui.drills.drill_actions import confirm_end

        box = confirm_end(self, self.session.data["drill"]["number"], self.session.end)
        self.dialog_opened.emit(box)
        return box

    def report(self):
        if self.session.data is None:
            return None
        dialog = self.printer.preview_drill(self.session.data["drill"])
        self.dialog_opened.emit(dialog)
        return dialog
