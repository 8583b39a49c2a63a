-- The privacy-policy version each performer accepted (never a birth date: only that they confirmed 13+).
-- Null for performers created by the importer on an operator's behalf.
ALTER TABLE performer ADD COLUMN policy_version VARCHAR(16);
