"""CLI for spreadsheets: templates, imports and exports (thin over desktop.core).

    bioreserve template items|depots|stock|norms|experts|msel|monitoring-people|
                        monitoring-results --out FILE.xlsx
    bioreserve items|depots|norms|stock import FILE [--skip-invalid] [--again]
    bioreserve items import FILE [--add-missing] [--add-similar VALUE …]
    bioreserve stock export --out FILE.xlsx

A refused import prints one line per bad cell to stderr (第 5 行「数量」：“12.5” 不是整数。)
and a summary, and exits 1; with --json stdout carries {"imported", "skipped", "errors":
[{"row", "column", "reason"}]} — imported 0 and skipped 0 when nothing was imported; a
file refused whole (unreadable, imported before) is one error with row null. A file, or
stock receipts, imported before are refused unless --again (the JSON adds
"imported_before": [{"file", "at", "by", "rows", "same_file", "matching"}]).

Specialties, categories and units a file names that their vocabularies lack are refused
(the JSON adds "unknown": [{"vocabulary", "value", "rows", "count", "nearest", "similar",
"refusal"}]) unless --add-missing adds them (one resembling a known value only with
--add-similar VALUE); the JSON then lists "added": [{"vocabulary", "value"}].
"""

import sys
from pathlib import Path
from typing import NoReturn

import click

from desktop.cli.common import State
from desktop.core import imports as importer
from desktop.core import paths
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.imports.fingerprints import sentences
from desktop.core.imports.vocabulary import noun
from desktop.core.monitoring import sheets as monitoring_sheets
from desktop.core.reserves import export, ledger

EXIT_REFUSED = 1


def _xlsx(path: Path) -> Path:
    if path.suffix.lower() != ".xlsx":
        raise BioError(
            tr("Give --out a file name ending in .xlsx (e.g. {name}.xlsx).", name=path.stem)
        )
    return path


