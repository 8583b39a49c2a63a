-- When the performer accepted the policy version they accepted (epoch milliseconds), for their export.
-- Null for performers imported by an operator and for those who accepted before this was recorded.
ALTER TABLE performer ADD COLUMN policy_accepted_at BIGINT;
