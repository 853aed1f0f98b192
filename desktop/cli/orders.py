"""CLI for allocation orders (调拨单): create, move along the lifecycle, list, print, verify."""

import sys
from datetime import datetime
from pathlib import Path

import click

from desktop.cli.common import State, table
from desktop.core import orders
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.orders import seal as order_seal
from desktop.core.values import shown_time
from desktop.core.vocab import order_status


def _lines_table(result: dict) -> str:
    columns = [("item", tr("Item")), ("lot", tr("Lot")), ("expiry", tr("Expiry")),
               ("qty", tr("Quantity")), ("depot", tr("Depot"))]  # fmt: skip
    text = table(result["lines"], columns)
    for short in result.get("short", []):
        text += "\n" + tr("Short: {item} by {qty}", **short)
    return text


def _emit(state: State, result: dict) -> None:
    head = tr("{number}: {status}", number=result["number"], status=order_status(result["status"]))
    state.emit(result, head + "\n" + _lines_table(result))


def _parse_line(text: str) -> tuple[str, str]:
    code, sep, qty = text.partition("=")
    if not sep or not code.strip() or not qty.strip():
        raise BioError(
            tr("Write each line as ITEM=QTY, e.g. --line PPE-0001=500 (not {text}).", text=text)
        )
    return code.strip(), qty.strip()


@click.group(help=tr("Allocation orders (调拨单)."))
def order():
    pass


@order.command(
    "create",
    help=tr(
        "Create an allocation order; lots are picked earliest expiry "
        "first, the rest proposed from other depots."
    ),
)
@click.option("--from", "source", required=True, help=tr("Issuing depot code."))
@click.option(
    "--to",
    "destination",
    required=True,
    help=tr("Receiving depot code, or the name of the receiving unit."),
)
@click.option(
    "--line",
    "line_texts",
    multiple=True,
    required=True,
    help=tr("ITEM=QTY, e.g. PPE-0001=500; repeat for more lines."),
)
@click.option("--incident", default="", help=tr("The incident it serves: its number (SJ-…) or id."))
@click.option("--needed-by", help=tr("Needed by (date)."))
@click.option("--priority", default="一般", show_default=True, help=tr("特急, 紧急 or 一般."))
@click.option(
    "--oral",
    is_flag=True,
    help=tr("An oral or telephone order: approved now, written paperwork due within 48 hours."),
)
@click.option("--approver", default="", help=tr("Who approved (required for --oral)."))
@click.option("--requesting-unit", default="", help=tr("The requesting unit."))
@click.option("--to-address", default="", help=tr("Delivery address (for a unit)."))
@click.option("--to-contact", default="", help=tr("Receiving contact person."))
@click.option("--to-phone", default="", help=tr("Receiving contact phone."))
@click.pass_obj
def order_create(
    state: State,
    source,
    destination,
    line_texts,
    incident,
    needed_by,
    priority,
    oral,
    approver,
    requesting_unit,
    to_address,
    to_contact,
    to_phone,
):
    items = [_parse_line(text) for text in line_texts]
    result = orders.create(
        state.open(),
        state.ctx,
        source,
        destination,
        items,
        incident=incident,
        needed_by=needed_by,
        priority=priority,
        oral=oral,
        approver=approver,
        requesting_unit=requesting_unit,
        to_address=to_address,
        to_contact=to_contact,
        to_phone=to_phone,
    )
    _emit(state, result)


@order.command("submit", help=tr("Submit a draft order for approval."))
@click.argument("number")
@click.pass_obj
def order_submit(state: State, number):
    _emit(state, orders.submit(state.open(), state.ctx, number))


@order.command("approve", help=tr("Approve an order and reserve its stock."))
@click.argument("number")
@click.option("--approver", default="", help=tr("Who approves (批准人)."))
@click.pass_obj
def order_approve(state: State, number, approver):
    _emit(state, orders.approve(state.open(), state.ctx, number, approver))


@order.command("dispatch", help=tr("Dispatch an approved order: the stock leaves the depots."))
@click.argument("number")
@click.option("--vehicle", default="", help=tr("Vehicle (plate)."))
@click.option("--driver", default="", help=tr("Driver."))
@click.option("--driver-phone", default="", help=tr("Driver's phone."))
@click.pass_obj
def order_dispatch(state: State, number, vehicle, driver, driver_phone):
    _emit(state, orders.dispatch(state.open(), state.ctx, number, vehicle, driver, driver_phone))


@order.command("receive", help=tr("Book the arrival of a dispatched order (as dispatched)."))
@click.argument("number")
@click.pass_obj
def order_receive(state: State, number):
    _emit(state, orders.receive(state.open(), state.ctx, number))


