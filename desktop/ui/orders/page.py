"""调拨单: allocation orders — the list (search, status, 仅显示待补办), the detail of the
selected order, and a toolbar for each step of its life, printing and QR verification.

Start-up pays for an empty page: the toolbar, the list and the detail pane are built
on first show, and the modules of the orders core, the dialogs and printing (QtPdf)
are imported when first needed. new_order() works before the page was ever shown.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.shell import session
from desktop.ui.widgets import style
from desktop.ui.widgets.change_watcher import ORDERS, watch
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.search_box import SearchBox

STATUS_CODES = ("draft", "submitted", "approved", "dispatched", "received", "cancelled")
# action → statuses of the selected order in which it applies (None: any one order)
NEEDS = {
    "submit": ("draft",),
    "approve": ("draft", "submitted"),  # a draft: says to submit it first
    "dispatch": ("approved",),
    "receive": ("dispatched",),
    "cancel": ("draft", "submitted", "approved"),
    "preview": None,
    "print_order": None,
    "export": None,
}


class OrdersPage(QWidget):
    """The allocation orders area.

    Signals:
        loaded(int): the list arrived (its row count).
        detail_loaded(object): the selected order's detail arrived (dict or None).
        dialog_opened(object): a dialog of this page was opened (for tests and wiring).
    """

    loaded = Signal(int)
    detail_loaded = Signal(object)
    dialog_opened = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict | None = None
        self.model = None
        self.table = None
        self.detail = None
        self.dialog = None
        self.current: dict | None = None  # detail of the selected order
        self._printing = None
        self._list_no = 0
        self._detail_no = 0
        self.detail_pending = False  # a detail was asked for and has not arrived yet
        self._keep: str | None = None  # number to select again after a reload
        self.toolbar = None
        self.actions_by_key: dict[str, QAction] = {}

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(style.apply(QLabel(self.tr("Allocation orders")), "pageTitle"))
        self.controls = QVBoxLayout()  # toolbar and filters, built on first show
        layout.addLayout(self.controls)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.message)
        watch(self, worker, ORDERS)

    # building on first show ----------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.model is None:
            self.ensure_built()
            self.refresh()

    def ensure_built(self) -> None:
        if self.model is not None:
            return
        self._build_controls()
        from desktop.ui.orders.order_list import OrdersBrowser
        from desktop.ui.widgets.printing import copies_combo

        self.browser = OrdersBrowser()
        self.model, self.table, self.detail = (
            self.browser.model,
            self.browser.table,
            self.browser.detail,
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.preview())
        self.body.addWidget(self.browser)
        self.copies = copies_combo()
        self.copies_holder.addWidget(QLabel(self.tr("Copies to print")))
        self.copies_holder.addWidget(self.copies)
        self._update_actions()

    def _build_controls(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for entry in (
            ("new_order", self.tr("New order…"), self.tr("A new allocation order")),
            ("submit", self.tr("Submit"), self.tr("Submit the draft for approval")),
            ("approve", self.tr("Approve…"), self.tr("Approve and reserve the stock")),
            ("dispatch", self.tr("Dispatch…"), self.tr("The stock leaves the depot")),
            ("receive", self.tr("Receive…"), self.tr("Book what arrived")),
            ("cancel", self.tr("Cancel order…"), self.tr("Cancel before dispatch")),
            ("paperwork", self.tr("Paperwork completed"), self.tr("Oral order: paperwork done")),
            None,
            ("preview", self.tr("Print preview…"), self.tr("The PDF as it prints")),
            ("print_order", self.tr("Print…"), self.tr("Print on a printer")),
            ("export", self.tr("Export PDF…"), self.tr("Save the order as PDF")),
            ("print_batch", self.tr("Batch print…"), self.tr("Print all selected orders")),
            None,
            ("verify", self.tr("Verify QR code…"), self.tr("Check a printed order's QR code")),
        ):
            if entry is None:
                self.toolbar.addSeparator()
                continue
            key, caption, tip = entry  # key: the slot's name, also the action's key
            action = QAction(caption, self)
            action.setToolTip(tip)
            action.triggered.connect(lambda _=False, k=key: getattr(self, k)())
            self.toolbar.addAction(action)
            self.actions_by_key[key] = action

        self.search = SearchBox(
            self.tr("Search: number, receiving unit, requesting unit"), self, width=280
        )
        self.search.settled.connect(lambda _text: self.refresh())
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All"), None)
        from desktop.core.vocab import order_status

        for code in STATUS_CODES:
            self.status_filter.addItem(order_status(code), code)
        self.status_filter.currentIndexChanged.connect(lambda _index: self.refresh())
        self.pending_only = QCheckBox(self.tr("Paperwork outstanding only"))
        self.pending_only.toggled.connect(lambda _on: self.refresh())
        self.copies = None  # the 联 choice, built with the list
        self.copies_holder = QHBoxLayout()
        self.count_label = style.apply(QLabel(), "muted")
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.pending_only)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        filters.addLayout(self.copies_holder)
        self.controls.addWidget(self.toolbar)
        self.controls.addLayout(filters)

    # the list ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the list (and so the detail of the selected order)."""
        if self.model is None:
            return
        self.search.timer.stop()
        from desktop.ui.orders.order_list import listing_job

        self._list_no += 1
        number = self._list_no
        job = listing_job(
            self.status_filter.currentData(), self.search.text(), self.pending_only.isChecked()
        )
        self.worker.run(lambda db: (number, job(db)), self._listed)
        self.lists = None  # depots may have changed; read again for the next dialog

    def _listed(self, result) -> None:
        number, rows = result
        if number != self._list_no:
            return
        # the order chosen meanwhile wins over the one chosen when the read began
        keep, self._keep = self._keep or self.selected_number(), None
        self.model.set_orders(rows)
        style.fit_columns(self.table)
        self.count_label.setText(self.tr("{count} order(s)").format(count=len(rows)))
        found = self.model.find(keep) if keep else -1
        if found >= 0:
            choose_row(self.table, found)
        elif rows:
            choose_row(self.table, 0)
        else:
            self._selection_changed()
        self.loaded.emit(len(rows))

    def selected_numbers(self) -> list[str]:
        if self.table is None:
            return []
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [self.model.number_at(row) for row in rows]

    def selected_number(self) -> str | None:
        numbers = self.selected_numbers()
        return numbers[0] if len(numbers) == 1 else None

    def select(self, number: str) -> bool:
        row = self.model.find(number) if self.model is not None else -1
        if row >= 0:
            choose_row(self.table, row)
        return row >= 0

    def show_order(self, number: str) -> None:
        """Choose an order named elsewhere (an incident's): the filters are cleared and the
        list read again when it does not hold the order yet."""
        self._keep = number
        if self.model is None:
            return  # built and listed on first show, which chooses it
        if self.select(number):
            self._keep = None
            return
        for widget in (self.status_filter, self.pending_only, self.search):
            widget.blockSignals(True)
        self.status_filter.setCurrentIndex(0)
        self.pending_only.setChecked(False)
        self.search.clear()
        for widget in (self.status_filter, self.pending_only, self.search):
            widget.blockSignals(False)
        self.refresh()

    def _selection_changed(self, *_args) -> None:
        number = self.selected_number()
        self._update_actions()
        if number is None:
            self.current = None
            self.detail.show_order(None)
            self.detail_loaded.emit(None)
            return
        if self.current is not None and self.current["number"] != number:
            self.current = None
            self._update_actions()
        self.load_detail(number)

    def load_detail(self, number: str) -> None:
        from desktop.core import orders

        self._detail_no += 1
        self.detail_pending = True
        ticket = self._detail_no
        self.worker.run(lambda db: (ticket, orders.detail(db, number)), self._detail_arrived)

    def _detail_arrived(self, result) -> None:
        ticket, order = result
        if ticket != self._detail_no:
            return
        self.detail_pending = False
        self.current = order
        self.detail.show_order(order)
        self._update_actions()
        self.detail_loaded.emit(order)

    def _update_actions(self) -> None:
        numbers = self.selected_numbers()
        order = self.current if len(numbers) == 1 else None
        if order is not None and order["number"] != numbers[0]:
            order = None
        for key, statuses in NEEDS.items():
            if statuses is None:
                enabled = len(numbers) == 1
            else:
                enabled = order is not None and order["status"] in statuses
            if enabled and key in ("dispatch", "receive"):
                enabled = _keeps(order, key)
            self.actions_by_key[key].setEnabled(enabled)
        self.actions_by_key["paperwork"].setEnabled(
            order is not None and bool(order.get("paperwork_due"))
        )
        self.actions_by_key["print_batch"].setEnabled(len(numbers) >= 1)

    # messages ------------------------------------------------------------------------------
    def say(self, text: str, role: str = "ok") -> None:
        self.message.setPalette(self.palette())
        self.message.setAutoFillBackground(False)
        self.message.setMargin(0)
        style.apply(self.message, role)
        self.message.setText(text)

    # the steps -----------------------------------------------------------------------------
    def new_order(self, prefill: dict | None = None):
        """新建调拨单, optionally prefilled: {"to": depot code, "lines": [(item code, qty)]}.
        Returns the dialog, or None while the depot list is still being read (it opens then)."""
        if self.lists is None:
            from desktop.ui.reserves import lookups

            self.worker.run(lookups.load, lambda lists: self._lists_arrived(lists, prefill))
            return None
        from desktop.ui.orders.create_dialog import CreateOrderDialog

        dialog = CreateOrderDialog(self.worker, self.lists, self)
        dialog.prefill(prefill)
        dialog.succeeded.connect(lambda result, d=dialog: self._created(d, result))
        return self._open(dialog)

    def _lists_arrived(self, lists: dict, prefill: dict | None) -> None:
        self.lists = lists
        self.new_order(prefill)

    def _open(self, dialog):
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _created(self, dialog, result: dict) -> None:
        self.say(dialog.summary(result), "error" if result.get("short") else "ok")
        self._keep = result["number"]  # selected again when the list refreshes itself

    def _step_dialog(self, cls_name: str):
        if self.current is None:
            return None
        from desktop.ui.orders import step_dialogs as order_dialogs

        dialog = getattr(order_dialogs, cls_name)(self.worker, self.current, self)
        dialog.succeeded.connect(lambda result, d=dialog: self._stepped(d.summary(result), result))
        return self._open(dialog)

    def approve(self):
        """批准; a draft is not approved but submitted first, and the page says so."""
        if self.current is not None and self.current["status"] == "draft":
            self.say(
                self.tr("Order {number} is a draft: {submit} it first, then approve it.").format(
                    number=self.current["number"], submit=self.actions_by_key["submit"].text()
                ),
                "error",
            )
            return None
        return self._step_dialog("ApproveDialog")

    def dispatch(self):
        return self._step_dialog("DispatchDialog")

    def receive(self):
        return self._step_dialog("ReceiveDialog")

    def cancel(self):
        return self._step_dialog("CancelDialog")

    def _stepped(self, text: str, result: dict) -> None:
        self.say(text, "ok")
        self._keep = result["number"]  # selected again when the list refreshes itself

    def submit(self) -> None:
        self._direct("submit")

    def paperwork(self) -> None:
        self._direct("complete_paperwork")

    def _direct(self, name: str) -> None:
        number = self.selected_number()
        if number is None:
            return
        from desktop.core import orders
        from desktop.ui.shell.jobs import actor, refusable

        fn, ctx = getattr(orders, name), actor()
        self.worker.run(refusable(lambda db: fn(db, ctx, number)), lambda r: self._done(name, r))

    def _done(self, name: str, result) -> None:
        from desktop.core.vocab import order_status
        from desktop.ui.shell.jobs import Refused

        if isinstance(result, Refused):
            self.say(result.message, "error")
            return
        if name == "complete_paperwork":
            text = self.tr("Order {number}: written paperwork recorded as completed.")
        else:
            text = self.tr("Order {number} is now {status}.")
        self.say(text.format(number=result["number"], status=order_status(result["status"])))
        self._keep = result["number"]  # selected again when the list refreshes itself

    # printing ------------------------------------------------------------------------------
    @property
    def printing(self):
        if self._printing is None:
            from desktop.ui.orders.printer import OrderPrinter

            self._printing = OrderPrinter(self.worker, self)
            self._printing.message.connect(self.say)
        return self._printing

    def copies_value(self) -> int:
        return self.copies.currentData() if self.copies is not None else 1

    def preview(self):
        number = self.selected_number()
        if number is None:
            return None
        self.dialog = self.printing.preview(number, self.copies_value())
        self.dialog_opened.emit(self.dialog)
        return self.dialog

    def print_order(self) -> None:
        number = self.selected_number()
        if number is not None:
            self.printing.print_document(number, self.copies_value())

    def export(self) -> None:
        number = self.selected_number()
        if number is not None:
            self.printing.export(number, self.copies_value())

    def print_batch(self):
        numbers = self.selected_numbers()
        return self.printing.print_batch(numbers, self.copies_value()) if numbers else None

    def verify(self):
        from desktop.ui.orders.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.worker, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()
        self.dialog_opened.emit(dialog)
        return dialog


def _keeps(order: dict | None, key: str) -> bool:
    """Whether the account logged in may take this step of the order: a keeper dispatches
    from the depots it keeps, and receives at one (the core refuses the rest)."""
    ctx = session.logged_in()
    if order is None or ctx is None or ctx.role != "keeper":
        return True
    issuing = {p["depot_id"] for p in order.get("picks", [])}
    if key == "dispatch" or order.get("to_depot_id") is None:
        return bool(issuing) and issuing <= ctx.depot_ids
    return order["to_depot_id"] in ctx.depot_ids
