"""The CLI's language: `--lang en|zh_CN` (else $BIORESERVE_LANG, else Chinese) for its
messages, its commands' help and click's own words (Usage, Options, errors).

The commands' help is written when their modules are imported, in the language of the
environment; `--lang` is read before click parses anything, and a language other than
that one translates the help again (the English of a Chinese text is found through the
catalogue). click's own words go through gettext: a small catalogue of them
(click_messages) is written once per version to the user's cache folder and made
gettext's domain for the command's run.
"""

import gettext
import hashlib
import os
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

import desktop.cli.click_messages as click_messages
from desktop import APP_NAME
from desktop.core import i18n
from desktop.core.paths import resource

DOMAIN = "bioreserve-click"
CLICK_DEFAULT_DOMAIN = "messages"  # gettext's own: click's English


def canonical(value: str | None) -> str | None:
    """The language a --lang value names (en or zh_CN, as the README writes them)."""
    return value if value in i18n.LANGUAGES else None


def asked(argv: list[str]) -> str | None:
    """The language of a --lang among the global options before the command (None when
    there is none or it names no language: click then refuses it)."""
    takes_value = {"--db", "--drill"}
    index = 0
    while index < len(argv) and argv[index].startswith("-"):
        arg = argv[index]
        if arg == "--lang":
            return canonical(argv[index + 1]) if index + 1 < len(argv) else None
        if arg.startswith("--lang="):
            return canonical(arg.split("=", 1)[1])
        index += 2 if arg in takes_value else 1
    return None


# ---------------------------------------------------------------- the commands' help


class HelpTexts:
    """Where a command tree holds text written in a language: commands' help, short help
    and epilog, options' help and prompts."""

    def __init__(self, root: click.Group):
        self.root = root
        self.language = i18n.current_language()  # the one the modules were imported in
        self.places: list[tuple[object, str]] = []
        self.paths: list[click.Path] = []
        for command in commands(root):
            for attr in ("help", "short_help", "epilog"):
                if isinstance(getattr(command, attr), str):
                    self.places.append((command, attr))
            for param in command.params:
                if isinstance(param, click.Option):
                    for attr in ("help", "prompt"):
                        if isinstance(getattr(param, attr), str):
                            self.places.append((param, attr))
                if isinstance(param.type, click.Path):
                    self.paths.append(param.type)
        self.sources: list[str] | None = None  # their English, found when first needed
        self.click_language = "en"  # click's words it wrote once, on import: in English
        # the commands whose one-line summary click cuts from their help, and the value
        # types whose English names click's errors give ('abc' is not a valid integer)
        self.summarised = [c for c in commands(root) if c.short_help is None and c.help]
        self.types = {
            id(param.type): (param.type, param.type.name)
            for command in commands(root)
            for param in command.params
            if param.type.name in click_messages.type_names()
        }
        self._words_of_the_language()

    def _words_of_the_language(self) -> None:
        """The summaries and the value types' names in the language tr() speaks now."""
        names = click_messages.type_names()
        for kind, english in self.types.values():
            kind.name = names[english]
        for command in self.summarised:
            command.short_help = summary(command.help or "")

    def follow(self, lang: str) -> None:
        """Write the help in `lang` (the language tr() speaks now)."""
        if lang != self.language:
            if self.sources is None:
                self.sources = self._english()
            for (holder, attr), source in zip(self.places, self.sources, strict=True):
                setattr(holder, attr, i18n.tr(source))
            self.language = lang
        self._words_of_the_language()
        if lang == self.click_language:
            return
        self.click_language = lang
        # click's own words that it wrote once: the help option's, the kinds of path
        for command in commands(self.root):
            option = command.get_help_option(click.Context(command))
            if option is not None:
                option.help = gettext.gettext("Show this message and exit.")
        for kind in self.paths:
            kind.name = gettext.gettext(_path_kind(kind))

    def _english(self) -> list[str]:
        texts = [getattr(holder, attr) for holder, attr in self.places]
        if self.language == "en":
            return texts
        catalogue = i18n.read_ts(resource("i18n", f"core_{self.language}.ts"))
        english = {text: source for source, text in catalogue.items()}
        return [english.get(text, text) for text in texts]


SUMMARY = 45  # characters: click's own limit for a command's line in a group's help


