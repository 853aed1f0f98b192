"""The master scenario events list (MSEL) and its play: injects with their triggers and
expected actions, fired on the drill's simulated clock.

An inject fires at T+offset (time), `offset` minutes after another fires (delay; after the
inject before it when none is named), when another reaches a state — acknowledged or done
by its addressee — plus `offset` minutes (after), or when a controller fires it (manual,
and contingency injects kept for when play goes off course). tick() fires every inject
whose moment has come, in the order of their moments (then their numbers), each at the
moment it was due: a console that looks late never changes the drill's time line.

The plan is written whole (replace), the way a drill team drafts it in a spreadsheet
(msel.py reads and writes that spreadsheet)."""

from datetime import datetime

from desktop.core import values, vocab
from desktop.core.context import Ctx
from desktop.core.drills import clock, records
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import tr
from desktop.core.incidents.records import choice, text_field
from desktop.core.store.handle import Database
from desktop.core.store.ids import reference_id
from desktop.core.store.writepath import Writer, write

MAX_INJECTS = 2_000
MAX_EXPECTS = 10_000
MAX_MINUTES = 60 * 24 * 365  # a drill's time line: a year at most
LIMITS = {"message": 4_000, "sender": 200, "text": 2_000, "citation": 200, "code": 20,
          "name": 100, "phone": 40, "note": 2_000}  # fmt: skip
STATE_TIMES = {"fired": "fired_s", "acknowledged": "acknowledged_s", "done": "done_s"}


def fired_id(inject_id: str) -> str:
    return reference_id("drill_fired", inject_id)


# ---------------------------------------------------------------- the plan


def _text(given: dict, name: str, multiline: bool = False) -> str:
    if given.get(name) is None:
        return ""
    return text_field({name: str(given[name])}, name, LIMITS[name], multiline)


def _minutes(value, name: str) -> int:
    text = str(value if value is not None else "").strip() or "0"
    try:
        number = int(float(text)) if float(text) == int(float(text)) else None
    except (ValueError, OverflowError):
        number = None
    if number is None or not 0 <= number <= MAX_MINUTES:
        raise Invalid(name, tr("{value} is not a number of minutes from 0 to {max}.",
                               value=value, max=f"{MAX_MINUTES:,}"))  # fmt: skip
    return number


