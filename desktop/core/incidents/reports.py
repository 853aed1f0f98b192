"""Information reports (信息报告): the first report along the reporting chain, progress
reports and the final report, each with its deadline.

The deadlines are not the city plan's (it has no hour limits) but national rules, cited as
such, and may be changed on each station (`incident report-deadlines`):

- 《突发公共卫生事件应急条例》第二十条: the unit that discovers the event reports to the
  county health department within 2 hours; that department to the county government
  within 2 hours; the county government to the city government within 2 hours; the city
  government to the provincial government within 2 hours. 第十九条: the provincial
  government to the State Council's health department within 1 hour.
- Neighbouring cities are notified: the regulation sets no hour limit; this program's
  default is the city's own limit (2 hours after the city is told, with its report to the
  province).
- 《国家突发公共卫生事件相关信息报告管理工作规范（试行）》: progress reports at least daily
  for serious (II) and especially serious (I) events; the final report within two weeks
  after the event ends (here: after the response ends, 恢复).

Each link's deadline counts from the moment the link before it reported (or, while it has
not, from its own deadline): one late link makes the next ones due sooner, not later."""

import json
from dataclasses import dataclass
from datetime import datetime, timedelta

import desktop.core.incidents.journal as journal
import desktop.core.incidents.records as records
from desktop.core import values, vocab
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError, Invalid
from desktop.core.i18n import current_language, tr
from desktop.core.store import station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction, write

META_KEY = "incident.report_deadlines"


@dataclass(frozen=True)
class Step:
    code: str
    after: str | None  # the step whose report starts this one's clock (None: the discovery)
    sender: str  # a party (party_name)
    receiver: str
    hours: float
    basis: str  # a basis (basis_text)


CHAIN = (
    Step("unit_to_county_health", None, "unit", "county_health", 2, "article_20"),
    Step("county_health_to_county_government", "unit_to_county_health", "county_health",
         "county_government", 2, "article_20"),
    Step("county_government_to_city", "county_health_to_county_government",
         "county_government", "city_government", 2, "article_20"),
    Step("city_to_province", "county_government_to_city", "city_government",
         "province_government", 2, "article_20"),
    Step("province_to_national", "city_to_province", "province_government", "national_health",
         1, "article_19"),
    Step("notify_neighbours", "county_government_to_city", "city_government", "neighbours", 2,
         "own_default"),
)  # fmt: skip


def party_name(party: str, places: dict[str, str]) -> str:
    """A party of the reporting chain, named for the incident's county, city and province."""
    if party == "unit":
        return tr("Discovering unit")
    if party == "county_health":
        return tr("{county} health department", county=places["county"])
    if party == "county_government":
        return tr("{place} People's Government", place=places["county"])
    if party == "city_government":
        return tr("{place} People's Government", place=places["city"])
    if party == "province_government":
        return tr("{place} People's Government", place=places["province"])
    if party == "national_health":
        return tr("Health department of the State Council")
    return tr("Neighbouring cities")


def basis_text(basis: str) -> str:
    """Where a deadline comes from, as the user's language cites it."""
    if basis == "article_20":
        return tr("Regulation on Public Health Emergencies, article 20")
    if basis == "article_19":
        return tr("Regulation on Public Health Emergencies, article 19")
    if basis == "progress":
        return tr("Information-reporting work rules: serious and especially serious events "
                  "report progress at least daily")  # fmt: skip
    if basis == "final":
        return tr("Information-reporting work rules: the final report within two weeks after "
                  "the event ends")  # fmt: skip
    return tr("This program's default (the regulation sets no limit); may be changed")


STEP_NAMES = {
    "unit_to_county_health": (
        "发现单位 → 县级卫生健康主管部门",
        "Discovering unit → county health department",
    ),
    "county_health_to_county_government": (
        "县级卫生健康主管部门 → 县级人民政府",
        "County health department → county government",
    ),
    "county_government_to_city": (
        "县级人民政府 → 市人民政府",
        "County government → city government",
    ),
    "city_to_province": ("市人民政府 → 省人民政府", "City government → provincial government"),
    "province_to_national": (
        "省人民政府 → 国务院卫生健康主管部门",
        "Province → State Council health department",
    ),
    "notify_neighbours": ("通报相邻地市", "Neighbouring cities notified"),
}
PROGRESS_HOURS = 24  # grades I and II (工作规范: at least daily)
FINAL_DAYS = 14  # after the response ends (工作规范: within two weeks)
PROGRESS_GRADES = ("I", "II")
MAX_HOURS = 24 * 365
LIMITS = {"title": 200, "from_unit": 200, "to_unit": 200, "signer": 100, "summary": 20_000,
          "measures": 20_000, "next_steps": 20_000}  # fmt: skip
