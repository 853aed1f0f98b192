-- 0004: the expert roster (availability, qualifications, pinyin index) and the
-- biological-incident playbooks (phases, tasks, material planning factors).

ALTER TABLE expert ADD COLUMN unavailable_from TEXT;  -- ISO dates; availability = unavailable
ALTER TABLE expert ADD COLUMN unavailable_to   TEXT;

CREATE TABLE expert_qualification (
    id         TEXT PRIMARY KEY,
    expert_id  TEXT NOT NULL REFERENCES expert (id) DEFERRABLE INITIALLY DEFERRED,
    name       TEXT NOT NULL DEFAULT '',   -- 资质证书, e.g. 生物安全培训合格证
    number     TEXT NOT NULL DEFAULT '',
    issued_on  TEXT,
    expires_on TEXT,
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX expert_qualification_expert ON expert_qualification (expert_id);
CREATE INDEX expert_qualification_expiry ON expert_qualification (expires_on);

-- Derived (local): pinyin of expert names for search ("zs" finds 张三).
CREATE TABLE expert_search (
    expert_id TEXT PRIMARY KEY,
    initials  TEXT NOT NULL,
    pinyin    TEXT NOT NULL
) WITHOUT ROWID;

-- A playbook version. (code, version) names it; an approved version is never edited:
-- a new version is made from it (based_on). Status moves forward only.
CREATE TABLE playbook (
    id        TEXT PRIMARY KEY,
    code      TEXT NOT NULL DEFAULT '',
    version   INTEGER NOT NULL DEFAULT 1,
    title     TEXT NOT NULL DEFAULT '',
    hazard    TEXT NOT NULL DEFAULT '',   -- bioterror | infectious_disease | animal_epidemic | plant_pest | invasive_species | lab_incident
    grades    TEXT NOT NULL DEFAULT '["I","II","III","IV"]',  -- JSON list of applicable grades
    status    TEXT NOT NULL DEFAULT 'draft',                 -- draft → approved → retired
    clauses   TEXT NOT NULL DEFAULT '[]', -- JSON list of plan clauses, e.g. "三（六）"
    summary   TEXT NOT NULL DEFAULT '',
    based_on  TEXT,                       -- the version this one was made from
    example   INTEGER NOT NULL DEFAULT 0, -- shipped example content, to be adapted locally
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_code ON playbook (code, version);

CREATE TABLE playbook_phase (
    id          TEXT PRIMARY KEY,
    playbook_id TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    position    INTEGER NOT NULL DEFAULT 0,
    phase       TEXT NOT NULL DEFAULT '',  -- monitoring_warning | treatment | disinfection | long_term_monitoring | ecological_restoration | safety_monitoring | order_restoration | other
    title       TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_phase_playbook ON playbook_phase (playbook_id, position);

CREATE TABLE playbook_task (
    id             TEXT PRIMARY KEY,
    playbook_id    TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    phase_id       TEXT NOT NULL REFERENCES playbook_phase (id) DEFERRABLE INITIALLY DEFERRED,
    position       INTEGER NOT NULL DEFAULT 0,
    title          TEXT NOT NULL DEFAULT '',
    instructions   TEXT NOT NULL DEFAULT '',
    lead_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    support_agency_ids TEXT NOT NULL DEFAULT '[]',  -- JSON list of agency ids
    deadline_hours INTEGER,                          -- after activation
    min_grade      TEXT NOT NULL DEFAULT 'IV',       -- applies from this grade up (IV lowest)
    checklist      TEXT NOT NULL DEFAULT '[]',       -- JSON list of strings
    specialties    TEXT NOT NULL DEFAULT '[]',       -- JSON list of {"code", "count"}
    clause         TEXT NOT NULL DEFAULT '',         -- the plan clause it implements
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_task_playbook ON playbook_task (playbook_id, phase_id, position);

CREATE TABLE playbook_factor (
    id          TEXT PRIMARY KEY,
    playbook_id TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    position    INTEGER NOT NULL DEFAULT 0,
    item_id     TEXT REFERENCES item (id) DEFERRABLE INITIALLY DEFERRED,
    category    TEXT,                    -- a practical category code when no item is named
    basis       TEXT NOT NULL DEFAULT 'fixed',  -- per_exposed | per_patient | per_responder | per_site | per_km2 | fixed
    qty_per_day REAL NOT NULL DEFAULT 0, -- quantity per unit (person, site, km²) per day
    days        INTEGER NOT NULL DEFAULT 1,
    buffer_pct  INTEGER NOT NULL DEFAULT 0,
    note        TEXT NOT NULL DEFAULT '',
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX playbook_factor_playbook ON playbook_factor (playbook_id, position);

CREATE TRIGGER expert_qualification_guard_insert BEFORE INSERT ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_qualification_guard_update BEFORE UPDATE ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER expert_qualification_no_delete BEFORE DELETE ON expert_qualification
BEGIN SELECT RAISE(ABORT, 'expert_qualification: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_guard_insert BEFORE INSERT ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_guard_update BEFORE UPDATE ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_no_delete BEFORE DELETE ON playbook
BEGIN SELECT RAISE(ABORT, 'playbook: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_phase_guard_insert BEFORE INSERT ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_phase_guard_update BEFORE UPDATE ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_phase_no_delete BEFORE DELETE ON playbook_phase
BEGIN SELECT RAISE(ABORT, 'playbook_phase: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_task_guard_insert BEFORE INSERT ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_task_guard_update BEFORE UPDATE ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_task_no_delete BEFORE DELETE ON playbook_task
BEGIN SELECT RAISE(ABORT, 'playbook_task: rows are never deleted; the write path sets deleted = 1'); END;

CREATE TRIGGER playbook_factor_guard_insert BEFORE INSERT ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_factor_guard_update BEFORE UPDATE ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER playbook_factor_no_delete BEFORE DELETE ON playbook_factor
BEGIN SELECT RAISE(ABORT, 'playbook_factor: rows are never deleted; the write path sets deleted = 1'); END;
