"""CLI for synchronization by file bundles: identity, key enrolment, export and import."""

from dataclasses import asdict
from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.core import values
from desktop.core.access import field_words, policy, roles
from desktop.core.i18n import tr
from desktop.core.store import conflicts
from desktop.sync import bundles, entitlement
from desktop.sync import keys as sync_keys

FILE = click.Path(dir_okay=False, path_type=Path)


@click.group(help=tr("Synchronization with other stations by signed bundle files (USB)."))
def sync():
    pass


@sync.command("identity", help=tr("Show this station's identity and key fingerprint."))
@click.pass_obj
def sync_identity(state: State):
    st = sync_keys.own(state.open())
    data = {"origin": st.origin, "code": st.code, "name": st.name, "fingerprint": st.fingerprint}
    state.emit(
        data,
        tr(
            "Station: {name} ({code})\nOrigin: {origin}\nKey fingerprint: {fingerprint}",
            **data,
        ),
    )


@sync.command(
    "export-key", help=tr("Write this station's public key to a file for other stations.")
)
@click.option("--out", "out", type=FILE, required=True, help=tr("Key file to write."))
@click.pass_obj
def sync_export_key(state: State, out):
    data = sync_keys.export_key(state.open(), out)
    state.emit(
        {**data, "path": str(out)},
        tr(
            "Wrote the key of {code} to {path}\nKey fingerprint: {fingerprint}\nThe other "
            "station must compare this fingerprint before trusting the key.",
            code=data["code"],
            path=out,
            fingerprint=data["fingerprint"],
        ),
    )


@sync.command(
    "trust",
    help=tr(
        "Enrol another station's key file after comparing its fingerprint with the one "
        "that station shows (`sync identity`)."
    ),
)
@click.argument("key_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--fingerprint", help=tr("The fingerprint the other station shows; must match."))
@click.option(
    "--yes", is_flag=True, help=tr("Trust without asking (fingerprint already compared).")
)
@click.option(
    "--entitle",
    "classes",
    multiple=True,
    type=click.Choice(entitlement.CLASSES),
    help=tr(
        "Send this station personal rows of a class: roster (experts, their qualifications "
        "and dispatches, drill participants) or monitoring (monitored persons and their "
        "results). Repeat for both; without it the station gets none."
    ),
)
@click.pass_obj
def sync_trust(state: State, key_file, fingerprint, yes, classes):
    db = state.open()
    if classes:
        policy.require(state.ctx, roles.STATION)
    if fingerprint is None and not yes:
        peer = sync_keys.read_key(key_file)
        click.echo(
            tr(
                "Station: {name} ({code})\nKey fingerprint: {fingerprint}",
                name=peer["name"],
                code=peer["code"],
                fingerprint=peer["fingerprint"],
            )
        )
        click.confirm(
            tr("Is this the fingerprint the other station shows?"), default=False, abort=True
        )
    data = sync_keys.trust(db, key_file, fingerprint, state.ctx)
    text = tr("Trusted {name} ({code}), fingerprint {fingerprint}.", **data)
    if classes:
        granted = entitlement.set_entitlement(
            db, state.ctx, data["origin"], dict.fromkeys(classes, True)
        )
        data = {**data, "entitled": granted["entitled"]}
    else:
        data = {**data, "entitled": sorted(entitlement.entitled(db, data["origin"]))}
    state.emit(data, text + "\n" + _entitled_text(data))


def _entitled_text(data: dict) -> str:
    if not data["entitled"]:
        return tr(
            "Bundles for {code} leave out the expert roster and monitoring cohorts "
            "(`bioreserve sync entitle {code} --roster --monitoring` to send them).",
            code=data["code"],
        )
    return tr(
        "Bundles for {code} carry: {classes}.",
        code=data["code"],
        classes=entitlement.describe(data["entitled"]),
    )


@sync.command(
    "entitle",
    help=tr(
        "Choose which personal rows bundles for a trusted station carry: the expert roster "
        "and the monitoring cohorts (administrators)."
    ),
)
@click.argument("station")
@click.option(
    "--roster/--no-roster",
    default=None,
    help=tr("Experts, their qualifications and dispatches, drill participants."),
)
@click.option(
    "--monitoring/--no-monitoring",
    default=None,
    help=tr("Monitored persons (names, ID numbers, phones) and their results."),
)
@click.pass_obj
def sync_entitle(state: State, station, roster, monitoring):
    changes = {
        cls: value
        for cls, value in ((entitlement.ROSTER, roster), (entitlement.MONITORING, monitoring))
        if value is not None
    }
    data = entitlement.set_entitlement(state.open(), state.ctx, station, changes)
    state.emit(data, _entitled_text(data))


