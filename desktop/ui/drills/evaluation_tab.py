"""评估: the evaluator's sheet of a drill, in its sandbox — each objective with what it
cites, how its expected actions went (met / late / missed / pending) and its P/S/M/U
rating (HSEEP; 评定… sets it, evaluation.rate: the last rating given stands), and the
observations, each a strength or an area for improvement, for an objective or the whole
drill, at the drill's time (添加观察…, evaluation.observe).

The tab works like an incident's tabs (incidents/tab_base.py): it loads when on screen,
and the 'incident' it holds is the drill ({id, status})."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QVBoxLayout

from desktop.ui.drills import labels
from desktop.ui.drills.parts import splitter
from desktop.ui.incidents.fields import text_box
from desktop.ui.incidents.tab_base import IncidentTab
from desktop.ui.incidents.tables import fit, list_table
from desktop.ui.shell.jobs import actor
from desktop.ui.widgets.change_watcher import watch
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.rows_model import Column, RowsModel

TALLIED = ("met", "late", "missed", "pending")


def evaluation_job(drill_id: str):
    def job(db):
        from desktop.core.drills import evaluation, records

        return {
            "objectives": records.objectives(db, drill_id),
            "ratings": evaluation.ratings(db, drill_id),
            "observations": evaluation.observations(db, drill_id),
            "expected": evaluation.expected(db, drill_id),
        }

    return job


class EvaluationTab(IncidentTab):
    """Ratings per objective and the observations of one drill."""

    def __init__(self, worker, parent=None):
        super().__init__(worker, parent)
        self.objectives = RowsModel(
            [
                Column("code", self.tr("Code")),
                Column("text", self.tr("Objective")),
                Column("citation", self.tr("Tests")),
                Column("tally", self.tr("Met / late / missed / pending")),
                Column("rating_name", self.tr("Rating")),
                Column("rating_note", self.tr("Rating note")),
            ],
            parent=self,
        )
        self.observations = RowsModel(
            [
                Column("at", self.tr("Drill time")),
                Column("kind_name", self.tr("Kind")),
                Column("objective", self.tr("Objective")),
                Column("text", self.tr("Observation")),
                Column("actor_name", self.tr("By")),
            ],
            parent=self,
        )
        self.objectives_table = list_table(self.objectives, 1)
        self.objectives_table.doubleClicked.connect(lambda _index: self.rate())
        self.observations_table = list_table(self.observations, 3)
        self.objectives_table.selectionModel().selectionChanged.connect(
            lambda *_: self.update_actions()
        )
        ratings = QGroupBox(self.tr("Objectives and ratings"))
        column = QVBoxLayout(ratings)
        column.addLayout(self.buttons([("rate", self.tr("Rate…")), None]))
        legend = QLabel("  ".join(labels.names("rating").values()))
        legend.setWordWrap(True)
        column.addWidget(self.objectives_table, 1)
        column.addWidget(legend)
        observed = QGroupBox(self.tr("Observations"))
        column = QVBoxLayout(observed)
        column.addLayout(self.buttons([("observe", self.tr("Add observation…")), None]))
        column.addWidget(self.observations_table, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(splitter(Qt.Orientation.Vertical, (ratings, 1), (observed, 1)))
        watch(self, worker, {"drill_rating", "drill_observation", "drill_mark", "drill_fired"})
        self.update_actions()

    def load_job(self, incident: dict):
        return evaluation_job(incident["id"])

    def show_data(self, data) -> None:
        data = data or {"objectives": [], "ratings": {}, "observations": [], "expected": []}
        rows = []
        for objective in data["objectives"]:
            rating = data["ratings"].get(objective["id"])
            mine = [e for e in data["expected"] if e["objective_id"] == objective["id"]]
            tally = " / ".join(str(sum(1 for e in mine if e["result"] == k)) for k in TALLIED)
            rows.append({
                **objective, "tally": tally,
                "rating": rating["rating"] if rating else None,
                "rating_name": labels.name("rating", rating["rating"]) if rating else "",
                "rating_note": rating["note"] if rating else "",
            })  # fmt: skip
        self.objectives.set_rows(rows)
        self.observations.set_rows([
            {**row, "at": labels.t_plus(row["at_s"]),
             "kind_name": labels.name("observation", row["kind"]),
             "objective": row["objective"] or ""}
            for row in data["observations"]
        ])  # fmt: skip
        fit(self.objectives_table, widest=260)
        fit(self.observations_table, widest=200)

    def update_actions(self) -> None:
        if not hasattr(self, "tab_buttons"):
            return
        chosen = self.objectives_table.selectionModel().selectedRows()
        self.tab_buttons["rate"].setEnabled(self.incident is not None and bool(chosen))
        self.tab_buttons["observe"].setEnabled(self.incident is not None)

    def rate(self):
        chosen = self.objectives_table.selectionModel().selectedRows()
        if self.incident is None or not chosen:
            return None
        row = self.objectives.row(chosen[0].row())
        dialog = RateDialog(self.worker, self.incident["id"], row, self)
        return self.open_dialog(dialog, lambda _r: self.tr("Objective {code} rated.").format(
            code=row["code"]))  # fmt: skip

    def observe(self):
        if self.incident is None:
            return None
        dialog = ObservationDialog(self.worker, self.incident["id"], self.objectives.rows, self)
        return self.open_dialog(dialog, lambda _r: self.tr("Observation recorded."))


class RateDialog(FormDialog):
    """评定: an objective's rating P, S, M or U, and why."""

    def __init__(self, worker, drill_id: str, objective: dict, parent=None):
        super().__init__(worker, self.tr("Rate objective {code}").format(
            code=objective["code"]), parent)  # fmt: skip
        self.drill_id = drill_id
        self.objective = objective
        what = QLabel(objective["text"])
        what.setWordWrap(True)
        self.rating = QComboBox()
        labels.fill(self.rating, "rating")
        found = self.rating.findData(objective.get("rating"))
        self.rating.setCurrentIndex(max(found, 0))
        self.note = text_box(4, self.tr("What the rating rests on"))
        self.note.setPlainText(objective.get("rating_note") or "")
        self.form.addRow(self.tr("Objective"), what)
        self.form.addRow(self.tr("Rating"), self.rating)
        self.form.addRow(self.tr("Note"), self.note)
        self.fields.update(rating=self.rating, note=self.note)

    def job(self):
        from desktop.core.drills import evaluation

        drill, ref, ctx = self.drill_id, self.objective["id"], actor()
        rating, note = self.rating.currentData(), self.note.toPlainText()
        return lambda db: evaluation.rate(db, ctx, drill, ref, rating, note)


class ObservationDialog(FormDialog):
    """添加观察: a strength or an area for improvement, for an objective or the drill."""

    def __init__(self, worker, drill_id: str, objectives: list[dict], parent=None):
        super().__init__(worker, self.tr("Add observation"), parent)
        self.drill_id = drill_id
        self.kind = QComboBox()
        labels.fill(self.kind, "observation")
        self.objective = QComboBox()
        self.objective.addItem(self.tr("The whole drill"), None)
        for row in objectives:
            self.objective.addItem(f"{row['code']}  {row['text'][:40]}", row["code"])
        self.text = text_box(5, self.tr("What was seen, by whom, and what it led to"))
        self.form.addRow(self.tr("Kind"), self.kind)
        self.form.addRow(self.tr("Objective"), self.objective)
        self.form.addRow(self.tr("Observation"), self.text)
        self.fields.update(kind=self.kind, objective=self.objective, text=self.text)

    def job(self):
        from desktop.core.drills import evaluation

        drill, ctx = self.drill_id, actor()
        kind, text, objective = (self.kind.currentData(), self.text.toPlainText(),
                                 self.objective.currentData())  # fmt: skip
        return lambda db: evaluation.observe(db, ctx, drill, kind, text, objective)
