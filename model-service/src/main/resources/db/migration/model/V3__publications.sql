-- DESIGN §7's lifecycle: 'published' is gone (a publication is its own row now); the model's status summarises its
-- publications: paper_trading, paper_complete, live, alerting, paused. A model set to 'published' by hand before had
-- no publication, so it is trained again.
ALTER TABLE models DROP CONSTRAINT models_status_check;
UPDATE models SET status = 'trained' WHERE status = 'published';
ALTER TABLE models ADD CONSTRAINT models_status_check CHECK (status IN
    ('created', 'swept', 'trained', 'paper_trading', 'paper_complete', 'live', 'alerting', 'paused', 'retired'));

-- A published trained model (seed 6.1): what it runs, frozen from training-service at publication (ticker ...
-- effective_config), how (settings, paper equity, feed) and its status. effective_config is json, not jsonb, so its
-- key order is kept.
CREATE TABLE publications (
    published_id              TEXT             NOT NULL PRIMARY KEY,
    -- insertion order: "newest first" among publications of the same second (published_at has whole seconds)
    seq                       BIGINT           GENERATED ALWAYS AS IDENTITY,
    owner_id                  TEXT             NOT NULL,
    model_id                  TEXT             NOT NULL,
    trained_model_id          TEXT             NOT NULL,
    combo_id                  BIGINT           NOT NULL,
    ticker                    TEXT             NOT NULL,
    timeframe                 TEXT             NOT NULL,
    pack_id                   TEXT             NOT NULL,
    pack_version              TEXT             NOT NULL,
    strategy_id               TEXT             NOT NULL,
    effective_config          JSON             NOT NULL,
    name                      TEXT             NOT NULL,
    description               TEXT,
    alert_frequency           TEXT             NOT NULL,
    max_alerts_per_day        INTEGER          NOT NULL CHECK (max_alerts_per_day >= 1),
    paper_trade_first         BOOLEAN          NOT NULL,
    paper_trade_duration_days INTEGER          CHECK (paper_trade_duration_days >= 1),
    paper_equity              DOUBLE PRECISION NOT NULL CHECK (paper_equity > 0),
    replay_id                 TEXT,            -- null = the live feed
    status                    TEXT             NOT NULL,
    paused_from               TEXT,
    paper_trade_start         TIMESTAMPTZ,
    paper_trade_end           TIMESTAMPTZ,
    live_date                 TIMESTAMPTZ,
    published_at              TIMESTAMPTZ      NOT NULL,
    updated_at                TIMESTAMPTZ      NOT NULL,
    CONSTRAINT publications_status_check CHECK (status IN
        ('paper_trading', 'paper_complete', 'live', 'alerting', 'paused', 'retired')),
    CONSTRAINT publications_paused_from_check CHECK ((status = 'paused') = (paused_from IS NOT NULL))
);

CREATE INDEX publications_by_owner ON publications (owner_id, published_at DESC, seq DESC);
CREATE INDEX publications_by_model ON publications (owner_id, model_id);
-- a trained model has at most one publication that is not retired
CREATE UNIQUE INDEX publications_one_active_per_trained_model ON publications (owner_id, trained_model_id)
    WHERE status <> 'retired';

-- Every status change of a publication, its first entry the publication itself (from_status null).
CREATE TABLE publication_status_history (
    published_id TEXT        NOT NULL REFERENCES publications (published_id),
    seq          INTEGER     NOT NULL,
    from_status  TEXT,
    to_status    TEXT        NOT NULL,
    at           TIMESTAMPTZ NOT NULL,
    reason       TEXT        NOT NULL,
    PRIMARY KEY (published_id, seq)
);
