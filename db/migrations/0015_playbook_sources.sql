-- 0015: where a playbook's contents come from (issue 15). A version's `sources` and a task's
-- `sources` say, field by field, which fields are not the city plan's and whose they are
-- (desktop/core/playbooks/provenance.py: 《突发公共卫生事件应急条例》, the national plan's
-- grading, 示例（可修改）, this station's own rule); a task's `clause` now holds structured
-- citations of the plan (三（六）二；参照三（六）三), `clause_note` says why a clause is applied
-- by analogy (参照), and `quotes` the phrases it quotes from the plan, each verbatim there
-- (desktop/core/playbooks/plan.py, clauses.py). Older rows keep the defaults: no source
-- said, no quotes.
ALTER TABLE playbook ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
ALTER TABLE playbook_task ADD COLUMN clause_note TEXT NOT NULL DEFAULT '';
ALTER TABLE playbook_task ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
ALTER TABLE playbook_task ADD COLUMN sources TEXT NOT NULL DEFAULT '{}';
