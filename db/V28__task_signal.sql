-- Live inbox updates on every node (issue #19): a task change is written here in the transaction
-- that makes it, and every other node reads the new rows about once a second and tells its open
-- inboxes (tasklist.TaskSignals). Rows are kept ten minutes.
CREATE TABLE spt_task_signal (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    node        VARCHAR(36)   NOT NULL,
    task_id     VARCHAR(64)   NOT NULL,
    groups_csv  VARCHAR(2000) NOT NULL,
    users_csv   VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_task_signal PRIMARY KEY (id)
);
CREATE INDEX ix_spt_task_signal_created ON spt_task_signal (created_at);
