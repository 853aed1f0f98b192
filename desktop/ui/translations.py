"""Loading the UI's translations: ours (compiled from resources/i18n/*.ts with
the lrelease that PySide6 ships) and Qt's own, so Qt's dialogs say 确定/取消."""

import hashlib
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from desktop import APP_NAME
from desktop.core import i18n
from desktop.core.paths import resource


def lrelease() -> Path:
    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    return Path(PySide6.__file__).parent / name


def compiled(lang: str) -> Path | None:
    """The .qm for a language: shipped beside the .ts (packaged builds) or compiled once."""
    ts = resource("i18n", f"bioreserve_{lang}.ts")
    shipped = ts.with_suffix(".qm")
    if shipped.exists():
        return shipped
    if not ts.exists():
        return None
    import platformdirs

    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    cache = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "i18n"
    qm = cache / f"bioreserve_{lang}-{digest}.qm"
    if not qm.exists():
        import subprocess  # only when compiling, once per catalogue version

        cache.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [str(lrelease()), "-silent", str(ts), "-qm", str(qm)],
            check=True,
            capture_output=True,
        )
    return qm


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for a language (none for English, the source language)."""
    lang = i18n.normalize(lang)
    i18n.set_language(lang)
    for old in getattr(app, "_br_translators", []):
        app.removeTranslator(old)
    translators = []
    if lang != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        candidates = [(f"qtbase_{lang}", qt_dir)]
        ours = compiled(lang)
        if ours is not None:
            candidates.append((str(ours), ""))
        for name, folder in candidates:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                translators.append(translator)
    app._br_translators = translators
    return translators
