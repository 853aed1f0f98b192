"""The demonstration data set (resources/demo/*.json), clearly marked as such.

Depots, catalogue items and experts come from the files; lots and stock are
generated from a fixed seed with expiry dates relative to the day of loading,
so a demo database always shows some expired and near-expiry stock. A demo
database carries meta demo=1, which the window title, the status bar and
`info` show.
"""

import json
import random
from datetime import date, datetime, timedelta

from desktop.core.context import Ctx
from desktop.core.paths import resource
from desktop.core.reserves import catalog, norms
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

DEMO_ACTOR = Ctx("demo-data")
SEED = 430400

MANUFACTURERS = {
    "PPE": ["稳健医疗用品股份有限公司", "振德医疗用品股份有限公司", "湖南康利来医疗器械有限公司"],
    "DRUG": ["华润双鹤药业股份有限公司", "石药集团欧意药业有限公司", "湖南九典制药股份有限公司"],
    "MED-DEV": ["山东威高集团医用高分子制品股份有限公司", "湖南平安医械科技有限公司"],
    "MED-EQP": ["深圳迈瑞生物医疗电子股份有限公司", "鱼跃医疗设备股份有限公司"],
    "DISINF": ["利尔康医疗科技股份有限公司", "湖南汇虹试剂有限公司"],
    "REAGENT": ["圣湘生物科技股份有限公司", "达安基因股份有限公司", "万孚生物技术股份有限公司"],
    "OTHER": ["衡阳市应急物资供应有限公司"],
}


def _load(file: str) -> list[dict]:
    return json.loads(resource("demo", file).read_text(encoding="utf-8"))


def load(db: Database, today: date | None = None) -> dict[str, int]:
    """Add the demo set; returns counts of what was added."""
    today = today or date.today()
    rng = random.Random(SEED)
    depots, items, experts = _load("depots.json"), _load("items.json"), _load("experts.json")
    counts = {"depots": 0, "items": 0, "lots": 0, "movements": 0, "norms": 0, "experts": 0}
    with write(db, DEMO_ACTOR) as w:
        depot_ids = {}
        for d in depots:
            depot_ids[d["code"]] = w.insert(
                "depot",
                {
                    "code": d["code"],
                    "name": d["name"],
                    "division": d["division"],
                    "agency_id": reference_id("agency", d["agency"]),
                    "level": d["level"],
                    "address": d["address"],
                    "contact": d["contact"],
                    "phone": d["phone"],
                    "notes": "演示数据",
                },
            )
        counts["depots"] = len(depot_ids)
        item_ids = {}
        for it in items:
            item_ids[it["code"]] = w.insert(
                "item",
                {
                    "code": it["code"],
                    "name": it["name"],
                    "spec": it["spec"],
                    "unit": it["unit"],
                    "pack_size": it.get("pack") or 1,
                    "category": it["category"],
                    "gbt_code": it.get("gbt_code"),
                    "shelf_life": int(bool(it["shelf_life"])),
                    "storage": it["storage"],
                    "pack_unit": "箱",
                },
            )
        counts["items"] = len(item_ids)
        now = datetime.now().astimezone()
        lots_made: dict[str, None] = {}  # in the order made (their ids differ run to run)
        held: list[tuple[str, str, int]] = []  # depot code, item code, qty received
        for it in items:
            for depot in depots:
                share = _share(depot["level"])
                if rng.random() > share["coverage"]:
                    continue
                for _ in range(rng.randint(1, 2)):
                    lot = _lot(rng, it, today, item_ids[it["code"]])
                    lot_id = catalog.lot_id(lot["item_id"], lot["batch_no"])
                    if lot_id not in lots_made:
                        w.insert("lot", {"id": lot_id, **lot})
                        lots_made[lot_id] = None
                    qty = max(1, int(it["typical_qty"] * share["scale"] * rng.uniform(0.3, 1.2)))
                    _move(
                        w,
                        "receive",
                        depot_ids[depot["code"]],
                        item_ids[it["code"]],
                        lot_id,
                        qty,
                        rng.choice(["采购", "采购", "采购", "捐赠"]),
                        "演示-期初",
                        now - timedelta(days=400),
                        "演示数据：期初库存",
                    )
                    counts["movements"] += 1
                    held.append((depot["code"], it["code"], qty))
                    if depot["level"] == "医疗机构" or rng.random() < 0.3:
                        # Hospitals use their stock month by month: rotation needs that history.
                        left = qty
                        for month in range(rng.randint(1, 6)):
                            used = qty // rng.randint(20, 60)
                            if not 0 < used <= left:
                                break  # too few to use monthly (equipment): no history
                            left -= used
                            _move(
                                w,
                                "issue",
                                depot_ids[depot["code"]],
                                item_ids[it["code"]],
                                lot_id,
                                -used,
                                "日常领用",
                                "演示-领用",
                                now - timedelta(days=30 * month + rng.randint(0, 25)),
                                "演示数据",
                            )
                            counts["movements"] += 1
        counts["lots"] = len(lots_made)
        # Norms: what each reserve depot should hold; some depots fall short on purpose.
        norm_rows: dict[tuple[str, str], int] = {}
        for depot_code, item_code, qty in held:
            level = next(d["level"] for d in depots if d["code"] == depot_code)
            if level in ("市级储备库", "县级储备库") and rng.random() < 0.8:
                key = (depot_code, item_code)
                norm_rows[key] = norm_rows.get(key, 0) + int(qty * rng.choice([0.5, 0.7, 0.8, 1.3]))
        for (depot_code, item_code), qty in sorted(norm_rows.items()):
            depot_id, item_id = depot_ids[depot_code], item_ids[item_code]
            w.insert(
                "norm",
                {
                    "id": norms.norm_id(depot_id, item_id),
                    "depot_id": depot_id,
                    "item_id": item_id,
                    "qty": round(qty, -1) or 10,
                },
            )
        counts["norms"] = len(norm_rows)
        # A few lots held back: one in quarantine (待检), one frozen (冻结) — picked by the
        # order they were made in, so that every fresh demo shows the same figures.
        made = list(lots_made)
        for status in ("待检", "冻结"):
            w.update("lot", made[rng.randrange(len(made))], {"status": status})
        for n, e in enumerate(experts):
            expert_id = w.insert(
                "expert",
                {
                    "name": e["name"],
                    "gender": e["gender"],
                    "organisation": e["organisation"],
                    "title": e["title"],
                    "specialties": json.dumps(e["specialties"]),
                    "division": e["division"],
                    "mobile": e["mobile"],
                    "office_phone": e["office_phone"],
                    "notes": e.get("notes", ""),
                },
            )
            if n % 4 != 3:  # most hold a current certificate, good for a year or more
                w.insert(
                    "expert_qualification",
                    {
                        "expert_id": expert_id,
                        "name": "应急专家聘书",
                        "number": f"演示-{n + 1:04d}",
                        "issued_on": (today - timedelta(days=365)).isoformat(),
                        "expires_on": (today + timedelta(days=400 + 60 * n)).isoformat(),
                    },
                )
        counts["experts"] = len(experts)
        db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('demo', '1')")
    counts["incidents"] = _incident(db)
    counts["drills"] = _drill(db)
    counts["accounts"] = _accounts(db)
    return counts