def summary(text: str) -> str | None:
    """A command's line in its group's help: click cuts English at a word (None: let it);
    a Chinese help has no spaces, so click would cut it to "...": its first sentence,
    shortened with … only when longer than the line."""
    if text.isascii():
        return None
    first = text.strip().split("\n")[0]
    for stop in ("。", "；"):
        if stop in first:
            first = first.split(stop)[0]
            break
    return first if len(first) <= SUMMARY else first[: SUMMARY - 1] + "…"


class Formatter(click.HelpFormatter):
    """click's help with its headings ended as the language ends them (选项：, Options:)."""

    def write_heading(self, heading: str) -> None:
        colon = "：" if i18n.current_language() == "zh_CN" else ":"
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")


click.Context.formatter_class = Formatter


def commands(root: click.Command) -> Iterator[click.Command]:
    seen: set[int] = set()
    stack = [root]
    while stack:
        command = stack.pop()
        if id(command) in seen:
            continue
        seen.add(id(command))
        yield command
        if isinstance(command, click.Group):
            stack.extend(command.commands.values())


def _path_kind(kind: click.Path) -> str:
    if kind.file_okay and not kind.dir_okay:
        return "file"
    if kind.dir_okay and not kind.file_okay:
        return "directory"
    return "path"


_tree: dict[str, HelpTexts] = {}


def remember(root: click.Group) -> None:
    """Note the help of the CLI's commands, as imported (root.py, once)."""
    _tree["root"] = HelpTexts(root)


def switch(lang: str) -> None:
    """Speak `lang` from now on: messages, help, click's words."""
    if lang != i18n.current_language():
        i18n.set_language(lang)
    _use_click_catalogue(lang)
    if "root" in _tree:
        _tree["root"].follow(lang)


@contextmanager
def speaking(lang: str | None) -> Iterator[None]:
    """Run a command in `lang` (None: the current language), then speak as before — the
    CLI is also run in-process, by the tests."""
    before = i18n.current_language()
    domain, variable = gettext.textdomain(), os.environ.get("LANGUAGE")
    switch(lang or before)
    try:
        yield
    finally:
        if i18n.current_language() != before:
            i18n.set_language(before)
            if "root" in _tree:
                _tree["root"].follow(before)
        gettext.textdomain(domain)
        if variable is None:
            os.environ.pop("LANGUAGE", None)
        else:
            os.environ["LANGUAGE"] = variable


# ---------------------------------------------------------------- click's own words


def _use_click_catalogue(lang: str) -> None:
    folder = None if lang == "en" else compiled(lang)
    if folder is None:  # English, or no folder could hold the catalogue: click's English
        gettext.textdomain(CLICK_DEFAULT_DOMAIN)
        return
    gettext.bindtextdomain(DOMAIN, str(folder))
    gettext.textdomain(DOMAIN)
    os.environ["LANGUAGE"] = lang  # gettext finds a catalogue by the environment only


def compiled(lang: str) -> Path | None:
    """The folder of click's catalogue in `lang` (written the first time), or None."""
    import platformdirs

    data = mo_file(catalogue())
    name = f"click-{hashlib.sha256(data).hexdigest()[:16]}"
    folder = Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "i18n" / name
    target = folder / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if target.is_file():
        return folder
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")
        partial.write_bytes(data)
        partial.replace(target)  # never a half-written catalogue under its name
    except OSError:
        return None
    return folder


def catalogue() -> dict[str, str]:
    """click's messages in the current language, as a gettext catalogue holds them."""
    import desktop.cli.click_messages as click_messages

    entries = {"": "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=2; "
               "plural=(n != 1);\n"}  # fmt: skip
    entries.update(click_messages.singular())
    for (one, many), (text_one, text_many) in click_messages.plural().items():
        entries[f"{one}\0{many}"] = f"{text_one}\0{text_many}"
    return entries


def mo_file(entries: dict[str, str]) -> bytes:
    """GNU gettext's binary catalogue of `entries` (as msgfmt writes it, without the
    optional hash table): a header, two tables of (length, offset), then the strings."""
    keys = sorted((key.encode(), value.encode()) for key, value in entries.items())
    count = len(keys)
    originals = 28
    translations = originals + 8 * count
    strings = translations + 8 * count
    table_o, table_t, blob = [], [], b""
    for key, _ in keys:
        table_o += [len(key), strings + len(blob)]
        blob += key + b"\0"
    for _, value in keys:
        table_t += [len(value), strings + len(blob)]
        blob += value + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, count, originals, translations, 0, strings)
    tables = struct.pack(f"<{4 * count}I", *table_o, *table_t)
    return header + tables + blob
