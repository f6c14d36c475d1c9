-- The inbox orders by SLA time left: keep the office's breach instant on the task row, indexed,
-- so that a page of 50 walks the index instead of sorting every open task. Tasks without a clock
-- sort last (a far date rather than NULL keeps the index usable).
ALTER TABLE spt_task ADD COLUMN sla_due TIMESTAMP DEFAULT '2037-12-31 00:00:00' NOT NULL;
CREATE INDEX ix_spt_task_sla_due ON spt_task (sla_due, task_id);
CREATE INDEX ix_spt_task_office_due ON spt_task (office_group_id, sla_due);
