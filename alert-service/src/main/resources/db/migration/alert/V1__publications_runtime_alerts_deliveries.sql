-- The published models alert-service follows (from model-service's model.published and status changes).
create table publications (
    id                 text primary key,
    owner_id           text        not null,
    model_id           text        not null,
    trained_model_id   text        not null,
    ticker             text        not null,
    timeframe          text        not null,
    pack_id            text        not null,
    pack_version       text        not null,
    strategy_id        text        not null,
    effective_config   jsonb       not null,
    name               text        not null,
    max_alerts_per_day integer     not null,
    paper_trade_first  boolean     not null,
    paper_equity       double precision not null,
    feed               text        not null,
    status             text        not null,
    published_at       timestamptz not null,
    updated_at         timestamptz not null
);
create index publications_owner on publications (owner_id, published_at desc);
create index publications_feed on publications (ticker, timeframe, feed) where status in ('paper_trading', 'alerting', 'live');

-- Where each model's evaluator is: its snapshot after the last bar it took, written with that bar's evaluation.
create table runtimes (
    publication_id text primary key references publications (id),
    state          bytea       not null,
    last_bar_time  timestamptz not null,
    updated_at     timestamptz not null
);

-- The seed's 7.1 evaluation of every bar by every model.
create table evaluations (
    publication_id text        not null references publications (id),
    bar_time       timestamptz not null,
    owner_id       text        not null,
    signal         text        not null,
    evaluation     jsonb       not null,
    primary key (publication_id, bar_time)
);

-- Alerts: the id is (model, bar, action), so a bar taken twice cannot make a second alert.
create table alerts (
    alert_id       text primary key,
    publication_id text        not null references publications (id),
    owner_id       text        not null,
    bar_time       timestamptz not null,
    action         text        not null,
    alert          jsonb       not null,
    created_at     timestamptz not null
);
create index alerts_owner on alerts (owner_id, bar_time desc);
create index alerts_publication on alerts (publication_id, bar_time desc);

-- One row per alert and destination, written with the alert; the dispatcher works from these rows.
create table deliveries (
    alert_id        text        not null references alerts (alert_id),
    destination     text        not null,
    target          text,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    valid_until     timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    updated_at      timestamptz not null,
    primary key (alert_id, destination),
    constraint deliveries_status check (status in ('pending', 'sent', 'retrying', 'failed', 'expired'))
);
create index deliveries_due on deliveries (next_attempt_at) where status in ('pending', 'retrying');

-- Where a user's alerts go: the user's defaults (publication_id = '') and per published model overrides.
-- The push secret is stored encrypted (AES-GCM with the service's key).
create table destinations (
    owner_id            text not null,
    publication_id      text not null default '',
    email               text,
    push_url            text,
    push_secret_sealed  bytea,
    updated_at          timestamptz not null,
    primary key (owner_id, publication_id)
);
