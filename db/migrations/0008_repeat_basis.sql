-- Why an automatic repeat link was made (docs/repeats.md): 'text' (similar wording), 'facts'
-- (other wording, the same amounts, dates and places), or 'staff' (linked or split by a person).
-- The facts themselves are report content and are not stored here; the triage view recomputes
-- them from both reports' texts for a caller who may see both.
ALTER TABLE repeat_links ADD COLUMN basis TEXT NOT NULL DEFAULT 'text'
  CHECK (basis IN ('text', 'facts', 'staff'));
UPDATE repeat_links SET basis = 'staff' WHERE origin = 'staff';
