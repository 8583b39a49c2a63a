-- How many deletions the database has seen: every deletion (a performance, an account) moves it on in its own
-- transaction. Servers sharing one database read it a few times a second and drop what they cached (pictures)
-- when it moves, so a deletion made on any server is honoured by all of them within a second. It holds no id.
CREATE TABLE deletion_generation (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL);
INSERT INTO deletion_generation (id, generation) VALUES (1, 0);
