-- Retention (GDPR): the personal data of a case finished long enough ago is erased by
-- privacy.Retention (contact, free texts, attachments, SMS numbers and texts, the engine's
-- history variables); the case keeps its status, topic, dates and timeline, the warehouse its
-- anonymous fact. erased_at says when; it is also the claim that makes each case erased once,
-- whichever node gets there first.
ALTER TABLE spt_case ADD COLUMN erased_at TIMESTAMP NULL;
CREATE INDEX ix_spt_case_retention ON spt_case (status, updated_at);

-- Who opened which case, and how (UI: the case page; API: GET /api/cases/{code}): shown to
-- supervisors and administrators on the case. Kept as long as the case's personal data.
CREATE TABLE spt_case_access (
    id          VARCHAR(36) NOT NULL,
    case_id     VARCHAR(36) NOT NULL,
    user_id     VARCHAR(64) NOT NULL,
    via         VARCHAR(10) NOT NULL,
    accessed_at TIMESTAMP   NOT NULL,
    CONSTRAINT pk_spt_case_access PRIMARY KEY (id),
    CONSTRAINT fk_spt_case_access_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_case_access_case ON spt_case_access (case_id, accessed_at);
CREATE INDEX ix_spt_case_access_at ON spt_case_access (accessed_at);

-- ShedLock's table (net.javacrumbs.shedlock, JdbcTemplateLockProvider): one node at a time runs
-- a scheduled job that must not run twice (the retention job).
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    CONSTRAINT pk_shedlock PRIMARY KEY (name)
);
