"""Playbook files in and out: one version written as a bioreserve-playbook/1 file, and a
file read into a new draft version (all or nothing)."""

import json
import os
import tempfile
from pathlib import Path

import desktop.core.playbooks.files as io
from desktop.core import json_text, paths, reasons
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.playbooks.editing import write_document
from desktop.core.playbooks.reading import get
from desktop.core.store.handle import Database


def export_json(db: Database, code: str, version: int | None, path) -> Path:
    """Write one version as a bioreserve-playbook/1 file (replaced only when complete)."""
    doc = io.document(get(db, code, version))
    target = Path(path)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.stem}-", dir=target.parent or ".")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, target)
    except OSError as error:
        raise BioError(
            tr(
                "Cannot write {path}: {reason}. Choose a folder you can write to.",
                path=target,
                reason=reasons.reason(error),
            )
        ) from None
    return target


def import_json(db: Database, ctx: Ctx, path) -> tuple[str, int]:
    """Read a playbook file into a new draft: version 1 of a new code, else the code's next
    version (based on its latest). Nothing is written unless the whole file is valid.
    Returns (code, version)."""
    path = Path(path)
    try:
        raw = json_text.read(path)
    except OSError as error:
        raise BioError(
            tr("Cannot read {path}: {reason}.", path=path, reason=reasons.reason(error))
        ) from None
    except ValueError as error:
        raise BioError(
            tr("{path} is not a JSON file: {reason}.", path=path, reason=error)
        ) from None
    try:
        doc = io.parse(raw, io.database_vocabulary(db))
    except Invalid as error:
        raise Invalid(error.field, f"{paths.shown_name(path)}: {error}") from None
    latest = db.execute(
        "SELECT id FROM playbook WHERE code = ? AND deleted = 0 ORDER BY version DESC LIMIT 1",
        [doc["code"]],
    ).fetchone()
    version = write_document(db, ctx, doc, latest[0] if latest else None)
    return doc["code"], version
