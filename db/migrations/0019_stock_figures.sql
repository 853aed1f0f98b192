-- 0019: aggregates for 总览, the alert counts and norm compliance (issue 18, point 3), kept
-- in step with their facts in the same transaction: by the triggers below (balances, lots,
-- usable stock) and by desktop/core/store/figures.py, which derived.changed calls for the
-- norms, items and depots that decide which norm lines count. Local, never synced; rebuilt
-- by `check --rebuild` and compared with their facts by `check`.

PRAGMA user_version = 19;

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
-- lot) and units. Near expiry and expired are day ranges of it, taken at query time.
CREATE TABLE expiry_stock (
    expires_on TEXT NOT NULL,
    depot_id   TEXT NOT NULL,
    positions  INTEGER NOT NULL,
    qty        INTEGER NOT NULL,
    PRIMARY KEY (expires_on, depot_id)
) WITHOUT ROWID;

-- The norm lines that count (norm > 0, not deleted; depot and item present and not
-- deleted) with the usable stock held against them (usable_stock.qty, unclamped), and their
-- sums per depot × category (category '' for none): lines, met, short (0 < have < norm),
-- out (have <= 0), ratio = Σ min(have, norm) / norm in units of 10^-12.
CREATE TABLE norm_line (
    depot_id TEXT NOT NULL,
    item_id  TEXT NOT NULL,
    category TEXT NOT NULL,
    norm     INTEGER NOT NULL,
    have     INTEGER NOT NULL,
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
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT l.expires_on, NEW.depot_id, 1, NEW.qty FROM lot l
    WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL AND NEW.qty > 0
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + 1,
                                                     qty = qty + excluded.qty;
    INSERT INTO held_item (depot_id, item_id, lots) SELECT NEW.depot_id, NEW.item_id, 1
    WHERE NEW.qty > 0
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + 1;
    INSERT INTO held_lot (lot_id, depots) SELECT NEW.lot_id, 1 WHERE NEW.qty > 0
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + 1;
    INSERT INTO depot_stock (depot_id, negatives) SELECT NEW.depot_id, 1 WHERE NEW.qty < 0
    ON CONFLICT (depot_id) DO UPDATE SET negatives = negatives + 1;
END;

-- The one aggregate every movement moves (a positive balance's units by expiry day).
CREATE TRIGGER stock_balance_figures_update AFTER UPDATE OF qty ON stock_balance
WHEN max(OLD.qty, 0) != max(NEW.qty, 0)
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT l.expires_on, NEW.depot_id, (NEW.qty > 0) - (OLD.qty > 0),
           max(NEW.qty, 0) - max(OLD.qty, 0)
    FROM lot l WHERE l.id = NEW.lot_id AND l.expires_on IS NOT NULL
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions,
                                                     qty = qty + excluded.qty;
END;

-- A balance crossing zero.
CREATE TRIGGER stock_balance_held_update AFTER UPDATE OF qty ON stock_balance
WHEN (OLD.qty > 0) != (NEW.qty > 0) OR (OLD.qty < 0) != (NEW.qty < 0)
BEGIN
    INSERT INTO held_item (depot_id, item_id, lots)
    SELECT NEW.depot_id, NEW.item_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (depot_id, item_id) DO UPDATE SET lots = lots + excluded.lots;
    INSERT INTO held_lot (lot_id, depots)
    SELECT NEW.lot_id, iif(NEW.qty > 0, 1, -1) WHERE (OLD.qty > 0) != (NEW.qty > 0)
    ON CONFLICT (lot_id) DO UPDATE SET depots = depots + excluded.depots;
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
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT NEW.expires_on, depot_id, count(*), sum(qty) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions,
                                                     qty = qty + excluded.qty;
END;

CREATE TRIGGER lot_figures_update AFTER UPDATE OF expires_on ON lot
WHEN OLD.expires_on IS NOT NEW.expires_on
BEGIN
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT OLD.expires_on, depot_id, -count(*), -sum(qty) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND OLD.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions,
                                                     qty = qty + excluded.qty;
    INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
    SELECT NEW.expires_on, depot_id, count(*), sum(qty) FROM stock_balance
    WHERE lot_id = NEW.id AND qty > 0 AND NEW.expires_on IS NOT NULL GROUP BY depot_id
    ON CONFLICT (expires_on, depot_id) DO UPDATE SET positions = positions + excluded.positions,
                                                     qty = qty + excluded.qty;
END;

-- Usable stock moves the norm line it is held against; a line's change moves its group.
CREATE TRIGGER usable_stock_norm_insert AFTER INSERT ON usable_stock
BEGIN
    UPDATE norm_line SET have = NEW.qty WHERE depot_id = NEW.depot_id AND item_id = NEW.item_id;
END;

CREATE TRIGGER usable_stock_norm_update AFTER UPDATE OF qty ON usable_stock
BEGIN
    UPDATE norm_line SET have = NEW.qty WHERE depot_id = NEW.depot_id AND item_id = NEW.item_id;
END;

CREATE TRIGGER norm_line_insert AFTER INSERT ON norm_line
BEGIN
    INSERT INTO norm_group (depot_id, category, lines, met, short, out, ratio)
    VALUES (NEW.depot_id, NEW.category, 1, NEW.have >= NEW.norm,
            NEW.have > 0 AND NEW.have < NEW.norm, NEW.have <= 0,
            CAST(min(max(NEW.have, 0), NEW.norm) * 1e12 / NEW.norm AS INTEGER))
    ON CONFLICT (depot_id, category) DO UPDATE SET
        lines = lines + 1, met = met + excluded.met, short = short + excluded.short,
        out = out + excluded.out, ratio = ratio + excluded.ratio;
END;

CREATE TRIGGER norm_line_delete AFTER DELETE ON norm_line
BEGIN
    UPDATE norm_group SET
        lines = lines - 1, met = met - (OLD.have >= OLD.norm),
        short = short - (OLD.have > 0 AND OLD.have < OLD.norm), out = out - (OLD.have <= 0),
        ratio = ratio - CAST(min(max(OLD.have, 0), OLD.norm) * 1e12 / OLD.norm AS INTEGER)
    WHERE depot_id = OLD.depot_id AND category = OLD.category;
END;

CREATE TRIGGER norm_line_update AFTER UPDATE ON norm_line
WHEN OLD.category != NEW.category OR OLD.norm != NEW.norm
  OR min(max(OLD.have, 0), OLD.norm) != min(max(NEW.have, 0), NEW.norm)
BEGIN
    UPDATE norm_group SET
        lines = lines - 1, met = met - (OLD.have >= OLD.norm),
        short = short - (OLD.have > 0 AND OLD.have < OLD.norm), out = out - (OLD.have <= 0),
        ratio = ratio - CAST(min(max(OLD.have, 0), OLD.norm) * 1e12 / OLD.norm AS INTEGER)
    WHERE depot_id = OLD.depot_id AND category = OLD.category;
    INSERT INTO norm_group (depot_id, category, lines, met, short, out, ratio)
    VALUES (NEW.depot_id, NEW.category, 1, NEW.have >= NEW.norm,
            NEW.have > 0 AND NEW.have < NEW.norm, NEW.have <= 0,
            CAST(min(max(NEW.have, 0), NEW.norm) * 1e12 / NEW.norm AS INTEGER))
    ON CONFLICT (depot_id, category) DO UPDATE SET
        lines = lines + 1, met = met + excluded.met, short = short + excluded.short,
        out = out + excluded.out, ratio = ratio + excluded.ratio;
END;

-- The balances below zero (预警's reconciliation list): few, found without a scan.
CREATE INDEX stock_balance_negative ON stock_balance (depot_id) WHERE qty < 0;

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

-- What the data hold now (held_item and held_lot first: their triggers count the items
-- per depot and the lots held; norm_line's fill norm_group).
INSERT INTO held_item (depot_id, item_id, lots)
SELECT depot_id, item_id, count(*) FROM stock_balance WHERE qty > 0 GROUP BY depot_id, item_id;
INSERT INTO held_lot (lot_id, depots)
SELECT lot_id, count(*) FROM stock_balance WHERE qty > 0 GROUP BY lot_id;
INSERT INTO depot_stock (depot_id, negatives)
SELECT depot_id, count(*) FROM stock_balance WHERE qty < 0 GROUP BY depot_id
ON CONFLICT (depot_id) DO UPDATE SET negatives = excluded.negatives;
INSERT INTO expiry_stock (expires_on, depot_id, positions, qty)
SELECT l.expires_on, b.depot_id, count(*), sum(b.qty)
FROM stock_balance b JOIN lot l ON l.id = b.lot_id
WHERE b.qty > 0 AND l.expires_on IS NOT NULL GROUP BY l.expires_on, b.depot_id;
INSERT INTO norm_line (depot_id, item_id, category, norm, have)
SELECT n.depot_id, n.item_id, coalesce(i.category, ''), n.qty, coalesce(u.qty, 0)
FROM norm n
JOIN depot d ON d.id = n.depot_id AND d.deleted = 0
JOIN item i ON i.id = n.item_id AND i.deleted = 0
LEFT JOIN usable_stock u ON u.depot_id = n.depot_id AND u.item_id = n.item_id
WHERE n.deleted = 0 AND n.qty > 0
ON CONFLICT (depot_id, item_id) DO NOTHING;
