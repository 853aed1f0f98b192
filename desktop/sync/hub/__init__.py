"""The hub: a relay of signed bundles over HTTP, not a station.

Stations push the bundles they would write to a USB stick and pull the ones other
stations pushed for them. The hub is untrusted transport: it indexes a bundle's manifest
(sender, recipient) and never judges a signature; the receiving station verifies each
bundle as it does one from a USB stick, so a hub that alters, forges or replays bundles
gets them refused there, and one that withholds bundles only delays synchronization.

    manifest      what the hub reads of a bundle (describe, NotABundle)
    limits        sizes, quota, retention, threads, deadlines (Limits)
    store         the store interface and its values (Store, Station)
    opening       a store from a `--store` value (open_store)
    sqlite_store  the embedded store, one SQLite file (the default, a city)
    pg_store      the PostgreSQL store (a province: several hub processes, one store)
    app           the WSGI application (routes, refusals, the authentication seam)
    server        waitress with the hub's limits (make_server)

Nothing is imported here: `sync` commands that do not serve load none of it.
"""
