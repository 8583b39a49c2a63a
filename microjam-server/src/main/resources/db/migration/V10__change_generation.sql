-- What servers sharing one database watch to keep their caches true (ChangeWatch): how many deletions (a
-- performance, an account) and how many profile changes (a name, a colour) the database has seen, each moved on
-- in the change's own transaction. Every server reads them, with the newest performance's id, every 200 ms: a
-- deletion drops its cached pictures, any change its cached feed pages. It holds no id and no content.
CREATE TABLE change_generation (id INTEGER PRIMARY KEY, deletions BIGINT NOT NULL, profiles BIGINT NOT NULL);
INSERT INTO change_generation (id, deletions, profiles) VALUES (1, 0, 0);
