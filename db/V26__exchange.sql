-- Exchange of cases between installations (exchange module, docs/exchange-protocol.md) and the
-- Open311 GeoReport v2 clients (open311 module).

-- Another installation (another Sportello, or any system speaking the protocol). Messages from it
-- are verified with one of its two public keys (Ed25519, base64 of the X.509 SubjectPublicKeyInfo):
-- the second key lets it rotate without downtime.
CREATE TABLE spt_exchange_peer (
    id               VARCHAR(40)  NOT NULL,
    name             VARCHAR(200) NOT NULL,
    base_url         VARCHAR(500) NOT NULL,
    key_id           VARCHAR(100) NOT NULL,
    public_key       VARCHAR(200) NOT NULL,
    next_key_id      VARCHAR(100),
    next_public_key  VARCHAR(200),
    enabled          BOOLEAN      NOT NULL,
    updated_at       TIMESTAMP    NOT NULL,
    updated_by       VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_spt_exchange_peer PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_spt_exchange_peer_key ON spt_exchange_peer (key_id);

-- The administrations a peer serves: routing to one of them sends the case to the peer.
CREATE TABLE spt_exchange_peer_admin (
    administration_code VARCHAR(40) NOT NULL,
    peer_id             VARCHAR(40) NOT NULL,
    CONSTRAINT pk_spt_exchange_peer_admin PRIMARY KEY (administration_code)
);
CREATE INDEX ix_spt_exchange_peer_admin_peer ON spt_exchange_peer_admin (peer_id);

-- One case crossing between two installations. OUT: our case, one office leg, sent to the peer
-- (office_group: our group of the administration the peer serves). IN: a case the peer sent us
-- (office_group: the administration it asked for). remote_code: the other side's tracking code.
-- next_seq numbers the messages of the exchange; its row is the lock that keeps them in order.
CREATE TABLE spt_exchange_leg (
    peer_id        VARCHAR(40)  NOT NULL,
    exchange_id    VARCHAR(36)  NOT NULL,
    direction      VARCHAR(3)   NOT NULL,
    case_id        VARCHAR(36)  NOT NULL,
    office_group   VARCHAR(64)  NOT NULL,
    remote_code    VARCHAR(40),
    remote_status  VARCHAR(40),
    state          VARCHAR(20)  NOT NULL,
    next_seq       INT          NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    updated_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_exchange_leg PRIMARY KEY (peer_id, exchange_id),
    CONSTRAINT ck_spt_exchange_leg_direction CHECK (direction IN ('IN', 'OUT')),
    CONSTRAINT ck_spt_exchange_leg_state CHECK (state IN ('OPEN', 'DONE'))
);
CREATE INDEX ix_spt_exchange_leg_case ON spt_exchange_leg (case_id);

-- Messages to peers, sent in order per exchange (seq) with retries and backoff.
CREATE TABLE spt_exchange_outbox (
    id               VARCHAR(36)  NOT NULL,
    peer_id          VARCHAR(40)  NOT NULL,
    exchange_id      VARCHAR(36)  NOT NULL,
    seq              INT          NOT NULL,
    kind             VARCHAR(20)  NOT NULL,
    body             VARCHAR(10000) NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP    NOT NULL,
    locked_by        VARCHAR(100),
    locked_until     TIMESTAMP,
    last_error       VARCHAR(500),
    created_at       TIMESTAMP    NOT NULL,
    sent_at          TIMESTAMP,
    CONSTRAINT pk_spt_exchange_outbox PRIMARY KEY (id),
    CONSTRAINT ck_spt_exchange_outbox_status CHECK (status IN ('QUEUED', 'SENDING', 'SENT', 'FAILED'))
);
CREATE UNIQUE INDEX ux_spt_exchange_outbox_seq ON spt_exchange_outbox (peer_id, exchange_id, seq);
CREATE INDEX ix_spt_exchange_outbox_due ON spt_exchange_outbox (status, next_attempt_at);

-- What came from peers: a message id acts once (idempotency); a signature nonce is accepted once
-- (replay protection). Both are purged after the acceptance window.
CREATE TABLE spt_exchange_inbound (
    peer_id      VARCHAR(40)  NOT NULL,
    message_id   VARCHAR(36)  NOT NULL,
    received_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_exchange_inbound PRIMARY KEY (peer_id, message_id)
);
CREATE TABLE spt_exchange_nonce (
    peer_id   VARCHAR(40)  NOT NULL,
    nonce     VARCHAR(100) NOT NULL,
    seen_at   TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_exchange_nonce PRIMARY KEY (peer_id, nonce)
);
CREATE INDEX ix_spt_exchange_nonce_seen ON spt_exchange_nonce (seen_at);

-- Open311 client applications: the api_key is shown once and kept as its SHA-256.
CREATE TABLE spt_open311_client (
    id          VARCHAR(36)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    key_hash    VARCHAR(64)  NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_spt_open311_client PRIMARY KEY (id)
);
CREATE UNIQUE INDEX ux_spt_open311_client_key ON spt_open311_client (key_hash);

-- Requests filed through Open311: the token the client may poll, the client that filed it.
CREATE TABLE spt_open311_request (
    case_id     VARCHAR(36)  NOT NULL,
    token       VARCHAR(36)  NOT NULL,
    client_id   VARCHAR(36)  NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_spt_open311_request PRIMARY KEY (case_id)
);
CREATE UNIQUE INDEX ux_spt_open311_request_token ON spt_open311_request (token);
CREATE INDEX ix_spt_open311_request_created ON spt_open311_request (created_at);
