"""Accounts of this station: who may log in, in which role, for which agency or depots.

An account is a synced row (every station knows who acted where) written through the
write path, so creating, changing and disabling one is an operation like any other; its
password hash stays here (`account_secret`, local). Ids derive from the station and the
name: `user:zhang` of one station is never another's.
"""

import json
import re
import unicodedata
from dataclasses import dataclass

from desktop.core import values, vocab
from desktop.core.access import audit, passwords, policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import station
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

NAME = re.compile(r"^[\w.\-]{1,32}$")
FIELDS = "id, name, full_name, role, agency_id, depot_ids, disabled, created_at"
MAX_FULL_NAME = 100  # characters (a longer one was cut there without a word)


@dataclass(frozen=True)
class Account:
    id: str
    name: str
    full_name: str
    role: str
    agency_id: str | None
    depot_ids: tuple[str, ...]
    disabled: bool
    created_at: str

    @classmethod
    def from_row(cls, row) -> "Account":
        depots = tuple(json.loads(row[5] or "[]"))
        return cls(row[0], row[1], row[2], row[3], row[4], depots, bool(row[6]), row[7])

    def ctx(self) -> Ctx:
        """The context this account acts in once logged in."""
        return Ctx(
            f"user:{self.name}",
            role=self.role,
            agency_id=self.agency_id,
            depot_ids=frozenset(self.depot_ids),
            account_id=self.id,
        )


ORIGIN_KEY = "accounts.origin"


def _origin(db: Database) -> str:
    """The origin this station's accounts are keyed by: the station's origin when its first
    account was made. A new key pair (`station new-key`) or a drill's sandbox gives the
    station another origin; its accounts stay the same accounts."""
    kept = db.execute("SELECT value FROM meta WHERE key = ?", [ORIGIN_KEY]).fetchone()
    if kept and kept[0]:
        return kept[0]
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    return st.origin


def account_id(origin: str, name: str) -> str:
    return reference_id("account", f"{origin}|{same_name(name).lower()}")


def same_name(name: str) -> str:
    """A name as compared and kept: full-width letters and digits as the plain ones they
    look like (ａｄｍｉｎ is admin, as ADMIN is)."""
    return unicodedata.normalize("NFKC", name)


def check_name(name: str) -> str:
    name = same_name((name or "").strip())
    if not NAME.match(name):
        raise BioError(
            tr(
                "An account name is 1 to 32 letters, digits, '.', '-' or '_' (no spaces): "
                "{name!r} is not one.",
                name=name[:40],
            )
        )
    return name


def has_accounts(db: Database) -> bool:
    """Whether this station has any account yet (none: the first run asks for the
    administrator)."""
    return (
        db.execute(
            "SELECT 1 FROM account WHERE station = ? AND deleted = 0 LIMIT 1", [_origin(db)]
        ).fetchone()
        is not None
    )


def find(db: Database, name: str) -> Account | None:
    """This station's account of that name (any case), None if there is none."""
    row = db.execute(
        f"SELECT {FIELDS} FROM account WHERE id = ? AND deleted = 0",
        [account_id(_origin(db), (name or "").strip())],
    ).fetchone()
    return Account.from_row(row) if row else None


def get(db: Database, account: str) -> Account | None:
    row = db.execute(f"SELECT {FIELDS} FROM account WHERE id = ?", [account]).fetchone()
    return Account.from_row(row) if row else None


def person(db: Database, actor: str, origin: str | None = None) -> str:
    """Who an actor is, as a person reads it on a form (制单人, 操作人): an account's full
    name, else its login name — the account of the station `origin` when given (an
    operation's); an OS user's name without os:; anything else as recorded (demo-data)."""
    if not actor.startswith("user:"):
        return actor.removeprefix("os:")
    name = actor.removeprefix("user:")
    row = db.execute(
        "SELECT full_name FROM account WHERE name = ? AND deleted = 0 AND "
        "(station = ? OR ? IS NULL) ORDER BY station = ? DESC LIMIT 1",
        [name, origin, origin, origin],
    ).fetchone()
    return (row[0] if row else "") or name


def name_people(db: Database, rows, into: str = "actor") -> list[dict]:
    """The rows, each with row[into] the person its actor is (person), one lookup per
    actor."""
    rows = list(rows)
    known: dict[str, str] = {}
    for row in rows:
        actor = row["actor"] or ""
        if actor not in known:
            known[actor] = person(db, actor)
        row[into] = known[actor]
    return rows


