-- 0011: incidents (事件): the incident record, its grade history, activated playbooks with
-- their tasks and material lines, information reports, the significant-events log and the
-- experts dispatched; allocation orders link to an incident by its id.

ALTER TABLE alloc_order ADD COLUMN incident_id TEXT REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED;
ALTER TABLE alloc_order ADD COLUMN cancelled_at TEXT;

-- ---------------------------------------------------------------- incidents (synced)

-- An incident (事件) as the bureau runs it. Numbered SJ-<station>-<yyyymmdd>-<seq> by the
-- station that records it (unique across offline stations, like order numbers). Status
-- moves forward only (tables.FORWARD); grade changes are kept in incident_grade.
CREATE TABLE incident (
    id             TEXT PRIMARY KEY,
    number         TEXT NOT NULL DEFAULT '',
    station        TEXT NOT NULL DEFAULT '',    -- code of the recording station
    title          TEXT NOT NULL DEFAULT '',
    hazard         TEXT NOT NULL DEFAULT '',    -- a playbook hazard code (vocab.HAZARDS)
    grade          TEXT NOT NULL DEFAULT 'IV',  -- I 特别重大 … IV 一般 (national plan)
    confirmation   TEXT NOT NULL DEFAULT 'possible',  -- possible 可疑 | suspected 疑似 | confirmed 确诊
    division       TEXT,                        -- division code
    place          TEXT NOT NULL DEFAULT '',
    description    TEXT NOT NULL DEFAULT '',    -- 事件概况
    lead_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    commander      TEXT NOT NULL DEFAULT '',
    commander_phone TEXT NOT NULL DEFAULT '',
    exposed        INTEGER NOT NULL DEFAULT 0,  -- scale: people exposed
    patients       INTEGER NOT NULL DEFAULT 0,
    responders     INTEGER NOT NULL DEFAULT 0,
    sites          INTEGER NOT NULL DEFAULT 0,
    area_km2       REAL NOT NULL DEFAULT 0,
    days           INTEGER NOT NULL DEFAULT 0,  -- expected duration; 0: not estimated
    depot_ids      TEXT NOT NULL DEFAULT '[]',  -- depots it may draw on; []: its division's and the city reserves
    status         TEXT NOT NULL DEFAULT 'reported',  -- reported → responding → recovery → monitoring → closed
    reported_at    TEXT NOT NULL DEFAULT '',    -- when it was first reported (the reporting chain counts from here)
    activated_at   TEXT,                        -- first playbook activated (response)
    recovery_at    TEXT,
    monitoring_at  TEXT,
    closed_at      TEXT,
    created_at     TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_number ON incident (number);
CREATE INDEX incident_status ON incident (status);

-- Grade history: every grading, escalation and de-escalation, with its reason and author.
CREATE TABLE incident_grade (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    grade       TEXT NOT NULL DEFAULT 'IV',
    previous    TEXT,                        -- NULL for the first grading
    reason      TEXT NOT NULL DEFAULT '',
    at          TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_grade_incident ON incident_grade (incident_id, at);

-- A playbook version activated for an incident. The id is derived from (incident, playbook
-- code): two stations activating the same playbook make one activation.
CREATE TABLE incident_playbook (
    id           TEXT PRIMARY KEY,
    incident_id  TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_id  TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    grade        TEXT NOT NULL DEFAULT 'IV',  -- the incident's grade when activated
    activated_at TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_playbook_incident ON incident_playbook (incident_id);

-- The tasks of an activated playbook, copied when their minimum grade is met (at activation
-- or an escalation): the incident keeps what it was given when the playbook changes later.
-- The id is derived from (incident, playbook task): never made twice, never removed.
CREATE TABLE incident_task (
    id                 TEXT PRIMARY KEY,
    incident_id        TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    activation_id      TEXT NOT NULL REFERENCES incident_playbook (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_task_id   TEXT REFERENCES playbook_task (id) DEFERRABLE INITIALLY DEFERRED,
    position           INTEGER NOT NULL DEFAULT 0,
    phase              TEXT NOT NULL DEFAULT '',
    phase_title        TEXT NOT NULL DEFAULT '',
    title              TEXT NOT NULL DEFAULT '',
    instructions       TEXT NOT NULL DEFAULT '',
    lead_agency_id     TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    support_agency_ids TEXT NOT NULL DEFAULT '[]',
    min_grade          TEXT NOT NULL DEFAULT 'IV',
    checklist          TEXT NOT NULL DEFAULT '[]',
    specialties        TEXT NOT NULL DEFAULT '[]',
    clause             TEXT NOT NULL DEFAULT '',
    added_at           TEXT NOT NULL DEFAULT '',  -- when it was given (activation or escalation)
    due_at             TEXT,                      -- added_at + the task's deadline hours
    status             TEXT NOT NULL DEFAULT 'not_started',  -- not_started | received | in_progress | done | not_applicable | blocked
    status_note        TEXT NOT NULL DEFAULT '',
    status_by          TEXT NOT NULL DEFAULT '',
    status_at          TEXT,
    deleted            INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_task_incident ON incident_task (incident_id, position);
CREATE INDEX incident_task_open ON incident_task (status, due_at);

-- Material lines of an incident (ICS-215): copied from the activated playbooks' planning
-- factors, a category resolved to one of its items; planners may change a line or add one.
CREATE TABLE incident_need (
    id            TEXT PRIMARY KEY,
    incident_id   TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    activation_id TEXT REFERENCES incident_playbook (id) DEFERRABLE INITIALLY DEFERRED,  -- NULL: added by hand
    factor_id     TEXT REFERENCES playbook_factor (id) DEFERRABLE INITIALLY DEFERRED,
    position      INTEGER NOT NULL DEFAULT 0,
    item_id       TEXT REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,  -- NULL: the category has no item
    category      TEXT,
    basis         TEXT NOT NULL DEFAULT 'fixed',  -- per_exposed | per_patient | per_responder | per_site | per_km2 | fixed
    qty_per_day   REAL NOT NULL DEFAULT 0,
    days          INTEGER NOT NULL DEFAULT 1,
    buffer_pct    INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_need_incident ON incident_need (incident_id, position);

-- Information reports (信息报告): first (along the reporting chain), progress and final.
CREATE TABLE incident_report (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL DEFAULT 'first',  -- first | progress | final
    step        TEXT NOT NULL DEFAULT '',       -- the link of the reporting chain (first reports)
    station     TEXT NOT NULL DEFAULT '',       -- code of the station that recorded it
    seq         INTEGER NOT NULL DEFAULT 1,     -- its number among that station's reports on the incident
    title       TEXT NOT NULL DEFAULT '',
    from_unit   TEXT NOT NULL DEFAULT '',
    to_unit     TEXT NOT NULL DEFAULT '',
    reported_at TEXT NOT NULL DEFAULT '',
    due_at      TEXT,                           -- the deadline it met or missed
    summary     TEXT NOT NULL DEFAULT '',       -- 事件概况
    measures    TEXT NOT NULL DEFAULT '',       -- 已采取措施
    next_steps  TEXT NOT NULL DEFAULT '',       -- 下一步工作
    signer      TEXT NOT NULL DEFAULT '',       -- 签发人
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_report_incident ON incident_report (incident_id, reported_at);

-- The significant-events log (大事记): entries recorded with each action, and typed ones.
CREATE TABLE incident_log (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    at          TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'manual',
    text        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_log_incident ON incident_log (incident_id, at);

-- Experts sent out for an incident (dispatch) until released.
CREATE TABLE incident_expert (
    id            TEXT PRIMARY KEY,
    incident_id   TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    expert_id     TEXT NOT NULL REFERENCES expert (id) DEFERRABLE INITIALLY DEFERRED,
    task_id       TEXT REFERENCES incident_task (id) DEFERRABLE INITIALLY DEFERRED,
    dispatched_at TEXT NOT NULL DEFAULT '',
    released_at   TEXT,
    note          TEXT NOT NULL DEFAULT '',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX incident_expert_incident ON incident_expert (incident_id);
CREATE INDEX incident_expert_expert ON incident_expert (expert_id);

CREATE INDEX alloc_order_incident ON alloc_order (incident_id);

CREATE TRIGGER incident_guard_insert BEFORE INSERT ON incident
BEGIN SELECT RAISE(ABORT, 'incident: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_guard_update BEFORE UPDATE ON incident
BEGIN SELECT RAISE(ABORT, 'incident: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_no_delete BEFORE DELETE ON incident
BEGIN SELECT RAISE(ABORT, 'incident: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_grade_guard_insert BEFORE INSERT ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_grade_guard_update BEFORE UPDATE ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_grade_no_delete BEFORE DELETE ON incident_grade
BEGIN SELECT RAISE(ABORT, 'incident_grade: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_playbook_guard_insert BEFORE INSERT ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_playbook_guard_update BEFORE UPDATE ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_playbook_no_delete BEFORE DELETE ON incident_playbook
BEGIN SELECT RAISE(ABORT, 'incident_playbook: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_task_guard_insert BEFORE INSERT ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_task_guard_update BEFORE UPDATE ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_task_no_delete BEFORE DELETE ON incident_task
BEGIN SELECT RAISE(ABORT, 'incident_task: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_need_guard_insert BEFORE INSERT ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_need_guard_update BEFORE UPDATE ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_need_no_delete BEFORE DELETE ON incident_need
BEGIN SELECT RAISE(ABORT, 'incident_need: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_report_guard_insert BEFORE INSERT ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_report_guard_update BEFORE UPDATE ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_report_no_delete BEFORE DELETE ON incident_report
BEGIN SELECT RAISE(ABORT, 'incident_report: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_log_guard_insert BEFORE INSERT ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_log_guard_update BEFORE UPDATE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_log_no_delete BEFORE DELETE ON incident_log
BEGIN SELECT RAISE(ABORT, 'incident_log: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER incident_expert_guard_insert BEFORE INSERT ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_expert_guard_update BEFORE UPDATE ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER incident_expert_no_delete BEFORE DELETE ON incident_expert
BEGIN SELECT RAISE(ABORT, 'incident_expert: rows are never deleted; the write path sets deleted = 1'); END;

