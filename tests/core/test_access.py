"""Accounts, login with lockout, CLI sessions, the audit chain and the audit trail."""

import sqlite3

import pytest

from desktop.core import spreadsheet
from desktop.core.access import accounts, audit, login, passwords, policy, sessions, trail
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.store import hlc
from desktop.core.store.writepath import write

PASSWORD = "Secret-123"


pytestmark = pytest.mark.usefixtures("english")  # tests/conftest.py


@pytest.fixture
def admin(fresh_db):
    accounts.add(fresh_db, None, "admin", "系统管理员", PASSWORD)
    return login.authenticate(fresh_db, "admin", PASSWORD)


def depot(db, ctx, code="D1"):
    with write(db, ctx) as w:
        return w.insert("depot", {"code": code, "name": f"仓库{code}"})


def raw(db):
    """A connection as a tamperer has it: the sqlite3 module, no BioReserve functions."""
    db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return sqlite3.connect(db.path, isolation_level=None)


def test_a_new_database_has_no_account_and_no_default_password(fresh_db):
    assert not accounts.has_accounts(fresh_db)
    with pytest.raises(login.NoAccounts):
        login.authenticate(fresh_db, "admin", "admin")
    with pytest.raises(Exception, match="administrator"):
        accounts.add(fresh_db, None, "first", "viewer", PASSWORD)


def test_the_password_is_stored_only_as_an_argon2id_hash(fresh_db, admin):
    stored = fresh_db.execute("SELECT hash FROM account_secret").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    dump = "\n".join(fresh_db.conn.iterdump())
    assert PASSWORD not in dump


@pytest.mark.parametrize(
    "password, reason",
    [("", "empty"), ("Ab1", "shorter"), ("abcdefgh", "two of"), ("x" * 300, "longer")],
)
def test_weak_passwords_are_refused_and_nothing_is_written(fresh_db, admin, password, reason):
    before = fresh_db.execute("SELECT count(*) FROM account").fetchone()[0]
    with pytest.raises(passwords.WeakPassword, match=reason):
        accounts.add(fresh_db, admin, "zhang", "viewer", password)
    assert fresh_db.execute("SELECT count(*) FROM account").fetchone()[0] == before


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(fresh_db, admin):
    accounts.add(fresh_db, admin, "li", "只读", "Viewer-123")
    for _ in range(login.LOCK_AFTER - 1):
        with pytest.raises(login.LoginRefused, match="Wrong account name or password"):
            login.authenticate(fresh_db, "li", "wrong-pass-1")
    with pytest.raises(login.LoginRefused, match="Wrong password. The account li is locked"):
        login.authenticate(fresh_db, "li", "wrong-pass-1")  # the fifth says so at once
    # the right password is refused while locked, and says until when
    with pytest.raises(login.LoginRefused, match="locked after 5 wrong passwords until"):
        login.authenticate(fresh_db, "li", "Viewer-123")
    kinds = [r[0] for r in fresh_db.execute("SELECT kind FROM audit_event ORDER BY seq")]
    assert kinds.count("login_failed") == 6 and kinds.count("lockout") == 1
    # fifteen minutes later it opens again
    fresh_db.execute("UPDATE account_secret SET locked_until = '2000-01-01T00:00:00+00:00'")
    assert login.authenticate(fresh_db, "li", "Viewer-123").role == "viewer"


def test_an_unknown_name_and_a_wrong_password_get_the_same_answer(fresh_db, admin):
    with pytest.raises(login.LoginRefused) as unknown:
        login.authenticate(fresh_db, "nobody", PASSWORD)
    with pytest.raises(login.LoginRefused) as wrong:
        login.authenticate(fresh_db, "admin", "Wrong-pass-1")
    assert str(unknown.value) == str(wrong.value)


