"""Searching playbooks by their words (the 预案库 search box): every task whose title,
instructions, checklist or clause mentions the words, across versions; the index follows
edits and merges; a read-only database is still searched."""

import json

from desktop.core import playbooks
from desktop.core.playbooks import search
from desktop.core.store import check, derived
from desktop.core.store import db as dbmod
from tests.helpers.stations import ALICE


def mentions(task: dict, word: str) -> bool:
    checklist = json.loads(task["checklist"])
    return any(word in text for text in (task["title"], task["instructions"], *checklist))


def every_task(db) -> list[dict]:
    return list(db.query("SELECT * FROM playbook_task WHERE deleted = 0"))


def test_a_two_character_word_finds_every_task_that_mentions_it(fresh_db):
    found = search.search(fresh_db, "消毒")
    expected = {t["id"] for t in every_task(fresh_db) if mentions(t, "消毒")}
    assert len(expected) > 3 and {t["id"] for t in found["tasks"]} == expected
    for task in found["tasks"]:
        assert "消毒" in task["match"]
        assert task["code"].startswith("PB-") and task["phase_title"]


def test_a_word_inside_a_checklist_item_finds_its_task(fresh_db):
    task = next(t for t in every_task(fresh_db) if json.loads(t["checklist"]))
    item = json.loads(task["checklist"])[-1]
    word = item[-4:] if len(item) >= 4 else item
    found = search.search(fresh_db, word)
    assert task["id"] in {t["id"] for t in found["tasks"]}


def test_several_words_must_all_appear(fresh_db):
    both = search.search(fresh_db, "消毒 评价")["tasks"]
    assert both and all(mentions(t, "消毒") and mentions(t, "评价") for t in both)
    assert len(both) < len(search.search(fresh_db, "消毒")["tasks"])


def test_query_syntax_is_taken_as_words(fresh_db):
    for text in ('"', "消毒 OR", "NEAR(", "*", "a:b", "-消毒", "(("):
        search.search(fresh_db, text)  # no FTS5 syntax error escapes
    assert search.search(fresh_db, "   ") == {"playbooks": [], "tasks": []}


def test_an_edited_task_is_found_by_its_new_words(fresh_db):
    search.search(fresh_db, "消毒")  # the index exists from here on
    version = playbooks.new_version(fresh_db, ALICE, "PB-LAB", 1)
    doc = playbooks.get(fresh_db, "PB-LAB", version)
    task = doc["phases"][0]["tasks"][0]
    playbooks.save_task(fresh_db, ALICE, task["id"], {**task_values(task), "title": "硫磺熏蒸演示"})
    [hit] = search.search(fresh_db, "硫磺熏蒸")["tasks"]
    assert (hit["id"], hit["version"]) == (task["id"], version)
    assert check.run(fresh_db) == []


def task_values(task: dict) -> dict:
    return {
        "title": task["title"],
        "instructions": task["instructions"],
        "lead_agency": task["lead_agency"]["code"] if task["lead_agency"] else None,
        "support_agencies": [a["code"] for a in task["support_agencies"]],
        "deadline_hours": task["deadline_hours"],
        "min_grade": task["min_grade"],
        "checklist": task["checklist"],
        "specialties": task["specialties"],
        "clause": task["clause"],
    }


def test_a_read_only_database_is_searched_without_the_index(demo_path):
    db = dbmod.open_db(demo_path, read_only=True)
    try:
        assert not search.has_index(db)
        found = search.search(db, "消毒")["tasks"]
        assert found and all("消毒" in t["match"] for t in found)
    finally:
        db.close()


def test_check_rebuild_makes_the_words_and_the_index_again(fresh_db):
    search.search(fresh_db, "消毒")
    fresh_db.execute("DELETE FROM fulltext WHERE tbl = 'playbook_task'")
    assert any(p.kind == "derived" for p in check.run(fresh_db))
    check.rebuild(fresh_db)
    assert check.run(fresh_db) == []
    assert search.search(fresh_db, "消毒")["tasks"]


def test_chinese_characters_are_words_of_their_own():
    assert derived.spaced("环境消毒 EID-2 评估") == "环 境 消 毒 EID-2 评 估"
    assert search.fts_query("消毒 eid") == '"消 毒" "eid"*'
