"""Every dialog of the desktop, made as its page makes it, over the demo database (with an
order, a transfer, a drill and a followed incident added): DIALOGS maps a name to a
function (worker, db) → dialog. tests/ui/test_dialog_fit.py checks that the list is whole
(every QDialog subclass of desktop/ui is made by one of them)."""

from desktop.core import orders
from desktop.core.context import Ctx
from desktop.core.drills import evaluation
from desktop.core.incidents import records, tasks
from desktop.core.reserves import stock

CTX = Ctx("os:test")
LONG = "衡阳市中心医院应急物资储备库（南院区）发热门诊及隔离病区负压病房物资保障"


# ---------------------------------------------------------------- data the dialogs show


def the_incident(db) -> dict:
    first = db.execute("SELECT id FROM incident ORDER BY number LIMIT 1").fetchone()[0]
    return records.get(db, first)


def an_order(db) -> dict:
    """A submitted order of several lines, its detail as the 调拨单 page shows it."""
    made = orders.create(
        db, CTX, "HY-CK01", "HY-CK03", [("PPE-0001", 6), ("PPE-0005", 4)], priority="紧急"
    )
    orders.submit(db, CTX, made["number"])
    return orders.detail(db, made["number"])


def a_transfer(db) -> dict:
    stock.transfer(db, CTX, "HY-CK01", "HY-CK02", "PPE-0001", 3, None)
    return stock.in_transit(db)[0]


def a_drill(db) -> dict:
    from tests.helpers.drills_ui import make_drill

    return make_drill(db)


def a_task(db) -> dict:
    rows = tasks.listing(db, the_incident(db)["id"])
    return max(rows, key=lambda row: len(row["title"]))


def a_person(db) -> dict:
    from desktop.core.monitoring import people

    return people.listing(db, the_incident(db)["id"])[0]


# ---------------------------------------------------------------- 物资储备


def _lookups(db):
    from desktop.ui.reserves import lookups

    return lookups.load(db)


def receive(worker, db):
    from desktop.ui.reserves.movement_dialogs import ReceiveDialog

    return ReceiveDialog(worker, _lookups(db))


def issue(worker, db):
    from desktop.ui.reserves.movement_dialogs import IssueDialog

    return IssueDialog(worker, _lookups(db))


def transfer(worker, db):
    from desktop.ui.reserves.movement_dialogs import TransferDialog

    return TransferDialog(worker, _lookups(db))


def count(worker, db):
    from desktop.ui.reserves.movement_dialogs import CountDialog

    return CountDialog(worker, _lookups(db))


def writeoff(worker, db):
    from desktop.ui.reserves.movement_dialogs import WriteoffDialog

    return WriteoffDialog(worker, _lookups(db))


def lot_status(worker, db):
    from desktop.ui.reserves.lot_status_dialog import LotStatusDialog

    return LotStatusDialog(worker, _lookups(db))


def reconcile(worker, db):
    from desktop.ui.reserves.reconcile_dialog import ReconcileDialog

    return ReconcileDialog(worker, {"depot": "HY-CK01", "item": "PPE-0001", "lot": "B1"})


def arrival(worker, db):
    from desktop.ui.reserves.transit_view import ArrivalDialog

    return ArrivalDialog(worker, a_transfer(db))


def import_sheet(worker, db):
    from desktop.ui.reserves.import_dialog import ImportDialog

    return ImportDialog(worker)


# ---------------------------------------------------------------- 调拨单


def new_order(worker, db):
    from desktop.ui.orders.create_dialog import CreateOrderDialog

    return CreateOrderDialog(worker, _lookups(db))


def approve(worker, db):
    from desktop.ui.orders.step_dialogs import ApproveDialog

    return ApproveDialog(worker, an_order(db))


def dispatch_order(worker, db):
    from desktop.ui.orders.step_dialogs import DispatchDialog

    return DispatchDialog(worker, an_order(db))


def receive_order(worker, db):
    from desktop.ui.orders.step_dialogs import ReceiveDialog

    return ReceiveDialog(worker, an_order(db))


def cancel_order(worker, db):
    from desktop.ui.orders.step_dialogs import CancelDialog

    return CancelDialog(worker, an_order(db))


def verify(worker, db):
    from desktop.ui.orders.verify_dialog import VerifyDialog

    return VerifyDialog(worker)


def preview(worker, db):
    """打印预览 of an order, as 打印预览 on the 调拨单 page opens it."""
    from desktop.ui.orders.printer import OrderPrinter
    from desktop.ui.widgets.pdf_preview import PreviewDialog

    return PreviewDialog(OrderPrinter(worker, None), an_order(db)["number"], 1)


# ---------------------------------------------------------------- 事件


def _incident_lists(db):
    from desktop.ui.incidents import labels

    return labels.lists_job(db)