def test_a_name_no_account_has_locks_as_an_account_does(fresh_db, admin):
    """Five tries under a real and an unknown name give the same answers, word for word
    but the name: which names are accounts cannot be learnt from the lockout."""
    accounts.add(fresh_db, admin, "li", "只读", "Viewer-123")

    def answers(name: str) -> list[str]:
        out = []
        for _ in range(login.LOCK_AFTER + 1):
            with pytest.raises(login.LoginRefused) as refused:
                login.authenticate(fresh_db, name, "wrong-pass-1")
            out.append(str(refused.value).replace(name, "NAME"))
        return out

    real, unknown = answers("li"), answers("Nobody")
    assert real == unknown
    assert "locked" in unknown[-2] and "locked" in unknown[-1]
    with pytest.raises(login.LoginRefused, match="locked"):  # any case of the name
        login.authenticate(fresh_db, "NOBODY", "wrong-pass-1")
    fresh_db.execute("UPDATE login_failure SET locked_until = '2000-01-01T00:00:00+00:00'")
    with pytest.raises(login.LoginRefused, match="Wrong account name or password"):
        login.authenticate(fresh_db, "nobody", "wrong-pass-1")
    kinds = [r[0] for r in fresh_db.execute("SELECT kind FROM audit_event ORDER BY seq")]
    assert kinds.count("lockout") == 2


def test_a_disabled_account_cannot_log_in_and_the_last_admin_stays(fresh_db, admin):
    accounts.add(fresh_db, admin, "wang", "coordinator", "Coord-1234")
    accounts.set_disabled(fresh_db, admin, "wang")
    with pytest.raises(login.LoginRefused, match="disabled"):
        login.authenticate(fresh_db, "wang", "Coord-1234")
    with pytest.raises(Exception, match="only administrator"):
        accounts.set_disabled(fresh_db, admin, "admin")
    accounts.set_disabled(fresh_db, admin, "wang", False)
    assert login.authenticate(fresh_db, "wang", "Coord-1234").role == "coordinator"


def test_only_an_administrator_manages_accounts(fresh_db, admin):
    coordinator = accounts.add(fresh_db, admin, "zhao", "应急协调员", "Coord-1234").ctx()
    with pytest.raises(policy.NotAllowed, match="may not manage user accounts"):
        accounts.add(fresh_db, coordinator, "qian", "viewer", "Viewer-123")
    with pytest.raises(policy.NotAllowed):
        accounts.set_disabled(fresh_db, coordinator, "admin")


def test_bindings_keepers_to_depots_and_liaisons_to_agencies(fresh_db, admin):
    depot(fresh_db, admin)
    with pytest.raises(Exception, match="at least one depot"):
        accounts.add(fresh_db, admin, "k1", "keeper", "Keeper-123")
    with pytest.raises(Exception, match="No depot with code NOPE"):
        accounts.add(fresh_db, admin, "k1", "keeper", "Keeper-123", depots=["NOPE"])
    keeper = accounts.add(fresh_db, admin, "k1", "仓库管理员", "Keeper-123", depots=["D1"])
    assert len(keeper.depot_ids) == 1
    with pytest.raises(Exception, match="needs an agency"):
        accounts.add(fresh_db, admin, "l1", "liaison", "Liaison-123")
    agency = fresh_db.execute("SELECT code FROM agency LIMIT 1").fetchone()[0]
    liaison = accounts.add(fresh_db, admin, "l1", "Member agency liaison", "Liaison-12",
                           agency=agency)  # fmt: skip
    assert liaison.ctx().agency_id


def test_every_change_carries_its_actor(fresh_db, admin):
    depot(fresh_db, admin, "D9")
    actors = {r[0] for r in fresh_db.execute("SELECT actor FROM oplog WHERE tbl = 'depot'")}
    assert actors == {"user:admin"}


def test_a_session_ends_after_the_idle_time_and_at_logout(fresh_db, admin, tmp_path):
    where = tmp_path / "station.db"
    path = sessions.start(fresh_db, admin, where)
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert sessions.resume(fresh_db, where).actor == "user:admin"
    stored = fresh_db.execute("SELECT token_hash FROM session").fetchone()[0]
    assert stored not in path.read_text()  # the database keeps the token's hash only
    idle = sessions.idle_minutes(fresh_db)
    fresh_db.execute("UPDATE session SET last_used_ms = ?", [hlc.wall_ms() - idle * 60_000 - 1000])
    assert sessions.resume(fresh_db, where) is None
    sessions.start(fresh_db, admin, where)
    assert sessions.end(fresh_db, where) == "admin"
    assert sessions.resume(fresh_db, where) is None and not path.exists()


