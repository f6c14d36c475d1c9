-- Attachment metadata; the bytes are files under <data dir>/attachments/<case id>/<attachment id>
-- (see docs/decisions/0007-attachments-on-disk.md).
CREATE TABLE spt_attachment (
    id           VARCHAR(36)  NOT NULL,
    case_id      VARCHAR(36)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)  NOT NULL,
    uploaded_by  VARCHAR(64)  NOT NULL,
    uploaded_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_attachment PRIMARY KEY (id),
    CONSTRAINT fk_spt_attachment_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_attachment_case ON spt_attachment (case_id, uploaded_at);
