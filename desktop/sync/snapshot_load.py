"""Loading a snapshot into a new station: hostile input until proven otherwise.

Each check a named refusal (SnapshotRefused.cause) that changes nothing:
1. the station: it holds no operation of another station (its own only for its
   administrator's account) — `has_ops`;
2. the file: its size, exactly the three entries, stored or deflated, not encrypted, the
   state's unpacked size within the signed one, a sane compression ratio (a zip bomb),
   room on the disk — `too_large`, `damaged`;
3. the manifest (1 MB at most): format, world (no drill), signer enrolled, not revoked and
   not this station, its signature, the recipient, the schema (equal to this station's),
   the reference data (equal) — `unknown_sender`, `revoked`, `own`, `tampered`,
   `not_for_us`, `schema`, `reference`;
4. state.db, unpacked with the limit and hashed as read against the signed sha256, then
   every table's digest recomputed against the signed one — `tampered`;
5. one durable transaction: rows, row clocks, the base (snapbase), the vector, the clock.
"""

import hashlib
import json
import os
import shutil
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from desktop.core import paths, reasons, values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import derived, figures, info, migrate, oplog, snapbase, tables
from desktop.core.store.handle import Database
from desktop.core.store.snapbase import FORMAT
from desktop.core.store.writepath import load_clock, save_clock, transaction
from desktop.sync import keys as sync_keys
from desktop.sync.bundles.wire import ZIP_DAMAGE, is_reference
from desktop.sync.snapshot import MANIFEST, SIGNATURE, STATE, clock_of

MAX_FILE = 8 << 30
MAX_STATE = 64 << 30
MAX_MANIFEST = 1 << 20
MAX_SIGNATURE = 256
MAX_RATIO = 64  # an SQLite file of this program deflates 3-6 times; zeros 1000 times
CHUNK = 1 << 20
LOAD_CACHE = -(256 << 10)  # KiB: 256 MB while loading


class SnapshotRefused(BioError):
    def __init__(self, cause: str, message: str):
        super().__init__(message)
        self.cause = cause


@dataclass
class LoadResult:
    sender: dict
    rows: int
    ops: int
    seconds: float


def _damaged(path, why: str = "") -> SnapshotRefused:
    return SnapshotRefused(
        "damaged",
        tr(
            "{path} is not a complete BioReserve snapshot (truncated or damaged); nothing "
            "was loaded.",
            path=path,
        )
        + (f" ({why})" if why else ""),
    )


def _too_large(path, what: str) -> SnapshotRefused:
    return SnapshotRefused(
        "too_large",
        tr(
            "{path} is refused: its {what} is larger than any snapshot BioReserve writes. "
            "Nothing was loaded.",
            path=path,
            what=what,
        ),
    )


def _tampered(path, what: str) -> SnapshotRefused:
    return SnapshotRefused(
        "tampered",
        tr(
            "{path} is tampered: {what} does not match what its exporter signed. Nothing "
            "was loaded.",
            path=path,
            what=what,
        ),
    )


def refuse_if_used(db: Database) -> None:
    """A snapshot loads only into a new station: no operation of another station, its own
    only for accounts (its administrator, made by init)."""
    own = sync_keys.own(db).origin
    other = [o for o in oplog.vector(db) if o != own and not is_reference(o)]
    used = db.execute(
        "SELECT 1 FROM oplog WHERE origin = ? AND tbl != 'account' LIMIT 1", [own]
    ).fetchone()
    if other or used or snapbase.loaded(db):
        raise SnapshotRefused(
            "has_ops",
            tr(
                "This station already holds operations; a snapshot loads only into a new "
                "station (bioreserve init, then sync load-snapshot). Nothing was loaded.",
            ),
        )


def _read_manifest(db: Database, path, archive: zipfile.ZipFile) -> tuple[dict, bytes, bytes]:
    _, text, signature = _read_entries(path, archive)
    return _verify(db, path, text, signature), text, signature


