-- Article reviews (processes/kb-article.bpmn) are tasks without a case: they share the officials'
-- inboxes, so spt_task's case becomes optional and such a task carries a short subject instead
-- (the process variable "subject": the article's question, never personal data). The table is
-- rebuilt because H2 and MariaDB spell "drop NOT NULL" differently; its rows are the open tasks.
CREATE TABLE spt_task_open (
    task_id         VARCHAR(64)  NOT NULL,
    case_id         VARCHAR(36),
    subject         VARCHAR(200),
    office_group_id VARCHAR(64),
    created_at      TIMESTAMP    NOT NULL,
    sla_due         TIMESTAMP    DEFAULT '2037-12-31 00:00:00' NOT NULL,
    assignee        VARCHAR(64),
    delegated       BOOLEAN      DEFAULT FALSE NOT NULL,
    CONSTRAINT pk_spt_task_open PRIMARY KEY (task_id),
    CONSTRAINT fk_spt_task_open_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
INSERT INTO spt_task_open (task_id, case_id, subject, office_group_id, created_at, sla_due, assignee, delegated)
    SELECT task_id, case_id, NULL, office_group_id, created_at, sla_due, assignee, delegated FROM spt_task;
DROP TABLE spt_task;
ALTER TABLE spt_task_open RENAME TO spt_task;
CREATE INDEX ix_spt_task_open_case ON spt_task (case_id);
CREATE INDEX ix_spt_task_open_office ON spt_task (office_group_id, created_at);
CREATE INDEX ix_spt_task_open_sla_due ON spt_task (sla_due, task_id);
CREATE INDEX ix_spt_task_open_office_due ON spt_task (office_group_id, sla_due);
CREATE INDEX ix_spt_task_open_office_assignee_due ON spt_task (office_group_id, assignee, sla_due);
CREATE INDEX ix_spt_task_open_assignee_due ON spt_task (assignee, sla_due);

-- The reviewers' last word (shown to the editors) and the date of the next periodic review
-- (articles past it are listed to their editors).
ALTER TABLE spt_kb_article ADD COLUMN review_note VARCHAR(2000);
ALTER TABLE spt_kb_article ADD COLUMN next_review DATE;
