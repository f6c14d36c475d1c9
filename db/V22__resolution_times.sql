-- Medians of the time to resolution cannot be summed from means: the warehouse keeps, per opening
-- day (grain 'D') and month (grain 'M', summed from the days), how many timed cases took each
-- span of working ('W') or calendar ('C') minutes. The spans widen with the time: 5 minutes up to
-- 2 hours, 15 up to 8 hours, an hour up to 40 hours, 8 hours up to 240 hours, then one span
-- (reporting.Medians). Kept with the day sums by reporting.DailyFigures.
CREATE TABLE spt_dw_minutes (
    grain                CHAR(1)     NOT NULL,
    opened_on            DATE        NOT NULL,
    front_administration VARCHAR(40) NOT NULL,
    owner_administration VARCHAR(40) NOT NULL,
    kind                 CHAR(1)     NOT NULL,
    bucket               BIGINT      NOT NULL,
    cases                BIGINT      NOT NULL,
    CONSTRAINT pk_spt_dw_minutes PRIMARY KEY (grain, opened_on, front_administration, owner_administration, kind,
        bucket),
    CONSTRAINT ck_spt_dw_minutes_grain CHECK (grain IN ('D', 'M')),
    CONSTRAINT ck_spt_dw_minutes_kind CHECK (kind IN ('W', 'C'))
);
DELETE FROM spt_dw_dirty_day;
INSERT INTO spt_dw_dirty_day (opened_on, shard) SELECT DISTINCT opened_on, 0 FROM spt_dw_case;

-- Working minutes to the first response (the case's SLA clock: the first answer or request sent
-- to the citizen), per fact and summed.
ALTER TABLE spt_dw_case ADD COLUMN response_minutes BIGINT NULL;
ALTER TABLE spt_dw_sum ADD COLUMN responded BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE spt_dw_sum ADD COLUMN response_minutes BIGINT DEFAULT 0 NOT NULL;

-- One fact per office leg: each office that worked the case (its SLA clock: the front office's
-- assessment, each back office's part), with its
-- working minutes to its first response and to the end of its part, SLA breached, escalation.
-- Keyed by the case's random key and the office; no official, no text.
CREATE TABLE spt_dw_leg (
    case_key            VARCHAR(36) NOT NULL,
    office_group_id     VARCHAR(64) NOT NULL,
    administration_code VARCHAR(40),
    opened_on           DATE        NOT NULL,
    started_on          DATE        NOT NULL,
    finished            BOOLEAN     NOT NULL,
    response_minutes    BIGINT,
    working_minutes     BIGINT,
    sla_breached        BOOLEAN     NOT NULL,
    escalation_level    INT         NOT NULL,
    CONSTRAINT pk_spt_dw_leg PRIMARY KEY (case_key, office_group_id)
);
CREATE INDEX ix_spt_dw_leg_opened ON spt_dw_leg (opened_on, administration_code);

-- the cases' facts are computed again, with the new columns and their legs, by the backfill at
-- start (their keys are new random ones: nothing outside the warehouse refers to them)
DELETE FROM spt_dw_case WHERE case_key IN (SELECT case_key FROM spt_report_case);
DELETE FROM spt_report_case;