@order.command("cancel", help=tr("Cancel an order before dispatch (reservations are released)."))
@click.argument("number")
@click.option("--reason", required=True, help=tr("Why it is cancelled."))
@click.pass_obj
def order_cancel(state: State, number, reason):
    _emit(state, orders.cancel(state.open(), state.ctx, number, reason))


@order.command("paperwork", help=tr("Record that an oral order's written paperwork is done."))
@click.argument("number")
@click.pass_obj
def order_paperwork(state: State, number):
    _emit(state, orders.complete_paperwork(state.open(), state.ctx, number))


@order.command("list", help=tr("Allocation orders, newest first."))
@click.option("--status", type=click.Choice(orders.STATUSES), help=tr("Only this status."))
@click.option("--incident", help=tr("Only this incident."))
@click.pass_obj
def order_list(state: State, status, incident):
    rows = orders.listing(state.open(), status, incident)
    shown = [  # times in local time to the minute, as `stock ledger` shows them
        {**r, "status_label": order_status(r["status"]), "created_at": shown_time(r["created_at"]),
         "paperwork": _outstanding(r)}
        for r in rows
    ]  # fmt: skip
    state.emit(
        rows,
        table(
            shown,
            [
                ("number", tr("Number")),
                ("status_label", tr("Status")),
                ("priority", tr("Priority")),
                ("source", tr("From")),
                ("destination", tr("To")),
                ("lines", tr("Lines")),
                ("created_at", tr("Created")),
                ("paperwork", tr("Paperwork due")),
            ],
        ),
    )


def _outstanding(order: dict) -> str:
    """An oral order's written paperwork still to do: its deadline in local time, marked
    when past ('' when there is none or it is done)."""
    due = orders.paperwork_due(order) if order.get("oral") else None
    if not due or order.get("paperwork_done_at") or order.get("status") == "cancelled":
        return ""
    late = datetime.fromisoformat(due) < datetime.now().astimezone()
    return shown_time(due) + (" " + tr("(overdue)") if late else "")


def _paperwork(detail: dict) -> str:
    if detail.get("paperwork_done_at"):
        return tr("Oral order: written paperwork done {time}",
                  time=shown_time(detail["paperwork_done_at"]))  # fmt: skip
    outstanding = _outstanding(detail)
    return tr("Oral order: written paperwork due by {due}", due=outstanding) if outstanding else ""


@order.command("show", help=tr("One order with its lines and picked lots."))
@click.argument("number")
@click.pass_obj
def order_show(state: State, number):
    detail = orders.detail(state.open(), number)
    text = [
        tr("{number}: {status}", number=detail["number"], status=order_status(detail["status"])),
        tr("From: {source}", source=detail["from_depot_name"] or "—"),
        tr("To: {destination}", destination=detail["to_depot_name"] or detail["to_unit"]),
    ]
    paperwork = _paperwork(detail)
    if paperwork:
        text.append(paperwork)
    text.append(
        table(
            detail["picks"],
            [
                ("line_no", "#"),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("lot", tr("Lot")),
                ("expiry", tr("Expiry")),
                ("qty", tr("Quantity")),
                ("depot", tr("Depot")),
            ],
        )
    )
    state.emit(detail, "\n".join(text))


@order.command("print", help=tr("Write the printed order (PDF) with its signed QR code."))
@click.argument("number")
@click.option(
    "--out",
    "path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help=tr("The PDF file to write."),
)
@click.option(
    "--copies",
    type=click.Choice(["1", "3"]),
    default="1",
    show_default=True,
    help=tr("3: 存根, 出库联 and 接收联."),
)
@click.pass_obj
def order_print(state: State, number, path, copies):
    from desktop.documents import allocation_order

    result = allocation_order.render(state.open(), number, path, copies=int(copies))
    if result.warning:
        click.echo(result.warning, err=True)
    state.emit(
        {"path": str(result.path), "pages": result.pages},
        tr("Wrote {path} ({pages} pages).", path=result.path, pages=result.pages),
    )


@order.command("verify", help=tr("Check the QR text of a printed order (exit 0 when genuine)."))
@click.argument("text")
@click.pass_obj
def order_verify(state: State, text):
    verdict = order_seal.verify(state.open(), text)
    state.emit(
        {
            "valid": verdict.valid,
            "number": verdict.number,
            "station": verdict.station,
            "message": verdict.message,
            "matches_record": verdict.matches_record,
        },
        verdict.message,
    )
    if not verdict.valid:
        sys.exit(1)


def register(cli: click.Group) -> None:
    cli.add_command(order, "order")
