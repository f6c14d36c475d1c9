-- Directory of the network: administrations and their offices.
-- Offices are Camunda identity groups (group_id = ACT_ID_GROUP.ID_); this table adds what the
-- engine does not know: which administration an office belongs to and what kind of office it is.
CREATE TABLE spt_administration (
    code        VARCHAR(40)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_administration PRIMARY KEY (code)
);

CREATE TABLE spt_office (
    group_id            VARCHAR(64)  NOT NULL,
    administration_code VARCHAR(40)  NOT NULL,
    name                VARCHAR(200) NOT NULL,
    kind                VARCHAR(30)  NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_office PRIMARY KEY (group_id),
    CONSTRAINT fk_spt_office_administration FOREIGN KEY (administration_code) REFERENCES spt_administration (code),
    CONSTRAINT ck_spt_office_kind CHECK (kind IN ('FRONT_OFFICE', 'BACK_OFFICE_INTERNAL', 'BACK_OFFICE_EXTERNAL', 'HUB'))
);

CREATE INDEX ix_spt_office_administration ON spt_office (administration_code);
