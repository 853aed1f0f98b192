-- 0005: synchronization by file bundles (desktop/core/sync_keys.py, bundles.py).
-- Both tables are local: never synced, written outside the write path's guard.

-- Stations whose keys this station trusts (enrolled after comparing fingerprints).
-- acked: the version vector (JSON {origin: seq}) that station last told us it holds;
-- exports for it carry only what it lacks.
CREATE TABLE trusted_station (
    origin      TEXT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL,
    public_key  BLOB NOT NULL,            -- Ed25519, raw 32 bytes
    fingerprint TEXT NOT NULL,
    trusted_at  TEXT NOT NULL,
    revoked     INTEGER NOT NULL DEFAULT 0,
    revoked_at  TEXT,
    last_heard  TEXT,                     -- when its last bundle was imported
    acked       TEXT NOT NULL DEFAULT '{}'
) WITHOUT ROWID;

-- Every bundle written or imported here; `sequence` numbers this station's exports.
CREATE TABLE bundle_log (
    id          INTEGER PRIMARY KEY,
    direction   TEXT NOT NULL CHECK (direction IN ('out', 'in')),
    peer_origin TEXT,                     -- recipient (out; NULL: any) or sender (in)
    sequence    INTEGER NOT NULL,
    path        TEXT NOT NULL,
    ops         INTEGER NOT NULL,
    applied     INTEGER NOT NULL DEFAULT 0,
    known       INTEGER NOT NULL DEFAULT 0,
    deferred    INTEGER NOT NULL DEFAULT 0,
    sha256      TEXT NOT NULL,
    at          TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX bundle_log_peer ON bundle_log (direction, peer_origin, sequence);
