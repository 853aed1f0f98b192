"""The order commands as a script uses them."""

import json

import pytest

from tests.helpers.cli import invoke


@pytest.fixture
def bio(capsys, demo_path):
    return lambda *args: invoke(capsys, "--db", str(demo_path), *args)


def test_create_prints_number_status_and_picked_lines(bio):
    _, made, _ = bio(
        "--json", "incident", "create", "--title", "疑似聚集性疫情", "--hazard",
        "infectious_disease", "--grade", "IV", "--division", "430407",
    )  # fmt: skip
    incident = json.loads(made)["number"]
    code, out, _ = bio(
        "--json",
        "order",
        "create",
        "--from",
        "HY-CK01",
        "--to",
        "HY-YY01",
        "--line",
        "PPE-0001=100",
        "--line",
        "DISINF-0001=10",
        "--incident",
        incident,
        "--needed-by",
        "2026/12/1",
    )
    data = json.loads(out)
    assert code == 0 and data["status"] == "draft" and data["number"].startswith("TB-DEMO-")
    assert {line["item"] for line in data["lines"]} == {"PPE-0001", "DISINF-0001"}
    assert sum(line["qty"] for line in data["lines"] if line["item"] == "PPE-0001") == 100
    assert set(data["lines"][0]) >= {"item", "lot", "expiry", "qty"}
    code, out, _ = bio("--json", "order", "list", "--incident", incident)
    assert [o["number"] for o in json.loads(out)] == [data["number"]]
    code, _, err = bio("order", "create", "--from", "HY-CK01", "--to", "HY-YY01", "--line",
                       "PPE-0001=1", "--incident", "EV-2026-01")  # fmt: skip
    assert code == 1 and "EV-2026-01" in err  # an incident by its number or id, not free text


def test_the_lifecycle_through_the_cli(bio):
    number = json.loads(
        bio(
            "--json",
            "order",
            "create",
            "--from",
            "HY-CK01",
            "--to",
            "HY-YY01",
            "--line",
            "PPE-0001=10",
        )[1]
    )["number"]
    for step in (
        ["submit"],
        ["approve", "--approver", "王局长"],
        ["dispatch", "--vehicle", "湘D12345", "--driver", "李师傅"],
        ["receive"],
    ):
        code, out, err = bio("--json", "order", step[0], number, *step[1:])
        assert code == 0, err
    assert json.loads(out)["status"] == "received"
    code, out, _ = bio("--json", "order", "list", "--status", "received")
    assert [o["number"] for o in json.loads(out)] == [number]
    code, out, _ = bio("--json", "order", "show", number)
    assert json.loads(out)["driver"] == "李师傅"


def test_refusals_exit_non_zero_with_the_reason(bio):
    code, out, err = bio(
        "order", "create", "--from", "HY-CK01", "--to", "HY-YY01", "--line", "PPE-0001"
    )
    assert code == 1 and "--line PPE-0001=500" in err
    number = json.loads(
        bio(
            "--json",
            "order",
            "create",
            "--from",
            "HY-CK01",
            "--to",
            "HY-YY01",
            "--line",
            "PPE-0001=10",
        )[1]
    )["number"]
    code, _, err = bio("order", "dispatch", number)
    assert code == 1 and number in err
    code, _, err = bio("order", "cancel", number, "--reason", " ")
    assert code == 1 and err


def test_an_oral_order_and_its_paperwork(bio):
    code, out, _ = bio(
        "--json",
        "order",
        "create",
        "--from",
        "HY-CK01",
        "--to",
        "衡阳县人民医院",
        "--line",
        "PPE-0001=10",
        "--oral",
        "--approver",
        "张指挥长",
    )
    data = json.loads(out)
    assert code == 0 and data["status"] == "approved"
    from desktop.core.values import shown_time

    code, out, _ = bio("order", "show", data["number"])
    due = json.loads(bio("--json", "order", "show", data["number"])[1])["paperwork_due"]
    assert shown_time(due) in out and due not in out  # local time, not the stored ISO text
    _, listed, _ = bio("order", "list")
    [row] = [line for line in listed.splitlines() if data["number"] in line]
    assert shown_time(due) in row  # the deadline in the list
    assert bio("order", "paperwork", data["number"])[0] == 0
    code, out, _ = bio("order", "show", data["number"])
    assert "已于" in out or "done" in out
    _, listed, _ = bio("order", "list")
    [row] = [line for line in listed.splitlines() if data["number"] in line]
    assert shown_time(due) not in row


def test_an_overdue_oral_order_is_marked_overdue(bio, demo_path):
    from desktop.cli.orders import _outstanding

    due = {"oral": 1, "oral_at": "2020-01-01T08:00:00+00:00", "paperwork_done_at": None,
           "status": "approved"}  # fmt: skip
    assert "逾期" in _outstanding(due) or "overdue" in _outstanding(due)


def test_verify_accepts_the_seal_and_refuses_a_changed_one(bio, demo_path):
    from desktop.core import orders
    from desktop.core.orders import seal as order_seal
    from desktop.core.store import db as dbmod

    number = json.loads(
        bio(
            "--json",
            "order",
            "create",
            "--from",
            "HY-CK01",
            "--to",
            "HY-YY01",
            "--line",
            "PPE-0001=10",
        )[1]
    )["number"]
    db = dbmod.open_db(demo_path)
    text = order_seal.payload(db, orders.detail(db, number))
    db.close()
    code, out, _ = bio("--json", "order", "verify", text)
    assert code == 0 and json.loads(out)["valid"] is True
    code, out, _ = bio("--json", "order", "verify", text.replace(number, number[:-1] + "9"))
    assert code == 1 and json.loads(out)["valid"] is False


def test_the_order_list_gives_local_times(bio, monkeypatch):
    import time
    from datetime import datetime
    from zoneinfo import ZoneInfo

    _, made, _ = bio("--json", "order", "create", "--from", "HY-CK01", "--to", "HY-YY01",
                     "--line", "PPE-0001=1")  # fmt: skip
    number = json.loads(made)["number"]
    with monkeypatch.context() as zone:  # only TZ undone after: the login stays
        zone.setenv("TZ", "Asia/Shanghai")
        time.tzset()
        try:
            code, out, _ = bio("order", "list")
        finally:
            zone.undo()
            time.tzset()
    _, stored, _ = bio("--json", "order", "list")
    [mine] = [o for o in json.loads(stored) if o["number"] == number]
    local = datetime.fromisoformat(mine["created_at"]).astimezone(ZoneInfo("Asia/Shanghai"))
    line = next(row for row in out.splitlines() if number in row)
    assert code == 0 and local.strftime("%Y-%m-%d %H:%M") in line
    assert "T" not in line.split(number)[1] and "+00:00" not in line
