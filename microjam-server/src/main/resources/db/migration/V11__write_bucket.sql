-- Each performer's allowance of writes (RateLimits.Kind.WRITE) when several servers share the database: a token
-- bucket every server draws from (SharedLimits), so one performer's writes spread over all of them meet one limit.
-- tokens: what was left at updated_at (ms since the epoch); taken: whether the last draw got one. Rows idle for a
-- while are pruned, and an account's row goes with the account.
CREATE TABLE write_bucket (
    performer_id VARCHAR(36) PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    updated_at BIGINT NOT NULL,
    taken BOOLEAN NOT NULL
);
