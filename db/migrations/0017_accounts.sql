-- 0017: users, roles and the audit trail (desktop/core/access/).
--
-- `account` is synced: every station knows who acted where (an operation's actor is
-- `user:<name>` and its origin the station the account belongs to), and creating,
-- changing or disabling an account is itself an operation in the hash-chained oplog.
-- Credentials never leave the station: the password hash, failed logins and lockout
-- live in the local `account_secret`; CLI login tokens (their sha256) in `session`.

CREATE TABLE account (
    id         TEXT PRIMARY KEY,                -- uuid5(station origin | name)
    station    TEXT NOT NULL,                   -- origin of the station it logs in at
    name       TEXT NOT NULL,                   -- login name
    full_name  TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT 'viewer',  -- admin | coordinator | keeper | liaison | controller | viewer
    agency_id  TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,  -- 成员单位联络员
    depot_ids  TEXT NOT NULL DEFAULT '[]',      -- 仓库管理员: the depots it keeps
    disabled   INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX account_name ON account (station, name);

CREATE TRIGGER account_guard_insert BEFORE INSERT ON account
BEGIN SELECT RAISE(ABORT, 'account: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER account_guard_update BEFORE UPDATE ON account
BEGIN SELECT RAISE(ABORT, 'account: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER account_no_delete BEFORE DELETE ON account
BEGIN SELECT RAISE(ABORT, 'account: rows are never deleted; the write path sets deleted = 1'); END;

-- Local: the password hash (argon2id, its parameters in the string), failed logins in a
-- row and the lockout they set.
CREATE TABLE account_secret (
    account_id   TEXT PRIMARY KEY,
    hash         TEXT NOT NULL,
    failures     INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,                          -- ISO time; NULL when not locked
    changed_at   TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;

-- Local: CLI sessions (`login`): the sha256 of the token the owner's file holds; a session
-- ends when unused for the idle time, or at `logout`.
CREATE TABLE session (
    token_hash   TEXT PRIMARY KEY,
    account_id   TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_used_ms INTEGER NOT NULL
) WITHOUT ROWID;

-- Local, append-only and hash-chained like the oplog: logins, failed logins, lockouts,
-- logouts, idle locks, account changes, exports of personal data, unmasking, backups and
-- restores. hash = sha256(previous hash | seq | at | actor | kind | detail).
CREATE TABLE audit_event (
    seq    INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,                       -- local time with offset
    actor  TEXT NOT NULL,                       -- user:<name>, or the name tried
    kind   TEXT NOT NULL,
    detail TEXT NOT NULL DEFAULT '{}',          -- JSON
    hash   TEXT NOT NULL
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event: the audit log is never changed'); END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN SELECT RAISE(ABORT, 'audit_event: the audit log is never deleted'); END;

-- Local: signed checkpoints of the chains' heads (this station's oplog origin and the audit
-- log), signed with the station's Ed25519 key, whose sealing key is not in the database:
-- whoever rewrites a chain with raw SQL cannot sign its new head.
CREATE TABLE audit_seal (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    origin    TEXT NOT NULL,
    op_seq    INTEGER NOT NULL,
    op_hash   TEXT NOT NULL,
    audit_seq INTEGER NOT NULL,
    audit_hash TEXT NOT NULL,
    signature TEXT NOT NULL                      -- base64 Ed25519 over the fields above
);
CREATE TRIGGER audit_seal_no_update BEFORE UPDATE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal: seals are never changed'); END;
CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
BEGIN SELECT RAISE(ABORT, 'audit_seal: seals are never deleted'); END;
