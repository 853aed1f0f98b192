"""采样点: the incident's environmental sampling sites (水体, 土壤, 空气, 物体表面, 动物, 植物)
— place, optional coordinates, division, responsible agency — with 添加采样点…."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QLineEdit

from desktop.core.monitoring import sites
from desktop.ui.incidents import labels
from desktop.ui.incidents.tables import fit
from desktop.ui.monitoring.forms import MarkedForm, agency_combo, choose, division_combo
from desktop.ui.monitoring.list_tab import ListTab
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.rows_model import Column, RowsModel
from desktop.ui.widgets.times import when

PLACE = 1


class SitesModel(RowsModel):
    def __init__(self, parent=None):
        super().__init__(
            [
                Column(
                    "kind",
                    QCoreApplication.translate("SitesTab", "Kind"),
                    "map",
                    labels.names("site_kind"),
                ),
                Column("place", QCoreApplication.translate("SitesTab", "Place")),
                Column("coordinates", QCoreApplication.translate("SitesTab", "Coordinates")),
                Column("division_name", QCoreApplication.translate("SitesTab", "Division")),
                Column("agency_name", QCoreApplication.translate("SitesTab", "Responsible agency")),
                Column("created", QCoreApplication.translate("SitesTab", "Added")),
            ],
            parent=parent,
        )


class SitesTab(ListTab):
    """The sampling sites of one incident's monitoring."""

    def __init__(self, worker, lists: dict, parent=None):
        super().__init__(worker, parent)
        self.lists = lists
        self.divisions = {row["code"]: labels.localized(row) for row in lists["divisions"]}
        self.agencies = labels.agency_names(lists)
        bar = self.buttons([("add_site", self.tr("Add site…"))])
        self.lay_out(bar, SitesModel(self), PLACE)

    def load_job(self, incident: dict):
        ref = incident["id"]
        return lambda db: sites.listing(db, ref)

    def show_data(self, rows) -> None:
        rows = rows or []
        for row in rows:
            row["division_name"] = self.divisions.get(row["division"], row["division_name"] or "")
            row["agency_name"] = self.agencies.get(row["agency"], row["agency_name"] or "")
            row["created"] = when(row["created_at"])
            row["coordinates"] = (
                f"{row['latitude']:.6f}, {row['longitude']:.6f}"
                if row["latitude"] is not None and row["longitude"] is not None
                else ""
            )
        self.model.set_rows(rows)
        fit(self.table)
        self.count.setText(self.tr("{count} site(s)").format(count=len(rows)))

    def update_actions(self) -> None:
        if hasattr(self, "tab_buttons"):
            self.tab_buttons["add_site"].setEnabled(self.incident is not None)

    def add_site(self):
        if self.incident is None:
            return None
        dialog = SiteDialog(self.worker, self.incident, self.lists, self)
        return self.open_dialog(dialog, lambda _made: self.tr("Sampling site added."))


class SiteDialog(MarkedForm):
    """添加采样点: kind, place, optional coordinates, division and responsible agency
    (市生态环境局 unless another is chosen)."""

    def __init__(self, worker, incident: dict, lists: dict, parent=None):
        super().__init__(worker, self.tr("Add sampling site — {number}").format(
            number=incident["number"]), parent)  # fmt: skip
        self.incident = incident
        self.kind = QComboBox()
        labels.fill(self.kind, "site_kind")
        self.place = QLineEdit()
        self.place.setPlaceholderText(self.tr("Address, or a description of the place"))
        self.latitude = QLineEdit()
        self.latitude.setPlaceholderText(self.tr("Optional, e.g. 26.8934"))
        self.longitude = QLineEdit()
        self.longitude.setPlaceholderText(self.tr("Optional, e.g. 112.5720"))
        self.division = division_combo(lists)
        choose(self.division, incident.get("division"))
        self.agency = agency_combo(lists)
        choose(self.agency, sites.DEFAULT_AGENCY)
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Place"), self.place)
        self.form.addRow(self.tr("Latitude"), self.latitude)
        self.form.addRow(self.tr("Longitude"), self.longitude)
        self.form.addRow(self.tr("Division"), self.division)
        self.form.addRow(self.tr("Responsible agency"), self.agency)
        self.fields.update(kind=self.kind, place=self.place, latitude=self.latitude,
                           longitude=self.longitude, division=self.division,
                           agency=self.agency)  # fmt: skip

    def job(self):
        ref, ctx = self.incident["id"], actor()
        given = {
            "kind": self.kind.currentData(),
            "place": self.place.text(),
            "latitude": self.latitude.text(),
            "longitude": self.longitude.text(),
            "division": self.division.currentData(),
            "agency": self.agency.currentData(),
        }
        return lambda db: sites.add(db, ctx, ref, given)
