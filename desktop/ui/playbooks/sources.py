"""Where a field of a playbook that the plan does not set comes from, as a small label
beside the field: 来源：《突发公共卫生事件应急条例》, the national plan's grading, 示例（可修改）,
本站规定 or 未注明 (core/playbooks/provenance.py names them). An example or an unstated
source is amber: a value to check against local practice before relying on it."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop.ui.widgets import style

CHECK = ("example", None)  # sources shown amber


def caption(source: str | None) -> str:
    from desktop.core.playbooks import provenance

    return provenance.label(source)


def explanation(source: str | None) -> str:
    """What the source means, for the tooltip."""
    if source == "plan":
        return QCoreApplication.translate(
            "PlaybookSources", "The city plan: the clause the task cites says it."
        )
    if source == "regulation":
        return QCoreApplication.translate(
            "PlaybookSources",
            "Set by the Regulation on Public Health Emergencies (e.g. its reporting hours), "
            "not by the city plan.",
        )
    if source == "national_plan":
        return QCoreApplication.translate(
            "PlaybookSources",
            "The grading of the National Public Health Emergency Plan (I most serious … IV "
            "general), not the city plan.",
        )
    if source == "example":
        return QCoreApplication.translate(
            "PlaybookSources",
            "The program's example: the city plan does not set it. Check it against local "
            "practice and change it in a new version.",
        )
    if source == "local":
        return QCoreApplication.translate(
            "PlaybookSources", "This station's own rule: changed here."
        )
    return QCoreApplication.translate(
        "PlaybookSources",
        "Made before sources were recorded: where this value comes from is not stated.",
    )


class SourceTag(QLabel):
    """来源：… for one field; set_source(None) says 未注明."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.source: str | None = None
        self.setWordWrap(False)
        self.set_source(None)

    def set_source(self, source: str | None) -> None:
        self.source = source
        self.setText(self.tr("Source: {source}").format(source=caption(source)))
        self.setToolTip(explanation(source))
        style.apply(self, "caption")
        if source in CHECK:
            palette = self.palette()
            palette.setColor(self.foregroundRole(), style.NEAR_EXPIRY)
            self.setPalette(palette)