def _progress(label: str):
    """Progress on stderr when it is a terminal; None otherwise (scripts, tests)."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        end = "\n" if done >= total else ""
        click.echo(f"\r{label} {done:,}/{total:,}", err=True, nl=False)
        if end:
            click.echo("", err=True)

    return show


MSEL = "msel"  # a drill's workbook (desktop.core.drills.msel), not an import kind


@click.command(
    "template",
    help=tr(
        "Write an .xlsx template for importing items, depots, stock, norms or experts, a "
        "drill's workbook (msel: scenario, objectives, participants, injects, expected actions), "
        "or a monitoring list (monitoring-people: a cohort list; monitoring-results: results)."
    ),
)
@click.argument("kind", type=click.Choice((*importer.KINDS, MSEL, *monitoring_sheets.KINDS)))
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("The .xlsx file to write."),
)
@click.pass_obj
def template(state: State, kind, out):
    out = _xlsx(out)
    # the database's lists of valid values, read without a login (they are reference
    # data, and a template changes nothing); a drill's sandbox is entered as an account
    db = None
    if Path(state.db_path).exists():
        db = state.open() if state.drill else state.open_unchecked()
    if kind == MSEL:
        from desktop.core.drills import msel

        msel.write_template(out, db)
        text = tr(
            "Template written to {path}. Fill in its sheets (only 事件清单 is required) in place "
            "of the example; the sheet 说明 describes every column and lists the valid values. "
            "Import it with `bioreserve drill import-msel ID {path}`.",
            path=out,
        )
    elif kind in monitoring_sheets.KINDS:
        monitoring_sheets.write_template(kind, out, db)
        text = tr(
            "Template written to {path}. Fill in its first sheet; the sheet 说明 describes every "
            "column. Import it with `bioreserve monitoring import --incident ID {path}`.",
            path=out,
        )
    else:
        importer.write_template(kind, out, db)
        text = tr(
            "Template written to {path}. Fill in its first sheet; the sheet 说明 describes every "
            "column and lists the valid values.",
            path=out,
        )
    state.emit({"kind": kind, "path": str(out)}, text)


def _refused(state: State, message: str, said: str, extra: dict | None = None) -> NoReturn:
    """A file refused whole: `said` on stderr, the message as the one error with --json."""
    click.echo(said, err=True)
    if state.as_json:
        error = {"row": None, "column": "", "reason": message}
        state.emit({"imported": 0, "skipped": 0, "errors": [error], **(extra or {})}, "")
    sys.exit(EXIT_REFUSED)


def _import(
    state: State,
    kind: str,
    file: Path,
    skip_invalid: bool,
    again: bool = False,
    add_missing: bool = False,
    add_similar: tuple[str, ...] = (),
) -> None:
    db = state.open()
    additions = None
    if add_missing or add_similar:
        additions = importer.Additions(every=add_missing, similar=frozenset(add_similar))
    try:
        report = importer.run(
            db,
            state.ctx,
            kind,
            file,
            skip_invalid,
            progress=_progress(tr("Rows:")),
            again=again,
            additions=additions,
        )
    except importer.ImportedBefore as exc:
        earlier = [
            {"file": e.file, "at": e.at, "by": e.actor, "rows": e.rows,
             "same_file": e.same_file, "matching": e.matching}
            for e in exc.earlier
        ]  # fmt: skip
        text = sentences(exc.summary, tr("Add --again to import it all the same."))
        _refused(state, text, text, {"imported_before": earlier})
    except BioError as exc:
        if not state.as_json:
            raise
        _refused(state, str(exc), tr("Error: {message}", message=exc))
    for line in _error_lines(report.errors):
        click.echo(line, err=True)
    data = {
        "imported": report.imported,
        "skipped": report.skipped if report.imported else 0,  # nothing imported: none skipped
        "errors": [{"row": e.row, "column": e.column, "reason": e.reason} for e in report.errors],
    }
    if report.unknown:
        data["unknown"] = [
            {"vocabulary": u.vocabulary, "value": u.value, "rows": u.rows, "count": u.count,
             "nearest": u.nearest, "similar": u.similar, "refusal": u.refusal}
            for u in report.unknown
        ]  # fmt: skip
        for line in _unknown_lines(report.unknown, additions):
            click.echo(line, err=True)
    if additions is not None:
        data["added"] = [{"vocabulary": a.vocabulary, "value": a.value} for a in report.added]
    if report.errors and not report.imported:
        if any(e.row == 1 for e in report.errors):
            summary = tr(
                "Nothing was imported: the header row does not match the template "
                "(`bioreserve template {kind} --out FILE.xlsx` writes one).",
                kind=kind,
            )
        elif skip_invalid:
            summary = tr("Nothing was imported: every row has errors.")
        else:
            summary = tr(
                "Nothing was imported: {bad} of {total} rows have errors. Correct them and "
                "import again, or add --skip-invalid to import the {good} valid rows.",
                bad=report.skipped,
                total=report.total,
                good=report.total - report.skipped,
            )
        click.echo(summary, err=True)
        if state.as_json:
            state.emit(data, "")
        sys.exit(EXIT_REFUSED)
    if report.errors:
        text = tr(
            "Imported {imported} of {total} rows from {file}; skipped {skipped} invalid "
            "row(s), listed above.",
            imported=report.imported,
            total=report.total,
            file=paths.shown_name(file),
            skipped=report.skipped,
        )
    else:
        text = tr(
            "Imported {imported} row(s) from {file}.",
            imported=report.imported,
            file=paths.shown_name(file),
        )
    if report.added:
        text += "\n" + tr(
            "Added to the vocabularies: {values}.",
            values="、".join(_named(a.vocabulary, a.value) for a in report.added),
        )
    state.emit(data, text)


def _named(vocabulary: str, value: str) -> str:
    return tr("{noun} “{value}”", noun=noun(vocabulary), value=value)


def _unknown_lines(unknown: list[importer.Unknown], additions) -> list[str]:
    """What to do about the values the vocabularies lack: add them, or (one resembling a
    known value) insist."""
    lines = []
    addable = [u for u in unknown if u.addable and not u.similar]
    if addable and not (additions and additions.every):
        lines.append(
            tr(
                "Not in the vocabularies: {values}. Write known values instead, or add these "
                "with --add-missing.",
                values="、".join(_named(u.vocabulary, u.value) for u in addable),
            )
        )
    for u in unknown:
        if u.addable and u.similar:
            lines.append(
                tr(
                    "{value} resembles {similar}: to add {value} all the same, give "
                    "--add-similar {value}.",
                    value=u.value,
                    similar=u.similar,
                )
            )
    return lines


def _error_lines(errors: list[importer.RowError]) -> list[str]:
    """One line per bad row: 第 5 行「数量」：… followed by the row's other bad cells."""
    lines, row = [], None
    for e in errors:
        if e.row != row:
            row = e.row
            lines.append(
                tr("Row {row}, {column}: {reason}", row=e.row, column=e.column, reason=e.reason)
            )
        else:
            lines[-1] += " " + tr("{column}: {reason}", column=e.column, reason=e.reason)
    return lines


