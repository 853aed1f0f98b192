"""What each page's buttons and actions change, in one table: `apply(window)` marks them
(gate.py) and shows only those the logged-in role may use.

Kept here rather than in each page so that the rule for a button sits beside the rules of
all the others, where a reviewer compares them with access/policy.py. A rule is:

- T(tables): the role writes one of these tables, some rows at least (a keeper's stock
  movements at its depots, a liaison's tasks of its agency): the core checks each row;
- F(tables): the role writes the table whatever the row (a keeper may dispatch an order,
  not make one);
- R(right): the role has this right (access/roles.py).

A view whose cells are edited in place (保障定额, 成员单位) is marked the same way: it is
read-only for a role that may not write its table. 冲突's 恢复此版本 buttons write the
table of the conflict shown (CURRENT).
"""

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from desktop.core.access import roles
from desktop.ui.access import gate


def T(*tables: str) -> tuple:  # noqa: N802 (a rule, read as a word in the table)
    return ("t", tables)


def F(*tables: str) -> tuple:  # noqa: N802
    return ("f", tables)


def R(right: str) -> tuple:  # noqa: N802
    return ("r", right)


STOCK = T("stock_move")
CURRENT = ("current", ())  # the table of the conflict the view shows

# class name → attribute → rule, or → {key of the attribute's dict → rule}
RULES: dict[str, dict[str, object]] = {
    # 物资储备
    "ReservesPage": {
        "actions_by_kind": {
            "receive": STOCK,
            "issue": STOCK,
            "transfer": T("transfer"),
            "count": STOCK,
            "writeoff": STOCK,
            "lotstatus": T("lot"),
        }
    },
    "AlertsView": {
        "save": R(roles.SETTINGS),
        "make_order": F("alloc_order"),
        "reconcile": STOCK,
    },  # fmt: skip
    "RotationView": {"create": T("transfer")},
    "TransitView": {"confirm": T("transfer")},
    "DepotEditor": {"new_button": F("depot"), "save_button": F("depot")},
    "CatalogEditor": {"new_button": F("item"), "save_button": F("item")},
    "NormsEditor": {"table": F("norm")},
    # 调拨单
    "OrdersPage": {
        "actions_by_key": {
            "new_order": F("alloc_order"),
            "submit": F("alloc_order"),
            "approve": R(roles.APPROVE),
            "dispatch": T("alloc_order"),
            "receive": T("alloc_order"),
            "cancel": F("alloc_order"),
            "paperwork": F("alloc_order"),
        }
    },
    # 事件 (and the tabs of 长期监测 and 演练 made the same way)
    "IncidentsPage": {"new_button": F("incident")},
    "IncidentTab": {
        "tab_buttons": {
            "edit": F("incident"),
            "change_grade": F("incident_grade"),
            "advance": F("incident"),
            "activate": F("incident_playbook"),
            "set_status": T("incident_task"),
            "draft_orders": F("alloc_order"),
            "add_line": F("incident_need"),
            "edit_line": F("incident_need"),
            "remove_line": F("incident_need"),
            "new_report": F("incident_report"),
            "edit_deadlines": R(roles.SETTINGS),
            "add_entry": T("incident_log"),
            "dispatch": F("incident_expert"),
            "find_expert": F("incident_expert"),
            "release": F("incident_expert"),
            "handle": F("monitor_result"),
            "save": T("monitor_result"),
            "add_person": F("monitor_person"),
            "edit_person": F("monitor_person"),
            "change_status": F("monitor_person"),
            "reveal": R(roles.PERSONAL),
            "add_schedule": F("monitor_schedule"),
            "end_schedule": F("monitor_schedule"),
            "add_site": F("monitor_site"),
            "rate": T("drill_rating"),
            "observe": T("drill_observation"),
            "add_item": T("drill_improvement"),
            "edit_item": T("drill_improvement"),
        }
    },
    # 长期监测's toolbar
    "PageActions": {"by_key": {"import_file": F("monitor_person"), "recommend": F("monitor_note")}},
    # 专家库
    "ExpertsPage": {"action_import": F("expert"), "action_export_full": R(roles.PERSONAL)},
    "ExpertEditor": {
        "new_button": F("expert"),
        "save_button": F("expert"),
        "delete_button": F("expert"),
    },  # fmt: skip
    "AgenciesView": {"table": F("agency")},
    "QualificationsTable": {
        "add_button": F("expert_qualification"),
        "edit_button": F("expert_qualification"),
        "remove_button": F("expert_qualification"),
    },  # fmt: skip
    # 预案库
    "PlaybookEditor": {
        "actions_by_key": {
            "new_version": F("playbook"),
            "approve": R(roles.APPROVE),
            "retire": F("playbook"),
            "import_json": F("playbook"),
        },
        "save_header_button": F("playbook"),
    },
    "StructurePanel": {
        "buttons": F("playbook_task"),
        "new_phase": F("playbook_phase"),
        "save_button": F("playbook_task"),
    },  # fmt: skip
    "FactorsPanel": {
        "buttons": {
            "up": F("playbook_factor"),
            "down": F("playbook_factor"),
            "remove": F("playbook_factor"),
            "add": F("playbook_factor"),
            "save": F("playbook_factor"),
        }
    },  # fmt: skip
    # 同步
    "SyncPage": {
        "add_button": R(roles.STATION),
        "revoke_button": R(roles.STATION),
        "entitle_button": R(roles.STATION),
        "export_button": R(roles.SYNC),
        "import_button": R(roles.SYNC),
    },
    "ConflictsView": {"version_buttons": CURRENT},
    "TrustDialog": {"roster": R(roles.STATION), "monitoring": R(roles.STATION)},
    "EntitleDialog": {"roster": R(roles.STATION), "monitoring": R(roles.STATION)},
    # 演练
    "DrillsPage": {"new_button": R(roles.DRILL_CONTROL)},
    "PlanView": {
        "action_buttons": {
            "edit": R(roles.DRILL_CONTROL),
            "start": R(roles.DRILL_CONTROL),
            "end": R(roles.DRILL_CONTROL),
            "close": R(roles.DRILL_CONTROL),
        },
        "msel_buttons": {"import": R(roles.DRILL_CONTROL)},  # export, template: reading
    },  # fmt: skip
    "DrillConsole": {"pause_button": R(roles.DRILL_CONTROL), "end_button": R(roles.DRILL_CONTROL)},
    "InjectsPanel": {"fire_button": R(roles.DRILL_CONTROL), "buttons": T("drill_fired")},
    "ExpectedPanel": {"mark_button": R(roles.DRILL_CONTROL)},
}


