-- SLA steps (warning, first and second level escalation) are found by a sweep over the offices'
-- clocks instead of three engine timers per office task (docs/decisions/0029-sla-steps-by-sweep.md).
-- next_due_at is the instant of the clock's next step not yet taken, NULL when none is left or the
-- clock does not run; the database keeps it true on every write, so no code path can forget it.
ALTER TABLE spt_sla_clock ADD COLUMN next_due_at TIMESTAMP GENERATED ALWAYS AS (
    CASE WHEN scope <> 'OFFICE' OR phase <> 'RUNNING' THEN NULL
         WHEN warned_at IS NULL AND warning_at IS NOT NULL THEN warning_at
         WHEN escalation_level < 1 THEN breach_at
         WHEN escalation_level < 2 THEN level2_at
    END);
CREATE INDEX ix_spt_sla_clock_next_due ON spt_sla_clock (next_due_at);

-- The clocks are swept in four partitions (by the last character of their id), each by one worker
-- at a time across the nodes of a cluster: a partition's batch holds its row here until it commits.
-- The steps are taken once either way (each clock records its step in the same transaction); the
-- rows only keep two workers from doing the same batch twice.
CREATE TABLE spt_sweep_lock (
    name VARCHAR(40) NOT NULL,
    CONSTRAINT pk_spt_sweep_lock PRIMARY KEY (name)
);
INSERT INTO spt_sweep_lock (name) VALUES ('sla-0');
INSERT INTO spt_sweep_lock (name) VALUES ('sla-1');
INSERT INTO spt_sweep_lock (name) VALUES ('sla-2');
INSERT INTO spt_sweep_lock (name) VALUES ('sla-3');
