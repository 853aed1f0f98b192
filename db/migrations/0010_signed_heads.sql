-- 0010: operations vouched for by their origin. Each station signs the head of its own
-- chain (origin, seq, hash) whenever it exports; relays carry those signed heads, and a
-- station applies another station's operations only up to a head that station signed.
-- Both tables are local.

-- Heads of other stations' chains (and this station's own) as their origin signed them:
-- what this station may relay, and the proof it passes on with the operations.
CREATE TABLE signed_head (
    origin    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    signature BLOB NOT NULL,             -- Ed25519 by the origin over "BRH1|origin|seq|hash"
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- Bundles refused here (from a file or a hub), with the cause: a refused bundle is
-- recorded and passed over, so one bad bundle never stops a station's synchronization.
CREATE TABLE bundle_refused (
    id       INTEGER PRIMARY KEY,
    source   TEXT NOT NULL,              -- the file, or the hub's address and bundle id
    sender   TEXT NOT NULL DEFAULT '',   -- the sender as the manifest names it, if readable
    sha256   TEXT NOT NULL DEFAULT '',
    cause    TEXT NOT NULL,              -- damaged | unknown_sender | tampered | forged | …
    message  TEXT NOT NULL,
    at       TEXT NOT NULL
);