def _read_entries(path, archive: zipfile.ZipFile) -> tuple[dict, bytes, bytes]:
    """The entries (exactly the three, stored or deflated, not encrypted), the manifest's
    and the signature's bytes, each read within its limit."""
    infos = archive.infolist()
    names = [i.filename for i in infos]
    if sorted(names) != sorted([MANIFEST, STATE, SIGNATURE]):
        raise _damaged(path, tr("unexpected entries"))
    for i in infos:
        if i.flag_bits & 0x1 or i.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _damaged(path, tr("an unsupported compression"))
    entries = {i.filename: i for i in infos}
    if entries[MANIFEST].file_size > MAX_MANIFEST:
        raise _too_large(path, tr("manifest"))
    if entries[SIGNATURE].file_size > MAX_SIGNATURE:
        raise _too_large(path, tr("signature"))
    text = _bounded(archive, entries[MANIFEST], MAX_MANIFEST, path, tr("manifest"))
    signature = _bounded(archive, entries[SIGNATURE], MAX_SIGNATURE, path, tr("signature"))
    return entries, text, signature


def _bounded(archive, entry, limit, path, what) -> bytes:
    with archive.open(entry) as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(path, what)
    return data


def _parse(path, text: bytes) -> dict:
    try:
        manifest = json.loads(text.decode("utf-8"))
        origin = manifest["from"]["origin"]
        state = manifest["state"]
        if not (
            type(manifest) is dict
            and manifest.get("format") == FORMAT
            and type(origin) is str
            and type(state.get("bytes")) is int
            and 0 < state["bytes"] <= MAX_STATE
            and type(state.get("sha256")) is str
        ):
            raise ValueError("manifest")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise _damaged(path) from exc
    return manifest


def _structure(path, manifest: dict) -> dict:
    """The vector's and tables' types checked; the reference heads."""
    try:
        reference = {o: [s, h] for o, (s, h) in manifest["reference"].items()}
        for o, (s, h) in manifest["vector"].items():
            if type(o) is not str or type(s) is not int or s < 1 or type(h) is not str:
                raise ValueError("vector")
        for tbl in tables.SYNCED:
            count, digest = manifest["tables"][tbl]
            if type(count) is not int or type(digest) is not str:
                raise ValueError("tables")
        if not all(type(c) is str for c in manifest.get("classes", [])):
            raise ValueError("classes")
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _damaged(path) from exc
    return reference


def _signed_by(path, text: bytes, signature: bytes, key: bytes, code: str) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(key).verify(signature, text)
    except (InvalidSignature, ValueError) as exc:
        raise SnapshotRefused(
            "tampered",
            tr(
                "{path} is tampered or not signed: its signature does not match the key of "
                "station {code}. Nothing was loaded.",
                path=path,
                code=code,
            ),
        ) from exc


def check_manifest(path, text: bytes, signature: bytes, peer: dict) -> dict:
    """A manifest signed by the station of a key file (sync_keys.read_key), checked
    without a database: format, signer, signature, structure (init --from-snapshot)."""
    manifest = _parse(path, text)
    if manifest.get("drill") is not None:
        raise SnapshotRefused(
            "drill", tr("A drill's sandbox loads no snapshot; nothing was loaded.")
        )
    if manifest["from"]["origin"] != peer["origin"]:
        raise SnapshotRefused(
            "unknown_sender",
            tr(
                "{path} comes from station {code} ({origin}), not from the station of the "
                "key file given ({key_code}). Nothing was loaded.",
                path=path,
                code=str(manifest["from"].get("code", "?"))[:40],
                origin=str(manifest["from"]["origin"])[:40],
                key_code=peer["code"],
            ),
        )
    _signed_by(path, text, signature, peer["public_key"], peer["code"])
    _structure(path, manifest)
    return manifest


