-- Abuse resistance (see SECURITY.md). Counters live in the database so that every node sees the
-- same ones; rows older than their window are deleted by a scheduled clean-up, so the tables stay
-- bounded by what arrives in one window, and nobody's counter is reset by anyone else's.

-- Wrong passwords per user name and client address: growing delays for that pair only, so that a
-- stranger's guesses never lock the official out (Camunda's own per-user lock-out is off).
CREATE TABLE spt_login_failure (
    user_id         VARCHAR(64) NOT NULL,
    client_address  VARCHAR(64) NOT NULL,
    failures        INT         NOT NULL,
    last_failure_at TIMESTAMP   NOT NULL,
    blocked_until   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_spt_login_failure PRIMARY KEY (user_id, client_address)
);
CREATE INDEX ix_spt_login_failure_last ON spt_login_failure (last_failure_at);

-- Wrong tracking code/PIN pairs in a fixed window, per client address (scope ADDRESS) and per
-- tracking code (scope CODE).
CREATE TABLE spt_attempt_failure (
    scope        VARCHAR(10) NOT NULL,
    attempt_key  VARCHAR(64) NOT NULL,
    window_start TIMESTAMP   NOT NULL,
    failures     INT         NOT NULL,
    CONSTRAINT pk_spt_attempt_failure PRIMARY KEY (scope, attempt_key)
);
CREATE INDEX ix_spt_attempt_failure_window ON spt_attempt_failure (window_start);

-- Twilio webhooks already handled, by MessageSid: a replay gets the same answer and changes nothing.
CREATE TABLE spt_sms_inbound (
    message_sid VARCHAR(64)   NOT NULL,
    received_at TIMESTAMP     NOT NULL,
    reply       VARCHAR(1600) NOT NULL,
    CONSTRAINT pk_spt_sms_inbound PRIMARY KEY (message_sid)
);
CREATE INDEX ix_spt_sms_inbound_received ON spt_sms_inbound (received_at);
