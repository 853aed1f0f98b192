"""人员: the people followed for the incident by cohort, with their status — ID numbers and
phones masked unless 显示身份信息… was given a reason (recorded by the core), and then
only until the page is left or refreshed — with 添加人员…, 编辑…, 更改状态… and filters
by cohort and status."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton

from desktop.core.monitoring import personal
from desktop.ui.incidents import labels
from desktop.ui.incidents.tables import fit
from desktop.ui.monitoring.list_tab import ListTab
from desktop.ui.widgets import style
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel

NOTE = 8  # the status note takes the room left


class PeopleModel(RowsModel):
    """People of people.listing; those no longer under monitoring in grey."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("name", QCoreApplication.translate("PeopleTab", "Name")),
                Column("id_number", QCoreApplication.translate("PeopleTab", "ID number")),
                Column("phone", QCoreApplication.translate("PeopleTab", "Phone")),
                Column(
                    "cohort",
                    QCoreApplication.translate("PeopleTab", "Cohort"),
                    "map",
                    labels.names("cohort"),
                ),
                Column(
                    "status",
                    QCoreApplication.translate("PeopleTab", "Status"),
                    "map",
                    labels.names("monitor_status"),
                ),
                Column("exposed_on", QCoreApplication.translate("PeopleTab", "Exposed on")),
                Column("exposure", QCoreApplication.translate("PeopleTab", "Exposure")),
                Column("division_name", QCoreApplication.translate("PeopleTab", "Division")),
                Column("status_note", QCoreApplication.translate("PeopleTab", "Note")),
            ],
            lambda row: None if row["status"] == "monitoring" else style.UNUSABLE,
            parent,
        )


class PeopleTab(ListTab):
    """The people of one incident's monitoring."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.lists = lists
        self.divisions = {row["code"]: labels.localized(row) for row in lists["divisions"]}
        self.revealed = False
        bar = self.buttons(
            [
                ("add_person", self.tr("Add person…")),
                ("edit_person", self.tr("Edit…")),
                ("change_status", self.tr("Change status…")),
                ("reveal", self.tr("Show identity data…")),
            ]
        )
        self.cohort = QComboBox()
        labels.fill(self.cohort, "cohort", first=self.tr("All cohorts"))
        self.status = QComboBox()
        labels.fill(self.status, "monitor_status", first=self.tr("All statuses"))
        for combo in (self.cohort, self.status):
            combo.currentIndexChanged.connect(lambda _index: self.refresh())
        bar.addSpacing(12)
        bar.addWidget(QLabel(self.tr("Cohort")))
        bar.addWidget(self.cohort)
        bar.addWidget(QLabel(self.tr("Status")))
        bar.addWidget(self.status)
        self.banner = style.apply(QLabel(), "banner")
        self.banner.setWordWrap(True)
        self.mask_button = QPushButton(self.tr("Mask again"))
        self.mask_button.setAutoDefault(False)
        self.mask_button.clicked.connect(self.mask_again)
        shown = QHBoxLayout()
        shown.addWidget(self.banner, 1)
        shown.addWidget(self.mask_button)
        self._show_revealed(None)
        self.lay_out(bar, PeopleModel(self), NOTE, shown)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())

    def load_job(self, incident: dict):
        from desktop.core.monitoring import people

        ref, cohort, status = incident["id"], self.cohort.currentData(), self.status.currentData()
        return lambda db: people.listing(db, ref, cohort, status)

    def show_data(self, rows) -> None:
        self._show_rows(rows or [])
        self._show_revealed(None)

    def _show_rows(self, rows: list[dict]) -> None:
        keep = self.selected()
        for row in rows:
            row["division_name"] = self.divisions.get(row["division"], row["division_name"] or "")
        self.model.set_rows(rows)
        fit(self.table)
        if keep is not None:
            found = next((n for n, row in enumerate(rows) if row["id"] == keep["id"]), -1)
            if found >= 0:
                choose_row(self.table, found)
        followed = sum(1 for row in rows if row["status"] == "monitoring")
        self.count.setText(
            self.tr("{count} people · {followed} under monitoring").format(
                count=len(rows), followed=followed
            )
        )

    def _show_revealed(self, reason: str | None) -> None:
        self.revealed = reason is not None
        self.banner.setText(
            self.tr(
                "ID numbers and phones are shown (recorded: {reason}). They are masked again "
                "when you leave the page or it is refreshed."
            ).format(reason=reason)
            if reason
            else ""
        )
        self.banner.setVisible(self.revealed)
        self.mask_button.setVisible(self.revealed)

    def mask_again(self) -> None:
        """Mask the ID numbers and phones shown (no database work: the rows are at hand)."""
        if not self.revealed:
            return
        self._show_rows([personal.masked(row, False) for row in self.model.rows])
        self._show_revealed(None)
        self.update_actions()

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        chosen = self.selected() is not None
        self.tab_buttons["add_person"].setEnabled(self.incident is not None)
        self.tab_buttons["edit_person"].setEnabled(chosen)
        self.tab_buttons["change_status"].setEnabled(chosen)
        self.tab_buttons["reveal"].setEnabled(bool(self.model.rows) and not self.revealed)

    # acting --------------------------------------------------------------------------------
    def add_person(self):
        if self.incident is None:
            return None
        from desktop.ui.monitoring.person_dialogs import PersonDialog

        dialog = PersonDialog(self.worker, self.incident, self.lists, None, self)
        return self.open_dialog(dialog, lambda _made: self.tr("Person added."))

    def edit_person(self):
        person = self.selected()
        if person is None:
            return None
        from desktop.ui.monitoring.person_dialogs import PersonDialog

        dialog = PersonDialog(self.worker, self.incident, self.lists, person, self)
        return self.open_dialog(
            dialog, lambda row: self.tr("{name}'s details saved.").format(name=row["name"])
        )

    def change_status(self):
        person = self.selected()
        if person is None:
            return None
        from desktop.ui.monitoring.person_dialogs import StatusDialog

        dialog = StatusDialog(self.worker, person, self)
        return self.open_dialog(
            dialog,
            lambda row: self.tr("{name}: {status}.").format(
                name=row["name"], status=labels.name("monitor_status", row["status"])
            ),
        )

    def reveal(self):
        """显示身份信息…: ask the reason; the list comes back in full from the core."""
        if self.incident is None:
            return None
        from desktop.ui.monitoring.person_dialogs import RevealDialog

        cohort, status = self.cohort.currentData(), self.status.currentData()
        dialog = RevealDialog(self.worker, self.incident, cohort, status, self)
        dialog.succeeded.connect(
            lambda rows: self._revealed(rows, dialog.reason.toPlainText().strip())
        )
        return self.open_dialog(dialog)

    def _revealed(self, rows: list[dict], reason: str) -> None:
        self._show_rows(rows)
        self._show_revealed(reason)
        self.update_actions()
