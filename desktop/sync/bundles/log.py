"""The record of bundles sent and received at this station (bundle_log)."""

from desktop.core.store.handle import Database


def history(db: Database, limit: int = 500) -> list[dict]:
    """Bundles exported and imported here, newest first, with the peer's code and name."""
    return list(
        db.query(
            "SELECT b.id, b.direction, b.peer_origin, t.code AS peer_code, "
            "t.name AS peer_name, b.sequence, b.path, b.ops, b.applied, b.known, b.deferred, "
            "b.at FROM bundle_log b LEFT JOIN trusted_station t ON t.origin = b.peer_origin "
            "ORDER BY b.id DESC LIMIT ?",
            [limit],
        )
    )
