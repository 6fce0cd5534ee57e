-- Rectification (整改, docs/rectification.md): the measures (整改措施) a unit takes against each
-- item of its problem list (the confirmed findings of a round fed back to it), reported done by
-- the unit and accepted (验收销号) or returned by the office.
--
-- What a measure says (what will be done, who answers for it, what was done, why it was
-- returned) is sealed with the server's content key; plain are the columns the ledger's scopes,
-- filters, deadlines and counts need.
CREATE TABLE rectification_measures (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  finding_id      INTEGER NOT NULL REFERENCES findings(id),
  assignment_id   INTEGER NOT NULL REFERENCES assignments(id),
  round_id        INTEGER NOT NULL REFERENCES rounds(id),
  group_id        INTEGER NOT NULL REFERENCES groups(id),
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  kind            TEXT NOT NULL CHECK (kind IN ('immediate', 'by_deadline', 'ongoing')),
  deadline        TEXT,                      -- YYYY-MM-DD; NULL for an ongoing measure
  state           TEXT NOT NULL CHECK (state IN ('planned', 'done', 'accepted')),
  content_box     BLOB NOT NULL,             -- {content, responsible_*, completion, return_note}
  done_at         INTEGER NOT NULL DEFAULT 0,
  accepted_by     INTEGER REFERENCES users(id),
  accepted_at     INTEGER NOT NULL DEFAULT 0,
  created_by      INTEGER NOT NULL REFERENCES users(id),
  created_at      INTEGER NOT NULL,
  updated_by      INTEGER REFERENCES users(id),
  updated_at      INTEGER NOT NULL,
  demo            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX rectification_measures_finding ON rectification_measures(finding_id, id);
CREATE INDEX rectification_measures_unit ON rectification_measures(unit_id, state);

CREATE TRIGGER rectification_search_insert AFTER INSERT ON rectification_measures BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('rectification', NEW.id);
END;
CREATE TRIGGER rectification_search_update AFTER UPDATE ON rectification_measures BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('rectification', NEW.id);
END;
CREATE TRIGGER rectification_search_delete AFTER DELETE ON rectification_measures BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('rectification', OLD.id);
END;
