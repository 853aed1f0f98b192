"""用户管理's list names each account's agency in the user's language."""

import pytest

from desktop.core import i18n
from desktop.core.access import accounts
from desktop.core.store import db as dbmod


@pytest.fixture
def english(monkeypatch):
    monkeypatch.setenv("BIORESERVE_LANG", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("zh_CN")


def _liaison(demo_path) -> tuple[dict, tuple[str, str]]:
    db = dbmod.open_db(demo_path)
    try:
        row = next(r for r in accounts.listing(db) if r["name"] == "liaison")
        names = db.execute(
            "SELECT name, name_en FROM agency WHERE code = ?", [row["agency"]]
        ).fetchone()
    finally:
        db.close()
    return row, names


def test_the_agency_is_named_in_chinese(demo_path):
    row, (name, _) = _liaison(demo_path)
    assert row["agency_name"] == name == "衡阳市卫生健康委员会"


def test_the_agency_is_named_in_english(demo_path, english):
    row, (_, name_en) = _liaison(demo_path)
    assert name_en and row["agency_name"] == name_en
