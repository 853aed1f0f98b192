import pytest
from PySide6.QtCore import QSettings

from desktop.ui.shell import settings as opts
from desktop.ui.shell import translations


@pytest.fixture
def settings(tmp_path):
    return opts.Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def chinese(qapp):
    translations.install(qapp, "zh_CN")
    yield
    translations.install(qapp, "zh_CN")


@pytest.fixture
def english_ui(monkeypatch, qapp):
    """The window and the messages in English for tests that match their text
    (`pytestmark = pytest.mark.usefixtures("english_ui")`); Chinese again afterwards."""
    from desktop.core import i18n

    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    translations.install(qapp, "en")
    yield
    i18n.set_language("zh_CN")
    translations.install(qapp, "zh_CN")


@pytest.fixture
def worker(demo_path, qapp):
    from desktop.ui.shell.worker import DbWorker

    w = DbWorker(demo_path)
    yield w
    w.close()


ADMIN = ("admin", "demo-2026")  # the demo database's administrator (setup/demo.py)


@pytest.fixture(autouse=True)
def logged_in(monkeypatch):
    """UI tests act as the demo database's administrator: the session the window's
    changes carry, and the login a window or a started program makes by itself
    (BIORESERVE_USER/BIORESERVE_PASSWORD). Tests of logging in remove both."""
    from desktop.core.context import Ctx
    from desktop.ui.shell import session

    monkeypatch.setenv("BIORESERVE_USER", ADMIN[0])
    monkeypatch.setenv("BIORESERVE_PASSWORD", ADMIN[1])
    session.start(Ctx("user:admin"))
    yield
    session.end()