def check_plan(db: Database, plan: dict) -> dict:
    """The plan's rows checked and resolved (agencies, objectives, injects referred to);
    refused with the first problem, its row named: {objectives, people, injects, expects}."""
    objectives: list[dict] = []
    codes: dict[str, int] = {}
    for n, row in enumerate(plan.get("objectives", []), 1):
        code = _text(row, "code") or f"O{n}"
        if code.upper() in codes:
            raise Invalid("objective", tr("Objective {code} is listed twice.", code=code))
        text = _text(row, "text", True)
        if not text:
            raise Invalid("objective", tr("Objective {code} has no text.", code=code))
        codes[code.upper()] = len(objectives)
        objectives.append({"code": code, "text": text, "citation": _text(row, "citation")})

    def objective(row: dict) -> int | None:
        code = str(row.get("objective") or "").strip().upper()
        if not code:
            return None
        if code not in codes:
            raise Invalid("objective", tr("No objective {code} in the plan.", code=code))
        return codes[code]

    people = []
    for row in plan.get("people", []):
        role = choice("drill_role", row.get("role") or "player", "role")
        agency = records.agency_id(db, row.get("agency"))
        name = _text(row, "name")
        if not name and not agency:
            raise Invalid("name", tr("A participant needs a name or an agency."))
        people.append({"role": role, "name": name, "agency_id": agency,
                       "phone": _text(row, "phone")})  # fmt: skip
    injects: list[dict] = []
    numbers: dict[int, int] = {}
    rows = plan.get("injects", [])
    if len(rows) > MAX_INJECTS:
        raise BioError(tr("At most {max} injects in one drill.", max=MAX_INJECTS))
    for row in rows:
        number = _minutes(row.get("no"), "no")
        if number < 1 or number in numbers:
            raise Invalid("no", tr("Inject number {no} is not a new number from 1.", no=number))
        numbers[number] = len(injects)
        trigger = choice("trigger", row.get("trigger") or "time", "trigger")
        after_state = choice("inject_state", row.get("after_state") or "fired", "after_state")
        if after_state == "pending":
            raise Invalid("after_state", tr("An inject follows another fired, acknowledged "
                                            "or done."))  # fmt: skip
        message = _text(row, "message", True)
        if not message:
            raise Invalid("message", tr("Inject {no} has no message.", no=number))
        injects.append({
            "no": number, "trigger": trigger,
            "offset_min": _minutes(row.get("offset_min"), "offset_min"),
            "after": row.get("after"), "after_state": after_state,
            "sender": _text(row, "sender"), "to_agency_id": records.agency_id(
                db, row.get("to_agency"), "to_agency"),
            "channel": choice("channel", row.get("channel") or "phone", "channel"),
            "message": message, "objective": objective(row),
            "contingency": 1 if row.get("contingency") else 0,
        })  # fmt: skip
    for inject in injects:
        after = inject["after"]
        if after in (None, ""):
            inject["after"] = None
            if inject["trigger"] == "after":
                raise Invalid("after", tr("Inject {no} follows another: name its number.",
                                          no=inject["no"]))  # fmt: skip
            continue
        number = _minutes(after, "after")
        if number not in numbers or number == inject["no"]:
            raise Invalid("after", tr("Inject {no} follows inject {after}, which is not in "
                                      "the list.", no=inject["no"], after=after))  # fmt: skip
        inject["after"] = numbers[number]
    _refuse_cycles(injects)
    expects = []
    rows = plan.get("expects", [])
    if len(rows) > MAX_EXPECTS:
        raise BioError(tr("At most {max} expected actions in one drill.", max=MAX_EXPECTS))
    for row in rows:
        number = _minutes(row.get("inject"), "inject")
        if number not in numbers:
            raise Invalid("inject", tr("No inject {no} in the list.", no=number))
        expects.append({
            "inject": numbers[number],
            "action": choice("action", row.get("action") or "other", "action"),
            "agency_id": records.agency_id(db, row.get("agency")),
            "within_min": _minutes(row.get("within_min"), "within_min"),
            "text": _text(row, "text", True), "objective": objective(row),
        })  # fmt: skip
    return {"objectives": objectives, "people": people, "injects": injects, "expects": expects}


def _refuse_cycles(injects: list[dict]) -> None:
    for start in injects:
        seen, current = set(), start
        while current["after"] is not None and current["trigger"] in ("delay", "after"):
            if id(current) in seen:
                raise Invalid("after", tr("Inject {no} waits for itself through the injects "
                                          "it follows.", no=start["no"]))  # fmt: skip
            seen.add(id(current))
            current = injects[current["after"]]


def replace(db: Database, ctx: Ctx, ref, plan: dict) -> dict:
    """Write a whole plan (objectives, participants, injects, expected actions) in place
    of the drill's; before the drill starts. Returns the counts written."""
    drill = records.get(db, ref)
    records.require_editable(drill)
    checked = check_plan(db, plan)
    checked["people"] = _unmasked(db, drill["id"], checked["people"])
    with write(db, ctx) as w:
        for (row_id,) in db.execute(
            "SELECT e.id FROM drill_expect e JOIN drill_inject i ON i.id = e.inject_id "
            "WHERE i.drill_id = ? AND e.deleted = 0",
            [drill["id"]],
        ).fetchall():
            w.delete("drill_expect", row_id)
        for table in ("drill_inject", "drill_objective", "drill_person"):
            for (row_id,) in db.execute(
                f"SELECT id FROM {table} WHERE drill_id = ? AND deleted = 0", [drill["id"]]
            ).fetchall():
                w.delete(table, row_id)
        counts = write_plan(w, drill, checked)
        if drill["status"] == "planned" and checked["injects"]:
            records.set_status(w, drill, "prepared")
    return counts


