"""A planning line of an incident's needs, added by hand or changed: the item (a line
planned by category may name another item of that category), the basis (per exposed
person, patient, responder, site, km², or fixed), the quantity per day, the days, the
buffer and a note (needs.add_line / save_line)."""

from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QLabel, QLineEdit, QSpinBox

from desktop.ui.playbooks.labels import bases
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.item_picker import ItemPicker

MAX_PER_DAY = 1_000_000
MAX_DAYS = 3_650
MAX_BUFFER = 1_000


class LineDialog(FormDialog):
    """A new line (line=None) or one of needs.compute's lines."""

    def __init__(self, worker, incident: dict, line: dict | None = None, parent=None):
        title = self.tr("Add planning line") if line is None else self.tr("Change planning line")
        super().__init__(worker, title, parent)
        self.incident = incident
        self.line = line
        self.setMinimumWidth(600)
        self.item = ItemPicker(worker)
        self.basis = QComboBox()
        for code, caption in bases().items():
            self.basis.addItem(caption, code)
        self.per_day = QDoubleSpinBox()
        self.per_day.setRange(0, MAX_PER_DAY)
        self.per_day.setDecimals(4)
        self.per_day.setGroupSeparatorShown(True)
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.buffer = QSpinBox()
        self.buffer.setRange(0, MAX_BUFFER)
        self.buffer.setSuffix(" %")
        self.note = QLineEdit()
        formula = style.apply(
            QLabel(
                self.tr(
                    "Required = quantity per day × scale × days × (1 + buffer); the days are "
                    "capped by the incident's expected days."
                )
            ),
            "muted",
        )
        formula.setWordWrap(True)
        self.form.addRow(self.tr("Item"), self.item)
        if line is not None and line.get("category"):
            hint = style.apply(
                QLabel(
                    self.tr(
                        "Planned for the category {category}: another item of that category "
                        "may be named."
                    ).format(category=line.get("category_name") or line["category"])
                ),
                "muted",
            )
            hint.setWordWrap(True)
            self.form.addRow(hint)
        self.form.addRow(self.tr("Basis"), self.basis)
        self.form.addRow(self.tr("Quantity per day"), self.per_day)
        self.form.addRow(self.tr("Days"), self.days)
        self.form.addRow(self.tr("Buffer"), self.buffer)
        self.form.addRow(self.tr("Note"), self.note)
        self.form.addRow(formula)
        self.fields.update(
            item=self.item,
            basis=self.basis,
            qty_per_day=self.per_day,
            days=self.days,
            buffer_pct=self.buffer,
            note=self.note,
        )
        if line is not None:
            self._prefill(line)
        else:
            self.basis.setCurrentIndex(self.basis.findData("fixed"))
            self.per_day.setValue(1)

    def _prefill(self, line: dict) -> None:
        if line.get("item"):
            self.item.choose(
                {"id": line["item_id"], "code": line["item"], "name": line["item_name"],
                 "spec": line.get("spec") or ""}
            )  # fmt: skip
        self.basis.setCurrentIndex(max(self.basis.findData(line["basis"]), 0))
        self.per_day.setValue(float(line["qty_per_day"]))
        self.days.setValue(int(line["days"]))
        self.buffer.setValue(int(line["buffer_pct"]))
        self.note.setText(line.get("note") or "")

    def values(self) -> dict:
        item = self.item.item()
        given = {
            "basis": self.basis.currentData(),
            "qty_per_day": self.per_day.value(),
            "days": self.days.value(),
            "buffer_pct": self.buffer.value(),
            "note": self.note.text(),
        }
        if item is not None and (self.line is None or item["code"] != self.line.get("item")):
            given["item"] = item["code"]
        elif item is None and self.line is None:
            given["item"] = self.item.text().strip()
        return given

    def job(self):
        from desktop.core.incidents import needs

        given, ctx = self.values(), actor()
        if self.line is None:
            ref = self.incident["id"]
            return lambda db: needs.add_line(db, ctx, ref, given)
        line_id = self.line["id"]
        return lambda db: needs.save_line(db, ctx, line_id, given)

    def summary(self, _result) -> str:
        if self.line is None:
            return self.tr("Planning line added.")
        return self.tr("Planning line changed.")
