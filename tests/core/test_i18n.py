"""Every message of the core and the CLI has its Chinese translation."""

import re

from desktop.core import i18n
from desktop.core.paths import resource


def placeholders(text):
    return sorted(re.findall(r"\{(\w+)[^}]*\}", text))


def test_every_core_message_is_translated_to_chinese():
    catalog = i18n.read_ts(resource("i18n", "core_zh_CN.ts"))
    missing = sorted(i18n.source_messages() - set(catalog))
    assert missing == [], f"add these to resources/i18n/core_zh_CN.ts (make i18n): {missing}"


def test_translations_keep_every_placeholder():
    catalog = i18n.read_ts(resource("i18n", "core_zh_CN.ts"))
    for source, translation in catalog.items():
        assert placeholders(source) == placeholders(translation), source


def test_messages_follow_the_chosen_language():
    try:
        i18n.set_language("en")
        assert i18n.tr("No problems found.") == "No problems found."
        i18n.set_language("zh_CN")
        assert i18n.tr("No problems found.") == "未发现问题。"
        assert i18n.tr("Schema version: {version}", version=1) == "数据库结构版本：1"
    finally:
        i18n.set_language("zh_CN")
