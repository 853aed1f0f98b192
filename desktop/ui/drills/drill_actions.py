"""What the 演练 page does with the drill chosen, on the live database: 编辑… (the plan,
before it starts), 开始演练 / 继续演练 (sandbox.start: the sandbox is made on the first
start, the clock runs again on a resume) and 进入演练 (an ended drill's sandbox, to
evaluate it), each asking the window to open the drill's sandbox; 结束演练 (sandbox.end)
and 关闭演练 (improvements.close: the improvement items are written into the live
database), each after a confirmation; 演练报告… (report_printer.py)."""

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QMessageBox

from desktop.ui.drills import jobs
from desktop.ui.drills.report_printer import ReportPrinter
from desktop.ui.shell.jobs import actor


def _entering(db, ref: str, ctx) -> str:
    """Start or resume a drill (or open an ended one's sandbox): the sandbox's path."""
    from desktop.core.drills import records, sandbox

    drill = records.get(db, ref)
    if drill["status"] in ("ended", "evaluated"):
        drill_db = sandbox.open_sandbox(db, ref)
    else:
        drill_db = sandbox.start(db, ctx, ref)
    path = str(drill_db.path)
    drill_db.close()
    return path


def _improvements(db, ref: str) -> int:
    """How many improvement items closing the drill would write back."""
    from desktop.core.drills import improvements, records, sandbox

    drill_id = records.get(db, ref)["id"]
    drill_db = sandbox.open_sandbox(db, ref)
    try:
        return len(improvements.listing(drill_db, drill_id))
    finally:
        drill_db.close()


def _closing(db, ref: str, ctx) -> dict:
    from desktop.core.drills import improvements, sandbox

    drill_db = sandbox.open_sandbox(db, ref)
    try:
        return improvements.close(db, drill_db, ctx, ref, confirmed=True)
    finally:
        drill_db.close()


def confirm(parent, title: str, text: str, yes: str, then) -> QMessageBox:
    """A question whose `yes` button calls then(); Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    confirmed = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.finished.connect(lambda _code: box.clickedButton() is confirmed and then())
    box.open()
    return box


def confirm_end(parent, number: str, then) -> QMessageBox:
    """结束演练 asks first: a drill that has ended cannot start again."""
    return confirm(
        parent,
        QCoreApplication.translate("DrillActions", "End drill"),
        QCoreApplication.translate(
            "DrillActions",
            "End drill {number}? Its clock stops for good and no more injects are sent; "
            "the evaluation and the report follow. A drill that has ended cannot start again.",
        ).format(number=number),
        QCoreApplication.translate("DrillActions", "End drill"),
        then,
    )


class DrillActions(QObject):
    """Signals:
    message(str, str): to say on the page (text, style role).
    dialog_opened(object): a dialog was opened (a form, a confirmation, a preview).
    enter_requested(str): open this drill sandbox in the window.
    """

    message = Signal(str, str)
    dialog_opened = Signal(object)
    enter_requested = Signal(str)

    def __init__(self, worker, parent_widget):
        super().__init__(parent_widget)
        self.worker = worker
        self.parent_widget = parent_widget
        self.printer = ReportPrinter(worker, parent_widget, inside=False)
        self.printer.message.connect(self.message)

    # the actions -----------------------------------------------------------------------------
    def edit(self, drill: dict, lists: dict):
        from desktop.ui.drills.drill_dialog import DrillDialog

        dialog = DrillDialog(self.worker, lists, drill, self.parent_widget)
        dialog.succeeded.connect(
            lambda result: self.message.emit(
                self.tr("Drill {number} saved.").format(number=result["number"])
                if result["changed"] else self.tr("Nothing was changed."), "ok")
        )  # fmt: skip
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def start(self, drill: dict) -> None:
        """Start, resume or enter the drill: the window then opens its sandbox."""
        ref, ctx = drill["id"], actor()
        self.message.emit(self.tr("Opening drill {number}…").format(number=drill["number"]),
                          "muted")  # fmt: skip
        jobs.run(self, lambda db: _entering(db, ref, ctx), self.enter_requested.emit)

    def end(self, drill: dict) -> QMessageBox:
        ref, ctx = drill["id"], actor()

        def ending() -> None:
            from desktop.core.drills import sandbox

            jobs.run(
                self,
                lambda db: sandbox.end(db, ctx, ref),
                lambda _none: self.message.emit(
                    self.tr("Drill {number} has ended.").format(number=drill["number"]), "ok"
                ),
            )

        box = confirm_end(self.parent_widget, drill["number"], ending)
        self.dialog_opened.emit(box)
        return box

    def close(self, drill: dict) -> None:
        """Count the improvement items, then ask before writing them into the live
        database."""
        ref = drill["id"]
        jobs.run(
            self, lambda db: _improvements(db, ref), lambda count: self._ask_close(drill, count)
        )

    def _ask_close(self, drill: dict, count: int) -> None:
        ref, ctx = drill["id"], actor()

        def closing() -> None:
            jobs.run(
                self,
                lambda db: _closing(db, ref, ctx),
                lambda result: self.message.emit(
                    self.tr(
                        "Drill {number} is closed; {count} improvement item(s) are now "
                        "tracked in the live database."
                    ).format(number=result["number"], count=result["improvements"]),
                    "ok",
                ),
            )

        box = confirm(
            self.parent_widget,
            self.tr("Close drill"),
            self.tr(
                "Close drill {number}?\n\nIts {count} improvement item(s) will be written "
                "into the live database, where they are tracked until done. This is the only "
                "thing a drill writes into the live database. The drill is then evaluated "
                "and its plan and sandbox are kept as they are."
            ).format(number=drill["number"], count=count),
            self.tr("Write into the live database and close"),
            closing,
        )
        self.dialog_opened.emit(box)

    def report(self, drill: dict):
        dialog = self.printer.preview_drill(drill)
        self.dialog_opened.emit(dialog)
        return dialog
