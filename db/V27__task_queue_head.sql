-- Placing a front-office task reads every front office's queue: how many wait and since when the
-- oldest does (issue #19). Counting them all grew with the queue (7 ms a case with 15,000 waiting);
-- queued_at (when the task joined its present queue: created, or moved there) lets both be read
-- from the front of one index, the count up to a cap (distribution.Distribution).
ALTER TABLE spt_task ADD COLUMN queued_at TIMESTAMP;
UPDATE spt_task SET queued_at = COALESCE(moved_at, created_at);
CREATE INDEX ix_spt_task_office_queue ON spt_task (office_group_id, assignee, queued_at, case_id);
