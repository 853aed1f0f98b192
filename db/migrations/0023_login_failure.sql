-- 0023: failed logins under a name no account has are counted and lock as an account's do
-- (desktop/core/access/login.py), so the fifth wrong try says "locked" whether or not the
-- name exists: the refusal never tells which names are accounts. Local, never synced.

PRAGMA user_version = 23;

CREATE TABLE login_failure (
    name         TEXT PRIMARY KEY,              -- as typed, in lower case
    failures     INTEGER NOT NULL DEFAULT 0,    -- in a row
    locked_until TEXT,                          -- ISO time; NULL when not locked
    at           TEXT NOT NULL                  -- the last failure: rows a day old are dropped
) WITHOUT ROWID;
