"""Dates typed as people type them, in every form that asks for one: 2026-01-15, 2026/1/15
and 20260115 are read as they are typed; an optional date left empty stays empty; a year
typed over a date replaces its year; a day that is no date stays on screen in red and is
never saved; the calendar speaks the application's language, not the system's."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QFormLayout, QLineEdit, QToolButton, QWidget

from desktop.core.incidents import records
from desktop.core.reserves import catalog
from desktop.ui.shell import translations
from desktop.ui.widgets import style
from desktop.ui.widgets.date_field import DateField, TimeField, TypedField

TIMEOUT = 5000
TYPED = ("2026-01-15", "2026/1/15", "20260115")


# ---------------------------------------------------------------- the forms with dates


def _receive(worker, db):
    from desktop.ui.reserves import lookups
    from desktop.ui.reserves.movement_dialogs import ReceiveDialog

    return ReceiveDialog(worker, lookups.load(db))


def _new_order(worker, db):
    from desktop.ui.orders.create_dialog import CreateOrderDialog
    from desktop.ui.reserves import lookups

    return CreateOrderDialog(worker, lookups.load(db))


def _incident(db) -> dict:
    first = db.execute("SELECT id FROM incident ORDER BY number LIMIT 1").fetchone()[0]
    return records.get(db, first)


def _new_incident(worker, db):
    from desktop.ui.incidents import labels
    from desktop.ui.incidents.incident_dialog import IncidentDialog

    return IncidentDialog(worker, labels.lists_job(db))


def _report(worker, db):
    from desktop.ui.incidents.report_dialog import ReportDialog

    return ReportDialog(worker, _incident(db), [])


def _log_entry(worker, db):
    from desktop.ui.incidents.journal_tab import EntryDialog

    return EntryDialog(worker, _incident(db))


def _person(worker, db):
    from desktop.ui.monitoring.jobs import lists_job
    from desktop.ui.monitoring.person_dialogs import PersonDialog

    return PersonDialog(worker, _incident(db), lists_job(db))


def _schedule(worker, db):
    from desktop.ui.monitoring.jobs import lists_job
    from desktop.ui.monitoring.schedules_tab import ScheduleDialog

    return ScheduleDialog(worker, _incident(db), lists_job(db), [])


def _end_schedule(worker, db):
    from desktop.ui.monitoring.schedules_tab import EndDialog

    schedule = {"id": "x", "measure": "体温", "subject": "密切接触者", "start_on": "2025-12-01"}
    return EndDialog(worker, schedule)


def _summary(worker, db):
    from desktop.ui.monitoring.report_dialogs import SummaryDialog

    return SummaryDialog(_incident(db))


def _expert(worker, db):
    from desktop.ui.roster.expert_editor import ExpertEditor
    from desktop.ui.roster.page import load_lists

    return ExpertEditor(worker, load_lists(db))


def _qualification(worker, db):
    from desktop.ui.roster.expert_qualifications import QualificationDialog

    expert = db.execute("SELECT id FROM expert LIMIT 1").fetchone()[0]
    return QualificationDialog(worker, expert)


def _drill(worker, db):
    from desktop.ui.drills.drill_dialog import DrillDialog
    from desktop.ui.drills.labels import lists_job

    return DrillDialog(worker, lists_job(db))


def _improvement(worker, db):
    from desktop.ui.drills.improvements_tab import ImprovementDialog

    return ImprovementDialog(worker, "drill", {"agencies": [], "objectives": []}, None)


FORMS = {
    "入库": (_receive, 2),
    "新建调拨单": (_new_order, 1),
    "新建事件": (_new_incident, 1),
    "信息报告": (_report, 1),
    "大事记": (_log_entry, 1),
    "监测对象": (_person, 1),
    "监测计划": (_schedule, 1),
    "提前结束": (_end_schedule, 1),
    "监测报告": (_summary, 2),
    "专家": (_expert, 2),
    "资质证书": (_qualification, 2),
    "新建演练": (_drill, 1),
    "整改事项": (_improvement, 1),
}


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def type_into(qtbot, field: TypedField, text: str) -> None:
    """Click into the field, select what is there, type, and stay in the field."""
    field.setEnabled(True)  # some are given only when ticked (设定, 仅统计期间, 不可调用)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT)
    field.selectAll()
    qtbot.keyClicks(field, text)


def leave(qtbot, field: TypedField) -> None:
    """Tab to the next field (the field is left, as a clerk leaves it)."""
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=TIMEOUT)


def is_red(field: TypedField) -> bool:
    return field.palette().color(QPalette.ColorRole.Text).name() == style.RED.lower()


@pytest.mark.parametrize("form", list(FORMS))
def test_every_date_field_takes_dates_as_they_are_typed(qtbot, chinese, worker, demo_db, form):
    make, count = FORMS[form]
    widget = show(qtbot, make(worker, demo_db))
    fields = widget.findChildren(TypedField)
    assert len(fields) == count
    for field in fields:
        for text in TYPED:
            type_into(qtbot, field, text)
            assert field.text() == text  # as typed: no "—" in front, nothing reverted
            assert field.value().startswith("2026-01-15") and not is_red(field)  # read at once
            leave(qtbot, field)
            assert field.value().startswith("2026-01-15"), (form, text, field.value())
            assert field.problem() is None
        if isinstance(field, TimeField):
            type_into(qtbot, field, "2026/1/15 8:05")
            leave(qtbot, field)
            assert (field.text(), field.value()) == ("2026-01-15 08:05", "2026-01-15T08:05:00")


def test_a_date_typed_in_the_receipt_is_saved_and_an_empty_one_stays_empty(
    qtbot, chinese, worker, demo_db
):
    from desktop.ui.reserves import lookups
    from desktop.ui.reserves.movement_dialogs import ReceiveDialog

    dialog = show(qtbot, ReceiveDialog(worker, lookups.load(demo_db)))
    dialog.depot.setCurrentIndex(dialog.depot.findData("HY-CK01"))
    with qtbot.waitSignal(dialog.item.item_changed, timeout=TIMEOUT):
        dialog.item.select_code("PPE-0001")
    dialog.batch.setText("TYPED-001")
    dialog.qty.setValue(10)
    expiry = date.today().replace(day=1) + timedelta(days=800)
    type_into(qtbot, dialog.expiry, expiry.strftime("%Y%m%d"))
    leave(qtbot, dialog.expiry)
    assert dialog.expiry.text() == expiry.isoformat()  # written the usual way on leaving
    type_into(qtbot, dialog.produced, "2025/3/1")
    qtbot.keyClick(dialog.produced, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.produced, Qt.Key.Key_Backspace)
    leave(qtbot, dialog.produced)
    assert dialog.produced.text() == "" and dialog.produced.value() is None
    assert not is_red(dialog.produced) and dialog.produced.problem() is None
    with qtbot.waitSignal(dialog.succeeded, timeout=TIMEOUT):
        dialog.submit()
    item = catalog.item_by_code(demo_db, "PPE-0001")
    lot = catalog.lot_by_batch(demo_db, item["id"], "TYPED-001")
    assert (lot["expires_on"], lot["produced_on"]) == (expiry.isoformat(), None)


def test_a_day_that_is_no_date_stays_in_red_and_is_never_saved(qtbot, chinese, worker, demo_db):
    from desktop.ui.reserves import lookups
    from desktop.ui.reserves.movement_dialogs import ReceiveDialog

    moves = demo_db.execute("SELECT count(*) FROM stock_move").fetchone()[0]
    dialog = show(qtbot, ReceiveDialog(worker, lookups.load(demo_db)))
    dialog.depot.setCurrentIndex(dialog.depot.findData("HY-CK01"))
    with qtbot.waitSignal(dialog.item.item_changed, timeout=TIMEOUT):
        dialog.item.select_code("PPE-0001")
    dialog.batch.setText("TYPED-002")
    dialog.qty.setValue(10)
    type_into(qtbot, dialog.produced, "2026-02-30")
    assert is_red(dialog.produced)  # shown while typing: a full date that does not exist
    leave(qtbot, dialog.produced)
    assert dialog.produced.text() == "2026-02-30"  # kept as typed, not reverted
    assert is_red(dialog.produced) and "2026-03-01" in dialog.produced.toolTip()
    with qtbot.waitSignal(dialog.refused, timeout=TIMEOUT) as refused:
        dialog.submit()
    assert "生产日期" in refused.args[0] and "2026-02-30" in refused.args[0]
    assert dialog.focusWidget() is dialog.produced
    with qtbot.waitSignal(worker.finished, timeout=TIMEOUT):
        worker.run(lambda db: None)  # anything asked of the worker has run
    assert demo_db.execute("SELECT count(*) FROM stock_move").fetchone()[0] == moves


def form_with(qtbot, field: TypedField) -> QWidget:
    """The field in a form, with another field to Tab to."""
    form = QWidget()
    layout = QFormLayout(form)
    layout.addRow("日期", field)
    layout.addRow("备注", QLineEdit())
    form.field = field
    return show(qtbot, form)


def test_a_date_being_typed_is_not_marked_until_it_cannot_be_one(qtbot, chinese):
    form = form_with(qtbot, DateField(optional=True))
    field = form.field
    type_into(qtbot, field, "2026-0")
    assert not is_red(field) and field.value() == "2026-0"  # on its way to a date
    qtbot.keyClicks(field, "x")
    assert is_red(field)  # no date has an x in it
    type_into(qtbot, field, "2026")
    assert not is_red(field)
    leave(qtbot, field)
    assert is_red(field) and field.text() == "2026"  # a year alone, over no date


def test_a_year_typed_over_a_date_replaces_its_year(qtbot, chinese):
    form = form_with(qtbot, DateField("2026-01-15"))
    field = form.field
    type_into(qtbot, field, "2027")  # the whole date selected, as Tab into a field leaves it
    leave(qtbot, field)
    assert (field.text(), field.value()) == ("2027-01-15", "2027-01-15")
    field.setFocus()
    field.setCursorPosition(2)  # in the year
    qtbot.keyClick(field, Qt.Key.Key_Up)
    assert field.value() == "2028-01-15"
    field.setCursorPosition(9)  # in the day
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert field.value() == "2028-01-14"
    other = form_with(qtbot, TimeField("2028-02-29T09:30:00"))
    leap = other.field
    type_into(qtbot, leap, "2027")
    leave(qtbot, leap)
    assert leap.value() == "2027-02-28T09:30:00"


@pytest.mark.qt_log_ignore("does not support")  # the offscreen platform: raise(), grabbing
@pytest.mark.parametrize(
    ("language", "expected", "january"),
    [("zh_CN", QLocale.Language.Chinese, "一月"), ("en", QLocale.Language.English, "January")],
)
def test_the_calendar_speaks_the_application_language_not_the_system_one(
    qtbot, qapp, language, expected, january
):
    system = QLocale()
    try:
        translations.install(qapp, language)
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))  # the OS's
        field = show(qtbot, DateField("2026-01-15"))
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=TIMEOUT)
        qtbot.keyClick(field, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        popup = field.popup
        qtbot.waitUntil(popup.isVisible, timeout=TIMEOUT)
        calendar = popup.calendar
        assert calendar.locale().language() == expected
        month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
        assert month.text() == january
        with qtbot.waitSignal(popup.chosen, timeout=TIMEOUT):
            calendar.setSelectedDate(calendar.selectedDate().addDays(3))
            qtbot.keyClick(calendar.findChild(QAbstractItemView), Qt.Key.Key_Return)
        assert field.value() == "2026-01-18" and not popup.isVisible()
    finally:
        QLocale.setDefault(system)
        translations.install(qapp, "zh_CN")
