"""A rows model that a running drill updates twice a second without disturbing the person
reading it: rows are matched by id; new ones at the top are inserted, ones gone are
removed, changed ones repainted, and only a list that changed otherwise is reset. The
selection and the scroll position stay where they were, and the view measures its
columns again only after a reset (measuring 200 rows takes longer than a frame)."""

from desktop.ui.widgets.rows_model import NO_PARENT, RowsModel


class LiveRowsModel(RowsModel):
    """RowsModel whose `update(rows)` keeps what is unchanged (rows keyed by `id`)."""

    def update(self, rows: list[dict]) -> bool:
        """Show these rows; True when the list was reset (or filled from empty): the view
        may fit its columns again."""
        old = [row["id"] for row in self.rows]
        if not old or not self._follow(old, rows):
            self.set_rows(rows)
            return bool(rows)
        last = self.columnCount() - 1
        for number, (before, after) in enumerate(zip(self.rows, rows, strict=True)):
            if before != after:
                self.rows[number] = after
                self.dataChanged.emit(self.index(number, 0), self.index(number, last))
        return False

    def _follow(self, old: list[str], rows: list[dict]) -> bool:
        """Turn the rows into `rows` by inserting at the top and removing rows; False
        (nothing done) when that cannot be done."""
        new = [row["id"] for row in rows]
        added = len(new) - len(set(old) & set(new))
        kept = set(new[added:])
        if new[added:] != [i for i in old if i in kept] or set(new[:added]) & set(old):
            return False
        for number in range(len(old) - 1, -1, -1):  # bottom up: the numbers stay right
            if old[number] not in kept:
                self.beginRemoveRows(NO_PARENT, number, number)
                del self.rows[number]
                self.endRemoveRows()
        if added:
            self.beginInsertRows(NO_PARENT, 0, added - 1)
            self.rows[:0] = rows[:added]
            self.endInsertRows()
        return True
