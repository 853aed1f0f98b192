"""The drill as planned: its number, name, kind, scenario, the simulated incident's scale,
objectives, playbooks and participants; reading one or the list. The plan lives in the
live database (synced, so that the stations of a 综合演练 share it) and is frozen once the
drill starts: its play happens in the sandbox (sandbox.py)."""

from datetime import date

from desktop.core import disclosure, values, vocab
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.records import _agency, _area, _count, _division, choice, text_field
from desktop.core.store import station
from desktop.core.store.db import like_pattern
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import Writer, write

KINDS = tuple(vocab.DRILL_KINDS)
STATUSES = ("planned", "prepared", "running", "ended", "evaluated")  # tables.FORWARD
EDITABLE = ("planned", "prepared")  # the plan may change until the drill starts
LIMITS = {"name": 200, "scenario": 20_000, "place": 500}
MAX_SPEED = 60


def next_number(db: Database, code: str, day: date, kind: str = "YL") -> str:
    """YL-<station>-<yyyymmdd>-<seq>; an automatic gap analysis's drill is YL-AUTO-…, so
    that its report never bears a number a real drill gets later."""
    prefix = f"{kind}-{code}-{day:%Y%m%d}-"
    count = db.execute("SELECT count(*) FROM drill WHERE number LIKE ? || '%'", [prefix])
    return f"{prefix}{count.fetchone()[0] + 1:03d}"


def get(db: Database, ref) -> dict:
    """A drill by its id, its number (YL-…), or the sequence its number ends with when
    only one drill's does (3: YL-…-003), the way people call it in a drill."""
    ref = str(ref or "").strip()
    row = next(
        db.query(
            "SELECT * FROM drill WHERE (id = ? OR number = ?) AND deleted = 0 LIMIT 1",
            [ref.lower(), ref.upper()],
        ),
        None,
    )
    if row is None and ref.isdigit() and len(ref) <= 6:
        rows = list(
            db.query(
                "SELECT * FROM drill WHERE number LIKE ? AND deleted = 0 ORDER BY number",
                [f"%-{int(ref):03d}"],
            )
        )
        if len(rows) > 1:
            raise BioError(
                tr("Several drills end with {ref}: {numbers}. Give the whole number.",
                   ref=ref, numbers=", ".join(r["number"] for r in rows))
            )  # fmt: skip
        row = rows[0] if rows else None
    if row is None:
        raise BioError(tr("No drill {ref}.", ref=ref))
    return row


def shown_status(drill: dict) -> str:
    """The status a person sees: a running drill whose clock is stopped is 暂停."""
    status = drill["status"]
    return "paused" if status == "running" and drill["paused"] else status


def status_name(drill: dict) -> str:
    return vocab.name("drill_status", shown_status(drill))


def require_editable(drill: dict) -> None:
    if drill["status"] not in EDITABLE:
        raise BioError(
            tr(
                "Drill {number} has started; its plan is the one it started with and can no "
                "longer change.",
                number=drill["number"],
            )
        )


def owned_here(db: Database, drill: dict) -> bool:
    """Whether this station planned the drill (only it moves the drill's status)."""
    st = station.get(db)
    return st is not None and st.code == drill["station"]


def validate(db: Database, given: dict) -> dict:
    """The plan's fields from what a person gave (any subset); refused with the field."""
    out: dict = {}
    for name, limit in LIMITS.items():
        if given.get(name) is not None:
            out[name] = text_field(given, name, limit, multiline=name == "scenario")
    if "name" in out and not out["name"]:
        raise Invalid("name", tr("Give the drill a name."))
    if given.get("kind") is not None:
        out["kind"] = choice("drill_kind", given["kind"], "kind")
    if given.get("hazard"):
        out["hazard"] = choice("hazard", given["hazard"], "hazard")
    if given.get("grade"):
        out["grade"] = choice("grade", given["grade"], "grade")
    if given.get("division"):
        out["division"] = _division(db, given["division"])
    for name in ("exposed", "patients", "responders", "sites", "days"):
        if given.get(name) not in (None, ""):
            out[name] = _count(given[name], name, scale_label(name))
    if given.get("area_km2") not in (None, ""):
        out["area_km2"] = _area(given["area_km2"], tr("Area affected, km²"))
    if given.get("speed") not in (None, ""):
        out["speed"] = speed(given["speed"])
    if given.get("sim_start"):
        out["sim_start"] = values.time_iso(given["sim_start"], tr("Scenario start"))
    return out


def scale_label(name: str) -> str:
    return {"exposed": tr("People exposed"), "patients": tr("Patients"),
            "responders": tr("Responders"), "sites": tr("Sites"),
            "days": tr("Expected duration in days")}[name]  # fmt: skip


def speed(value) -> int:
    try:
        number = int(str(value).strip().lstrip("×xX"))
    except ValueError:
        number = 0
    if not 1 <= number <= MAX_SPEED:
        raise Invalid("speed", tr("The speed is ×1 to ×{max}.", max=MAX_SPEED))
    return number


def playbook_id(db: Database, code: str) -> str:
    """The newest approved version of a playbook by its code (or the newest draft)."""
    code = str(code or "").strip().upper()
    row = db.execute(
        "SELECT id FROM playbook WHERE upper(code) = ? AND deleted = 0 "
        "ORDER BY status = 'approved' DESC, version DESC LIMIT 1",
        [code],
    ).fetchone()
    if row is None:
        raise Invalid("playbook", tr("No playbook with code {code}.", code=code))
    return row[0]


def drill_playbook_id(drill_id: str, code: str) -> str:
    return reference_id("drill_playbook", f"{drill_id}/{code}")