# The documented demo login (README): one account per role, all with this password. Only
# a database marked demo has one; a real database's first start asks for its administrator.
DEMO_PASSWORD = "demo-2026"
DEMO_ACCOUNTS: tuple[tuple[str, str, str, dict], ...] = (
    ("admin", "admin", "演示管理员", {}),
    ("coordinator", "coordinator", "演示协调员", {}),
    ("keeper", "keeper", "演示仓库管理员", {"depots": ["HY-CK01"]}),
    ("liaison", "liaison", "演示联络员（市卫生健康委）", {"agency": "HY-WJW"}),
    ("controller", "controller", "演示导调员", {}),
    ("viewer", "viewer", "演示只读用户", {}),
)


def _accounts(db: Database) -> int:
    from desktop.core.access import accounts

    if accounts.has_accounts(db):
        return 0
    admin = None
    for name, role, full_name, bound in DEMO_ACCOUNTS:
        made = accounts.add(
            db, admin, name, role, DEMO_PASSWORD, full_name=f"【演示】{full_name}", **bound
        )
        admin = admin or made.ctx()
    return len(DEMO_ACCOUNTS)


DEMO_DRILL = {
    "objectives": [
        {"code": "O1", "text": "接报后2小时内完成首次信息报告", "citation": "三（一）一"},
        {"code": "O2", "text": "按预案启动响应，明确各成员单位任务", "citation": "PB-EID"},
        {"code": "O3", "text": "4小时内完成首批防护物资调拨", "citation": "三（七）三"},
    ],
    "people": [
        {"role": "controller", "name": "演示导调员"},
        {"role": "evaluator", "name": "演示评估员", "agency": "市应急管理局"},
        {"role": "player", "agency": "市卫生健康委"},
        {"role": "player", "agency": "衡南县卫健局"},
    ],
    "injects": [
        {"no": 1, "trigger": "time", "offset_min": 0, "sender": "市第一人民医院（模拟）",
         "to_agency": "市卫生健康委", "channel": "phone",
         "message": "【演示】我院发热门诊接诊3例不明原因肺炎，均来自同一小区。", "objective": "O1"},
        {"no": 2, "trigger": "after", "after": 1, "after_state": "acknowledged",
         "offset_min": 20, "sender": "市疾控中心（模拟）", "to_agency": "市卫生健康委",
         "channel": "system", "message": "【演示】流调初步结果：病例有共同暴露史，疑似聚集性疫情。",
         "objective": "O2"},
        {"no": 3, "trigger": "time", "offset_min": 90, "sender": "衡南县人民政府（模拟）",
         "to_agency": "市应急管理局", "channel": "document",
         "message": "【演示】病例增至15例，请求调拨医用防护服和N95口罩。", "objective": "O3"},
        {"no": 4, "trigger": "manual", "contingency": True, "sender": "导调组",
         "channel": "oral", "message": "【演示·备用】现场专家未到位，请调整专家派遣。"},
    ],
    "expects": [
        {"inject": 1, "action": "incident", "within_min": 30, "text": "登记事件",
         "objective": "O1"},
        {"inject": 1, "action": "report", "within_min": 120, "text": "完成首次信息报告",
         "agency": "市卫生健康委", "objective": "O1"},
        {"inject": 2, "action": "activate", "within_min": 60, "text": "启动新发突发传染病预案",
         "objective": "O2"},
        {"inject": 3, "action": "order", "within_min": 60, "text": "生成调拨单",
         "objective": "O3"},
        {"inject": 3, "action": "issue", "within_min": 240, "text": "防护物资出库",
         "objective": "O3"},
        {"inject": 4, "action": "dispatch", "within_min": 30, "text": "派遣替补专家"},
    ],
}  # fmt: skip


