"""Alerts on the reserves: below norm, out of stock, near expiry, expired, and negative
balances left by merging two stations' concurrent issues.

Near-expiry thresholds (default 30/90/180 days) are a station setting kept in
`meta`; every lot with stock is put in the tightest bucket it falls in.
"""

from datetime import date, timedelta

from desktop.core import values
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.reserves import norms
from desktop.core.store import derived
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction

DEFAULT_THRESHOLDS = (30, 90, 180)
META_KEY = "alerts.near_expiry_days"


def thresholds(db: Database) -> tuple[int, ...]:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_KEY]).fetchone()
    return parse_thresholds(row[0]) if row else DEFAULT_THRESHOLDS


def parse_thresholds(text: str) -> tuple[int, ...]:
    try:
        days = tuple(sorted({int(p) for p in str(text).replace("，", ",").split(",") if p.strip()}))
    except ValueError:
        days = ()
    if not days or days[0] <= 0 or days[-1] > values.MAX_DAYS or len(days) > 5:
        raise BioError(tr("Near-expiry thresholds are 1 to 5 positive day counts, e.g. 30,90,180."))
    return days


def set_thresholds(db: Database, text: str, ctx: Ctx | None = None) -> tuple[int, ...]:
    """Change this station's near-expiry thresholds (a local setting, not synced; the
    SETTINGS right — ctx None: the program itself)."""
    policy.require(ctx or Ctx.from_os(), roles.SETTINGS)
    days = parse_thresholds(text)
    with transaction(db, touches=("meta",)):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value "
            "= excluded.value",
            [META_KEY, ",".join(map(str, days))],
        )
    return days


# Lots with stock expiring between :since and :until, in a total order (expiry, depot, item,
# batch, then the ids, so that ties never reorder): compute() lists them whole, expiring_page()
# a page at a time after the last row seen (keyset), both from this one query.
LOTS_EXPIRING_SQL = """
SELECT d.code AS depot, d.name AS depot_name, i.code AS item, i.name AS item_name, i.unit,
       l.batch_no AS lot, l.expires_on AS expiry, l.status, b.qty{columns}
FROM lot l
JOIN stock_balance b ON b.lot_id = l.id AND b.qty > 0
JOIN depot d ON d.id = b.depot_id AND d.deleted = 0
JOIN item i ON i.id = b.item_id
WHERE l.expires_on IS NOT NULL AND l.expires_on <= :until AND l.expires_on >= :since{after}
ORDER BY l.expires_on, d.code, i.code, l.batch_no, l.id, d.id{limit}
"""
LOTS_EXPIRING = LOTS_EXPIRING_SQL.format(columns="", after="", limit="")
# A page: the keys of the order come along (lot_id, depot_id) for the next page's keyset.
EXPIRING_PAGE = LOTS_EXPIRING_SQL.format(
    columns=", l.id AS lot_id, d.id AS depot_id", after="", limit=" LIMIT :limit"
)
EXPIRING_PAGE_AFTER = LOTS_EXPIRING_SQL.format(
    columns=", l.id AS lot_id, d.id AS depot_id",
    after="\n  AND (l.expires_on, d.code, i.code, l.batch_no, l.id, d.id)"
    " > (:a_expiry, :a_depot, :a_item, :a_lot, :a_lot_id, :a_depot_id)",
    limit=" LIMIT :limit",
)
EXPIRY_KINDS = ("near_expiry", "expired")
PAGE = 200


# Two stations may each issue the same stock while offline; after their changes merge, the
# balance can fall below zero. That is a fact to resolve (a count), never to hide.
NEGATIVE = """
SELECT d.code AS depot, d.name AS depot_name, i.code AS item, i.name AS item_name, i.unit,
       l.batch_no AS lot, l.expires_on AS expiry, b.qty
FROM stock_balance b
JOIN depot d ON d.id = b.depot_id JOIN item i ON i.id = b.item_id JOIN lot l ON l.id = b.lot_id
WHERE b.qty < 0
ORDER BY d.code, i.code, l.batch_no
"""


def compute(db: Database, today: date | None = None, days: tuple[int, ...] | None = None) -> dict:
    """All alerts: below_norm, out_of_stock, near_expiry (with bucket), expired, negative."""
    today = today or date.today()
    days = days or thresholds(db)
    return {
        **_norm_alerts(db, today),
        **{
            kind: [
                _expiry_view(row, kind, today, days)
                for row in db.query(LOTS_EXPIRING, _expiry_range(kind, today, days))
            ]
            for kind in EXPIRY_KINDS
        },
        "negative": list(db.query(NEGATIVE)),
        "thresholds": list(days),
    }


