-- 0018: bundles leave personal rows out for stations not entitled to them
-- (desktop/sync/entitlement.py, desktop/sync/bundles/).
--
-- An administrator entitles each trusted station to the classes of personal rows this
-- station sends it: roster (expert, expert_qualification, incident_expert, drill_person)
-- and monitoring (monitor_person, a monitor_result of a person). A station trusted from
-- now on is entitled to nothing until the administrator says so (`sync trust --entitle`,
-- `sync entitle`); stations trusted before this version keep receiving everything, as
-- they did. All local.

PRAGMA user_version = 18;

CREATE TABLE station_entitlement (
    origin     TEXT NOT NULL,              -- a trusted station
    class      TEXT NOT NULL CHECK (class IN ('roster', 'monitoring')),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL DEFAULT '',   -- the administrator's actor
    PRIMARY KEY (origin, class)
) WITHOUT ROWID;

INSERT INTO station_entitlement (origin, class, granted_at, granted_by)
SELECT origin, c.class, trusted_at, 'migration 0018'
FROM trusted_station, (SELECT 'roster' AS class UNION ALL SELECT 'monitoring') AS c
WHERE revoked = 0;

-- Operations of other stations this station holds only as a commitment: their place in
-- their origin's hash chain (origin, seq), stamp, class and hash, never their content.
-- hash is '' where no operation after it was received to bind it (a run of withheld
-- operations: only the last one's hash is vouched for). The real operation replaces the
-- row when it arrives from an entitled station and hashes to the committed hash.
CREATE TABLE withheld_op (
    origin TEXT NOT NULL,
    seq    INTEGER NOT NULL,
    hlc    INTEGER NOT NULL,
    class  TEXT NOT NULL,
    hash   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- Heads an origin signed just before its personal operations ("BRH1|origin|seq|hash"):
-- with them a relay can send a station not entitled to those operations everything up
-- to each of them, and the receiver still checks every operation it gets against its
-- origin's signature. Kept for good (signed_head keeps only the newest).
CREATE TABLE signed_mark (
    origin    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    signature BLOB NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;

-- What each trusted station said (in its last bundle) it holds only as withheld
-- operations, as ranges of sequence numbers with the classes in them: a station entitled
-- to them is sent the real operations.
CREATE TABLE peer_withheld (
    peer    TEXT NOT NULL,
    origin  TEXT NOT NULL,
    first   INTEGER NOT NULL,
    last    INTEGER NOT NULL,
    classes TEXT NOT NULL DEFAULT '[]',    -- JSON list
    PRIMARY KEY (peer, origin, first)
) WITHOUT ROWID;
