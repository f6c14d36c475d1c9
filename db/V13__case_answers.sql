-- What each office answers the citizen (the text its official writes for the citizen, distinct from
-- internal notes), kept with the case: shown to every office of the case, in the case API, and the
-- citizen-visible ones on the tracking page.
CREATE TABLE spt_case_answer (
    id                  VARCHAR(36)   NOT NULL,
    case_id             VARCHAR(36)   NOT NULL,
    -- order within the case (timestamps tie when answers come in the same second)
    seq                 INT           NOT NULL,
    kind                VARCHAR(30)   NOT NULL,
    office_group_id     VARCHAR(64),
    administration_code VARCHAR(40),
    author              VARCHAR(64),
    body                VARCHAR(4000) NOT NULL,
    citizen_visible     BOOLEAN       NOT NULL,
    created_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_case_answer PRIMARY KEY (id),
    CONSTRAINT fk_spt_case_answer_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE UNIQUE INDEX ix_spt_case_answer_case ON spt_case_answer (case_id, seq);

-- The closing SMS says that the request has an answer and where to read it (texts nobody edited yet).
UPDATE spt_sms_template SET body = 'Sportello: la richiesta {code} ha una risposta. La legga e ci dia un giudizio su {link}'
 WHERE status = 'RISOLTA' AND language = 'it' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: request {code} has an answer. Read it and rate us at {link}'
 WHERE status = 'RISOLTA' AND language = 'en' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: la richiesta {code} è chiusa con una risposta. La legga e ci dia un giudizio su {link}'
 WHERE status = 'CHIUSA' AND language = 'it' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: request {code} is closed with an answer. Read it and rate us at {link}'
 WHERE status = 'CHIUSA' AND language = 'en' AND updated_by = 'system';

-- POST /api/cases with an Idempotency-Key: the first case opened with that key (per user) is the
-- answer to every repeat of the same request; the PIN is kept sealed (AES-GCM with a key derived
-- from the PIN key file) so that a repeat can answer it again. Kept 24 hours.
CREATE TABLE spt_idempotency_key (
    user_id       VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(200) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    case_id       VARCHAR(36)  NOT NULL,
    tracking_code VARCHAR(20)  NOT NULL,
    sealed_pin    VARCHAR(200) NOT NULL,
    created_at    TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_idempotency_key PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX ix_spt_idempotency_key_created ON spt_idempotency_key (created_at);
