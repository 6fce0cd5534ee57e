-- Findings (发现问题, docs/findings.md): the problems a group establishes at a unit, drafted
-- (问题底稿) under a focus item until the group leader confirms them for the inspection report.
--
-- What a finding says (title, facts, evidence, the cadres concerned) is content and sealed with
-- the server's content key, like a report's. Plain are only the columns scopes, filters and
-- statistics need: where it was found, under which focus item, which disciplines, its state.
CREATE TABLE findings (
  id             INTEGER PRIMARY KEY,
  version        INTEGER NOT NULL DEFAULT 1,
  assignment_id  INTEGER NOT NULL REFERENCES assignments(id),
  round_id       INTEGER NOT NULL REFERENCES rounds(id),
  group_id       INTEGER NOT NULL REFERENCES groups(id),
  unit_id        INTEGER NOT NULL REFERENCES units(id),
  focus_item_id  INTEGER REFERENCES focus_items(id) ON DELETE SET NULL,
  state          TEXT NOT NULL CHECK (state IN ('draft', 'confirmed', 'withdrawn')),
  disciplines    TEXT NOT NULL DEFAULT '',  -- discipline keys, comma-separated
  content_box    BLOB NOT NULL,             -- {title, description, evidence, leaders}
  created_by     INTEGER NOT NULL REFERENCES users(id),
  created_at     INTEGER NOT NULL,
  updated_by     INTEGER REFERENCES users(id),
  updated_at     INTEGER NOT NULL,
  demo           INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX findings_group ON findings(group_id, created_at);
CREATE INDEX findings_unit ON findings(unit_id, created_at);

CREATE TRIGGER findings_search_insert AFTER INSERT ON findings BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('finding', NEW.id);
END;
CREATE TRIGGER findings_search_update AFTER UPDATE ON findings BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('finding', NEW.id);
END;
CREATE TRIGGER findings_search_delete AFTER DELETE ON findings BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('finding', OLD.id);
END;