def _verify(db: Database, path, text: bytes, signature: bytes) -> dict:
    manifest = _parse(path, text)
    origin = manifest["from"]["origin"]
    if manifest.get("drill") is not None or info.drill_of(db) is not None:
        raise SnapshotRefused(
            "drill", tr("A drill's sandbox loads no snapshot; nothing was loaded.")
        )
    own = sync_keys.own(db)
    if origin == own.origin:
        raise SnapshotRefused("own", tr("{path} was made by this station itself.", path=path))
    row = db.execute(
        "SELECT code, public_key, revoked FROM trusted_station WHERE origin = ?", [origin]
    ).fetchone()
    if row is None:
        raise SnapshotRefused(
            "unknown_sender",
            tr(
                "{path} comes from station {code} ({origin}), whose key this station has not "
                "enrolled. Compare fingerprints and run `bioreserve sync trust` with its key "
                "file first; nothing was loaded.",
                path=path,
                code=str(manifest["from"].get("code", "?"))[:40],
                origin=origin[:40],
            ),
        )
    code, key, revoked = row
    if revoked:
        raise SnapshotRefused(
            "revoked",
            tr(
                "{path} comes from station {code}, whose key was revoked here.",
                path=path,
                code=code,
            ),
        )
    _signed_by(path, text, signature, key, code)
    to = manifest.get("to")
    if to is not None and to != own.origin:
        raise SnapshotRefused(
            "not_for_us",
            tr("{path} was made for another station; nothing was loaded.", path=path),
        )
    if manifest.get("schema") != migrate.current_version(db):
        raise SnapshotRefused(
            "schema",
            tr(
                "{path} was made by a BioReserve of another schema ({found}; this station has "
                "{known}): bring both to the same version first. Nothing was loaded.",
                path=path,
                found=manifest.get("schema"),
                known=migrate.current_version(db),
            ),
        )
    reference = _structure(path, manifest)
    mine = {o: [s, h] for o, s, h in db.execute("SELECT origin, seq, hash FROM vector")}
    if reference != {o: v for o, v in mine.items() if is_reference(o)}:
        raise SnapshotRefused(
            "reference",
            tr(
                "{path} was made with other reference data than this station holds (another "
                "BioReserve version); nothing was loaded.",
                path=path,
            ),
        )
    manifest["_key"] = bytes(key)
    return manifest


def _unpack(archive, entry, manifest: dict, target: Path, path) -> None:
    declared = manifest["state"]["bytes"]
    if max(declared, entry.file_size) > max(entry.compress_size, 1) * MAX_RATIO:
        raise _too_large(path, tr("compression ratio"))
    if entry.file_size != declared:
        raise _tampered(path, tr("the state's size"))
    free = shutil.disk_usage(target.parent).free
    if declared * 3 > free:
        raise SnapshotRefused(
            "disk",
            tr(
                "{path} needs about {need} MB free on the disk ({free} MB are); nothing was "
                "loaded.",
                path=path,
                need=declared * 3 >> 20,
                free=free >> 20,
            ),
        )
    h, size = hashlib.sha256(), 0
    with archive.open(entry) as stream, open(target, "wb") as out:
        while block := stream.read(CHUNK):
            size += len(block)
            if size > declared:
                raise _too_large(path, tr("state"))
            h.update(block)
            out.write(block)
    if size != declared or h.hexdigest() != manifest["state"]["sha256"]:
        raise _tampered(path, tr("the state"))


def _check_state(db: Database, manifest: dict, path) -> None:
    """The attached state: the tables this station has, each hashing to its digest."""
    conn = db.conn
    for tbl in (*tables.SYNCED, "row_clock", "snapshot_op"):
        found = [r[1] for r in conn.execute(f"PRAGMA snap.table_info({tbl})")]
        wanted = list(tables.columns(db, tbl))
        if found != wanted:
            raise _damaged(path, tr("the table {table}", table=tbl))
    conn.execute("CREATE INDEX snap.row_clock_row2 ON row_clock (tbl, row_id)")
    for tbl in tables.SYNCED:
        sql = (
            snapbase.state_sql(db, "snap", tbl)
            if tbl in tables.SHARED
            else snapbase.ledger_sql(db, "snap", tbl)
        )
        if list(snapbase.digest(db, sql)) != list(manifest["tables"][tbl]):
            raise _tampered(path, tr("the rows of {table}", table=tbl))
    if list(snapbase.digest(db, snapbase.ops_sql("snap"))) != list(manifest["past"]):
        raise _tampered(path, tr("the summarised operations"))
    if conn.execute(
        "SELECT 1 FROM snap.snapshot_op WHERE origin = 'REF' OR origin LIKE 'REF-%' LIMIT 1"
    ).fetchone():
        raise _damaged(path, tr("reference operations"))


