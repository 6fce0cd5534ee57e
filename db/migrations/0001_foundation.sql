-- Foundation schema: accounts, logs, round planning.
-- Migrations are numbered, embedded in the binary, applied in order on start, never edited once
-- landed. Dates are TEXT 'YYYY-MM-DD'; timestamps INTEGER Unix seconds (UTC).

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE terms (
  id         INTEGER PRIMARY KEY,
  version    INTEGER NOT NULL DEFAULT 1,
  name       TEXT NOT NULL,
  number     INTEGER NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  demo       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE rounds (
  id         INTEGER PRIMARY KEY,
  version    INTEGER NOT NULL DEFAULT 1,
  term_id    INTEGER NOT NULL REFERENCES terms(id),
  number     INTEGER NOT NULL,
  name       TEXT NOT NULL,
  type       TEXT NOT NULL CHECK (type IN ('regular','special','mobile','lookback')),
  start_date TEXT NOT NULL,
  end_date   TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('planning','stationing','reporting','rectification','closed')),
  demo       INTEGER NOT NULL DEFAULT 0,
  UNIQUE (term_id, number, type)
) STRICT;

CREATE TABLE focus_items (
  id        INTEGER PRIMARY KEY,
  version   INTEGER NOT NULL DEFAULT 1,
  round_id  INTEGER NOT NULL REFERENCES rounds(id),
  parent_id INTEGER REFERENCES focus_items(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL DEFAULT 0,
  title     TEXT NOT NULL
) STRICT;
CREATE INDEX focus_items_round ON focus_items(round_id);

CREATE TABLE units (
  id             INTEGER PRIMARY KEY,
  version        INTEGER NOT NULL DEFAULT 1,
  name           TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL DEFAULT '',
  parent_id      INTEGER REFERENCES units(id),
  party_org_name TEXT NOT NULL DEFAULT '',
  party_org_kind TEXT NOT NULL,
  demo           INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE leaders (
  id        INTEGER PRIMARY KEY,
  version   INTEGER NOT NULL DEFAULT 1,
  unit_id   INTEGER NOT NULL REFERENCES units(id),
  name      TEXT NOT NULL,
  post      TEXT NOT NULL,
  tier      TEXT NOT NULL CHECK (tier IN ('leadership','subordinate')),
  org_name  TEXT NOT NULL DEFAULT '',
  term_from TEXT NOT NULL,
  term_to   TEXT
) STRICT;
CREATE INDEX leaders_unit ON leaders(unit_id);

CREATE TABLE inspectors (
  id        INTEGER PRIMARY KEY,
  version   INTEGER NOT NULL DEFAULT 1,
  name      TEXT NOT NULL,
  employer  TEXT NOT NULL DEFAULT '',
  post      TEXT NOT NULL DEFAULT '',
  phone     TEXT NOT NULL DEFAULT '',
  demo      INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE inspector_history (
  inspector_id INTEGER NOT NULL REFERENCES inspectors(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  org_name     TEXT NOT NULL,
  unit_id      INTEGER REFERENCES units(id),
  from_date    TEXT NOT NULL,
  to_date      TEXT,
  PRIMARY KEY (inspector_id, position)
) STRICT;

CREATE TABLE inspector_relations (
  inspector_id INTEGER NOT NULL REFERENCES inspectors(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  person_name  TEXT NOT NULL,
  unit_id      INTEGER NOT NULL REFERENCES units(id),
  relation     TEXT NOT NULL CHECK (relation IN ('kin','superior')),
  note         TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (inspector_id, position)
) STRICT;

CREATE TABLE groups (
  id               INTEGER PRIMARY KEY,
  version          INTEGER NOT NULL DEFAULT 1,
  round_id         INTEGER NOT NULL REFERENCES rounds(id),
  number           INTEGER NOT NULL,
  name             TEXT NOT NULL,
  duty_phone       TEXT NOT NULL DEFAULT '',
  phone_hours      TEXT NOT NULL DEFAULT '',
  mailbox          TEXT NOT NULL DEFAULT '',
  postal_address   TEXT NOT NULL DEFAULT '',
  suggestion_boxes TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
  intake_cutoff    TEXT,
  demo             INTEGER NOT NULL DEFAULT 0,
  UNIQUE (round_id, number)
) STRICT;

CREATE TABLE group_members (
  group_id     INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
  inspector_id INTEGER NOT NULL REFERENCES inspectors(id),
  role         TEXT NOT NULL CHECK (role IN ('leader','deputy','member')),
  PRIMARY KEY (group_id, inspector_id)
) STRICT;
CREATE INDEX group_members_inspector ON group_members(inspector_id);

CREATE TABLE assignments (
  id                INTEGER PRIMARY KEY,
  version           INTEGER NOT NULL DEFAULT 1,
  round_id          INTEGER NOT NULL REFERENCES rounds(id),
  group_id          INTEGER NOT NULL REFERENCES groups(id),
  unit_id           INTEGER NOT NULL REFERENCES units(id),
  station_start     TEXT NOT NULL,
  station_end       TEXT NOT NULL,
  notice_date       TEXT,
  meeting_date      TEXT,
  meeting_place     TEXT NOT NULL DEFAULT '',
  meeting_attendees TEXT NOT NULL DEFAULT '',
  leader_remarks    TEXT NOT NULL DEFAULT '',
  pledge            TEXT NOT NULL DEFAULT '',
  demo              INTEGER NOT NULL DEFAULT 0,
  UNIQUE (round_id, unit_id)
) STRICT;
CREATE INDEX assignments_group ON assignments(group_id);

CREATE TABLE users (
  id                   INTEGER PRIMARY KEY,
  version              INTEGER NOT NULL DEFAULT 1,
  username             TEXT NOT NULL UNIQUE,
  display_name         TEXT NOT NULL,
  role                 TEXT NOT NULL,
  password_hash        TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 0,
  disabled             INTEGER NOT NULL DEFAULT 0,
  failed_logins        INTEGER NOT NULL DEFAULT 0,
  locked_until         INTEGER NOT NULL DEFAULT 0,
  inspector_id         INTEGER REFERENCES inspectors(id),
  unit_id              INTEGER REFERENCES units(id),
  demo                 INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE sessions (
  token_hash   TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token   TEXT NOT NULL,
  created_at   INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL
) STRICT;

CREATE TABLE audit_log (
  seq         INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  user_id     INTEGER,
  username    TEXT NOT NULL,
  action      TEXT NOT NULL,
  object_type TEXT NOT NULL,
  object_id   TEXT NOT NULL,
  detail      TEXT NOT NULL,
  ip          TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL
) STRICT;

CREATE TABLE login_log (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  username TEXT NOT NULL,
  ok       INTEGER NOT NULL,
  reason   TEXT NOT NULL,
  ip       TEXT NOT NULL
) STRICT;
