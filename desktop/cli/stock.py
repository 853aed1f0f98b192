"""CLI for the reserves: items, depots, norms and the stock ledger (thin over desktop.core)."""

import click

from desktop.cli.common import State, table
from desktop.core import values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import alerts as alertsmod
from desktop.core.reserves import catalog, ledger, norms, reconcile, rotation, stock


@click.group(help=tr("Catalogue items."))
def items():
    pass


@items.command("list", help=tr("List catalogue items; --search matches code, name or pinyin."))
@click.option("--search", default="", help=tr("Text, or pinyin initials such as kz for 口罩."))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.pass_obj
def items_list(state: State, search, limit):
    rows = catalog.search_items(state.open(), search, limit)
    data = [
        {k: r[k] for k in ("code", "name", "spec", "unit", "category", "storage")} for r in rows
    ]
    state.emit(
        data,
        table(
            data,
            [
                ("code", tr("Code")),
                ("name", tr("Name")),
                ("spec", tr("Specification")),
                ("unit", tr("Unit")),
                ("category", tr("Category")),
            ],
        ),
    )


@click.group(help=tr("Depots."))
def depots():
    pass


@depots.command("list", help=tr("List depots."))
@click.pass_obj
def depots_list(state: State):
    rows = list(
        state.open().query(
            "SELECT code, name, division, level, address, contact FROM depot WHERE deleted = 0 "
            "ORDER BY code"
        )
    )
    state.emit(
        rows,
        table(
            rows,
            [
                ("code", tr("Code")),
                ("name", tr("Name")),
                ("division", tr("Division")),
                ("level", tr("Level")),
            ],
        ),
    )


@click.group(help=tr("Reserve norms (储备定额)."))
def norms_group():
    pass


