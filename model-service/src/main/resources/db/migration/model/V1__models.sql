-- Models (one row per owner and model id). JSON columns use type json, not jsonb, so that key order
-- (the configuration's, the overrides' application order) is kept exactly as written.
CREATE TABLE models (
    owner_id            TEXT        NOT NULL,
    model_id            TEXT        NOT NULL,
    pack_id             TEXT        NOT NULL,
    pack_version        TEXT        NOT NULL,
    name                TEXT        NOT NULL,
    description         TEXT,
    instrument          TEXT        NOT NULL,
    ticker              TEXT        NOT NULL,
    timeframe           TEXT        NOT NULL,
    strategy_id         TEXT        NOT NULL,
    selected_indicators JSON        NOT NULL,
    selected_features   JSON        NOT NULL,
    risk_profile        TEXT        NOT NULL,
    parameter_overrides JSON        NOT NULL,
    config              JSON        NOT NULL,
    status              TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner_id, model_id),
    CONSTRAINT models_status_check CHECK (status IN
        ('created', 'swept', 'trained', 'published', 'paper_trading', 'live', 'retired'))
);

CREATE INDEX models_by_owner_created ON models (owner_id, created_at);
