-- Sealed (越级) reports must be transferred within a number of working days: a third kind of
-- deadline rule. SQLite cannot change a CHECK constraint in place, so the table is rebuilt.
CREATE TABLE deadline_rules_new (
  id             INTEGER PRIMARY KEY,
  version        INTEGER NOT NULL DEFAULT 1,
  kind           TEXT NOT NULL CHECK (kind IN ('acceptance_notice','result_notice','sealed_transfer')),
  working_days   INTEGER NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  note           TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO deadline_rules_new SELECT * FROM deadline_rules;
DROP TABLE deadline_rules;
ALTER TABLE deadline_rules_new RENAME TO deadline_rules;
-- Databases seeded before this rule existed get it now.
INSERT INTO deadline_rules (kind, working_days, effective_from, note)
  SELECT 'sealed_transfer', 5, '2000-01-01', '反映上级管理干部的问题（越级）：登记时密封，5个工作日内按规定移交。'
  WHERE EXISTS (SELECT 1 FROM settings WHERE key = 'report_defaults_seeded');
