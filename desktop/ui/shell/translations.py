"""Loading the UI's translations: ours (compiled from resources/i18n/*.ts with
the lrelease that PySide6 ships) and Qt's own, so Qt's dialogs say 确定/取消, with what
Qt's own catalogue lacks (qt_supplement). English, the source language, loads none."""

import os
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QLocale, QStandardPaths, QTranslator

from desktop import APP_NAME
from desktop.core import i18n
from desktop.core.paths import resource
from desktop.ui.shell.qt_supplement import QtSupplement


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
    # Cheap on every start (no hashing, no platformdirs): the catalogue's size and
    # modification time name the compiled file, like Python's .pyc; the user cache is
    # Qt's (~/.cache or $XDG_CACHE_HOME on Linux, %LOCALAPPDATA%\cache on Windows).
    stat = ts.stat()
    generic = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericCacheLocation)
    cache = Path(generic) / APP_NAME / "i18n"
    qm = cache / f"bioreserve_{lang}-{stat.st_size}-{stat.st_mtime_ns}.qm"
    if not qm.exists():
        import subprocess  # only when compiling, once per catalogue version

        cache.mkdir(parents=True, exist_ok=True)
        # never a half-written .qm under the final name, and a partial file of this process
        # alone: two programs starting at once (or two test workers) must not write one
        # file, which the first may already have renamed into place and mapped into memory
        # (QTranslator maps a .qm; rewriting it under the mapping is a bus error)
        partial = qm.with_suffix(f".{os.getpid()}.part")
        subprocess.run(
            [str(lrelease()), "-silent", str(ts), "-qm", str(partial)],
            check=True,
            capture_output=True,
        )
        partial.replace(qm)
    return qm


def qt_translations(lang: str) -> str:
    """The folder of Qt's own catalogues (qtbase_zh_CN.qm: 确定, 取消, 查找范围…): the
    PySide6 package's, where pip and the packaged builds put them, else where QLibraryInfo
    says (a PySide6 built against the system's Qt). QLibraryInfo only then: its first use
    costs ~1 ms on the way to the window's first frame."""
    shipped = Path(PySide6.__file__).parent / "Qt" / "translations"
    if (shipped / f"qtbase_{lang}.qm").is_file():
        return str(shipped)
    from PySide6.QtCore import QLibraryInfo

    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


def install(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for a language (none for English, the source language)."""
    lang = i18n.normalize(lang)
    i18n.set_language(lang)
    # The application's locale is its language's, whatever the system's: calendars name
    # months and days in it, spin boxes group digits as the tables do (34,496, not 34.496).
    QLocale.setDefault(QLocale("en_GB" if lang == "en" else "zh_CN"))
    for old in getattr(app, "_br_translators", []):
        app.removeTranslator(old)
    translators: list[QTranslator] = []
    if lang != "en":
        # asked last (translators are asked newest first): what Qt's own catalogue lacks
        supplement = QtSupplement(lang, app)
        app.installTranslator(supplement)
        translators.append(supplement)
        candidates = [(f"qtbase_{lang}", qt_translations(lang))]
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
