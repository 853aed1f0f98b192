"""`sync conflicts` and `sync resolve` as a station administrator uses them."""

import json
import re

from desktop.core.context import Ctx
from desktop.core.store import db as dbmod
from desktop.core.store.writepath import write
from tests.helpers.cli import enrol_both


def edit(path, **fields):
    db = dbmod.open_db(path)
    try:
        expert = db.execute("SELECT id FROM expert WHERE name = '赵专家'").fetchone()
        with write(db, Ctx("os:tester")) as w:
            if expert is None:
                w.insert("expert", {"name": "赵专家", **fields})
            else:
                w.update("expert", expert[0], fields)
    finally:
        db.close()


def exchange(run, tmp_path, src, dst):
    bundle = tmp_path / f"{src}-{dst}.zip"
    assert run(src, "sync", "export", "--out", str(bundle), "--for", dst)[0] == 0
    status, out, err = run(dst, "sync", "import", str(bundle))
    assert status == 0, err
    return out


def test_conflicts_are_listed_alike_and_settled_by_a_choice(stations, tmp_path):
    run = stations
    enrol_both(run, tmp_path)
    for me, peer in (("HY-A", "HY-B"), ("HY-B", "HY-A")):  # they share the expert roster
        assert run(me, "sync", "entitle", peer, "--roster")[0] == 0
    edit(run.paths["HY-A"], mobile="13800000000")
    exchange(run, tmp_path, "HY-A", "HY-B")
    edit(run.paths["HY-A"], mobile="13811111111")
    edit(run.paths["HY-B"], mobile="13922222222")
    said = exchange(run, tmp_path, "HY-A", "HY-B")
    assert "sync conflicts" in said  # the import names the new conflict and where to look
    exchange(run, tmp_path, "HY-B", "HY-A")

    listed = {}
    for code in ("HY-A", "HY-B"):
        status, out, _ = run(code, "--json", "sync", "conflicts")
        assert status == 0
        listed[code] = json.loads(out)["conflicts"]
    assert [c["key"] for c in listed["HY-A"]] == [c["key"] for c in listed["HY-B"]]
    (conflict,) = listed["HY-A"]
    values = {conflict["kept"]["value"], *(v["value"] for v in conflict["others"])}
    assert values == {"13811111111", "13922222222"}

    status, out, _ = run("HY-A", "sync", "conflicts")
    assert status == 0 and "赵专家" in out and "13811111111" in out and "13922222222" in out
    said = out.split("\n", 1)[1]  # after the key: the record and the field in words, times local
    assert "expert" not in said.split("\n")[0] and "mobile" not in said.split("\n")[0]
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:", said), said

    loser = conflict["others"][0]
    status, out, err = run("HY-A", "sync", "resolve", conflict["key"], "--keep", "nobody:1")
    assert status != 0 and "nobody:1" in err
    status, out, err = run("HY-A", "sync", "resolve", conflict["key"], "--keep", loser["ref"])
    assert status == 0, err
    exchange(run, tmp_path, "HY-A", "HY-B")
    for code in ("HY-A", "HY-B"):
        status, out, _ = run(code, "--json", "sync", "conflicts")
        assert json.loads(out)["conflicts"] == []
        db = dbmod.open_db(run.paths[code])
        mobile = db.execute("SELECT mobile FROM expert WHERE name = '赵专家'").fetchone()[0]
        db.close()
        assert mobile == loser["value"]