@sync.command("revoke", help=tr("Stop trusting a station's key: its bundles are refused."))
@click.argument("station")
@click.pass_obj
def sync_revoke(state: State, station):
    data = sync_keys.revoke(state.open(), station, state.ctx)
    text = tr("Revoked the key of {name} ({code}).", name=data["name"], code=data["code"])
    state.emit(data, text)


@sync.command("stations", help=tr("List the enrolled stations."))
@click.pass_obj
def sync_stations(state: State):
    db = state.open()
    rows = sync_keys.list_trusted(db)
    for r in rows:
        r["entitled"] = sorted(entitlement.entitled(db, r["origin"]))
    shown = [
        {
            **r,
            "state": tr("revoked") if r["revoked"] else tr("trusted"),
            "heard": values.shown_time(r["last_heard"]),
            "classes": entitlement.describe(r["entitled"]) or "-",
        }
        for r in rows
    ]
    columns = [("code", tr("Code")), ("name", tr("Name")), ("origin", tr("Origin")),
               ("fingerprint", tr("Key fingerprint")), ("state", tr("State")),
               ("classes", tr("Personal rows sent")),
               ("heard", tr("Last bundle"))]  # fmt: skip
    text = table(shown, columns) if rows else tr("No stations enrolled yet.")
    state.emit(rows, text)


@sync.command(
    "export",
    help=tr("Write a signed bundle of the changes a station lacks (without --for: any station)."),
)
@click.option("--out", "out", type=FILE, required=True, help=tr("Bundle file to write."))
@click.option("--for", "for_station", help=tr("Recipient station (code or origin)."))
@click.pass_obj
def sync_export(state: State, out, for_station):
    db = state.open()
    result = bundles.export(db, out, for_station, state.ctx)
    state.emit(
        asdict(result),
        tr(
            "Wrote bundle {sequence} with {ops} operation(s) to {path} ({bytes} bytes).",
            sequence=result.sequence,
            ops=result.ops,
            path=result.path,
            bytes=result.bytes,
        )
        + "\n"
        + _carried(db, result.to),
    )


def _carried(db, to: str | None) -> str:
    """What the bundle says about the personal rows it carries or leaves out."""
    classes = entitlement.entitled(db, to)
    if not classes and to:  # named, and entitled to none: entitling it is the remedy
        return tr(
            "It holds this station's records but no personal rows (the recipient is not "
            "entitled to the expert roster or the monitoring cohorts: `bioreserve sync "
            "entitle` grants them), signed but not encrypted: carry it to the other station "
            "and delete it there after the import."
        )
    if not classes:
        return tr(
            "It holds this station's records but no personal rows (the expert roster and the "
            "monitoring cohorts are left out: give --for a station entitled to them), signed "
            "but not encrypted: carry it to the other station and delete it there after the "
            "import."
        )
    text = tr(
        "It holds this station's records, experts' names and phone numbers among them, "
        "signed but not encrypted: carry it to the other station and delete it there "
        "after the import."
    )
    left = [c for c in entitlement.CLASSES if c not in classes]
    if not left:
        return text
    return (
        text
        + "\n"
        + tr(
            "Left out (the recipient is not entitled to them): {classes}.",
            classes=entitlement.describe(left),
        )
    )


