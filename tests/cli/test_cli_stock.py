"""The stock commands as a script uses them: JSON shapes, exit codes, messages."""

import json
from datetime import date, timedelta

import pytest

from desktop.core.context import Ctx
from desktop.core.reserves import catalog
from tests.helpers.cli import cli_station, invoke
from tests.helpers.stations import days

# Expiries relative to today, so that the lots stay usable however late the tests run: B1
# expires last; B0 (typed as people write dates, like 2029/6/1) earlier: FEFO takes it first.
LATER = days(800)
SOONER = date.today() + timedelta(days=500)


@pytest.fixture
def station(capsys, db_path):
    """A station (as `bioreserve init` makes it) with two depots and masks; bio(*args) runs
    the CLI against it."""

    def bio(*args):
        return invoke(capsys, "--db", str(db_path), *args)

    db = cli_station(db_path, "HY-T", "测试站")
    ctx = Ctx("os:test")
    catalog.save_depot(db, ctx, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_depot(db, ctx, {"code": "YY1", "name": "医院库", "level": "医疗机构"})
    catalog.save_item(
        db, ctx, {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "PPE"}
    )
    db.close()
    return bio


def test_receive_issue_and_balance_in_json(station):
    assert (
        station(
            "stock",
            "receive",
            "--depot",
            "CK1",
            "--item",
            "KZ",
            "--lot",
            "B1",
            "--expiry",
            LATER,
            "--qty",
            "100",
            "--source",
            "捐赠",
        )[0]
        == 0
    )
    assert (
        station(
            "stock",
            "receive",
            "--depot",
            "CK1",
            "--item",
            "KZ",
            "--lot",
            "B0",
            "--expiry",
            f"{SOONER.year}/{SOONER.month}/{SOONER.day}",
            "--qty",
            "50",
        )[0]
        == 0
    )
    code, out, _ = station(
        "--json", "stock", "issue", "--depot", "CK1", "--item", "KZ", "--qty", "60"
    )
    assert code == 0
    assert json.loads(out) == [
        {"depot": "CK1", "item": "KZ", "lot": "B0", "expiry": SOONER.isoformat(), "qty": 50},
        {"depot": "CK1", "item": "KZ", "lot": "B1", "expiry": LATER, "qty": 10},
    ]
    code, out, _ = station("--json", "stock", "balance")
    assert json.loads(out) == [
        {"depot": "CK1", "item": "KZ", "lot": None, "expiry": None, "qty": 90, "unit": "只"}
    ]
    code, out, _ = station("--json", "stock", "balance", "--by-lot")
    assert json.loads(out) == [
        {"depot": "CK1", "item": "KZ", "lot": "B1", "expiry": LATER, "qty": 90, "unit": "只"}
    ]


def test_transfer_count_writeoff_and_arrival(station):
    station(
        "stock",
        "receive",
        "--depot",
        "CK1",
        "--item",
        "KZ",
        "--lot",
        "B1",
        "--expiry",
        LATER,
        "--qty",
        "100",
    )
    code, out, _ = station(
        "--json", "stock", "transfer", "--from", "CK1", "--to", "YY1", "--item", "KZ", "--qty", "30"
    )
    [sent] = json.loads(out)
    assert code == 0 and sent["qty"] == 30
    code, out, _ = station("--json", "stock", "transit")
    assert [t["id"] for t in json.loads(out)] == [sent["transfer"]]
    assert station("stock", "arrive", sent["transfer"])[0] == 0
    assert (
        station(
            "stock", "count", "--depot", "CK1", "--item", "KZ", "--lot", "B1", "--counted", "68"
        )[0]
        == 0
    )
    assert (
        station(
            "stock",
            "writeoff",
            "--depot",
            "CK1",
            "--item",
            "KZ",
            "--lot",
            "B1",
            "--qty",
            "8",
            "--reason",
            "损坏",
        )[0]
        == 0
    )
    code, out, _ = station("--json", "stock", "balance", "--by-lot")
    assert {(r["depot"], r["qty"]) for r in json.loads(out)} == {("CK1", 60), ("YY1", 30)}


@pytest.mark.parametrize(
    "args",
    [
        ("stock", "issue", "--depot", "CK1", "--item", "KZ", "--qty", "1000"),
        ("stock", "issue", "--depot", "NONE", "--item", "KZ", "--qty", "1"),
        ("stock", "receive", "--depot", "CK1", "--item", "KZ", "--lot", "B9", "--qty", "5"),
        (
            "stock",
            "receive",
            "--depot",
            "CK1",
            "--item",
            "KZ",
            "--lot",
            "B9",
            "--qty",
            "-5",
            "--expiry",
            LATER,
        ),
        (
            "stock",
            "writeoff",
            "--depot",
            "CK1",
            "--item",
            "KZ",
            "--lot",
            "B1",
            "--qty",
            "1",
            "--reason",
            "随便",
        ),
        ("stock", "alerts", "--near-days", "abc"),
    ],
)
def test_refused_input_exits_non_zero_with_the_reason_on_stderr(station, args):
    station(
        "stock",
        "receive",
        "--depot",
        "CK1",
        "--item",
        "KZ",
        "--lot",
        "B1",
        "--expiry",
        LATER,
        "--qty",
        "100",
    )
    code, out, err = station(*args)
    assert code == 1 and err.strip() and "Traceback" not in err and out == ""
    code, out, _ = station("--json", "stock", "balance")
    assert json.loads(out)[0]["qty"] == 100


def test_alerts_json_has_the_documented_keys(capsys, demo_path):
    code, out, _ = invoke(capsys, "--db", str(demo_path), "--json", "stock", "alerts")
    data = json.loads(out)
    assert code == 0
    for key in ("below_norm", "near_expiry", "expired", "out_of_stock"):
        assert isinstance(data[key], list) and data[key], key
    assert {"depot", "item", "lot", "expiry", "qty", "days_left"} <= set(data["near_expiry"][0])


def test_search_by_pinyin_initials(capsys, demo_path):
    code, out, _ = invoke(
        capsys, "--db", str(demo_path), "--json", "items", "list", "--search", "kz"
    )
    names = [r["name"] for r in json.loads(out)]
    assert names and all("口罩" in n for n in names)


def test_norms_compliance_and_rotation_run_on_demo_data(capsys, demo_path):
    code, out, _ = invoke(capsys, "--db", str(demo_path), "--json", "norms", "compliance")
    data = json.loads(out)
    assert code == 0 and 0 < data["city"]["percent"] <= 100
    code, out, _ = invoke(capsys, "--db", str(demo_path), "--json", "stock", "rotation")
    assert code == 0 and isinstance(json.loads(out), list)


def test_a_frozen_lot_cannot_be_issued_until_released(station):
    station(
        "stock",
        "receive",
        "--depot",
        "CK1",
        "--item",
        "KZ",
        "--lot",
        "B1",
        "--expiry",
        LATER,
        "--qty",
        "100",
    )
    assert station("stock", "lot-status", "--item", "KZ", "--lot", "B1", "--status", "冻结")[0] == 0
    code, _, err = station("stock", "issue", "--depot", "CK1", "--item", "KZ", "--qty", "1")
    assert code == 1 and err
    code, _, err = station("stock", "lot-status", "--item", "KZ", "--lot", "B1", "--status", "坏")
    assert code == 1 and "合格" in err
    assert station("stock", "lot-status", "--item", "KZ", "--lot", "B1", "--status", "合格")[0] == 0
    assert station("stock", "issue", "--depot", "CK1", "--item", "KZ", "--qty", "1")[0] == 0


def test_integer_options_are_bounded_and_refused_by_name(station):
    """--limit -1 returned every movement; now every integer option has its range and a
    value outside it is a refusal (exit 1) naming the option, never a traceback."""
    for args in (
        ("stock", "ledger", "--limit", "-1"),
        ("stock", "ledger", "--limit", str(2**63)),
        ("stock", "rotation", "--days", "0"),
        ("expert", "alerts", "--days", "99999"),
    ):
        code, _, err = station(*args)
        assert code == 1 and args[2] in err and "Traceback" not in err, args
    code, _, err = station("stock", "receive", "--depot", "CK1", "--item", "KZ", "--lot", "B9",
                       "--expiry", "2099-01-01", "--qty", str(10**12 + 1))  # fmt: skip
    assert code == 1 and "Traceback" not in err


def test_filters_name_a_known_depot_or_item_and_may_differ_in_case(station):
    """A mistyped code is refused (it read as "no stock"); one typed in lower case is the
    depot or item it names."""
    code, _, _ = station("stock", "receive", "--depot", "CK1", "--item", "KZ", "--lot", "B1",
                         "--expiry", LATER, "--qty", "100")  # fmt: skip
    assert code == 0
    for command in ("balance", "ledger"):
        for option, wrong in (("--depot", "CK9"), ("--item", "NOPE")):
            code, out, err = station("--json", "stock", command, option, wrong)
            assert code == 1 and wrong in err and not out, (command, option)
        code, out, _ = station("--json", "stock", command, "--depot", "ck1", "--item", "kz")
        assert code == 0 and [r["qty"] for r in json.loads(out)] == [100], command


def test_a_norm_typed_in_full_width_digits_is_said_and_stored_as_a_number(station):
    code, out, _ = station("norms", "set", "--depot", "CK1", "--item", "KZ", "--qty", "１０")
    assert code == 0 and "10" in out and "１０" not in out
    code, out, _ = station("--json", "norms", "set", "--depot", "CK1", "--item", "KZ",
                           "--qty", "２０")  # fmt: skip
    assert code == 0 and json.loads(out)["qty"] == 20
    code, _, err = station("norms", "set", "--depot", "CK1", "--item", "KZ", "--qty", "十")
    assert code == 1 and "定额" in err


def test_compliance_without_any_norm_says_so(station):
    code, out, _ = station("norms", "compliance")
    assert code == 0 and "None" not in out and "norms set" in out
