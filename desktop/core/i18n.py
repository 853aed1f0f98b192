"""Messages of the core and the CLI in the user's language, without Qt.

Catalogues are Qt Linguist .ts files (resources/i18n/core_<lang>.ts), so
translators use one tool for the UI and the core. English source text is the
key; a message without a translation falls back to English.

`python -m desktop.core.i18n update FILE.ts` adds every tr("...") literal found
in desktop/core, documents, sync and cli to FILE.ts as an unfinished entry.
"""

import os
import sys
from pathlib import Path
from typing import TypedDict

from desktop.core.paths import project_root, resource

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
CONTEXT = "core"


class _State(TypedDict):
    language: str
    catalog: dict[str, str] | None  # None until the first tr() in this language


_state: _State = {"language": "en", "catalog": None}


def language_from_env() -> str:
    """BIORESERVE_LANG wins; otherwise Chinese unless the locale is English."""
    lang = os.environ.get("BIORESERVE_LANG", "")
    if not lang:
        locale = os.environ.get("LC_ALL") or os.environ.get("LANG") or ""
        lang = "en" if locale.lower().startswith("en") else DEFAULT_LANGUAGE
    return normalize(lang)


def recognized(lang: str) -> bool:
    """Whether a language setting names one of ours (en, en_US.UTF-8, zh_CN, zh …)."""
    return lang.strip().lower().startswith(("en", "zh"))


def normalize(lang: str) -> str:
    return "en" if lang.lower().startswith("en") else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    lang = normalize(lang)
    _state["language"] = lang
    _state["catalog"] = None  # read at the first tr(): start-up needs few messages


def current_language() -> str:
    return _state["language"]


def tr(text: str, /, **params) -> str:
    """Translate an English message and fill its {named} parameters (any name, even text)."""
    catalog = _state["catalog"]
    if catalog is None:
        lang = _state["language"]
        catalog = {} if lang == "en" else read_ts(resource("i18n", f"core_{lang}.ts"))
        _state["catalog"] = catalog
    message = catalog.get(text) or text
    return message.format(**params) if params else message


def read_ts(path: Path) -> dict[str, str]:
    """Finished translations of a .ts file, source → translation."""
    import xml.etree.ElementTree as ET

    if not path.exists():
        return {}
    out = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source")
        node = message.find("translation")
        if source and node is not None and node.text and node.get("type") != "unfinished":
            out[source] = node.text
    return out


def source_messages(paths: list[Path] | None = None) -> set[str]:
    """Every literal passed to tr() outside the UI (core, documents, sync, CLI)."""
    if paths is None:
        pkg = project_root() / "desktop"
        paths = [
            p
            for area in ("core", "documents", "sync", "cli")
            for p in sorted((pkg / area).rglob("*.py"))
        ]
    import ast

    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "tr"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def update_ts(path: Path) -> int:
    """Add missing source messages to a .ts file; returns how many were added."""
    import xml.etree.ElementTree as ET

    if path.exists():
        tree = ET.parse(path)
        root = tree.getroot()
    else:
        root = ET.Element("TS", version="2.1", language=path.stem.split("_", 1)[-1])
        tree = ET.ElementTree(root)
    context = root.find("context")
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = CONTEXT
    known = {m.findtext("source") for m in context.iter("message")}
    added = sorted(source_messages() - known)
    for text in added:
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = text
        ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree, space="    ")
    body = ET.tostring(root, encoding="unicode")
    # the header Qt's lupdate writes, so that both tools leave the same file
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    path.write_text(header + body + "\n", encoding="utf-8")
    return len(added)


if __name__ == "__main__":  # pragma: no cover - developer tool
    if len(sys.argv) == 3 and sys.argv[1] == "update":
        print(f"{update_ts(Path(sys.argv[2]))} new message(s) in {sys.argv[2]}")
    else:
        sys.exit("usage: python -m desktop.core.i18n update FILE.ts")

set_language(language_from_env())
