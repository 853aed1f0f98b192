"""Generated city- and province-size data sets (quality brief), reused by every benchmark.

    python -m bench.generate city [--out bench/data/city.db]

Everything goes through the write path's bulk insert, so the data carries its
operations like real data. A data set is made once and cached in bench/data/.
"""

import argparse
import json
import random
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from desktop.core.context import Ctx
from desktop.core.reserves.norms import norm_id
from desktop.core.setup import initdb
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import write

DATA = Path(__file__).resolve().parent / "data"
SIZES = {
    "city": {
        "depots": 15,
        "items": 3_000,
        "lots": 60_000,
        "movements": 1_000_000,
        "experts": 5_000,
        "incidents": 500,
        "tasks": 20_000,
    },
    "province": {
        "depots": 150,
        "items": 10_000,
        "lots": 600_000,
        "movements": 10_000_000,
        "experts": 50_000,
        "incidents": 5_000,
        "tasks": 200_000,
    },
}
DIVISIONS = [
    "430400",
    "430405",
    "430406",
    "430407",
    "430408",
    "430412",
    "430421",
    "430422",
    "430423",
    "430424",
    "430426",
    "430481",
    "430482",
]
LEVELS = ["市级储备库", "县级储备库", "县级储备库", "医疗机构", "协议储备"]
CATEGORIES = ["MED-EQP", "DRUG", "MED-DEV", "PPE", "DISINF", "REAGENT", "OTHER"]
NOUNS = [
    "口罩",
    "防护服",
    "手套",
    "护目镜",
    "消毒液",
    "消毒片",
    "检测试剂盒",
    "采样管",
    "注射器",
    "输液器",
    "监护仪",
    "呼吸机",
    "担架",
    "帐篷",
    "喷雾器",
    "抗病毒药",
    "抗生素",
    "疫苗",
    "体温计",
    "冷藏箱",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红"
SPECIALTIES = [
    "epidemiology",
    "clinical_infectious",
    "tcm",
    "lab_biosafety",
    "pathogen_testing",
    "veterinary",
    "plant_protection",
    "forest_pests",
    "disinfection",
    "env_monitoring",
    "amr",
    "biodefence",
    "psych_aid",
    "ethics",
]
ACTOR = Ctx("bench-generator")
CHUNK = 50_000


def generate(path: Path, size: str = "city", seed: int = 2022, progress=print) -> dict:
    spec = SIZES[size]
    rng = random.Random(seed)
    started = time.perf_counter()
    db = initdb.init_database(path, f"BENCH-{size.upper()}", f"基准测试（{size}）")
    today = date.today()
    with write(db, ACTOR) as w:
        depots = w.insert_many(
            "depot",
            [
                {
                    "code": f"D{n:04d}",
                    "name": f"{DIVISIONS[n % 13]}储备库{n}",
                    "division": DIVISIONS[n % len(DIVISIONS)],
                    "level": LEVELS[n % len(LEVELS)],
                    "agency_id": reference_id("agency", "HY-YJJ"),
                    "address": "衡阳市（生成数据）",
                    "contact": "值班员",
                    "phone": "13900000000",
                }
                for n in range(spec["depots"])
            ],
        )
        items = w.insert_many(
            "item",
            [
                {
                    "code": f"IT-{n:06d}",
                    "name": f"{NOUNS[n % len(NOUNS)]}{n // len(NOUNS)}型",
                    "spec": f"规格{n % 97}",
                    "unit": "个",
                    "category": CATEGORIES[n % len(CATEGORIES)],
                    "shelf_life": int(n % 9 != 0),
                    "storage": ["常温", "阴凉", "冷链"][n % 3],
                }
                for n in range(spec["items"])
            ],
        )
    progress(f"  {len(depots)} depots, {len(items)} items")
    lots = []
    for start in range(0, spec["lots"], CHUNK):
        rows = []
        for n in range(start, min(start + CHUNK, spec["lots"])):
            expires = today + timedelta(days=rng.randint(-365, 5 * 365))
            rows.append(
                {
                    "item_id": items[n % len(items)],
                    "batch_no": f"B{n:08d}",
                    "manufacturer": "生成厂家",
                    "produced_on": str(expires - timedelta(days=1095)),
                    "expires_on": str(expires),
                    "status": "合格",
                }
            )
        with write(db, ACTOR) as w:
            ids = w.insert_many("lot", rows)
        lots += [(lot, rows[i]["item_id"]) for i, lot in enumerate(ids)]
    progress(f"  {len(lots)} lots")
    placed = [depots[rng.randrange(len(depots))] for _ in lots]
    start_day = datetime(2025, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))
    step = 2 * 365 * 86400 // spec["movements"]
    made = 0
    while made < spec["movements"]:
        rows = []
        for _ in range(min(CHUNK, spec["movements"] - made)):
            n = made + len(rows)
            if n < len(lots):  # every lot is first received at its depot
                lot, item = lots[n]
                depot, qty, kind = placed[n], rng.randint(200, 5000), "receive"
            else:
                k = rng.randrange(len(lots))
                lot, item = lots[k]
                depot, qty, kind = placed[k], -rng.randint(1, 20), "issue"
            rows.append(
                {
                    "kind": kind,
                    "depot_id": depot,
                    "item_id": item,
                    "lot_id": lot,
                    "qty": qty,
                    "reason": "生成数据",
                    "ref": "",
                    # spread over two years, in recording order
                    "occurred_at": (start_day + timedelta(seconds=n * step)).isoformat(),
                    "note": "",
                }
            )
        with write(db, ACTOR) as w:
            w.insert_many("stock_move", rows)
        made += len(rows)
        progress(f"  {made:,} movements", end="\r")
    progress("")
    with write(db, ACTOR) as w:
        held = sorted({(placed[n], lots[n][1]) for n in range(len(lots))})
        w.insert_many(
            "norm",
            [
                {
                    "id": norm_id(depot, item),
                    "depot_id": depot,
                    "item_id": item,
                    "qty": rng.choice([500, 1000, 2000, 5000]),
                }
                for depot, item in held
                if rng.random() < 0.3
            ],
        )
        for start in range(0, spec["experts"], CHUNK):
            w.insert_many(
                "expert",
                [
                    {
                        "name": rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN),
                        "gender": rng.choice("男女"),
                        "organisation": "衡阳市疾病预防控制中心",
                        "title": "主任医师",
                        "specialties": json.dumps(rng.sample(SPECIALTIES, 2)),
                        "division": rng.choice(DIVISIONS),
                        "mobile": f"138{n:08d}",
                    }
                    for n in range(start, min(start + CHUNK, spec["experts"]))
                ],
            )
    add_incidents(db, spec["incidents"], spec["tasks"], rng)
    progress(f"  {spec['incidents']} incidents, {spec['tasks']} tasks")
    db.conn.execute("ANALYZE")
    db.conn.close()
    return {"size": size, "seconds": time.perf_counter() - started, **spec}


