-- The citizen's side: SMS templates (editable data), the SMS outbox, opt-outs, satisfaction ratings.

-- Text of the status SMS per citizen-visible status and language. Placeholders: {code}, {status},
-- {administration}, {link}. At most 160 GSM-7 characters once filled (checked when saved).
CREATE TABLE spt_sms_template (
    status      VARCHAR(40)  NOT NULL,
    language    VARCHAR(5)   NOT NULL,
    body        VARCHAR(480) NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_sms_template PRIMARY KEY (status, language)
);

INSERT INTO spt_sms_template (status, language, body, updated_at, updated_by) VALUES
 ('RICEVUTA', 'it', 'Sportello: richiesta ricevuta, codice {code}. Segua lo stato su {link} con il PIN ricevuto.', CURRENT_TIMESTAMP, 'system'),
 ('RICEVUTA', 'en', 'Sportello: request received, code {code}. Follow it at {link} with your PIN.', CURRENT_TIMESTAMP, 'system'),
 ('INOLTRATA', 'it', 'Sportello: la richiesta {code} è stata inoltrata a {administration}. Stato: {link}', CURRENT_TIMESTAMP, 'system'),
 ('INOLTRATA', 'en', 'Sportello: request {code} was forwarded to {administration}. Status: {link}', CURRENT_TIMESTAMP, 'system'),
 ('IN_LAVORAZIONE', 'it', 'Sportello: la richiesta {code} è in lavorazione presso {administration}. Stato: {link}', CURRENT_TIMESTAMP, 'system'),
 ('IN_LAVORAZIONE', 'en', 'Sportello: request {code} is being handled by {administration}. Status: {link}', CURRENT_TIMESTAMP, 'system'),
 ('IN_ATTESA_DI_INTEGRAZIONE', 'it', 'Sportello: per la richiesta {code} servono documenti o informazioni. Contatti lo sportello. {link}', CURRENT_TIMESTAMP, 'system'),
 ('IN_ATTESA_DI_INTEGRAZIONE', 'en', 'Sportello: request {code} needs documents or information from you. Please contact us. {link}', CURRENT_TIMESTAMP, 'system'),
 ('RISOLTA', 'it', 'Sportello: la richiesta {code} è stata risolta. Ci dica come è andata: risponda 1 (bene), 2 (così così), 3 (male).', CURRENT_TIMESTAMP, 'system'),
 ('RISOLTA', 'en', 'Sportello: request {code} is resolved. How did we do? Reply 1 (good), 2 (so-so), 3 (bad).', CURRENT_TIMESTAMP, 'system'),
 ('CHIUSA', 'it', 'Sportello: la richiesta {code} è chiusa. Ci dica come è andata: risponda 1 (bene), 2 (così così), 3 (male).', CURRENT_TIMESTAMP, 'system'),
 ('CHIUSA', 'en', 'Sportello: request {code} is closed. How did we do? Reply 1 (good), 2 (so-so), 3 (bad).', CURRENT_TIMESTAMP, 'system'),
 ('NON_DI_COMPETENZA', 'it', 'Sportello: la richiesta {code} non è di competenza delle amministrazioni della rete. Dettagli: {link}', CURRENT_TIMESTAMP, 'system'),
 ('NON_DI_COMPETENZA', 'en', 'Sportello: request {code} is outside the competence of the network. Details: {link}', CURRENT_TIMESTAMP, 'system');

-- The outbox: written in the transaction of the status change, sent by the dispatcher.
-- status: QUEUED (waiting, maybe until next_attempt_at), SENDING (claimed by a dispatcher until
-- locked_until), SENT (accepted by Twilio), DELIVERED, UNDELIVERED, FAILED (Twilio's receipts or
-- retries exhausted), REJECTED (permanent error: invalid number, opted out), LOCAL (no Twilio
-- credentials: kept for /admin/sms, not sent).
CREATE TABLE spt_sms_message (
    id             VARCHAR(36)  NOT NULL,
    case_id        VARCHAR(36),
    to_number      VARCHAR(20)  NOT NULL,
    body           VARCHAR(480) NOT NULL,
    case_status    VARCHAR(40),
    status         VARCHAR(20)  NOT NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP   NOT NULL,
    locked_by      VARCHAR(64),
    locked_until   TIMESTAMP,
    provider_sid   VARCHAR(64),
    last_error     VARCHAR(500),
    created_at     TIMESTAMP    NOT NULL,
    sent_at        TIMESTAMP,
    updated_at     TIMESTAMP    NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_sms_message PRIMARY KEY (id),
    CONSTRAINT fk_spt_sms_message_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_sms_message_due ON spt_sms_message (status, next_attempt_at);
CREATE INDEX ix_spt_sms_message_case ON spt_sms_message (case_id, created_at);
CREATE INDEX ix_spt_sms_message_number ON spt_sms_message (to_number, sent_at);
CREATE UNIQUE INDEX ix_spt_sms_message_sid ON spt_sms_message (provider_sid);

-- Numbers that texted STOP/ANNULLA; START removes them.
CREATE TABLE spt_sms_opt_out (
    phone          VARCHAR(20) NOT NULL,
    opted_out_at   TIMESTAMP   NOT NULL,
    CONSTRAINT pk_spt_sms_opt_out PRIMARY KEY (phone)
);

-- One rating per case, from the tracking page (WEB) or an SMS reply (SMS).
CREATE TABLE spt_rating (
    case_id     VARCHAR(36)   NOT NULL,
    rating      VARCHAR(10)   NOT NULL,
    comment     VARCHAR(1000),
    channel     VARCHAR(10)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_rating PRIMARY KEY (case_id),
    CONSTRAINT fk_spt_rating_case FOREIGN KEY (case_id) REFERENCES spt_case (id),
    CONSTRAINT ck_spt_rating CHECK (rating IN ('POSITIVE', 'NEUTRAL', 'NEGATIVE'))
);
