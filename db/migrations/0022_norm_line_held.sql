-- 0022: a movement whose norm line stays met writes no norm line (issue 18, point 3: the
-- aggregates' cost under 10 % of a write, bench/write_cost.py). A single write's cost is
-- mostly the pages its transaction dirties (each one a frame of the WAL at commit), and a
-- norm line kept every unit of its usable stock (have), so every movement of an item with a
-- norm rewrote a page of norm_line. It now keeps what its group counts, the stock held up to
-- the norm — held = min(max(usable stock, 0), norm) — which moves only while the line is
-- short: above the norm a movement reads the line and writes nothing. The usable stock
-- itself is usable_stock.qty (the queries read it there when they need more than held).
-- A line whose held changes with its group moves its group in one statement, not two.
-- norm_group is a function of held alone (met: held >= norm, short: 0 < held < norm, out:
-- held <= 0, ratio: held / norm): its rows do not change.

PRAGMA user_version = 22;

DROP TRIGGER usable_stock_norm_insert;
DROP TRIGGER usable_stock_norm_update;
DROP TRIGGER norm_line_insert;
DROP TRIGGER norm_line_delete;
DROP TRIGGER norm_line_update;

ALTER TABLE norm_line RENAME COLUMN have TO held;
UPDATE norm_line SET held = min(max(held, 0), norm) WHERE held != min(max(held, 0), norm);

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