def new_incident(worker, db):
    from desktop.ui.incidents.incident_dialog import IncidentDialog

    return IncidentDialog(worker, _incident_lists(db))


def edit_incident(worker, db):
    from desktop.ui.incidents.incident_dialog import IncidentDialog

    return IncidentDialog(worker, _incident_lists(db), the_incident(db))


def grade(worker, db):
    from desktop.ui.incidents.step_dialogs import GradeDialog

    return GradeDialog(worker, the_incident(db))


def advance(worker, db):
    from desktop.ui.incidents.step_dialogs import AdvanceDialog

    return AdvanceDialog(worker, the_incident(db))


def activate(worker, db):
    from desktop.ui.incidents.activate_dialog import ActivateDialog

    return ActivateDialog(worker, the_incident(db))


def task_status(worker, db):
    from desktop.ui.incidents.task_dialog import TaskStatusDialog

    return TaskStatusDialog(worker, a_task(db))


def need_line(worker, db):
    from desktop.ui.incidents.line_dialog import LineDialog

    return LineDialog(worker, the_incident(db))


def drafts(worker, db):
    from desktop.core.incidents import needs
    from desktop.ui.incidents.drafts_dialog import DraftsDialog

    return DraftsDialog(needs.draft_orders(db, CTX, the_incident(db)["id"]))


def report(worker, db):
    from desktop.ui.incidents.report_dialog import ReportDialog

    return ReportDialog(worker, the_incident(db), [])


def deadlines(worker, db):
    from desktop.ui.incidents.deadlines_dialog import DeadlinesDialog

    return DeadlinesDialog(worker)


def log_entry(worker, db):
    from desktop.ui.incidents.journal_tab import EntryDialog

    return EntryDialog(worker, the_incident(db))


def _task_choices(db) -> list[dict]:
    return [
        {"task": t["id"], "title": t["title"], "specialties": [s["code"] for s in t["specialties"]]}
        for t in tasks.listing(db, the_incident(db)["id"])
    ]


def dispatch_expert(worker, db):
    from desktop.core.incidents import experts
    from desktop.ui.incidents import labels
    from desktop.ui.incidents.experts_tab import DispatchDialog

    person = experts.find(db, "")[0]
    lists = _incident_lists(db)
    return DispatchDialog(
        worker, the_incident(db), person, _task_choices(db), labels.specialty_names(lists)
    )


def find_expert(worker, db):
    from desktop.ui.incidents import labels
    from desktop.ui.incidents.experts_tab import DispatchDialog

    lists = _incident_lists(db)
    return DispatchDialog(
        worker, the_incident(db), None, _task_choices(db), labels.specialty_names(lists)
    )


def assignment_agency(worker, db):
    from desktop.ui.incidents import labels
    from desktop.ui.incidents.detail import AgencyDialog

    names = labels.agency_full_names(_incident_lists(db))
    return AgencyDialog(worker, the_incident(db), None, names)


def plan_passage(worker, db):
    from desktop.ui.widgets.plan_passage import PlanPassageDialog

    return PlanPassageDialog("三（六）二；三（二）", title=a_task(db)["title"])


# ---------------------------------------------------------------- 专家库


def qualification(worker, db):
    from desktop.ui.roster.expert_qualifications import QualificationDialog

    expert = db.execute("SELECT id FROM expert LIMIT 1").fetchone()[0]
    return QualificationDialog(worker, expert)


# ---------------------------------------------------------------- 演练


def _drill_lists(db):
    from desktop.ui.drills.labels import lists_job

    return lists_job(db)


def new_drill(worker, db):
    from desktop.ui.drills.drill_dialog import DrillDialog

    return DrillDialog(worker, _drill_lists(db))


def edit_drill(worker, db):
    from desktop.core.drills import records as drills
    from desktop.ui.drills.drill_dialog import DrillDialog

    return DrillDialog(worker, _drill_lists(db), drills.get(db, a_drill(db)["id"]))


def _objectives(db, drill_id) -> list[dict]:
    return list(
        db.query(
            "SELECT id, code, text, citation FROM drill_objective WHERE drill_id = ? "
            "AND deleted = 0 ORDER BY position",
            [drill_id],
        )
    )


def rate(worker, db):
    from desktop.ui.drills.evaluation_tab import RateDialog

    drill = a_drill(db)["id"]
    return RateDialog(worker, drill, _objectives(db, drill)[0])


def observe(worker, db):
    from desktop.ui.drills.evaluation_tab import ObservationDialog

    drill = a_drill(db)["id"]
    return ObservationDialog(worker, drill, _objectives(db, drill))


