"""Refusals of wrong command-line arguments in the user's language: the window's
(bioreserve-gui) are read before its Qt translator is installed, so they are core
messages, like main.py's."""

from desktop.core.i18n import LANGUAGES, tr


def language_refused(lang: str | None) -> str | None:
    """Why `--lang lang` is refused (None: it is one of LANGUAGES)."""
    if lang in LANGUAGES:
        return None
    if lang:
        return tr("Unknown language “{lang}”: use en or zh_CN.", lang=lang)
    return tr("--lang needs a language: en or zh_CN.")


def value_missing(option: str) -> str:
    return tr("{option} needs a value.", option=option)


def unknown(args: list[str], usage: str) -> str:
    return tr("Unknown argument(s): {args}. Use: {usage}", args=" ".join(args), usage=usage)
