"""方案依据: the city plan's own words behind a task — the clause's whole paragraph with the
cited item shaded and the phrases the task quotes underlined, its heading, the note of a
clause applied by analogy (参照), and the text to copy.

ClauseLinks shows a clause field ("三（一）一；参照三（六）二") as one link per citation; a
click opens PlanPassageDialog at that citation. Both read the plan through
desktop/core/playbooks (plan.passage, clauses.citations): a text file read once, so the
GUI thread reads it without the worker. A clause the plan does not have is shown as
written, in red, with the reason as its tooltip; the dialog says the reason."""

from html import escape

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import Invalid
from desktop.ui.widgets import style

HIGHLIGHT = QColor("#fff1c1")  # the shade of a changed row in 版本对比: "look here"
LINK = "plan:"


def citations(clause: str | None) -> tuple[list, str]:
    """The citations of a clause field and, when it is not valid, the reason ([] then)."""
    from desktop.core.playbooks import clauses

    try:
        return clauses.citations(clause or ""), ""
    except Invalid as error:
        return [], str(error)


def citation_caption(cited) -> str:
    """三（六）二, or 参照 三（六）二 for a clause applied by analogy."""
    if cited.analogy:
        return QCoreApplication.translate("PlanPassage", "By analogy {ref}").format(ref=cited.ref)
    return cited.ref


def links_html(clause: str | None) -> str:
    """The clause field as rich text: each citation a link (plan:<n>); "—" when empty; a
    field the plan cannot read as written, in red."""
    text = (clause or "").strip()
    if not text:
        return "—"
    cited, reason = citations(text)
    if reason:
        return f"<span style='color:{style.RED}'>{escape(text)}</span>"
    return "；".join(
        f"<a href='{LINK}{n}'>{escape(citation_caption(c))}</a>" for n, c in enumerate(cited)
    )


def _runs(text: str, span: tuple[int, int], quotes) -> str:
    """The paragraph as HTML: the cited span shaded, every quoted phrase underlined."""
    quoted = [False] * len(text)
    for phrase in quotes or ():
        phrase = (phrase or "").strip()
        at = text.find(phrase) if phrase else -1
        while at >= 0:
            for n in range(at, at + len(phrase)):
                quoted[n] = True
            at = text.find(phrase, at + len(phrase))
    start, end = span
    out = []
    n = 0
    while n < len(text):
        shaded, underlined = start <= n < end, quoted[n]
        m = n
        while m < len(text) and (start <= m < end, quoted[m]) == (shaded, underlined):
            m += 1
        piece = escape(text[n:m]).replace("\n", "<br>")
        if underlined:
            piece = f"<u><b>{piece}</b></u>"
        if shaded:
            piece = f"<span style='background-color:{HIGHLIGHT.name()}'>{piece}</span>"
        out.append(piece)
        n = m
    return "".join(out)


