"""Qt's own dialogs speak the application's language: in Chinese, Qt's zh_CN catalogue
(qtbase_zh_CN.qm, shipped with PySide6) and what it lacks (qt_supplement) are loaded, so
the file dialog says 查找范围 and 文件类型 and message boxes say 是/否/取消; nothing Qt shows
in its dialogs is left in English. In English no catalogue is loaded."""

from functools import reduce
from operator import or_

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer, QTranslator
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QAbstractButton,
    QColorDialog,
    QDialog,
    QFileDialog,
    QFontDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTreeView,
)

from desktop.ui.shell import translations
from desktop.ui.shell.qt_supplement import ZH_CN

# What Qt asks its catalogues for but never shows in a dialog.
NEVER_SHOWN = {
    ("QShortcut", "Control"),
    ("QShortcut", "Keyboard"),
    ("QGuiApplication", "QT_LAYOUT_DIRECTION"),
    ("QProgressBar", "%p%"),
}


ALL_BUTTONS = reduce(or_, QMessageBox.StandardButton.__members__.values())


class Untranslated(QTranslator):
    """Installed before the others, so asked last: what no catalogue translated."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source_text, disambiguation=None, n=-1):
        if any("a" <= c.lower() <= "z" for c in source_text or ""):
            self.asked.add((context, source_text))
        return None

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def untranslated(qapp):
    catcher = Untranslated(qapp)
    qapp.installTranslator(catcher)
    translations.install(qapp, "zh_CN")  # after the catcher: asked before it
    yield catcher
    qapp.removeTranslator(catcher)
    translations.install(qapp, "zh_CN")


def texts(dialog: QDialog) -> set[str]:
    shown = {dialog.windowTitle()}
    shown |= {label.text() for label in dialog.findChildren(QLabel)}
    shown |= {button.text() for button in dialog.findChildren(QAbstractButton)}
    return shown


def file_dialog(qtbot, folder, mode=QFileDialog.AcceptMode.AcceptOpen) -> QFileDialog:
    dialog = QFileDialog(None, "导出", str(folder), "Excel 工作簿 (*.xlsx);;所有文件 (*)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_file_dialog_speaks_chinese(qtbot, chinese, tmp_path):
    (tmp_path / "库存台账").mkdir()
    dialog = file_dialog(qtbot, tmp_path, QFileDialog.AcceptMode.AcceptSave)
    shown = texts(dialog)
    assert {"查找范围(&L)：", "文件名称(&N)：", "文件类型(&T)：", "保存(&S)", "取消"} <= shown
    assert not {"&Look in:", "Files of &type:", "Look in:", "Files of type:"} & shown
    files = dialog.findChild(QTreeView, "treeView").model()
    folder = files.index(str(tmp_path / "库存台账"))
    qtbot.waitUntil(lambda: bool(folder.siblingAtColumn(2).data()))
    assert folder.siblingAtColumn(2).data() == "文件夹"
    headers = [files.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["名称", "体积", "类型", "修改日期"]


def test_message_boxes_and_qt_dialogs_speak_chinese(qtbot, chinese):
    buttons = QMessageBox.StandardButton
    box = QMessageBox(QMessageBox.Icon.Question, "导出", "覆盖已有文件？")
    box.setStandardButtons(buttons.Yes | buttons.No | buttons.Cancel | buttons.Save)
    qtbot.addWidget(box)
    assert [box.button(b).text() for b in (buttons.Yes, buttons.No, buttons.Cancel)] == [
        "是(&Y)",
        "否(&N)",
        "取消",
    ]
    assert box.button(buttons.Save).text() == "保存"
    colours = QColorDialog()
    colours.setOption(QColorDialog.ColorDialogOption.DontUseNativeDialog)
    qtbot.addWidget(colours)
    assert {"选择颜色", "基本颜色(&B)", "自定义颜色(&C)"} <= texts(colours)
    printer = QPrinter()  # the dialog keeps a pointer to it: it must outlive the dialog
    printing = QPrintDialog(printer)
    qtbot.addWidget(printing)
    assert printing.windowTitle() == "打印" and "属性(&R)" in texts(printing)


def test_nothing_a_qt_dialog_shows_is_left_in_english(qtbot, untranslated, tmp_path):
    (tmp_path / "文件夹").mkdir()
    (tmp_path / "库存.xlsx").write_bytes(b"PK")
    for mode in (QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave):
        dialog = file_dialog(qtbot, tmp_path, mode)
        files = dialog.findChild(QTreeView, "treeView").model()
        folder = files.index(str(tmp_path / "文件夹"))
        qtbot.waitUntil(lambda folder=folder: bool(folder.siblingAtColumn(2).data()))
    printer = QPrinter()  # the dialogs keep a pointer to it: it must outlive them
    others = [
        QColorDialog(options=QColorDialog.ColorDialogOption.DontUseNativeDialog),
        QFontDialog(),
        QInputDialog(),
        QProgressDialog(),
        QMessageBox(QMessageBox.Icon.Warning, "x", "x", ALL_BUTTONS),
        QPrintDialog(printer),
        QPageSetupDialog(printer),
    ]
    others[3].setValue(0)
    for dialog in others:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
    field = QLineEdit()
    qtbot.addWidget(field)
    menu = field.createStandardContextMenu()  # 撤销, 复制, 粘贴…
    assert "复制(&C)" in [action.text().split("\t")[0] for action in menu.actions()]
    if QPrinterInfo.availablePrinters():  # a CUPS printer: its properties and job options
        cups = QPrinter(QPrinterInfo.availablePrinters()[0])
        dialog = QPrintDialog(cups)
        qtbot.addWidget(dialog)
        dialog.show()
        seen = []

        def close_properties():
            shown = QCoreApplication.instance().activeModalWidget()
            seen.append(shown.windowTitle())
            shown.reject()

        QTimer.singleShot(0, close_properties)
        dialog.findChild(QPushButton, "properties").click()
        assert seen == ["打印机属性"]
    assert untranslated.asked - NEVER_SHOWN == set()


def test_every_supplied_string_is_one_qt_asks_for_in_its_context():
    assert all(context.startswith("Q") and source for context, source in ZH_CN)
    assert all(("(&" in text) == ("&" in source) for (_, source), text in ZH_CN.items())


def test_english_loads_no_catalogue(qtbot, qapp, tmp_path):
    try:
        assert translations.install(qapp, "en") == []
        dialog = file_dialog(qtbot, tmp_path)
        assert {"&Look in:", "Files of &type:"} <= texts(dialog)
        box = QMessageBox(QMessageBox.Icon.Question, "x", "x", QMessageBox.StandardButton.Yes)
        qtbot.addWidget(box)
        assert box.button(QMessageBox.StandardButton.Yes).text() == "&Yes"
    finally:
        translations.install(qapp, "zh_CN")
