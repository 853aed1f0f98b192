"""Table columns that fit their contents and keep the widths people give them.

Every list table (style.table) gets a ColumnSizer. It measures rows as they arrive —
after a load or a reset from the first rows, then each page or row inserted or changed —
and widens a column to what it shows; a text column stops at a cap (its whole text is in
the cell's tooltip or the detail), a number never does: 268,493 and 1,234,567 show whole.
A reset measures afresh (a filter may have narrowed the contents); later rows only widen.

Measuring is cheap so that a refresh is: rows are read as text and measured with the font's
metrics (QTableView.resizeColumnsToContents asks the delegate for every cell, 20 µs each:
a 200-row page of 12 columns took 45 ms); a text column at its cap is not measured again,
and at most SAMPLE rows of text are measured at a time, every row of numbers.

A width the user sets by dragging a column's edge is kept — per table, per set of columns
— in the settings (shell/settings.column_widths) and given back when the table is made
again; a double-click on the edge forgets it and fits the column again. A table's name is
its objectName, else the class and attribute of the widget that holds it
("BalancesView.table", "AlertsView.tables.expired").
"""

import json
import math
import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle

SAMPLE = 200  # rows of text measured at a time (a page)
NUMBERS = 5000  # rows of numbers measured at a time (never capped: a page or many)
WIDEST = 240  # a text column's widest automatic width (px)
RIGHT = Qt.AlignmentFlag.AlignRight
# A code, a batch, a date or an order number: printable ASCII without spaces. A column
# showing only such texts is never capped (TB-DEMO-20261207-0003 differs in its tail).
WHOLE = re.compile(r"[!-~]+")


