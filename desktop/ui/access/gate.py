"""What a role is offered: buttons and actions that change data carry what they change
(`writes(button, "stock_move")`) or the right they need (`needs(action, roles.APPROVE)`),
and `apply(widget)` shows only those the logged-in role may use.

The core refuses the rest anyway (access/policy.py); this is about not offering what
would be refused. A page marks its buttons where it makes them; the window applies the
marks when a page is built and when someone logs in.
"""

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QWidget

from desktop.ui.shell import session

PROPERTY = "bioreserveGate"


def writes(target: QObject, *tables: str) -> QObject:
    """The button or action changes one of these tables (offered if the role writes any)."""
    return _add(target, "t:" + ",".join(tables))


def writes_all(target: QObject, *tables: str) -> QObject:
    """The button or action changes one of these tables whatever the row (offered if the
    role writes any of them without a limit to its depots or agency)."""
    return _add(target, "f:" + ",".join(tables))


def needs(target: QObject, right: str) -> QObject:
    """The button or action needs this right of the role (access/roles.py)."""
    return _add(target, "r:" + right)


def _add(target: QObject, clause: str) -> QObject:
    held = target.property(PROPERTY) or ""
    target.setProperty(PROPERTY, f"{held};{clause}" if held else clause)
    return target


def allowed(target: QObject) -> bool:
    """Whether the logged-in role may use the marked button or action (unmarked: yes)."""
    spec = target.property(PROPERTY)
    if not spec:
        return True
    for clause in str(spec).split(";"):
        kind, _, what = clause.partition(":")
        if kind == "t" and not session.may_write(*what.split(",")):
            return False
        if kind == "f" and not session.writes_all(*what.split(",")):
            return False
        if kind == "r" and not session.has(what):
            return False
    return True


def offer(target: QObject) -> None:
    """Show a marked button or action if the role may use it, else hide it; a table edited
    in place (a marked view) is editable or read-only."""
    if not target.property(PROPERTY):
        return
    if isinstance(target, QAbstractItemView):
        if not hasattr(target, "_offered_triggers"):
            target._offered_triggers = target.editTriggers()  # type: ignore[attr-defined]
        target.setEditTriggers(
            target._offered_triggers  # type: ignore[attr-defined]
            if allowed(target)
            else QAbstractItemView.EditTrigger.NoEditTriggers
        )
    else:
        target.setVisible(allowed(target))


def apply(root: QWidget) -> None:
    """Show the marked buttons and actions under `root` that the role may use, hide the
    others."""
    for target in (root, *root.findChildren(QWidget), *root.findChildren(QAction)):
        offer(target)
