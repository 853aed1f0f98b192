"""Start-up on an emptied station, or one with a bad page in the table read first: the
damaged database's box offering its newest good backup (never the first administrator's
dialog of a new station, never an unexpected error), the file left as it was (trial 17,
findings 1 and 2)."""

import os
import sqlite3

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.core.setup import backups
from desktop.core.setup.opening import open_station
from desktop.ui.shell import session
from desktop.ui.shell.app import Controller

TIMEOUT = 10_000


def emptied(path) -> None:
    path.write_bytes(b"")


def bad_meta_page(path) -> None:
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'meta'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as file:
        file.seek((page - 1) * 4096)
        file.write(os.urandom(8192))


@pytest.mark.parametrize("damage", [emptied, bad_meta_page])
def test_start_up_on_a_damaged_file_offers_its_newest_backup(
    qtbot, qapp, chinese, settings, demo_path, monkeypatch, damage
):
    open_station(demo_path).close()  # today's backup
    newest = backups.newest_good(demo_path)
    damage(demo_path)
    before = demo_path.read_bytes()
    shown = []

    def declined(box):  # the damaged database's box: not restored, so nothing changes
        shown.append(box.text())
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "exec", declined)
    for kind in ("information", "warning", "question", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: shown.append(k))
    monkeypatch.setattr("desktop.ui.shell.app.QFileDialog.getOpenFileName", lambda *a: ("", ""))
    session.end()
    controller = Controller(qapp, settings)
    exits = []
    monkeypatch.setattr(controller.app, "exit", exits.append)
    controller.start(demo_path)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: bool(shown), timeout=TIMEOUT)
    assert str(newest.path) in shown[0]  # the damaged box, naming the backup
    assert demo_path.read_bytes() == before
    controller.close()
