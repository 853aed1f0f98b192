"""Parts of the 同步 page: the import summary panel, the far-ahead clock warning and the
two confirmations (a peer's fingerprint before trusting it, a revocation). Strings stay in
the SyncPage context."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QMessageBox, QWidget

from desktop.ui.widgets import style

YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


class ImportSummary(QWidget):
    """What an import did: sender, sequence, new operations, duplicates, deferred, the
    overdrawn balances after the import (with the count before), the conflicts it brought
    (when any) and the stations whose clocks it found far ahead. Hidden until shown."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.hide()

    def show_outcome(self, outcome: dict) -> None:
        """outcome: sync_jobs.import_job's dict."""
        result = outcome["result"]
        while self.form.rowCount():
            self.form.removeRow(0)
        sender = result.sender
        before, after = outcome["overdrawn_before"], outcome["overdrawn_after"]
        rows = [
            (
                QCoreApplication.translate("SyncPage", "Sender"),
                f"{sender.get('code')} {sender.get('name')}",
            ),
            (QCoreApplication.translate("SyncPage", "Sequence"), str(result.sequence)),
            (QCoreApplication.translate("SyncPage", "New operations"), f"{result.applied:,}"),
            (
                QCoreApplication.translate("SyncPage", "Already held (duplicates)"),
                f"{result.known:,}",
            ),
            (
                QCoreApplication.translate("SyncPage", "Deferred (waiting for earlier operations)"),
                f"{result.deferred:,}",
            ),
            (
                QCoreApplication.translate("SyncPage", "Overdrawn balances"),
                QCoreApplication.translate(
                    "SyncPage", "{after} (before the import: {before})"
                ).format(after=after, before=before),
            ),
        ]
        warnings = []  # rows shown in red
        if result.unvouched:
            warnings.append(len(rows))
            rows.append(
                (
                    QCoreApplication.translate("SyncPage", "Left out"),
                    QCoreApplication.translate(
                        "SyncPage",
                        "{count} operation(s) of stations not trusted here ({origins}): trust "
                        "their keys to receive them.",
                    ).format(
                        count=f"{sum(result.unvouched.values()):,}",
                        origins=", ".join(sorted(result.unvouched)),
                    ),
                )
            )
        if getattr(result, "withheld", 0):
            rows.append(
                (
                    QCoreApplication.translate("SyncPage", "Content not received"),
                    QCoreApplication.translate(
                        "SyncPage",
                        "{count} operation(s) came withheld: personal rows (the expert roster "
                        "or the monitoring persons) the sender does not send this station. "
                        "Their place is kept; the sender's administrator may entitle this "
                        "station to them.",
                    ).format(count=f"{result.withheld:,}"),
                )
            )
        new_conflicts = outcome.get("conflicts_after", 0) - outcome.get("conflicts_before", 0)
        if new_conflicts > 0:
            warnings.append(len(rows))
            rows.append(
                (
                    QCoreApplication.translate("SyncPage", "Conflicts"),
                    QCoreApplication.translate("SyncPage", "{count} new").format(
                        count=new_conflicts
                    ),
                )
            )
        if outcome.get("clock_flags"):
            warnings.append(len(rows))
            rows.append(
                (
                    QCoreApplication.translate("SyncPage", "Clock"),
                    "\n".join(clock_warning(flag) for flag in outcome["clock_flags"]),
                )
            )
        for caption, value in rows:
            label = QLabel(value)
            label.setWordWrap(True)
            self.form.addRow(caption, label)
        if after > before:
            warnings.append(5)
        for row in warnings:
            style.apply(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget(), "error")
        self.show()

    def values(self) -> dict[str, str]:
        """The summary as shown: caption → value."""
        out = {}
        for row in range(self.form.rowCount()):
            caption = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            value = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget()
            out[caption.text()] = value.text()
        return out


def clock_warning(flag: dict) -> str:
    """One station's far-ahead clock (a sync_jobs.clock_flags entry), as a warning."""
    return QCoreApplication.translate(
        "SyncPage",
        "Station {station}'s clock was {hours} h ahead of this one (noted {when}); its "
        "times were not adopted. Check that station's date and time.",
    ).format(
        station=flag["station"],
        hours=f"{flag['ahead_hours']:g}",
        when=flag.get("noted") or flag["noted_at"],
    )


def confirm_fingerprint(parent: QWidget, info: dict) -> bool:
    """Ask the person to compare a key's fingerprint with the one its station shows."""
    text = QCoreApplication.translate(
        "SyncPage",
        "Station {code} {name} has the key fingerprint\n\n{fingerprint}\n\n"
        "Compare it with the fingerprint that station shows (by telephone or in "
        "person). Trust this station only if they are identical.",
    ).format(code=info["code"], name=info["name"], fingerprint=info["fingerprint"])
    title = QCoreApplication.translate("SyncPage", "Add station")
    return QMessageBox.question(parent, title, text, YES | NO, NO) == YES


def confirm_revoke(parent: QWidget, row: dict) -> bool:
    text = QCoreApplication.translate(
        "SyncPage",
        "Stop trusting station {code} {name}? Its bundles will be refused from now "
        "on, and its key cannot be trusted again.",
    ).format(code=row["code"], name=row["name"])
    title = QCoreApplication.translate("SyncPage", "Revoke")
    return QMessageBox.question(parent, title, text, YES | NO, NO) == YES
