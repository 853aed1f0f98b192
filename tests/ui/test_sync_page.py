"""同步 as a user sees it: this station's fingerprint, trusting a peer's key after
comparing fingerprints, exporting a bundle to a folder, importing one from station B
(with its summary and the history), and a tampered bundle refused in red."""

import zipfile

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from desktop.core.context import Ctx
from desktop.core.reserves import catalog
from desktop.core.setup import initdb
from desktop.core.store import db as dbmod
from desktop.core.store import station
from desktop.sync import keys as sync_keys
from desktop.ui.sync.page import SyncPage
from desktop.ui.widgets import style

TIMEOUT = 10000
CLERK = Ctx("test:clerk")


@pytest.fixture
def peer(tmp_path, demo_path):
    """Station B (乙站) with a depot of its own; A (the demo) and B trust each other.
    Yields (B's database, B's key file)."""
    b = initdb.init_database(tmp_path / "b.db", "HY-B", "乙站")
    catalog.save_depot(b, CLERK, {"code": "BK", "name": "乙站库", "level": "市级储备库"})
    a = dbmod.open_db(demo_path)
    a_key, b_key = tmp_path / "a.key", tmp_path / "b.key"
    sync_keys.export_key(a, a_key)
    sync_keys.export_key(b, b_key)
    sync_keys.trust(b, a_key, station.get(a).fingerprint)
    a.conn.close()
    yield b, b_key
    b.conn.close()


def enrolled(demo_path, b_key) -> None:
    """A trusts B's key (as after comparing fingerprints)."""
    a = dbmod.open_db(demo_path)
    sync_keys.trust(a, b_key, sync_keys.read_key(b_key)["fingerprint"])
    a.conn.close()


def shown(qtbot, worker) -> SyncPage:
    page = SyncPage(worker)
    qtbot.addWidget(page)
    page.resize(1200, 760)
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.show()
    return page


def reload(qtbot, page) -> None:
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.refresh()


def test_the_page_builds_nothing_until_it_is_shown(qtbot, worker):
    page = SyncPage(worker)
    qtbot.addWidget(page)
    assert not page.built and page.layout() is None
    page.refresh()  # before the first show: nothing to refresh, no error
    assert page.state is None


def test_the_page_shows_this_station_and_its_fingerprint(
    qtbot, qtmodeltester, chinese, worker, demo_db
):
    own = station.get(demo_db)
    page = shown(qtbot, worker)
    assert page.fingerprint.text() == own.fingerprint
    assert page.station_code.text() == own.code
    assert page.station_origin.text() == own.origin
    assert page.fingerprint.font().fixedPitch() or page.fingerprint.font().pointSizeF() > (
        page.font().pointSizeF()
    )
    qtmodeltester.check(page.stations_model)
    qtmodeltester.check(page.history_model)


def test_trusting_a_key_lists_the_station(qtbot, qtmodeltester, chinese, worker, peer, monkeypatch):
    _b, b_key = peer
    page = shown(qtbot, worker)
    assert page.stations_model.rowCount() == 0
    asked = []
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(b_key), ""))
    )
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _parent, _title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes
        ),
    )
    monkeypatch.setattr(
        page, "confirm_fingerprint", lambda info: asked.append(info["fingerprint"]) or {}
    )
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.add_station()
    assert sync_keys.read_key(b_key)["fingerprint"] in asked[0]
    qtmodeltester.check(page.stations_model)
    row = page.stations_model.rows[0]
    assert (row["code"], row["name"], row["revoked"]) == ("HY-B", "乙站", False)
    assert page.stations_model.index(0, 5).data() == "已信任"
    assert page.recipient.findData(row["origin"]) > 0

    page.stations_table.selectRow(0)
    assert page.revoke_button.isEnabled()
    with qtbot.waitSignal(page.loaded, timeout=TIMEOUT):
        page.revoke_selected()
    assert "HY-B" in asked[1]
    assert page.stations_model.rows[0]["revoked"]
    assert page.stations_model.index(0, 5).data() == "已吊销"
    assert page.recipient.findData(row["origin"]) == -1


def test_a_declined_fingerprint_trusts_nothing(qtbot, chinese, worker, peer, monkeypatch):
    _b, b_key = peer
    page = shown(qtbot, worker)
    monkeypatch.setattr(page, "confirm_fingerprint", lambda info: False)
    page.trust_file(b_key)
    qtbot.waitUntil(lambda: page.message.text() == "未信任任何站点。", timeout=TIMEOUT)
    reload(qtbot, page)
    assert page.stations_model.rowCount() == 0


