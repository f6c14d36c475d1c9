-- Inbox filters an official saved under a name (per user).
CREATE TABLE spt_saved_filter (
    user_id     VARCHAR(64)   NOT NULL,
    name        VARCHAR(80)   NOT NULL,
    definition  VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_saved_filter PRIMARY KEY (user_id, name)
);
