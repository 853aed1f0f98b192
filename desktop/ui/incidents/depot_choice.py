"""可调用的仓库 in the incident dialog: the default (the depots of the incident's division
and the city reserves, 市级储备库) or the depots checked. The list always shows what the
choice gives: in the default, the depots the division chosen brings are checked (and follow
the division); checking or unchecking one turns the choice into "only the depots checked",
starting from what was shown. An empty choice is the default, as the core takes it."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QStyle,
    QVBoxLayout,
)

from desktop.core.incidents.records import CITY_RESERVE, LEVEL_ORDER, by_default
from desktop.core.vocab import label
from desktop.ui.widgets import style

CODE = Qt.ItemDataRole.UserRole
FILTER_FROM = 12  # a filter field once there are more depots than fit at a glance


class DepotChoice(QGroupBox):
    """The depots an incident may draw on, from the depots list (choices "depots").

    Signals:
        changed(): the choice or the depots checked changed.
    """

    changed = Signal()

    def __init__(self, depots: list[dict], parent=None):
        super().__init__(self.tr("Depots it may draw on"), parent)
        self.depots = sorted(depots, key=lambda d: (LEVEL_ORDER.get(d["level"], 9), d["code"]))
        self.division: str | None = None
        self._updating = False
        self.default = QRadioButton(
            self.tr("Default: the depots of the division and the city reserves")
        )
        self.chosen = QRadioButton(self.tr("Only the depots checked"))
        group = QButtonGroup(self)
        group.addButton(self.default)
        group.addButton(self.chosen)
        self.default.setChecked(True)
        self.default.toggled.connect(self._mode_changed)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter: code or name"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.filter.setVisible(len(self.depots) > FILTER_FROM)
        self.list = QListWidget()
        self.list.setUniformItemSizes(True)
        for depot in self.depots:
            self._add(depot)
        self.list.itemChanged.connect(self._item_changed)
        self._fit_names()
        self.hint = style.apply(QLabel(), "muted")
        self.hint.setWordWrap(True)
        self.warning = style.apply(QLabel(), "banner")
        self.warning.setWordWrap(True)
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.default)
        layout.addWidget(self.chosen)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.warning)
        self._show()

    # what is chosen ------------------------------------------------------------------------
    def set_division(self, division: str | None) -> None:
        """The incident's division: what the default gives."""
        self.division = division
        self._show()

    def set_chosen(self, depots: list[dict]) -> None:
        """Only these depots ({code, name}; none: the default). A depot the list does not
        hold (recorded since it was read) is added, so that saving keeps it."""
        codes = [d["code"] for d in depots]
        self._updating = True
        known = {item.data(CODE) for item in self._items()}
        for depot in depots:
            if depot["code"] not in known:
                self._add({"level": "", "division": None, **depot})
                self._fit_names()
        for item in self._items():
            item.setCheckState(
                Qt.CheckState.Checked if item.data(CODE) in codes else Qt.CheckState.Unchecked
            )
        self._updating = False
        (self.chosen if codes else self.default).setChecked(True)
        self._show()

    def codes(self) -> list[str]:
        """The depot codes for the core: those checked, or [] for the default."""
        return [] if self.default.isChecked() else self.checked()

    def checked(self) -> list[str]:
        """The depots the list shows checked (in the default: what the default gives)."""
        return [
            item.data(CODE) for item in self._items() if item.checkState() == Qt.CheckState.Checked
        ]

    def default_codes(self) -> list[str]:
        return [d["code"] for d in self.depots if by_default(d, self.division)]

    def check(self, code: str, on: bool = True) -> bool:
        """Check or uncheck one depot, as a click does (for tests and keyboard use)."""
        for item in self._items():
            if item.data(CODE) == code:
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
                return True
        return False

    # showing -------------------------------------------------------------------------------
    def _add(self, depot: dict) -> None:
        item = QListWidgetItem(f"{depot['name']}（{depot['code']}）")
        item.setData(CODE, depot["code"])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        if depot["level"]:
            item.setToolTip(
                self.tr("{level}, division {division}").format(
                    level=label(depot["level"]), division=depot["division"] or "—"
                )
            )
        self.list.addItem(item)

    def _fit_names(self) -> None:
        """Wide enough for the longest name (a cut name can be another depot's)."""
        bold = QFont(self.list.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max((metrics.horizontalAdvance(item.text()) for item in self._items()), default=0)
        style_ = self.list.style()
        extra = (
            style_.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth)
            + style_.pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            + 2 * self.list.frameWidth()
            + 16  # the item's margins and the check box's spacing
        )
        self.list.setMinimumWidth(min(widest + extra, 460))

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(n) for n in range(self.list.count())]

    def _mode_changed(self, default: bool) -> None:
        if default:
            self._show()  # the default's depots checked again
        self.changed.emit()

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._updating:
            return
        if self.default.isChecked():
            self._updating = True
            self.chosen.setChecked(True)  # from what the default showed, with this change
            self._updating = False
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        """Check the default's depots (in the default), mark them, and say what is chosen."""
        defaults = set(self.default_codes())
        self._updating = True
        for item in self._items():
            is_default = item.data(CODE) in defaults
            font = QFont(self.list.font())
            font.setBold(is_default)
            item.setFont(font)
            if self.default.isChecked():
                item.setCheckState(Qt.CheckState.Checked if is_default else Qt.CheckState.Unchecked)
        self._updating = False
        city = sum(1 for d in self.depots if d["code"] in defaults and d["level"] == CITY_RESERVE)
        own = len(defaults) - city
        text = self.tr(
            "The default gives {count} depots (in bold): {own} of the division and {city} city "
            "reserves."
        ).format(count=len(defaults), own=own, city=city)
        checked = [] if self.default.isChecked() else self.codes()
        self.warning.hide()
        if self.chosen.isChecked():
            if checked:
                text += " " + self.tr("{count} checked.").format(count=len(checked))
            else:
                self.warning.setText(self.tr("No depot is checked: the default applies."))
                self.warning.show()
        self.hint.setText(text)

    def _filter(self, text: str) -> None:
        text = text.strip().lower()
        for item in self._items():
            item.setHidden(bool(text) and text not in item.text().lower())