def create(db: Database, ctx: Ctx, given: dict, playbooks=(), kind: str = "YL") -> dict:
    """Plan a new drill (status 计划); returns {id, number}. Required: name, kind."""
    if not str(given.get("name") or "").strip():
        raise Invalid("name", tr("Give the drill a name."))
    if not given.get("kind"):
        raise Invalid("kind", tr("Give the kind of drill: 桌面推演, 专项演练 or 综合演练."))
    fields = validate(db, given)
    codes = [str(code).strip().upper() for code in playbooks]
    for code in codes:
        playbook_id(db, code)  # refused when unknown, before anything is written
    st = station.get(db)
    if st is None:
        raise BioError(
            tr("This database has no station identity yet. Run `bioreserve init` to give it one.")
        )
    now = values.now_iso()
    with write(db, ctx) as w:
        number = next_number(db, st.code, values.now().date(), kind)
        drill_id = w.insert(
            "drill", {"number": number, "station": st.code, "status": "planned",
                      "created_at": now, **fields},
        )  # fmt: skip
        for code in codes:
            set_playbook(w, drill_id, code)
    return {"id": drill_id, "number": number}


def set_playbook(w: Writer, drill_id: str, code: str) -> None:
    row_id = drill_playbook_id(drill_id, code)
    pid = playbook_id(w.db, code)
    if w.db.execute("SELECT 1 FROM drill_playbook WHERE id = ?", [row_id]).fetchone():
        w.update("drill_playbook", row_id, {"playbook_id": pid, "deleted": 0})
    else:
        w.insert("drill_playbook", {"id": row_id, "drill_id": drill_id, "playbook_id": pid})


def update(db: Database, ctx: Ctx, ref, given: dict, playbooks=None) -> list[str]:
    """Change the plan (before the drill starts); returns the fields changed."""
    drill = get(db, ref)
    require_editable(drill)
    fields = {k: v for k, v in validate(db, given).items() if drill.get(k) != v}
    with write(db, ctx) as w:
        if fields:
            w.update("drill", drill["id"], fields)
        if playbooks is not None:
            wanted = {str(c).strip().upper() for c in playbooks}
            for row in playbooks_of(db, drill["id"]):
                if row["code"] not in wanted:
                    w.delete("drill_playbook", row["row_id"])
            for code in wanted:
                set_playbook(w, drill["id"], code)
    return list(fields)


def set_status(w: Writer, drill: dict, status: str, **extra) -> None:
    """Move the drill's status forward (at the station that planned it)."""
    if not owned_here(w.db, drill):
        return
    changes = dict(extra)
    if STATUSES.index(status) > STATUSES.index(drill["status"]):
        changes["status"] = status
    if changes:
        w.update("drill", drill["id"], changes)


# ---------------------------------------------------------------- reading


def playbooks_of(db: Database, drill_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT dp.id AS row_id, p.id, p.code, p.title, p.hazard FROM drill_playbook dp "
            "JOIN playbook p ON p.id = dp.playbook_id WHERE dp.drill_id = ? AND dp.deleted = 0 "
            "ORDER BY p.code",
            [drill_id],
        )
    )


def objectives(db: Database, drill_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT id, position, code, text, citation FROM drill_objective "
            "WHERE drill_id = ? AND deleted = 0 ORDER BY position, code",
            [drill_id],
        )
    )


def people(db: Database, drill_id: str, reveal: bool = True) -> list[dict]:
    """The drill's participants; phones masked (138****5678) unless `reveal`."""
    rows = list(
        db.query(
            "SELECT p.id, p.role, p.name, p.phone, a.code AS agency, a.name AS agency_name "
            "FROM drill_person p LEFT JOIN agency a ON a.id = p.agency_id "
            "WHERE p.drill_id = ? AND p.deleted = 0 ORDER BY p.role, a.code, p.name",
            [drill_id],
        )
    )
    if not reveal:
        for row in rows:
            row["phone"] = values.mask_phone(row["phone"])
    return rows


def listing(db: Database, q: str = "", status: str | None = None) -> list[dict]:
    where, params = ["d.deleted = 0"], {}
    if q.strip():
        where.append("(d.number LIKE :q ESCAPE '\\' OR d.name LIKE :q ESCAPE '\\')")
        params["q"] = like_pattern(q.strip())
    if status:
        where.append("d.status = :status")
        params["status"] = status
    rows = list(
        db.query(
            "SELECT d.id, d.number, d.name, d.kind, d.status, d.paused, d.station, d.created_at, "
            "d.started_at, d.ended_at, d.closed_at, "
            "(SELECT count(*) FROM drill_inject i WHERE i.drill_id = d.id AND i.deleted = 0) "
            "AS injects FROM drill d "
            f"WHERE {' AND '.join(where)} ORDER BY d.created_at DESC, d.number DESC",
            params,
        )
    )
    for row in rows:
        row["status_shown"] = shown_status(row)
    return rows


def detail(db: Database, ref, ctx: Ctx | None = None) -> dict:
    """A drill with its playbooks, objectives and participants: their phones masked unless
    the actor may see personal data (core/disclosure.py)."""
    drill = get(db, ref)
    drill["status_shown"] = shown_status(drill)
    drill["playbooks"] = playbooks_of(db, drill["id"])
    drill["objectives"] = objectives(db, drill["id"])
    drill["people"] = people(db, drill["id"], disclosure.may_see(ctx))
    return drill


def agency_id(db: Database, value, field: str = "agency") -> str | None:
    try:
        return _agency(db, value)
    except Invalid as error:
        raise Invalid(field, str(error)) from None
