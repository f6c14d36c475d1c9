-- What each office answers the citizen (the text its official writes for the citizen, distinct from
-- internal notes), kept with the case: shown to every office of the case, in the case API, and the
-- citizen-visible ones on the tracking page.
CREATE TABLE spt_case_answer (
    id                  VARCHAR(36)   NOT NULL,
    case_id             VARCHAR(36)   NOT NULL,
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
CREATE INDEX ix_spt_case_answer_case ON spt_case_answer (case_id, created_at);

-- The closing SMS says that the request has an answer and where to read it (texts nobody edited yet).
UPDATE spt_sms_template SET body = 'Sportello: la richiesta {code} ha una risposta. La legga e ci dia un giudizio su {link}'
 WHERE status = 'RISOLTA' AND language = 'it' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: request {code} has an answer. Read it and rate us at {link}'
 WHERE status = 'RISOLTA' AND language = 'en' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: la richiesta {code} è chiusa con una risposta. La legga e ci dia un giudizio su {link}'
 WHERE status = 'CHIUSA' AND language = 'it' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: request {code} is closed with an answer. Read it and rate us at {link}'
 WHERE status = 'CHIUSA' AND language = 'en' AND updated_by = 'system';
