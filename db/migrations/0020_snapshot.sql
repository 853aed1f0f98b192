-- 0020: a station loaded from a snapshot (desktop/sync/snapshot.py, snapshot_load.py).
--
-- A snapshot summarises the operations of each origin up to a signed head: the new
-- station holds their result (rows and row clocks), not the operations. What it keeps so
-- that `check`, `audit verify` and merges still work from that base, all local:

PRAGMA user_version = 20;

-- The snapshot loaded: its signed manifest, the signature and the signer's key, so that
-- check verifies the base again without the file.
CREATE TABLE snapshot_source (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    manifest  BLOB NOT NULL,
    signature BLOB NOT NULL,
    signer    TEXT NOT NULL,                  -- the exporting station's origin
    key       BLOB NOT NULL,                  -- its Ed25519 public key, raw 32 bytes
    loaded_at TEXT NOT NULL
);

-- Each origin's head the snapshot summarises: its chain continues from (seq, hash).
CREATE TABLE snapshot_base (
    origin TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL,
    hash   TEXT NOT NULL
) WITHOUT ROWID;

-- Each shared row as the snapshot held it: json [values, fields, seen, losers]; later
-- operations of the row are replayed over it (check, check --rebuild).
CREATE TABLE snapshot_row (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    state  TEXT NOT NULL,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

-- The summarised operations that rows' clocks still name (each field's version, each
-- losing version) and every operation of a deleted row: what merges and the list of
-- conflicts read (whose version, what it had seen). Not part of any chain here.
CREATE TABLE snapshot_op (
    origin  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    hlc     INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    kind    TEXT NOT NULL,
    tbl     TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    payload TEXT NOT NULL,
    bases   TEXT NOT NULL,
    hash    TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;
CREATE INDEX snapshot_op_row ON snapshot_op (tbl, row_id);