def test_a_new_password_ends_the_accounts_sessions(fresh_db, admin, tmp_path):
    """A reset after a suspected compromise, or one's own change: whoever held a CLI session
    of the account logs in again, with the new password."""
    li = accounts.add(fresh_db, admin, "li", "只读", "Viewer-123").ctx()
    where = tmp_path / "station.db"
    sessions.start(fresh_db, li, where)
    accounts.set_password(fresh_db, admin, "li", "Fresh-pass-42")
    assert sessions.resume(fresh_db, where) is None
    sessions.start(fresh_db, li, where)
    accounts.set_password(fresh_db, li, "li", "Other-pass-43", old="Fresh-pass-42")
    assert sessions.resume(fresh_db, where) is None


def test_the_idle_time_is_the_administrators_setting(fresh_db, admin):
    assert sessions.set_idle_minutes(fresh_db, admin, "30") == 30
    assert sessions.idle_minutes(fresh_db) == 30
    with pytest.raises(Exception, match="1 to 480"):
        sessions.set_idle_minutes(fresh_db, admin, 0)
    viewer = Ctx("user:v", role="viewer")
    with pytest.raises(policy.NotAllowed):
        sessions.set_idle_minutes(fresh_db, viewer, 10)


# ---------------------------------------------------------------- audit verify


@pytest.fixture
def sealed(fresh_db, admin):
    for code in ("D1", "D2", "D3"):
        depot(fresh_db, admin, code)
    audit.record(fresh_db, admin.actor, "backup", file="x")
    assert audit.seal(fresh_db)
    verdict = audit.verify(fresh_db)
    assert verdict.ok, verdict.findings
    return fresh_db


def own_origin(db):
    return db.execute("SELECT origin FROM station").fetchone()[0]


def test_an_edited_operation_is_found(sealed):
    con = raw(sealed)
    con.execute("DROP TRIGGER oplog_no_update")
    con.execute(
        "UPDATE oplog SET payload = replace(payload, 'D2', 'DX') WHERE origin = ? AND seq = 3",
        [own_origin(sealed)],
    )
    con.close()
    texts = [f.text for f in audit.verify(sealed).findings]
    assert any("operation 3 was altered" in t for t in texts), texts


def test_a_deleted_operation_is_found(sealed):
    con = raw(sealed)
    con.execute("DROP TRIGGER oplog_no_delete")
    con.execute("DELETE FROM oplog WHERE origin = ? AND seq = 2", [own_origin(sealed)])
    con.close()
    texts = [f.text for f in audit.verify(sealed).findings]
    assert any("operation 2 is missing" in t for t in texts), texts


def test_a_rewritten_and_rechained_tail_is_found_by_the_seal(sealed):
    """The tamperer deletes the newest operation and fixes the vector: the chain alone
    looks whole, the signed seal does not match."""
    origin = own_origin(sealed)
    (seq,) = sealed.execute("SELECT max(seq) FROM oplog WHERE origin = ?", [origin]).fetchone()
    (previous,) = sealed.execute(
        "SELECT hash FROM oplog WHERE origin = ? AND seq = ?", [origin, seq - 1]
    ).fetchone()
    con = raw(sealed)
    con.execute("DROP TRIGGER oplog_no_delete")
    con.execute("DELETE FROM oplog WHERE origin = ? AND seq = ?", [origin, seq])
    con.execute("UPDATE vector SET seq = ?, hash = ? WHERE origin = ?", [seq - 1, previous, origin])
    con.close()
    texts = [f.text for f in audit.verify(sealed).findings]
    assert any("not the one sealed" in t for t in texts), texts


def test_edited_or_deleted_audit_events_are_found(sealed):
    con = raw(sealed)
    con.execute("DROP TRIGGER audit_event_no_update")
    con.execute("UPDATE audit_event SET actor = 'user:nobody' WHERE seq = 2")
    con.close()
    assert any("Audit event 2 was altered" in f.text for f in audit.verify(sealed).findings)


def test_a_deleted_audit_event_is_found(sealed):
    con = raw(sealed)
    con.execute("DROP TRIGGER audit_event_no_delete")
    con.execute("DELETE FROM audit_event WHERE seq = 1")
    con.close()
    assert any("Audit event 1 is missing" in f.text for f in audit.verify(sealed).findings)


def test_a_forged_seal_is_found(sealed):
    con = raw(sealed)
    con.execute(
        "INSERT INTO audit_seal (at, origin, op_seq, op_hash, audit_seq, audit_hash, signature)"
        " SELECT at, origin, op_seq, op_hash, audit_seq, audit_hash, 'AAAA' FROM audit_seal"
    )
    con.close()
    assert any("not signed by this station" in f.text for f in audit.verify(sealed).findings)


