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
def worker(demo_path, qapp):
    from desktop.ui.shell.worker import DbWorker

    w = DbWorker(demo_path)
    yield w
    w.close()