def listing(db: Database) -> list[dict]:
    """This station's accounts with their role, agency (its name in the user's language),
    depots and lock state."""
    now = values.now_iso()
    rows = db.execute(
        """SELECT a.id, a.name, a.full_name, a.role, a.agency_id, a.depot_ids, a.disabled,
                   a.created_at, g.code, g.name, s.locked_until, g.name_en
            FROM account a LEFT JOIN agency g ON g.id = a.agency_id
            LEFT JOIN account_secret s ON s.account_id = a.id
            WHERE a.station = ? AND a.deleted = 0 ORDER BY a.name""",
        [_origin(db)],
    ).fetchall()
    out = []
    for row in rows:
        acc = Account.from_row(row[:8])
        depots = [
            r[0]
            for r in db.execute(
                f"SELECT code FROM depot WHERE id IN ({','.join('?' * len(acc.depot_ids))})",
                list(acc.depot_ids),
            )
        ] if acc.depot_ids else []  # fmt: skip
        locked = bool(row[10] and values.time_key(row[10]) > values.time_key(now))
        out.append(
            {
                "name": acc.name,
                "full_name": acc.full_name,
                "role": acc.role,
                "role_name": roles.name(acc.role),
                "agency": row[8] or "",
                "agency_name": vocab.local_name(row[9], row[11]),
                "depots": sorted(depots),
                "disabled": acc.disabled,
                "locked_until": row[10] if locked else None,
                "created_at": acc.created_at,
            }
        )
    return out


def _resolve_agency(db: Database, code: str | None) -> str | None:
    if not code:
        return None
    row = db.execute(
        "SELECT id FROM agency WHERE (code = ? OR name = ? OR id = ?) AND deleted = 0",
        [code, code, code],
    ).fetchone()
    if row is None:
        raise BioError(tr("No agency with code {code}.", code=code))
    return row[0]


def _resolve_depots(db: Database, codes) -> list[str]:
    out = []
    for code in codes or ():
        row = db.execute(
            "SELECT id FROM depot WHERE (code = ? OR id = ?) AND deleted = 0", [code, code]
        ).fetchone()
        if row is None:
            raise BioError(tr("No depot with code {code}.", code=code))
        if row[0] not in out:
            out.append(row[0])
    return out


def _bindings(role: str, agency: str | None, depots: list[str]) -> None:
    if role == "keeper" and not depots:
        raise BioError(tr("A depot keeper needs at least one depot (--depot CODE)."))
    if role == "liaison" and not agency:
        raise BioError(tr("A member agency liaison needs an agency (--agency CODE)."))
    if role not in ("keeper",) and depots:
        raise BioError(tr("Only a depot keeper is bound to depots."))
    if role not in ("liaison",) and agency:
        raise BioError(tr("Only a member agency liaison is bound to an agency."))


def parse_role(text: str) -> str:
    role = roles.parse(text or "")
    if role is None:
        raise BioError(
            tr(
                "Unknown role {role!r}; one of: {choices}",
                role=(text or "")[:40],
                choices="; ".join(f"{r} ({roles.name(r)})" for r in roles.ROLES),
            )
        )
    return role


def add(
    db: Database,
    ctx: Ctx | None,
    name: str,
    role: str,
    password: str,
    *,
    full_name: str = "",
    agency: str | None = None,
    depots=(),
) -> Account:
    """Add an account (the administrator's right). With ctx None, only the first account
    of a station, an administrator: how `init` and the first run make it."""
    name = check_name(name)
    role = parse_role(role)
    origin = _origin(db)
    if ctx is None:
        if has_accounts(db):
            raise policy.NotAllowed(
                tr("This station has accounts already: log in as its administrator.")
            )
        if role != "admin":
            raise BioError(tr("The first account of a station is its administrator."))
        ctx = Ctx(f"user:{name}")
    policy.require(ctx, roles.USERS)
    passwords.check_new(password, name)
    agency_id = _resolve_agency(db, agency)
    depot_ids = _resolve_depots(db, depots)
    _bindings(role, agency_id, depot_ids)
    acc_id = account_id(origin, name)
    if get(db, acc_id) is not None:
        raise BioError(tr("An account named {name} exists already.", name=name))
    hashed = passwords.make(password)
    now = values.now_iso()
    with write(db, ctx) as w:
        w.insert(
            "account",
            {
                "id": acc_id,
                "station": origin,
                "name": name,
                "full_name": values.bounded(full_name, "full_name", MAX_FULL_NAME),
                "role": role,
                "agency_id": agency_id,
                "depot_ids": json.dumps(depot_ids),
                "disabled": 0,
                "created_at": now,
            },
        )
        db.execute(
            "INSERT INTO account_secret (account_id, hash, changed_at) VALUES (?, ?, ?)",
            [acc_id, hashed, now],
        )
        db.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", [ORIGIN_KEY, origin])
        w.db.conn.touched.add("account_secret")
        audit.record(db, ctx.actor, "account", action="add", name=name, role=role)
    acc = get(db, acc_id)
    assert acc is not None
    return acc