@sync.command("import", help=tr("Verify a bundle and apply its changes (all or nothing)."))
@click.argument("bundle", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def sync_import(state: State, bundle):
    db = state.open()
    before = len(conflicts.listing(db))
    result = bundles.import_(db, bundle, state.ctx)
    sender = result.sender
    if result.ops == 0:
        text = tr(
            "Bundle {sequence} from {code} holds no operations this station lacks; "
            "nothing changed.",
            sequence=result.sequence,
            code=sender["code"],
        )
    elif result.already_imported:
        text = tr(
            "Every operation of bundle {sequence} from {code} was here already (it, or a "
            "later bundle that carried them too, was imported before); nothing changed.",
            sequence=result.sequence,
            code=sender["code"],
        )
    else:
        text = tr(
            "Imported bundle {sequence} from {name} ({code}): {applied} applied, "
            "{known} already known, {deferred} deferred.",
            sequence=result.sequence,
            name=sender["name"],
            code=sender["code"],
            applied=result.applied,
            known=result.known,
            deferred=result.deferred,
        )
        if result.deferred:
            text += "\n" + tr(
                "Deferred operations follow ones this station has not received yet; they "
                "will apply with a later bundle."
            )
    if result.withheld:
        text += "\n" + tr(
            "{count} operation(s) came withheld (personal rows of the expert roster or the "
            "monitoring cohorts that station does not send this one): their place in its "
            "chain is kept, their content never arrived.",
            count=result.withheld,
        )
    if result.unvouched:
        text += "\n" + tr(
            "{count} operation(s) of stations whose keys are not enrolled here were left out "
            "({origins}): only a station itself can vouch for its work. Trust its key "
            "(`bioreserve sync trust`) and they come with a later bundle.",
            count=sum(result.unvouched.values()),
            origins=", ".join(sorted(result.unvouched)),
        )
    notes, after = after_import(db, before, result.clock_ahead)
    state.emit({**asdict(result), "conflicts_open": after}, "\n".join([text, *notes]))


def after_import(db, conflicts_before: int, clock_ahead) -> tuple[list[str], int]:
    """What an import brought that needs a person: new conflicts, far-ahead clocks.
    Returns (lines to show, open conflicts)."""
    notes = []
    after = len(conflicts.listing(db))
    if after > conflicts_before:
        notes.append(
            tr(
                "{count} new conflict(s): two stations changed the same field; see `sync "
                "conflicts` ({total} open).",
                count=after - conflicts_before,
                total=after,
            )
        )
    notes += [clock_warning(f) for f in conflicts.clock_flags(db) if f["origin"] in clock_ahead]
    return notes, after


def clock_warning(flag: dict) -> str:
    return tr(
        "Station {station}'s clock was {hours} h ahead of this one (noted {when}); its "
        "times were not adopted. Check that station's date and time.",
        station=flag["station"],
        hours=flag["ahead_hours"],
        when=values.shown_time(flag["noted_at"]),
    )


@sync.command(
    "conflicts",
    help=tr(
        "List the fields that two stations changed without seeing each other's change, "
        "with every competing version."
    ),
)
@click.pass_obj
def sync_conflicts(state: State):
    db = state.open()
    found = conflicts.listing(db)
    flags = conflicts.clock_flags(db)
    parts = []
    for c in found:
        table_word = policy.table_name(c.table)
        field_word = {**field_words.labels(), **field_words.labels_in(c.table)}.get(
            c.field, c.field
        )
        parts.append(f"{c.key}\n  {table_word} {c.label} · {field_word}")
        rows = [{**asdict(c.kept), "state": tr("kept")}] + [
            {**asdict(v), "state": tr("lost")} for v in c.others
        ]
        for row in rows:  # a code or a record's id as people read it; times in local time
            if row["shown"]:
                row["value"] = row["shown"]
            row["at"] = values.shown_time(row["at"])
        columns = [("state", tr("Version")), ("value", tr("Value")),
                   ("station", tr("Station")), ("actor", tr("Actor")), ("at", tr("Time")),
                   ("ref", tr("Operation"))]  # fmt: skip
        parts.append(table(rows, columns))
    if not found:
        parts.append(tr("No conflicts: every field has one version."))
    for flag in flags:
        parts.append(clock_warning(flag))
    state.emit({"conflicts": [c.as_dict() for c in found], "clock_flags": flags}, "\n".join(parts))


@sync.command(
    "resolve",
    help=tr(
        "Settle a conflict by choosing one version (its operation, from `sync conflicts`); "
        "the choice travels to the other stations like any edit."
    ),
)
@click.argument("key")
@click.option("--keep", "ref", required=True, help=tr("Operation of the version to keep."))
@click.pass_obj
def sync_resolve(state: State, key, ref):
    conflict = conflicts.resolve(state.open(), state.ctx, key, ref)
    state.emit(
        {"key": key, "kept": ref},
        tr(
            "{field} of {label} now holds the version of {ref}.",
            field=conflict.field,
            label=conflict.label,
            ref=ref,
        ),
    )


def register(cli) -> None:
    cli.add_command(sync)


@sync.command(
    "snapshot",
    help=tr(
        "Write a signed snapshot of this station's synced state for a new station's first "
        "synchronization (with --for: the personal rows that station is entitled to)."
    ),
)
@click.option("--out", "out", type=FILE, required=True, help=tr("Snapshot file to write."))
@click.option("--for", "for_station", help=tr("Code or origin of the new station."))
@click.pass_obj
def sync_snapshot(state: State, out, for_station):
    from desktop.sync import snapshot

    result = snapshot.export(state.open(), out, for_station, state.ctx)
    state.emit(
        asdict(result),
        tr(
            "Wrote {path}: {rows} rows summarising {ops} operations, {size} MB in {seconds} s.",
            path=result.path,
            rows=result.rows,
            ops=result.ops,
            size=round(result.bytes / 1e6, 1),
            seconds=round(result.seconds, 1),
        ),
    )


@sync.command(
    "load-snapshot",
    help=tr(
        "Load a snapshot into this new station (no operations of other stations yet); "
        "bundles then apply as usual."
    ),
)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def sync_load_snapshot(state: State, file):
    from desktop.sync import snapshot_load

    result = snapshot_load.load(state.open(), file, state.ctx)
    state.emit(
        asdict(result),
        tr(
            "Loaded the snapshot of {code}: {rows} rows summarising {ops} operations in "
            "{seconds} s.",
            code=result.sender.get("code"),
            rows=result.rows,
            ops=result.ops,
            seconds=round(result.seconds, 1),
        ),
    )


def init_from_snapshot(
    state: State, file, key_file, fingerprint, yes, code, name, admin, password_file, extra
) -> None:
    """`bioreserve init --from-snapshot FILE --trust KEYFILE`: the station made from the
    snapshot's data file (desktop/sync/snapshot_init.py)."""
    from desktop.cli.common import OPENED
    from desktop.cli.signin import new_password
    from desktop.core.access import accounts, passwords
    from desktop.core.errors import BioError
    from desktop.core.setup import initdb
    from desktop.core.store import station
    from desktop.sync import snapshot_init

    if file is None or key_file is None:
        raise BioError(tr("--from-snapshot and --trust go together: give both."))
    if extra:
        raise BioError(
            tr("--from-snapshot makes a new station from its data; not with --demo or --force.")
        )
    code = station.validate_code(code or initdb.default_code())
    admin = accounts.check_name(admin if admin is not None else "admin")
    peer = sync_keys.read_key(key_file)
    if fingerprint is None and not yes:
        click.echo(
            tr(
                "Station: {name} ({code})\nKey fingerprint: {fingerprint}",
                name=peer["name"],
                code=peer["code"],
                fingerprint=peer["fingerprint"],
            )
        )
        click.confirm(
            tr("Is this the fingerprint the other station shows?"), default=False, abort=True
        )
    password = new_password(
        password_file, tr("Password of the administrator {name}", name=admin),
        "--admin-password-file",
    )  # fmt: skip
    passwords.check_new(password, admin)
    result = snapshot_init.init_from_snapshot(
        state.db_path, file, key_file, fingerprint, code,
        name or tr("Station {code}", code=code), admin, password,
    )  # fmt: skip
    OPENED.append(result.db)
    st = sync_keys.own(result.db)
    state.emit(
        {"path": str(state.db_path), "station": {"origin": st.origin, "code": st.code,
         "name": st.name, "fingerprint": st.fingerprint}, "sender": result.sender,
         "ops": result.ops, "seconds": result.seconds, "admin": admin},
        tr(
            "Created {path} from the snapshot of {sender} ({ops} operations) in {seconds} s\n"
            "Station: {name} ({code})\nKey fingerprint: {fingerprint}\nAdministrator: {admin}. "
            "Log in with `bioreserve login --user {admin}`.",
            path=state.db_path, sender=result.sender.get("code"), ops=result.ops,
            seconds=round(result.seconds, 1), name=st.name, code=st.code,
            fingerprint=st.fingerprint, admin=admin,
        ),
    )  # fmt: skip