def _unmasked(db: Database, drill_id: str, people: list[dict]) -> list[dict]:
    """The participants with each phone shown masked — the plan as a role that may not see
    phones got it (records.detail), or its MSEL export — given back as stored: that of the
    same participant (role, name, agency) whose number masks to it. A masked number that is
    no one's is refused: it would replace a number with stars."""
    stored: dict[tuple, str] = {}
    for role, name, agency_id, phone in db.execute(
        "SELECT role, name, agency_id, phone FROM drill_person WHERE drill_id = ? AND deleted = 0",
        [drill_id],
    ):
        stored.setdefault((role, name, agency_id, values.mask_phone(phone)), phone)
    out = []
    for person in people:
        if "*" in person["phone"]:
            key = (person["role"], person["name"], person["agency_id"], person["phone"])
            if key not in stored:
                raise Invalid(
                    "phone",
                    tr(
                        "The phone number {phone} of {name} is masked: only the participant "
                        "it was shown for can keep it. Enter the whole number.",
                        phone=person["phone"],
                        name=person["name"] or "—",
                    ),
                )
            person = {**person, "phone": stored[key]}
        out.append(person)
    return out


def write_plan(w: Writer, drill: dict, checked: dict) -> dict:
    objective_ids = [
        w.insert("drill_objective", {"drill_id": drill["id"], "position": n, **row})
        for n, row in enumerate(checked["objectives"], 1)
    ]
    for person in checked["people"]:
        w.insert("drill_person", {"drill_id": drill["id"], **person})
    inject_ids = []
    for row in checked["injects"]:
        fields = {k: v for k, v in row.items() if k not in ("no", "after", "objective")}
        fields["objective_id"] = _pick(objective_ids, row["objective"])
        inject_ids.append(
            w.insert("drill_inject", {"drill_id": drill["id"], "position": row["no"], **fields})
        )
    for row, inject in zip(checked["injects"], inject_ids, strict=True):
        if row["after"] is not None:
            w.update("drill_inject", inject, {"after_id": inject_ids[row["after"]]})
    for n, row in enumerate(checked["expects"], 1):
        w.insert(
            "drill_expect",
            {"inject_id": inject_ids[row["inject"]], "position": n, "action": row["action"],
             "agency_id": row["agency_id"], "within_min": row["within_min"],
             "text": row["text"], "objective_id": _pick(objective_ids, row["objective"])},
        )  # fmt: skip
    return {"objectives": len(objective_ids), "people": len(checked["people"]),
            "injects": len(inject_ids), "expects": len(checked["expects"])}  # fmt: skip


def _pick(ids: list[str], index: int | None) -> str | None:
    return None if index is None else ids[index]


def plan(db: Database, drill_id: str) -> list[dict]:
    """The injects in MSEL order with their expected actions and what they refer to."""
    injects = list(
        db.query(
            "SELECT i.*, a.code AS to_agency, a.name AS to_agency_name, o.code AS objective, "
            "p.position AS after_no FROM drill_inject i "
            "LEFT JOIN agency a ON a.id = i.to_agency_id "
            "LEFT JOIN drill_objective o ON o.id = i.objective_id "
            "LEFT JOIN drill_inject p ON p.id = i.after_id "
            "WHERE i.drill_id = ? AND i.deleted = 0 ORDER BY i.position",
            [drill_id],
        )
    )
    by_id = {i["id"]: i for i in injects}
    for inject in injects:
        inject["expects"] = []
    for e in db.query(
        "SELECT e.*, a.code AS agency, a.name AS agency_name, o.code AS objective "
        "FROM drill_expect e JOIN drill_inject i ON i.id = e.inject_id "
        "LEFT JOIN agency a ON a.id = e.agency_id "
        "LEFT JOIN drill_objective o ON o.id = e.objective_id "
        "WHERE i.drill_id = ? AND e.deleted = 0 AND i.deleted = 0 ORDER BY e.position",
        [drill_id],
    ):
        by_id[e["inject_id"]]["expects"].append(e)
    return injects


