-- The warehouse's case facts are refreshed after the change, in batches, instead of inside the
-- transaction that changed the case (docs/decisions/0030-warehouse-facts-after-commit.md, issue #19):
-- a change writes its case's id here, in its transaction; every couple of seconds one worker of the
-- cluster (holding the 'dw-facts' row of spt_sweep_lock) computes the marked cases' facts again from
-- the operational tables and deletes the marks it read. A mark written meanwhile survives and brings
-- its case back in the next batch.
CREATE TABLE spt_dw_dirty_case (
    id       BIGINT      NOT NULL AUTO_INCREMENT,
    case_id  VARCHAR(36) NOT NULL,
    CONSTRAINT pk_spt_dw_dirty_case PRIMARY KEY (id)
);
INSERT INTO spt_sweep_lock (name) VALUES ('dw-facts');