def _drill(db: Database) -> int:
    """One tabletop drill ready to start, clearly marked 演示: its scenario, objectives,
    participants and a short MSEL (playing it changes only its own sandbox)."""
    from desktop.core.drills import injects, records  # the demo alone needs it at set-up

    made = records.create(
        db,
        DEMO_ACTOR,
        {"name": "【演示】不明原因肺炎聚集性疫情桌面推演", "kind": "tabletop",
         "scenario": "【演示】某日上午，衡南县某小区居民陆续出现发热、咳嗽症状，市第一人民医院"
                     "发热门诊接诊3例不明原因肺炎。推演检验接报、信息报告、预案启动和物资调拨。",
         "hazard": "infectious_disease", "grade": "III", "division": "430422",
         "place": "衡南县某小区（演示）", "exposed": 500, "patients": 15, "responders": 80,
         "sites": 3, "days": 14, "speed": 10},
        ["PB-EID"],
    )  # fmt: skip
    injects.replace(db, DEMO_ACTOR, made["id"], DEMO_DRILL)
    return 1


def _incident(db: Database) -> int:
    """One incident under way, clearly marked 演示: recorded five hours ago, a playbook
    activated, two links of the reporting chain reported (the second late), tasks under
    way, an expert out, a log entry."""
    from desktop.core import incidents  # the demo alone needs it at set-up
    from desktop.core.incidents import journal, reports, tasks

    now = datetime.now().astimezone().replace(microsecond=0)
    made = incidents.create(
        db,
        DEMO_ACTOR,
        {
            "title": "【演示】衡南县某小区聚集性不明原因发热",
            "hazard": "infectious_disease",
            "grade": "III",
            "confirmation": "suspected",
            "division": "430422",
            "place": "衡南县云集街道某小区（演示地址）",
            "description": "某小区近3日出现发热伴呼吸道症状病例7例，其中2例住院，病原待查。"
            "（演示数据，虚构事件）",
            "lead_agency": "HY-WJW",
            "commander": "刘衡南（演示）",
            "commander_phone": "13900000099",
            "exposed": 86,
            "patients": 7,
            "responders": 40,
            "sites": 3,
            "area_km2": 0.8,
            "days": 14,
            "reported_at": now - timedelta(hours=5),
        },
    )
    incidents.activate(db, DEMO_ACTOR, made["id"], "PB-EID", at=now - timedelta(hours=4))
    for hours, step in ((4.5, "unit_to_county_health"), (2, "county_health_to_county_government")):
        reports.add(
            db,
            DEMO_ACTOR,
            made["id"],
            "first",
            {"step": step, "reported_at": now - timedelta(hours=hours), "signer": "王某（演示）",
             "measures": "已对病例隔离治疗，对密切接触者实施医学观察，疫点已消毒。",
             "next_steps": "继续开展流行病学调查和病原检测。"},
        )  # fmt: skip
    board = tasks.listing(db, made["id"])
    tasks.set_status(db, DEMO_ACTOR, board[0]["id"], "in_progress", "市疾控中心流调队已到达现场")
    tasks.set_status(db, DEMO_ACTOR, board[1]["id"], "received", "")
    journal.add(db, DEMO_ACTOR, incidents.get(db, made["id"]), "衡南县现场指挥部成立（演示）",
                now - timedelta(hours=3))  # fmt: skip
    expert = db.execute(
        "SELECT e.id FROM expert e JOIN expert_qualification q ON q.expert_id = e.id "
        "WHERE e.specialties LIKE '%epidemiology%' ORDER BY e.name LIMIT 1"
    ).fetchone()
    if expert:
        incidents.dispatch(db, DEMO_ACTOR, made["id"], expert[0], board[0]["id"])
    _monitoring(db, made["id"], now.date())
    return 1


