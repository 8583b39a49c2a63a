-- Anonymous RoboJam usage: counters per day, instrument and model. No identifier, no content:
-- only how many requests, how many touches in and out, and how long they took (a histogram).
CREATE TABLE robojam_usage (
    day              VARCHAR(10)  NOT NULL,
    instrument       VARCHAR(16)  NOT NULL,
    model            VARCHAR(128) NOT NULL,
    requests         BIGINT NOT NULL,
    call_touches     BIGINT NOT NULL,
    response_touches BIGINT NOT NULL,
    under_10ms       BIGINT NOT NULL,
    under_30ms       BIGINT NOT NULL,
    under_100ms      BIGINT NOT NULL,
    under_300ms      BIGINT NOT NULL,
    under_1s         BIGINT NOT NULL,
    over_1s          BIGINT NOT NULL,
    PRIMARY KEY (day, instrument, model)
);
