"""The master scenario events list (MSEL) as a table (injects.plan): each inject's number,
trigger and moment (T+ for a timed one, minutes after another for the others), from, to,
channel, message, the expected actions with their minutes, and the objective; contingency
injects in italics."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont

from desktop.ui.drills import labels
from desktop.ui.widgets.rows_model import Column, RowsModel

MESSAGE = 6


def moment_text(inject: dict) -> str:
    """When an inject fires, as its row in the MSEL says."""
    minutes = inject["offset_min"]
    trigger = inject["trigger"]
    if inject["contingency"] or trigger == "manual":
        return QCoreApplication.translate("MselTable", "by a controller")
    if trigger == "time":
        return labels.t_plus(minutes * 60)
    after = inject.get("after_no")
    if trigger == "delay":
        if after is None:
            return QCoreApplication.translate(
                "MselTable", "{minutes} min after the one before"
            ).format(minutes=minutes)
        return QCoreApplication.translate("MselTable", "{minutes} min after #{no}").format(
            minutes=minutes, no=after
        )
    state = labels.name("inject_state", inject["after_state"])
    return QCoreApplication.translate("MselTable", "{minutes} min after #{no} {state}").format(
        minutes=minutes, no=after, state=state
    )


def expects_text(expects: list[dict], agencies: dict[str, str]) -> str:
    """The expected actions of an inject, one a line: action (agency), within N min."""
    lines = []
    for e in expects:
        action = labels.name("action", e["action"])
        agency = agencies.get(e["agency"] or "", e.get("agency_name") or "")
        head = f"{action}（{agency}）" if agency else action
        text = QCoreApplication.translate("MselTable", "{action}, within {minutes} min")
        lines.append(text.format(action=head, minutes=e["within_min"]))
    return "\n".join(lines)


class MselModel(RowsModel):
    """The injects of a drill's plan; UserRole gives the row."""

    def __init__(self, parent=None):
        super().__init__(
            [
                Column("position", QCoreApplication.translate("MselTable", "No."), "number"),
                Column("trigger_name", QCoreApplication.translate("MselTable", "Trigger")),
                Column("moment", QCoreApplication.translate("MselTable", "When")),
                Column("sender", QCoreApplication.translate("MselTable", "From")),
                Column("to_name", QCoreApplication.translate("MselTable", "To")),
                Column(
                    "channel",
                    QCoreApplication.translate("MselTable", "Channel"),
                    "map",
                    labels.names("channel"),
                ),
                Column("message", QCoreApplication.translate("MselTable", "Message")),
                Column("expects_text", QCoreApplication.translate("MselTable", "Expected actions")),
                Column("objective", QCoreApplication.translate("MselTable", "Objective")),
            ],
            parent=parent,
        )

    def set_plan(self, injects: list[dict], agencies: dict[str, str]) -> None:
        """injects.plan's rows; agencies: code → short name."""
        for row in injects:
            trigger = labels.name("trigger", row["trigger"])
            if row["contingency"]:
                trigger = QCoreApplication.translate("MselTable", "{trigger}, contingency").format(
                    trigger=trigger
                )
            row["trigger_name"] = trigger
            row["moment"] = moment_text(row)
            row["to_name"] = agencies.get(row["to_agency"] or "", row["to_agency_name"] or "")
            row["expects_text"] = expects_text(row["expects"], agencies)
        self.set_rows(injects)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        key = self.columns[index.column()].key
        if role == Qt.ItemDataRole.FontRole and row["contingency"]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and key in ("message", "expects_text"):
            return row[key]
        if role == Qt.ItemDataRole.DisplayRole and key == "expects_text":
            return row[key].replace("\n", QCoreApplication.translate("MselTable", "; "))
        return super().data(index, role)
