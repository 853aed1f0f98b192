-- 0016: the ledger (台账) in the order movements happened, not the order this station
-- recorded them (a bundle merged today brings last week's issues): its pages go by the
-- moment in UTC (datetime() reads any offset), then the rowid, through these indexes.

DROP INDEX stock_move_depot;
DROP INDEX stock_move_item;
CREATE INDEX stock_move_depot ON stock_move (depot_id, datetime(occurred_at));
CREATE INDEX stock_move_item ON stock_move (item_id, datetime(occurred_at));
CREATE INDEX stock_move_time ON stock_move (datetime(occurred_at));
