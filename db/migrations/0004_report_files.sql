-- Attachments of reports (scans of letters, photos, documents). Each file has its own key; the
-- file key is sealed with the report key, which is sealed to each handler (report_keys, kind
-- 'report') and to the escrow key. The file name is encrypted too: it may name the reporter.
CREATE TABLE report_files (
  id          INTEGER PRIMARY KEY,
  report_id   INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  stripped    INTEGER NOT NULL DEFAULT 0,
  added_at    INTEGER NOT NULL,
  added_by    INTEGER REFERENCES users(id),
  key_box     BLOB NOT NULL,  -- file key, sealed with the report key
  name_box    BLOB NOT NULL,  -- file name, file key
  data_box    BLOB NOT NULL,  -- content, file key
  UNIQUE (report_id, position)
) STRICT;