_BY_TYPE: dict[type, dict[str, object]] = {}


def _rules_of(obj: QObject) -> dict[str, object]:
    """The rules of the object's class and of the classes it derives from (the tabs)."""
    kind = type(obj)
    if kind not in _BY_TYPE:
        found: dict[str, object] = {}
        for cls in reversed(kind.__mro__):
            found.update(RULES.get(cls.__name__, {}))
        _BY_TYPE[kind] = found
    return _BY_TYPE[kind]


def _mark(target, rule: tuple) -> None:
    if isinstance(target, tuple):  # (what it is, its button): 冲突's versions
        target = target[-1]
    if not isinstance(target, QObject) or target.property(gate.PROPERTY):
        return
    kind, what = rule
    if kind == "r":
        gate.needs(target, what)
    elif kind == "f":
        gate.writes_all(target, *what)
    else:
        gate.writes(target, *what)


def _targets(obj: QObject):
    """The buttons and actions `obj` holds that the table names, with their rules."""
    for attribute, rule in _rules_of(obj).items():
        held = getattr(obj, attribute, None)
        if held is None:
            continue
        if rule is CURRENT:
            current = obj.current()  # type: ignore[attr-defined]
            rule = T(current.table) if current is not None else R("-")
        if isinstance(rule, dict):
            if isinstance(held, dict):
                yield from ((held[key], each) for key, each in rule.items() if key in held)
        elif isinstance(held, dict):
            yield from ((target, rule) for target in held.values())
        elif isinstance(held, list):
            yield from ((target, rule) for target in held)
        else:
            yield held, rule


def mark(root: QWidget) -> None:
    """Mark the buttons and actions under `root` that the table names."""
    for obj in (root, *root.findChildren(QObject)):
        for target, rule in _targets(obj):
            _mark(target, rule)


def _apply_own(obj: QObject) -> None:
    """Mark and show or hide the buttons and actions of this one object."""
    for target, rule in _targets(obj):
        _mark(target, rule)
        if isinstance(target, tuple):
            target = target[-1]
        if isinstance(target, QObject):
            gate.offer(target)


def apply(root: QWidget) -> None:
    """Mark what `root` holds and offer only what the logged-in role may use."""
    mark(root)
    gate.apply(root)


MAX_DEPTH = 12  # a button made later is looked for in the parts holding it this far up


class Watcher(QObject):
    """Pages build some of their parts when first shown (a tab, an incident's detail): an
    application event filter applies the table to each part the table names as it is
    shown. One per program.

    Made after the window's first frame (watch()): QEvent's enums (~2 ms to create) are
    looked up here rather than when the module is imported on the way to that frame."""

    def __init__(self):
        super().__init__()
        from PySide6.QtCore import QEvent
        from PySide6.QtWidgets import QAbstractButton

        self.button = QAbstractButton
        self.show = QEvent.Type.Show
        # a part shown, or one of its children polished (just before it shows for the first
        # time: the part built it since)
        self.watched = frozenset({QEvent.Type.Show, QEvent.Type.ChildPolished})

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in self.watched and _rules_of(watched):
            _apply_own(watched)
        elif kind == self.show and isinstance(watched, self.button):
            # a button a part made after it was shown (冲突's versions): the part's rules
            parent = watched.parentWidget()
            for _ in range(MAX_DEPTH):
                if parent is None:
                    break
                if _rules_of(parent):
                    _apply_own(parent)
                    break
                parent = parent.parentWidget()
        return False


_watcher: Watcher | None = None


def watch() -> None:
    """Start applying the table to the parts pages show later (once per program)."""
    global _watcher
    if _watcher is None:
        _watcher = Watcher()
        QCoreApplication.instance().installEventFilter(_watcher)