class PassageView(QWidget):
    """One citation's passage: heading, the 参照 note, the paragraph (cited item shaded)."""

    def __init__(self, cited, note: str | None = None, quotes=(), parent=None):
        super().__init__(parent)
        from desktop.core.playbooks import plan

        self.cited = cited
        self.passage = plan.passage(cited.ref)
        self.heading = style.apply(QLabel(self.passage["heading"]), "heading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        self.note = None
        if cited.analogy:
            text = self.tr(
                "By analogy (参照): the plan writes this clause for another situation; the "
                "task applies it here."
            )
            if note and note.strip():
                text += "\n" + note.strip()
            elif note is not None:  # a task's clauses: it should say why
                text += "\n" + self.tr("The task does not say why (no note).")
            self.note = style.apply(QLabel(text), "banner")
            self.note.setWordWrap(True)
            self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(self.note)
        self.browser = QTextBrowser()
        self.browser.setOpenLinks(False)
        self.browser.setHtml(
            "<p style='line-height:150%'>"
            + _runs(self.passage["text"], self.passage["highlight"], quotes)
            + "</p>"
        )
        layout.addWidget(self.browser, 1)
        legend = self.tr("Shaded: the words cited ({ref}).").format(ref=cited.ref)
        if quotes:
            legend += " " + self.tr("Underlined: the plan's words the task quotes.")
        layout.addWidget(style.apply(QLabel(legend), "muted"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Bring the shaded words into view (the end first, so that their start shows)."""
        start, end = self.passage["highlight"]
        cursor = QTextCursor(self.browser.document())
        cursor.setPosition(min(end, self.browser.document().characterCount() - 1))
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()
        cursor.setPosition(start)
        self.browser.setTextCursor(cursor)
        self.browser.ensureCursorVisible()

    def text(self) -> str:
        """The paragraph as shown."""
        return self.browser.toPlainText()

    def highlighted(self) -> str:
        """The words shown shaded (read back from the rendered document)."""
        out = []
        block = self.browser.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                if fragment.charFormat().background().color() == HIGHLIGHT:
                    out.append(fragment.text())
                it += 1
            block = block.next()
            if block.isValid() and out and out[-1] != "\n":
                out.append("\n")
        return "".join(out).strip("\n")

    def copy_text(self) -> str:
        from desktop.core.playbooks import plan

        start, end = self.passage["highlight"]
        cited = self.passage["text"][start:end]
        return f"{plan.TITLE}{self.passage['ref']}（{self.passage['heading']}）：{cited}"


class PlanPassageDialog(QDialog):
    """The plan's passages for a clause field, one tab per citation; not modal, so that
    it stays open beside the task. Opens at citation `index`.

    Signals:
        copied(str): 复制条文 put this text on the clipboard.
    """

    copied = Signal(str)

    def __init__(
        self,
        clause: str,
        note: str | None = None,
        quotes=(),
        title: str = "",
        index: int = 0,
        parent=None,
    ):
        super().__init__(parent)
        from desktop.core.playbooks import plan

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Basis in the plan — {title}").format(title=title)
            if title
            else self.tr("Basis in the plan")
        )
        self.views: list[PassageView] = []
        layout = QVBoxLayout(self)
        source = style.apply(
            QLabel(
                self.tr("{title} ({number}), as received").format(
                    title=plan.TITLE, number=plan.DOCUMENT_NUMBER
                )
            ),
            "muted",
        )
        source.setWordWrap(True)
        layout.addWidget(source)
        cited, reason = citations(clause)
        self.error = style.apply(QLabel(reason), "error")
        self.error.setWordWrap(True)
        self.error.setVisible(bool(reason))
        if not (clause or "").strip():
            self.error.setText(self.tr("The task cites no clause of the plan."))
            self.error.show()
        layout.addWidget(self.error)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for c in cited:
            view = PassageView(c, note, quotes)
            self.views.append(view)
            self.tabs.addTab(view, citation_caption(c))
            self.tabs.setTabToolTip(self.tabs.count() - 1, view.passage["heading"])
        self.tabs.setVisible(bool(cited))
        self.tabs.tabBar().setVisible(len(cited) > 1)
        if cited:
            self.tabs.setCurrentIndex(max(0, min(index, len(cited) - 1)))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy the clause"))
        self.copy_button.setToolTip(self.tr("Copy the words cited, with the plan and clause"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.setEnabled(bool(cited))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(buttons)
        self.resize(720, 520)

    def current(self) -> PassageView | None:
        view = self.tabs.currentWidget()
        return view if isinstance(view, PassageView) else None

    def copy(self) -> None:
        view = self.current()
        if view is None:
            return
        text = view.copy_text()
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)


class ClauseLinks(QLabel):
    """A clause field as links, each opening the plan's passage.

    Signals:
        passage_opened(object): the PlanPassageDialog a link opened.
    """

    passage_opened = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clause = ""
        self.note: str | None = None
        self.quotes: list[str] = []
        self.title = ""
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        flags = Qt.TextInteractionFlag
        self.setTextInteractionFlags(flags.LinksAccessibleByMouse | flags.LinksAccessibleByKeyboard)
        self.linkActivated.connect(self._activated)
        self.set_clause("")

    def set_clause(self, clause: str | None, note=None, quotes=(), title: str = "") -> None:
        """Show a clause field; note is a task's 参照 note (None: not a task's, a header's)."""
        self.clause, self.note, self.title = clause or "", note, title
        self.quotes = list(quotes)
        self.setText(links_html(self.clause))
        cited, reason = citations(self.clause)
        if reason:
            self.setToolTip(reason)
        elif cited:
            self.setToolTip(self.tr("Open the plan's words"))
        else:
            self.setToolTip("")

    def _activated(self, href: str) -> None:
        if href.startswith(LINK) and href[len(LINK) :].isdigit():
            self.open_passage(int(href[len(LINK) :]))

    def open_passage(self, index: int = 0) -> PlanPassageDialog:
        dialog = PlanPassageDialog(
            self.clause, self.note, self.quotes, self.title, index, self.window()
        )
        dialog.show()
        self.passage_opened.emit(dialog)
        return dialog


def open_passage(parent: QWidget, clause: str, note=None, quotes=(), title="", index=0):
    """Open the plan's passages of a clause field beside `parent`'s window."""
    dialog = PlanPassageDialog(clause, note, quotes, title, index, parent.window())
    dialog.show()
    return dialog