@norms_group.command("set", help=tr("Set the reserve norm of an item at a depot."))
@click.option("--depot", required=True, help=tr("Depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--qty", required=True, help=tr("Norm in the item's base unit."))
@click.pass_obj
def norms_set(state: State, depot, item, qty):
    db = state.open()
    qty = values.whole(qty, allow_zero=True, field=tr("Reserve norm"))  # as stored: "１０" is 10
    norms.set_norm(db, state.ctx, depot, item, qty)
    state.emit(
        {"depot": depot, "item": item, "qty": qty},
        tr("Norm of {item} at {depot}: {qty}", item=item, depot=depot, qty=qty),
    )


@norms_group.command("compliance", help=tr("Compliance with the norms: city, depots, categories."))
@click.pass_obj
def norms_compliance(state: State):
    data = norms.compliance(state.open())
    city = data["city"]
    if not city["lines"]:  # nothing to comply with yet ("None%")
        state.emit(data, tr("No reserve norm is set yet: `bioreserve norms set` or "
                            "`bioreserve norms import` sets them."))  # fmt: skip
        return
    lines = [
        tr(
            "City: {percent}% ({met} of {lines} norm lines met)",
            percent=city["percent"],
            met=city["met"],
            lines=city["lines"],
        ),
        "",
    ]
    lines.append(
        table(
            data["depots"],
            [
                ("depot", tr("Depot")),
                ("name", tr("Name")),
                ("percent", "%"),
                ("met", tr("Met")),
                ("lines", tr("Lines")),
            ],
        )
    )
    lines.append("")
    lines.append(
        table(
            data["categories"],
            [
                ("name", tr("Category")),
                ("percent", "%"),
                ("met", tr("Met")),
                ("lines", tr("Lines")),
            ],
        )
    )
    state.emit(data, "\n".join(lines))


@click.group(help=tr("The stock ledger: receive, issue, transfer, count, write off, balances."))
def stock_group():
    pass


@stock_group.command("receive", help=tr("Receive stock (入库)."))
@click.option("--depot", required=True, help=tr("Depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--lot", "batch", required=True, help=tr("Batch number."))
@click.option(
    "--expiry",
    help=tr("Expiry date, e.g. 2027-03-01 (required for new lots of items managed by expiry)."),
)
@click.option("--produced", help=tr("Production date."))
@click.option("--manufacturer", default="", help=tr("Manufacturer."))
@click.option("--qty", required=True, help=tr("Quantity in the item's base unit."))
@click.option(
    "--source",
    default="采购",
    show_default=True,
    help=tr("采购, 捐赠, 调入 or 退库 (purchase, donation, transfer, return)."),
)
@click.pass_obj
def stock_receive(state: State, depot, item, batch, expiry, produced, manufacturer, qty, source):
    done = stock.receive(
        state.open(), state.ctx, depot, item, batch, qty, expiry, produced, manufacturer, source
    )
    state.emit(done, tr("Received {qty} of {item} lot {lot} at {depot}.", **done))


def _picks_data(depot, item, picks):
    return [
        {"depot": depot, "item": item, "lot": p.batch_no, "expiry": p.expires_on, "qty": p.qty}
        for p in picks
    ]


@stock_group.command("issue", help=tr("Issue stock (出库), earliest expiry first unless --lot."))
@click.option("--depot", required=True, help=tr("Depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--qty", required=True, help=tr("Quantity in the item's base unit."))
@click.option("--lot", "batch", help=tr("Batch number (default: FEFO across usable lots)."))
@click.option("--reason", default="", help=tr("Reason or destination."))
@click.pass_obj
def stock_issue(state: State, depot, item, qty, batch, reason):
    picks = stock.issue(state.open(), state.ctx, depot, item, qty, batch, reason)
    data = _picks_data(depot, item, picks)
    state.emit(
        data,
        tr("Issued:")
        + "\n"
        + table(data, [("lot", tr("Lot")), ("expiry", tr("Expiry")), ("qty", tr("Quantity"))]),
    )


@stock_group.command(
    "transfer", help=tr("Transfer stock to another depot (in transit until received).")
)
@click.option("--from", "source", required=True, help=tr("Sending depot code."))
@click.option("--to", "target", required=True, help=tr("Receiving depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--qty", required=True, help=tr("Quantity in the item's base unit."))
@click.option("--lot", "batch", help=tr("Batch number (default: FEFO across usable lots)."))
@click.pass_obj
def stock_transfer(state: State, source, target, item, qty, batch):
    sent = stock.transfer(state.open(), state.ctx, source, target, item, qty, batch)
    state.emit(
        sent,
        tr("In transit:")
        + "\n"
        + table(sent, [("transfer", "ID"), ("lot", tr("Lot")), ("qty", tr("Quantity"))]),
    )


@stock_group.command("transit", help=tr("Transfers in transit."))
@click.pass_obj
def stock_transit(state: State):
    rows = stock.in_transit(state.open())
    state.emit(
        rows,
        table(
            rows,
            [
                ("id", "ID"),
                ("from_depot", tr("From")),
                ("to_depot", tr("To")),
                ("item", tr("Item")),
                ("lot", tr("Lot")),
                ("qty_sent", tr("Quantity")),
            ],
        ),
    )


@stock_group.command("arrive", help=tr("Receive a transfer at its destination."))
@click.argument("transfer_id")
@click.option("--qty", help=tr("Quantity that arrived (default: as sent)."))
@click.option("--reason", default="", help=tr("Reason for a difference."))
@click.pass_obj
def stock_arrive(state: State, transfer_id, qty, reason):
    done = stock.receive_transfer(state.open(), state.ctx, transfer_id, qty, reason)
    state.emit(done, tr("Received {received} of {sent} sent.", **done))


@stock_group.command("count", help=tr("Record a stock count (盘点) of one lot."))
@click.option("--depot", required=True, help=tr("Depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--lot", "batch", required=True, help=tr("Batch number."))
@click.option("--counted", required=True, help=tr("Quantity counted."))
@click.option("--reason", default="", help=tr("Reason for a difference."))
@click.pass_obj
def stock_count(state: State, depot, item, batch, counted, reason):
    done = stock.count(state.open(), state.ctx, depot, item, batch, counted, reason)
    state.emit(done, tr("Book {book}, counted {counted}: adjusted by {difference}.", **done))


@stock_group.command(
    "reconcile",
    help=tr(
        "Negative balances left by a merge (对账事项): list them, or settle one with a count "
        "(--depot, --item, --lot, --counted, --reason)."
    ),
)
@click.option("--depot", help=tr("Depot code."))
@click.option("--item", help=tr("Item code."))
@click.option("--lot", "--batch", "batch", help=tr("Batch number."))
@click.option("--counted", help=tr("Quantity counted."))
@click.option("--reason", default="", help=tr("What the count found (required to settle)."))
@click.pass_obj
def stock_reconcile(state: State, depot, item, batch, counted, reason):
    db = state.open()
    settle = (depot, item, batch, counted)
    if any(settle) or reason:
        if not all(v not in (None, "") for v in settle):
            raise BioError(
                tr("To settle an item give --depot, --item, --lot, --counted and --reason.")
            )
        done = reconcile.resolve(db, state.ctx, depot, item, batch, counted, reason)
        state.emit(done, tr("Book {book}, counted {counted}: adjusted by {difference}.", **done))
        return
    found = reconcile.items(db)
    if not found:
        state.emit(found, tr("No negative balances to reconcile."))
        return
    rows = [{**f, "stations": ", ".join(f["stations_involved"])} for f in found]
    parts = [
        table(
            rows,
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("batch", tr("Lot")),
                ("expiry", tr("Expiry")),
                ("balance", tr("Balance")),
                ("unit", tr("Unit")),
                ("stations", tr("Stations")),
            ],
        )
    ]
    for f in found:
        parts.append("")
        parts.append(f"== {f['depot']} {f['item']} {f['batch']} ({f['balance']} {f['unit']}) ==")
        parts.append(
            table(
                shown_movements(f["movements"]),
                [
                    ("occurred_at", tr("Time")),
                    ("kind", tr("Kind")),
                    ("qty", tr("Quantity")),
                    ("station", tr("Station")),
                    ("actor", tr("Actor")),
                    ("reason", tr("Reason")),
                ],
            )
        )
    state.emit(found, "\n".join(parts))


@stock_group.command("writeoff", help=tr("Write stock off (报废): 过期, 损坏 or 丢失."))
@click.option("--depot", required=True, help=tr("Depot code."))
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--lot", "batch", required=True, help=tr("Batch number."))
@click.option("--qty", required=True, help=tr("Quantity in the item's base unit."))
@click.option("--reason", required=True, help=tr("过期, 损坏 or 丢失 (expired, damaged, lost)."))
@click.pass_obj
def stock_writeoff(state: State, depot, item, batch, qty, reason):
    done = stock.writeoff(state.open(), state.ctx, depot, item, batch, qty, reason)
    state.emit(done, tr("Wrote off {qty} of {item} lot {lot} ({reason}).", **done))


@stock_group.command(
    "lot-status", help=tr("Release (合格), quarantine (待检), freeze (冻结) or scrap (报废) a lot.")
)
@click.option("--item", required=True, help=tr("Item code."))
@click.option("--lot", "batch", required=True, help=tr("Batch number."))
@click.option("--status", required=True, help=tr("合格, 待检, 冻结 or 报废."))
@click.pass_obj
def stock_lot_status(state: State, item, batch, status):
    done = catalog.set_lot_status_by_batch(state.open(), state.ctx, item, batch, status)
    state.emit(done, tr("Lot {lot} of {item}: {was} → {status}.", **done))


BALANCE_KEYS = ("depot", "item", "lot", "expiry", "qty", "unit")


def kind_names() -> dict[str, str]:
    """The ledger's kinds of movement as people call them."""
    return {
        "receive": tr("Stock in"),
        "issue": tr("Stock out"),
        "transfer_out": tr("Transfer out"),
        "transfer_in": tr("Transfer in"),
        "count": tr("Stock count"),
        "writeoff": tr("Write-off"),
    }


def shown_movements(rows: list[dict]) -> list[dict]:
    """Movements as the text table shows them: their kind named, their time in local time
    (the JSON keeps the stored time and the kind's code)."""
    names = kind_names()
    return [
        {
            **row,
            "kind": names.get(row["kind"], row["kind"]),
            "occurred_at": values.shown_time(row["occurred_at"]),
        }
        for row in rows
    ]


@stock_group.command("balance", help=tr("Stock on hand per depot and item (--by-lot: per lot)."))
@click.option("--depot", help=tr("Only this depot (code)."))
@click.option("--item", help=tr("Only this item (code)."))
@click.option("--by-lot", is_flag=True, help=tr("One line per lot, with its expiry."))
@click.pass_obj
def stock_balance(state: State, depot, item, by_lot):
    db = state.open()
    depot, item = _known_codes(db, depot, item)
    rows = ledger.balances(db, depot, item, by_lot)
    data = [{k: r[k] for k in BALANCE_KEYS} for r in rows]
    columns = [("depot", tr("Depot")), ("item", tr("Item")), ("item_name", tr("Name"))]
    if by_lot:
        columns += [("lot", tr("Lot")), ("expiry", tr("Expiry")), ("status", tr("Status"))]
    columns += [("qty", tr("Quantity")), ("unit", tr("Unit"))]
    state.emit(data, table(rows, columns))


@stock_group.command("alerts", help=tr("Below norm, out of stock, near expiry and expired."))
@click.option("--near-days", help=tr("Near-expiry thresholds in days, e.g. 30,90,180."))
@click.option("--save", is_flag=True, help=tr("Keep --near-days as this station's setting."))
@click.pass_obj
def stock_alerts(state: State, near_days, save):
    db = state.open()
    days = alertsmod.parse_thresholds(near_days) if near_days else None
    if save and days:
        alertsmod.set_thresholds(db, near_days, state.ctx)
    data = alertsmod.compute(db, days=days)
    parts = []
    sections = (
        (
            "below_norm",
            tr("Below norm"),
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("have", tr("Usable")),
                ("norm", tr("Norm")),
                ("short", tr("Short")),
            ],
        ),
        (
            "out_of_stock",
            tr("Out of stock"),
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("norm", tr("Norm")),
            ],
        ),
        (
            "near_expiry",
            tr("Near expiry"),
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("lot", tr("Lot")),
                ("expiry", tr("Expiry")),
                ("days_left", tr("Days left")),
                ("qty", tr("Quantity")),
            ],
        ),
        (
            "expired",
            tr("Expired"),
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("lot", tr("Lot")),
                ("expiry", tr("Expiry")),
                ("qty", tr("Quantity")),
            ],
        ),
    )
    for key, title, columns in sections:
        parts.append(f"== {title} ({len(data[key])}) ==")
        if data[key]:
            parts.append(table(data[key], columns))
    state.emit(data, "\n".join(parts))


