-- Inbox tabs filter on the assignee and on delegation; keeping both on our task row lets the
-- database answer a page from spt_task's indexes alone and join the details for those 50 rows.
ALTER TABLE spt_task ADD COLUMN assignee VARCHAR(64);
ALTER TABLE spt_task ADD COLUMN delegated BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX ix_spt_task_office_assignee_due ON spt_task (office_group_id, assignee, sla_due);
CREATE INDEX ix_spt_task_assignee_due ON spt_task (assignee, sla_due);

-- Groups a task was offered to besides its office (SLA escalations to supervisors and the hub),
-- so that inboxes never need the engine's identity links (whose collation differs on MariaDB).
CREATE TABLE spt_task_candidate (
    task_id   VARCHAR(64) NOT NULL,
    group_id  VARCHAR(64) NOT NULL,
    CONSTRAINT pk_spt_task_candidate PRIMARY KEY (group_id, task_id)
);
CREATE INDEX ix_spt_task_candidate_task ON spt_task_candidate (task_id);