FIELDS = tuple(LIMITS)
FREE_TEXT = ("summary", "measures", "next_steps")


def step_name(code: str) -> str:
    names = STEP_NAMES.get(code)
    if names is None:
        return code
    return names[1] if current_language() == "en" else names[0]


# ---------------------------------------------------------------- deadlines


def deadlines(db: Database) -> dict:
    """The hours of each link, the progress interval (hours) and the final report's days,
    as set on this station (defaults above)."""
    out: dict = {"steps": {s.code: s.hours for s in CHAIN}, "progress_hours": PROGRESS_HOURS,
                 "final_days": FINAL_DAYS}  # fmt: skip
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    if row:
        try:
            stored = json.loads(row[0])
            out["steps"].update(
                {k: float(v) for k, v in stored.get("steps", {}).items() if k in out["steps"]}
            )
            for key in ("progress_hours", "final_days"):
                if key in stored:
                    out[key] = float(stored[key])
        except (ValueError, TypeError, AttributeError):
            pass  # a damaged setting: the defaults hold
    return out


def set_deadlines(db: Database, changes: dict[str, object], ctx: Ctx | None = None) -> dict:
    """Change deadlines: step codes (hours), progress_hours, final_days; a value of
    None or "default" restores the default. The SETTINGS right (ctx None: the program)."""
    policy.require(ctx or Ctx.from_os(), roles.SETTINGS)
    current = deadlines(db)
    defaults = {s.code: s.hours for s in CHAIN}
    for key, value in changes.items():
        if key not in defaults and key not in ("progress_hours", "final_days"):
            raise Invalid(
                key,
                tr(
                    "No reporting step {code}. Steps: {codes}.",
                    code=key,
                    codes=", ".join([*defaults, "progress_hours", "final_days"]),
                ),
            )
        if value in (None, "", "default"):
            number = defaults.get(key) or {"progress_hours": PROGRESS_HOURS,
                                          "final_days": FINAL_DAYS}[key]  # fmt: skip
        else:
            try:
                number = float(str(value).strip())
            except ValueError:
                number = -1.0
            if not 0 < number <= MAX_HOURS:
                raise Invalid(key, tr("{code}: a number of hours (or days) above 0 and at most "
                                      "{max}.", code=key, max=MAX_HOURS))  # fmt: skip
        if key in defaults:
            current["steps"][key] = number
        else:
            current[key] = number
    with transaction(db, touches=("meta",)):
        db.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
            [META_KEY, json.dumps(current)],
        )
    return current


def _places(db: Database, incident: dict) -> dict[str, str]:
    """County, city and province names for the chain's parties, in the user's language."""
    division = db.execute(
        "SELECT name, name_en, parent, level FROM division WHERE code = ? AND deleted = 0",
        [incident["division"]],
    ).fetchone()
    county = vocab.local_name(division[0], division[1]) if division else ""
    city = tr("Hengyang")
    if division and division[3] == "city":
        city = county
    elif division and division[2]:
        parent = db.execute(
            "SELECT name, name_en FROM division WHERE code = ? AND deleted = 0", [division[2]]
        ).fetchone()
        city = vocab.local_name(*parent) if parent else city
    return {"county": county, "city": city, "province": tr("Hunan Province")}


def _reports(db: Database, incident_id: str) -> list[dict]:
    return list(
        db.query(
            "SELECT * FROM incident_report WHERE incident_id = ? AND deleted = 0 "
            "ORDER BY reported_at, station, seq, id",
            [incident_id],
        )
    )


def _with_setting(basis: str, hours: float, default: float) -> str:
    """The basis of a deadline, and this station's own limit when it was changed."""
    if hours == default:
        return basis
    return basis + tr("; this station's deadline: {hours} h", hours=f"{hours:g}")


def _end_of_response(incident: dict) -> str | None:
    return incident["recovery_at"] or incident["monitoring_at"] or incident["closed_at"]


