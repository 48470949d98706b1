-- Live-trading approvals (pilot.live_trading_approved) whose go-live date has not come yet: the publication moves
-- from paper_complete to live when it does.
CREATE TABLE publication_go_live (
    published_id TEXT PRIMARY KEY,
    owner_id     TEXT NOT NULL,
    go_live_at   TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX publication_go_live_due ON publication_go_live (go_live_at);
