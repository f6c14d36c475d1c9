-- The email channel: notifications to citizens who gave an email (templates as data, an outbox
-- like the SMS one, opt-outs), the messages read from the administration's mailboxes and PEC
-- boxes (each once), and the web form's per-address limit.

-- Subject and text per kind and language. kind: a citizen-visible case status, or
-- ACKNOWLEDGEMENT (the first message of a case: code and PIN). Placeholders: {code}, {pin}
-- (acknowledgement only), {status}, {administration}, {link}, {answer} (the answers, for
-- RISOLTA/CHIUSA/NON_DI_COMPETENZA). The HTML part is made from the text.
CREATE TABLE spt_email_template (
    kind        VARCHAR(40)   NOT NULL,
    language    VARCHAR(5)    NOT NULL,
    subject     VARCHAR(200)  NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    updated_by  VARCHAR(64)   NOT NULL,
    version     INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_email_template PRIMARY KEY (kind, language)
);

INSERT INTO spt_email_template (kind, language, subject, body, updated_at, updated_by) VALUES
 ('ACKNOWLEDGEMENT', 'it', 'Richiesta ricevuta [{code}]', 'Gentile cittadina, gentile cittadino,

abbiamo ricevuto la sua richiesta. Il codice della pratica è {code} e il PIN è {pin}: li conservi, servono per seguirla.

Segua lo stato della richiesta su {link} con codice e PIN. Se deve aggiungere qualcosa, risponda a questo messaggio lasciando il codice nell''oggetto.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('ACKNOWLEDGEMENT', 'en', 'Request received [{code}]', 'Dear citizen,

we have received your request. Its code is {code} and its PIN is {pin}: please keep them, you need them to follow it.

Follow your request at {link} with code and PIN. To add something, reply to this message keeping the code in the subject.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('INOLTRATA', 'it', 'La richiesta {code} è stata inoltrata', 'La sua richiesta {code} è stata inoltrata a {administration}.

Segua lo stato su {link}.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('INOLTRATA', 'en', 'Request {code} was forwarded', 'Your request {code} was forwarded to {administration}.

Follow it at {link}.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('IN_LAVORAZIONE', 'it', 'La richiesta {code} è in lavorazione', 'La sua richiesta {code} è in lavorazione presso {administration}.

Segua lo stato su {link}.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('IN_LAVORAZIONE', 'en', 'Request {code} is being handled', 'Your request {code} is being handled by {administration}.

Follow it at {link}.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('IN_ATTESA_DI_INTEGRAZIONE', 'it', 'Per la richiesta {code} servono documenti o informazioni', 'Per la sua richiesta {code} servono documenti o informazioni.

{answer}

Legga che cosa serve e risponda su {link}, oppure risponda a questo messaggio con gli allegati lasciando il codice nell''oggetto.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('IN_ATTESA_DI_INTEGRAZIONE', 'en', 'Request {code} needs documents or information', 'Your request {code} needs documents or information from you.

{answer}

Read what is needed and answer at {link}, or reply to this message with the files, keeping the code in the subject.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('RISOLTA', 'it', 'La richiesta {code} è stata risolta', 'La sua richiesta {code} è stata risolta.

{answer}

Su {link} può leggere la pratica e dirci come è andata.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('RISOLTA', 'en', 'Request {code} is resolved', 'Your request {code} is resolved.

{answer}

At {link} you can read the case and tell us how we did.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('CHIUSA', 'it', 'La richiesta {code} è chiusa', 'La sua richiesta {code} è chiusa.

{answer}

Su {link} può leggere la pratica e dirci come è andata.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('CHIUSA', 'en', 'Request {code} is closed', 'Your request {code} is closed.

{answer}

At {link} you can read the case and tell us how we did.

Citizen help desk', CURRENT_TIMESTAMP, 'system'),
 ('NON_DI_COMPETENZA', 'it', 'La richiesta {code} non è di competenza della rete', 'La sua richiesta {code} non è di competenza delle amministrazioni della rete.

{answer}

Dettagli su {link}.

Sportello per il cittadino', CURRENT_TIMESTAMP, 'system'),
 ('NON_DI_COMPETENZA', 'en', 'Request {code} is outside the network''s competence', 'Your request {code} is outside the competence of the network''s administrations.

{answer}

Details at {link}.

Citizen help desk', CURRENT_TIMESTAMP, 'system');

-- The outbox: written in the transaction of the change, sent by mail.EmailDispatcher.
-- status: QUEUED, SENDING (claimed until locked_until), SENT (accepted by the SMTP server),
-- FAILED (retries exhausted), REJECTED (permanent: address refused, opted out), LOCAL (no SMTP
-- server configured: kept for /admin/email, not sent). The body is kept as sent, except an
-- acknowledgement's PIN: the body keeps the placeholder {pin}, the PIN waits in pin until the
-- message is sent and is then blanked. The row id is the unsubscribe token.
CREATE TABLE spt_email_message (
    id              VARCHAR(36)   NOT NULL,
    case_id         VARCHAR(36),
    to_address      VARCHAR(254)  NOT NULL,
    kind            VARCHAR(40)   NOT NULL,
    language        VARCHAR(5)    NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(8000) NOT NULL,
    pin             VARCHAR(6),
    status          VARCHAR(20)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP     NOT NULL,
    locked_by       VARCHAR(64),
    locked_until    TIMESTAMP,
    message_id      VARCHAR(200),
    last_error      VARCHAR(500),
    created_at      TIMESTAMP     NOT NULL,
    sent_at         TIMESTAMP,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_email_message PRIMARY KEY (id),
    CONSTRAINT fk_spt_email_message_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_email_message_due ON spt_email_message (status, next_attempt_at);
CREATE INDEX ix_spt_email_message_case ON spt_email_message (case_id, created_at);

-- Addresses that unsubscribed (List-Unsubscribe, RFC 8058 one-click, or the link in the mail).
CREATE TABLE spt_email_opt_out (
    address       VARCHAR(254) NOT NULL,
    opted_out_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_email_opt_out PRIMARY KEY (address)
);

-- Every message read from a mailbox, once: the key is the SHA-256 of its Message-ID (of its
-- bytes when it has none), inserted in the transaction that opens or updates the case, so that
-- the same message read twice, or by two nodes, does one thing. No addresses or texts here.
-- outcome: OPENED (a new case), REPLY (added to a case), IGNORED (auto-reply, bounce, empty),
-- RECEIPT (a PEC provider's receipt), LIMITED (too many from one sender).
CREATE TABLE spt_mail_inbound (
    message_key   VARCHAR(64)  NOT NULL,
    mailbox       VARCHAR(64)  NOT NULL,
    received_at   TIMESTAMP    NOT NULL,
    outcome       VARCHAR(20)  NOT NULL,
    case_id       VARCHAR(36),
    detail        VARCHAR(200),
    CONSTRAINT pk_spt_mail_inbound PRIMARY KEY (message_key)
);
CREATE INDEX ix_spt_mail_inbound_time ON spt_mail_inbound (mailbox, received_at);

-- Citizens' own openings (web form, email, SMS, call-back requests) per source, for the limits:
-- source_key is a SHA-256 of the address, sender or number, never the value itself.
CREATE TABLE spt_self_intake (
    source_key    VARCHAR(64)  NOT NULL,
    opened_at     TIMESTAMP    NOT NULL,
    channel       VARCHAR(20)  NOT NULL
);
CREATE INDEX ix_spt_self_intake ON spt_self_intake (source_key, opened_at);