def schedule(db: Database, ref: str, at: datetime | None = None) -> list[dict]:
    """Every report the rules expect of the incident, with its deadline and whether it was
    made: {kind, step, name, sender, receiver, due, hours, basis, done (report or None),
    overdue}."""
    incident = records.get(db, ref)
    at = at or records.now()
    limits = deadlines(db)
    places = _places(db, incident)
    made = _reports(db, incident["id"])
    first = {r["step"]: r for r in made if r["kind"] == "first"}
    out = []
    due_of: dict[str, datetime] = {}
    done_at: dict[str, datetime] = {}
    for step in CHAIN:
        start = (
            records.moment(incident["reported_at"])
            if step.after is None
            else done_at.get(step.after) or due_of[step.after]
        )
        hours = limits["steps"][step.code]
        due = start + timedelta(hours=hours)
        due_of[step.code] = due
        report = first.get(step.code)
        if report:
            done_at[step.code] = records.moment(report["reported_at"])
        out.append(
            {"kind": "first", "step": step.code, "name": step_name(step.code),
             "sender": party_name(step.sender, places),
             "receiver": party_name(step.receiver, places),
             # the discovering unit is a role, not a name: the report names the unit itself
             "sender_named": step.sender != "unit",
             "due": values.stamp(due), "hours": hours,
             "basis": _with_setting(basis_text(step.basis), hours, step.hours),
             "done": report, "overdue": report is None and due < at,
             "late": report is not None and records.moment(report["reported_at"]) > due}
        )  # fmt: skip
    ended = _end_of_response(incident)
    if incident["grade"] in PROGRESS_GRADES and not ended and incident["status"] != "closed":
        last = max(
            [records.moment(r["reported_at"]) for r in made]
            + [records.moment(incident["activated_at"] or incident["reported_at"])]
        )
        due = last + timedelta(hours=limits["progress_hours"])
        out.append(
            {"kind": "progress", "step": "", "name": vocab.name("report_kind", "progress"),
             "sender": party_name("city_government", places),
             "receiver": party_name("province_government", places),
             "due": values.stamp(due), "hours": limits["progress_hours"],
             "basis": _with_setting(basis_text("progress"), limits["progress_hours"],
                                    PROGRESS_HOURS),
             "done": None, "overdue": due < at, "late": False}
        )  # fmt: skip
    if ended:
        final = next((r for r in made if r["kind"] == "final"), None)
        due = records.moment(ended) + timedelta(days=limits["final_days"])
        out.append(
            {"kind": "final", "step": "", "name": vocab.name("report_kind", "final"),
             "sender": party_name("city_government", places),
             "receiver": party_name("province_government", places),
             "due": values.stamp(due), "hours": limits["final_days"] * 24,
             "basis": _with_setting(basis_text("final"), limits["final_days"] * 24,
                                    FINAL_DAYS * 24),
             "done": final, "overdue": final is None and due < at,
             "late": final is not None and records.moment(final["reported_at"]) > due}
        )  # fmt: skip
    return out


def overdue(db: Database, at: datetime | None = None) -> list[dict]:
    """Overdue reports of every incident not closed: {incident, number, title, name, due}."""
    at = at or records.now()
    out = []
    for incident in db.query(
        "SELECT id, number, title FROM incident WHERE status != 'closed' AND deleted = 0"
    ):
        for expected in schedule(db, incident["id"], at):
            if expected["overdue"]:
                out.append({"incident": incident["id"], "number": incident["number"],
                            "title": incident["title"], "name": expected["name"],
                            "kind": expected["kind"], "step": expected["step"],
                            "due": expected["due"]})  # fmt: skip
    return out


# ---------------------------------------------------------------- making reports


def report_number(incident: dict, report: dict) -> str:
    """A report's number: the incident's and its own (…-02) when the incident's station made
    it; another station's reports carry that station's code (…-HY-HN-01), so that numbers
    made apart never collide."""
    if report["station"] in ("", incident["station"]):
        return f"{incident['number']}-{report['seq']:02d}"
    return f"{incident['number']}-{report['station']}-{report['seq']:02d}"


def listing(db: Database, ref: str) -> list[dict]:
    """The reports made, in order of their time, with their kind's and step's names and
    whether they met their deadline."""
    incident = records.get(db, ref)
    out = []
    for r in _reports(db, incident["id"]):
        late = bool(r["due_at"]) and records.moment(r["reported_at"]) > records.moment(r["due_at"])
        out.append({**r, "kind_name": vocab.name("report_kind", r["kind"]),
                    "step_name": step_name(r["step"]) if r["step"] else "", "late": late,
                    "number": report_number(incident, r)})  # fmt: skip
    return out


def get(db: Database, ref: str) -> dict:
    """A report by its id or its number (the incident's number and the report's, e.g.
    SJ-HY-CITY-20261207-001-02, or …-001-HY-HN-01 for another station's)."""
    ref = (ref or "").strip()
    row = next(
        db.query("SELECT * FROM incident_report WHERE id = ? AND deleted = 0", [ref.lower()]),
        None,
    )
    if row is not None:
        return next(r for r in listing(db, row["incident_id"]) if r["id"] == row["id"])
    number = ref.upper()
    for (incident_id,) in db.execute(
        "SELECT id FROM incident WHERE deleted = 0 AND substr(?, 1, length(number) + 1) = "
        "number || '-'",
        [number],
    ):
        found = [r for r in listing(db, incident_id) if r["number"] == number]
        if found:
            return found[0]
    raise BioError(tr("No information report {ref}.", ref=ref))


