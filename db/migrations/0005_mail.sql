-- Email into reports (电子信箱). Every message taken from a group's mailbox, by `xuncha mail
-- import` or the IMAP poller, is recorded here once: importing the same mailbox twice adds
-- nothing (dedup_key is a keyed hash of the Message-ID, else of the raw bytes, so the table
-- does not reveal which addresses wrote). A message that became a report keeps its original
-- bytes as an encrypted file of that report ("原始邮件.eml"). A message that could not be turned
-- into a report is never dropped: it stays here in quarantine, its raw bytes sealed with a
-- per-message key that is sealed to the group's handlers and to the escrow key (mail_keys),
-- until someone registers it by hand.
CREATE TABLE mail_messages (
  id          INTEGER PRIMARY KEY,
  group_id    INTEGER NOT NULL REFERENCES groups(id),
  dedup_key   TEXT NOT NULL,
  source      TEXT NOT NULL CHECK (source IN ('maildir', 'imap')),
  fetched_at  INTEGER NOT NULL,
  size        INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('imported', 'quarantined', 'registered')),
  reason      TEXT NOT NULL DEFAULT '',   -- why it is in quarantine (an error key)
  warnings    TEXT NOT NULL DEFAULT '',   -- what was repaired or left out, one per line
  report_id   INTEGER REFERENCES reports(id),
  raw_box     BLOB,                       -- quarantined only: the message, per-message key
  handled_by  INTEGER REFERENCES users(id),
  handled_at  INTEGER,
  UNIQUE (group_id, dedup_key)
) STRICT;
CREATE INDEX mail_messages_state ON mail_messages (state, group_id);

CREATE TABLE mail_keys (
  mail_id  INTEGER NOT NULL REFERENCES mail_messages(id) ON DELETE CASCADE,
  holder   TEXT NOT NULL,                 -- 'user:<id>' or 'escrow'
  box      BLOB NOT NULL,
  PRIMARY KEY (mail_id, holder)
) STRICT;

-- A group's mailbox polled over IMAP (TLS). The password is sealed with the server key.
CREATE TABLE mail_accounts (
  group_id      INTEGER PRIMARY KEY REFERENCES groups(id),
  url           TEXT NOT NULL,            -- imaps://host:993/INBOX
  username      TEXT NOT NULL,
  password_box  BLOB NOT NULL,
  ca_file       TEXT NOT NULL DEFAULT '',
  enabled       INTEGER NOT NULL DEFAULT 1,
  uid_validity  INTEGER NOT NULL DEFAULT 0,
  last_uid      INTEGER NOT NULL DEFAULT 0,
  last_poll_at  INTEGER,
  last_error    TEXT NOT NULL DEFAULT ''
) STRICT;