def first_pages(
    db: Database, today: date | None = None, days: tuple[int, ...] | None = None, limit: int = PAGE
) -> dict:
    """What 预警 shows first: compute() with only the first `limit` rows of below_norm,
    out_of_stock, near_expiry and expired (page()), and "counts" — counts(compute()) — and
    "today" (ISO) for the next pages."""
    today = today or date.today()
    days = days or thresholds(db)
    found: dict = {"negative": list(db.query(NEGATIVE))}
    totals = expiry_counts(db, today, days)
    counts = {kind: totals[kind] for kind in (*EXPIRY_KINDS, "negative")}
    counts.update(_norm_counts(db, today))
    for kind in PAGED_KINDS:
        found[kind] = page(db, kind, today, days, limit=limit)
    return {
        **found,
        "thresholds": list(days),
        "counts": {kind: counts[kind] for kind in KINDS},
        "buckets": totals["buckets"],
        "today": today.isoformat(),
    }


KINDS = ("below_norm", "out_of_stock", "near_expiry", "expired", "negative")


# The norm lines below their norm (norms.SHORT_LINES: norm_line corrected by the shift of
# usable stock to the day asked about, none when usable_stock is kept for it), one kind at a
# time, in a total order (depot, item, then their ids): compute() lists them whole,
# norm_page() a page at a time after the last row seen (keyset).
NORM_KINDS = ("below_norm", "out_of_stock")
NORM_LINES_SQL = """{shift_with}
SELECT * FROM (
    SELECT nl.depot_id, d.code AS depot, d.name AS depot_name, nl.item_id, i.code AS item,
           i.name AS item_name, i.unit, nl.norm, {have} AS have
    FROM norm_line nl
    JOIN depot d ON d.id = nl.depot_id
    JOIN item i ON i.id = nl.item_id{shift_join}
) WHERE have < norm AND {kind}{after}
ORDER BY depot, item, depot_id, item_id{limit}
"""
NORM_KIND_WHERE = {"below_norm": "have > 0", "out_of_stock": "have <= 0"}
NORM_AFTER = (
    "\n  AND (depot, item, depot_id, item_id) > (:a_depot, :a_item, :a_depot_id, :a_item_id)"
)
NORM_PAGE_KEYS = ("depot", "item", "depot_id", "item_id")


def _norm_sql(kind: str, shifted: bool, after: bool, limit: bool) -> str:
    if kind not in NORM_KIND_WHERE:
        raise ValueError(kind)
    return NORM_LINES_SQL.format(
        shift_with=f"WITH shift AS ({derived.USABLE_SHIFT})" if shifted else "",
        have=norms.SHIFTED_HAVE if shifted else "nl.held",
        shift_join="\n    LEFT JOIN shift x ON x.depot_id = nl.depot_id AND x.item_id = nl.item_id"
        if shifted
        else "",
        kind=NORM_KIND_WHERE[kind],
        after=NORM_AFTER if after else "",
        limit=" LIMIT :limit" if limit else "",
    )


def norm_page(
    db: Database,
    kind: str,
    today: date | None = None,
    after: dict | None = None,
    limit: int | None = PAGE,
) -> list[dict]:
    """One page of compute()[kind] for kind below_norm or out_of_stock, in the same order:
    the first `limit` rows (all with None), or those following `after` (a row of the previous
    page). Each row also carries depot_id and item_id, the keys that make the order total."""
    params = norms.shift_params(db, today)
    shifted = params["lo"] != params["hi"]  # usable_stock is not kept for that day
    if not shifted:
        params = {}
    if limit is not None:
        params["limit"] = limit
    if after is not None:
        params.update({f"a_{key}": after[key] for key in NORM_PAGE_KEYS})
    sql = _norm_sql(kind, shifted, after is not None, limit is not None)
    short = kind == "below_norm"
    return [
        {**row, "short": row["norm"] - row["have"] if short else row["norm"]}
        for row in db.query(sql, params)
    ]


def _norm_alerts(db: Database, today: date) -> dict:
    return {
        kind: [_norm_view(row) for row in norm_page(db, kind, today, limit=None)]
        for kind in NORM_KINDS
    }


def _norm_counts(db: Database, today: date) -> dict[str, int]:
    """len(compute()[kind]) for below_norm and out_of_stock, from the sums kept per depot ×
    category (norms.groups)."""
    below = out = 0
    for group in norms.groups(db, today):
        below += group[6]
        out += group[7]
    return {"below_norm": below, "out_of_stock": out}


PAGED_KINDS = (*NORM_KINDS, "near_expiry", "expired")


def page(
    db: Database,
    kind: str,
    today: date | None = None,
    days: tuple[int, ...] | None = None,
    after: dict | None = None,
    limit: int = PAGE,
) -> list[dict]:
    """One page of compute()[kind] for any kind of PAGED_KINDS (norm_page, expiring_page)."""
    if kind in NORM_KINDS:
        return norm_page(db, kind, today, after=after, limit=limit)
    return expiring_page(db, kind, today, days, after=after, limit=limit)


