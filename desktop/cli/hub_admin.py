"""CLI for a hub's administrator: `sync hub enrol|revoke|stations --store STORE`.

These commands open the hub's store, not a station's database: they need no login to a
station, only access to the store (its file, or the PostgreSQL role's password).
"""

from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.core.i18n import tr

STORE_HELP = tr(
    "The hub's store: a SQLite file (default: hub.db in the user data folder, as `sync "
    "serve` uses) or a PostgreSQL address, postgresql://user@host/database."
)


def default_store() -> Path:
    from desktop.core.paths import user_data_dir

    return user_data_dir() / "hub.db"


def store_target(store: str | None) -> str | Path:
    """A --store value as opening.open_store takes it (None: the default SQLite file)."""
    from desktop.sync.hub import opening as hub_opening

    if not store:
        return default_store()
    return store if hub_opening.is_postgresql(store) or "://" in store else Path(store)


def open_store(store: str | None, limits=None, must_exist: bool = False):
    """The store of a --store value (None: the default file, whose folder may be made);
    a mistyped value is refused before anything is created (opening.check_target)."""
    from desktop.sync.hub import opening as hub_opening

    return hub_opening.open_store(
        store_target(store), limits, must_exist=must_exist, default=not store
    )


@click.group("hub", help=tr("Enrol and revoke the stations a hub serves."))
def hub_group():
    pass


@hub_group.command(
    "enrol",
    help=tr(
        "Let a station use the hub: KEYFILE is the file `bioreserve sync export-key` wrote "
        "at that station. Compare the fingerprint shown with the one the station shows. "
        "Enrolling a station again replaces its key, name and scope and lifts a revocation."
    ),
)
@click.argument("key_file", metavar="KEYFILE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--store", help=STORE_HELP)
@click.option(
    "--scope",
    help=tr(
        "Division-code prefix of the station (e.g. 4304 for a city, 430421 for a county): "
        "it receives the bundles for all stations only from stations of an overlapping "
        "scope. Default: every station's."
    ),
)
@click.pass_obj
def hub_enrol(state: State, key_file, store, scope):
    from desktop.sync import hub_stations

    hub_stations.check_scope(scope)
    hub_stations.read_key_file(key_file)  # a wrong key file is refused before a store is made
    opened = open_store(store)
    try:
        data = hub_stations.enrol(opened, key_file, scope)
        data["store"] = opened.location
    finally:
        opened.close()
    state.emit(data, enrol_text(data))


def enrol_text(data: dict) -> str:
    """What an enrolment did: a first one, or one again (its scope changed or not, a
    revocation lifted), with the fingerprint to compare."""
    before = data["before"]
    if before is None:
        head = tr("Enrolled {name} ({code}, origin {origin}) with the hub at {store}.", **data)
    else:
        head = tr(
            "Enrolled {name} ({code}, origin {origin}) again with the hub at {store} (last "
            "enrolled {since}).",
            since=before["enrolled_at"],
            **data,
        )
        if before["revoked"]:
            head += "\n" + tr("Its revocation is lifted: the hub serves it again.")
        if before["fingerprint"] != data["fingerprint"]:
            head += "\n" + tr(
                "Its key changed (was {fingerprint}).", fingerprint=before["fingerprint"]
            )
    lines = [
        head,
        tr(
            "Key fingerprint: {fingerprint}\nCompare it with the one the station shows "
            "(`bioreserve sync identity`); if they differ, revoke it at once.",
            **data,
        ),
    ]
    if before is not None and before["scope"] != data["scope"]:
        lines.append(
            tr(
                "Scope changed: {before} → {after}.",
                before=before["scope"] or tr("all stations"),
                after=data["scope"] or tr("all stations"),
            )
        )
    lines.append(scope_text(data["scope"]))
    return "\n".join(lines)


def scope_text(scope: str) -> str:
    if scope:
        return tr("Scope: {scope} (bundles for all stations from overlapping scopes).", scope=scope)
    return tr("Scope: all stations.")


@hub_group.command(
    "revoke",
    help=tr(
        "Stop serving a station (its code or origin): its requests are refused from now. "
        "Revoking a station revoked already changes nothing, says so and exits 0."
    ),
)
@click.argument("station")
@click.option("--store", help=STORE_HELP)
@click.pass_obj
def hub_revoke(state: State, station, store):
    from desktop.sync import hub_stations

    opened = open_store(store, must_exist=True)
    try:
        data = hub_stations.revoke(opened, station)
    finally:
        opened.close()
    text = (
        tr("{name} ({code}) was revoked already, at {revoked_at}: nothing changed.", **data)
        if data["already"]
        else tr("Revoked {name} ({code}): the hub refuses its requests.", **data)
    )
    state.emit(data, text)


@hub_group.command("stations", help=tr("List the stations enrolled with a hub."))
@click.option("--store", help=STORE_HELP)
@click.pass_obj
def hub_stations_command(state: State, store):
    from desktop.sync import hub_stations

    opened = open_store(store, must_exist=True)
    try:
        rows = hub_stations.listing(opened)
    finally:
        opened.close()
    shown = [
        {
            **r,
            "scope": r["scope"] or tr("all"),
            "state": tr("revoked") if r["revoked"] else tr("enrolled"),
        }
        for r in rows
    ]
    columns = [("code", tr("Code")), ("name", tr("Name")), ("origin", tr("Origin")),
               ("scope", tr("Scope")), ("fingerprint", tr("Key fingerprint")),
               ("state", tr("State")), ("enrolled_at", tr("Enrolled"))]  # fmt: skip
    text = table(shown, columns) if rows else tr("No stations are enrolled with this hub yet.")
    state.emit(rows, text)
