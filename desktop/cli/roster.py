"""CLI for the expert roster (生物安全专家库) and the member agencies (成员单位), thin over
desktop.core.roster.experts and desktop.core.roster.agencies.

    bioreserve expert import FILE [--skip-invalid] [--again] [--add-missing] [--add-similar V]
    bioreserve expert list [--search TEXT] [--specialty X] [--available]
    bioreserve expert export --out FILE.xlsx [--unmasked]
    bioreserve expert duplicates
    bioreserve expert alerts [--days 90]
    bioreserve agency list
    bioreserve agency set --code CODE [--contact NAME] [--duty-phone PHONE]

Lists mask mobile numbers (138****1234).
"""

from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.cli.spreadsheets import ADD_MISSING, ADD_SIMILAR, AGAIN, FILE, SKIP, _import, _xlsx
from desktop.core import imports, values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.roster import agencies, experts


def _status(row: dict) -> str:
    if row["availability"] == "on_mission":
        return tr("On a mission")
    if row["availability"] == "unavailable":
        return tr(
            "Unavailable {start} to {end}",
            start=row["unavailable_from"] or "",
            end=row["unavailable_to"] or "",
        )
    return tr("Available")


@click.group(help=tr("The biosafety expert roster (生物安全专家库)."))
def expert():
    pass


@expert.command(
    "import",
    help=tr(
        "Import experts from an .xlsx or .csv file (`bioreserve template experts` writes the "
        "template). An expert with the same name and mobile number (without one: the same "
        "name and organisation) is updated."
    ),
)
@FILE
@SKIP
@AGAIN
@ADD_MISSING
@ADD_SIMILAR
@click.pass_obj
def expert_import(state: State, file, skip_invalid, again, add_missing, add_similar):
    _import(state, "experts", file, skip_invalid, again, add_missing, add_similar)


@expert.command(
    "list",
    help=tr("List experts; --search matches name, pinyin (initials too) or organisation."),
)
@click.option("--search", default="", help=tr("Text, or pinyin initials such as zs for 张三."))
@click.option("--specialty", help=tr("Only this specialty (code or name)."))
@click.option("--available", is_flag=True, help=tr("Only experts available today."))
@click.option("--limit", default=200, show_default=True, type=click.IntRange(1, 100_000))
@click.pass_obj
def expert_list(state: State, search, specialty, available, limit):
    db = state.open()
    rows = experts.search(
        db, search, specialty, available_only=available, limit=limit, ctx=state.ctx
    )
    names = experts.specialty_names(db)
    data = [
        {
            "name": r["name"],
            "gender": r["gender"],
            "organisation": r["organisation"],
            "title": r["title"],
            "specialties": r["specialties"],
            "division": r["division"],
            "mobile": values.mask_phone(r["mobile"]),
            "available": r["available"],
            "availability": r["availability"],
        }
        for r in rows
    ]
    shown = [
        {
            **d,
            "specialties": "、".join(names.get(c, c) for c in d["specialties"]),
            "status": _status(r),
        }
        for d, r in zip(data, rows, strict=True)
    ]
    state.emit(
        data,
        table(
            shown,
            [
                ("name", tr("Name")),
                ("organisation", tr("Organisation")),
                ("title", tr("Professional title")),
                ("specialties", tr("Specialties")),
                ("mobile", tr("Mobile")),
                ("status", tr("Availability")),
            ],
        ),
    )


@expert.command(
    "export",
    help=tr(
        "Export the roster to an .xlsx file with the import template's columns; mobile "
        "numbers are masked unless --unmasked."
    ),
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("The .xlsx file to write."),
)
@click.option(
    "--unmasked", is_flag=True, help=tr("Write full mobile numbers (the file imports again).")
)
@click.pass_obj
def expert_export(state: State, out, unmasked):
    out = _xlsx(out)
    count = imports.export_xlsx(state.open(), out, masked=not unmasked, ctx=state.ctx)
    text = tr("Exported {count} expert(s) to {path}.", count=count, path=out)
    if unmasked:
        text += "\n" + tr(
            "The file holds the experts' full phone numbers (personal data). It was written "
            "readable by you only; hand it on only to whom may see them, and delete it after."
        )
    state.emit({"path": str(out), "experts": count, "masked": not unmasked}, text)