HAZARD_PLAYBOOKS = {"bioterror": "PB-BIOTERROR", "infectious_disease": "PB-EID",
                    "animal_epidemic": "PB-ASF-AI", "plant_pest": "PB-FAW",
                    "invasive_species": "PB-INVASIVE", "lab_incident": "PB-LAB"}  # fmt: skip
TASK_STATUSES = ["not_started", "received", "in_progress", "done", "done", "blocked"]


def add_incidents(db, count: int, task_total: int, rng: random.Random) -> None:
    """Incidents recorded and activated as a bureau would (most of them closed long ago),
    each padded with tasks of its own up to task_total in all."""
    from desktop.core import incidents

    hazards = sorted(HAZARD_PLAYBOOKS)
    agencies = [r[0] for r in db.execute("SELECT id FROM agency WHERE level = 'city'")]
    start = datetime(2025, 1, 1, 8, tzinfo=timezone(timedelta(hours=8)))
    made = []
    for n in range(count):
        hazard = hazards[n % len(hazards)]
        when = start + timedelta(hours=17 * n)
        incident = incidents.create(
            db, ACTOR,
            {"title": f"生成事件{n}", "hazard": hazard, "grade": ["IV", "III", "II"][n % 3],
             "division": DIVISIONS[n % len(DIVISIONS)], "exposed": rng.randint(0, 500),
             "patients": rng.randint(0, 50), "responders": rng.randint(10, 200),
             "sites": rng.randint(1, 10), "area_km2": rng.randint(0, 20), "days": 14},
            at=when,
        )  # fmt: skip
        incidents.activate(db, ACTOR, incident["id"], HAZARD_PLAYBOOKS[hazard], at=when)
        if n < count - 20:  # the last 20 are still open
            incidents.close(db, ACTOR, incident["id"], at=when + timedelta(days=20))
        made.append((incident["id"], when))
    have = db.execute("SELECT count(*) FROM incident_task").fetchone()[0]
    extra = max(task_total - have, 0)
    activation = dict(db.execute("SELECT incident_id, id FROM incident_playbook"))
    rows = []
    for k in range(extra):
        incident_id, when = made[k % len(made)]
        rows.append(
            {"incident_id": incident_id, "activation_id": activation[incident_id],
             "position": 10_000 + k, "phase": "other", "phase_title": "其他",
             "title": f"补充任务{k}", "lead_agency_id": rng.choice(agencies),
             "support_agency_ids": "[]", "min_grade": "IV", "checklist": "[]",
             "specialties": "[]", "clause": "", "added_at": when.isoformat(),
             "due_at": (when + timedelta(hours=rng.choice([2, 12, 24, 72]))).isoformat(),
             "status": rng.choice(TASK_STATUSES)}
        )  # fmt: skip
    for first in range(0, len(rows), CHUNK):
        with write(db, ACTOR) as w:
            w.insert_many("incident_task", rows[first : first + CHUNK])