DEMO_PEOPLE = ("【演示】陈某", "【演示】李某", "【演示】王某", "【演示】赵某", "【演示】周某",
               "【演示】吴某")  # fmt: skip


def _monitoring(db: Database, incident_id: str, today: date) -> None:
    """The demo incident's monitoring: six close contacts (fictitious people, ID numbers
    made up with a valid check digit) checked daily for 21 days from their exposure, the
    first days' temperatures recorded (one abnormal, handled), and a water sampling site
    checked weekly."""
    from desktop.core.monitoring import people, personal, results, schedules, sites

    for n, name in enumerate(DEMO_PEOPLE):
        first = f"430422{1960 + 7 * n}{1 + n:02d}{10 + n:02d}{n:02d}1"
        people.add(db, DEMO_ACTOR, incident_id, {
            "name": name, "id_number": first + personal.check_character(first),
            "phone": f"1390000{n:04d}", "division": "430422", "cohort": "close_contact",
            "exposed_on": (today - timedelta(days=3 + n % 2)).isoformat(),
            "exposure": "同住" if n % 2 else "同一楼栋聚餐"})  # fmt: skip
    schedules.add(db, DEMO_ACTOR, incident_id, {
        "cohort": "close_contact", "measure": "体温", "unit": "℃", "every_days": 1,
        "for_days": 21, "start_on": (today - timedelta(days=4)).isoformat(),
        "normal_max": 37.2})  # fmt: skip
    site = sites.add(db, DEMO_ACTOR, incident_id, {
        "kind": "water", "place": "衡南县云集街道某小区二次供水水箱（演示）",
        "division": "430422"})["id"]  # fmt: skip
    schedules.add(db, DEMO_ACTOR, incident_id, {
        "site": site, "measure": "水样病原检测", "every_days": 7, "for_days": 182})  # fmt: skip
    for n, check in enumerate(c for c in schedules.due(db, today) if c["overdue"]):
        if n % 4 == 3:
            continue  # a few left overdue, as in real follow-up
        value = "37.9" if n == 2 else f"36.{4 + n % 5}"
        done = results.record(db, DEMO_ACTOR, check["check"], value, today=today)
        if done["abnormal"]:
            results.handle(db, DEMO_ACTOR, done["id"], "已复测并安排到定点医院排查（演示）")


def _move(w, kind, depot_id, item_id, lot_id, qty, reason, ref, when, note) -> None:
    w.insert(
        "stock_move",
        {
            "kind": kind,
            "depot_id": depot_id,
            "item_id": item_id,
            "lot_id": lot_id,
            "qty": qty,
            "reason": reason,
            "ref": ref,
            "occurred_at": when.isoformat(timespec="seconds"),
            "note": note,
        },
    )


def _share(level: str) -> dict:
    """How much of the catalogue a depot of this level holds, and how deep."""
    return {
        "市级储备库": {"coverage": 0.95, "scale": 1.0},
        "县级储备库": {"coverage": 0.35, "scale": 0.25},
        "医疗机构": {"coverage": 0.45, "scale": 0.15},
        "协议储备": {"coverage": 0.2, "scale": 2.0},
    }.get(level, {"coverage": 0.3, "scale": 0.3})


def _lot(rng: random.Random, item: dict, today: date, item_id: str) -> dict:
    """A lot whose expiry falls expired / within 30 / 90 / 180 days / later, in set shares."""
    months = item.get("shelf_life_months") or 0
    expires = None
    if item["shelf_life"] and months:
        bucket = rng.random()
        if bucket < 0.06:
            days_left = -rng.randint(1, 120)
        elif bucket < 0.14:
            days_left = rng.randint(0, 30)
        elif bucket < 0.24:
            days_left = rng.randint(31, 90)
        elif bucket < 0.36:
            days_left = rng.randint(91, 180)
        else:
            days_left = rng.randint(181, max(182, months * 30))
        expires = today + timedelta(days=days_left)
        produced = expires - timedelta(days=months * 30)
    else:
        produced = today - timedelta(days=rng.randint(30, 900))
    return {
        "item_id": item_id,
        "batch_no": f"{produced:%Y%m%d}{rng.randint(1, 99):02d}",
        "manufacturer": rng.choice(MANUFACTURERS.get(item["category"], MANUFACTURERS["OTHER"])),
        "produced_on": produced.isoformat(),
        "expires_on": expires.isoformat() if expires else None,
        "status": "合格",
    }
