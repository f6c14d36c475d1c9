-- The network's shared knowledge base: questions and answers each administration keeps for its
-- own remit, searched by every office (and, when public, by citizens on /faq). Every saved
-- version is kept with its author and time.
CREATE TABLE spt_kb_article (
    id                  VARCHAR(36)   NOT NULL,
    slug                VARCHAR(120)  NOT NULL,
    administration_code VARCHAR(40)   NOT NULL,
    topic_code          VARCHAR(40),
    audience            VARCHAR(12)   NOT NULL,
    language            VARCHAR(5)    NOT NULL,
    status              VARCHAR(12)   NOT NULL,
    question            VARCHAR(500)  NOT NULL,
    answer              VARCHAR(4000) NOT NULL,
    tags                VARCHAR(500),
    legal_basis         VARCHAR(500),
    valid_from          DATE,
    valid_until         DATE,
    version             INT           NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_kb_article PRIMARY KEY (id),
    CONSTRAINT uq_spt_kb_article_slug UNIQUE (slug)
);
CREATE INDEX ix_spt_kb_article_status ON spt_kb_article (status, updated_at);

CREATE TABLE spt_kb_article_version (
    article_id  VARCHAR(36)   NOT NULL,
    version     INT           NOT NULL,
    status      VARCHAR(12)   NOT NULL,
    question    VARCHAR(500)  NOT NULL,
    answer      VARCHAR(4000) NOT NULL,
    tags        VARCHAR(500),
    legal_basis VARCHAR(500),
    valid_from  DATE,
    valid_until DATE,
    author      VARCHAR(64)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_spt_kb_article_version PRIMARY KEY (article_id, version),
    CONSTRAINT fk_spt_kb_article_version FOREIGN KEY (article_id) REFERENCES spt_kb_article (id)
);

-- A case the front office closed on the spot with an article's answer.
CREATE TABLE spt_case_article (
    case_id    VARCHAR(36) NOT NULL,
    article_id VARCHAR(36) NOT NULL,
    used_at    TIMESTAMP   NOT NULL,
    CONSTRAINT pk_spt_case_article PRIMARY KEY (case_id),
    CONSTRAINT fk_spt_case_article_case FOREIGN KEY (case_id) REFERENCES spt_case (id),
    CONSTRAINT fk_spt_case_article_article FOREIGN KEY (article_id) REFERENCES spt_kb_article (id)
);
CREATE INDEX ix_spt_case_article_article ON spt_case_article (article_id, used_at);

-- "Was it useful?" from citizens on /faq and "not helpful" from operators, anonymous.
CREATE TABLE spt_kb_feedback (
    id         VARCHAR(36)  NOT NULL,
    article_id VARCHAR(36)  NOT NULL,
    helpful    BOOLEAN      NOT NULL,
    source     VARCHAR(10)  NOT NULL,
    reason     VARCHAR(500),
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_kb_feedback PRIMARY KEY (id),
    CONSTRAINT fk_spt_kb_feedback_article FOREIGN KEY (article_id) REFERENCES spt_kb_article (id)
);
CREATE INDEX ix_spt_kb_feedback_article ON spt_kb_feedback (article_id, created_at);
