"""The 审计日志's 详情 in the user's words: an audit event's detail (how a login came, why
it failed, until when an account is locked, what an export wrote …) and the fields an
operation set, by their words (the columns of the spreadsheet imports; an account's fields
as 用户管理 names them; field_words for every other).

What is stored stays as recorded (audit_event.detail is hashed JSON); only its showing is
translated, so a log read in English reads in English.
"""

import functools
import json
from pathlib import PurePath

import desktop.core.setup.backups as backups
from desktop.core import i18n, values
from desktop.core.access import field_words, roles
from desktop.core.i18n import tr


def _sep() -> str:
    return tr("; ")


def _via(via) -> str:
    return {
        "cli": tr("command line"),
        "desktop": tr("desktop"),
        "env": tr("script"),
        "unlock": tr("unlocking the window"),
    }.get(str(via), str(via))


def _reason(reason) -> str:
    return {
        "password": tr("wrong password"),
        "locked": tr("account already locked"),
        "disabled": tr("account disabled"),
        "unknown": tr("no such account"),
        "idle": tr("idle"),
        "switch_cancelled": tr("switching account cancelled"),
    }.get(str(reason), str(reason))


def _file(path) -> str:
    return PurePath(str(path)).name if path else ""


def _backup_reason(reason) -> str:
    return backups.reason_name(str(reason))


def _when(stored) -> str:
    try:
        return values.shown_time(str(stored))
    except ValueError:
        return str(stored)


def _account(data: dict) -> str:
    name, role = data.get("name", ""), data.get("role")
    role_name = roles.name(str(role)) if role else ""
    action = data.get("action")
    if action == "add":
        return tr("Added account {name} ({role})", name=name, role=role_name)
    if action == "disable":
        return tr("Disabled account {name}", name=name)
    if action == "enable":
        return tr("Enabled account {name}", name=name)
    if action == "password":
        return tr("Changed the password of account {name}", name=name)
    if action == "change":
        return tr("Changed account {name}: role {role}", name=name, role=role_name)
    return _generic(data)


def _personal(kind: str, data: dict) -> str:
    what = data.get("what")
    parts = []
    if what == "experts":
        parts.append(tr("The expert roster: {rows} rows", rows=data.get("rows", 0)))
    elif what == "monitoring":
        parts.append(
            tr(
                "The people followed in {incident}: {rows} people, {results} results",
                incident=data.get("incident", ""),
                rows=data.get("rows", 0),
                results=data.get("results", 0),
            )
        )
    elif what == "drill_people":
        parts.append(
            tr(
                "The participants of drill {drill} (MSEL): {rows} phone numbers",
                drill=data.get("drill", ""),
                rows=data.get("rows", 0),
            )
        )
    elif what == "list":
        parts.append(tr("The people followed in {scope}, listed", scope=data.get("scope", "")))
    elif what:
        parts.append(str(what))
        if "rows" in data:
            parts.append(tr("{rows} rows", rows=data["rows"]))
    if data.get("file"):
        parts.append(tr("file {file}", file=_file(data["file"])))
    if data.get("reason"):
        parts.append(tr("reason: {reason}", reason=data["reason"]))
    return _sep().join(parts)


def _filters(filters) -> str:
    if not isinstance(filters, dict) or not filters:
        return tr("no filters")
    names = {
        "user": tr("User"),
        "agency": tr("Agency"),
        "table": tr("Data"),
        "since": tr("From"),
        "until": tr("To"),
    }
    shown = []
    for key, value in filters.items():
        if key == "table":
            value = _table_names(value)
        shown.append(tr("{name}: {value}", name=names.get(key, key), value=value))
    return _sep().join(shown)


def _table_names(value) -> str:
    from desktop.core.access import policy

    tables = value if isinstance(value, list | tuple) else [value]
    return tr(", ").join(dict.fromkeys(policy.table_name(str(t)) for t in tables))


