"""JSON read from a file someone brought (a playbook, a key file): its size checked before
it is read, its nesting bounded, and every failure a ValueError whose text says, in the
user's language, what is wrong (the caller names the file) — or the OSError of reading it."""

import json
from pathlib import Path

from desktop.core.i18n import tr

MAX_BYTES = 16 << 20  # a playbook of the largest kind is some 200 KB


def read(path: str | Path, cap: int = MAX_BYTES) -> object:
    with open(path, "rb") as file:
        data = file.read(cap + 1)
    if len(data) > cap:
        raise ValueError(tr("it is larger than {max} MB", max=cap >> 20))
    try:
        return json.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(tr("it is not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        raise ValueError(
            tr("not JSON at line {line}, column {column}", line=error.lineno, column=error.colno)
        ) from None
    except RecursionError:
        raise ValueError(tr("it is nested more deeply than any such file")) from None
