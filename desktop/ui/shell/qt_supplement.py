"""Qt's own strings that the qtbase_zh_CN.qm shipped with PySide6 does not translate.

Qt 6 renamed some labels of its dialogs (the file dialog's "Look in:" became "&Look in:"),
and the Chinese catalogue it ships predates them, so those showed in English in a Chinese
window. This translator is installed before Qt's and ours, so it is asked last: only for
what neither translates (a newer qtbase that has them wins). The list was made by asking
every Qt dialog the program opens (file, colour, font, print with a CUPS printer and its
properties, page set-up, message boxes, input, progress) which strings nothing
translated — tests/ui/test_qt_translations.py asks them again.
"""

from PySide6.QtCore import QTranslator

ZH_CN: dict[tuple[str, str], str] = {
    ("QFileDialog", "&Look in:"): "查找范围(&L)：",
    ("QFileDialog", "Files of &type:"): "文件类型(&T)：",
    ("QAbstractFileIconProvider", "Folder"): "文件夹",
    ("QAbstractFileIconProvider", "File Folder"): "文件夹",
    ("QAbstractFileIconProvider", "Drive"): "驱动器",
    ("QAbstractFileIconProvider", "File"): "文件",
    ("QAbstractFileIconProvider", "%1 File"): "%1 文件",
    ("QAbstractFileIconProvider", "Shortcut"): "快捷方式",
    ("QAbstractFileIconProvider", "Alias"): "替身",
    ("QAbstractFileIconProvider", "Unknown"): "未知",
    ("QMimeType", "TOML document"): "TOML 文档",
    ("QPageSetupWidget", "Page &order:"): "页面顺序(&O)：",
    ("QPageSetupWidget", "Pages &per sheet:"): "每张纸页数(&P)：",
    ("QPrintSettingsOutput", "Page &Set:"): "打印页(&S)：",
    ("QCupsJobWidget", "Scheduled &printing:"): "定时打印(&P)：",
    ("QCupsJobWidget", "&Billing information:"): "计费信息(&B)：",
    ("QCupsJobWidget", "Job &priority:"): "作业优先级(&R)：",
    ("QCupsJobWidget", "&Start:"): "开始(&S)：",  # banner pages
    ("QCupsJobWidget", "&End:"): "结束(&E)：",
}

CATALOGUES = {"zh_CN": ZH_CN}


class QtSupplement(QTranslator):
    """The strings above for one language, looked up by Qt's context and source text."""

    def __init__(self, lang: str, parent=None):
        super().__init__(parent)
        self.catalogue = CATALOGUES.get(lang, {})

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return self.catalogue.get((context, source_text))  # None: not translated here

    def isEmpty(self) -> bool:
        return not self.catalogue

    def language(self) -> str:
        return "zh_CN" if self.catalogue else ""
