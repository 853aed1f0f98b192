"""The sync commands as two station administrators use them."""

import json

import click.termui

from desktop.core.store import check
from tests.helpers.cli import content, enrol_both, identity
from tests.helpers.stations import stock_up, synced


def test_identity_shows_the_fingerprint(stations):
    status, out, _ = stations("HY-A", "sync", "identity")
    data = identity(stations, "HY-A")
    assert status == 0 and data["code"] == "HY-A"
    assert data["fingerprint"] in out and data["origin"] in out


def test_export_key_then_trust_with_the_compared_fingerprint(stations, tmp_path):
    key = tmp_path / "b.key"
    status, out, _ = stations("HY-B", "sync", "export-key", "--out", str(key))
    fingerprint = identity(stations, "HY-B")["fingerprint"]
    assert status == 0 and key.exists() and fingerprint in out
    status, _, err = stations("HY-A", "sync", "trust", str(key), "--fingerprint", "0000")
    assert status == 1 and fingerprint in err
    status, out, _ = stations(
        "HY-A", "--json", "sync", "trust", str(key), "--fingerprint", fingerprint
    )
    assert status == 0 and json.loads(out)["code"] == "HY-B"
    status, out, _ = stations("HY-A", "--json", "sync", "stations")
    [row] = json.loads(out)
    assert (row["code"], row["fingerprint"], row["revoked"]) == ("HY-B", fingerprint, False)


def test_trust_without_a_fingerprint_asks_first(stations, tmp_path, monkeypatch):
    key = tmp_path / "b.key"
    stations("HY-B", "sync", "export-key", "--out", str(key))
    fingerprint = identity(stations, "HY-B")["fingerprint"]
    monkeypatch.setattr(click.termui, "visible_prompt_func", lambda prompt: "n")
    status, out, _ = stations("HY-A", "sync", "trust", str(key))
    assert status == 1 and fingerprint in out
    assert json.loads(stations("HY-A", "--json", "sync", "stations")[1]) == []
    monkeypatch.setattr(click.termui, "visible_prompt_func", lambda prompt: "y")
    assert stations("HY-A", "sync", "trust", str(key))[0] == 0
    assert len(json.loads(stations("HY-A", "--json", "sync", "stations")[1])) == 1


def test_export_and_import_bundles_both_ways(stations, tmp_path):
    from desktop.core.store import db as dbmod

    enrol_both(stations, tmp_path)
    for code, prefix in (("HY-A", "A"), ("HY-B", "B")):
        db = dbmod.open_db(stations.paths[code])
        stock_up(db, prefix)
        db.close()
    bundle = tmp_path / "a-b.zip"
    status, out, _ = stations(
        "HY-A", "--json", "sync", "export", "--out", str(bundle), "--for", "HY-B"
    )
    exported = json.loads(out)
    assert status == 0 and exported["ops"] > 0 and exported["sequence"] == 1
    status, out, _ = stations("HY-B", "--json", "sync", "import", str(bundle))
    imported = json.loads(out)
    assert status == 0 and imported["applied"] == exported["ops"]
    assert imported["already_imported"] is False and imported["sender"]["code"] == "HY-A"
    status, out, _ = stations("HY-B", "--json", "sync", "import", str(bundle))
    assert status == 0 and json.loads(out)["already_imported"] is True
    back = tmp_path / "b-a.zip"
    assert stations("HY-B", "sync", "export", "--out", str(back))[0] == 0
    status, out, _ = stations("HY-A", "sync", "import", str(back))
    assert status == 0 and "HY-B" in out
    a, b = (dbmod.open_db(stations.paths[c]) for c in ("HY-A", "HY-B"))
    assert synced(a) == synced(b)
    assert check.run(a) == [] and check.run(b) == []
    a.close()
    b.close()


def test_a_refused_bundle_exits_1_with_the_cause_and_changes_nothing(stations, tmp_path):
    from desktop.core.store import db as dbmod

    enrol_both(stations, tmp_path)
    bundle = tmp_path / "a-b.zip"
    stations("HY-A", "sync", "export", "--out", str(bundle), "--for", "HY-B")
    bundle.write_bytes(bundle.read_bytes()[:100])
    b = dbmod.open_db(stations.paths["HY-B"])
    before = content(b)
    status, out, err = stations("HY-B", "sync", "import", str(bundle))
    assert status == 1 and out == "" and str(bundle) in err
    assert content(b) == before
    b.close()


def test_an_empty_bundle_says_nothing_was_missing(stations, tmp_path):
    enrol_both(stations, tmp_path)
    bundle = tmp_path / "a-b.zip"
    # the first bundle brings A's administrator's account; the next one nothing new
    stations("HY-A", "sync", "export", "--out", str(bundle), "--for", "HY-B")
    assert stations("HY-B", "sync", "import", str(bundle))[0] == 0
    stations("HY-A", "sync", "export", "--out", str(bundle), "--for", "HY-B")
    status, out, _ = stations("HY-B", "--json", "sync", "import", str(bundle))
    data = json.loads(out)
    assert status == 0 and (data["applied"], data["already_imported"]) == (0, True)
    status, out, _ = stations("HY-B", "sync", "import", str(bundle))
    assert status == 0 and "HY-A" in out


def test_revoke_then_the_bundles_are_refused(stations, tmp_path):
    enrol_both(stations, tmp_path)
    bundle = tmp_path / "a-b.zip"
    stations("HY-A", "sync", "export", "--out", str(bundle))
    status, out, _ = stations("HY-B", "--json", "sync", "revoke", "HY-A")
    assert status == 0 and json.loads(out)["revoked"] is True
    status, _, err = stations("HY-B", "sync", "import", str(bundle))
    assert status == 1 and "HY-A" in err
    status, _, err = stations("HY-B", "sync", "revoke", "HY-NONE")
    assert status == 1 and "HY-NONE" in err


def test_no_file_written_with_out_goes_over_a_database(stations, tmp_path):
    """`sync export --out` given the station's own file wrote a bundle over it (exit 0); so
    could a snapshot, a key or a workbook over another station's file or a backup."""
    own, other = stations.paths["HY-A"], stations.paths["HY-B"]
    before = {path: path.read_bytes() for path in (own, other)}
    for args in (
        ("sync", "export", "--out", str(own)),
        ("sync", "export", "--out", str(other)),
        ("sync", "snapshot", "--out", str(other)),
        ("sync", "export-key", "--out", str(other)),
        ("stock", "export", "--out", str(other)),
    ):
        status, _, err = stations("HY-A", *args)
        assert status == 1 and "--out" in err and ("数据库" in err or "database" in err), args
    assert {path: path.read_bytes() for path in (own, other)} == before
    status, _, _ = stations("HY-A", "sync", "export", "--out", str(tmp_path / "a.zip"))
    assert status == 0
    status, _, _ = stations("HY-A", "sync", "export", "--out", str(tmp_path / "a.zip"))
    assert status == 0  # a bundle written again over the last one: as before