def _active_admins(db: Database, origin: str) -> int:
    return db.execute(
        "SELECT count(*) FROM account WHERE station = ? AND role = 'admin' AND disabled = 0 "
        "AND deleted = 0",
        [origin],
    ).fetchone()[0]


def _require_account(db: Database, name: str) -> Account:
    acc = find(db, name)
    if acc is None:
        raise BioError(tr("No account named {name} at this station.", name=(name or "")[:40]))
    return acc


def set_disabled(db: Database, ctx: Ctx, name: str, disabled: bool = True) -> Account:
    """Disable an account (its sessions end; its operations stay theirs) or enable it
    again. The last administrator cannot be disabled."""
    policy.require(ctx, roles.USERS)
    acc = _require_account(db, name)
    if disabled and acc.role == "admin" and not acc.disabled:
        if _active_admins(db, _origin(db)) <= 1:
            raise BioError(tr("{name} is the only administrator left; add another first.",
                              name=acc.name))  # fmt: skip
    with write(db, ctx) as w:
        w.update("account", acc.id, {"disabled": int(disabled)})
        if disabled:
            db.execute("DELETE FROM session WHERE account_id = ?", [acc.id])
            w.db.conn.touched.add("session")
        audit.record(
            db, ctx.actor, "account", action="disable" if disabled else "enable", name=acc.name
        )
    result = get(db, acc.id)
    assert result is not None
    return result


def set_password(db: Database, ctx: Ctx, name: str, new: str, old: str | None = None) -> None:
    """A new password: the account's own (with the old one), or any account's by an
    administrator (a reset, which also lifts a lockout). Either way the account's CLI
    sessions end: whoever held one logs in again, with the new password."""
    acc = _require_account(db, name)
    own = ctx.account_id == acc.id
    if own and old is not None:
        held = db.execute(
            "SELECT hash FROM account_secret WHERE account_id = ?", [acc.id]
        ).fetchone()
        if not passwords.matches(held[0] if held else None, old):
            raise BioError(tr("The current password is not right."))
    else:
        policy.require(ctx, roles.USERS)
    passwords.check_new(new, acc.name)
    hashed = passwords.make(new)
    from desktop.core.store.writepath import transaction

    with transaction(db, touches=("account_secret", "audit_event", "session")):
        db.execute("DELETE FROM session WHERE account_id = ?", [acc.id])
        db.execute(
            "INSERT INTO account_secret (account_id, hash, changed_at) VALUES (?, ?, ?) "
            "ON CONFLICT (account_id) DO UPDATE SET hash = excluded.hash, failures = 0, "
            "locked_until = NULL, changed_at = excluded.changed_at",
            [acc.id, hashed, values.now_iso()],
        )
        audit.record(db, ctx.actor, "account", action="password", name=acc.name)


def change(
    db: Database,
    ctx: Ctx,
    name: str,
    *,
    role: str | None = None,
    full_name: str | None = None,
    agency: str | None = None,
    depots=None,
) -> Account:
    """Change an account's role, name, agency or depots (the administrator's right)."""
    policy.require(ctx, roles.USERS)
    acc = _require_account(db, name)
    new_role = parse_role(role) if role else acc.role
    agency_id = _resolve_agency(db, agency) if agency is not None else acc.agency_id
    depot_ids = _resolve_depots(db, depots) if depots is not None else list(acc.depot_ids)
    if new_role != "liaison" and agency is None:
        agency_id = None
    if new_role != "keeper" and depots is None:
        depot_ids = []
    _bindings(new_role, agency_id, depot_ids)
    if acc.role == "admin" and new_role != "admin" and _active_admins(db, _origin(db)) <= 1:
        raise BioError(tr("{name} is the only administrator left; add another first.",
                          name=acc.name))  # fmt: skip
    changes = {"role": new_role, "agency_id": agency_id, "depot_ids": json.dumps(depot_ids)}
    if full_name is not None:
        changes["full_name"] = values.bounded(full_name, "full_name", MAX_FULL_NAME)
    with write(db, ctx) as w:
        if w.update("account", acc.id, changes):
            audit.record(db, ctx.actor, "account", action="change", name=acc.name,
                         role=new_role)  # fmt: skip
    result = get(db, acc.id)
    assert result is not None
    return result
