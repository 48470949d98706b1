-- sim-service (SigmaSim). What is stored is what a paper account's book is a function of: the account, its feed's
-- bars and its alerts, each once by its key; fills, positions and equity are recomputed from them (docs/paper.md).

-- One paper account per paper-trading publication, frozen at publication (ticker ... effective_config), with its
-- execution settings resolved on the pack and its recommendation rules.
CREATE TABLE accounts (
    account_id         TEXT             NOT NULL PRIMARY KEY,
    published_id       TEXT             NOT NULL UNIQUE,
    owner_id           TEXT             NOT NULL,
    model_id           TEXT             NOT NULL,
    trained_model_id   TEXT             NOT NULL,
    name               TEXT,
    ticker             TEXT             NOT NULL,
    timeframe          TEXT             NOT NULL,
    pack_id            TEXT             NOT NULL,
    pack_version       TEXT             NOT NULL,
    strategy_id        TEXT             NOT NULL,
    effective_config   JSON             NOT NULL,
    feed               TEXT             NOT NULL,  -- 'live' or the replay id
    max_alerts_per_day INTEGER          NOT NULL,
    starting_equity    DOUBLE PRECISION NOT NULL CHECK (starting_equity > 0),
    sessions           INTEGER          NOT NULL CHECK (sessions >= 1),
    execution          JSON             NOT NULL,
    rules              JSON             NOT NULL,
    status             TEXT             NOT NULL CHECK (status IN ('paper_trading', 'settling', 'complete', 'stopped')),
    first_bar          BIGINT,                     -- start of the period's first bar, epoch ms
    end_bar            BIGINT,                     -- start of the period's last bar
    settle_at          TIMESTAMPTZ,
    recommendation     TEXT,
    performance        JSON,
    created_at         TIMESTAMPTZ      NOT NULL,
    completed_at       TIMESTAMPTZ
);

CREATE INDEX accounts_by_owner ON accounts (owner_id, created_at DESC);
CREATE INDEX accounts_active ON accounts (status) WHERE status IN ('paper_trading', 'settling');

-- Bars of the feeds accounts follow, once per (feed, ticker, timeframe, start).
CREATE TABLE feed_bars (
    feed      TEXT             NOT NULL,
    ticker    TEXT             NOT NULL,
    timeframe TEXT             NOT NULL,
    start_ms  BIGINT           NOT NULL,
    open      DOUBLE PRECISION NOT NULL,
    high      DOUBLE PRECISION NOT NULL,
    low       DOUBLE PRECISION NOT NULL,
    close     DOUBLE PRECISION NOT NULL,
    volume    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (feed, ticker, timeframe, start_ms)
);

-- Alerts from alerts.paper, once per alert id. applied = false: it came after its account's period had ended.
CREATE TABLE alerts (
    alert_id     TEXT        NOT NULL PRIMARY KEY,
    published_id TEXT        NOT NULL,
    bar_time     BIGINT      NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('BUY', 'SELL')),
    exit_reason  TEXT,
    quantity     BIGINT      NOT NULL,
    applied      BOOLEAN     NOT NULL,
    document     JSON        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX alerts_by_publication ON alerts (published_id, bar_time);
