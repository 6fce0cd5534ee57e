-- Search index (检索, docs/search.md). The index lives in segments: each row is one blob sealed
-- with the server's search key, holding its documents (number, record, normalised text) and
-- their character n-gram postings. The database shows only how many segments there are, how
-- many documents each holds, and their sizes: no text, no n-gram, no frequency in the clear.
CREATE TABLE search_segments (
  id          INTEGER PRIMARY KEY,
  docs        INTEGER NOT NULL,
  box         BLOB NOT NULL,
  created_at  INTEGER NOT NULL
) STRICT;

-- Records changed since they were last indexed. Triggers fill it in the same transaction as the
-- change, so a crash can never leave a change unindexed; the indexer folds rows into a new
-- segment and deletes them in one transaction.
CREATE TABLE search_outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  kind       TEXT NOT NULL,
  record_id  INTEGER NOT NULL
) STRICT;

CREATE TRIGGER reports_search_insert AFTER INSERT ON reports BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('report', NEW.id);
END;
CREATE TRIGGER reports_search_update AFTER UPDATE ON reports BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('report', NEW.id);
END;
CREATE TRIGGER reports_search_delete AFTER DELETE ON reports BEGIN
  INSERT INTO search_outbox (kind, record_id) VALUES ('report', OLD.id);
END;

-- Reports that existed before the index: indexed on the first start.
INSERT INTO search_outbox (kind, record_id) SELECT 'report', id FROM reports ORDER BY id;
