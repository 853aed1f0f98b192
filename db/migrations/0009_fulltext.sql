-- 0009: the words of playbook versions and tasks (title, instructions, checklist, clause;
-- a version's title, summary and clauses) as one local derived table, for the 预案库
-- search box. Kept by desktop/core/store/derived.py with the rows it comes from; its FTS5
-- index is made by sqlite-utils the first time someone searches (desktop/core/playbooks/
-- search.py). Opening the database after this migration fills it (check.rebuild).
CREATE TABLE fulltext (
    tbl    TEXT NOT NULL,   -- playbook | playbook_task
    row_id TEXT NOT NULL,
    owner  TEXT NOT NULL,   -- the playbook version the words belong to
    body   TEXT NOT NULL,   -- the words, each Chinese character apart (derived.spaced)
    UNIQUE (tbl, row_id)
);
