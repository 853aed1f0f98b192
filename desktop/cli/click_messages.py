"""click's own messages (help headings, usage errors) in the user's language.

click reads them through gettext with their English text as the key; language.py hands
gettext a catalogue of these. The texts are core messages (tr), so their Chinese lives in
resources/i18n/core_zh_CN.ts with the rest of the CLI's.
"""

from desktop.core.i18n import tr


def singular() -> dict[str, str]:
    """click's message → its text in the current language."""
    return {
        "Usage:": tr("Usage:"),
        "Options": tr("Options"),
        "Commands": tr("Commands"),
        "Positional arguments": tr("Positional arguments"),
        "Show this message and exit.": tr("Show this message and exit."),
        "Show the version and exit.": tr("Show the version and exit."),
        "Error: {message}": tr("Error: {message}"),
        "Try '{command} {option}' for help.": tr("Try '{command} {option}' for help."),
        "No such option {name!r}.": tr("No such option {name!r}."),
        "No such command {name!r}.": tr("No such command {name!r}."),
        "Missing command.": tr("Missing command."),
        "Missing option": tr("Missing option"),
        "Missing argument": tr("Missing argument"),
        "Missing parameter": tr("Missing parameter"),
        "Missing parameter: {param_name}": tr("Missing parameter: {param_name}"),
        "Missing {param_type}": tr("Missing {param_type}"),
        "Invalid value for {param_hint}: {message}": tr(
            "Invalid value for {param_hint}: {message}"
        ),
        "Invalid value: {message}": tr("Invalid value: {message}"),
        "Option {name!r} does not take a value.": tr("Option {name!r} does not take a value."),
        "Argument {name!r} takes {nargs} values.": tr("Argument {name!r} takes {nargs} values."),
        "Aborted!": tr("Aborted!"),
        "required": tr("required"),
        "default: {default}": tr("default: {default}"),
        "env var: {var}": tr("env var: {var}"),
        "(dynamic)": tr("(dynamic)"),
        "{value} is not in the range {range}.": tr("{value} is not in the range {range}."),
        "{value!r} is not a valid {number_type}.": tr("{value!r} is not a valid {number_type}."),
        "{value!r} is not a valid boolean. Recognized values: {states}": tr(
            "{value!r} is not a valid boolean. Recognized values: {states}"
        ),
        "{value!r} is not a valid UUID.": tr("{value!r} is not a valid UUID."),
        "file": tr("file"),
        "directory": tr("directory"),
        "path": tr("path"),
        "{name} {filename!r} does not exist.": tr("{name} {filename!r} does not exist."),
        "{name} {filename!r} is a file.": tr("{name} {filename!r} is a file."),
        "{name} {filename!r} is a directory.": tr("{name} {filename!r} is a directory."),
        "{name} {filename!r} is not readable.": tr("{name} {filename!r} is not readable."),
        "{name} {filename!r} is not writable.": tr("{name} {filename!r} is not writable."),
        "Could not open file {filename!r}: {message}": tr(
            "Could not open file {filename!r}: {message}"
        ),
        "unknown error": tr("unknown error"),
        "Do you want to continue?": tr("Do you want to continue?"),
        "Confirm the action without prompting.": tr("Confirm the action without prompting."),
        "Repeat for confirmation": tr("Repeat for confirmation"),
        "Error: The two entered values do not match.": tr(
            "Error: The two entered values do not match."
        ),
        "Error: invalid input": tr("Error: invalid input"),
    }


def type_names() -> dict[str, str]:
    """click's value types (their English names, as its errors give them) → their names
    in the current language: "'abc' 不是有效的整数。"."""
    return {
        "integer": tr("integer"),
        "integer range": tr("integer"),
        "float": tr("number"),
        "float range": tr("number"),
        "boolean": tr("boolean"),
        "datetime": tr("date and time"),
        "uuid": tr("UUID"),
    }


def plural() -> dict[tuple[str, str], tuple[str, str]]:
    """click's messages with a singular and a plural → their two texts."""
    pairs = [
        (
            ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"),
            (
                tr("Got unexpected extra argument ({args})"),
                tr("Got unexpected extra arguments ({args})"),
            ),
        ),
        (
            (
                "Option {name!r} requires an argument.",
                "Option {name!r} requires {nargs} arguments.",
            ),
            (
                tr("Option {name!r} requires an argument."),
                tr("Option {name!r} requires {nargs} arguments."),
            ),
        ),
        (
            ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"),
            (tr("Did you mean {possibility}?"), tr("(Did you mean one of: {possibilities}?)")),
        ),
        (
            ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."),
            (tr("{value!r} is not {choice}."), tr("{value!r} is not one of {choices}.")),
        ),
        (
            (
                "{value!r} does not match the format {format}.",
                "{value!r} does not match the formats {formats}.",
            ),
            (
                tr("{value!r} does not match the format {format}."),
                tr("{value!r} does not match the formats {formats}."),
            ),
        ),
        (
            ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."),
            (
                tr("Takes {nargs} values but 1 was given."),
                tr("Takes {nargs} values but {len} were given."),
            ),
        ),
    ]
    return dict(pairs)
