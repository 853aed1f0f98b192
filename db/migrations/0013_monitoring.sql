-- 0013: long-term monitoring (长期监测): cohorts of people with their personal data,
-- environmental sampling sites, schedules of checks, results, the analyst's recommendations;
-- and the local log of who chose to see ID numbers and phones unmasked.

-- ---------------------------------------------------------------- monitoring (synced)

-- A person followed up after an incident. The id is derived from (incident, ID number): a
-- person entered at two stations is one row. status: monitoring 监测中 | released 已解除 |
-- lost 失访 | referred 转诊.
CREATE TABLE monitor_person (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    name        TEXT NOT NULL DEFAULT '',
    id_number   TEXT NOT NULL DEFAULT '',     -- 18 characters with the GB 11643 check digit
    phone       TEXT NOT NULL DEFAULT '',
    division    TEXT,
    exposed_on  TEXT,                         -- the (last) exposure date
    exposure    TEXT NOT NULL DEFAULT '',     -- how: 直接接触, 同住, 气溶胶, …
    cohort      TEXT NOT NULL DEFAULT 'exposed',  -- exposed | close_contact | responder | recovered
    status      TEXT NOT NULL DEFAULT 'monitoring',
    status_note TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_person_incident ON monitor_person (incident_id, cohort);

-- An environmental sampling site: kind water 水体 | soil 土壤 | air 空气 | surface 物体表面 |
-- animal 动物 | plant 植物; its place (address, optional coordinates), division, agency.
CREATE TABLE monitor_site (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    kind        TEXT NOT NULL DEFAULT 'water',
    place       TEXT NOT NULL DEFAULT '',
    latitude    REAL,
    longitude   REAL,
    division    TEXT,
    agency_id   TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_site_incident ON monitor_site (incident_id);

-- What is checked, for a cohort of the incident's people or for one site: every N days for
-- M days (counted from each person's exposure when later than the start), by an agency;
-- optional normal range for numeric values. Ended early with a reason.
CREATE TABLE monitor_schedule (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    cohort      TEXT,                         -- for the people of this cohort, or
    site_id     TEXT REFERENCES monitor_site (id) DEFERRABLE INITIALLY DEFERRED,  -- for this site
    measure     TEXT NOT NULL DEFAULT '',     -- 体温, 症状, 水样检测, …
    unit        TEXT NOT NULL DEFAULT '',
    every_days  INTEGER NOT NULL DEFAULT 1,
    for_days    INTEGER NOT NULL DEFAULT 1,
    start_on    TEXT NOT NULL DEFAULT '',
    normal_min  REAL,
    normal_max  REAL,
    agency_id   TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    ended_on    TEXT,
    end_reason  TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_schedule_incident ON monitor_schedule (incident_id);

-- A result of one due check. The id is derived from (schedule, subject, due date): results
-- entered at two stations for one check merge into one row (the later wins, the other is
-- kept as a conflict).
CREATE TABLE monitor_result (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    schedule_id TEXT NOT NULL REFERENCES monitor_schedule (id) DEFERRABLE INITIALLY DEFERRED,
    person_id   TEXT REFERENCES monitor_person (id) DEFERRABLE INITIALLY DEFERRED,
    site_id     TEXT REFERENCES monitor_site (id) DEFERRABLE INITIALLY DEFERRED,
    due_on      TEXT NOT NULL DEFAULT '',
    value       TEXT NOT NULL DEFAULT '',
    unit        TEXT NOT NULL DEFAULT '',
    abnormal    INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    handled     INTEGER NOT NULL DEFAULT 0,   -- an abnormal result's alert dealt with
    handled_note TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_result_schedule ON monitor_result (schedule_id, due_on);
CREATE INDEX monitor_result_incident ON monitor_result (incident_id, abnormal);

-- The analyst's recommendations drawn from the monitoring (for the whole incident or one
-- cohort), printed in the summary report.
CREATE TABLE monitor_note (
    id          TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL REFERENCES incident (id) DEFERRABLE INITIALLY DEFERRED,
    cohort      TEXT,
    text        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX monitor_note_incident ON monitor_note (incident_id);

-- ---------------------------------------------------------------- local

-- Who chose to see ID numbers and phones unmasked, when, what and why (this station's own
-- record; never synchronized).
CREATE TABLE disclosure_log (
    id     INTEGER PRIMARY KEY,
    at     TEXT NOT NULL,
    actor  TEXT NOT NULL,
    what   TEXT NOT NULL,                     -- list | export | person
    scope  TEXT NOT NULL,                     -- the incident, cohort or person shown
    reason TEXT NOT NULL DEFAULT ''
);

-- Guards: synced monitoring tables are written only through the write path, never deleted.
CREATE TRIGGER monitor_person_guard_insert BEFORE INSERT ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_person_guard_update BEFORE UPDATE ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_person_no_delete BEFORE DELETE ON monitor_person
BEGIN SELECT RAISE(ABORT, 'monitor_person: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_site_guard_insert BEFORE INSERT ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_site_guard_update BEFORE UPDATE ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_site_no_delete BEFORE DELETE ON monitor_site
BEGIN SELECT RAISE(ABORT, 'monitor_site: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_schedule_guard_insert BEFORE INSERT ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_schedule_guard_update BEFORE UPDATE ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_schedule_no_delete BEFORE DELETE ON monitor_schedule
BEGIN SELECT RAISE(ABORT, 'monitor_schedule: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_result_guard_insert BEFORE INSERT ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_result_guard_update BEFORE UPDATE ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_result_no_delete BEFORE DELETE ON monitor_result
BEGIN SELECT RAISE(ABORT, 'monitor_result: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER monitor_note_guard_insert BEFORE INSERT ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_note_guard_update BEFORE UPDATE ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER monitor_note_no_delete BEFORE DELETE ON monitor_note
BEGIN SELECT RAISE(ABORT, 'monitor_note: rows are never deleted; the write path sets deleted = 1'); END;