# ---------------------------------------------------------------- the trail


def test_an_audit_event_keeps_the_role_its_account_had_then(fresh_db, admin):
    """A login as keeper stays a keeper's after the account is made a viewer: the trail
    showed every earlier event with the account's current role."""
    accounts.add(fresh_db, admin, "zhou", "coordinator", "Coord-12345")
    login.authenticate(fresh_db, "zhou", "Coord-12345")
    accounts.change(fresh_db, admin, "zhou", role="viewer")
    login.authenticate(fresh_db, "zhou", "Coord-12345")
    logins = [r for r in trail.rows(fresh_db, admin, user="zhou") if r["action"] == "login"]
    assert [r["role"] for r in logins] == ["Read only", "Emergency coordinator"]  # newest first
    assert all("actor_role" not in r["detail"] for r in logins)


def test_the_trail_filters_by_user_agency_table_and_time(fresh_db, admin, tmp_path):
    agency = fresh_db.execute("SELECT id, code FROM agency LIMIT 1").fetchone()
    accounts.add(fresh_db, admin, "wang", "coordinator", "Coord-1234")
    accounts.add(fresh_db, admin, "liu", "liaison", "Liaison-12", agency=agency[1])
    wang = login.authenticate(fresh_db, "wang", "Coord-1234")
    depot(fresh_db, wang, "W1")
    with pytest.raises(login.LoginRefused):
        login.authenticate(fresh_db, "liu", "Wrong-pass-1")

    by_wang = trail.rows(fresh_db, admin, user="wang")
    assert {r["user"] for r in by_wang} == {"user:wang"}
    assert {"login", "added"} <= {r["action"] for r in by_wang}
    depots = trail.rows(fresh_db, admin, table="depot")
    assert [r["user"] for r in depots] == ["user:wang"]
    assert depots[0]["detail"] == "Code, Name"  # the fields, by their words; never values
    of_agency = trail.rows(fresh_db, admin, agency=agency[1])
    assert {r["user"] for r in of_agency} == {"user:liu"}
    assert trail.rows(fresh_db, admin, until="2000-01-01") == []
    assert trail.rows(fresh_db, admin, since="2000-01-01")
    with pytest.raises(policy.NotAllowed):
        trail.rows(fresh_db, wang)

    out = tmp_path / "audit.xlsx"
    count = trail.export(fresh_db, admin, out, user="wang")
    sheet = spreadsheet.read_sheets(out)[0]
    assert count == len(by_wang) and len(list(sheet.rows)) == count
    assert (
        fresh_db.execute("SELECT count(*) FROM audit_event WHERE kind = 'audit_export'").fetchone()[
            0
        ]
        == 1
    )


def test_accounts_stay_after_a_new_key_pair(fresh_db, admin):
    """`station new-key` gives the station a new origin; its accounts are still its own."""
    from desktop.core.store import station

    station.new_key(fresh_db, method="file")
    assert login.authenticate(fresh_db, "admin", PASSWORD).role == "admin"
    depot(fresh_db, admin, "N1")
    rows = trail.rows(fresh_db, admin, table="depot")
    assert rows[0]["role"]  # the new origin's operations still name the account's role


def test_a_full_name_too_long_is_refused_not_cut(fresh_db, admin):
    with pytest.raises(Invalid) as refused:
        accounts.add(fresh_db, admin, "zhao", "viewer", "Viewer-1234", full_name="赵" * 101)
    assert refused.value.field == "full_name"
    assert accounts.add(fresh_db, admin, "zhao", "viewer", "Viewer-1234",
                        full_name="赵" * 100).full_name == "赵" * 100  # fmt: skip


def test_a_name_in_full_width_letters_is_the_account_it_looks_like(fresh_db, admin):
    """ａｄｍｉｎ reads as admin in every list: it is admin (as ADMIN is), never another."""
    with pytest.raises(BioError, match="exists|已有|already"):
        accounts.add(fresh_db, admin, "ａｄｍｉｎ", "viewer", "Viewer-1234")
    assert login.authenticate(fresh_db, "ａｄｍｉｎ", PASSWORD).actor == "user:admin"
    assert accounts.add(fresh_db, admin, "ｌｉ２", "viewer", "Viewer-1234").name == "li2"
