-- Call-back requests (the voicemail's promise, the web form, an IVR): the number to call and the
-- preferred slot live here, never in the engine's variables; processes/callback-request.bpmn
-- carries the row's id. status: WAITING (to be called), REACHED, NOT_REACHED (three attempts
-- failed; the citizen was told by SMS). attempts counts the failed calls.
CREATE TABLE spt_callback (
    id            VARCHAR(36)  NOT NULL,
    phone         VARCHAR(20)  NOT NULL,
    slot          VARCHAR(20)  NOT NULL,
    language      VARCHAR(5)   NOT NULL,
    channel       VARCHAR(20)  NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    attempts      INT          NOT NULL DEFAULT 0,
    note          VARCHAR(2000),
    created_at    TIMESTAMP    NOT NULL,
    updated_at    TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_callback PRIMARY KEY (id),
    CONSTRAINT ck_spt_callback_status CHECK (status IN ('WAITING', 'REACHED', 'NOT_REACHED'))
);
CREATE INDEX ix_spt_callback_phone ON spt_callback (phone, created_at);
