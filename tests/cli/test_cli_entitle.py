"""`sync trust KEY --entitle CLASS`, `sync entitle STATION --roster/--no-roster
--monitoring/--no-monitoring` and `sync stations` (issue 17, point 3): what a station is
entitled to decides whether the next bundle for it carries the expert roster (read in the
bundle's bytes: an expert's phone number); only a role with the STATION right changes it;
an unknown station or class is refused with nothing changed."""

import json
import zipfile

import pytest

from desktop.core.access import accounts
from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.core.store.writepath import write
from tests.helpers.cli import PASSWORD, content, log_in

pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py

PHONE = "13955554444"


@pytest.fixture
def pair(stations, tmp_path):
    """HY-A with an expert (and a phone), HY-B's key exported; run(code, *args) runs the
    CLI (stations fixture), run.key is B's key file."""
    run = stations
    db = dbmod.open_db(run.paths["HY-A"])
    try:
        with write(db, Ctx("os:tester")) as w:
            w.insert("expert", {"name": "钱专家", "mobile": PHONE})
        accounts.add(db, Ctx("os:admin"), "coord", "coordinator", PASSWORD)
    finally:
        db.close()
    run.key = tmp_path / "HY-B.key"
    assert run("HY-B", "sync", "export-key", "--out", str(run.key))[0] == 0
    return run


def bundle_text(run, tmp_path, name: str, *recipient: str) -> str:
    """Export from HY-A (for the recipient given, else for any station) and return the
    bundle's entries as text."""
    path = tmp_path / f"{name}.zip"
    status, out, err = run("HY-A", "sync", "export", "--out", str(path), *recipient)
    assert status == 0, err
    with zipfile.ZipFile(path) as bundle:
        return "".join(bundle.read(n).decode("utf-8", "replace") for n in bundle.namelist())


def listed(run) -> dict:
    status, out, err = run("HY-A", "--json", "sync", "stations")
    assert status == 0, err
    return {row["code"]: row for row in json.loads(out)}


def test_a_new_trust_is_sent_no_phone_until_the_administrator_entitles_it(pair, tmp_path):
    run = pair
    status, out, err = run("HY-A", "sync", "trust", str(run.key), "--yes")
    assert status == 0, err
    assert "leave out the expert roster and monitoring cohorts" in out
    assert listed(run)["HY-B"]["entitled"] == []
    assert PHONE not in bundle_text(run, tmp_path, "none", "--for", "HY-B")
    status, out, _ = run("HY-A", "sync", "export", "--out", str(tmp_path / "b.zip"),
                         "--for", "HY-B")  # fmt: skip
    assert status == 0 and "sync entitle" in out and "give --for" not in out  # the remedy

    status, out, err = run("HY-A", "sync", "entitle", "HY-B", "--roster")
    assert status == 0, err
    assert "Bundles for HY-B carry: expert roster." in out
    assert listed(run)["HY-B"]["entitled"] == ["roster"]
    assert PHONE in bundle_text(run, tmp_path, "roster", "--for", "HY-B")
    assert PHONE not in bundle_text(run, tmp_path, "anyone")  # for any station: none

    status, out, _ = run("HY-A", "sync", "stations")
    assert status == 0 and "Personal rows sent" in out and "expert roster" in out

    status, out, err = run("HY-A", "sync", "entitle", "HY-B", "--no-roster", "--monitoring")
    assert status == 0, err
    assert listed(run)["HY-B"]["entitled"] == ["monitoring"]
    assert PHONE not in bundle_text(run, tmp_path, "withdrawn", "--for", "HY-B")


def test_trust_with_entitle_sends_both_classes_at_once(pair, tmp_path):
    run = pair
    status, out, err = run(
        "HY-A", "--json", "sync", "trust", str(run.key), "--yes",
        "--entitle", "roster", "--entitle", "monitoring",
    )  # fmt: skip
    assert status == 0, err
    assert json.loads(out)["entitled"] == ["monitoring", "roster"]
    status, out, _ = run("HY-A", "sync", "stations")
    assert "the expert roster and the monitoring cohorts" in out
    assert PHONE in bundle_text(run, tmp_path, "both", "--for", "HY-B")


def test_a_role_without_the_station_right_is_refused_naming_it(pair, tmp_path, monkeypatch):
    run = pair
    assert run("HY-A", "sync", "trust", str(run.key), "--yes")[0] == 0
    db = dbmod.open_db(run.paths["HY-A"])
    before = content(db)
    db.close()

    log_in(monkeypatch, "coord")
    status, _, err = run("HY-A", "sync", "entitle", "HY-B", "--roster")
    assert status == 1 and "coord (Emergency coordinator) may not" in err
    status, _, err = run("HY-A", "sync", "trust", str(run.key), "--yes", "--entitle", "roster")
    assert status == 1 and "coord (Emergency coordinator) may not" in err

    log_in(monkeypatch)
    db = dbmod.open_db(run.paths["HY-A"])
    assert content(db) == before
    db.close()
    assert listed(run)["HY-B"]["entitled"] == []
    assert PHONE not in bundle_text(run, tmp_path, "still-none", "--for", "HY-B")


def test_an_unknown_station_or_class_is_refused_and_nothing_changes(pair):
    run = pair
    assert run("HY-A", "sync", "trust", str(run.key), "--yes")[0] == 0
    db = dbmod.open_db(run.paths["HY-A"])
    before = content(db)
    db.close()

    status, out, err = run("HY-A", "sync", "entitle", "HY-ZZ", "--roster")
    assert status == 1 and "HY-ZZ" in err and "Traceback" not in err
    status, out, err = run("HY-A", "sync", "trust", str(run.key), "--yes", "--entitle", "phones")
    assert status == 1 and "phones" in err and "Traceback" not in err
    status, out, err = run("HY-A", "sync", "entitle", "HY-B", "--phones")
    assert status == 1 and "--phones" in err and "Traceback" not in err

    db = dbmod.open_db(run.paths["HY-A"])
    assert content(db) == before
    db.close()


def test_a_revoked_station_is_not_entitled(pair):
    run = pair
    assert run("HY-A", "sync", "trust", str(run.key), "--yes", "--entitle", "roster")[0] == 0
    assert run("HY-A", "sync", "revoke", "HY-B")[0] == 0
    status, _, err = run("HY-A", "sync", "entitle", "HY-B", "--roster")
    assert status == 1 and "revoked" in err
