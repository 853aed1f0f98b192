"""The hub's tests run on both stores: an embedded SQLite file and a real PostgreSQL."""

import pytest

from desktop.sync.hub import opening as hub_opening
from tests.helpers import postgres
from tests.helpers.hub import running_hub

STORES = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for this test process (skips or fails without one)."""
    cluster = postgres.start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=STORES)
def store_target(request, tmp_path):
    """Where a hub keeps its bundles: a SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "hub.db"
    return request.getfixturevalue("pg_cluster").fresh_database()


@pytest.fixture
def store(store_target):
    opened = hub_opening.open_store(store_target)
    yield opened
    opened.close()


@pytest.fixture
def hub_server(store_target):
    """A hub on 127.0.0.1 over each store in turn; shut down afterwards."""
    with running_hub(store_target) as server:
        yield server
