-- Portable SQL for SQLite and PostgreSQL (and distributed PostgreSQL-compatible engines):
-- ids are time-ordered UUID strings, times are epoch milliseconds, no sequences.

CREATE TABLE performer (
    id             VARCHAR(36) PRIMARY KEY,
    stage_name     VARCHAR(32) NOT NULL,
    stage_name_key VARCHAR(128) NOT NULL,
    colour         VARCHAR(7)  NOT NULL,
    token_hash     VARCHAR(64) NOT NULL,
    created_at     BIGINT      NOT NULL
);
CREATE UNIQUE INDEX performer_stage_name_key ON performer (stage_name_key);
CREATE UNIQUE INDEX performer_token_hash ON performer (token_hash);

CREATE TABLE avatar (
    performer_id VARCHAR(36) PRIMARY KEY REFERENCES performer (id) ON DELETE CASCADE,
    png          BYTEA NOT NULL
);

CREATE TABLE performance (
    id           VARCHAR(36) PRIMARY KEY,
    performer_id VARCHAR(36) NOT NULL REFERENCES performer (id),
    instrument   VARCHAR(16) NOT NULL,
    colour       VARCHAR(7)  NOT NULL,
    background   VARCHAR(7)  NOT NULL,
    reply_to     VARCHAR(36) REFERENCES performance (id) ON DELETE SET NULL,
    created_at   BIGINT      NOT NULL,
    touch_count  INTEGER     NOT NULL,
    duration     DOUBLE PRECISION NOT NULL,
    touches      TEXT        NOT NULL
);
CREATE INDEX performance_performer ON performance (performer_id, id);
CREATE INDEX performance_reply_to ON performance (reply_to);
CREATE INDEX performance_instrument ON performance (instrument, id);