def load(db: Database, path: Path, ctx: Ctx | None = None) -> LoadResult:
    """Verify a snapshot and load it into this new station, all or nothing."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    started = time.perf_counter()
    path = Path(path)
    refuse_if_used(db)
    work = None
    try:
        if os.path.getsize(path) > MAX_FILE:
            raise _too_large(path, tr("file"))
        with zipfile.ZipFile(path) as archive:
            manifest, text, signature = _read_manifest(db, path, archive)
            folder = Path(db.path).parent if db.path else Path(tempfile.gettempdir())
            work = Path(tempfile.mkdtemp(prefix=".snapshot-", dir=folder))
            state = paths.private_file(work / STATE)
            _unpack(archive, archive.getinfo(STATE), manifest, state, path)
    except OSError as exc:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    except ZIP_DAMAGE as exc:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        raise _damaged(path) from exc
    except BaseException:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
        raise
    conn = db.conn
    cache = conn.execute("PRAGMA main.cache_size").fetchone()[0]
    threads = conn.execute("PRAGMA threads").fetchone()[0]
    try:
        # a larger page cache, and a helper thread for the sorter, while the ledger's
        # indexes are built and its balances grouped (both given back after)
        conn.execute(f"PRAGMA main.cache_size = {LOAD_CACHE}")
        conn.execute("PRAGMA threads = 2")
        conn.execute("ATTACH DATABASE ? AS snap", [str(state)])
        try:
            try:
                _check_state(db, manifest, path)
            except Exception as exc:
                if isinstance(exc, BioError):
                    raise
                raise _damaged(path) from exc
            rows = _apply(db, manifest, text, signature)
        finally:
            conn.execute("DETACH DATABASE snap")
    finally:
        conn.execute(f"PRAGMA main.cache_size = {int(cache)}")
        conn.execute(f"PRAGMA threads = {int(threads)}")
        shutil.rmtree(work, ignore_errors=True)
    return LoadResult(
        {k: manifest["from"].get(k) for k in ("origin", "code", "name")},
        rows,
        sum(v[0] for v in manifest["vector"].values()),
        time.perf_counter() - started,
    )


def _apply(db: Database, manifest: dict, text: bytes, signature: bytes) -> int:
    conn = db.conn
    rows = 0
    touches = ("row_clock", "vector", "snapshot_source", "snapshot_base", "snapshot_row",
               "stock_balance", "item_stock", "usable_stock",
               "snapshot_op", "trusted_station", "clock")  # fmt: skip
    with transaction(db, durable=True, touches=touches):
        refuse_if_used(db)  # again, under the write lock
        for tbl in tables.SHARED:
            conn.touched.add(tbl)
            names = tables.columns(db, tbl)
            listed = ", ".join(names)
            update = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
            cursor = conn.execute(
                f"INSERT INTO main.{tbl} ({listed}) SELECT {listed} FROM snap.{tbl} "
                f"WHERE true ORDER BY rowid ON CONFLICT (id) DO UPDATE SET {update}"
            )
            rows += cursor.rowcount
        rows += _ledger(db)
        conn.execute(
            "INSERT INTO main.row_clock (tbl, row_id, fields, seen, losers) "
            "SELECT tbl, row_id, fields, seen, losers FROM snap.row_clock WHERE true "
            "ON CONFLICT (tbl, row_id) DO UPDATE SET fields = excluded.fields, "
            "seen = excluded.seen, losers = excluded.losers"
        )
        for tbl in tables.SHARED:
            conn.execute(
                "INSERT INTO snapshot_row (tbl, row_id, state) SELECT ?, t.id, "
                f"json_array({snapbase.columns_json(db, tbl, 't')}, json(c.fields), "
                f"json(c.seen), json(c.losers)) FROM snap.{tbl} t LEFT JOIN snap.row_clock c "
                "ON c.tbl = ? AND c.row_id = t.id",
                [tbl, tbl],
            )
        conn.execute(
            f"INSERT INTO snapshot_op ({oplog.COLUMNS}) "
            f"SELECT {oplog.COLUMNS} FROM snap.snapshot_op"
        )
        heads = {**manifest["reference"], **manifest["vector"]}
        conn.executemany(
            "INSERT INTO snapshot_base (origin, seq, hash) VALUES (?, ?, ?)",
            [(o, s, h) for o, (s, h) in heads.items()],
        )
        for origin, (seq, digest) in manifest["vector"].items():
            oplog.advance(db, origin, seq, digest)
        signer = manifest["from"]["origin"]
        conn.execute(
            "INSERT INTO snapshot_source (id, manifest, signature, signer, key, loaded_at) "
            "VALUES (1, ?, ?, ?, ?, ?)",
            [text, signature, signer, manifest["_key"], values.now_iso()],
        )
        acked = {o: s for o, (s, _) in manifest["vector"].items()}
        conn.execute(
            "UPDATE trusted_station SET acked = ?, last_heard = ? WHERE origin = ?",
            [oplog.dumps(acked), values.now_iso(), signer],
        )
        clock = load_clock(db)
        stamp = clock_of(manifest)
        if stamp and stamp <= clock.last_adoptable():
            clock.receive(stamp)
        save_clock(db, clock)
        derived.rebuild(db)
        derived.rebuild_words(db)
    return rows


def _ledger(db: Database) -> int:
    """The ledger rows, in bulk: the station is new (refuse_if_used), so its ledger is
    empty. The ledger's triggers (the write-path guard, the balance trigger) and secondary
    indexes are set aside while its rows go in, in id order, and put back as they were
    (the same SQL text): building an index sorts once, inserting into four indexes row by
    row does not. The balances and item stock are then computed from the movements with
    one GROUP BY each (their own triggers set aside too), the usable stock and the figures
    of 总览 from them, as `check --rebuild` does. All inside the load's transaction: a
    refusal, an error or a crash leaves triggers and indexes as they were, and other
    connections never see them missing."""
    conn = db.conn
    rows = 0
    for tbl in tables.LEDGER:
        conn.touched.add(tbl)
        if conn.execute(f"SELECT 1 FROM main.{tbl} LIMIT 1").fetchone():
            raise RuntimeError(f"{tbl} is not empty")  # refuse_if_used makes this unreachable
        aside = _set_aside(db, tbl, ("index", "trigger"))
        listed = ", ".join(tables.columns(db, tbl))
        cursor = conn.execute(
            f"INSERT INTO main.{tbl} ({listed}) SELECT {listed} FROM snap.{tbl} ORDER BY rowid"
        )
        rows += cursor.rowcount
        _put_back(db, aside)
    aside = _set_aside(db, "stock_balance", ("trigger",))
    aside += _set_aside(db, "item_stock", ("trigger",))
    conn.execute("DELETE FROM stock_balance")
    conn.execute(
        "INSERT INTO stock_balance (depot_id, item_id, lot_id, qty) "
        "SELECT depot_id, item_id, lot_id, sum(qty) FROM stock_move "
        "GROUP BY depot_id, item_id, lot_id"
    )
    conn.execute("DELETE FROM item_stock")
    conn.execute(
        "INSERT INTO item_stock (depot_id, item_id, qty) "
        "SELECT depot_id, item_id, sum(qty) FROM stock_balance GROUP BY depot_id, item_id"
    )
    _put_back(db, aside)
    derived.rebuild_usable_stock(db)
    figures.rebuild(db)
    return rows


def _set_aside(db: Database, tbl: str, kinds: tuple[str, ...]) -> list[str]:
    """Drop a table's indexes or triggers (made by the schema, not its key's own index);
    their SQL, indexes before triggers, to put them back."""
    marks = ", ".join("?" * len(kinds))
    aside = db.execute(
        f"SELECT type, name, sql FROM main.sqlite_master WHERE tbl_name = ? AND type IN "
        f"({marks}) AND sql IS NOT NULL ORDER BY type, name",
        [tbl, *kinds],
    ).fetchall()
    for kind, name, _ in aside:
        db.execute(f'DROP {kind.upper()} main."{name}"')
    return [sql for _, _, sql in aside]


def _put_back(db: Database, aside: list[str]) -> None:
    for sql in aside:
        db.execute(sql)
