"""The 同步 page's dialogs about personal rows (desktop/sync/entitlement.py): trusting a
station's key after comparing its fingerprint, with what bundles for it may carry (专家库,
长期监测人员); changing that for a trusted station; and exporting a bundle for one station
(its entitlement applies) or for any station (no personal rows). Strings stay in the
SyncPage context.

The checkboxes need the STATION right (access/offers.py hides them from other roles; the
core refuses anyway)."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.sync import entitlement
from desktop.ui.widgets import style


def class_name(cls: str) -> str:
    """A class of personal rows as the page names it."""
    return {
        entitlement.ROSTER: QCoreApplication.translate("SyncPage", "Expert roster"),
        entitlement.MONITORING: QCoreApplication.translate(
            "SyncPage", "Long-term monitoring persons"
        ),
    }.get(cls, cls)


def sent_text(classes) -> str:
    """What bundles for a station carry of the personal rows, for the stations list."""
    chosen = [c for c in entitlement.CLASSES if c in set(classes or ())]
    if not chosen:
        return QCoreApplication.translate("SyncPage", "None")
    return QCoreApplication.translate("SyncPage", ", ").join(class_name(c) for c in chosen)


def carried_text(classes, name: str | None) -> str:
    """What a bundle for this recipient (name; None: any station) carries of personal rows."""
    chosen = [c for c in entitlement.CLASSES if c in set(classes or ())]
    if name is None:
        return QCoreApplication.translate(
            "SyncPage",
            "A bundle for any station carries no personal rows: the expert roster (experts' "
            "names and phone numbers) and the monitoring persons' identity details are left "
            "out, since any station that trusts this one may import it. Choose a station "
            "entitled to them to send them.",
        )
    if not chosen:
        return QCoreApplication.translate(
            "SyncPage",
            "Station {name} is not entitled to personal rows: the expert roster and the "
            "monitoring persons are left out of its bundle.",
        ).format(name=name)
    left = [c for c in entitlement.CLASSES if c not in chosen]
    text = QCoreApplication.translate(
        "SyncPage", "The bundle for {name} carries: {classes}."
    ).format(
        name=name,
        classes=QCoreApplication.translate("SyncPage", ", ").join(class_name(c) for c in chosen),
    )
    if left:
        text += " " + QCoreApplication.translate("SyncPage", "Left out: {classes}.").format(
            classes=QCoreApplication.translate("SyncPage", ", ").join(class_name(c) for c in left)
        )
    return (
        text
        + " "
        + QCoreApplication.translate(
            "SyncPage", "It is signed, not encrypted: delete it after the import."
        )
    )


class ClassBoxes(QGroupBox):
    """The two checkboxes: 专家库 and 长期监测人员, each saying what rows it sends.

    Attributes roster and monitoring (QCheckBox)."""

    def __init__(self, classes=(), parent=None):
        super().__init__(
            QCoreApplication.translate("SyncPage", "Personal rows sent to this station"), parent
        )
        layout = QVBoxLayout(self)
        self.roster = QCheckBox(
            QCoreApplication.translate(
                "SyncPage", "Expert roster (experts' names and phone numbers)"
            )
        )
        self.monitoring = QCheckBox(
            QCoreApplication.translate(
                "SyncPage", "Long-term monitoring persons (the monitored persons' identity details)"
            )
        )
        self.roster.setChecked(entitlement.ROSTER in set(classes))
        self.monitoring.setChecked(entitlement.MONITORING in set(classes))
        layout.addWidget(self.roster)
        layout.addWidget(self.monitoring)
        note = QLabel(
            QCoreApplication.translate(
                "SyncPage",
                "Unchecked, bundles for this station leave those rows out. What a station "
                "received before stays there.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(style.apply(note, "muted"))

    def chosen(self) -> dict[str, bool]:
        """class → granted, for entitlement.set_entitlement."""
        return {
            entitlement.ROSTER: self.roster.isChecked(),
            entitlement.MONITORING: self.monitoring.isChecked(),
        }


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("SyncPage", "Cancel")
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TrustDialog(QDialog):
    """Compare a key's fingerprint with the one its station shows, then trust it, and choose
    the personal rows its bundles carry (none unless checked)."""

    def __init__(self, info: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SyncPage", "Add station"))
        layout = QVBoxLayout(self)
        text = QLabel(
            QCoreApplication.translate(
                "SyncPage",
                "Station {code} {name} has the key fingerprint\n\n{fingerprint}\n\n"
                "Compare it with the fingerprint that station shows (by telephone or in "
                "person). Trust this station only if they are identical.",
            ).format(code=info["code"], name=info["name"], fingerprint=info["fingerprint"])
        )
        text.setWordWrap(True)
        self.text = text
        layout.addWidget(text)
        self.classes = ClassBoxes((), self)
        self.roster, self.monitoring = self.classes.roster, self.classes.monitoring
        layout.addWidget(self.classes)
        layout.addWidget(_buttons(self, QCoreApplication.translate("SyncPage", "Trust")))
        self.setMinimumWidth(520)

    def chosen(self) -> dict[str, bool]:
        """The classes checked (only those granted: a new trust is entitled to nothing)."""
        boxes = ((entitlement.ROSTER, self.roster), (entitlement.MONITORING, self.monitoring))
        return {cls: True for cls, box in boxes if box.isChecked() and not box.isHidden()}


class EntitleDialog(QDialog):
    """Change the personal rows bundles for a trusted station carry."""

    def __init__(self, row: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(
            QCoreApplication.translate("SyncPage", "Personal rows for {code} {name}").format(**row)
        )
        layout = QVBoxLayout(self)
        self.classes = ClassBoxes(row.get("entitled") or (), self)
        self.roster, self.monitoring = self.classes.roster, self.classes.monitoring
        layout.addWidget(self.classes)
        layout.addWidget(_buttons(self, QCoreApplication.translate("SyncPage", "Save")))
        self.setMinimumWidth(520)

    def chosen(self) -> dict[str, bool]:
        return self.classes.chosen()


class ExportDialog(QDialog):
    """Choose the bundle's recipient: one station (its entitlement applies) or any station
    (no personal rows); the note says what the bundle carries."""

    def __init__(self, stations: list[dict], chosen: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("SyncPage", "Export bundle"))
        self.stations = {row["origin"]: row for row in stations if not row["revoked"]}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(QCoreApplication.translate("SyncPage", "For")))
        self.recipient = QComboBox()
        self.recipient.addItem(QCoreApplication.translate("SyncPage", "All stations"), None)
        for origin, row in self.stations.items():
            self.recipient.addItem(f"{row['code']} {row['name']}", origin)
        self.recipient.setCurrentIndex(max(self.recipient.findData(chosen), 0))
        layout.addWidget(self.recipient)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addStretch(1)
        layout.addWidget(
            _buttons(self, QCoreApplication.translate("SyncPage", "Choose folder and export…"))
        )
        self.recipient.currentIndexChanged.connect(lambda _: self._describe())
        self._describe()
        self.setMinimumWidth(560)

    def _describe(self) -> None:
        row = self.stations.get(self.recipient.currentData())
        if row is None:
            self.note.setText(carried_text((), None))
        else:
            self.note.setText(
                carried_text(row.get("entitled") or (), f"{row['code']} {row['name']}")
            )

    def chosen(self) -> str | None:
        return self.recipient.currentData()
