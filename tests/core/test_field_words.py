"""The 审计日志 names what an operation set by words, never by column names: every column of
every table the write path records has one, in Chinese and in English."""

import json
import re
import sqlite3

import pytest

from desktop.core import i18n, paths
from desktop.core.access import field_words, trail_words
from desktop.core.store import tables

CJK = re.compile(r"[\u4e00-\u9fff]")


def columns() -> list[tuple[str, str]]:
    db = sqlite3.connect(":memory:")
    db.executescript(paths.schema_file().read_text(encoding="utf-8"))
    synced = sorted({*tables.SHARED, *tables.LEDGER})
    return [(t, row[1]) for t in synced for row in db.execute(f"PRAGMA table_info({t})")]


@pytest.fixture
def language():
    before = i18n.current_language()
    yield i18n.set_language
    i18n.set_language(before)


def test_every_column_of_every_synced_table_has_a_word():
    known = field_words.labels()
    missing = [(t, c) for t, c in columns() if c not in known and c not in field_words.labels_in(t)]
    assert missing == []


def test_in_chinese_every_field_is_named_in_chinese(language):
    language("zh_CN")
    for table, column in columns():
        shown = trail_words.fields(table, json.dumps({column: 1}))
        assert CJK.search(shown), (table, column, shown)


def test_in_english_fields_are_words_not_column_names(language):
    language("en")
    assert trail_words.fields("stock_move", json.dumps({"occurred_at": 1, "qty": 2})) == (
        "Occurred at, Quantity"
    )
    assert trail_words.fields("expert", '{"name": "x"}') == "Full name"
    assert trail_words.fields("alloc_order", '{"drill": 1}') == "For a drill"
