"""Starting the app: first run, opening another database, switching language."""

from desktop.core.store import db as dbmod
from desktop.core.store import info
from desktop.ui.shell import settings as opts
from desktop.ui.shell.app import Controller


def test_first_run_creates_a_demo_database_and_opens_it(qtbot, qapp, chinese, settings, tmp_path):
    controller = Controller(qapp, settings)
    path = tmp_path / "first.db"
    assert controller.open(path, create_demo=True)
    qtbot.addWidget(controller.window)
    qtbot.waitSignal(controller.window.overview.loaded, timeout=5000).wait()
    db = dbmod.open_db(path)
    assert info.is_demo(db) and db["division"].count == 13
    db.conn.close()
    assert settings.get(opts.LAST_DATABASE) == str(path)
    assert "演示数据" in controller.window.windowTitle()
    controller.close()


def test_switching_to_english_rebuilds_the_window_in_english(
    qtbot, qapp, chinese, settings, demo_path
):
    controller = Controller(qapp, settings)
    assert controller.open(demo_path)
    controller.set_language("en")
    qtbot.waitSignal(controller.window.overview.loaded, timeout=5000).wait()
    window = controller.window
    qtbot.addWidget(window)
    assert window.windowTitle().startswith("BioReserve — Biosafety")
    assert window.nav.item(0).text() == "Overview"
    assert window.overview.model.index(0, 2).data() == "City reserve depot"
    assert settings.get(opts.LANGUAGE) == "en"
    controller.close()


def test_a_damaged_database_gives_a_message_and_keeps_the_window(
    qtbot, qapp, chinese, settings, demo_path, tmp_path, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        "desktop.ui.shell.app.QMessageBox.warning", lambda parent, title, text: shown.append(text)
    )
    controller = Controller(qapp, settings)
    assert controller.open(demo_path)
    qtbot.addWidget(controller.window)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    assert not controller.open(bad)
    assert "已损坏" in shown[0]
    assert controller.window.db_info["path"] == str(demo_path)
    controller.close()


def test_start_up_shows_the_window_first_and_the_database_fills_in(
    qtbot, qapp, chinese, settings, demo_path
):
    controller = Controller(qapp, settings)
    controller.start(demo_path)
    window = controller.window
    qtbot.addWidget(window)
    assert window.isVisible() and window.db_info["station"] is None  # not open yet
    assert "演示数据" not in window.windowTitle()
    with qtbot.waitSignal(window.overview.loaded, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.db_info["station"] is not None, timeout=5000)
    assert "演示数据" in window.windowTitle()
    assert not window.overview.banner.isHidden() and not window.demo_label.isHidden()
    assert "演示站" in window.station_label.text()
    assert settings.get(opts.LAST_DATABASE) == str(demo_path)
    assert window.overview.compliance_chart is not None and window.overview.model.rowCount()
    assert window.pages.indexOf(window.orders) == 3
    controller.close()


def test_start_up_on_a_damaged_database_says_so_and_quits_without_another(
    qtbot, qapp, chinese, settings, tmp_path, monkeypatch
):
    shown, exits = [], []
    monkeypatch.setattr(
        "desktop.ui.shell.app.QMessageBox.warning", lambda parent, title, text: shown.append(text)
    )
    monkeypatch.setattr("desktop.ui.shell.app.QFileDialog.getOpenFileName", lambda *args: ("", ""))

    class App:
        def exit(self, code):
            exits.append(code)

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    controller = Controller(App(), settings)
    controller.start(bad)
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: exits == [1], timeout=5000)
    assert len(shown) == 1 and "已损坏" in shown[0]
    controller.close()
