"""核验二维码: paste the text of a printed order's QR code, or scan it with a USB scanner
(which types the text and Enter); order_seal.verify says whether the order is genuine.

The verdict is shown in green (valid) or red with the core's message; the field is
selected again so that the next scan replaces it.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.orders import seal as order_seal
from desktop.ui.widgets import style


class VerifyDialog(QDialog):
    """Checks QR payloads against the station keys this database trusts.

    Signals:
        verified(object): an order_seal.Verdict for the text checked.
    """

    verified = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.verdict: order_seal.Verdict | None = None
        self._check_no = 0
        self.setWindowTitle(self.tr("Verify QR code"))
        self.setMinimumWidth(640)
        intro = QLabel(
            self.tr(
                "Scan the QR code of a printed allocation order, or paste its text, and press "
                "Enter. The signature shows whether the order was issued by a trusted station "
                "and has not been altered."
            )
        )
        intro.setWordWrap(True)
        self.text = QLineEdit()
        self.text.setPlaceholderText("BR1|TB-…")
        self.text.setClearButtonEnabled(True)
        self.text.returnPressed.connect(self.check)
        self.check_button = QPushButton(self.tr("Verify"))
        self.check_button.clicked.connect(self.check)
        self.check_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.check_button)
        self.result = QLabel()
        self.result.setObjectName("verdict")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setMinimumHeight(self.fontMetrics().height() * 3)
        self.details = style.apply(QLabel(), "muted")
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(self.details)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def check(self) -> None:
        text = self.text.text().strip()
        if not text:
            self.text.setFocus()
            return
        self._check_no += 1
        number = self._check_no
        self.result.setText(self.tr("Checking…"))
        self._tone("muted")
        self.worker.run(lambda db: (number, order_seal.verify(db, text)), self._checked)

    def _checked(self, result) -> None:
        number, verdict = result
        if number != self._check_no:
            return  # another code was scanned meanwhile
        self.verdict = verdict
        mark = "✔ " if verdict.valid else "✘ "
        self.result.setText(mark + verdict.message)
        self._tone("okBig" if verdict.valid else "errorBig")
        parts = []
        if verdict.number:
            parts.append(self.tr("Order: {number}").format(number=verdict.number))
        if verdict.station:
            parts.append(self.tr("Signing station: {origin}").format(origin=verdict.station))
        self.details.setText("   ".join(parts))
        self.text.selectAll()
        self.text.setFocus()
        self.verified.emit(verdict)

    def _tone(self, role: str) -> None:
        self.result.setPalette(self.palette())
        base = {"okBig": "ok", "errorBig": "error"}.get(role, role)
        style.apply(self.result, base)
        font = self.result.font()
        font.setPointSizeF(self.font().pointSizeF() + (3 if role != base else 0))
        font.setBold(role != base)
        self.result.setFont(font)