def _texts(given: dict) -> dict:
    return {
        name: records.text_field(given, name, limit, name in FREE_TEXT)
        for name, limit in LIMITS.items()
        if given.get(name) is not None
    }


def add(db: Database, ctx: Ctx, ref: str, kind: str, given: dict | None = None) -> dict:
    """Record a report made (or received) for the incident. given: step (first reports: the
    link of the chain; by default the first one not yet reported), reported_at (default
    now), title, from_unit, to_unit, summary, measures, next_steps, signer — the parties and
    the title default to the chain's, the summary to the incident's description. Returns
    the report as listing() shows it."""
    given = dict(given or {})
    incident = records.get(db, ref)
    kind = records.choice("report_kind", kind, "kind")
    at = records.now()
    when = (
        values.time_iso(given["reported_at"], tr("Reported at"))
        if given.get("reported_at") not in (None, "")
        else values.stamp(at)
    )
    records.in_window(when, at, "reported_at", incident["reported_at"])
    fields = _texts(given)
    st = station.get(db)
    code = st.code if st else ""
    expected = schedule(db, incident["id"], at)
    step = (given.get("step") or "").strip()
    target: dict | None
    if kind == "first":
        chain = {e["step"]: e for e in expected if e["kind"] == "first"}
        if not step:
            step = next((s for s, e in chain.items() if e["done"] is None), "")
            if not step:
                raise BioError(tr("Every link of the reporting chain has reported; make a "
                                  "progress or the final report."))  # fmt: skip
        if step not in chain:
            raise Invalid("step", tr("No reporting step {code}. Steps: {codes}.", code=step,
                                     codes=", ".join(chain)))  # fmt: skip
        if chain[step]["done"] is not None:
            raise BioError(tr("The step {name} has reported already.", name=step_name(step)))
        before = next(s.after for s in CHAIN if s.code == step)
        if before and chain[before]["done"] is not None:  # not before the link it follows
            records.in_window(when, at, "reported_at", chain[before]["done"]["reported_at"])
        target = chain[step]
    else:
        if step:
            raise Invalid("step", tr("Only a first report follows a step of the chain."))
        if kind == "final" and any(r["kind"] == "final" for r in _reports(db, incident["id"])):
            raise BioError(tr("Incident {number} has its final report already.",
                              number=incident["number"]))  # fmt: skip
        target = next((e for e in expected if e["kind"] == kind), None)
    places = _places(db, incident)  # a report no rule asks for: the city to the province
    fields.setdefault(
        "from_unit", target["sender"] if target else party_name("city_government", places)
    )
    fields.setdefault(
        "to_unit", target["receiver"] if target else party_name("province_government", places)
    )
    fields.setdefault("summary", incident["description"])
    if not fields.get("title"):
        fields["title"] = tr("{kind} on {title}", kind=vocab.name("report_kind", kind),
                             title=incident["title"])  # fmt: skip
    if not fields["from_unit"] or not fields["to_unit"]:
        raise Invalid("to_unit", tr("Name who reports and to whom."))
    seq = db.execute(
        "SELECT coalesce(max(seq), 0) + 1 FROM incident_report WHERE incident_id = ? "
        "AND station = ?",
        [incident["id"], code],
    ).fetchone()[0]
    with write(db, ctx) as w:
        report_id = w.insert(
            "incident_report",
            {"incident_id": incident["id"], "kind": kind, "step": step, "station": code,
             "seq": seq,
             "reported_at": when, "due_at": target["due"] if target else None,
             "created_at": values.stamp(at), **fields},
        )  # fmt: skip
        journal.note(
            w,
            incident["id"],
            "report",
            tr("{kind} {number}: {sender} → {receiver}.", kind=vocab.name("report_kind", kind),
               number=report_number(incident, {"station": code, "seq": seq}),
               sender=fields["from_unit"], receiver=fields["to_unit"]),
            when,
        )  # fmt: skip
    return next(r for r in listing(db, incident["id"]) if r["id"] == report_id)


def document(db: Database, ref: str) -> dict:
    """What the printed report shows: the report, its incident, and its deadline."""
    report = get(db, ref)
    incident = records.detail(db, report["incident_id"])
    return {"report": report, "incident": incident}
