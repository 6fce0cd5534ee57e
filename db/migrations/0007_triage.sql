-- Triage (研判, docs/triage.md): what the staff decided about a report after reading the
-- suggestions, and the links between repeat reports (重复件).
--
-- The decided scope and disciplines are plain: search filters and statistics need them, and
-- they say what kind of matter a report is, not what it says. Which roster leaders a report is
-- about is content (it names who was reported) and is sealed with the content key.
CREATE TABLE triage_decisions (
  report_id    INTEGER PRIMARY KEY REFERENCES reports(id),
  version      INTEGER NOT NULL DEFAULT 1,
  scope        TEXT NOT NULL CHECK (scope IN ('in_scope', 'transfer', 'above_level', 'unclear')),
  disciplines  TEXT NOT NULL DEFAULT '',   -- discipline keys, comma-separated
  articles     TEXT NOT NULL DEFAULT '',   -- article numbers, comma-separated
  persons_box  BLOB NOT NULL,              -- {"leaders": [ids], "note": "..."} (content key)
  decided_by   INTEGER NOT NULL REFERENCES users(id),
  decided_at   INTEGER NOT NULL
) STRICT;

-- Repeat links: never merges. A pair found similar is linked automatically; staff may split a
-- wrong link (state 'split' is remembered so it is not linked again) or link a pair by hand.
CREATE TABLE repeat_links (
  report_a    INTEGER NOT NULL REFERENCES reports(id),
  report_b    INTEGER NOT NULL REFERENCES reports(id),
  similarity  REAL NOT NULL,
  origin      TEXT NOT NULL CHECK (origin IN ('automatic', 'staff')),
  state       TEXT NOT NULL CHECK (state IN ('linked', 'split')),
  changed_by  INTEGER REFERENCES users(id),
  changed_at  INTEGER NOT NULL,
  PRIMARY KEY (report_a, report_b),
  CHECK (report_a < report_b)
) STRICT;
CREATE INDEX repeat_links_b ON repeat_links(report_b);