FILE = click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
SKIP = click.option(
    "--skip-invalid",
    is_flag=True,
    help=tr(
        "Import the valid rows and report the invalid ones (by default nothing is imported "
        "while any row is invalid)."
    ),
)
ADD_MISSING = click.option(
    "--add-missing",
    is_flag=True,
    help=tr(
        "Add the values their vocabularies lack (specialties, material categories, units) "
        "instead of refusing the rows naming them; the values added are listed. A value "
        "resembling a known one is not added (see --add-similar)."
    ),
)
ADD_SIMILAR = click.option(
    "--add-similar",
    multiple=True,
    metavar="VALUE",
    help=tr(
        "Add VALUE to its vocabulary although it resembles a known value (repeat the option "
        "for several)."
    ),
)
AGAIN = click.option(
    "--again",
    is_flag=True,
    help=tr(
        "Import a file, or stock receipts, imported before (refused by default, saying when "
        "and by whom)."
    ),
)


@click.command(
    "import",
    help=tr(
        "Import catalogue items from an .xlsx or .csv file (`bioreserve template items` "
        "writes the template). An existing item code updates that item."
    ),
)
@FILE
@SKIP
@AGAIN
@ADD_MISSING
@ADD_SIMILAR
@click.pass_obj
def items_import(state: State, file, skip_invalid, again, add_missing, add_similar):
    _import(state, "items", file, skip_invalid, again, add_missing, add_similar)


@click.command(
    "import",
    help=tr(
        "Import depots from an .xlsx or .csv file (`bioreserve template depots` writes the "
        "template). An existing depot code updates that depot."
    ),
)
@FILE
@SKIP
@AGAIN
@click.pass_obj
def depots_import(state: State, file, skip_invalid, again):
    _import(state, "depots", file, skip_invalid, again)


@click.command(
    "import",
    help=tr(
        "Import reserve norms from an .xlsx or .csv file (`bioreserve template norms` writes "
        "the template). An existing norm is replaced."
    ),
)
@FILE
@SKIP
@AGAIN
@click.pass_obj
def norms_import(state: State, file, skip_invalid, again):
    _import(state, "norms", file, skip_invalid, again)


@click.command(
    "import",
    help=tr(
        "Import stock (opening balances or receipts) from an .xlsx or .csv file "
        "(`bioreserve template stock` writes the template)."
    ),
)
@FILE
@SKIP
@AGAIN
@click.pass_obj
def stock_import(state: State, file, skip_invalid, again):
    _import(state, "stock", file, skip_invalid, again)


@click.command(
    "export",
    help=tr(
        "Export balances by lot (库存), the ledger (台账, newest first) and the alerts (预警) "
        "to one .xlsx workbook."
    ),
)
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("The .xlsx file to write."),
)
@click.pass_obj
def stock_export(state: State, out):
    out = _xlsx(out)
    db = state.open()
    counts = export.write_workbook(db, out, progress=_progress(tr("Rows:")))
    moves = ledger.ledger_count(db)
    lines = [
        tr(
            "Exported to {path}: {balances} balances by lot (库存), {ledger} movements (台账), "
            "{alerts} alerts (预警).",
            path=out,
            balances=counts[export.BALANCES],
            ledger=counts[export.LEDGER],
            alerts=counts[export.ALERTS],
        )
    ]
    if moves > counts[export.LEDGER]:
        lines.append(
            tr(
                "The ledger holds {total} movements; the sheet 台账 has the newest {rows}.",
                total=moves,
                rows=counts[export.LEDGER],
            )
        )
    state.emit({"path": str(out), "sheets": counts, "ledger_total": moves}, "\n".join(lines))


def register(cli: click.Group) -> None:
    """Add `template`, `items|depots|norms|stock import` and `stock export` to the CLI."""
    cli.add_command(template, "template")
    cli.commands["items"].add_command(items_import, "import")
    cli.commands["depots"].add_command(depots_import, "import")
    cli.commands["norms"].add_command(norms_import, "import")
    cli.commands["stock"].add_command(stock_import, "import")
    cli.commands["stock"].add_command(stock_export, "export")