def sizer_of(view: QAbstractItemView) -> "ColumnSizer":
    """The view's sizer, made on first use."""
    sizer = view.findChild(ColumnSizer, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return sizer if sizer is not None else ColumnSizer(view)


def fit(view: QAbstractItemView, widest: int = WIDEST) -> None:
    """Size the columns that are not stretched to the rows loaded (text capped at
    `widest`, numbers never), keeping the widths the user set."""
    sizer_of(view).fit(widest)


def table_name(view: QAbstractItemView) -> str | None:
    """Where a table's widths are kept: its objectName, else the class and attribute of
    the widget holding it (None while it has no such holder)."""
    if view.objectName():
        return view.objectName()
    holder = view.parentWidget()
    while holder is not None:
        for attribute, value in vars(holder).items():
            if value is view:
                return f"{type(holder).__name__}.{attribute}"
            if isinstance(value, dict):
                for key, item in value.items():
                    if item is view and isinstance(key, str):
                        return f"{type(holder).__name__}.{attribute}.{key}"
        holder = holder.parentWidget()
    return None


class ColumnSizer(QObject):
    """Fits a table's columns to what they show and keeps the widths the user sets."""

    def __init__(self, view: QAbstractItemView, settings=None):
        super().__init__(view)
        self.view = view
        self.widest = WIDEST
        self.settings = settings  # shell.settings.Settings, made when first needed
        self.model = None
        self.natural: list[int] = []  # per column: the widest content measured, header too
        self.numeric: list[bool | None] = []  # None: not known yet
        self.pad: list[int | None] = []  # per column: the delegate's margins around text
        self.measured: list[bool] = []  # per column: measured since the last reset
        self.whole: list[bool] = []  # per column: only codes, batches, dates (never capped)
        self.fresh = True  # the next rows are measured afresh (after a reset)
        self._name: str | None = None
        self._kept: dict[str, dict[str, int]] | None = None  # column count → column → px
        self._pressed = False
        self._applying = False
        self._dragged = False
        self._metrics: dict[str, QFontMetricsF] = {}  # the view's font, plain and bold
        header = view.horizontalHeader()
        header.sectionCountChanged.connect(lambda _old, _new: self._attach())
        header.sectionResized.connect(self._resized)
        header.sectionHandleDoubleClicked.connect(self._forget)
        header.viewport().installEventFilter(self)
        self._attach()

    # ------------------------------------------------------------------ the model
    def _attach(self) -> None:
        # The header's model: a view sets its header's model (which announces its columns)
        # before its own.
        model = self.view.horizontalHeader().model()
        if model is self.model:
            if model is not None and len(self.natural) != model.columnCount():
                self._restart()
            return
        if self.model is not None:
            for signal, slot in self._connections():
                try:
                    signal.disconnect(slot)
                except (RuntimeError, TypeError):  # the old model is gone already
                    pass
        self.model = model
        if model is None:
            return
        for signal, slot in self._connections():
            signal.connect(slot)
        self._restart()

    def _connections(self):
        model = self.model
        return (
            (model.modelReset, self._reset),
            (model.rowsInserted, self._inserted),
            (model.dataChanged, self._changed),
            (model.columnsInserted, self._columns_moved),
            (model.columnsRemoved, self._columns_moved),
        )

    def _restart(self) -> None:
        columns = self.model.columnCount() if self.model is not None else 0
        self.natural = [0] * columns
        self.numeric = [None] * columns
        self.pad = [None] * columns
        self.measured = [False] * columns
        self.whole = [True] * columns
        self.fresh = True
        rows = self.model.rowCount() if self.model is not None else 0
        if rows:
            self._measure(0, rows - 1)
        else:
            self._apply()

    def _reset(self) -> None:
        if len(self.natural) != self.model.columnCount():
            self._restart()
            return
        self.fresh = True
        rows = self.model.rowCount()
        if rows:
            self._measure(0, rows - 1)

    def _inserted(self, parent, first: int, last: int) -> None:
        if not parent.isValid():
            self._measure(first, last)

    def _changed(self, top_left, bottom_right, _roles=()) -> None:
        if top_left.isValid() and not top_left.parent().isValid():
            self._measure(top_left.row(), bottom_right.row())

    def _columns_moved(self, *_args) -> None:
        self._restart()

    # ------------------------------------------------------------------ measuring
    def fit(self, widest: int = WIDEST) -> None:
        """Fit now (after a load): measure the first rows if nothing was measured since
        the last reset, and apply the cap given."""
        self.widest = widest
        self._attach()
        rows = self.model.rowCount() if self.model is not None else 0
        if self.fresh and rows:
            self._measure(0, rows - 1)
            return
        # Columns not measured yet: the last one, once another is stretched instead.
        header = self.view.horizontalHeader()
        missing = [
            c
            for c in range(len(self.natural))
            if not self.measured[c] and not header.isSectionHidden(c) and self._fitted(c)
        ]
        if rows and missing:
            self._measure(0, rows - 1, missing)
        else:
            self._apply()

    def _measure(self, first: int, last: int, only: list[int] | None = None) -> None:
        model, header = self.model, self.view.horizontalHeader()
        if model is None or len(self.natural) != model.columnCount():
            return
        if self.fresh:  # afresh: contents may have narrowed since
            self.natural = [header.sectionSizeHint(c) for c in range(len(self.natural))]
            self.measured = [False] * len(self.natural)
            self.whole = [True] * len(self.natural)
            self.fresh = False
        for column in range(len(self.natural)) if only is None else only:
            if header.isSectionHidden(column) or not self._fitted(column):
                continue
            if self._last_stretched(column):
                continue  # it takes the room left, whatever it shows
            self.measured[column] = True
            if self.numeric[column] is None:
                self.numeric[column] = self._is_number(first, column)
            numeric = self.numeric[column]
            if not numeric and self.natural[column] >= self.widest and not self.whole[column]:
                continue  # at its cap: nothing wider can show
            count = NUMBERS if numeric else self._sample()
            rows = range(first, min(last, first + count - 1) + 1)
            widest = self._widest(rows, column, numeric)
            self.natural[column] = max(self.natural[column], widest)
        self._apply()

    def _widest(self, rows: range, column: int, numeric: bool) -> int:
        """The widest cell of these rows: its text measured with the view's font (numbers
        in bold, which some tables use for them: wider, never cut), rounded up to the
        pixel (77.5 px of text needs 78), plus the margins the delegate and the grid add.
        Each distinct text once; a row's own font is not asked for (it costs as much as
        the text, and text is capped anyway). A text that is not a code, batch or date
        makes the column one that may be capped."""
        model, display = self.model, Qt.ItemDataRole.DisplayRole
        metrics = self._bold if numeric else self._plain
        seen: dict[str, int] = {}
        best = 0
        whole = self.whole[column]
        for row in rows:
            text = model.index(row, column).data(display)
            if text is None or text == "":
                continue
            if not isinstance(text, str):
                text = str(text)
            width = seen.get(text)
            if width is None:
                lines = text.split("\n") if "\n" in text else (text,)
                width = seen[text] = max(math.ceil(metrics.horizontalAdvance(x)) for x in lines)
                if whole and not numeric and not all(WHOLE.fullmatch(x) for x in lines):
                    whole = self.whole[column] = False
            if width > best:
                best = width
        if not best:
            return 0
        if self.pad[column] is None:  # the delegate's margins, decorations and grid, once
            index = model.index(rows.start, column)
            text = str(index.data(display) or "")
            hint = self.view.sizeHintForIndex(index).width()
            measured = math.ceil(self._plain.horizontalAdvance(text))
            self.pad[column] = max(hint - measured, self._margins()) + (1 if self._grid() else 0)
        return best + self.pad[column]

    def _margins(self) -> int:
        """What a styled item delegate puts either side of a cell's text: the focus frame's
        margin plus one, each side (QCommonStyle's item view text margin)."""
        view = self.view
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view)
        return 2 * (margin + 1)

    def _sample(self) -> int:
        precision = self.view.horizontalHeader().resizeContentsPrecision()
        return min(SAMPLE, precision) if precision > 0 else SAMPLE

    def _is_number(self, row: int, column: int) -> bool:
        alignment = self.model.index(row, column).data(Qt.ItemDataRole.TextAlignmentRole)
        if alignment is None:
            return False
        return bool(Qt.AlignmentFlag(int(alignment)) & RIGHT)

    def _grid(self) -> bool:
        show = getattr(self.view, "showGrid", None)
        return bool(show()) if show is not None else False

    @property
    def _plain(self) -> QFontMetricsF:
        metrics = self._metrics.get("plain")
        if metrics is None:
            metrics = self._metrics["plain"] = QFontMetricsF(self.view.font())
        return metrics

    @property
    def _bold(self) -> QFontMetricsF:
        metrics = self._metrics.get("bold")
        if metrics is None:
            font = QFont(self.view.font())
            font.setBold(True)
            metrics = self._metrics["bold"] = QFontMetricsF(font)
        return metrics

    def _fitted(self, column: int) -> bool:
        """Columns sized here: interactive ones (not stretched, not sized by Qt)."""
        header = self.view.horizontalHeader()
        return header.sectionResizeMode(column) == QHeaderView.ResizeMode.Interactive

    def _last_stretched(self, column: int) -> bool:
        """The last column shown, when it takes the room left (its width is not its own)."""
        header = self.view.horizontalHeader()
        if not header.stretchLastSection():
            return False
        for visual in range(header.count() - 1, -1, -1):
            logical = header.logicalIndex(visual)
            if not header.isSectionHidden(logical):
                return logical == column
        return False

    def _apply(self) -> None:
        header = self.view.horizontalHeader()
        kept = self._kept_here()
        self._applying = True
        try:
            for column, natural in enumerate(self.natural):
                if column >= header.count() or not self._fitted(column):
                    continue
                width = kept.get(str(column))
                if width is None or self._last_stretched(column):
                    if not natural:
                        continue  # nothing measured yet
                    whole = self.numeric[column] or self.whole[column]
                    width = natural if whole else min(natural, self.widest)
                if header.sectionSize(column) != width:
                    header.resizeSection(column, width)
        finally:
            self._applying = False

    # ------------------------------------------------------------------ widths kept
    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            self._pressed, self._dragged = True, False
        elif kind == QEvent.Type.MouseButtonRelease:
            self._pressed = False
            if self._dragged:
                self._dragged = False
                self._save()
        return False

    def _resized(self, column: int, _old: int, new: int) -> None:
        if self._applying or not self._pressed or self._last_stretched(column):
            return
        if not self._fitted(column) or self._store() is None:
            return
        self._kept_here(create=True)[str(column)] = new
        self._dragged = True

    def _forget(self, column: int) -> None:
        """A double-click on a column's edge: the width kept is forgotten, the column fits."""
        kept = self._kept_here()
        if str(column) in kept:
            del kept[str(column)]
            self._save()
        if self.model is not None and column < len(self.natural):
            self.natural[column] = self.view.horizontalHeader().sectionSizeHint(column)
            rows = self.model.rowCount()
            if rows and not self.fresh:
                self._measure(0, rows - 1, [column])
            else:
                self._apply()

    def _store(self) -> str | None:
        if self._name is None:
            self._name = table_name(self.view)
        return self._name

    def _kept_here(self, create: bool = False) -> dict[str, int]:
        """The widths kept for this table's current columns (column → px)."""
        if self._kept is None:
            if self._store() is None:
                return {}  # not placed in its window yet: nothing to look up by
            self._kept = self._load()
        key = str(len(self.natural))
        if create:
            return self._kept.setdefault(key, {})
        return self._kept.get(key, {})

    def _options(self):
        from desktop.ui.shell import settings as opts  # the registry of every setting

        if self.settings is None:
            self.settings = opts.Settings()
        return opts, self.settings

    def _load(self) -> dict[str, dict[str, int]]:
        name = self._store()
        if name is None:
            return {}
        opts, settings = self._options()
        try:
            kept = json.loads(settings.get(opts.column_widths(name)) or "{}")
        except ValueError:
            return {}
        if not isinstance(kept, dict):
            return {}
        return {
            str(count): {str(c): int(w) for c, w in widths.items() if _width_ok(w)}
            for count, widths in kept.items()
            if isinstance(widths, dict)
        }

    def _save(self) -> None:
        name = self._store()
        if name is None or self._kept is None:
            return
        opts, settings = self._options()
        kept = {count: widths for count, widths in self._kept.items() if widths}
        settings.set(opts.column_widths(name), json.dumps(kept, sort_keys=True))


def _width_ok(width) -> bool:
    return isinstance(width, int) and not isinstance(width, bool) and 8 <= width <= 4000
