"""Hengyang reference data, identical on every station."""

from desktop.core.setup import initdb, refdata
from desktop.core.setup.opening import open_station
from desktop.core.store.ids import reference_id

DIVISIONS = {
    "430400": "衡阳市",
    "430405": "珠晖区",
    "430406": "雁峰区",
    "430407": "石鼓区",
    "430408": "蒸湘区",
    "430412": "南岳区",
    "430421": "衡阳县",
    "430422": "衡南县",
    "430423": "衡山县",
    "430424": "衡东县",
    "430426": "祁东县",
    "430481": "耒阳市",
    "430482": "常宁市",
}
PLAN_AGENCIES = {
    "市卫生健康委",
    "市农业农村局",
    "市林业局",
    "市科技局",
    "市公安局",
    "市国家安全局",
    "市应急管理局",
    "市生态环境局",
    "市民政局",
    "市市场监督管理局",
    "市委外事办",
}
PRACTICAL = ["医疗设备", "药品", "医疗器械", "防护用品", "消杀用品", "检测试剂", "其他"]


def test_the_13_divisions_of_hengyang(fresh_db):
    rows = {r["code"]: r["name"] for r in fresh_db["division"].rows}
    assert rows == DIVISIONS


def test_the_member_agencies_named_in_the_plan_with_three_names(fresh_db):
    agencies = list(fresh_db["agency"].rows_where("level = 'city'"))
    assert {a["short_name"] for a in agencies} >= PLAN_AGENCIES
    assert all(a["name"] and a["name_en"] for a in agencies)
    counties = fresh_db.execute(
        "SELECT count(DISTINCT division) FROM agency WHERE level = 'county'"
    )
    assert counties.fetchone()[0] == 12


def test_material_categories_gbt_level_one_and_practical(fresh_db):
    gbt = {r["code"]: r["name"] for r in fresh_db["category"].rows_where("scheme = 'gbt38565'")}
    assert gbt["1"] == "基本生活保障物资"
    assert gbt["2"] == "应急装备及配套物资"
    assert gbt["3"] == "工程材料与机械加工设备"
    practical = [r["name"] for r in fresh_db["category"].rows_where("scheme = 'practical'")]
    assert sorted(practical) == sorted(PRACTICAL)


def test_units_of_measure_are_suggested(fresh_db):
    names = {r["name"] for r in fresh_db["unit"].rows}
    assert {"个", "盒", "箱", "瓶", "套", "台"} <= names


def test_two_stations_build_identical_reference_operations(tmp_path):
    a = initdb.init_database(tmp_path / "a.db", "HY-A", "甲站")
    b = initdb.init_database(tmp_path / "b.db", "HY-B", "乙站")
    rows = "SELECT origin, seq, hash FROM oplog WHERE origin LIKE 'REF-%' ORDER BY origin, seq"
    assert a.execute(rows).fetchall() == b.execute(rows).fetchall()
    assert (
        a.execute("SELECT * FROM division ORDER BY id").fetchall()
        == b.execute("SELECT * FROM division ORDER BY id").fetchall()
    )


def test_loading_reference_data_again_changes_nothing(fresh_db):
    before = fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    result = refdata.load(fresh_db)
    assert result.applied == 0 and result.known == before
    assert fresh_db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before


def test_reference_rows_have_ids_derived_from_their_codes(fresh_db):
    assert fresh_db["division"].get(reference_id("division", "430422"))["name"] == "衡南县"


def test_reference_data_a_newer_program_ships_is_loaded_on_opening(db_path, monkeypatch):
    """A station made before the playbooks shipped gets them when it next opens."""

    db = initdb.init_database(db_path, "HY-OLD", "旧站")
    db.execute("UPDATE meta SET value = 'an older program' WHERE key = 'refdata.fingerprint'")
    before = db.execute("SELECT count(*) FROM oplog").fetchone()[0]
    db.close()
    db = open_station(db_path)  # nothing new to load: the operations are all known
    assert db.execute("SELECT count(*) FROM oplog").fetchone()[0] == before
    assert (
        db.execute("SELECT value FROM meta WHERE key = 'refdata.fingerprint'").fetchone()[0]
        == refdata.fingerprint()
    )
    db.close()


def test_a_reference_row_added_to_a_file_reaches_existing_stations(db_path, monkeypatch):

    initdb.init_database(db_path, "HY-OLD", "旧站").close()
    original = refdata.rows
    grown = original("units.json") + ({"name": "罐", "name_en": "can"},)
    monkeypatch.setattr(
        refdata, "rows", lambda file: grown if file == "units.json" else original(file)
    )
    monkeypatch.setattr(refdata, "fingerprint", lambda: "a newer program")
    db = open_station(db_path)
    assert db.execute("SELECT count(*) FROM unit WHERE name = '罐'").fetchone()[0] == 1
    db.close()
