-- The local broker's orders: one row per client order id (ClOrdID), whatever session sent it.
create table broker_order (
    cl_ord_id      text primary key,
    order_id       text not null unique,
    client_comp_id text not null,
    account        text,
    symbol         text not null,
    side           text not null check (side in ('buy', 'sell')),
    order_type     text not null check (order_type in ('market', 'limit', 'stop')),
    quantity       bigint not null,
    limit_price    double precision,
    stop_price     double precision,
    time_in_force  text not null,
    status         text not null check (status in ('new', 'filled', 'cancelled', 'rejected')),
    filled_quantity bigint not null default 0,
    average_price  double precision not null default 0,
    commission     double precision not null default 0,
    reject_reason  text,
    fill_bar       text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create index broker_order_open on broker_order (symbol) where status = 'new';
create sequence broker_order_number;

-- QuickFIX/J's JDBC store: sequence numbers and the messages sent, so a restart resumes the sessions and a client that
-- missed reports while away gets them resent.
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
