-- 0014: what this station imported from spreadsheets (local, never synced): each import's
-- file by its content hash, and for kinds whose rows add to what is there (stock receipts)
-- each row's batch, so that the same file or the same receipts are not imported twice by
-- mistake (desktop/core/imports/fingerprints.py).

CREATE TABLE import_log (
    id      INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,                    -- items | depots | stock | norms | experts
    sha256  TEXT NOT NULL,                    -- the file's bytes
    file    TEXT NOT NULL,                    -- its name when imported
    rows    INTEGER NOT NULL,                 -- rows written
    actor   TEXT NOT NULL,
    at      TEXT NOT NULL
);
CREATE INDEX import_log_file ON import_log (kind, sha256);

-- One row of an import by its batch (a digest of, for a stock receipt, depot, lot,
-- quantity and dates).
CREATE TABLE import_row (
    digest    BLOB NOT NULL,                  -- 16 bytes of sha256
    import_id INTEGER NOT NULL REFERENCES import_log (id) DEFERRABLE INITIALLY DEFERRED,
    PRIMARY KEY (digest, import_id)
) WITHOUT ROWID;