def dataset(size: str = "city", progress=print) -> Path:
    """The cached data set of a size, generated on first use."""
    path = DATA / f"{size}.db"
    if not path.exists():
        DATA.mkdir(exist_ok=True)
        partial = path.with_suffix(".partial")
        for leftover in DATA.glob(f"{partial.name}*"):
            leftover.unlink()
        progress(f"Generating the {size} data set (once; cached in {path})…")
        figures = generate(partial, size, progress=progress)
        partial.rename(path)
        progress(f"  done in {figures['seconds']:.1f} s")
    _top_up(path, size, progress)
    return path


def _top_up(path: Path, size: str, progress) -> None:
    """A data set generated before incidents existed gets them now (its schema is upgraded
    when opened)."""
    from desktop.core.store import db as dbmod

    db = dbmod.open_db(path)
    try:
        _add_figures(db, progress)
        if db.execute("SELECT count(*) FROM incident").fetchone()[0] == 0:
            progress(f"Adding incidents to the {size} data set (once)…")
            spec = SIZES[size]
            add_incidents(db, spec["incidents"], spec["tasks"], random.Random(2023))
            db.conn.execute("ANALYZE")
    finally:
        db.close()


def _add_figures(db, progress) -> None:
    """A data set upgraded past migration 0019 before that file existed (0020 came first)
    gets 0019's aggregates now, in one transaction, its user_version unchanged."""
    from desktop.core import paths
    from desktop.core.store import migrate

    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'norm_group'").fetchone():
        return
    progress("Adding the aggregates of migration 0019 to the data set (once)…")
    file = next(f for n, f in migrate.migrations(paths.migrations_dir()) if n == 19)
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in migrate._statements(file.read_text(encoding="utf-8")):
            if "PRAGMA user_version" not in statement:
                db.conn.execute(statement)
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.execute("ROLLBACK")
        raise


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("size", choices=sorted(SIZES))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.out:
        print(generate(args.out, args.size))
    else:
        print(dataset(args.size))


if __name__ == "__main__":
    main()