def expiring_page(
    db: Database,
    kind: str,
    today: date | None = None,
    days: tuple[int, ...] | None = None,
    after: dict | None = None,
    limit: int = PAGE,
) -> list[dict]:
    """One page of compute()[kind] for kind near_expiry or expired, in the same order: the
    first `limit` rows, or those following `after` (a row of the previous page). Each row also
    carries lot_id and depot_id, the keys that make the order total."""
    today = today or date.today()
    days = days or thresholds(db)
    params = {**_expiry_range(kind, today, days), "limit": limit}
    sql = EXPIRING_PAGE
    if after is not None:
        sql = EXPIRING_PAGE_AFTER
        params["since"] = max(params["since"], after["expiry"])  # the lot_expiry range
        params.update({f"a_{key}": after[key] for key in PAGE_KEYS})
    return [_expiry_view(row, kind, today, days) for row in db.query(sql, params)]


PAGE_KEYS = ("expiry", "depot", "item", "lot", "lot_id", "depot_id")


def _expiry_range(kind: str, today: date, days: tuple[int, ...]) -> dict:
    if kind == "near_expiry":
        return {"since": today.isoformat(), "until": (today + timedelta(days[-1])).isoformat()}
    if kind == "expired":
        return {"since": "0000-01-01", "until": (today - timedelta(1)).isoformat()}
    raise ValueError(kind)


def _expiry_view(row: dict, kind: str, today: date, days: tuple[int, ...]) -> dict:
    left = (date.fromisoformat(row["expiry"]) - today).days
    if kind == "near_expiry":
        return {**row, "days_left": left, "bucket": next(d for d in days if left <= d)}
    return {**row, "days_left": left}


def counts(alerts: dict) -> dict[str, int]:
    return {k: len(v) for k, v in alerts.items() if k != "thresholds"}


# Counting the expiring positions (lot × depot with stock) without listing them: positive
# balances per expiry day × depot are kept in expiry_stock, the balances below zero per depot
# in depot_stock (store/figures.py); a count is a range of days, put in buckets here.
# EXPIRED_BUCKET for the expired, the threshold (in days) for the near-expiry, NULL otherwise.
EXPIRED_BUCKET = -1
EXPIRY_POSITIONS = """
SELECT {bucket} AS bucket, sum(l.n) AS n
FROM (SELECT expires_on, sum(positions) AS n FROM expiry_stock
      WHERE expires_on >= '0000-01-01' AND expires_on <= :last
        AND depot_id NOT IN (SELECT id FROM depot WHERE deleted != 0)
      GROUP BY expires_on) l
GROUP BY bucket
"""
NEGATIVE_COUNT = "SELECT coalesce(sum(negatives), 0) FROM depot_stock"


def _bucket_sql(today: date, days: tuple[int, ...]) -> tuple[str, dict]:
    """A CASE putting l.expires_on in compute()'s bucket (the first threshold it is within,
    as next() picks it there) or among the expired, with the ranges of compute() exactly."""
    near = _expiry_range("near_expiry", today, days)
    gone = _expiry_range("expired", today, days)
    params = {"g_since": gone["since"], "g_until": gone["until"], "n_since": near["since"]}
    whens = [f"WHEN l.expires_on >= :g_since AND l.expires_on <= :g_until THEN {EXPIRED_BUCKET}"]
    for number, day in enumerate(days):
        params[f"b{number}"] = min(near["until"], (today + timedelta(day)).isoformat())
        whens.append(
            f"WHEN l.expires_on >= :n_since AND l.expires_on <= :b{number} THEN {int(day)}"
        )
    params["last"] = max(near["until"], gone["until"])
    return "CASE " + " ".join(whens) + " END", params


def expiry_counts(
    db: Database, today: date | None = None, days: tuple[int, ...] | None = None
) -> dict:
    """len(compute()[kind]) for near_expiry and expired, with the near-expiry positions per
    bucket: {"near_expiry": n, "expired": n, "buckets": {days: n}, "negative": n}."""
    today = today or date.today()
    days = days or thresholds(db)
    bucket, params = _bucket_sql(today, days)
    found = dict.fromkeys([EXPIRED_BUCKET, *days], 0)
    for where, n in db.execute(EXPIRY_POSITIONS.format(bucket=bucket), params):
        if where is not None:
            found[where] += n
    negative = db.execute(NEGATIVE_COUNT).fetchone()[0]
    buckets = {day: found[day] for day in days}
    return {
        "near_expiry": sum(buckets.values()),
        "expired": found[EXPIRED_BUCKET],
        "buckets": buckets,
        "negative": negative,
    }


def count(
    db: Database, today: date | None = None, days: tuple[int, ...] | None = None
) -> dict[str, int]:
    """counts(compute(db, today, days)) without building the lists: in SQL."""
    today = today or date.today()
    days = days or thresholds(db)
    lots = expiry_counts(db, today, days)
    return {
        **_norm_counts(db, today),
        "near_expiry": lots["near_expiry"],
        "expired": lots["expired"],
        "negative": lots["negative"],
    }


def _norm_view(line: dict) -> dict:
    return {
        k: line[k]
        for k in ("depot", "depot_name", "item", "item_name", "unit", "norm", "have", "short")
    }
