"""同步 and personal rows (issue 17, point 3): trusting a key with the checkboxes 专家库 /
长期监测人员, the trusted stations list saying what each is sent and an administrator
changing it, the export dialog saying what a bundle carries (for any station: no personal
rows), an import saying how many operations came withheld; roles without the STATION right
are not offered the checkboxes or the action."""

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog

from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.core.store import station
from desktop.core.store.writepath import write
from desktop.sync import bundles, entitlement
from desktop.sync import keys as sync_keys
from desktop.ui.access import offers
from desktop.ui.shell import session
from desktop.ui.sync import entitle_dialogs
from desktop.ui.sync.page import SyncPage
from tests.helpers.stations import make_station

TIMEOUT = 10000
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def tr(text: str) -> str:
    return QCoreApplication.translate("SyncPage", text)


@pytest.fixture
def peer(tmp_path, demo_path):
    """Station B (乙站) with an expert of its own, trusting A (the demo) with the roster;
    yields (B's database, B's key file)."""
    b = make_station(tmp_path, "HY-B", "乙站")
    a = dbmod.open_db(demo_path)
    a_key, b_key = tmp_path / "a.key", tmp_path / "b.key"
    sync_keys.export_key(a, a_key)
    sync_keys.export_key(b, b_key)
    sync_keys.trust(b, a_key, station.get(a).fingerprint)
    a.conn.close()
    with write(b, Ctx("os:bob")) as w:
        w.insert("expert", {"name": "乙站专家", "mobile": "13977776666"})
    yield b, b_key
    b.conn.close()


def shown(qtbot, worker) -> SyncPage:
    page = SyncPage(worker)
    qtbot.addWidget(page)
    page.resize(1280, 760)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def sent_cell(page) -> str:
    return page.stations_model.index(0, 6).data()


def test_trusting_with_the_roster_checked_lists_what_the_station_is_sent(
    qtbot, chinese, worker, peer, demo_path, monkeypatch
):
    _b, b_key = peer
    page = shown(qtbot, worker)
    dialogs = []

    def answer(info):
        dialog = entitle_dialogs.TrustDialog(info, page)
        dialogs.append(dialog)
        assert info["fingerprint"] in dialog.text.text()
        assert not dialog.roster.isChecked() and not dialog.monitoring.isChecked()
        assert "专家姓名和电话" in dialog.roster.text()
        assert "监测对象的身份信息" in dialog.monitoring.text()
        dialog.roster.setChecked(True)
        return dialog.chosen()

    monkeypatch.setattr(page, "confirm_fingerprint", answer)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.trust_file(b_key)
    assert sent_cell(page) == "专家库"
    assert "专家库" in page.message.text()
    db = dbmod.open_db(demo_path)
    origin = page.stations_model.rows[0]["origin"]
    assert entitlement.entitled(db, origin) == {"roster"}
    db.conn.close()

    page.stations_table.selectRow(0)
    assert page.entitle_button.isEnabled()

    def change(row):
        dialog = entitle_dialogs.EntitleDialog(row, page)
        assert dialog.roster.isChecked() and not dialog.monitoring.isChecked()
        dialog.roster.setChecked(False)
        dialog.monitoring.setChecked(True)
        return dialog.chosen()

    monkeypatch.setattr(page, "choose_entitlement", change)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.entitle_selected()
    assert sent_cell(page) == "长期监测人员"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SCREENSHOTS / "sync_entitled_stations.png"))
    dialogs[0].grab().save(str(SCREENSHOTS / "sync_trust_dialog.png"))


def test_a_new_trust_left_unchecked_is_sent_nothing(qtbot, chinese, worker, peer, monkeypatch):
    _b, b_key = peer
    page = shown(qtbot, worker)
    monkeypatch.setattr(
        page, "confirm_fingerprint", lambda info: entitle_dialogs.TrustDialog(info).chosen()
    )
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.trust_file(b_key)
    assert sent_cell(page) == "无"


def test_the_export_dialog_says_what_the_bundle_carries(
    qtbot, chinese, worker, peer, demo_path, tmp_path, monkeypatch
):
    b, b_key = peer
    db = dbmod.open_db(demo_path)
    info = sync_keys.trust(db, b_key, sync_keys.read_key(b_key)["fingerprint"])
    entitlement.set_entitlement(db, Ctx("os:admin"), info["origin"], {"roster": True})
    db.conn.close()
    page = shown(qtbot, worker)
    dialog = entitle_dialogs.ExportDialog(page.state["stations"], None, page)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is None
    assert "不含个人信息" in dialog.note.text()
    dialog.recipient.setCurrentIndex(dialog.recipient.findData(info["origin"]))
    assert "专家库" in dialog.note.text() and "长期监测人员" in dialog.note.text()

    folder = tmp_path / "usb"
    folder.mkdir()
    monkeypatch.setattr(page, "confirm_export", lambda: True)  # for any station
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as blocker:
        page.choose_export_folder()
    assert blocker.args[0].to is None
    assert "不含个人信息" in page.message.text()


def test_an_import_says_how_many_operations_came_withheld(
    qtbot, chinese, worker, peer, demo_path, tmp_path
):
    b, b_key = peer
    db = dbmod.open_db(demo_path)
    sync_keys.trust(db, b_key, sync_keys.read_key(b_key)["fingerprint"])
    db.conn.close()
    bundle = tmp_path / "from-b.zip"
    bundles.export(b, bundle)  # for any station: the expert is withheld
    page = shown(qtbot, worker)
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as blocker:
        page.import_file(bundle)
    withheld = blocker.args[0]["result"].withheld
    assert withheld >= 1
    assert f"{withheld:,}" in page.summary_values()["未收到内容"]


def test_roles_without_the_station_right_are_not_offered_the_choice(qtbot, worker, peer):
    info = {"code": "HY-B", "name": "乙站", "fingerprint": "AB12"}
    session.start(Ctx("user:coordinator", role="coordinator"))
    page = shown(qtbot, worker)
    offers.apply(page)
    assert not page.entitle_button.isVisibleTo(page) and not page.add_button.isVisibleTo(page)
    dialog = entitle_dialogs.TrustDialog(info)
    qtbot.addWidget(dialog)
    offers.apply(dialog)
    assert dialog.roster.isHidden() and dialog.monitoring.isHidden()
    assert dialog.chosen() == {}
    session.start(Ctx("user:admin"))
    offers.apply(dialog)
    assert not dialog.roster.isHidden() and not dialog.monitoring.isHidden()
