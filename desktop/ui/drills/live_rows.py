"""A rows model that a running drill updates twice a second without disturbing the person
reading it: rows are matched by id, new ones at the top are inserted, changed ones
repainted, and only a list that changed otherwise is reset. The selection and the scroll
position stay where they were."""

from desktop.ui.widgets.rows_model import NO_PARENT, RowsModel


class LiveRowsModel(RowsModel):
    """RowsModel whose `update(rows)` keeps what is unchanged (rows keyed by `id`)."""

    def update(self, rows: list[dict]) -> bool:
        """Show these rows; True when rows were added or the list reset (the view may want
        its columns fitted again), False when at most some rows changed."""
        old = [row["id"] for row in self.rows]
        new = [row["id"] for row in rows]
        added = len(new) - len(old)
        if new == old:
            self._repaint(rows)
            return False
        if added > 0 and new[added:] == old:
            self.beginInsertRows(NO_PARENT, 0, added - 1)
            self.rows[:0] = rows[:added]
            self.endInsertRows()
            self._repaint(rows)
            return True
        self.set_rows(rows)
        return True

    def _repaint(self, rows: list[dict]) -> None:
        last = self.columnCount() - 1
        for number, (before, after) in enumerate(zip(self.rows, rows, strict=True)):
            if before != after:
                self.rows[number] = after
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
