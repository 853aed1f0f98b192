"""The hub under load: 200 enrolled stations push and pull at once for a bounded time, on
each store; no bundle is lost, none listed twice, none refused (bench/hub_load.py: the
same load against `sync serve` processes, with its figures)."""

import pytest

from bench import hub_load
from desktop.sync import hub_auth
from desktop.sync.hub import opening as hub_opening
from tests.helpers.hub import running_hub

pytestmark = pytest.mark.slow  # about 90 s for both stores: make test-slow (and CI)

STATIONS = 200
SECONDS = 20


def test_200_stations_lose_nothing_and_see_each_bundle_once(store_target):
    store = hub_opening.open_store(store_target)
    try:
        stations = hub_load.make_stations(STATIONS)
        hub_load.enrol(store, stations)
        with running_hub(store, authenticate=hub_auth.authenticator(store)) as server:
            run = hub_load.load([server.url], stations, SECONDS)
        held = store.count()
    finally:
        store.close()
    figures = "\n".join(hub_load.figures(run))
    kind = "PostgreSQL" if hub_opening.is_postgresql(store_target) else "SQLite"
    print(f"\n{kind}, in this process:\n{figures}")  # shown with pytest -s
    assert hub_load.check(run) == [], figures
    assert held == len(run.pushes)
    assert all(run.timings[op] for op in hub_load.OPERATIONS), figures
    assert sum(len(st.listed) for st in stations) > len(run.pushes), figures