@expert.command(
    "duplicates",
    help=tr(
        "Possible duplicates: experts with the same name and mobile number, or without one "
        "the same name and organisation (not merged)."
    ),
)
@click.pass_obj
def expert_duplicates(state: State):
    groups = experts.duplicates(state.open(), state.ctx)
    data = [
        {
            "name": group[0]["name"],
            "mobile": values.mask_phone(group[0]["mobile"]),
            "experts": [
                {"id": e["id"], "organisation": e["organisation"], "title": e["title"]}
                for e in group
            ],
        }
        for group in groups
    ]
    if not groups:
        text = tr("No possible duplicates.")
    else:
        rows = [{"name": g["name"], "mobile": g["mobile"], **e} for g in data for e in g["experts"]]
        text = tr(
            "{count} possible duplicate(s): the same name and mobile number (without one: "
            "organisation). Check them and delete the extra records; nothing was merged.",
            count=len(groups),
        )
        text += "\n" + table(
            rows,
            [
                ("name", tr("Name")),
                ("mobile", tr("Mobile")),
                ("organisation", tr("Organisation")),
                ("id", "ID"),
            ],
        )
    state.emit(data, text)


@expert.command(
    "alerts", help=tr("Qualifications and certificates expired or expiring within --days days.")
)
@click.option("--days", default=experts.ALERT_DAYS, show_default=True, type=click.IntRange(0, 3650))
@click.pass_obj
def expert_alerts(state: State, days):
    rows = experts.qualification_alerts(state.open(), days=days)
    data = [
        {k: r[k] for k in ("expert", "certificate", "number", "expires_on", "days_left")}
        for r in rows
    ]
    text = (
        table(
            data,
            [
                ("expert", tr("Expert")),
                ("certificate", tr("Certificate")),
                ("expires_on", tr("Expiry")),
                ("days_left", tr("Days left")),
            ],
        )
        if data
        else tr("No qualification expires within {days} days.", days=days)
    )
    state.emit(data, text)


@click.group(help=tr("Member agencies (成员单位)."))
def agency():
    pass


AGENCY_KEYS = ("code", "name", "short_name", "level", "division", "contact", "duty_phone")


@agency.command("list", help=tr("List the member agencies and their county counterparts."))
@click.pass_obj
def agency_list(state: State):
    data = [{k: r[k] for k in AGENCY_KEYS} for r in agencies.list(state.open())]
    state.emit(
        data,
        table(
            data,
            [
                ("code", tr("Code")),
                ("short_name", tr("Name")),
                ("contact", tr("Contact")),
                ("duty_phone", tr("Duty phone")),
            ],
        ),
    )


@agency.command("set", help=tr("Change an agency's contact person or duty phone."))
@click.option("--code", required=True, help=tr("Agency code, e.g. HY-WJW."))
@click.option("--contact", help=tr("Contact person."))
@click.option("--duty-phone", help=tr("Duty phone: a mobile number or a landline with area code."))
@click.pass_obj
def agency_set(state: State, code, contact, duty_phone):
    changes = {k: v for k, v in (("contact", contact), ("duty_phone", duty_phone)) if v is not None}
    if not changes:
        raise BioError(tr("Give --contact or --duty-phone (or both)."))
    db = state.open()
    row = agencies.agency_by_code(db, code)
    agencies.save_agency(db, state.ctx, changes, row["id"])
    row = agencies.agency_by_code(db, code)
    state.emit(
        {k: row[k] for k in AGENCY_KEYS},
        tr(
            "{name}: contact {contact}, duty phone {phone}",
            name=row["name"],
            contact=row["contact"] or "-",
            phone=row["duty_phone"] or "-",
        ),
    )


def register(cli: click.Group) -> None:
    """Add the groups `expert` and `agency` to the CLI."""
    cli.add_command(expert, "expert")
    cli.add_command(agency, "agency")