def judge(worker, db):
    from desktop.ui.drills.expected_panel import MarkDialog

    drill = a_drill(db)["id"]
    row = evaluation.expected(db, drill)[0]
    shown = {**row, "action_name": row.get("action"), "result": row.get("result") or "",
             "note": row.get("note") or ""}  # fmt: skip
    return MarkDialog(worker, drill, shown)


def improvement(worker, db):
    from desktop.ui.drills.improvements_tab import ImprovementDialog

    drill = a_drill(db)["id"]
    lists = {"agencies": _drill_lists(db)["agencies"], "objectives": _objectives(db, drill)}
    return ImprovementDialog(worker, drill, lists, None)


def msel_errors(worker, db):
    from desktop.core.drills.msel.reading import Problem
    from desktop.ui.drills.msel_files import RowErrorsDialog

    problems = [
        Problem("情景事件", n, "触发条件", f"“第{n}条之后”不是已知的事件编号；{LONG}")
        for n in range(2, 40)
    ]
    return RowErrorsDialog("2026年衡南县炭疽信件桌面推演-情景事件清单.xlsx", problems)


# ---------------------------------------------------------------- 长期监测


def _monitoring_lists(db):
    from desktop.ui.monitoring.jobs import lists_job

    return lists_job(db)


def person(worker, db):
    from desktop.ui.monitoring.person_dialogs import PersonDialog

    return PersonDialog(worker, the_incident(db), _monitoring_lists(db))


def edit_person(worker, db):
    from desktop.ui.monitoring.person_dialogs import PersonDialog

    return PersonDialog(worker, the_incident(db), _monitoring_lists(db), a_person(db))


def person_status(worker, db):
    from desktop.ui.monitoring.person_dialogs import StatusDialog

    return StatusDialog(worker, a_person(db))


def reveal(worker, db):
    from desktop.ui.monitoring.person_dialogs import RevealDialog

    return RevealDialog(worker, the_incident(db), None, None)


def schedule(worker, db):
    from desktop.core.monitoring import sites
    from desktop.ui.monitoring.schedules_tab import ScheduleDialog

    incident = the_incident(db)
    rows = sites.listing(db, incident["id"])
    return ScheduleDialog(worker, incident, _monitoring_lists(db), rows)


def end_schedule(worker, db):
    from desktop.core.monitoring import schedules
    from desktop.ui.monitoring import labels as words
    from desktop.ui.monitoring.schedules_tab import EndDialog

    row = schedules.listing(db, the_incident(db)["id"])[0]
    return EndDialog(worker, {**row, "subject": words.subject(row)})


def site(worker, db):
    from desktop.ui.monitoring.sites_tab import SiteDialog

    return SiteDialog(worker, the_incident(db), _monitoring_lists(db))


def handle_alert(worker, db):
    from desktop.core.monitoring import results
    from desktop.ui.monitoring.alerts_tab import HandleDialog

    row = results.alerts(db, None, open_only=False)[0]
    shown = {**row, "shown_value": f"{row['value']} {row['unit']}".strip(), "note": LONG}
    return HandleDialog(worker, shown)


def sheet_import(worker, db):
    from desktop.ui.monitoring.files import SheetImportDialog

    return SheetImportDialog(worker, the_incident(db))


def monitoring_export(worker, db):
    from desktop.ui.monitoring.files import ExportDialog

    return ExportDialog(worker, the_incident(db))


def recommend(worker, db):
    from desktop.ui.monitoring.report_dialogs import RecommendDialog

    return RecommendDialog(worker, the_incident(db))


def summary(worker, db):
    from desktop.ui.monitoring.report_dialogs import SummaryDialog

    return SummaryDialog(the_incident(db))


# ---------------------------------------------------------------- the window


def new_database(worker, db):
    from desktop.ui.shell.new_database_dialog import NewDatabaseDialog

    folder = "/home/衡阳市应急管理局/文档/生物安全应急储备/2026年/衡南县/演练与培训/station.db"
    return NewDatabaseDialog(folder)


# ---------------------------------------------------------------- accounts


def _admin() -> Ctx:
    return Ctx("user:admin")


def _users_lists(db) -> dict:
    from desktop.ui.access.users_dialog import _lists

    return _lists(db)


def login(worker, db):
    from desktop.ui.access.login_dialogs import LoginDialog

    return LoginDialog(worker, f"{LONG} (HY-CK01)", demo=True, name="administrator.long-name")


def first_admin(worker, db):
    from desktop.ui.access.login_dialogs import FirstAdminDialog

    return FirstAdminDialog(worker, f"{LONG} (HY-CK01)")


def unlock(worker, db):
    from desktop.ui.access.login_dialogs import UnlockDialog

    return UnlockDialog(worker, Ctx("user:administrator.long-name-0123456789"))


def change_password(worker, db):
    from desktop.ui.access.login_dialogs import PasswordDialog

    return PasswordDialog(worker, _admin())


