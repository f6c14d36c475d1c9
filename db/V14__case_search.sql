-- Finding a case (/cases): by tracking code, phone or email (exact, normalised), by the words of
-- the citizen's name (lower case, without accents, each word a row so that "ross" finds "Maria
-- Rossi" through an index), by status, topic, administration or period.
CREATE TABLE spt_case_name_token (
    case_id VARCHAR(36) NOT NULL,
    token   VARCHAR(100) NOT NULL,
    CONSTRAINT pk_spt_case_name_token PRIMARY KEY (token, case_id),
    CONSTRAINT fk_spt_case_name_token_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_case_name_token_case ON spt_case_name_token (case_id);
CREATE INDEX ix_spt_case_contact_phone ON spt_case_contact (phone);
-- emails are kept in lower case (as the intake now stores them), so that the index finds them
UPDATE spt_case_contact SET email = LOWER(email) WHERE email IS NOT NULL;
CREATE INDEX ix_spt_case_contact_email ON spt_case_contact (email);
CREATE INDEX ix_spt_case_created ON spt_case (created_at, id);
CREATE INDEX ix_spt_case_topic ON spt_case (topic_code, created_at);
