-- Bars: one row per bar, start time in UTC epoch milliseconds; prices as given by the source (raw).
create table series (
    ticker                text    not null,
    timeframe             text    not null,
    exchange              text    not null,               -- the exchange's zone id, America/New_York for US listings
    prices_split_adjusted boolean not null default false, -- the source's prices already account for its splits
    primary key (ticker, timeframe)
);

create table bar (
    ticker    text             not null,
    timeframe text             not null,
    start_ms  bigint           not null, -- bar start, epoch ms UTC
    open      double precision not null,
    high      double precision not null,
    low       double precision not null,
    close     double precision not null,
    volume    double precision,          -- null when the source has none (indexes)
    adj_close double precision,          -- a source's adjusted close (Yahoo "Adj Close"), when given
    dividend  double precision,          -- cash dividend per share going ex on this bar, when the source has the column
    split     double precision,          -- split ratio effective on this bar (7 = 7-for-1), when the source has the column
    primary key (ticker, timeframe, start_ms),
    foreign key (ticker, timeframe) references series (ticker, timeframe)
);

create table import_run (
    id             uuid primary key,
    file_name      text        not null,
    content_sha256 text        not null,
    options_key    text        not null, -- canonical form of the options the file was read with
    ticker         text        not null,
    timeframe      text,
    mode           text        not null, -- skip | refuse
    status         text        not null, -- completed | refused
    rows_read      integer     not null,
    bars_stored    integer     not null,
    rows_skipped   integer     not null,
    imported_by    text        not null, -- JWT subject, or 'bootstrap'
    imported_at    timestamptz not null,
    report         jsonb       not null
);
create index import_run_content on import_run (content_sha256, options_key, status);

create table replay (
    id               uuid primary key,
    tickers          text             not null, -- comma-separated
    source_timeframe text             not null,
    timeframes       text             not null, -- comma-separated published timeframes
    from_ms          bigint           not null,
    to_ms            bigint           not null,
    speed            double precision not null, -- 1 = real time; 0 = as fast as possible
    extended         boolean          not null,
    status           text             not null, -- running | paused | completed | failed | cancelled
    position         bigint           not null, -- timeline events acknowledged by Kafka
    total            bigint           not null,
    offsets          text             not null, -- topic/partition offsets acknowledged with position: "topic:p=offset;..."
    error            text,
    requested_by     text             not null,
    created_at       timestamptz      not null,
    updated_at       timestamptz      not null
);