def test_exporting_writes_a_bundle_into_the_chosen_folder(
    qtbot, chinese, worker, peer, demo_path, tmp_path, monkeypatch
):
    enrolled(demo_path, peer[1])
    folder = tmp_path / "usb"
    folder.mkdir()
    page = shown(qtbot, worker)
    page.recipient.setCurrentIndex(page.recipient.findText("HY-B 乙站"))
    monkeypatch.setattr(page, "confirm_export", lambda: True)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: str(folder))
    )
    with qtbot.waitSignal(page.exported, timeout=TIMEOUT) as blocker:
        page.choose_export_folder()
    result = blocker.args[0]
    files = list(folder.iterdir())
    assert [f.name for f in files] == [result.path.rsplit("/", 1)[-1]]
    assert files[0].name.startswith("bioreserve-") and files[0].suffix == ".zip"
    assert result.ops > 0 and result.bytes == files[0].stat().st_size
    assert f"{result.ops:,} 条操作" in page.message.text()
    assert page.progress is None
    reload(qtbot, page)
    latest = page.history_model.rows[0]
    assert (latest["direction"], latest["peer"]) == ("out", "HY-B 乙站")


def test_importing_a_bundle_from_station_b(
    qtbot, chinese, worker, peer, demo_path, tmp_path, monkeypatch
):
    from desktop.sync import bundles

    b, b_key = peer
    enrolled(demo_path, b_key)
    bundle = tmp_path / "from-b.zip"
    bundles.export(b, bundle)
    page = shown(qtbot, worker)
    before = page.history_model.rowCount()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    with qtbot.waitSignal(worker.data_changed, timeout=TIMEOUT):
        with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as blocker:
            page.choose_import_file()
    outcome = blocker.args[0]
    assert outcome["result"].applied > 0
    values = page.summary_values()
    assert values["发送站点"] == "HY-B 乙站"
    assert int(values["新操作"].replace(",", "")) == outcome["result"].applied
    assert values["已有（重复）"] == f"{outcome['result'].known:,}"
    assert values["负库存"].startswith(str(outcome["overdrawn_after"]))
    reload(qtbot, page)
    assert page.history_model.rowCount() == before + 1
    assert page.history_model.rows[0]["direction"] == "in"
    assert page.stations_model.rows[0]["last_heard"]

    with qtbot.waitSignal(page.imported, timeout=TIMEOUT) as again:
        page.import_file(bundle)
    assert again.args[0]["result"].already_imported
    assert page.message.text() == "该同步包中的内容本站均已具备，未作任何更改。"


def test_a_tampered_bundle_is_refused_in_red(qtbot, chinese, worker, peer, demo_path, tmp_path):
    from desktop.sync import bundles

    b, b_key = peer
    enrolled(demo_path, b_key)
    bundle = tmp_path / "from-b.zip"
    bundles.export(b, bundle)
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(tampered, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            dst.writestr(name, data.replace("乙站库".encode(), "丙站库".encode()))
    page = shown(qtbot, worker)
    with qtbot.waitSignal(page.imported, timeout=TIMEOUT):
        page.import_file(tampered)
    assert page.message.text().startswith("已拒收：")
    assert "[tampered]" not in page.message.text() and page.message.toolTip() == "tampered"
    assert page.message.palette().color(page.message.foregroundRole()).name() == style.RED
    assert page.summary.isHidden()
    reload(qtbot, page)
    assert all(row["direction"] != "in" for row in page.history_model.rows)


def test_the_main_window_lists_the_page_after_the_playbooks(qtbot, worker, demo_path):
    from desktop.core.store import info
    from desktop.ui.shell.main_window import MainWindow

    db = dbmod.open_db(demo_path)
    details = info.describe(db)
    db.conn.close()
    window = MainWindow(worker, details, "en")
    qtbot.addWidget(window)
    captions = [window.nav.item(i).text() for i in range(window.nav.count())]
    expected = [
        QCoreApplication.translate("MainWindow", t) for t in ("Playbooks", "Synchronization")
    ]
    at = captions.index(expected[1])
    assert captions[at - 1 : at + 1] == expected
    assert window.pages.indexOf(window.sync) == at
    assert not window.sync.built  # lazy: nothing built until shown
    window.action_refresh.trigger()  # F5 before the first show: no error