# ---------------------------------------------------------------- play


def fired(db: Database, drill_id: str) -> dict[str, dict]:
    """The injects fired so far, by inject id."""
    return {
        row["inject_id"]: row
        for row in db.query(
            "SELECT * FROM drill_fired WHERE drill_id = ? AND deleted = 0", [drill_id]
        )
    }


def previous(injects: list[dict]) -> dict[str, str]:
    """Each inject's predecessor in the MSEL (what a delay naming no inject follows)."""
    ordered = sorted(injects, key=lambda i: i["position"])
    return {b["id"]: a["id"] for a, b in zip(ordered, ordered[1:], strict=False)}


def due_s(inject: dict, before: dict[str, str], done: dict[str, dict]) -> float | None:
    """When an inject is due on the drill's time line, or None (manual, or waiting for an
    inject that has not reached its state); before: previous(injects)."""
    trigger = inject["trigger"]
    if inject["contingency"] or trigger == "manual":
        return None
    if trigger == "time":
        return inject["offset_min"] * 60.0
    after = inject["after_id"] or before.get(inject["id"])
    if after is None:  # a delay after nothing: from T+0
        return inject["offset_min"] * 60.0
    state = "fired" if trigger == "delay" else inject["after_state"]
    row = done.get(after)
    reached = row.get(STATE_TIMES[state]) if row else None
    return None if reached is None else reached + inject["offset_min"] * 60.0


def tick(db: Database, ctx: Ctx, drill_id: str, at: datetime | None = None) -> list[dict]:
    """Fire every inject whose moment has come by the drill's clock, each at its moment;
    returns those fired now in the order of their moments ({no, message, fired_s, ...}).
    Each pass fires all that are due; one that follows an inject fired in the pass is due
    in the next (passes: the depth of the chains, not the number of injects)."""
    drill = records.get(db, drill_id)
    now = clock.load(db, drill["id"]).now(at)
    if drill["status"] not in ("running", "ended"):
        return []
    injects = plan(db, drill["id"])
    before = previous(injects)
    done = fired(db, drill["id"])
    new: list[dict] = []
    while True:
        due = [
            (moment, inject)
            for inject in injects
            if inject["id"] not in done
            and (moment := due_s(inject, before, done)) is not None
            and moment <= now
        ]
        if not due:
            break
        for moment, inject in due:
            row = {"id": fired_id(inject["id"]), "drill_id": drill["id"],
                   "inject_id": inject["id"], "state": "fired", "fired_s": round(moment, 3),
                   "actor": ctx.actor}  # fmt: skip
            done[inject["id"]] = row
            new.append({**inject, **row, "id": inject["id"]})
    new.sort(key=lambda item: (item["fired_s"], item["position"]))
    if new:
        with write(db, ctx) as w:
            for item in new:
                _record_fired(w, item)
    return new


def _record_fired(w: Writer, item: dict) -> None:
    fields = {k: item[k] for k in ("drill_id", "inject_id", "state", "fired_s", "actor")}
    row_id = fired_id(item["inject_id"])
    if w.db.execute("SELECT 1 FROM drill_fired WHERE id = ?", [row_id]).fetchone():
        return  # fired meanwhile (or arrived from another station of the drill)
    w.insert("drill_fired", {"id": row_id, **fields})


def find(db: Database, drill_id: str, ref) -> dict:
    """An inject of the drill by its number in the MSEL or its id."""
    text = str(ref or "").strip()
    for inject in plan(db, drill_id):
        if text == inject["id"] or text == str(inject["position"]):
            return inject
    raise BioError(tr("No inject {ref} in this drill.", ref=ref))


