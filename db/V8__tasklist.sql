-- Tasklist: which case and office each open user task belongs to (kept by task listeners in the
-- engine's transaction), so that inboxes page, filter and sort by SLA with one indexed query;
-- internal notes between officials.

-- The case and office of each open user task (task_id = ACT_RU_TASK.ID_). Name, assignee,
-- priority and candidates are read from the engine's own tables, so they are never stale.
CREATE TABLE spt_task (
    task_id         VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(36)  NOT NULL,
    office_group_id VARCHAR(64),
    created_at      TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_task PRIMARY KEY (task_id),
    CONSTRAINT fk_spt_task_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_task_case ON spt_task (case_id);
CREATE INDEX ix_spt_task_office ON spt_task (office_group_id, created_at);

-- Notes between officials: never shown to the citizen.
CREATE TABLE spt_case_note (
    id          VARCHAR(36)   NOT NULL,
    case_id     VARCHAR(36)   NOT NULL,
    author      VARCHAR(64)   NOT NULL,
    body        VARCHAR(4000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_case_note PRIMARY KEY (id),
    CONSTRAINT fk_spt_case_note_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_case_note_case ON spt_case_note (case_id, created_at);
