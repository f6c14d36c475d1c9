-- Distribution of front-office work across the network (decisions/distribution.dmn): what each
-- office and operator can do, who is on duty now, what a case needs, and where each waiting task
-- came from.

-- Skills an office offers whatever the shift (languages, disability services, specialisations).
CREATE TABLE spt_office_skill (
    office_group_id VARCHAR(64) NOT NULL,
    skill           VARCHAR(40) NOT NULL,
    CONSTRAINT pk_spt_office_skill PRIMARY KEY (office_group_id, skill),
    CONSTRAINT fk_spt_office_skill FOREIGN KEY (office_group_id) REFERENCES spt_office (group_id)
);

-- Skills of an operator: the operator's offices offer them while the operator is on duty.
CREATE TABLE spt_operator_skill (
    user_id VARCHAR(64) NOT NULL,
    skill   VARCHAR(40) NOT NULL,
    CONSTRAINT pk_spt_operator_skill PRIMARY KEY (user_id, skill)
);

-- An operator's availability in each of the operator's front offices. ON_DUTY counts only until
-- on_duty_until (the end of that office's working day), so a forgotten switch ends by itself.
CREATE TABLE spt_operator_duty (
    user_id         VARCHAR(64) NOT NULL,
    office_group_id VARCHAR(64) NOT NULL,
    state           VARCHAR(10) NOT NULL,
    since           TIMESTAMP   NOT NULL,
    on_duty_until   TIMESTAMP,
    CONSTRAINT pk_spt_operator_duty PRIMARY KEY (user_id, office_group_id),
    CONSTRAINT ck_spt_operator_duty_state CHECK (state IN ('ON_DUTY', 'BREAK', 'OFF'))
);
CREATE INDEX ix_spt_operator_duty_office ON spt_operator_duty (office_group_id, state);

-- What the citizen needs from whoever handles the case (a language, sign language, assistance):
-- personal, so erased with the contact at the end of retention.
CREATE TABLE spt_case_need (
    case_id VARCHAR(36) NOT NULL,
    skill   VARCHAR(40) NOT NULL,
    CONSTRAINT pk_spt_case_need PRIMARY KEY (case_id, skill),
    CONSTRAINT fk_spt_case_need_case FOREIGN KEY (case_id) REFERENCES spt_case (id)
);

-- A moved task remembers the office its process gave it (home) and when it last moved (a task
-- does not move again for load within the settling time: hysteresis).
ALTER TABLE spt_task ADD COLUMN home_office_group_id VARCHAR(64);
ALTER TABLE spt_task ADD COLUMN moved_at TIMESTAMP;
ALTER TABLE spt_task ADD COLUMN moves INT DEFAULT 0 NOT NULL;

-- "Handled in the last hour" on the workload board counts completed tasks per office.
CREATE INDEX ix_spt_case_event_type_time ON spt_case_event (event_type, occurred_at);
