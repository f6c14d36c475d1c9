-- Cases ("pratiche"): the citizen's request, its contact, the administrations taking part and the
-- timeline. Personal data (name, phone, email) lives only in spt_case_contact.

CREATE TABLE spt_topic (
    code                VARCHAR(40)  NOT NULL,
    label_it            VARCHAR(200) NOT NULL,
    label_en            VARCHAR(200) NOT NULL,
    administration_code VARCHAR(40)  NOT NULL,
    active              BOOLEAN      NOT NULL DEFAULT TRUE,
    CONSTRAINT pk_spt_topic PRIMARY KEY (code)
);

CREATE TABLE spt_case (
    id              VARCHAR(36)  NOT NULL,
    tracking_code   VARCHAR(20)  NOT NULL,
    pin_hash        VARCHAR(100) NOT NULL,
    channel         VARCHAR(20)  NOT NULL,
    topic_code      VARCHAR(40)  NOT NULL,
    description     VARCHAR(4000) NOT NULL,
    municipality    VARCHAR(100),
    priority        VARCHAR(20)  NOT NULL,
    status          VARCHAR(40)  NOT NULL,
    opened_by       VARCHAR(64)  NOT NULL,
    opened_office   VARCHAR(64),
    created_at      TIMESTAMP    NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_case PRIMARY KEY (id),
    CONSTRAINT uq_spt_case_tracking UNIQUE (tracking_code),
    CONSTRAINT fk_spt_case_topic FOREIGN KEY (topic_code) REFERENCES spt_topic (code)
);
CREATE INDEX ix_spt_case_status ON spt_case (status, updated_at);

CREATE TABLE spt_case_contact (
    case_id     VARCHAR(36)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    phone       VARCHAR(20),
    email       VARCHAR(254),
    sms_consent BOOLEAN      NOT NULL,
    language    VARCHAR(5)   NOT NULL,
    CONSTRAINT pk_spt_case_contact PRIMARY KEY (case_id),
    CONSTRAINT fk_spt_case_contact_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);

-- Who takes part: OWNER (first competent), JOINT (joint handling), FORMER (transferred away,
-- keeps read access and sees the outcome).
CREATE TABLE spt_case_administration (
    case_id             VARCHAR(36) NOT NULL,
    administration_code VARCHAR(40) NOT NULL,
    role                VARCHAR(10) NOT NULL,
    since               TIMESTAMP   NOT NULL,
    CONSTRAINT pk_spt_case_administration PRIMARY KEY (case_id, administration_code),
    CONSTRAINT fk_spt_case_administration_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_case_administration_admin ON spt_case_administration (administration_code);

CREATE TABLE spt_case_event (
    id                  VARCHAR(36)  NOT NULL,
    case_id             VARCHAR(36)  NOT NULL,
    seq                 INT          NOT NULL,
    occurred_at         TIMESTAMP    NOT NULL,
    event_type          VARCHAR(30)  NOT NULL,
    status              VARCHAR(40),
    actor               VARCHAR(64),
    office              VARCHAR(64),
    administration_code VARCHAR(40),
    citizen_visible     BOOLEAN      NOT NULL,
    detail              VARCHAR(4000),
    CONSTRAINT pk_spt_case_event PRIMARY KEY (id),
    CONSTRAINT fk_spt_case_event_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_case_event_case ON spt_case_event (case_id, seq);