def fire(db: Database, ctx: Ctx, drill_id: str, ref, at: datetime | None = None) -> dict:
    """A controller fires an inject now (a manual or contingency one, or any ahead of
    time)."""
    drill = records.get(db, drill_id)
    if drill["status"] != "running":
        raise BioError(tr("Drill {number} is not running.", number=drill["number"]))
    inject = find(db, drill["id"], ref)
    if inject["id"] in fired(db, drill["id"]):
        raise BioError(tr("Inject {no} was fired already.", no=inject["position"]))
    now = clock.load(db, drill["id"]).now(at)
    row = {"drill_id": drill["id"], "inject_id": inject["id"], "state": "fired",
           "fired_s": round(now, 3), "actor": ctx.actor}  # fmt: skip
    with write(db, ctx) as w:
        _record_fired(w, row)
    return {**inject, **row}


def set_state(db: Database, ctx: Ctx, drill_id: str, ref, state: str, note: str = "",
              at: datetime | None = None) -> dict:  # fmt: skip
    """The addressee acknowledges an inject, or reports it done (forward only)."""
    state = choice("inject_state", state, "state")
    if state not in ("acknowledged", "done"):
        raise Invalid("state", tr("An inject is acknowledged or done."))
    inject = find(db, drill_id, ref)
    row = fired(db, drill_id).get(inject["id"])
    if row is None:
        raise BioError(tr("Inject {no} has not been fired yet.", no=inject["position"]))
    order = ("fired", "acknowledged", "done")
    if order.index(state) <= order.index(row["state"]):
        raise BioError(tr("Inject {no} is {state} already.", no=inject["position"],
                          state=vocab.name("inject_state", row["state"])))  # fmt: skip
    now = round(clock.load(db, drill_id).now(at), 3)
    changes = {"state": state, STATE_TIMES[state]: now}
    if state == "done" and row["acknowledged_s"] is None:
        changes["acknowledged_s"] = now
    if note.strip():
        changes["note"] = text_field({"note": note}, "note", LIMITS["note"], True)
    with write(db, ctx) as w:
        w.update("drill_fired", row["id"], changes)
    return {**inject, **row, **changes}


def console(db: Database, drill_id: str, agency: str | None = None,
            at: datetime | None = None) -> dict:  # fmt: skip
    """What the drill console shows: the clock, and every inject with its state and its
    due or fired time (those addressed to `agency` only, when given)."""
    drill = records.get(db, drill_id)
    c = clock.load(db, drill["id"])
    now = c.now(at)
    injects = plan(db, drill["id"])
    done = fired(db, drill["id"])
    before = previous(injects)
    agency_id = records.agency_id(db, agency) if agency else None
    rows = []
    for inject in injects:
        if agency_id and inject["to_agency_id"] != agency_id:
            continue
        row = done.get(inject["id"])
        due = due_s(inject, before, done)
        rows.append({
            "no": inject["position"], "id": inject["id"], "trigger": inject["trigger"],
            "sender": inject["sender"], "to_agency": inject["to_agency"],
            "to_agency_name": inject["to_agency_name"], "channel": inject["channel"],
            "message": inject["message"], "contingency": bool(inject["contingency"]),
            "state": row["state"] if row else "pending",
            "due_s": due, "fired_s": row["fired_s"] if row else None,
            "acknowledged_s": row["acknowledged_s"] if row else None,
            "done_s": row["done_s"] if row else None,
            "expects": inject["expects"],
        })  # fmt: skip
    return {"sim_s": now, "clock": clock.shown(now), "speed": c.speed, "paused": c.paused,
            "started": c.started, "sim_time": c.time(now), "injects": rows,
            "fired": sum(1 for r in rows if r["state"] != "pending")}  # fmt: skip