def users(worker, db):
    from desktop.ui.access.users_dialog import UsersDialog

    return UsersDialog(worker)


def new_account(worker, db):
    from desktop.ui.access.users_dialog import AccountDialog

    return AccountDialog(worker, _users_lists(db), None)


def change_role(worker, db):
    from desktop.ui.access.users_dialog import AccountDialog

    row = next(r for r in _users_lists(db)["accounts"] if r["name"] == "liaison")
    return AccountDialog(worker, _users_lists(db), row)


def reset_password(worker, db):
    from desktop.ui.access.users_dialog import ResetDialog

    return ResetDialog(worker, "administrator.long-name-0123456789")


def audit_log(worker, db):
    from desktop.ui.access.audit_view import AuditDialog

    return AuditDialog(worker)


def backups_list(worker, db):
    """备份 over a window stand-in: the database's path and the worker (its backups: the
    daily one opening it made, and a manual one with a long name)."""
    from PySide6.QtWidgets import QWidget

    from desktop.core.setup import backup_actions
    from desktop.ui.shell.backup_dialog import BackupDialog

    backup_actions.manual(db, _admin())
    window = QWidget()
    window.db_info = {"path": str(db.path)}
    window.worker = worker
    dialog = BackupDialog(window)
    dialog.setParent(None, dialog.windowFlags())  # no child of the stand-in, which
    dialog.stand_in = window  # lives as long as the dialog
    return dialog


def restore_login(worker, db):
    from pathlib import Path

    from desktop.ui.access.restore_login import BackupLoginDialog

    backup = Path(f"/var/lib/bioreserve/backups/HY-CK01-0123456789/daily.v18-{LONG}.db")
    return BackupLoginDialog(worker, backup)


# ---------------------------------------------------------------- 同步


def _long_station(entitled=("roster",)) -> dict:
    return {
        "origin": "0199a3f2-7c1e-7d2a-9b1c-5e4f3a2b1c0d",
        "code": "HY-HN-0123456789",
        "name": LONG,
        "fingerprint": "3F2A 9B1C 5E4F 7D2A 0199 A3F2 7C1E 9B1C",
        "revoked": False,
        "entitled": list(entitled),
    }


def trust_station(worker, db):
    from desktop.ui.sync.entitle_dialogs import TrustDialog

    return TrustDialog(_long_station())


def entitle_station(worker, db):
    from desktop.ui.sync.entitle_dialogs import EntitleDialog

    return EntitleDialog(_long_station())


def export_bundle(worker, db):
    from desktop.ui.sync.entitle_dialogs import ExportDialog

    return ExportDialog([_long_station()], None)


DIALOGS = {
    "入库": receive,
    "出库": issue,
    "调拨": transfer,
    "盘点": count,
    "报废": writeoff,
    "批次状态": lot_status,
    "对账": reconcile,
    "到货确认": arrival,
    "导入表格": import_sheet,
    "新建调拨单": new_order,
    "批准": approve,
    "发运": dispatch_order,
    "接收": receive_order,
    "作废": cancel_order,
    "核验二维码": verify,
    "打印预览": preview,
    "新建事件": new_incident,
    "编辑事件": edit_incident,
    "调整级别": grade,
    "推进状态": advance,
    "启动预案": activate,
    "更新任务状态": task_status,
    "物资需求行": need_line,
    "生成调拨单": drafts,
    "新建报告": report,
    "报告时限设置": deadlines,
    "添加记事": log_entry,
    "派遣专家": dispatch_expert,
    "查找专家": find_expert,
    "任务分工单": assignment_agency,
    "方案条款": plan_passage,
    "资质证书": qualification,
    "新建演练": new_drill,
    "编辑演练": edit_drill,
    "评定目标": rate,
    "添加观察": observe,
    "评判预期行动": judge,
    "整改事项": improvement,
    "情景事件错误": msel_errors,
    "监测对象": person,
    "编辑监测对象": edit_person,
    "监测状态": person_status,
    "查看身份信息": reveal,
    "监测计划": schedule,
    "提前结束": end_schedule,
    "采样点": site,
    "处理预警": handle_alert,
    "导入监测表": sheet_import,
    "导出监测": monitoring_export,
    "处置建议": recommend,
    "监测报告": summary,
    "新建数据库": new_database,
    "登录": login,
    "创建管理员": first_admin,
    "解锁": unlock,
    "修改密码": change_password,
    "用户管理": users,
    "新建账户": new_account,
    "修改角色": change_role,
    "重置密码": reset_password,
    "审计日志": audit_log,
    "备份": backups_list,
    "信任站点": trust_station,
    "发送的个人信息": entitle_station,
    "导出同步包": export_bundle,
    "登录以恢复": restore_login,
}
