"""Exports and imports open in the user's Documents folder (QStandardPaths'
DocumentsLocation), not wherever the program was started from."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.widgets.documents_folder import documents_folder, in_documents


@pytest.fixture
def documents(isolated_home) -> Path:
    folder = isolated_home / "Documents"
    folder.mkdir()
    return folder


@pytest.fixture
def asked(monkeypatch):
    """The folder or file each file dialog proposed (the user then cancels)."""
    proposed = []

    def save(_parent, _caption, where="", _filter="", *rest, **named):
        proposed.append(where)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(save))
    return proposed


def test_the_documents_folder_is_the_users(documents):
    assert documents_folder() == documents
    assert in_documents("库存.xlsx") == str(documents / "库存.xlsx")
    assert in_documents(str(documents.parent / "elsewhere.pdf")) == str(
        documents.parent / "elsewhere.pdf"
    )


def test_without_a_documents_folder_the_home_folder(isolated_home):
    assert documents_folder() == Path.home()


def test_exports_propose_their_file_in_documents(qtbot, worker, documents, asked):
    from desktop.ui.orders.printer import OrderPrinter
    from desktop.ui.reserves.export_runner import ExportRunner
    from desktop.ui.roster.page import ExpertsPage

    holder = QWidget()
    qtbot.addWidget(holder)
    ExportRunner(worker, holder).choose_and_run()
    assert OrderPrinter(worker, holder).ask_path("TB-HY-20260115-001.pdf") is None
    roster = ExpertsPage(worker)
    qtbot.addWidget(roster)
    roster.choose_export(masked=True)
    assert asked == [
        str(documents / "bioreserve-export.xlsx"),
        str(documents / "TB-HY-20260115-001.pdf"),
        str(documents / "experts.xlsx"),
    ]


def test_an_import_opens_in_documents(qtbot, worker, documents, asked):
    from desktop.ui.reserves.import_dialog import ImportDialog

    dialog = ImportDialog(worker)
    qtbot.addWidget(dialog)
    dialog._browse()
    assert asked == [str(documents)]
