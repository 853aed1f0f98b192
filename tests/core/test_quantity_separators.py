"""Refusals that name quantities write them as the forms do, with thousands separators
(可出库数量仅 7,937,789 只 next to 可用库存：7,937,789 只, never 7937789)."""

from datetime import date, timedelta

import pytest

from desktop.core import i18n
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.reserves import catalog, stock

KEEPER = Ctx("os:keeper")
LATER = (date.today() + timedelta(400)).isoformat()


@pytest.fixture
def held(fresh_db):
    i18n.set_language("zh_CN")
    catalog.save_depot(fresh_db, KEEPER, {"code": "CK1", "name": "市级库", "level": "市级储备库"})
    catalog.save_item(
        fresh_db, KEEPER, {"code": "KZ", "name": "医用防护口罩", "unit": "只", "category": "PPE"}
    )
    stock.receive(fresh_db, KEEPER, "CK1", "KZ", "B1", 7_937_789, LATER)
    return fresh_db


def test_issuing_more_than_usable_names_both_with_separators(held):
    with pytest.raises(BioError) as refused:
        stock.issue(held, KEEPER, "CK1", "KZ", 9_999_999)
    said = str(refused.value)
    assert "7,937,789" in said and "9,999,999" in said
    assert "7937789" not in said and "9999999" not in said


def test_issuing_more_than_a_lot_holds_names_both_with_separators(held):
    with pytest.raises(BioError) as refused:
        stock.issue(held, KEEPER, "CK1", "KZ", 8_000_000, batch="B1")
    assert "7,937,789" in str(refused.value) and "8,000,000" in str(refused.value)


def test_deleting_a_held_item_names_the_quantity_with_separators(held):
    item = catalog.item_by_code(held, "KZ")
    with pytest.raises(BioError) as refused:
        catalog.delete_item(held, KEEPER, item["id"])
    assert "7,937,789" in str(refused.value)
