-- The anonymous warehouse (spt_dw_*): one fact per case for reporting and trends. It holds no
-- personal data: no names, phones, emails, free text, tracking codes, case ids or officials'
-- ids; case_key is a random surrogate. Refreshed from the case's own tables in the transaction
-- of every change (reporting.CaseFacts), backfilled at start for cases without a fact.
CREATE TABLE spt_dw_case (
    case_key                VARCHAR(36) NOT NULL,
    opened_on               DATE        NOT NULL,
    opened_hour             INT         NOT NULL,
    channel                 VARCHAR(20) NOT NULL,
    topic_code              VARCHAR(40) NOT NULL,
    front_office            VARCHAR(64),
    front_administration    VARCHAR(40),
    owner_administration    VARCHAR(40),
    status                  VARCHAR(40) NOT NULL,
    closed_on               DATE,
    closed_at_front_office  BOOLEAN     NOT NULL,
    with_article            BOOLEAN     NOT NULL,
    administrations         INT         NOT NULL,
    transfers               INT         NOT NULL,
    -- minutes from opening to the final status: calendar time, and the working time of the
    -- case's SLA clock (business calendars, pauses while waiting for the citizen excluded)
    calendar_minutes        BIGINT,
    working_minutes         BIGINT,
    sla_breached            BOOLEAN     NOT NULL,
    escalation_level        INT         NOT NULL,
    rating                  VARCHAR(10),
    CONSTRAINT pk_spt_dw_case PRIMARY KEY (case_key)
);
CREATE INDEX ix_spt_dw_case_opened ON spt_dw_case (opened_on, front_administration, front_office);
-- today's backlog: the open cases (closed_on IS NULL), whatever their opening day
CREATE INDEX ix_spt_dw_case_open ON spt_dw_case (closed_on, opened_on);

-- Pre-aggregated: the facts summed per front office, administrations, topic and channel ('' where a
-- fact has none), per opening day (grain 'D') and per month (grain 'M', opened_on the month's first
-- day, summed from the day rows), which the dashboards read: a period's whole months from the month
-- rows, the days at its ends from the day rows. Days whose facts changed are marked in
-- spt_dw_dirty_day (a random shard of 32 per mark, so that concurrent changes of one day seldom meet
-- on a row) and summed again, with their month, every few seconds (reporting.DailyFigures).
CREATE TABLE spt_dw_sum (
    grain                   CHAR(1)     NOT NULL,
    opened_on               DATE        NOT NULL,
    front_office            VARCHAR(64) NOT NULL,
    front_administration    VARCHAR(40) NOT NULL,
    owner_administration    VARCHAR(40) NOT NULL,
    topic_code              VARCHAR(40) NOT NULL,
    channel                 VARCHAR(20) NOT NULL,
    cases                   BIGINT      NOT NULL,
    finished                BIGINT      NOT NULL,
    closed_at_front_office  BIGINT      NOT NULL,
    with_article            BIGINT      NOT NULL,
    timed_cases             BIGINT      NOT NULL,
    working_minutes         BIGINT      NOT NULL,
    calendar_minutes        BIGINT      NOT NULL,
    sla_met                 BIGINT      NOT NULL,
    sla_breached            BIGINT      NOT NULL,
    positive                BIGINT      NOT NULL,
    neutral                 BIGINT      NOT NULL,
    negative                BIGINT      NOT NULL,
    CONSTRAINT pk_spt_dw_sum PRIMARY KEY (grain, opened_on, front_office, front_administration,
        owner_administration, topic_code, channel),
    CONSTRAINT ck_spt_dw_sum_grain CHECK (grain IN ('D', 'M'))
);

CREATE TABLE spt_dw_dirty_day (
    opened_on DATE NOT NULL,
    shard     INT  NOT NULL,
    CONSTRAINT pk_spt_dw_dirty_day PRIMARY KEY (opened_on, shard)
);

-- Which fact describes which case: on the operational side (it goes with the case), so that
-- the warehouse alone leads back to no one.
CREATE TABLE spt_report_case (
    case_id  VARCHAR(36) NOT NULL,
    case_key VARCHAR(36) NOT NULL,
    CONSTRAINT pk_spt_report_case PRIMARY KEY (case_id),
    CONSTRAINT uq_spt_report_case_key UNIQUE (case_key),
    CONSTRAINT fk_spt_report_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);

-- Citizens' searches on /faq that found nothing, or nothing useful ("none of these answers my
-- question"), as gaps for the editors. Only the query after
-- emails, phone numbers, codes and other digit runs are taken out; no address, no session.
CREATE TABLE spt_kb_search_gap (
    id         VARCHAR(36)  NOT NULL,
    query      VARCHAR(120) NOT NULL,
    language   VARCHAR(5)   NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_kb_search_gap PRIMARY KEY (id)
);
CREATE INDEX ix_spt_kb_search_gap_created ON spt_kb_search_gap (created_at);
