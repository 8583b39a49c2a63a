-- RoboJam is a built-in performer (robot = 1). A RoboJam layer a person chose to keep is published
-- by RoboJam and remembers who kept it, so that they can delete it and it leaves with their account.
ALTER TABLE performer ADD COLUMN robot INTEGER NOT NULL DEFAULT 0;
ALTER TABLE performance ADD COLUMN kept_by VARCHAR(36) REFERENCES performer (id);
CREATE INDEX performance_kept_by ON performance (kept_by);
