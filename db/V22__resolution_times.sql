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
