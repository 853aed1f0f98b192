-- 0003: allocation orders (调拨单): header, lines, and the lots picked for them.

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
    deleted          INTEGER NOT NULL DEFAULT 0
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
    transfer_id    TEXT,                      -- the transfer in transit when the destination is a depot
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
