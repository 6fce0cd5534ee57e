-- Public reports (来信来电来访) and the keys that protect reporters. See docs/reports.md.
-- Columns ending in _box hold ciphertext (XChaCha20-Poly1305, nonce first); *_key columns hold
-- keys sealed to a public key or locked by a password. Nothing here is readable without keys
-- kept outside this file.

-- The custodian (巡察办 leader) approves every request to see a reporter's identity.
ALTER TABLE users ADD COLUMN custodian INTEGER NOT NULL DEFAULT 0;

-- Each user's X25519 key pair: the secret key is locked by a key derived from his password.
CREATE TABLE user_keys (
  user_id           INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  public_key        BLOB NOT NULL,
  locked_secret_key BLOB NOT NULL,
  salt              BLOB NOT NULL
) STRICT;

-- The user's secret key for the life of a session, locked by a key derived from the session
-- token (which only the browser's cookie holds).
ALTER TABLE sessions ADD COLUMN key_box BLOB;

-- Some rounds take reports without replying to them.
ALTER TABLE rounds ADD COLUMN reporter_replies INTEGER NOT NULL DEFAULT 1;

CREATE TABLE report_counters (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
) STRICT;

CREATE TABLE reports (
  id                     INTEGER PRIMARY KEY,
  version                INTEGER NOT NULL DEFAULT 1,
  number                 TEXT NOT NULL UNIQUE,
  assignment_id          INTEGER NOT NULL REFERENCES assignments(id),
  round_id               INTEGER NOT NULL REFERENCES rounds(id),
  group_id               INTEGER NOT NULL REFERENCES groups(id),
  unit_id                INTEGER NOT NULL REFERENCES units(id),
  channel                TEXT NOT NULL CHECK (channel IN ('web','call','letter','box','visit','email')),
  state                  TEXT NOT NULL CHECK (state IN ('registered','accepted','transferred','filed','closed')),
  received_at            INTEGER NOT NULL,
  registered_at          INTEGER NOT NULL,
  registered_by          INTEGER REFERENCES users(id),
  anonymous              INTEGER NOT NULL,
  sealed                 INTEGER NOT NULL DEFAULT 0,
  result_at              INTEGER NOT NULL DEFAULT 0,
  acceptance_notified_at INTEGER NOT NULL DEFAULT 0,
  result_notified_at     INTEGER NOT NULL DEFAULT 0,
  query_hash             TEXT NOT NULL UNIQUE,  -- keyed hash of the reporter's query code
  content_box            BLOB NOT NULL,         -- persons, text, when/where (server key)
  identity_box           BLOB,                  -- reporter identity (per-report identity key)
  demo                   INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX reports_group ON reports(group_id, received_at);
CREATE INDEX reports_unit ON reports(unit_id, received_at);
CREATE INDEX reports_received ON reports(received_at);

-- A report's keys sealed to each holder's public key. holder: 'user:<id>' or 'escrow'.
CREATE TABLE report_keys (
  report_id  INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  kind       TEXT NOT NULL CHECK (kind IN ('identity','report')),
  holder     TEXT NOT NULL,
  sealed_key BLOB NOT NULL,
  PRIMARY KEY (report_id, kind, holder)
) STRICT;

CREATE TABLE report_events (
  id            INTEGER PRIMARY KEY,
  report_id     INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  at            INTEGER NOT NULL,
  from_state    TEXT,
  to_state      TEXT NOT NULL,
  department    TEXT NOT NULL DEFAULT '',
  detail_box    BLOB NOT NULL,  -- reason and transfer letter (server key)
  by_user       INTEGER REFERENCES users(id)
) STRICT;
CREATE INDEX report_events_report ON report_events(report_id);

CREATE TABLE report_messages (
  id        INTEGER PRIMARY KEY,
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  sender    TEXT NOT NULL CHECK (sender IN ('reporter','group')),
  author    INTEGER REFERENCES users(id),
  text_box  BLOB NOT NULL
) STRICT;
CREATE INDEX report_messages_report ON report_messages(report_id);

CREATE TABLE reveal_requests (
  id           INTEGER PRIMARY KEY,
  report_id    INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  requested_by INTEGER NOT NULL REFERENCES users(id),
  requested_at INTEGER NOT NULL,
  reason       TEXT NOT NULL,
  state        TEXT NOT NULL CHECK (state IN ('pending','approved','rejected')),
  decided_by   INTEGER REFERENCES users(id),
  decided_at   INTEGER NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX reveal_requests_report ON reveal_requests(report_id, requested_by);

-- The working-day calendar: public holidays and make-up workdays (调休), editable.
CREATE TABLE calendar_days (
  date TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('holiday','makeup')),
  name TEXT NOT NULL
) STRICT;

-- How many working days the staff have to tell a real-name reporter of acceptance and result.
CREATE TABLE deadline_rules (
  id             INTEGER PRIMARY KEY,
  version        INTEGER NOT NULL DEFAULT 1,
  kind           TEXT NOT NULL CHECK (kind IN ('acceptance_notice','result_notice')),
  working_days   INTEGER NOT NULL,
  effective_from TEXT NOT NULL,
  effective_to   TEXT,
  note           TEXT NOT NULL DEFAULT ''
) STRICT;
