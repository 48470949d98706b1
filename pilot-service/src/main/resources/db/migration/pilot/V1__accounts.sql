-- Live broker accounts (DESIGN §7 "Live trading"). Credentials are sealed with AES-256-GCM under a key from the
-- configuration (never in this database): IV ‖ ciphertext ‖ tag of the credentials' JSON.
create table account (
    id                   text primary key,
    owner_id             text not null,
    broker               text not null check (broker in ('fix', 'alpaca', 'interactive_brokers')),
    broker_account       text not null,
    connection           jsonb not null,
    credentials          bytea,
    max_capital          numeric(18, 2) not null check (max_capital > 0),
    max_position_size    numeric(18, 2) not null check (max_position_size > 0),
    max_open_positions   integer not null check (max_open_positions > 0),
    daily_loss_limit     numeric(18, 2) not null check (daily_loss_limit > 0),
    max_orders_per_minute integer not null check (max_orders_per_minute > 0),
    price_band_pct       numeric(8, 4) not null check (price_band_pct > 0),
    kill_switch          boolean not null default false,
    connection_state     text not null default 'disconnected',
    created_at           timestamptz not null,
    unique (owner_id, broker, broker_account)
);
create index account_owner on account (owner_id, created_at desc);

-- The operators' global kill switch: one row.
create table global_switch (
    id         integer primary key check (id = 1),
    engaged    boolean not null,
    changed_by text,
    changed_at timestamptz
);
insert into global_switch (id, engaged) values (1, false);

-- Every change of a kill switch, who made it and when.
create table kill_switch_event (
    id          bigserial primary key,
    account_id  text references account (id),
    engaged     boolean not null,
    changed_by  text not null,
    changed_at  timestamptz not null
);

-- QuickFIX/J's JDBC message store (one row per FIX session: its sequence numbers survive restarts). Message bodies
-- are not persisted (PersistMessages=N), the table exists because the store reads it.
create table fix_sessions (
    beginstring       varchar(8) not null,
    sendercompid      varchar(64) not null,
    sendersubid       varchar(64) not null,
    senderlocid       varchar(64) not null,
    targetcompid      varchar(64) not null,
    targetsubid       varchar(64) not null,
    targetlocid       varchar(64) not null,
    session_qualifier varchar(64) not null,
    creation_time     timestamp not null,
    incoming_seqnum   integer not null,
    outgoing_seqnum   integer not null,
    primary key (beginstring, sendercompid, sendersubid, senderlocid, targetcompid, targetsubid, targetlocid, session_qualifier)
);
create table fix_messages (
    beginstring       varchar(8) not null,
    sendercompid      varchar(64) not null,
    sendersubid       varchar(64) not null,
    senderlocid       varchar(64) not null,
    targetcompid      varchar(64) not null,
    targetsubid       varchar(64) not null,
    targetlocid       varchar(64) not null,
    session_qualifier varchar(64) not null,
    msgseqnum         integer not null,
    message           text not null,
    primary key (beginstring, sendercompid, sendersubid, senderlocid, targetcompid, targetsubid, targetlocid, session_qualifier, msgseqnum)
);
