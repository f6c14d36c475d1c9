-- Requests for documents: what a back office asks the citizen for (document kinds from the form's
-- list, plus the official's free text, which is the REQUEST_INFO answer), by when (a number of
-- working days on the office's calendar), and what became of it. The process's timers read the
-- dates from here (bean documentRequests in processes/citizen-request.bpmn).
CREATE TABLE spt_document_request (
    id                  VARCHAR(36)   NOT NULL,
    case_id             VARCHAR(36)   NOT NULL,
    -- order within the case (timestamps tie within a second on MariaDB)
    seq                 INT           NOT NULL,
    office_group_id     VARCHAR(64)   NOT NULL,
    administration_code VARCHAR(40),
    -- document kinds, comma-separated codes of the form's checklist (labels in the translations)
    documents           VARCHAR(1000) NOT NULL,
    message             VARCHAR(4000),
    requested_by        VARCHAR(64),
    requested_at        TIMESTAMP     NOT NULL,
    working_days        INT           NOT NULL,
    -- the last day the citizen may send them (office's calendar), and the instant that day ends
    due_on              DATE          NOT NULL,
    due_at              TIMESTAMP     NOT NULL,
    -- when the reminder SMS goes (null: too short a delay for one)
    remind_at           TIMESTAMP,
    reminded_at         TIMESTAMP,
    -- OPEN, ANSWERED (the citizen replied), EXPIRED (no reply by the due date)
    status              VARCHAR(10)   NOT NULL,
    closed_at           TIMESTAMP,
    CONSTRAINT pk_spt_document_request PRIMARY KEY (id),
    CONSTRAINT fk_spt_document_request_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE UNIQUE INDEX ix_spt_document_request_case ON spt_document_request (case_id, seq);

-- The waiting SMS says who asks and where to send them (texts nobody edited yet).
UPDATE spt_sms_template SET body = 'Sportello: {administration} chiede documenti per la richiesta {code}. Vedi e invia: {link}'
 WHERE status = 'IN_ATTESA_DI_INTEGRAZIONE' AND language = 'it' AND updated_by = 'system';
UPDATE spt_sms_template SET body = 'Sportello: {administration} asks for documents for request {code}. See and send: {link}'
 WHERE status = 'IN_ATTESA_DI_INTEGRAZIONE' AND language = 'en' AND updated_by = 'system';
