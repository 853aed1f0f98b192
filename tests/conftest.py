"""Shared fixtures: temporary databases, isolated user folders, Qt offscreen."""

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["BIORESERVE_LANG"] = "zh_CN"
# The key-encryption keys of the stations tests make (a key file each, keyprotect's file
# method) live in one folder per test process, whatever HOME a test has: stations are
# copied from templates made once per run. The developer's desktop keyring is never used.
os.environ["BIORESERVE_KEY_DIR"] = tempfile.mkdtemp(prefix="bioreserve-keys-")
atexit.register(shutil.rmtree, os.environ["BIORESERVE_KEY_DIR"], True)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("BIORESERVE_KEY_PASSPHRASE", None)

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

# Timing belongs in bench/, not in tests: a loaded CI machine must not fail an example
# for being slow.
settings.register_profile("bioreserve", deadline=None)
settings.load_profile("bioreserve")

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from desktop.core import i18n  # noqa: E402
from desktop.core.setup import initdb  # noqa: E402
from desktop.core.store import db as dbmod  # noqa: E402
from tests.helpers.hub import running_hub  # noqa: E402
from tests.helpers.stations import new_station  # noqa: E402

i18n.set_language("zh_CN")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Keep settings, caches and default databases out of the real user folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.delenv("BIORESERVE_DB", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "station.db"


@pytest.fixture
def fresh_db(db_path):
    """A station database with reference data only (a copy of a template made once)."""
    db = new_station(db_path, "HY-TEST", "测试站")
    yield db
    db.conn.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    initdb.init_database(path, with_demo=True).conn.close()
    return path


@pytest.fixture
def demo_path(demo_template, tmp_path):
    """A private copy of a demo database (made once per session)."""
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    return path


@pytest.fixture
def demo_db(demo_path):
    db = dbmod.open_db(demo_path)
    yield db
    db.conn.close()


@pytest.fixture
def hub_server(tmp_path):
    """A hub on 127.0.0.1, an ephemeral port, served by a thread; shut down afterwards."""
    with running_hub(tmp_path / "hub.db") as server:
        yield server


@pytest.fixture
def english(monkeypatch):
    """Messages in English for the tests that match their text (`pytestmark =
    pytest.mark.usefixtures("english")`); Chinese again afterwards."""
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")
