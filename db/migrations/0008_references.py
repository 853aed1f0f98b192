"""0008: two columns that name another row get the foreign key the others have, which
ALTER TABLE cannot add: an order pick's transfer in transit (order_pick.transfer_id) and
the version a playbook version was made from (playbook.based_on). Both tables are rebuilt
with sqlite-utils' transform (desktop.core.store.migrate.rebuild_table keeps the keys
deferred and the write-path guard triggers)."""

from desktop.core.store.migrate import rebuild_table


def upgrade(db) -> None:
    rebuild_table(db, "order_pick", add_foreign_keys=[("transfer_id", "transfer", "id")])
    rebuild_table(db, "playbook", add_foreign_keys=[("based_on", "playbook", "id")])
