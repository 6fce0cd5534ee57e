-- Clues (问题线索, docs/clues.md): a possible violation by a named person that a group hands
-- over (移交) to the discipline commission (纪委监委) or the organisation department (组织部).
--
-- A clue recipient's account names the organ he works for: he reads the clues handed to it.
ALTER TABLE users ADD COLUMN organ TEXT
  CHECK (organ IS NULL OR organ IN ('discipline_commission', 'organisation_department'));

-- Whom a clue concerns and what he may have done is content, sealed with the server's content
-- key (content_box); so is the organ's account of how it disposed of it (disposal_box). Plain
-- are the columns scopes, filters and statistics need.
CREATE TABLE clues (
  id              INTEGER PRIMARY KEY,
  version         INTEGER NOT NULL DEFAULT 1,
  assignment_id   INTEGER NOT NULL REFERENCES assignments(id),
  round_id        INTEGER NOT NULL REFERENCES rounds(id),
  group_id        INTEGER NOT NULL REFERENCES groups(id),
  unit_id         INTEGER NOT NULL REFERENCES units(id),
  organ           TEXT NOT NULL CHECK (organ IN ('discipline_commission', 'organisation_department')),
  state           TEXT NOT NULL
                  CHECK (state IN ('draft', 'handed_over', 'received', 'disposed', 'withdrawn')),
  disciplines     TEXT NOT NULL DEFAULT '',  -- discipline keys, comma-separated
  content_box     BLOB NOT NULL,             -- {title, description, evidence, leaders, other_persons}
  handed_over_by  INTEGER REFERENCES users(id),
  handed_over_at  INTEGER NOT NULL DEFAULT 0,
  received_by     INTEGER REFERENCES users(id),
  received_at     INTEGER NOT NULL DEFAULT 0,
  disposal        TEXT CHECK (disposal IS NULL OR disposal IN
                    ('talk_inquiry', 'preliminary_verification', 'hold', 'close', 'other')),
  disposal_box    BLOB,                      -- the disposal note, sealed; NULL before it
  disposed_at     INTEGER NOT NULL DEFAULT 0,
  created_by      INTEGER NOT NULL REFERENCES users(id),
  created_at      INTEGER NOT NULL,
  updated_by      INTEGER REFERENCES users(id),
  updated_at      INTEGER NOT NULL,
  demo            INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX clues_group ON clues(group_id, created_at);
CREATE INDEX clues_organ ON clues(organ, state, created_at);

CREATE TRIGGER clues_search_insert AFTER INSERT ON clues BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('clue', NEW.id);
END;
CREATE TRIGGER clues_search_update AFTER UPDATE ON clues BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('clue', NEW.id);
END;
CREATE TRIGGER clues_search_delete AFTER DELETE ON clues BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('clue', OLD.id);
END;