@stock_group.command("rotation", help=tr("Near-expiry reserve lots to rotate to hospitals."))
@click.option(
    "--days",
    default=180,
    show_default=True,
    type=click.IntRange(1, 3650),
    help=tr("Look this many days ahead."),
)
@click.pass_obj
def stock_rotation(state: State, days):
    rows = rotation.proposals(state.open(), horizon_days=days)
    state.emit(
        rows,
        table(
            rows,
            [
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("item_name", tr("Name")),
                ("lot", tr("Lot")),
                ("expiry", tr("Expiry")),
                ("qty", tr("Quantity")),
                ("target", tr("To")),
                ("move", tr("Move")),
                ("replacement", tr("Replace")),
            ],
        ),
    )


@stock_group.command("ledger", help=tr("The newest movements of the ledger."))
@click.option("--depot", help=tr("Only this depot (code)."))
@click.option("--item", help=tr("Only this item (code)."))
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 100_000))
@click.pass_obj
def stock_ledger(state: State, depot, item, limit):
    db = state.open()
    depot, item = _known_codes(db, depot, item)
    rows = ledger.ledger_page(db, limit=limit, depot=depot, item=item)
    state.emit(
        rows,
        table(
            shown_movements(rows),
            [
                ("occurred_at", tr("Time")),
                ("kind", tr("Kind")),
                ("depot", tr("Depot")),
                ("item", tr("Item")),
                ("lot", tr("Lot")),
                ("qty", tr("Quantity")),
                ("reason", tr("Reason")),
            ],
        ),
    )


def _known_codes(db, depot: str | None, item: str | None) -> tuple[str | None, str | None]:
    """The depot and item codes of a filter as stored; an unknown one is refused (a typing
    error would otherwise read as "no stock")."""
    if depot is not None:
        depot = catalog.depot_by_code(db, depot)["code"]
    if item is not None:
        item = catalog.item_by_code(db, item)["code"]
    return depot, item


def register(cli: click.Group) -> None:
    cli.add_command(items, "items")
    cli.add_command(depots, "depots")
    cli.add_command(norms_group, "norms")
    cli.add_command(stock_group, "stock")
