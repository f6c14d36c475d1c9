-- SLA: business calendars (data, edited by administrators), the clocks that measure each case and
-- each office's part of it, and in-app notifications of warnings and escalations.

-- Who is told at escalation level 1; NULL means the network's supervisors (role group "supervisor").
ALTER TABLE spt_office ADD COLUMN supervisor_group VARCHAR(64);

-- One calendar per office; the office DEFAULT applies to offices without their own.
CREATE TABLE spt_calendar (
    office_group_id VARCHAR(64)  NOT NULL,
    zone            VARCHAR(64)  NOT NULL,
    patron_saint    VARCHAR(5),
    updated_at      TIMESTAMP    NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_calendar PRIMARY KEY (office_group_id)
);

-- Opening hours: wall-clock times in the calendar's zone; day_of_week 1 = Monday ... 7 = Sunday.
CREATE TABLE spt_calendar_hours (
    office_group_id VARCHAR(64) NOT NULL,
    day_of_week     INT         NOT NULL,
    start_time      VARCHAR(5)  NOT NULL,
    end_time        VARCHAR(5)  NOT NULL,
    CONSTRAINT pk_spt_calendar_hours PRIMARY KEY (office_group_id, day_of_week, start_time),
    CONSTRAINT fk_spt_calendar_hours FOREIGN KEY (office_group_id) REFERENCES spt_calendar (office_group_id)
);

CREATE TABLE spt_calendar_closure (
    office_group_id VARCHAR(64)  NOT NULL,
    closed_on       DATE         NOT NULL,
    reason          VARCHAR(200),
    CONSTRAINT pk_spt_calendar_closure PRIMARY KEY (office_group_id, closed_on),
    CONSTRAINT fk_spt_calendar_closure FOREIGN KEY (office_group_id) REFERENCES spt_calendar (office_group_id)
);

INSERT INTO spt_calendar (office_group_id, zone, patron_saint, updated_at, updated_by, version)
    VALUES ('DEFAULT', 'Europe/Rome', NULL, CURRENT_TIMESTAMP, 'system', 0);
INSERT INTO spt_calendar_hours (office_group_id, day_of_week, start_time, end_time) VALUES
    ('DEFAULT', 1, '09:00', '17:30'), ('DEFAULT', 2, '09:00', '17:30'), ('DEFAULT', 3, '09:00', '17:30'),
    ('DEFAULT', 4, '09:00', '17:30'), ('DEFAULT', 5, '09:00', '17:30');

-- An SLA clock. scope CASE: the whole request (one per case); scope OFFICE: one office's part.
-- Working time used is used_ms plus the working time since running_since (NULL when not running).
-- warning_at / breach_at / level2_at: when the running clock reaches each threshold (the due
-- dates of the BPMN timers), so that lists can sort by time left without computing calendars.
CREATE TABLE spt_sla_clock (
    id                  VARCHAR(36)  NOT NULL,
    case_id             VARCHAR(36)  NOT NULL,
    scope               VARCHAR(10)  NOT NULL,
    office_group_id     VARCHAR(64)  NOT NULL,
    administration_code VARCHAR(40),
    phase               VARCHAR(10)  NOT NULL,
    response_target_ms  BIGINT       NOT NULL,
    resolution_target_ms BIGINT      NOT NULL,
    warning_ratio       DECIMAL(4,3) NOT NULL,
    level2_after_ms     BIGINT       NOT NULL,
    started_at          TIMESTAMP    NOT NULL,
    running_since       TIMESTAMP,
    used_ms             BIGINT       NOT NULL,
    responded_at        TIMESTAMP,
    response_used_ms    BIGINT,
    warning_at          TIMESTAMP,
    breach_at           TIMESTAMP,
    level2_at           TIMESTAMP,
    warned_at           TIMESTAMP,
    breached_at         TIMESTAMP,
    escalation_level    INT          NOT NULL DEFAULT 0,
    ended_at            TIMESTAMP,
    version             INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_spt_sla_clock PRIMARY KEY (id),
    CONSTRAINT uq_spt_sla_clock UNIQUE (case_id, scope, office_group_id),
    CONSTRAINT fk_spt_sla_clock_case FOREIGN KEY (case_id) REFERENCES spt_case (id),
    CONSTRAINT ck_spt_sla_clock_phase CHECK (phase IN ('RUNNING', 'WAITING', 'DONE'))
);
CREATE INDEX ix_spt_sla_clock_office ON spt_sla_clock (office_group_id, phase);
CREATE INDEX ix_spt_sla_clock_breach ON spt_sla_clock (phase, breach_at);

-- In-app notifications: to a user or to every member of a group.
CREATE TABLE spt_notification (
    id              VARCHAR(36)  NOT NULL,
    recipient_user  VARCHAR(64),
    recipient_group VARCHAR(64),
    case_id         VARCHAR(36)  NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    detail          VARCHAR(1000),
    created_at      TIMESTAMP    NOT NULL,
    read_at         TIMESTAMP,
    CONSTRAINT pk_spt_notification PRIMARY KEY (id),
    CONSTRAINT fk_spt_notification_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);
CREATE INDEX ix_spt_notification_user ON spt_notification (recipient_user, created_at);
CREATE INDEX ix_spt_notification_group ON spt_notification (recipient_group, created_at);
