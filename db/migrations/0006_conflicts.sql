-- 0006: conflicts from bases (desktop/core/rowstate.py) and far-ahead clocks.
-- row_clock gains each row's causal past and its losing versions; opening the
-- database after this migration recomputes them from the oplog (check.rebuild_clocks).

ALTER TABLE row_clock ADD COLUMN seen TEXT NOT NULL DEFAULT '{}';
ALTER TABLE row_clock ADD COLUMN losers TEXT NOT NULL DEFAULT '{}';
CREATE INDEX row_clock_conflicts ON row_clock (tbl) WHERE losers != '{}';

CREATE TABLE clock_flag (
    origin   TEXT PRIMARY KEY,
    ahead_ms INTEGER NOT NULL,
    hlc      INTEGER NOT NULL,
    noted_at TEXT NOT NULL
) WITHOUT ROWID;
