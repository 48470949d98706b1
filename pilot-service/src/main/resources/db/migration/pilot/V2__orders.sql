-- Publications as model-service announces them (model.events), with the paper recommendation (paper.events).
create table publication (
    published_id   text primary key,
    owner_id       text not null,
    model_id       text not null,
    ticker         text not null,
    feed           text not null,
    status         text not null,
    updated_at     timestamptz not null
);

-- The paper period's recommendation (paper.events), apart: it may arrive before the publication (model.events).
create table paper_recommendation (
    published_id   text primary key,
    recommendation text not null,
    at             timestamptz not null
);

-- Seed 8.1 approvals: which account trades a publication, under which caps, from when.
create table approval (
    published_id       text primary key,
    owner_id           text not null,
    account_id         text not null references account (id),
    max_capital        numeric(18, 2) not null,
    max_position_size  numeric(18, 2) not null,
    enable_sigma_pilot boolean not null,
    go_live_date       timestamptz not null,
    approved_at        timestamptz not null
);

-- The last close per feed ('live' or a replay id) and ticker, for the price band.
create table last_close (
    feed     text not null,
    ticker   text not null,
    close    double precision not null,
    bar_end  timestamptz not null,
    primary key (feed, ticker)
);

-- Live orders. The client order id is the alert id (unique): an alert becomes at most one order.
create table live_order (
    id              text primary key,
    alert_id        text not null unique,
    account_id      text not null references account (id),
    owner_id        text not null,
    published_id    text not null,
    ticker          text not null,
    side            text not null check (side in ('buy', 'sell')),
    quantity        bigint not null check (quantity > 0),
    order_type      text not null,
    limit_price     double precision,
    time_in_force   text not null,
    reference_price double precision not null,
    state           text not null,
    broker_order_id text,
    filled_quantity bigint not null default 0,
    average_price   double precision,
    commission      double precision not null default 0,
    last_fill_at    timestamptz,
    created_at      timestamptz not null,
    sent_at         timestamptz,
    updated_at      timestamptz not null
);
create index live_order_account on live_order (account_id, created_at desc);
create index live_order_open on live_order (state) where state in ('pending_new', 'sent', 'acknowledged', 'partially_filled');

-- Every state an order passed through, with what moved it.
create table order_event (
    id       bigserial primary key,
    order_id text not null references live_order (id),
    state    text not null,
    kind     text not null,
    detail   text,
    at       timestamptz not null
);
create index order_event_order on order_event (order_id, id);

-- Fills, once per broker execution id.
create table fill (
    order_id     text not null references live_order (id),
    execution_id text not null,
    quantity     bigint not null,
    price        double precision not null,
    commission   double precision not null,
    realized_pnl double precision not null default 0,
    at           timestamptz not null,
    primary key (order_id, execution_id)
);

-- Alerts refused before anything left, with the check that refused them and why.
create table refusal (
    alert_id     text primary key,
    published_id text,
    account_id   text,
    owner_id     text,
    check_name   text not null,
    reason       text not null,
    at           timestamptz not null
);
create index refusal_account on refusal (account_id, at desc);

-- Positions per account and ticker, from our fills.
create table position (
    account_id    text not null references account (id),
    ticker        text not null,
    quantity      bigint not null,
    average_price double precision not null,
    realized_pnl  double precision not null default 0,
    primary key (account_id, ticker)
);
