"""演练报告: the after-action report and improvement plan of a drill (documents/
after_action.py), shown in the one print preview (widgets/document_printer.py) with 打印…
and 导出 PDF…. It is printed from the drill's sandbox: at once inside the drill, through
the drill's file from the live database. Every page carries 演练 (layout.imprint)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from desktop.ui.widgets.document_printer import DocumentPrinter, pdf_job


def _render(db, ref: str, path: Path, inside: bool):
    from desktop.core.drills import sandbox
    from desktop.documents import after_action

    if inside:
        return after_action.render(db, ref, path)
    drill_db = sandbox.open_sandbox(db, ref)
    try:
        return after_action.render(drill_db, ref, path)
    finally:
        drill_db.close()


class ReportPrinter(DocumentPrinter):
    """The drills' reports; `inside`: the worker's database is the drill's sandbox."""

    def __init__(self, worker, parent_widget, inside: bool):
        self.inside = inside
        self.refs: dict[str, str] = {}  # document name → drill id
        super().__init__(worker, parent_widget, self._job, copies_choice=False)

    def _job(self, key: str, _copies: int, path: Path):
        ref, inside = self.refs[key], self.inside
        return pdf_job(lambda db: _render(db, ref, path, inside), path)

    def preview_drill(self, drill: dict):
        """The preview of a drill's report (its id and number)."""
        key = QCoreApplication.translate("DrillReport", "{number} after-action report").format(
            number=drill["number"]
        )
        self.refs[key] = drill["id"]
        return self.preview(key)
