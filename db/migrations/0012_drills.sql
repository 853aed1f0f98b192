-- 0012: drills (演练): the exercise as planned (objectives, playbooks, participants, the
-- master scenario events list with expected actions), its simulated clock, the injects
-- fired, the evaluators' marks, observations and ratings, and the improvement plan.
-- A drill's play happens in its own sandbox file (drills/sandbox.py); only the plan lives
-- in the live database, and the improvement items when the drill is closed.

-- ---------------------------------------------------------------- drills (synced)

-- A drill, numbered YL-<station>-<yyyymmdd>-<seq> by the station that plans it. Status
-- moves forward only (planned → prepared → running → ended → evaluated); a running drill
-- is paused by its clock (paused = 1), which the list shows as 暂停.
CREATE TABLE drill (
    id          TEXT PRIMARY KEY,
    number      TEXT NOT NULL DEFAULT '',
    station     TEXT NOT NULL DEFAULT '',    -- code of the planning station
    name        TEXT NOT NULL DEFAULT '',
    kind        TEXT NOT NULL DEFAULT 'tabletop',  -- tabletop 桌面推演 | functional 专项演练 | full_scale 综合演练
    scenario    TEXT NOT NULL DEFAULT '',    -- the scenario narrative
    hazard      TEXT NOT NULL DEFAULT '',    -- the simulated incident (gap analysis, auto play)
    grade       TEXT NOT NULL DEFAULT 'IV',
    division    TEXT,
    place       TEXT NOT NULL DEFAULT '',
    exposed     INTEGER NOT NULL DEFAULT 0,
    patients    INTEGER NOT NULL DEFAULT 0,
    responders  INTEGER NOT NULL DEFAULT 0,
    sites       INTEGER NOT NULL DEFAULT 0,
    area_km2    REAL NOT NULL DEFAULT 0,
    days        INTEGER NOT NULL DEFAULT 0,
    status      TEXT NOT NULL DEFAULT 'planned',
    paused      INTEGER NOT NULL DEFAULT 0,
    sim_start   TEXT NOT NULL DEFAULT '',    -- the scenario's time T+0 (simulated)
    speed       INTEGER NOT NULL DEFAULT 1,  -- ×1 … ×60
    created_at  TEXT NOT NULL DEFAULT '',
    started_at  TEXT,
    ended_at    TEXT,
    closed_at   TEXT,
    deleted     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_number ON drill (number);

-- What the drill tests, each citing the plan clause (三（一）一) or playbook it tests.
CREATE TABLE drill_objective (
    id        TEXT PRIMARY KEY,
    drill_id  TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    position  INTEGER NOT NULL DEFAULT 0,
    code      TEXT NOT NULL DEFAULT '',       -- O1, O2 … (the MSEL refers to it)
    text      TEXT NOT NULL DEFAULT '',
    citation  TEXT NOT NULL DEFAULT '',       -- a plan clause or a playbook code
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_objective_drill ON drill_objective (drill_id, position);

-- The playbooks the drill exercises. The id is derived from (drill, playbook code).
CREATE TABLE drill_playbook (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    playbook_id  TEXT NOT NULL REFERENCES playbook (id) DEFERRABLE INITIALLY DEFERRED,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_playbook_drill ON drill_playbook (drill_id);

-- Participating agencies, controllers (导调) and evaluators (评估): a person's role, name,
-- agency. Agencies take part with role 'player'.
CREATE TABLE drill_person (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    role       TEXT NOT NULL DEFAULT 'player',   -- player | controller | evaluator
    name       TEXT NOT NULL DEFAULT '',
    agency_id  TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    phone      TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_person_drill ON drill_person (drill_id);

-- The master scenario events list (MSEL): an inject fires at T+offset (time), some minutes
-- after another fires (delay), when another reaches a state (after), or by a controller
-- (manual; contingency injects are manual ones kept for when play goes off course).
CREATE TABLE drill_inject (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,       -- its number in the MSEL
    trigger      TEXT NOT NULL DEFAULT 'time',     -- time | delay | after | manual
    offset_min   INTEGER NOT NULL DEFAULT 0,       -- time: minutes from T+0; delay/after: minutes after
    after_id     TEXT REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    after_state  TEXT NOT NULL DEFAULT 'fired',    -- fired | acknowledged | done
    sender       TEXT NOT NULL DEFAULT '',         -- the simulated caller or agency
    to_agency_id TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    channel      TEXT NOT NULL DEFAULT 'phone',    -- phone 电话 | fax 传真 | document 公文 | oral 口头 | system 系统
    message      TEXT NOT NULL DEFAULT '',
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    contingency  INTEGER NOT NULL DEFAULT 0,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_inject_drill ON drill_inject (drill_id, position);

-- What the players are expected to do after an inject, and within how many minutes.
CREATE TABLE drill_expect (
    id           TEXT PRIMARY KEY,
    inject_id    TEXT NOT NULL REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,
    action       TEXT NOT NULL DEFAULT 'other',   -- drills.vocab ACTIONS
    agency_id    TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    within_min   INTEGER NOT NULL DEFAULT 0,
    text         TEXT NOT NULL DEFAULT '',
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_expect_inject ON drill_expect (inject_id, position);

-- The simulated clock, as a list of settings: from wall time wall_at the drill's time is
-- sim_s seconds after T+0 and runs at `speed` (not at all when paused). Rows are only added.
CREATE TABLE drill_clock (
    id        TEXT PRIMARY KEY,
    drill_id  TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    wall_at   TEXT NOT NULL DEFAULT '',
    sim_s     REAL NOT NULL DEFAULT 0,
    speed     INTEGER NOT NULL DEFAULT 1,
    paused    INTEGER NOT NULL DEFAULT 0,
    deleted   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_clock_drill ON drill_clock (drill_id, wall_at);

-- An inject fired (its id derived from the inject: fired once at every station of the
-- drill), acknowledged and done by its addressee; times in the drill's seconds.
CREATE TABLE drill_fired (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    inject_id  TEXT NOT NULL REFERENCES drill_inject (id) DEFERRABLE INITIALLY DEFERRED,
    state      TEXT NOT NULL DEFAULT 'fired',   -- fired → acknowledged → done
    fired_s    REAL NOT NULL DEFAULT 0,
    acknowledged_s REAL,
    done_s     REAL,
    actor      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_fired_drill ON drill_fired (drill_id);

-- An evaluator's judgement of an expected action (its id derived from the expected action):
-- met / late / missed / not applicable, overriding what was computed from the play.
CREATE TABLE drill_mark (
    id         TEXT PRIMARY KEY,
    drill_id   TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    expect_id  TEXT NOT NULL REFERENCES drill_expect (id) DEFERRABLE INITIALLY DEFERRED,
    result     TEXT NOT NULL DEFAULT 'met',     -- met | late | missed | na
    at_s       REAL,
    note       TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL DEFAULT '',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_mark_drill ON drill_mark (drill_id);

-- Evaluators' observations (strength / area for improvement) and P/S/M/U ratings per
-- objective (HSEEP: performed without challenges, with some, with major, unable).
CREATE TABLE drill_observation (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    kind         TEXT NOT NULL DEFAULT 'strength',  -- strength | improvement
    text         TEXT NOT NULL DEFAULT '',
    at_s         REAL,
    actor        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_observation_drill ON drill_observation (drill_id);

-- The rating of an objective (its id derived from the objective: one rating, the last
-- evaluator's word on it).
CREATE TABLE drill_rating (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT NOT NULL REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    rating       TEXT NOT NULL DEFAULT 'S',     -- P | S | M | U
    note         TEXT NOT NULL DEFAULT '',
    actor        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_rating_drill ON drill_rating (drill_id);

-- The improvement plan: issue, corrective action, responsible agency, due date. Written in
-- the drill's sandbox; copied into the live database (same id) when the drill is closed,
-- where it is tracked (open → in_progress → done, or cancelled).
CREATE TABLE drill_improvement (
    id           TEXT PRIMARY KEY,
    drill_id     TEXT NOT NULL REFERENCES drill (id) DEFERRABLE INITIALLY DEFERRED,
    objective_id TEXT REFERENCES drill_objective (id) DEFERRABLE INITIALLY DEFERRED,
    position     INTEGER NOT NULL DEFAULT 0,
    issue        TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    agency_id    TEXT REFERENCES agency (id) DEFERRABLE INITIALLY DEFERRED,
    due_on       TEXT,
    status       TEXT NOT NULL DEFAULT 'open',
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX drill_improvement_drill ON drill_improvement (drill_id, position);
CREATE INDEX drill_improvement_status ON drill_improvement (status);

-- Guards: synced drill tables are written only through the write path, never deleted.
CREATE TRIGGER drill_guard_insert BEFORE INSERT ON drill
BEGIN SELECT RAISE(ABORT, 'drill: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_guard_update BEFORE UPDATE ON drill
BEGIN SELECT RAISE(ABORT, 'drill: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_no_delete BEFORE DELETE ON drill
BEGIN SELECT RAISE(ABORT, 'drill: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_objective_guard_insert BEFORE INSERT ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_objective_guard_update BEFORE UPDATE ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_objective_no_delete BEFORE DELETE ON drill_objective
BEGIN SELECT RAISE(ABORT, 'drill_objective: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_playbook_guard_insert BEFORE INSERT ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_playbook_guard_update BEFORE UPDATE ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_playbook_no_delete BEFORE DELETE ON drill_playbook
BEGIN SELECT RAISE(ABORT, 'drill_playbook: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_person_guard_insert BEFORE INSERT ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_person_guard_update BEFORE UPDATE ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_person_no_delete BEFORE DELETE ON drill_person
BEGIN SELECT RAISE(ABORT, 'drill_person: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_inject_guard_insert BEFORE INSERT ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_inject_guard_update BEFORE UPDATE ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_inject_no_delete BEFORE DELETE ON drill_inject
BEGIN SELECT RAISE(ABORT, 'drill_inject: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_expect_guard_insert BEFORE INSERT ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_expect_guard_update BEFORE UPDATE ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_expect_no_delete BEFORE DELETE ON drill_expect
BEGIN SELECT RAISE(ABORT, 'drill_expect: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_clock_guard_insert BEFORE INSERT ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_clock_guard_update BEFORE UPDATE ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_clock_no_delete BEFORE DELETE ON drill_clock
BEGIN SELECT RAISE(ABORT, 'drill_clock: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_fired_guard_insert BEFORE INSERT ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_fired_guard_update BEFORE UPDATE ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_fired_no_delete BEFORE DELETE ON drill_fired
BEGIN SELECT RAISE(ABORT, 'drill_fired: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_mark_guard_insert BEFORE INSERT ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_mark_guard_update BEFORE UPDATE ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_mark_no_delete BEFORE DELETE ON drill_mark
BEGIN SELECT RAISE(ABORT, 'drill_mark: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_observation_guard_insert BEFORE INSERT ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_observation_guard_update BEFORE UPDATE ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_observation_no_delete BEFORE DELETE ON drill_observation
BEGIN SELECT RAISE(ABORT, 'drill_observation: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_rating_guard_insert BEFORE INSERT ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_rating_guard_update BEFORE UPDATE ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_rating_no_delete BEFORE DELETE ON drill_rating
BEGIN SELECT RAISE(ABORT, 'drill_rating: rows are never deleted; the write path sets deleted = 1'); END;
CREATE TRIGGER drill_improvement_guard_insert BEFORE INSERT ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_improvement_guard_update BEFORE UPDATE ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: write refused outside the BioReserve write path') WHERE NOT br_in_write_path(); END;
CREATE TRIGGER drill_improvement_no_delete BEFORE DELETE ON drill_improvement
BEGIN SELECT RAISE(ABORT, 'drill_improvement: rows are never deleted; the write path sets deleted = 1'); END;
