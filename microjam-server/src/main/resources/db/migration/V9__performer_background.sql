-- The background colour of a performer's square (#rrggbb), as the original app's profile had: the Jam
-- screen draws on it and it is sent with each performance published. Null: the default
-- (NewPerformance.DEFAULT_BACKGROUND, the original's dark square).
ALTER TABLE performer ADD COLUMN background VARCHAR(7);
