"""CLI for the hub: `sync serve` runs one, `sync push URL` and `sync pull URL` use it
(`sync hub enrol|revoke|stations`, hub_admin.py, say which stations it serves).

The server (waitress), the stores and urllib are imported inside the commands, not at CLI
start-up.
"""

import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import click

import desktop.cli.hub_admin as hub_admin
from desktop.cli.common import State
from desktop.core.i18n import tr
from desktop.sync.hub.limits import MB, Limits

DEFAULT_PORT = 8765


def authenticator(store):
    """How the served hub tells enrolled stations from anyone else: signed requests
    (desktop/sync/hub_auth.py). Tests put an open door here (tests/helpers/hub.py)."""
    from desktop.sync import hub_auth

    return hub_auth.authenticator(store)


CA_FILE_HELP = tr(
    "Certificate authority file that signed an https hub's certificate (a private CA); "
    "default: $BIORESERVE_HUB_CA, else the system's certificate authorities."
)


@click.command(
    "serve",
    help=tr(
        "Run a hub that relays signed bundles between the stations enrolled with it (`sync "
        "hub enrol`) over HTTP (stop with Ctrl+C). It answers only requests those stations "
        "sign; the hub itself needs no keys, and stations verify every bundle."
    ),
)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help=tr("Address to listen on (the LAN address to serve other computers)."),
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help=tr("TCP port (0: any free port)."),
)
@click.option(
    "--store",
    help=tr(
        "Where the hub keeps the bundles: a SQLite file (default: hub.db in the user data "
        "folder) or a PostgreSQL address, postgresql://user@host/database."
    ),
)
@click.option(
    "--threads",
    type=click.IntRange(1, 256),
    default=Limits.threads,
    show_default=True,
    help=tr("Requests served at the same time."),
)
@click.option(
    "--quota-mb",
    type=click.IntRange(0, 10_000_000),
    default=Limits.quota_bytes // MB if Limits.quota_bytes else 0,
    show_default=True,
    help=tr("Megabytes of bundles one station may hold on the hub (0: no quota)."),
)
@click.option(
    "--keep-days",
    type=click.IntRange(0, 100_000),
    default=Limits.keep_days or 0,
    show_default=True,
    help=tr("Days the hub keeps a bundle (0: for ever)."),
)
@click.option(
    "--per-address",
    type=click.IntRange(0, 100_000),
    default=Limits.per_ip_connections,
    show_default=True,
    help=tr(
        "Connections one client address may hold at once (0: no cap; this computer's own "
        "addresses are never capped). Behind a reverse proxy on another computer every "
        "station comes from the proxy's address: give 0 and cap clients in the proxy."
    ),
)
@click.pass_obj
def sync_serve(state: State, host, port, store, threads, quota_mb, keep_days, per_address):
    from desktop.sync.hub import server as hub_server

    limits = Limits(
        threads=threads,
        quota_bytes=quota_mb * MB if quota_mb else None,
        keep_days=keep_days or None,
        per_ip_connections=per_address,
    )
    check_host(host, port)
    opened = hub_admin.open_store(store, limits)
    try:
        server = hub_server.make_server(
            opened, host, port, authenticator(opened), limits, verbose=True
        )
        data = {"url": server.url, "store": opened.location}
        state.emit(
            data,
            tr("Hub listening on {url}, keeping bundles in {store}. Stop with Ctrl+C.", **data),
        )
        try:
            with _sigterm_as_interrupt():
                server.run()
        except KeyboardInterrupt:
            click.echo(tr("Hub stopped."), err=True)
    finally:
        opened.close()


def check_host(host: str, port: int) -> None:
    """A --host the server can listen on, or a refusal naming it (not waitress's
    ValueError, a crash)."""
    import socket

    from desktop.core import reasons
    from desktop.core.errors import BioError

    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (OSError, UnicodeError, ValueError) as exc:
        raise BioError(
            tr(
                "The hub cannot listen on {host}: {reason}. Give an address of this "
                "computer (e.g. 0.0.0.0 for every network, or its LAN address).",
                host=host,
                reason=reasons.reason(exc) if isinstance(exc, OSError) else exc,
            )
        ) from exc


@contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (systemd's and Docker's stop) ends the hub as Ctrl+C does: the server
    shuts its worker threads down, the store is closed and the command exits 0."""
    term = getattr(signal, "SIGTERM", None)
    if term is None or threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can be set only in the main thread
        return

    def interrupt(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(term, interrupt)
    try:
        yield
    finally:
        signal.signal(term, previous)


@click.command("push", help=tr("Send the changes other stations lack to a LAN hub."))
@click.argument("url")
@click.option("--for", "for_station", help=tr("Recipient station (code or origin)."))
@click.option("--ca-file", type=click.Path(dir_okay=False), help=CA_FILE_HELP)
@click.pass_obj
def sync_push(state: State, url, for_station, ca_file):
    from desktop.sync import hub_client

    result = hub_client.push(state.open(), url, state.ctx, for_station, ca_file)
    text = (
        tr(
            "Sent bundle {sequence} with {ops} operation(s) to {url} (hub id {id}).",
            **result,
        )
        if result["stored"]
        else tr("The hub {url} already holds this bundle (hub id {id}).", **result)
    )
    state.emit(result, text)


@click.command(
    "pull", help=tr("Fetch, verify and apply the bundles a LAN hub holds for this station.")
)
@click.argument("url")
@click.option(
    "--from-start",
    is_flag=True,
    help=tr("Read every bundle the hub holds again (e.g. after enrolling a station)."),
)
@click.option("--ca-file", type=click.Path(dir_okay=False), help=CA_FILE_HELP)
@click.pass_obj
def sync_pull(state: State, url, from_start, ca_file):
    from desktop.cli.sync import after_import
    from desktop.core.store import conflicts
    from desktop.sync import hub_client

    db = state.open()
    before = len(conflicts.listing(db))
    result = hub_client.pull(db, url, from_start, state.ctx, ca_file)
    lines = [imported_text(r) for r in result["imported"]]
    lines += [
        tr("Refused bundle {id} of the hub: {message}", id=r["id"], message=r["message"])
        for r in result["refused"]
    ]
    if not lines:
        lines.append(tr("The hub {url} holds no new bundles for this station.", url=result["url"]))
    ahead = {origin for r in result["imported"] for origin in r.get("clock_ahead", {})}
    notes, result["conflicts_open"] = after_import(db, before, ahead)
    state.emit(result, "\n".join(lines + notes))
    if result["refused"]:  # said above, each with its cause; a script must not miss it
        sys.exit(1)


def imported_text(r: dict) -> str:
    """One pulled bundle: its counts, and the operations it carried withheld (personal
    rows its sender does not send this station), as `sync import` words them."""
    text = tr(
        "Imported bundle {sequence} from {code}: {applied} applied, {known} already "
        "known, {deferred} deferred.",
        sequence=r["sequence"],
        code=r["sender"]["code"],
        applied=r["applied"],
        known=r["known"],
        deferred=r["deferred"],
    )
    if r.get("withheld"):
        text += "\n" + tr(
            "{count} operation(s) came withheld (personal rows of the expert roster or the "
            "monitoring cohorts that station does not send this one): their place in its "
            "chain is kept, their content never arrived.",
            count=r["withheld"],
        )
    return text


def register_hub(sync_group) -> None:
    """Add serve, push, pull and the hub's administration to the `sync` group."""
    for command in (sync_serve, sync_push, sync_pull, hub_admin.hub_group):
        sync_group.add_command(command)
