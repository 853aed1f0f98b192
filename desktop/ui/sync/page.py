"""同步: this station and its key fingerprint, the trusted stations, signed bundles
exported to a folder (a USB stick) and imported from one, the history of bundles, and the
open conflicts (two stations changed one field without seeing each other's change: the
versions side by side, one action to keep or restore one; desktop/ui/conflicts_view.py).
A warning line names the stations whose clocks ran far ahead of this one's.

Start-up pays for an empty page: the sections are built on first show. Every database
call runs on the worker; a refusal (an unknown sender, a tampered file, a conflict settled
meanwhile) comes back as a value and is shown in red on the page. The conflicts are read
again after every import and on refresh; settling one emits `changed`."""

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.sync import keys as sync_keys
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.sync import dialogs as sync_dialogs
from desktop.ui.sync import entitle_dialogs
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.documents_folder import documents_folder, in_documents

# What the page shows besides the conflicts (which keep themselves up to date).
STATIONS = frozenset(
    {"station", "trusted_station", "station_entitlement", "bundle_log", "clock_flag"}
)


class SyncPage(QWidget):
    """The synchronization area.

    Signals:
        loaded(): the station, the trusted stations and the history were shown.
        exported(object): an export finished (bundles.ExportResult or Refused).
        imported(object): an import finished (sync_jobs.import_job's dict or Refused).
    """

    loaded = Signal()
    exported = Signal(object)
    imported = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.built = False
        self.state: dict | None = None
        self.progress: QProgressDialog | None = None
        watch(self, worker, STATIONS, self.reload_state)

    # building on first show ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self.built:
            self._build()
            self.refresh()

    def _build(self) -> None:
        from desktop.ui.widgets.rows_model import Column, RowsModel

        self.built = True
        layout = QVBoxLayout(self)
        layout.addWidget(style.apply(QLabel(self.tr("Synchronization")), "pageTitle"))
        top = QHBoxLayout()
        top.addWidget(self._station_box(), 1)
        top.addWidget(self._bundle_box(), 1)
        layout.addLayout(top)

        self.stations_model = RowsModel(
            [
                Column("code", self.tr("Code")),
                Column("name", self.tr("Name")),
                Column("fingerprint", self.tr("Fingerprint")),
                Column("trusted_at", self.tr("Trusted at")),
                Column("last_heard", self.tr("Last heard from")),
                Column(
                    "revoked",
                    self.tr("State"),
                    "map",
                    {False: self.tr("Trusted"), True: self.tr("Revoked")},
                ),
                Column("sent", self.tr("Personal rows sent")),
            ],
            foreground=lambda row: style.UNUSABLE if row["revoked"] else None,
            parent=self,
        )
        self.stations_table = style.table(QTableView())
        self.stations_table.setModel(self.stations_model)
        self.stations_table.selectionModel().currentRowChanged.connect(
            lambda *_: self._station_selected()
        )
        self.add_button = QPushButton(self.tr("Add station…"))
        self.add_button.clicked.connect(self.add_station)
        self.revoke_button = QPushButton(self.tr("Revoke…"))
        self.revoke_button.setEnabled(False)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.entitle_button = QPushButton(self.tr("Personal rows sent…"))
        self.entitle_button.setEnabled(False)
        self.entitle_button.clicked.connect(self.entitle_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.entitle_button)
        buttons.addWidget(self.revoke_button)
        buttons.addStretch(1)
        trusted = QGroupBox(self.tr("Trusted stations"))
        trusted_layout = QVBoxLayout(trusted)
        trusted_layout.addLayout(buttons)
        trusted_layout.addWidget(self.stations_table, 1)

        self.history_model = RowsModel(
            [
                Column("at", self.tr("Time")),
                Column(
                    "direction",
                    self.tr("Direction"),
                    "map",
                    {"out": self.tr("Exported"), "in": self.tr("Imported")},
                ),
                Column("peer", self.tr("Station")),
                Column("sequence", self.tr("Sequence"), "number"),
                Column("ops", self.tr("Operations"), "number"),
                Column("applied", self.tr("New"), "number"),
                Column("known", self.tr("Already held"), "number"),
                Column("deferred", self.tr("Deferred"), "number"),
                Column("file", self.tr("File")),
            ],
            parent=self,
        )
        self.history_table = style.table(QTableView())
        self.history_table.setModel(self.history_model)

        from desktop.ui.sync.conflicts_view import ConflictsView

        self.conflicts = ConflictsView(self.worker)
        self.conflicts.loaded.connect(self._conflicts_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.history_table, self.tr("Bundle history"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))

        self.clock_warning = style.apply(QLabel(), "banner")
        self.clock_warning.setWordWrap(True)
        self.clock_warning.hide()
        layout.addWidget(self.clock_warning)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(trusted)
        splitter.addWidget(self.tabs)
        splitter.setSizes([200, 400])
        layout.addWidget(splitter, 1)

    def _station_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("This station"))
        form = QFormLayout(box)
        self.station_name = QLabel()
        self.station_code = QLabel()
        self.station_origin = QLabel()
        self.fingerprint = QLabel()
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(self.font().pointSizeF() + 6)
        font.setBold(True)
        self.fingerprint.setFont(font)
        for label in (self.station_origin, self.fingerprint):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Name"), self.station_name)
        form.addRow(self.tr("Code"), self.station_code)
        form.addRow(self.tr("Origin"), self.station_origin)
        form.addRow(self.tr("Fingerprint"), self.fingerprint)
        self.export_key_button = QPushButton(self.tr("Export this station's key…"))
        self.export_key_button.clicked.connect(self.choose_key_destination)
        form.addRow("", self.export_key_button)
        hint = QLabel(
            self.tr(
                "Other stations trust this station by its key file; read the fingerprint "
                "to them so they can compare it."
            )
        )
        hint.setWordWrap(True)
        form.addRow(style.apply(hint, "muted"))
        return box

    def _bundle_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Bundles"))
        layout = QVBoxLayout(box)
        self.recipient = QComboBox()
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.clicked.connect(self.choose_export_folder)
        self.import_button = QPushButton(self.tr("Import bundle…"))
        self.import_button.clicked.connect(self.choose_import_file)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("For")))
        row.addWidget(self.recipient, 1)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        self.summary = sync_dialogs.ImportSummary()
        layout.addWidget(self.summary)
        layout.addStretch(1)
        return box

    # reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the station, the trusted stations, the history and the conflicts again."""
        if not self.built:
            return
        self.reload_state()
        self.conflicts.reload()

    def reload_state(self) -> None:
        """The station, the trusted stations and the history (the conflicts list keeps
        itself up to date)."""
        if not self.built:
            return
        from desktop.ui.sync import jobs as sync_jobs

        self.worker.run(refusable(sync_jobs.state), self._loaded)

    def _loaded(self, state) -> None:
        if isinstance(state, Refused):
            self._say(state.message, "error")
            return
        self.state = state
        own = state["station"]
        self.station_name.setText(own["name"])
        self.station_code.setText(own["code"])
        self.station_origin.setText(own["origin"])
        self.fingerprint.setText(own["fingerprint"])
        for row in state["stations"]:
            row["sent"] = "" if row["revoked"] else entitle_dialogs.sent_text(row["entitled"])
        self.stations_model.set_rows(state["stations"])
        style.fit_columns(self.stations_table, stretch=2, widest=420)
        everyone = self.tr("All stations")
        for row in state["history"]:
            row["peer"] = f"{row['peer_code']} {row['peer_name']}" if row["peer_code"] else everyone
        self.history_model.set_rows(state["history"])
        style.fit_columns(self.history_table, stretch=8)
        chosen = self.recipient.currentData()
        self.recipient.clear()
        self.recipient.addItem(everyone, None)
        for row in state["stations"]:
            if not row["revoked"]:
                self.recipient.addItem(f"{row['code']} {row['name']}", row["origin"])
        self.recipient.setCurrentIndex(max(self.recipient.findData(chosen), 0))
        flags = state.get("clock_flags") or []
        self.clock_warning.setText("\n".join(sync_dialogs.clock_warning(f) for f in flags))
        self.clock_warning.setVisible(bool(flags))
        self._station_selected()
        self.loaded.emit()

    def _conflicts_loaded(self, count: int) -> None:
        index = self.tabs.indexOf(self.conflicts)
        self.tabs.setTabText(index, self.tr("Conflicts ({count})").format(count=count))
        self.tabs.tabBar().setTabTextColor(index, QColor(style.RED) if count else QColor())

    def _station_selected(self) -> None:
        row = self.stations_model.row(self.stations_table.currentIndex().row())
        usable = row is not None and not row["revoked"]
        self.revoke_button.setEnabled(usable)
        self.entitle_button.setEnabled(usable)

    def _say(self, text: str, role: str = "ok") -> None:
        style.apply(self.message, role)
        self.message.setText(text)
        self.message.setToolTip("")

    # this station's key ----------------------------------------------------------------------
    def choose_key_destination(self) -> None:
        code = self.station_code.text() or "station"
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export this station's key"),
            in_documents(f"bioreserve-key-{code}.json"),
            self.tr("Station keys (*.json)"),
        )
        if path:
            self.export_key(Path(path))

    def export_key(self, path: Path) -> None:
        self.worker.run(
            refusable(lambda db: sync_keys.export_key(db, path)),
            lambda result: self._key_exported(path, result),
        )

    def _key_exported(self, path: Path, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, "error")
        else:
            self._say(self.tr("This station's key was written to {path}.").format(path=path))

    # trusting and revoking -------------------------------------------------------------------
    def add_station(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add station"),
            str(documents_folder()),
            self.tr("Station keys (*.json);;All files (*)"),
        )
        if path:
            self.trust_file(Path(path))

    def trust_file(self, path: Path) -> None:
        """Read the key, have the person compare its fingerprint, then trust it."""
        self.worker.run(
            refusable(lambda _db: sync_keys.read_key(path)),
            lambda info: self._key_read(path, info),
        )

    def _key_read(self, path: Path, info) -> None:
        if isinstance(info, Refused):
            self._say(info.message, "error")
            return
        classes = self.confirm_fingerprint(info)
        if classes is None or classes is False:
            self._say(self.tr("Nothing was trusted."), "muted")
            return
        from desktop.ui.sync import jobs as sync_jobs

        job = sync_jobs.trust_job(path, info["fingerprint"], dict(classes))
        self.worker.run(refusable(job), self._trusted)

    def confirm_fingerprint(self, info: dict) -> dict[str, bool] | None:
        """Ask the person to compare the fingerprint and choose the personal rows the
        station is sent: the classes granted, or None when the key is not to be trusted."""
        dialog = entitle_dialogs.TrustDialog(info, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted else None

    def _trusted(self, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, "error")
            return
        self._say(
            self.tr("Station {code} {name} is trusted. Personal rows sent: {sent}.").format(
                sent=entitle_dialogs.sent_text(result.get("entitled")), **result
            )
        )
        self.reload_state()

    def entitle_selected(self) -> None:
        """Change the personal rows bundles for the selected station carry."""
        row = self.stations_model.row(self.stations_table.currentIndex().row())
        if not row or row["revoked"]:
            return
        changes = self.choose_entitlement(row)
        if changes is not None:
            self.entitle(row["origin"], changes)

    def choose_entitlement(self, row: dict) -> dict[str, bool] | None:
        dialog = entitle_dialogs.EntitleDialog(row, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.chosen() if accepted else None

    def entitle(self, origin: str, changes: dict[str, bool]) -> None:
        from desktop.ui.sync import jobs as sync_jobs

        self.worker.run(refusable(sync_jobs.entitle_job(origin, changes)), self._entitled)

    def _entitled(self, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, "error")
            return
        self._say(
            self.tr("Bundles for {code} {name} now carry: {sent}.").format(
                sent=entitle_dialogs.sent_text(result["entitled"]), **result
            )
        )
        self.reload_state()

    def revoke_selected(self) -> None:
        row = self.stations_model.row(self.stations_table.currentIndex().row())
        if row and not row["revoked"] and self.confirm_revoke(row):
            self.revoke(row["origin"])

    def confirm_revoke(self, row: dict) -> bool:
        return sync_dialogs.confirm_revoke(self, row)

    def revoke(self, origin: str) -> None:
        ctx = actor()
        self.worker.run(refusable(lambda db: sync_keys.revoke(db, origin, ctx)), self._revoked)

    def _revoked(self, result) -> None:
        if isinstance(result, Refused):
            self._say(result.message, "error")
            return
        self._say(self.tr("The key of station {code} is revoked.").format(code=result["code"]))
        self.reload_state()

    # bundles ---------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        self.progress = QProgressDialog(text, "", 0, 0, self)
        self.progress.setCancelButton(None)
        self.progress.setWindowTitle(self.tr("Synchronization"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()

    def _idle(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def confirm_export(self) -> bool:
        """Ask for whom the bundle is (the dialog says what it carries); the choice is
        left in `recipient`. False: cancelled."""
        stations = self.state["stations"] if self.state else []
        dialog = entitle_dialogs.ExportDialog(stations, self.recipient.currentData(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.recipient.setCurrentIndex(max(self.recipient.findData(dialog.chosen()), 0))
        return True

    def choose_export_folder(self) -> None:
        if not self.confirm_export():
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export bundle to folder (USB stick)"), str(documents_folder())
        )
        if folder:
            self.export_to(Path(folder))

    def export_to(self, folder: Path) -> None:
        from desktop.ui.sync import jobs as sync_jobs

        self._busy(self.tr("Writing the bundle…"))
        job = sync_jobs.export_job(folder, self.recipient.currentData())
        self.worker.run(refusable(job), self._exported)

    def _exported(self, result) -> None:
        self._idle()
        self.summary.hide()
        if isinstance(result, Refused):
            self._say(result.message, "error")
        else:
            stations = self.state["stations"] if self.state else []
            row = next((r for r in stations if r["origin"] == result.to), None)
            if row is None:
                carried = entitle_dialogs.carried_text((), None)
            else:
                carried = entitle_dialogs.carried_text(
                    row["entitled"], f"{row['code']} {row['name']}"
                )
            self._say(
                self.tr(
                    "Bundle {sequence} written: {ops} operation(s), {bytes} bytes, {path}."
                ).format(
                    sequence=result.sequence,
                    ops=f"{result.ops:,}",
                    bytes=f"{result.bytes:,}",
                    path=result.path,
                )
                + "\n"
                + carried
            )
            self.reload_state()
        self.exported.emit(result)

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import bundle"),
            str(documents_folder()),
            self.tr("BioReserve bundles (*.zip);;All files (*)"),
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        from desktop.ui.sync import jobs as sync_jobs

        self._busy(self.tr("Checking and importing {file}…").format(file=path.name))
        self.worker.run(refusable(sync_jobs.import_job(path)), self._imported)

    def _imported(self, outcome) -> None:
        self._idle()
        self.summary.hide()
        if isinstance(outcome, Refused):
            cause = getattr(outcome.error, "cause", None)
            text = self.tr("Refused: {message}").format(message=outcome.message)
            self._say(text, "error")
            # the refusal's code (tampered, own …) for whoever supports the station, not
            # in the sentence a clerk reads
            self.message.setToolTip(cause or "")
            self.imported.emit(outcome)
            return
        result = outcome["result"]
        if result.already_imported:
            said = self.tr("Everything in this bundle was here already; nothing changed.")
            self._say(said, "muted")
        else:
            self._say(self.tr("Bundle imported."))
        self.summary.show_outcome(outcome)
        self.reload_state()  # the other pages and the conflicts refresh themselves
        self.imported.emit(outcome)

    def summary_values(self) -> dict[str, str]:
        """The import summary as shown: caption → value."""
        return self.summary.values()
