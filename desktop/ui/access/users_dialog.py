"""用户管理 (administrators): this station's accounts — name, full name, role, agency,
depots, disabled, locked until — with 新建, 停用/启用, 重置密码, 修改角色, and the idle
time after which the window locks (and a CLI login ends).

Every change is the core's (access/accounts.py, sessions.set_idle_minutes) on the worker;
its refusals (the last administrator, a weak password, a keeper without a depot) are shown
as it words them.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
)

from desktop.core import values
from desktop.ui.access.login_dialogs import _Missing, same_twice
from desktop.ui.shell.jobs import Refused, actor, refusable
from desktop.ui.widgets import style
from desktop.ui.widgets.form_dialog import FormDialog
from desktop.ui.widgets.row_choice import choose_row
from desktop.ui.widgets.rows_model import Column, RowsModel

MAX_IDLE = 480  # sessions.MAX_IDLE


def _lists(db) -> dict:
    """The accounts, the agencies and depots they may be bound to, the idle time."""
    from desktop.core import choices
    from desktop.core.access import accounts, sessions

    lists = choices.load(db, "agencies", "depots")
    return {
        "accounts": accounts.listing(db),
        "agencies": lists["agencies"],
        "depots": lists["depots"],
        "idle_minutes": sessions.idle_minutes(db),
    }


class UsersDialog(QDialog):
    """Signals:
    loaded(): the accounts (and the lists the forms choose from) are shown.
    dialog_opened(object): a form this dialog opened (tests).
    """

    loaded = Signal()
    dialog_opened = Signal(object)

    def __init__(self, worker, parent=None):
        super().__init__(parent)
        self.worker = worker
        self.lists: dict = {"accounts": [], "agencies": [], "depots": [], "idle_minutes": 15}
        self.setObjectName("usersDialog")
        self.setWindowTitle(self.tr("User accounts"))
        self.resize(980, 520)
        yes, no = self.tr("yes"), ""
        self.model = RowsModel(
            [
                Column("name", self.tr("Account")),
                Column("full_name", self.tr("Full name")),
                Column("role_name", self.tr("Role")),
                Column("agency_name", self.tr("Agency")),
                Column("depots_shown", self.tr("Depots")),
                Column("disabled", self.tr("Disabled"), "map", {True: yes, False: no}),
                Column("locked_shown", self.tr("Locked until")),
            ],
            parent=self,
        )
        self.table = style.table(QTableView())
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._chosen)
        self.add_button = QPushButton(self.tr("New account…"))
        self.add_button.clicked.connect(self.add_account)
        self.toggle_button = QPushButton(self.tr("Disable"))
        self.toggle_button.clicked.connect(self.toggle_disabled)
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.clicked.connect(self.change_role)
        row = QHBoxLayout()
        for button in (self.add_button, self.toggle_button, self.reset_button,
                       self.role_button):  # fmt: skip
            button.setAutoDefault(False)
            row.addWidget(button)
        row.addStretch(1)
        self.idle = QSpinBox()
        self.idle.setRange(1, MAX_IDLE)
        self.idle.setSuffix(self.tr(" min"))
        self.idle_button = QPushButton(self.tr("Save"))
        self.idle_button.setAutoDefault(False)
        self.idle_button.clicked.connect(self.save_idle)
        idle_row = QHBoxLayout()
        idle_row.addWidget(QLabel(self.tr("Lock the window after this long without input:")))
        idle_row.addWidget(self.idle)
        idle_row.addWidget(self.idle_button)
        idle_row.addStretch(1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addLayout(idle_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self._chosen()
        self.refresh()

    # ------------------------------------------------------------ the list

    def refresh(self) -> None:
        self.worker.run(refusable(_lists), self._arrived)

    def _arrived(self, lists) -> None:
        if isinstance(lists, Refused):
            self.say(lists.message, error=True)
            return
        self.lists = lists
        chosen = self.current()
        rows = []
        for account in lists["accounts"]:
            locked = account["locked_until"]
            rows.append(
                {
                    **account,
                    "depots_shown": ", ".join(account["depots"]),
                    "locked_shown": values.shown_time(locked) if locked else "",
                }
            )
        self.model.set_rows(rows)
        style.fit_columns(self.table, stretch=1)
        names = [r["name"] for r in rows]
        if chosen and chosen["name"] in names:
            choose_row(self.table, names.index(chosen["name"]))
        self.idle.setValue(lists["idle_minutes"])
        self._chosen()
        self.loaded.emit()

    def current(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def select(self, name: str) -> bool:
        for number, row in enumerate(self.model.rows):
            if row["name"] == name:
                choose_row(self.table, number)
                return True
        return False

    def _chosen(self, *_args) -> None:
        row = self.current()
        for button in (self.toggle_button, self.reset_button, self.role_button):
            button.setEnabled(row is not None)
        self.toggle_button.setText(
            self.tr("Enable") if row and row["disabled"] else self.tr("Disable")
        )

    def say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        style.apply(self.message, "error" if error else "ok")
        self.message.show()

    # ------------------------------------------------------------ changes

    def _run(self, fn, done_text: str) -> None:
        def finished(result) -> None:
            if isinstance(result, Refused):
                self.say(result.message, error=True)
                return
            self.say(done_text)
            self.refresh()

        self.worker.run(refusable(fn), finished)

    def toggle_disabled(self) -> None:
        from desktop.core.access import accounts

        row = self.current()
        if row is None:
            return
        ctx, name, disable = actor(), row["name"], not row["disabled"]
        done = (self.tr("{name} is disabled.") if disable
                else self.tr("{name} is enabled again.")).format(name=name)  # fmt: skip
        self._run(lambda db: accounts.set_disabled(db, ctx, name, disable), done)

    def save_idle(self) -> None:
        from desktop.core.access import sessions

        ctx, minutes = actor(), self.idle.value()
        self._run(
            lambda db: sessions.set_idle_minutes(db, ctx, minutes),
            self.tr("The window now locks after {n} minutes without input.").format(n=minutes),
        )

    def _open(self, dialog) -> QDialog:
        dialog.succeeded.connect(lambda _result: self.refresh())
        dialog.succeeded.connect(lambda _result: self.say(dialog.done_text))
        dialog.show()
        self.dialog_opened.emit(dialog)
        return dialog

    def add_account(self) -> QDialog:
        return self._open(AccountDialog(self.worker, self.lists, None, self))

    def change_role(self) -> QDialog | None:
        row = self.current()
        return self._open(AccountDialog(self.worker, self.lists, row, self)) if row else None

    def reset_password(self) -> QDialog | None:
        row = self.current()
        return self._open(ResetDialog(self.worker, row["name"], self)) if row else None


def _role_names() -> list[tuple[str, str]]:
    from desktop.core.access import roles

    return [(code, roles.name(code)) for code in roles.ROLES]


class AccountDialog(FormDialog):
    """新建账户 (row None: name, full name, role, its agency or depots, password twice) or
    修改角色 (an account's full name, role, agency or depots)."""

    def __init__(self, worker, lists: dict, row: dict | None, parent=None):
        title = self.tr("New account") if row is None else self.tr("Change role")
        super().__init__(worker, title, parent)
        self.setObjectName("accountDialog")
        self.row = row
        self.name = QLineEdit(row["name"] if row else "")
        self.name.setMaxLength(32)
        self.name.setReadOnly(row is not None)
        self.full_name = QLineEdit(row["full_name"] if row else "")
        self.full_name.setMaxLength(100)
        self.role = QComboBox()
        for code, caption in _role_names():
            self.role.addItem(caption, code)
        self.agency = QComboBox()
        for agency in lists["agencies"]:
            self.agency.addItem(f"{agency['name']} ({agency['code']})", agency["code"])
        self.depots = QListWidget()
        self.depots.setMaximumHeight(160)
        chosen = set(row["depots"]) if row else set()
        for depot in lists["depots"]:
            item = QListWidgetItem(f"{depot['code']}  {depot['name']}", self.depots)
            item.setData(Qt.ItemDataRole.UserRole, depot["code"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = depot["code"] in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.form.addRow(self.tr("Account name"), self.name)
        self.form.addRow(self.tr("Full name"), self.full_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Agency"), self.agency)
        self.form.addRow(self.tr("Depots"), self.depots)
        self.fields.update({"name": self.name, "role": self.role, "agency": self.agency,
                            "depots": self.depots})  # fmt: skip
        self.password = self.again = None
        if row is None:
            self.password = QLineEdit()
            self.again = QLineEdit()
            for field in (self.password, self.again):
                field.setEchoMode(QLineEdit.EchoMode.Password)
                field.setMaxLength(256)
            self.form.addRow(self.tr("Password"), self.password)
            self.form.addRow(self.tr("Password again"), self.again)
            self.fields.update({"password": self.password, "again": self.again})
            self.done_text = self.tr("The account was added.")
            self.role.setCurrentIndex(self.role.findData("viewer"))  # the least, to begin
        else:
            self.role.setCurrentIndex(max(0, self.role.findData(row["role"])))
            self.agency.setCurrentIndex(max(0, self.agency.findData(row["agency"])))
            self.done_text = self.tr("The account was changed.")
        self.role.currentIndexChanged.connect(self._bindings)
        self._bindings()

    def _bindings(self) -> None:
        """An agency for a liaison, depots for a keeper; nothing else is bound."""
        role = self.role.currentData()
        self.agency.setEnabled(role == "liaison")
        self.depots.setEnabled(role == "keeper")

    def chosen_depots(self) -> list[str]:
        out = []
        for number in range(self.depots.count()):
            item = self.depots.item(number)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(Qt.ItemDataRole.UserRole))
        return out

    def job(self):
        from desktop.core.access import accounts

        ctx, role = actor(), self.role.currentData()
        agency = self.agency.currentData() if role == "liaison" else None
        depots = self.chosen_depots() if role == "keeper" else []
        full_name = self.full_name.text()
        if self.row is None:
            name = self.name.text().strip()
            if not name:
                raise _Missing(self.tr("Give the account name."), "name")
            password = same_twice(self.password, self.again)
            return lambda db: accounts.add(db, ctx, name, role, password, full_name=full_name,
                                           agency=agency, depots=depots)  # fmt: skip
        name = self.row["name"]
        return lambda db: accounts.change(db, ctx, name, role=role, full_name=full_name,
                                          agency=agency or "", depots=depots)  # fmt: skip


class ResetDialog(FormDialog):
    """重置密码: an administrator gives an account a new password (it also lifts a
    lockout)."""

    def __init__(self, worker, name: str, parent=None):
        super().__init__(worker, self.tr("Reset password"), parent)
        self.setObjectName("resetDialog")
        self.account = name
        self.password = QLineEdit()
        self.again = QLineEdit()
        for field in (self.password, self.again):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(256)
        self.form.addRow(self.tr("Account"), QLabel(name))
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("New password again"), self.again)
        self.fields.update({"password": self.password, "again": self.again})
        self.done_text = self.tr("The password of {name} was reset.").format(name=name)

    def job(self):
        from desktop.core.access import accounts

        ctx, name = actor(), self.account
        new = same_twice(self.password, self.again)
        return lambda db: accounts.set_password(db, ctx, name, new)
