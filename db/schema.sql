-- BioReserve database schema: every table, index, view and trigger.
-- The single source of truth for a new database; older databases are brought
-- here by the numbered files in db/migrations/ (see desktop/core/migrate.py).
--
-- Three kinds of table:
--   synced  rows that every station must see; written only by the write path
--           (desktop/core/writepath.py), which stores each change together with
--           an operation in `oplog`. Identity: UUID text. Never deleted: a
--           delete sets `deleted = 1` (a tombstone).
--   ledger  synced, insert-only facts (stock movements); never updated.
--   local   this station's own state and tables derived from the facts
--           (balances, row clocks); never synced, rebuildable.
--
-- The guard: each synced table has BEFORE triggers that call br_in_write_path(),
-- an SQL function only BioReserve's own connections register. Inside the write
-- path it returns 1; anywhere else 0 (refused), and a foreign connection such
-- as the sqlite3 shell gets "no such function" and cannot write either.

PRAGMA user_version = 24;

-- ---------------------------------------------------------------- local state

CREATE TABLE station (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    origin      TEXT NOT NULL,            -- this station's id in the oplog
    code        TEXT NOT NULL,            -- human code, e.g. HY-CITY; used in order numbers
    name        TEXT NOT NULL,
    public_key  BLOB NOT NULL,            -- Ed25519, raw 32 bytes
    private_key BLOB NOT NULL,            -- Ed25519, raw 32 bytes
    created_at  TEXT NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- The last hybrid-logical-clock stamp issued or received (desktop/core/hlc.py).
CREATE TABLE clock (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    hlc INTEGER NOT NULL
);
INSERT INTO clock (id, hlc) VALUES (1, 0);

-- ---------------------------------------------------------------- operations

-- Append-only log of every change to synced data; also the audit trail.
-- Each origin's operations form a hash chain: hash = sha256(previous hash + op).
-- Inserts are not guarded by a trigger (measured at ~12 µs per operation, a quarter of
-- an import): an operation written beside the write path changes no row, and `check`
-- reports it (a row that differs from its operations, or a broken chain).
CREATE TABLE oplog (
    origin  TEXT NOT NULL,
    seq     INTEGER NOT NULL,
    hlc     INTEGER NOT NULL,
    actor   TEXT NOT NULL,
    kind    TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
    tbl     TEXT NOT NULL,
    row_id  TEXT NOT NULL,
    payload TEXT NOT NULL,                -- JSON object of the fields set
    bases   TEXT NOT NULL DEFAULT '[]',   -- JSON list of "origin:seq" the edit was made from
    hash    TEXT NOT NULL,
    PRIMARY KEY (origin, seq)
) WITHOUT ROWID;
CREATE INDEX oplog_row ON oplog (tbl, row_id);

-- The newest operation known from each origin: the version vector that makes
-- exports incremental and serves as acknowledgement. Derived from oplog; kept
-- by the write path once per transaction (a per-row trigger doubled the cost
-- of bulk writes).
CREATE TABLE vector (
    origin TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL,
    hash   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER oplog_no_update BEFORE UPDATE ON oplog
BEGIN SELECT RAISE(ABORT, 'oplog: operations are never changed'); END;
CREATE TRIGGER oplog_no_delete BEFORE DELETE ON oplog
BEGIN SELECT RAISE(ABORT, 'oplog: operations are never deleted'); END;

-- Per shared row (desktop/core/rowstate.py): the stamp of the operation that
-- last set each field (field-level last-writer-wins), the row's causal past that a
-- new edit names as its bases, and the versions that lost to a concurrent edit
-- (conflicts). Derived from the oplog; `check --rebuild`.
CREATE TABLE row_clock (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    fields TEXT NOT NULL,                 -- JSON {field: [hlc, origin, seq]}
    seen   TEXT NOT NULL DEFAULT '{}',    -- JSON {origin: seq}
    losers TEXT NOT NULL DEFAULT '{}',    -- JSON {field: [[hlc, origin, seq, value, {origin: seq}]]}
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;
CREATE INDEX row_clock_conflicts ON row_clock (tbl) WHERE losers != '{}';

-- ---------------------------------------------------------------- reference data (synced)

CREATE TABLE division (
    id      TEXT PRIMARY KEY,
    code    TEXT NOT NULL,                -- GB/T 2260, e.g. 430422
    name    TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    level   TEXT NOT NULL DEFAULT '',     -- city | district | county | county_city | zone
    parent  TEXT,                         -- parent division code
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX division_code ON division (code);

CREATE TABLE agency (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    short_name  TEXT NOT NULL DEFAULT '',
    name_en     TEXT NOT NULL DEFAULT '',
    level       TEXT NOT NULL DEFAULT 'city',   -- city | county
    division    TEXT,                           -- division code
    role        TEXT NOT NULL DEFAULT '',       -- responsibilities as the plan states them
    contact     TEXT NOT NULL DEFAULT '',
    duty_phone  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX agency_code ON agency (code);

CREATE TABLE category (
    id      TEXT PRIMARY KEY,
    code    TEXT NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    scheme  TEXT NOT NULL DEFAULT 'practical',  -- gbt38565 | practical
    parent  TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX category_code ON category (code);

CREATE TABLE unit (
    id      TEXT PRIMARY KEY,
    name    TEXT NOT NULL,
    name_en TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE specialty (
    id      TEXT PRIMARY KEY,
    code    TEXT NOT NULL,
    name    TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX specialty_code ON specialty (code);

-- ---------------------------------------------------------------- reserves (synced)

CREATE TABLE depot (
    id        TEXT PRIMARY KEY,
    code      TEXT NOT NULL,
    name      TEXT NOT NULL DEFAULT '',
    division  TEXT,                       -- division code
    agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    level     TEXT NOT NULL DEFAULT '',   -- 市级储备库 | 县级储备库 | 医疗机构 | 协议储备
    address   TEXT NOT NULL DEFAULT '',
    contact   TEXT NOT NULL DEFAULT '',
    phone     TEXT NOT NULL DEFAULT '',
    notes     TEXT NOT NULL DEFAULT '',
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX depot_code ON depot (code);

CREATE TABLE item (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    spec        TEXT NOT NULL DEFAULT '',         -- 规格型号
    unit        TEXT NOT NULL DEFAULT '',         -- base unit; quantities are integers in it
    pack_size   INTEGER NOT NULL DEFAULT 1,       -- base units per pack (carton)
    category    TEXT,                             -- practical category code
    gbt_code    TEXT,                             -- GB/T 38565 7-digit code
    shelf_life  INTEGER NOT NULL DEFAULT 1,       -- expiry managed (1) or not (0)
    storage     TEXT NOT NULL DEFAULT '常温',     -- 常温 | 阴凉 | 冷链
    notes       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0,
    pack_unit   TEXT NOT NULL DEFAULT '箱'       -- the pack pack_size counts, e.g. 箱
);
CREATE INDEX item_code ON item (code);
CREATE INDEX item_category ON item (category);

CREATE TABLE lot (
    id           TEXT PRIMARY KEY,
    item_id      TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    batch_no     TEXT NOT NULL DEFAULT '',
    manufacturer TEXT NOT NULL DEFAULT '',
    produced_on  TEXT,                            -- ISO date
    expires_on   TEXT,                            -- ISO date; NULL when shelf life is not managed
    status       TEXT NOT NULL DEFAULT '合格',    -- 合格 | 待检 | 冻结 | 报废
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX lot_item ON lot (item_id, expires_on);
CREATE INDEX lot_expiry ON lot (expires_on);
-- Lots held back from issue (待检, 冻结, 报废): few, found without a scan.
CREATE INDEX lot_held_back ON lot (status) WHERE status != '合格';

-- The stock ledger: insert-only facts. Balance = sum of qty.
CREATE TABLE stock_move (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,               -- receive | issue | transfer_out | transfer_in | count | writeoff
    depot_id    TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    item_id     TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id      TEXT NOT NULL REFERENCES lot (id) DEFERRABLE INITIALLY DEFERRED,
    qty         INTEGER NOT NULL,            -- signed, base units
    reason      TEXT NOT NULL DEFAULT '',
    ref         TEXT NOT NULL DEFAULT '',    -- order number, count sheet, …
    occurred_at TEXT NOT NULL,               -- ISO-8601 with zone
    note        TEXT NOT NULL DEFAULT ''
);
-- The ledger pages by time (the moment in UTC, whatever offset a station wrote), newest
-- first, then by rowid, within a depot or an item or over all: each index ends in the
-- time and the rowid, so a page is an index range, not a scan or a sort.
CREATE INDEX stock_move_depot ON stock_move (depot_id, datetime(occurred_at));
CREATE INDEX stock_move_lot ON stock_move (lot_id);
CREATE INDEX stock_move_item ON stock_move (item_id, datetime(occurred_at));
CREATE INDEX stock_move_time ON stock_move (datetime(occurred_at));

-- Reserve norms (储备定额) per depot × item. The id is derived from the pair, so two
-- stations setting the same norm edit one row.
CREATE TABLE norm (
    id       TEXT PRIMARY KEY,
    depot_id TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    item_id  TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    qty      INTEGER NOT NULL DEFAULT 0,  -- base units
    deleted  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX norm_depot_item ON norm (depot_id, item_id);
CREATE INDEX norm_item ON norm (item_id);

-- Transfers between depots: out of the source at dispatch (transfer_out movement),
-- in transit until received (transfer_in movement of the quantity that arrived;
-- any difference recorded with its reason).
CREATE TABLE transfer (
    id           TEXT PRIMARY KEY,
    from_depot   TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    to_depot     TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    item_id      TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id       TEXT NOT NULL REFERENCES lot (id) DEFERRABLE INITIALLY DEFERRED,
    qty_sent     INTEGER NOT NULL DEFAULT 0,
    qty_received INTEGER,                 -- NULL while in transit
    status       TEXT NOT NULL DEFAULT 'in_transit',  -- in_transit | received
    sent_at      TEXT NOT NULL DEFAULT '',
    received_at  TEXT,
    reason       TEXT NOT NULL DEFAULT '', -- why received differs from sent
    ref          TEXT NOT NULL DEFAULT '', -- order number, rotation, …
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX transfer_open ON transfer (status, to_depot);

-- ---------------------------------------------------------------- roster (synced)

CREATE TABLE expert (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL DEFAULT '',
    gender       TEXT NOT NULL DEFAULT '',
    organisation TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    specialties  TEXT NOT NULL DEFAULT '[]',  -- JSON list of specialty codes
    division     TEXT,
    mobile       TEXT NOT NULL DEFAULT '',
    office_phone TEXT NOT NULL DEFAULT '',
    availability TEXT NOT NULL DEFAULT 'available',  -- available | on_mission | unavailable
    notes        TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0,
    unavailable_from TEXT,                -- ISO dates; availability = unavailable
    unavailable_to   TEXT
);
CREATE INDEX expert_name ON expert (name);

-- ---------------------------------------------------------------- derived (local)

-- Balance per depot × item × lot, kept by the trigger below and rebuilt from
-- stock_move by `check --rebuild`.
CREATE TABLE stock_balance (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    lot_id   TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id, lot_id)
) WITHOUT ROWID;
CREATE INDEX stock_balance_item ON stock_balance (item_id, depot_id);
CREATE INDEX stock_balance_lot ON stock_balance (lot_id);

-- Pinyin of item names for search-as-you-type ("kz" finds 口罩); kept by the
-- write path (desktop/core/derived.py) and rebuilt by `check --rebuild`.
CREATE TABLE item_search (
    item_id  TEXT PRIMARY KEY,
    initials TEXT NOT NULL,   -- first letters, e.g. yyfhkz
    pinyin   TEXT NOT NULL    -- full syllables run together, e.g. yiyongfanghukouzhao
) WITHOUT ROWID;

-- Stock per depot × item (the sum of its lots), kept by the same trigger: lists of
-- balances page through it in index order instead of grouping every lot.
CREATE TABLE item_stock (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;

CREATE TRIGGER stock_move_balance AFTER INSERT ON stock_move
BEGIN
    INSERT INTO stock_balance (depot_id, item_id, lot_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.lot_id, NEW.qty)
    ON CONFLICT (depot_id, item_id, lot_id) DO UPDATE SET qty = qty + excluded.qty;
    INSERT INTO item_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id, NEW.qty)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

-- Usable stock per depot × item, for norm compliance and the norm alerts: what the lots
-- that are released (合格) and unexpired on usable_stock_day.day hold; a held-back or
-- expired lot counts only with a negative balance (item_stock less the positive balances
-- of unusable lots). Kept in the same transaction as its facts by the triggers below
-- (balances, lot status and expiry); a query for another day corrects it by the few lots
-- whose expiry lies between the two days and moves the day on (desktop/core/derived.py).
-- Rebuilt by `check --rebuild`.
CREATE TABLE usable_stock (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    qty      INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;

-- The day usable_stock is computed for: lots with expires_on < day count as expired.
CREATE TABLE usable_stock_day (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    day TEXT NOT NULL
);
INSERT INTO usable_stock_day (id, day) VALUES (1, '0000-01-01');

CREATE TRIGGER stock_balance_usable_insert AFTER INSERT ON stock_balance
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) ELSE NEW.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

-- A balance moved: the usable stock (released, unexpired lots; the others count below zero
-- only).
CREATE TRIGGER stock_balance_usable_update AFTER UPDATE OF qty ON stock_balance
WHEN OLD.qty != NEW.qty
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    VALUES (NEW.depot_id, NEW.item_id,
            CASE WHEN EXISTS (SELECT 1 FROM lot l, usable_stock_day s WHERE l.id = NEW.lot_id
                              AND NOT (l.status = '合格' AND (l.expires_on IS NULL OR l.expires_on >= s.day)))
                 THEN min(NEW.qty, 0) - min(OLD.qty, 0) ELSE NEW.qty - OLD.qty END)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

-- A lot that arrives held back or expired after its balances (a merge may apply a
-- movement before its lot), or whose status or expiry changes: its positive balances
-- leave or join the usable stock.
CREATE TRIGGER lot_usable_insert AFTER INSERT ON lot
WHEN NOT (NEW.status = '合格' AND (NEW.expires_on IS NULL
          OR NEW.expires_on >= (SELECT day FROM usable_stock_day)))
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    SELECT depot_id, item_id, -qty FROM stock_balance WHERE lot_id = NEW.id AND qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

CREATE TRIGGER lot_usable_update AFTER UPDATE OF status, expires_on ON lot
WHEN (OLD.status = '合格' AND (OLD.expires_on IS NULL
      OR OLD.expires_on >= (SELECT day FROM usable_stock_day)))
  IS NOT (NEW.status = '合格' AND (NEW.expires_on IS NULL
      OR NEW.expires_on >= (SELECT day FROM usable_stock_day)))
BEGIN
    INSERT INTO usable_stock (depot_id, item_id, qty)
    SELECT depot_id, item_id,
           CASE WHEN NEW.status = '合格' AND (NEW.expires_on IS NULL
                OR NEW.expires_on >= (SELECT day FROM usable_stock_day)) THEN qty ELSE -qty END
    FROM stock_balance WHERE lot_id = NEW.id AND qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET qty = qty + excluded.qty;
END;

-- Aggregates for 总览, the alert counts and norm compliance (migration 0019): kept in step
-- by the triggers below and by desktop/core/store/figures.py (norms, items, depots);
-- rebuilt by `check --rebuild`, compared with their facts by `check`.

-- Per depot: the items it holds (a positive balance of some lot) and the balances below
-- zero. Both change only when a balance crosses zero (the units held are item_stock's sum
-- less the negative balances, summed when asked).
CREATE TABLE depot_stock (
    depot_id  TEXT PRIMARY KEY,
    items     INTEGER NOT NULL DEFAULT 0,
    negatives INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Lots with a positive balance per depot × item, and depots holding each lot: the counts
-- whose crossing of zero moves depot_stock.items and stock_totals.lots.
CREATE TABLE held_item (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    lots     INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;
CREATE TABLE held_lot (
    lot_id TEXT PRIMARY KEY,
    depots INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE stock_totals (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    lots INTEGER NOT NULL                     -- lots with a positive balance somewhere
);
INSERT INTO stock_totals (id, lots) VALUES (1, 0);

-- Positive balances per expiry day × depot (lots with an expiry date): positions (depot ×
-- lot), which change only when a balance crosses zero (0024). Near expiry and expired are
-- day ranges of it, taken at query time.
CREATE TABLE expiry_stock (
    expires_on TEXT NOT NULL,
    depot_id   TEXT NOT NULL,
    positions  INTEGER NOT NULL,
    PRIMARY KEY (expires_on, depot_id)
) WITHOUT ROWID;

-- The balances below zero (预警's reconciliation list): few, found without a scan.
CREATE INDEX stock_balance_negative ON stock_balance (depot_id) WHERE qty < 0;

-- The norm lines that count (norm > 0, not deleted; depot and item present and not
-- deleted) with the usable stock held against them up to the norm (held = min(max(
-- usable_stock.qty, 0), norm): it moves only while a line is short, so a movement of an item
-- whose norm stays met writes no norm line — migration 0022), and their sums per depot ×
-- category (category '' for none): lines, met (held = norm), short (0 < held < norm), out
-- (held = 0), ratio = Σ held / norm in units of 10^-12.
CREATE TABLE norm_line (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    category TEXT NOT NULL,
    norm     INTEGER NOT NULL,
    held     INTEGER NOT NULL,
    PRIMARY KEY (depot_id, item_id)
) WITHOUT ROWID;
CREATE INDEX norm_line_item ON norm_line (item_id);
CREATE TABLE norm_group (
    depot_id TEXT NOT NULL,
    category TEXT NOT NULL,
    lines    INTEGER NOT NULL,
    met      INTEGER NOT NULL,
    short    INTEGER NOT NULL,
    out      INTEGER NOT NULL,
    ratio    INTEGER NOT NULL,
    PRIMARY KEY (depot_id, category)
) WITHOUT ROWID;

CREATE TRIGGER stock_balance_figures_insert AFTER INSERT ON stock_balance
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT l.expires_on, NEW.depot_id, 1 FROM lot l
    WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL AND NEW.qty > 0
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + 1;
    INSERT INTO held_item (depot_id, item_id, lots) SELECT NEW.depot_id, NEW.item_id, 1
    WHERE NEW.qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + 1;
    INSERT INTO held_lot (lot_id, depots) SELECT NEW.lot_id, 1 WHERE NEW.qty > 0
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + 1;
    INSERT INTO depot_stock (depot_id, negatives) SELECT NEW.depot_id, 1 WHERE NEW.qty < 0
    ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + 1;
END;

-- A balance crossing zero: the lots held, the depots holding a lot, the positions of its
-- expiry day, the balances below zero.
CREATE TRIGGER stock_balance_held_update AFTER UPDATE OF qty ON stock_balance
WHEN (OLD.qty > 0) != (NEW.qty > 0) OR (OLD.qty < 0) != (NEW.qty < 0)
BEGIN
    INSERT INTO held_item (depot_id, item_id, lots)
    SELECT NEW.depot_id, NEW.item_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + excluded.lots;
    INSERT INTO held_lot (lot_id, depots)
    SELECT NEW.lot_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + excluded.depots;
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT l.expires_on, NEW.depot_id, iif(NEW.qty > 0, 1, -1) FROM lot l
    WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL AND (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
    INSERT INTO depot_stock (depot_id, negatives)
    SELECT NEW.depot_id, iif(NEW.qty < 0, 1, -1) WHERE (OLD.qty < 0) != (NEW.qty < 0)
    ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + excluded.negatives;
END;

CREATE TRIGGER held_item_insert AFTER INSERT ON held_item WHEN NEW.lots > 0
BEGIN
    INSERT INTO depot_stock (depot_id, items) VALUES (NEW.depot_id, 1)
    ON CONFLICT (depot_id) DO UPDATE SET items = items + 1;
END;

CREATE TRIGGER held_item_update AFTER UPDATE OF lots ON held_item
WHEN (OLD.lots > 0) != (NEW.lots > 0)
BEGIN
    INSERT INTO depot_stock (depot_id, items) VALUES (NEW.depot_id, iif(NEW.lots > 0, 1, -1))
    ON CONFLICT (depot_id) DO UPDATE SET items = items + excluded.items;
END;

CREATE TRIGGER held_lot_insert AFTER INSERT ON held_lot WHEN NEW.depots > 0
BEGIN
    UPDATE stock_totals SET lots = lots + 1 WHERE id = 1;
END;

CREATE TRIGGER held_lot_update AFTER UPDATE OF depots ON held_lot
WHEN (OLD.depots > 0) != (NEW.depots > 0)
BEGIN
    UPDATE stock_totals SET lots = lots + iif(NEW.depots > 0, 1, -1) WHERE id = 1;
END;

-- A lot that arrives after its balances (a merge may apply a movement before its lot), or
-- whose expiry changes: its positive balances move to its expiry day.
CREATE TRIGGER lot_figures_insert AFTER INSERT ON lot WHEN NEW.expires_on IS NOT NULL
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT NEW.expires_on, depot_id, count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
END;

CREATE TRIGGER lot_figures_update AFTER UPDATE OF expires_on ON lot
WHEN OLD.expires_on IS NOT NEW.expires_on
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT OLD.expires_on, depot_id, -count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND OLD.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
    INSERT INTO expiry_stock (expires_on, depot_id, positions)
    SELECT NEW.expires_on, depot_id, count(*) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND NEW.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions;
END;

-- Usable stock moves the norm line it is held against (only while the line is short);
-- a line's change moves its group.
CREATE TRIGGER usable_stock_norm_insert AFTER INSERT ON usable_stock
BEGIN
    UPDATE norm_line SET held = min(max(NEW.qty, 0), norm)
    WHERE depot_id = NEW.depot_id AND item_id = NEW.item_id
      AND held != min(max(NEW.qty, 0), norm);
END;

CREATE TRIGGER usable_stock_norm_update AFTER UPDATE OF qty ON usable_stock
WHEN max(OLD.qty, 0) != max(NEW.qty, 0)
BEGIN
    UPDATE norm_line SET held = min(max(NEW.qty, 0), norm)
    WHERE depot_id = NEW.depot_id AND item_id = NEW.item_id
      AND held != min(max(NEW.qty, 0), norm);
END;

CREATE TRIGGER norm_line_insert AFTER INSERT ON norm_line
BEGIN
    INSERT INTO norm_group (depot_id, category, lines, met, short, out, ratio)
    VALUES (NEW.depot_id, NEW.category, 1, NEW.held >= NEW.norm,
            NEW.held > 0 AND NEW.held < NEW.norm, NEW.held <= 0,
            CAST(NEW.held * 1e12 / NEW.norm AS INTEGER))
    ON CONFLICT (depot_id, category) DO UPDATE SET
        lines = lines + 1, met = met + excluded.met, short = short + excluded.short,
        out = out + excluded.out, ratio = ratio + excluded.ratio;
END;

CREATE TRIGGER norm_line_delete AFTER DELETE ON norm_line
BEGIN
    UPDATE norm_group SET
        lines = lines - 1, met = met - (OLD.held >= OLD.norm),
        short = short - (OLD.held > 0 AND OLD.held < OLD.norm), out = out - (OLD.held <= 0),
        ratio = ratio - CAST(OLD.held * 1e12 / OLD.norm AS INTEGER)
    WHERE depot_id = OLD.depot_id AND category = OLD.category;
END;

-- A line changing within its group (its held stock or its norm): the group moves by the
-- difference.
CREATE TRIGGER norm_line_update AFTER UPDATE ON norm_line
WHEN OLD.depot_id = NEW.depot_id AND OLD.category = NEW.category
 AND (OLD.norm != NEW.norm OR OLD.held != NEW.held)
BEGIN
    UPDATE norm_group SET
        met = met + (NEW.held >= NEW.norm) - (OLD.held >= OLD.norm),
        short = short + (NEW.held > 0 AND NEW.held < NEW.norm)
                      - (OLD.held > 0 AND OLD.held < OLD.norm),
        out = out + (NEW.held <= 0) - (OLD.held <= 0),
        ratio = ratio + CAST(NEW.held * 1e12 / NEW.norm AS INTEGER)
                      - CAST(OLD.held * 1e12 / OLD.norm AS INTEGER)
    WHERE depot_id = NEW.depot_id AND category = NEW.category;
END;

-- A line moving to another group (its item's category changed): out of one, into the other.
CREATE TRIGGER norm_line_move AFTER UPDATE ON norm_line
WHEN OLD.depot_id != NEW.depot_id OR OLD.category != NEW.category
BEGIN
    UPDATE norm_group SET
        lines = lines - 1, met = met - (OLD.held >= OLD.norm),
        short = short - (OLD.held > 0 AND OLD.held < OLD.norm), out = out - (OLD.held <= 0),
        ratio = ratio - CAST(OLD.held * 1e12 / OLD.norm AS INTEGER)
    WHERE depot_id = OLD.depot_id AND category = OLD.category;
    INSERT INTO norm_group (depot_id, category, lines, met, short, out, ratio)
    VALUES (NEW.depot_id, NEW.category, 1, NEW.held >= NEW.norm,
            NEW.held > 0 AND NEW.held < NEW.norm, NEW.held <= 0,
            CAST(NEW.held * 1e12 / NEW.norm AS INTEGER))
    ON CONFLICT (depot_id, category) DO UPDATE SET
        lines = lines + 1, met = met + excluded.met, short = short + excluded.short,
        out = out + excluded.out, ratio = ratio + excluded.ratio;
END;

-- ---------------------------------------------------------------- guards

CREATE TRIGGER division_guard_insert BEFORE INSERT ON division
BEGIN SELECT RAISE(ABORT, 'division: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER division_guard_update BEFORE UPDATE ON division
BEGIN SELECT RAISE(ABORT, 'division: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER division_no_delete BEFORE DELETE ON division
BEGIN SELECT RAISE(ABORT, 'division: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER agency_guard_insert BEFORE INSERT ON agency
BEGIN SELECT RAISE(ABORT, 'agency: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER agency_guard_update BEFORE UPDATE ON agency
BEGIN SELECT RAISE(ABORT, 'agency: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER agency_no_delete BEFORE DELETE ON agency
BEGIN SELECT RAISE(ABORT, 'agency: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER category_guard_insert BEFORE INSERT ON category
BEGIN SELECT RAISE(ABORT, 'category: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER category_guard_update BEFORE UPDATE ON category
BEGIN SELECT RAISE(ABORT, 'category: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER category_no_delete BEFORE DELETE ON category
BEGIN SELECT RAISE(ABORT, 'category: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER unit_guard_insert BEFORE INSERT ON unit
BEGIN SELECT RAISE(ABORT, 'unit: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER unit_guard_update BEFORE UPDATE ON unit
BEGIN SELECT RAISE(ABORT, 'unit: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER unit_no_delete BEFORE DELETE ON unit
BEGIN SELECT RAISE(ABORT, 'unit: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER specialty_guard_insert BEFORE INSERT ON specialty
BEGIN SELECT RAISE(ABORT, 'specialty: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER specialty_guard_update BEFORE UPDATE ON specialty
BEGIN SELECT RAISE(ABORT, 'specialty: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER specialty_no_delete BEFORE DELETE ON specialty
BEGIN SELECT RAISE(ABORT, 'specialty: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER depot_guard_insert BEFORE INSERT ON depot
BEGIN SELECT RAISE(ABORT, 'depot: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER depot_guard_update BEFORE UPDATE ON depot
BEGIN SELECT RAISE(ABORT, 'depot: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER depot_no_delete BEFORE DELETE ON depot
BEGIN SELECT RAISE(ABORT, 'depot: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER item_guard_insert BEFORE INSERT ON item
BEGIN SELECT RAISE(ABORT, 'item: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER item_guard_update BEFORE UPDATE ON item
BEGIN SELECT RAISE(ABORT, 'item: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER item_no_delete BEFORE DELETE ON item
BEGIN SELECT RAISE(ABORT, 'item: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER lot_guard_insert BEFORE INSERT ON lot
BEGIN SELECT RAISE(ABORT, 'lot: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER lot_guard_update BEFORE UPDATE ON lot
BEGIN SELECT RAISE(ABORT, 'lot: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER lot_no_delete BEFORE DELETE ON lot
BEGIN SELECT RAISE(ABORT, 'lot: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER expert_guard_insert BEFORE INSERT ON expert
BEGIN SELECT RAISE(ABORT, 'expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_guard_update BEFORE UPDATE ON expert
BEGIN SELECT RAISE(ABORT, 'expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_no_delete BEFORE DELETE ON expert
BEGIN SELECT RAISE(ABORT, 'expert: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER stock_move_guard_insert BEFORE INSERT ON stock_move
BEGIN SELECT RAISE(ABORT, 'stock_move: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER stock_move_no_update BEFORE UPDATE ON stock_move
BEGIN SELECT RAISE(ABORT, 'stock_move: movements are never changed; record a correcting movement'); END;
CREATE TRIGGER stock_move_no_delete BEFORE DELETE ON stock_move
BEGIN SELECT RAISE(ABORT, 'stock_move: movements are never deleted; record a correcting movement'); END;

CREATE TRIGGER norm_guard_insert BEFORE INSERT ON norm
BEGIN SELECT RAISE(ABORT, 'norm: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER norm_guard_update BEFORE UPDATE ON norm
BEGIN SELECT RAISE(ABORT, 'norm: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER norm_no_delete BEFORE DELETE ON norm
BEGIN SELECT RAISE(ABORT, 'norm: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER transfer_guard_insert BEFORE INSERT ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER transfer_guard_update BEFORE UPDATE ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER transfer_no_delete BEFORE DELETE ON transfer
BEGIN SELECT RAISE(ABORT, 'transfer: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- allocation orders (synced)

CREATE TABLE alloc_order (
    id               TEXT PRIMARY KEY,
    number           TEXT NOT NULL DEFAULT '',   -- TB-<station>-<yyyymmdd>-<seq>
    station          TEXT NOT NULL DEFAULT '',   -- code of the owning station
    incident         TEXT NOT NULL DEFAULT '',   -- incident reference, if any
    requesting_unit  TEXT NOT NULL DEFAULT '',
    from_depot_id    TEXT REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    to_depot_id      TEXT REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    to_unit          TEXT NOT NULL DEFAULT '',   -- receiving unit when it is not a depot
    to_address       TEXT NOT NULL DEFAULT '',
    from_contact     TEXT NOT NULL DEFAULT '',
    from_phone       TEXT NOT NULL DEFAULT '',
    to_contact       TEXT NOT NULL DEFAULT '',
    to_phone         TEXT NOT NULL DEFAULT '',
    needed_by        TEXT,
    priority         TEXT NOT NULL DEFAULT '一般',  -- 特急 | 紧急 | 一般
    vehicle          TEXT NOT NULL DEFAULT '',
    driver           TEXT NOT NULL DEFAULT '',
    driver_phone     TEXT NOT NULL DEFAULT '',
    approver         TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'draft',  -- draft → submitted → approved → dispatched → received | cancelled
    cancel_reason    TEXT NOT NULL DEFAULT '',
    oral             INTEGER NOT NULL DEFAULT 0,  -- 口头/电话指令: paperwork due 48 h after oral_at
    oral_at          TEXT,
    paperwork_done_at TEXT,
    created_at       TEXT NOT NULL DEFAULT '',
    submitted_at     TEXT,
    approved_at      TEXT,
    dispatched_at    TEXT,
    received_at      TEXT,
    drill            INTEGER NOT NULL DEFAULT 0,  -- an exercise order: printed with 演练
    notes            TEXT NOT NULL DEFAULT '',
    deleted          INTEGER NOT NULL DEFAULT 0,
    incident_id      TEXT REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,  -- the incident it serves (incident: the free text of orders made before incidents existed)
    cancelled_at     TEXT
);
CREATE INDEX alloc_order_number ON alloc_order (number);
CREATE INDEX alloc_order_status ON alloc_order (status);

CREATE TABLE order_line (
    id            TEXT PRIMARY KEY,
    order_id      TEXT NOT NULL REFERENCES alloc_order (id) DEFERRABLE INITIALLY DEFERRED,
    line_no       INTEGER NOT NULL DEFAULT 0,
    item_id       TEXT NOT NULL REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    qty_requested INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX order_line_order ON order_line (order_id, line_no);

-- Lots picked for a line (FEFO, possibly split across lots and depots). While the order
-- is approved and not yet dispatched, a pick reserves its quantity: available = on hand
-- less reserved.
CREATE TABLE order_pick (
    id             TEXT PRIMARY KEY,
    order_id       TEXT NOT NULL REFERENCES alloc_order (id) DEFERRABLE INITIALLY DEFERRED,
    line_id        TEXT NOT NULL REFERENCES order_line (id) DEFERRABLE INITIALLY DEFERRED,
    depot_id       TEXT NOT NULL REFERENCES depot (id) DEFERRABLE INITIALLY DEFERRED,
    lot_id         TEXT NOT NULL REFERENCES lot (id) DEFERRABLE INITIALLY DEFERRED,
    qty            INTEGER NOT NULL DEFAULT 0,
    qty_dispatched INTEGER,
    qty_received   INTEGER,
    diff_reason    TEXT NOT NULL DEFAULT '',
    transfer_id    TEXT REFERENCES transfer (id) DEFERRABLE INITIALLY DEFERRED,  -- in transit, when the destination is a depot
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX order_pick_order ON order_pick (order_id);
CREATE INDEX order_pick_lot ON order_pick (lot_id, depot_id);

CREATE TRIGGER alloc_order_guard_insert BEFORE INSERT ON alloc_order
BEGIN SELECT RAISE(ABORT, 'alloc_order: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER alloc_order_guard_update BEFORE UPDATE ON alloc_order
BEGIN SELECT RAISE(ABORT, 'alloc_order: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER alloc_order_no_delete BEFORE DELETE ON alloc_order
BEGIN SELECT RAISE(ABORT, 'alloc_order: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER order_line_guard_insert BEFORE INSERT ON order_line
BEGIN SELECT RAISE(ABORT, 'order_line: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER order_line_guard_update BEFORE UPDATE ON order_line
BEGIN SELECT RAISE(ABORT, 'order_line: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER order_line_no_delete BEFORE DELETE ON order_line
BEGIN SELECT RAISE(ABORT, 'order_line: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER order_pick_guard_insert BEFORE INSERT ON order_pick
BEGIN SELECT RAISE(ABORT, 'order_pick: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER order_pick_guard_update BEFORE UPDATE ON order_pick
BEGIN SELECT RAISE(ABORT, 'order_pick: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER order_pick_no_delete BEFORE DELETE ON order_pick
BEGIN SELECT RAISE(ABORT, 'order_pick: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- roster and playbooks (synced)

CREATE TABLE expert_qualification (
    id         TEXT PRIMARY KEY,
    expert_id  TEXT NOT NULL REFERENCES expert (id) DEFERRABLE INITIALLY DEFERRED,
    name       TEXT NOT NULL DEFAULT '',   -- 资质证书, e.g. 生物安全培训合格证
    number     TEXT NOT NULL DEFAULT '',
    issued_on  TEXT,
    expires_on TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expert_qualification_expert ON expert_qualification (expert_id);
CREATE INDEX expert_qualification_expiry ON expert_qualification (expires_on);

-- Derived (local): pinyin of expert names for search ("zs" finds 张三).
CREATE TABLE expert_search (
    expert_id TEXT PRIMARY KEY,
    initials  TEXT NOT NULL,
    pinyin    TEXT NOT NULL
) WITHOUT ROWID;

-- A playbook version. (code, version) names it; an approved version is never edited:
-- a new version is made from it (based_on). Status moves forward only.
CREATE TABLE playbook (
    id        TEXT PRIMARY KEY,
    code      TEXT NOT NULL DEFAULT '',
    version   INTEGER NOT NULL DEFAULT 1,
    title     TEXT NOT NULL DEFAULT '',
    hazard    TEXT NOT NULL DEFAULT '',   -- bioterror | infectious_disease | animal_epidemic | plant_pest | invasive_species | lab_incident
    grades    TEXT NOT NULL DEFAULT '["I","II","III","IV"]',  -- JSON list of applicable grades
    status    TEXT NOT NULL DEFAULT 'draft',                 -- draft → approved → retired
    clauses   TEXT NOT NULL DEFAULT '[]', -- JSON list of plan clauses, e.g. "三（六）"
    summary   TEXT NOT NULL DEFAULT '',
    based_on  TEXT REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,  -- the version this one was made from
    example   INTEGER NOT NULL DEFAULT 0, -- shipped example content, to be adapted locally
    deleted   INTEGER NOT NULL DEFAULT 0,
    sources   TEXT NOT NULL DEFAULT '{}'  -- JSON object: field (grades, factors) → where it comes from (playbooks/provenance.py)
);
CREATE INDEX playbook_code ON playbook (code, version);

CREATE TABLE playbook_phase (
    id          TEXT PRIMARY KEY,
    playbook_id TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    position    INTEGER NOT NULL DEFAULT 0,
    phase       TEXT NOT NULL DEFAULT '',  -- monitoring_warning | treatment | disinfection | long_term_monitoring | ecological_restoration | safety_monitoring | order_restoration | other
    title       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_phase_playbook ON playbook_phase (playbook_id, position);

CREATE TABLE playbook_task (
    id             TEXT PRIMARY KEY,
    playbook_id    TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    phase_id       TEXT NOT NULL REFERENCES playbook_phase (id) DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL DEFAULT 0,
    title          TEXT NOT NULL DEFAULT '',
    instructions   TEXT NOT NULL DEFAULT '',
    lead_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    support_agency_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list of agency ids
    deadline_hours INTEGER,                          -- after activation
    min_grade      TEXT NOT NULL DEFAULT 'IV',       -- applies from this grade up (IV lowest)
    checklist      TEXT NOT NULL DEFAULT '[]',       -- JSON list of strings
    specialties    TEXT NOT NULL DEFAULT '[]',       -- JSON list of {"code", "count"}
    clause         TEXT NOT NULL DEFAULT '',         -- citations of the plan: 三（一）一；参照三（六）二 (playbooks/clauses.py)
    deleted        INTEGER NOT NULL DEFAULT 0,
    clause_note    TEXT NOT NULL DEFAULT '',         -- why a clause applies by analogy (参照)
    quotes         TEXT NOT NULL DEFAULT '[]',       -- JSON list: phrases quoted from the plan, verbatim in the cited passages
    sources        TEXT NOT NULL DEFAULT '{}'        -- JSON object: field → where it comes from (playbooks/provenance.py)
);
CREATE INDEX playbook_task_playbook ON playbook_task (playbook_id, phase_id, position);

CREATE TABLE playbook_factor (
    id          TEXT PRIMARY KEY,
    playbook_id TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    position    INTEGER NOT NULL DEFAULT 0,
    item_id     TEXT REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    category    TEXT,                    -- a practical category code when no item is named
    basis       TEXT NOT NULL DEFAULT 'fixed',  -- per_exposed | per_patient | per_responder | per_site | per_km2 | fixed
    qty_per_day REAL NOT NULL DEFAULT 0, -- quantity per unit (person, site, km²) per day
    days        INTEGER NOT NULL DEFAULT 1,
    buffer_pct  INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_factor_playbook ON playbook_factor (playbook_id, position);

-- The words of playbook versions and tasks, for the 预案库 search box (local, derived:
-- desktop/core/store/derived.py keeps it with its rows; check --rebuild remakes it). Its
-- FTS5 index, fulltext_fts, is made by sqlite-utils the first time someone searches
-- (desktop/core/playbooks/search.py) and kept by the triggers it makes.
CREATE TABLE fulltext (
    tbl    TEXT NOT NULL,   -- playbook | playbook_task
    row_id TEXT NOT NULL,
    owner  TEXT NOT NULL,   -- the playbook version the words belong to
    body   TEXT NOT NULL,   -- the words, each Chinese character apart (derived.spaced)
    UNIQUE (tbl, row_id)
);

CREATE TRIGGER expert_qualification_guard_insert BEFORE INSERT ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_qualification_guard_update BEFORE UPDATE ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_qualification_no_delete BEFORE DELETE ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_guard_insert BEFORE INSERT ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_guard_update BEFORE UPDATE ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_no_delete BEFORE DELETE ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_phase_guard_insert BEFORE INSERT ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_phase_guard_update BEFORE UPDATE ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_phase_no_delete BEFORE DELETE ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_task_guard_insert BEFORE INSERT ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_task_guard_update BEFORE UPDATE ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_task_no_delete BEFORE DELETE ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_factor_guard_insert BEFORE INSERT ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_factor_guard_update BEFORE UPDATE ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_factor_no_delete BEFORE DELETE ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- incidents (synced)

-- An incident (事件) as the bureau runs it. Numbered SJ-<station>-<yyyymmdd>-<seq> by the
-- station that records it (unique across offline stations, like order numbers). Status
-- moves forward only (tables.FORWARD); grade changes are kept in incident_grade.
CREATE TABLE incident (
    id             TEXT PRIMARY KEY,
    number         TEXT NOT NULL DEFAULT '',
    station        TEXT NOT NULL DEFAULT '',    -- code of the recording station
    title          TEXT NOT NULL DEFAULT '',
    hazard         TEXT NOT NULL DEFAULT '',    -- a playbook hazard code (vocab.HAZARDS)
    grade          TEXT NOT NULL DEFAULT 'IV',  -- I 特别重大 … IV 一般 (national plan)
    confirmation   TEXT NOT NULL DEFAULT 'possible',  -- possible 可疑 | suspected 疑似 | confirmed 确诊
    division       TEXT,                        -- division code
    place          TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',    -- 事件概况
    lead_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    commander      TEXT NOT NULL DEFAULT '',
    commander_phone TEXT NOT NULL DEFAULT '',
    exposed        INTEGER NOT NULL DEFAULT 0,  -- scale: people exposed
    patients       INTEGER NOT NULL DEFAULT 0,
    responders     INTEGER NOT NULL DEFAULT 0,
    sites          INTEGER NOT NULL DEFAULT 0,
    area_km2       REAL NOT NULL DEFAULT 0,
    days           INTEGER NOT NULL DEFAULT 0,  -- expected duration; 0: not estimated
    depot_ids      TEXT NOT NULL DEFAULT '[]',  -- depots it may draw on; []: its division's and the city reserves
    status         TEXT NOT NULL DEFAULT 'reported',  -- reported → responding → recovery → monitoring → closed
    reported_at    TEXT NOT NULL DEFAULT '',    -- when it was first reported (the reporting chain counts from here)
    activated_at   TEXT,                        -- first playbook activated (response)
    recovery_at    TEXT,
    monitoring_at  TEXT,
    closed_at      TEXT,
    created_at     TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_number ON incident (number);
CREATE INDEX incident_status ON incident (status);

-- Grade history: every grading, escalation and de-escalation, with its reason and author.
CREATE TABLE incident_grade (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    grade       TEXT NOT NULL DEFAULT 'IV',
    previous    TEXT,                        -- NULL for the first grading
    reason      TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_grade_incident ON incident_grade (incident_id, at);

-- A playbook version activated for an incident. The id is derived from (incident, playbook
-- code): two stations activating the same playbook make one activation.
CREATE TABLE incident_playbook (
    id           TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_id  TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    grade        TEXT NOT NULL DEFAULT 'IV',  -- the incident's grade when activated
    activated_at TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_playbook_incident ON incident_playbook (incident_id);

-- The tasks of an activated playbook, copied when their minimum grade is met (at activation
-- or an escalation): the incident keeps what it was given when the playbook changes later.
-- The id is derived from (incident, playbook task): never made twice, never removed.
CREATE TABLE incident_task (
    id                 TEXT PRIMARY KEY,
    incident_id        TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    activation_id      TEXT NOT NULL REFERENCES incident_playbook (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_task_id   TEXT REFERENCES playbook_task (id) DEFERRABLE INITIALLY DEFERRED,
    position           INTEGER NOT NULL DEFAULT 0,
    phase              TEXT NOT NULL DEFAULT '',
    phase_title        TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL DEFAULT '',
    instructions       TEXT NOT NULL DEFAULT '',
    lead_agency_id     TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    support_agency_ids TEXT NOT NULL DEFAULT '[]',
    min_grade          TEXT NOT NULL DEFAULT 'IV',
    checklist          TEXT NOT NULL DEFAULT '[]',
    specialties        TEXT NOT NULL DEFAULT '[]',
    clause             TEXT NOT NULL DEFAULT '',
    added_at           TEXT NOT NULL DEFAULT '',  -- when it was given (activation or escalation)
    due_at             TEXT,                      -- added_at + the task's deadline hours
    status             TEXT NOT NULL DEFAULT 'not_started',  -- not_started | received | in_progress | done | not_applicable | blocked
    status_note        TEXT NOT NULL DEFAULT '',
    status_by          TEXT NOT NULL DEFAULT '',
    status_at          TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_task_incident ON incident_task (incident_id, position);
CREATE INDEX incident_task_open ON incident_task (status, due_at);

-- Material lines of an incident (ICS-215): copied from the activated playbooks' planning
-- factors, a category resolved to one of its items; planners may change a line or add one.
CREATE TABLE incident_need (
    id            TEXT PRIMARY KEY,
    incident_id   TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    activation_id TEXT REFERENCES incident_playbook (id) DEFERRABLE INITIALLY DEFERRED,  -- NULL: added by hand
    factor_id     TEXT REFERENCES playbook_factor (id) DEFERRABLE INITIALLY DEFERRED,
    position      INTEGER NOT NULL DEFAULT 0,
    item_id       TEXT REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,  -- NULL: the category has no item
    category      TEXT,
    basis         TEXT NOT NULL DEFAULT 'fixed',  -- per_exposed | per_patient | per_responder | per_site | per_km2 | fixed
    qty_per_day   REAL NOT NULL DEFAULT 0,
    days          INTEGER NOT NULL DEFAULT 1,
    buffer_pct    INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_need_incident ON incident_need (incident_id, position);

-- Information reports (信息报告): first (along the reporting chain), progress and final.
CREATE TABLE incident_report (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL DEFAULT 'first',  -- first | progress | final
    step        TEXT NOT NULL DEFAULT '',       -- the link of the reporting chain (first reports)
    station     TEXT NOT NULL DEFAULT '',       -- code of the station that recorded it
    seq         INTEGER NOT NULL DEFAULT 1,     -- its number among that station's reports on the incident
    title       TEXT NOT NULL DEFAULT '',
    from_unit   TEXT NOT NULL DEFAULT '',
    to_unit     TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL DEFAULT '',
    due_at      TEXT,                           -- the deadline it met or missed
    summary     TEXT NOT NULL DEFAULT '',       -- 事件概况
    measures    TEXT NOT NULL DEFAULT '',       -- 已采取措施
    next_steps  TEXT NOT NULL DEFAULT '',       -- 下一步工作
    signer      TEXT NOT NULL DEFAULT '',       -- 签发人
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_report_incident ON incident_report (incident_id, reported_at);

-- The significant-events log (大事记): entries recorded with each action, and typed ones.
CREATE TABLE incident_log (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    at          TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'manual',
    text        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_log_incident ON incident_log (incident_id, at);

-- Experts sent out for an incident (dispatch) until released.
CREATE TABLE incident_expert (
    id            TEXT PRIMARY KEY,
    incident_id   TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    expert_id     TEXT NOT NULL REFERENCES expert (id) DEFERRABLE INITIALLY DEFERRED,
    task_id       TEXT REFERENCES incident_task (id) DEFERRABLE INITIALLY DEFERRED,
    dispatched_at TEXT NOT NULL DEFAULT '',
    released_at   TEXT,
    note          TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_expert_incident ON incident_expert (incident_id);
CREATE INDEX incident_expert_expert ON incident_expert (expert_id);

CREATE INDEX alloc_order_incident ON alloc_order (incident_id);

CREATE TRIGGER incident_guard_insert BEFORE INSERT ON incident
BEGIN SELECT RAISE(ABORT, 'incident: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_guard_update BEFORE UPDATE ON incident
BEGIN SELECT RAISE(ABORT, 'incident: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_no_delete BEFORE DELETE ON incident
BEGIN SELECT RAISE(ABORT, 'incident: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_grade_guard_insert BEFORE INSERT ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_grade_guard_update BEFORE UPDATE ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_grade_no_delete BEFORE DELETE ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_playbook_guard_insert BEFORE INSERT ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_playbook_guard_update BEFORE UPDATE ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_playbook_no_delete BEFORE DELETE ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_task_guard_insert BEFORE INSERT ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_task_guard_update BEFORE UPDATE ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_task_no_delete BEFORE DELETE ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_need_guard_insert BEFORE INSERT ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_need_guard_update BEFORE UPDATE ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_need_no_delete BEFORE DELETE ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_report_guard_insert BEFORE INSERT ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_report_guard_update BEFORE UPDATE ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_report_no_delete BEFORE DELETE ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_log_guard_insert BEFORE INSERT ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_log_guard_update BEFORE UPDATE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_log_no_delete BEFORE DELETE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_expert_guard_insert BEFORE INSERT ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_expert_guard_update BEFORE UPDATE ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_expert_no_delete BEFORE DELETE ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- drills (synced)

-- A drill, numbered YL-<station>-<yyyymmdd>-<seq> by the station that plans it. Status
-- moves forward only (planned → prepared → running → ended → evaluated); a running drill
-- is paused by its clock (paused = 1), which the list shows as 暂停.
CREATE TABLE drill (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL DEFAULT '',
    station     TEXT NOT NULL DEFAULT '',    -- code of the planning station
    name        TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'tabletop',  -- tabletop 桌面推演 | functional 专项演练 | full_scale 综合演练
    scenario    TEXT NOT NULL DEFAULT '',    -- the scenario narrative
    hazard      TEXT NOT NULL DEFAULT '',    -- the simulated incident (gap analysis, auto play)
    grade       TEXT NOT NULL DEFAULT 'IV',
    division    TEXT,
    place       TEXT NOT NULL DEFAULT '',
    exposed     INTEGER NOT NULL DEFAULT 0,
    patients    INTEGER NOT NULL DEFAULT 0,
    responders  INTEGER NOT NULL DEFAULT 0,
    sites       INTEGER NOT NULL DEFAULT 0,
    area_km2    REAL NOT NULL DEFAULT 0,
    days        INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT 'planned',
    paused      INTEGER NOT NULL DEFAULT 0,
    sim_start   TEXT NOT NULL DEFAULT '',    -- the scenario's time T+0 (simulated)
    speed       INTEGER NOT NULL DEFAULT 1,  -- ×1 … ×60
    created_at  TEXT NOT NULL DEFAULT '',
    started_at  TEXT,
    ended_at    TEXT,
    closed_at   TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_number ON drill (number);

-- What the drill tests, each citing the plan clause (三（一）一) or playbook it tests.
CREATE TABLE drill_objective (
    id        TEXT PRIMARY KEY,
    drill_id  TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL DEFAULT 0,
    code      TEXT NOT NULL DEFAULT '',       -- O1, O2 … (the MSEL refers to it)
    text      TEXT NOT NULL DEFAULT '',
    citation  TEXT NOT NULL DEFAULT '',       -- a plan clause or a playbook code
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_objective_drill ON drill_objective (drill_id, position);

-- The playbooks the drill exercises. The id is derived from (drill, playbook code).
CREATE TABLE drill_playbook (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_id  TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_playbook_drill ON drill_playbook (drill_id);

-- Participating agencies, controllers (导调) and evaluators (评估): a person's role, name,
-- agency. Agencies take part with role 'player'.
CREATE TABLE drill_person (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    role       TEXT NOT NULL DEFAULT 'player',   -- player | controller | evaluator
    name       TEXT NOT NULL DEFAULT '',
    agency_id  TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    phone      TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_person_drill ON drill_person (drill_id);

-- The master scenario events list (MSEL): an inject fires at T+offset (time), some minutes
-- after another fires (delay), when another reaches a state (after), or by a controller
-- (manual; contingency injects are manual ones kept for when play goes off course).
CREATE TABLE drill_inject (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,       -- its number in the MSEL
    trigger      TEXT NOT NULL DEFAULT 'time',     -- time | delay | after | manual
    offset_min   INTEGER NOT NULL DEFAULT 0,       -- time: minutes from T+0; delay/after: minutes after
    after_id     TEXT REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    after_state  TEXT NOT NULL DEFAULT 'fired',    -- fired | acknowledged | done
    sender       TEXT NOT NULL DEFAULT '',         -- the simulated caller or agency
    to_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    channel      TEXT NOT NULL DEFAULT 'phone',    -- phone 电话 | fax 传真 | document 公文 | oral 口头 | system 系统
    message      TEXT NOT NULL DEFAULT '',
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    contingency  INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_inject_drill ON drill_inject (drill_id, position);

-- What the players are expected to do after an inject, and within how many minutes.
CREATE TABLE drill_expect (
    id           TEXT PRIMARY KEY,
    inject_id    TEXT NOT NULL REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,
    action       TEXT NOT NULL DEFAULT 'other',   -- drills.vocab ACTIONS
    agency_id    TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    within_min   INTEGER NOT NULL DEFAULT 0,
    text         TEXT NOT NULL DEFAULT '',
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_expect_inject ON drill_expect (inject_id, position);

-- The simulated clock, as a list of settings: from wall time wall_at the drill's time is
-- sim_s seconds after T+0 and runs at `speed` (not at all when paused). Rows are only added.
CREATE TABLE drill_clock (
    id        TEXT PRIMARY KEY,
    drill_id  TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    wall_at   TEXT NOT NULL DEFAULT '',
    sim_s     REAL NOT NULL DEFAULT 0,
    speed     INTEGER NOT NULL DEFAULT 1,
    paused    INTEGER NOT NULL DEFAULT 0,
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_clock_drill ON drill_clock (drill_id, wall_at);

-- An inject fired (its id derived from the inject: fired once at every station of the
-- drill), acknowledged and done by its addressee; times in the drill's seconds.
CREATE TABLE drill_fired (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    inject_id  TEXT NOT NULL REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    state      TEXT NOT NULL DEFAULT 'fired',   -- fired → acknowledged → done
    fired_s    REAL NOT NULL DEFAULT 0,
    acknowledged_s REAL,
    done_s     REAL,
    actor      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_fired_drill ON drill_fired (drill_id);

-- An evaluator's judgement of an expected action (its id derived from the expected action):
-- met / late / missed / not applicable, overriding what was computed from the play.
CREATE TABLE drill_mark (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    expect_id  TEXT NOT NULL REFERENCES drill_expect (id) DEFERRABLE INITIALLY DEFERRED,
    result     TEXT NOT NULL DEFAULT 'met',     -- met | late | missed | na
    at_s       REAL,
    note       TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_mark_drill ON drill_mark (drill_id);

-- Evaluators' observations (strength / area for improvement) and P/S/M/U ratings per
-- objective (HSEEP: performed without challenges, with some, with major, unable).
CREATE TABLE drill_observation (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    kind         TEXT NOT NULL DEFAULT 'strength',  -- strength | improvement
    text         TEXT NOT NULL DEFAULT '',
    at_s         REAL,
    actor        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_observation_drill ON drill_observation (drill_id);

-- The rating of an objective (its id derived from the objective: one rating, the last
-- evaluator's word on it).
CREATE TABLE drill_rating (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT NOT NULL REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    rating       TEXT NOT NULL DEFAULT 'S',     -- P | S | M | U
    note         TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_rating_drill ON drill_rating (drill_id);

-- The improvement plan: issue, corrective action, responsible agency, due date. Written in
-- the drill's sandbox; copied into the live database (same id) when the drill is closed,
-- where it is tracked (open → in_progress → done, or cancelled).
CREATE TABLE drill_improvement (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,
    issue        TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    agency_id    TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    due_on       TEXT,
    status       TEXT NOT NULL DEFAULT 'open',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_improvement_drill ON drill_improvement (drill_id, position);
CREATE INDEX drill_improvement_status ON drill_improvement (status);

-- Guards: synced drill tables are written only through the write path, never deleted.
CREATE TRIGGER drill_guard_insert BEFORE INSERT ON drill
BEGIN SELECT RAISE(ABORT, 'drill: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_guard_update BEFORE UPDATE ON drill
BEGIN SELECT RAISE(ABORT, 'drill: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_no_delete BEFORE DELETE ON drill
BEGIN SELECT RAISE(ABORT, 'drill: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_objective_guard_insert BEFORE INSERT ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_objective_guard_update BEFORE UPDATE ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_objective_no_delete BEFORE DELETE ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_playbook_guard_insert BEFORE INSERT ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_playbook_guard_update BEFORE UPDATE ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_playbook_no_delete BEFORE DELETE ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_person_guard_insert BEFORE INSERT ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_person_guard_update BEFORE UPDATE ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_person_no_delete BEFORE DELETE ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_inject_guard_insert BEFORE INSERT ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_inject_guard_update BEFORE UPDATE ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_inject_no_delete BEFORE DELETE ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_expect_guard_insert BEFORE INSERT ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_expect_guard_update BEFORE UPDATE ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_expect_no_delete BEFORE DELETE ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_clock_guard_insert BEFORE INSERT ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_clock_guard_update BEFORE UPDATE ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_clock_no_delete BEFORE DELETE ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_fired_guard_insert BEFORE INSERT ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_fired_guard_update BEFORE UPDATE ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_fired_no_delete BEFORE DELETE ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_mark_guard_insert BEFORE INSERT ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_mark_guard_update BEFORE UPDATE ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_mark_no_delete BEFORE DELETE ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_observation_guard_insert BEFORE INSERT ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_observation_guard_update BEFORE UPDATE ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_observation_no_delete BEFORE DELETE ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_rating_guard_insert BEFORE INSERT ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_rating_guard_update BEFORE UPDATE ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_rating_no_delete BEFORE DELETE ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_improvement_guard_insert BEFORE INSERT ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_improvement_guard_update BEFORE UPDATE ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_improvement_no_delete BEFORE DELETE ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- monitoring (synced)

-- A person followed up after an incident. The id is derived from (incident, ID number): a
-- person entered at two stations is one row. status: monitoring 监测中 | released 已解除 |
-- lost 失访 | referred 转诊.
CREATE TABLE monitor_person (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    name        TEXT NOT NULL DEFAULT '',
    id_number   TEXT NOT NULL DEFAULT '',     -- 18 characters with the GB 11643 check digit
    phone       TEXT NOT NULL DEFAULT '',
    division    TEXT,
    exposed_on  TEXT,                         -- the (last) exposure date
    exposure    TEXT NOT NULL DEFAULT '',     -- how: 直接接触, 同住, 气溶胶, …
    cohort      TEXT NOT NULL DEFAULT 'exposed',  -- exposed | close_contact | responder | recovered
    status      TEXT NOT NULL DEFAULT 'monitoring',
    status_note TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_person_incident ON monitor_person (incident_id, cohort);

-- An environmental sampling site: kind water 水体 | soil 土壤 | air 空气 | surface 物体表面 |
-- animal 动物 | plant 植物; its place (address, optional coordinates), division, agency.
CREATE TABLE monitor_site (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL DEFAULT 'water',
    place       TEXT NOT NULL DEFAULT '',
    latitude    REAL,
    longitude   REAL,
    division    TEXT,
    agency_id   TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_site_incident ON monitor_site (incident_id);

-- What is checked, for a cohort of the incident's people or for one site: every N days for
-- M days (counted from each person's exposure when later than the start), by an agency;
-- optional normal range for numeric values. Ended early with a reason.
CREATE TABLE monitor_schedule (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    cohort      TEXT,                         -- for the people of this cohort, or
    site_id     TEXT REFERENCES monitor_site (id) DEFERRABLE INITIALLY DEFERRED,  -- for this site
    measure     TEXT NOT NULL DEFAULT '',     -- 体温, 症状, 水样检测, …
    unit        TEXT NOT NULL DEFAULT '',
    every_days  INTEGER NOT NULL DEFAULT 1,
    for_days    INTEGER NOT NULL DEFAULT 1,
    start_on    TEXT NOT NULL DEFAULT '',
    normal_min  REAL,
    normal_max  REAL,
    agency_id   TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    ended_on    TEXT,
    end_reason  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_schedule_incident ON monitor_schedule (incident_id);

-- A result of one due check. The id is derived from (schedule, subject, due date): results
-- entered at two stations for one check merge into one row (the later wins, the other is
-- kept as a conflict).
CREATE TABLE monitor_result (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    schedule_id TEXT NOT NULL REFERENCES monitor_schedule (id) DEFERRABLE INITIALLY DEFERRED,
    person_id   TEXT REFERENCES monitor_person (id) DEFERRABLE INITIALLY DEFERRED,
    site_id     TEXT REFERENCES monitor_site (id) DEFERRABLE INITIALLY DEFERRED,
    due_on      TEXT NOT NULL DEFAULT '',
    value       TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    abnormal    INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    handled     INTEGER NOT NULL DEFAULT 0,   -- an abnormal result's alert dealt with
    handled_note TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_result_schedule ON monitor_result (schedule_id, due_on);
CREATE INDEX monitor_result_incident ON monitor_result (incident_id, abnormal);

-- The analyst's recommendations drawn from the monitoring (for the whole incident or one
-- cohort), printed in the summary report.
CREATE TABLE monitor_note (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    cohort      TEXT,
    text        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_note_incident ON monitor_note (incident_id);

-- ---------------------------------------------------------------- local

-- Who chose to see ID numbers and phones unmasked, when, what and why (this station's own
-- record; never synchronized).
CREATE TABLE disclosure_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    what   TEXT NOT NULL,                     -- list | export | person
    scope  TEXT NOT NULL,                     -- the incident, cohort or person shown
    reason TEXT NOT NULL DEFAULT ''
);

-- Guards: synced monitoring tables are written only through the write path, never deleted.
CREATE TRIGGER monitor_person_guard_insert BEFORE INSERT ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_person_guard_update BEFORE UPDATE ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_person_no_delete BEFORE DELETE ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_site_guard_insert BEFORE INSERT ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_site_guard_update BEFORE UPDATE ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_site_no_delete BEFORE DELETE ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_schedule_guard_insert BEFORE INSERT ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_schedule_guard_update BEFORE UPDATE ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_schedule_no_delete BEFORE DELETE ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_result_guard_insert BEFORE INSERT ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_result_guard_update BEFORE UPDATE ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_result_no_delete BEFORE DELETE ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_note_guard_insert BEFORE INSERT ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_note_guard_update BEFORE UPDATE ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_note_no_delete BEFORE DELETE ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: rows are never deleted; the write path sets deleted = 1'); END;

-- ---------------------------------------------------------------- synchronization

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

-- Heads of other stations' chains (and this station's own) as their origin signed them
-- ("BRH1|origin|seq|hash", Ed25519 by the origin): what this station may relay, and the
-- proof it passes on with the operations (desktop/sync/bundles). Local.
CREATE TABLE signed_head (
    origin    TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    hash      TEXT NOT NULL,
    signature BLOB NOT NULL,
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

-- Stations whose clocks ran far ahead of this one's (more than hlc.MAX_AHEAD_MS) in a
-- bundle imported here: their stamps were not adopted by this station's clock. Local.
CREATE TABLE clock_flag (
    origin   TEXT PRIMARY KEY,
    ahead_ms INTEGER NOT NULL,            -- how far ahead of the local clock, at import
    hlc      INTEGER NOT NULL,            -- the furthest stamp received
    noted_at TEXT NOT NULL
) WITHOUT ROWID;

-- ---------------------------------------------------------------- imports (local)

-- What this station imported from spreadsheets: each import's file by its content hash,
-- and for stock receipts each row's batch (desktop/core/imports/fingerprints.py).
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

-- ---------------------------------------------------------------- users and audit (0017)

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

-- Local: failed logins under a name no account has, counted and locked as an account's are
-- (access/login.py), so a refusal never tells which names are accounts. Migration 0023.
CREATE TABLE login_failure (
    name         TEXT PRIMARY KEY,              -- as typed, in lower case
    failures     INTEGER NOT NULL DEFAULT 0,    -- in a row
    locked_until TEXT,                          -- ISO time; NULL when not locked
    at           TEXT NOT NULL                  -- the last failure: rows a day old are dropped
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

-- ---------------------------------------------------------------- entitlement (0018)
-- Which trusted stations are sent personal rows (desktop/sync/entitlement.py). Local.

CREATE TABLE station_entitlement (
    origin     TEXT NOT NULL,              -- a trusted station
    class      TEXT NOT NULL CHECK (class IN ('roster', 'monitoring')),
    granted_at TEXT NOT NULL,
    granted_by TEXT NOT NULL DEFAULT '',   -- the administrator's actor
    PRIMARY KEY (origin, class)
) WITHOUT ROWID;

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

-- ---------------------------------------------------------------- a station loaded from a snapshot (0020)
-- A snapshot summarises each origin's operations up to a signed head (desktop/sync/
-- snapshot.py): the station keeps the signed manifest, the heads its chains continue from,
-- each shared row as loaded (later operations are replayed over it) and the summarised
-- operations that rows' clocks still name (merges and conflicts read them). All local.
CREATE TABLE snapshot_source (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    manifest  BLOB NOT NULL,
    signature BLOB NOT NULL,
    signer    TEXT NOT NULL,                  -- the exporting station's origin
    key       BLOB NOT NULL,                  -- its Ed25519 public key, raw 32 bytes
    loaded_at TEXT NOT NULL
);

CREATE TABLE snapshot_base (
    origin TEXT PRIMARY KEY,
    seq    INTEGER NOT NULL,
    hash   TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE snapshot_row (
    tbl    TEXT NOT NULL,
    row_id TEXT NOT NULL,
    state  TEXT NOT NULL,                     -- json [values, fields, seen, losers]
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

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

-- Deleted records of every shared table, found without a scan (the conflicts of records
-- deleted while edited elsewhere, counted on 总览): few, so these indexes stay small.
CREATE INDEX account_deleted ON account (id) WHERE deleted = 1;
CREATE INDEX agency_deleted ON agency (id) WHERE deleted = 1;
CREATE INDEX alloc_order_deleted ON alloc_order (id) WHERE deleted = 1;
CREATE INDEX category_deleted ON category (id) WHERE deleted = 1;
CREATE INDEX depot_deleted ON depot (id) WHERE deleted = 1;
CREATE INDEX division_deleted ON division (id) WHERE deleted = 1;
CREATE INDEX drill_deleted ON drill (id) WHERE deleted = 1;
CREATE INDEX drill_clock_deleted ON drill_clock (id) WHERE deleted = 1;
CREATE INDEX drill_expect_deleted ON drill_expect (id) WHERE deleted = 1;
CREATE INDEX drill_fired_deleted ON drill_fired (id) WHERE deleted = 1;
CREATE INDEX drill_improvement_deleted ON drill_improvement (id) WHERE deleted = 1;
CREATE INDEX drill_inject_deleted ON drill_inject (id) WHERE deleted = 1;
CREATE INDEX drill_mark_deleted ON drill_mark (id) WHERE deleted = 1;
CREATE INDEX drill_objective_deleted ON drill_objective (id) WHERE deleted = 1;
CREATE INDEX drill_observation_deleted ON drill_observation (id) WHERE deleted = 1;
CREATE INDEX drill_person_deleted ON drill_person (id) WHERE deleted = 1;
CREATE INDEX drill_playbook_deleted ON drill_playbook (id) WHERE deleted = 1;
CREATE INDEX drill_rating_deleted ON drill_rating (id) WHERE deleted = 1;
CREATE INDEX expert_deleted ON expert (id) WHERE deleted = 1;
CREATE INDEX expert_qualification_deleted ON expert_qualification (id) WHERE deleted = 1;
CREATE INDEX incident_deleted ON incident (id) WHERE deleted = 1;
CREATE INDEX incident_expert_deleted ON incident_expert (id) WHERE deleted = 1;
CREATE INDEX incident_grade_deleted ON incident_grade (id) WHERE deleted = 1;
CREATE INDEX incident_log_deleted ON incident_log (id) WHERE deleted = 1;
CREATE INDEX incident_need_deleted ON incident_need (id) WHERE deleted = 1;
CREATE INDEX incident_playbook_deleted ON incident_playbook (id) WHERE deleted = 1;
CREATE INDEX incident_report_deleted ON incident_report (id) WHERE deleted = 1;
CREATE INDEX incident_task_deleted ON incident_task (id) WHERE deleted = 1;
CREATE INDEX item_deleted ON item (id) WHERE deleted = 1;
CREATE INDEX lot_deleted ON lot (id) WHERE deleted = 1;
CREATE INDEX monitor_note_deleted ON monitor_note (id) WHERE deleted = 1;
CREATE INDEX monitor_person_deleted ON monitor_person (id) WHERE deleted = 1;
CREATE INDEX monitor_result_deleted ON monitor_result (id) WHERE deleted = 1;
CREATE INDEX monitor_schedule_deleted ON monitor_schedule (id) WHERE deleted = 1;
CREATE INDEX monitor_site_deleted ON monitor_site (id) WHERE deleted = 1;
CREATE INDEX norm_deleted ON norm (id) WHERE deleted = 1;
CREATE INDEX order_line_deleted ON order_line (id) WHERE deleted = 1;
CREATE INDEX order_pick_deleted ON order_pick (id) WHERE deleted = 1;
CREATE INDEX playbook_deleted ON playbook (id) WHERE deleted = 1;
CREATE INDEX playbook_factor_deleted ON playbook_factor (id) WHERE deleted = 1;
CREATE INDEX playbook_phase_deleted ON playbook_phase (id) WHERE deleted = 1;
CREATE INDEX playbook_task_deleted ON playbook_task (id) WHERE deleted = 1;
CREATE INDEX specialty_deleted ON specialty (id) WHERE deleted = 1;
CREATE INDEX transfer_deleted ON transfer (id) WHERE deleted = 1;
CREATE INDEX unit_deleted ON unit (id) WHERE deleted = 1;