def detail(text: str) -> dict | str:
    """An audit event's stored detail read once: its JSON object, else the text itself."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return str(text)
    return data if isinstance(data, dict) else str(data)


def event(kind: str, data: dict | str) -> str:
    """An audit event's detail (as detail() reads it) in words."""
    if not isinstance(data, dict):
        return data
    data = {k: v for k, v in data.items() if k != "actor_role"}  # shown as the event's role
    if kind in ("login", "logout", "unlock"):
        return tr("Via: {via}", via=_via(data.get("via", "")))
    if kind == "login_failed":
        return tr(
            "Via: {via}; reason: {reason}",
            via=_via(data.get("via", "")),
            reason=_reason(data.get("reason", "")),
        )
    if kind == "lockout":
        return tr(
            "Locked until {until}, after {n} failed logins in a row",
            until=_when(data.get("until", "")),
            n=data.get("failures", ""),
        )
    if kind == "idle_lock":
        return tr("Reason: {reason}", reason=_reason(data.get("reason", "")))
    if kind == "account":
        return _account(data)
    if kind in ("personal_export", "unmask"):
        return _personal(kind, data)
    if kind == "backup":
        text = tr(
            "File {file}; {reason}",
            file=_file(data.get("file")),
            reason=_backup_reason(data.get("reason", "")),
        )
        return text if data.get("ok", True) else text + _sep() + tr("failed its check")
    if kind == "restore":
        parts = [tr("From {file}", file=_file(data.get("backup")))]
        if data.get("before"):
            parts.append(tr("the file before kept as {file}", file=_file(data["before"])))
        parts.append(tr("{n} problems found after", n=data.get("problems", 0)))
        return _sep().join(parts)
    if kind == "audit_export":
        return tr(
            "{rows} rows; filters: {filters}",
            rows=data.get("rows", 0),
            filters=_filters(data.get("filters")),
        )
    return _generic(data)


def _generic(data: dict) -> str:
    return _sep().join(tr("{name}: {value}", name=k, value=v) for k, v in sorted(data.items()))


# ---------------------------------------------------------------- an operation's fields


def _account_labels() -> dict[str, str]:
    return {
        "name": tr("Account name"),
        "full_name": tr("Full name"),
        "role": tr("Role"),
        "agency_id": tr("User's agency"),
        "depot_ids": tr("Depots"),
        "disabled": tr("Disabled"),
        "created_at": tr("Created at"),
        "station": tr("Station"),
    }


@functools.cache
def _import_labels() -> dict[str, dict[str, str]]:
    """table → field → the column header its spreadsheet import gives it (Chinese: the
    templates' headers are Chinese in both languages)."""
    import desktop.core.imports.kinds as kinds

    tables = {"items": "item", "depots": "depot", "norms": "norm", "experts": "expert"}
    out: dict[str, dict[str, str]] = {}
    for name, kind in kinds.KINDS.items():
        tbl = tables.get(name)
        if name == "stock":
            for target in ("stock_move", "lot"):
                out.setdefault(target, {}).update(_stock_labels(kind))
            continue
        if tbl:
            labels = out.setdefault(tbl, {})
            for c in kind.columns:
                labels[c.key] = c.header
                labels.setdefault(f"{c.key}_id", c.header.removesuffix("编码"))
    return out


def _stock_labels(kind) -> dict[str, str]:
    headers = {c.key: c.header for c in kind.columns}
    return {
        "depot_id": headers["depot"].removesuffix("编码"),
        "item_id": headers["item"].removesuffix("编码"),
        "batch_no": headers["batch"],
        "lot_id": headers["batch"],
        "produced_on": headers["produced"],
        "expires_on": headers["expiry"],
        "qty": headers["qty"],
        "manufacturer": headers["manufacturer"],
        "source": headers["source"],
    }


_WORDS: dict[tuple[str, str], dict[str, str]] = {}  # (language, table) → field → word


def _words(tbl: str) -> dict[str, str]:
    language = i18n.current_language()
    words = _WORDS.get((language, tbl))
    if words is None:
        words = {**field_words.labels(), **field_words.labels_in(tbl)}
        if tbl == "account":
            words.update(_account_labels())
        elif language != "en":
            words.update(_import_labels().get(tbl, {}))
        _WORDS[language, tbl] = words
    return words


def fields(tbl: str, payload: str) -> str:
    """The fields an operation set, by their words: in Chinese the import templates'
    headers where a spreadsheet import writes the table (and 用户管理's words for an
    account), else field_words'."""
    try:
        names = sorted(json.loads(payload))
    except (TypeError, ValueError, AttributeError):
        return ""
    words = _words(tbl)
    shown = [words.get(n, n) for n in names]
    return tr(", ").join(dict.fromkeys(shown))
