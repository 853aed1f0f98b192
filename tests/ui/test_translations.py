"""Every user-visible string of the UI has its zh_CN translation.

lupdate (shipped with PySide6) extracts the strings from the code into a fresh
.ts; each must have a finished translation in resources/i18n/bioreserve_zh_CN.ts.
"""

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from desktop.ui.shell import translations

ROOT = Path(__file__).resolve().parents[2]
COMMITTED = ROOT / "resources" / "i18n" / "bioreserve_zh_CN.ts"


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            node = message.find("translation")
            finished = node is not None and node.text and node.get("type") is None
            out[(name, message.findtext("source"))] = node.text if finished else None
    return out


def test_every_ui_string_has_a_chinese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-extensions", "py", str(ROOT / "desktop" / "ui"), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    extracted = set(messages(fresh))
    assert len(extracted) > 40
    committed = messages(COMMITTED)
    missing = sorted(k for k in extracted if not committed.get(k))
    assert missing == [], f"translate these in {COMMITTED.name} (make i18n): {missing}"


def test_translations_keep_their_placeholders():
    for (_, source), translation in messages(COMMITTED).items():
        if translation:
            assert sorted(re.findall(r"\{\w+\}", source)) == sorted(
                re.findall(r"\{\w+\}", translation)
            ), source


def test_the_catalogue_compiles_with_pysides_lrelease():
    qm = translations.compiled("zh_CN")
    assert qm is not None and qm.stat().st_size > 1000
