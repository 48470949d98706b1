-- Snapshots are written behind the alerts, every few bars: each records the Kafka position of the last bar it holds,
-- and a runtime rebuilt from it takes the bars after that position again (their alerts are stored once).
alter table runtimes add column bar_topic text;
alter table runtimes add column bar_partition integer;
alter table runtimes add column bar_offset bigint;
alter table runtimes alter column last_bar_time drop not null;
create index runtimes_position on runtimes (bar_topic, bar_partition);

-- Each stream's last bar whose alerts are stored (ticker, timeframe, and 'live' or the replay id).
create table streams (
    ticker        text        not null,
    timeframe     text        not null,
    feed          text        not null,
    last_bar_time timestamptz not null,
    bars          bigint      not null,
    updated_at    timestamptz not null,
    primary key (ticker, timeframe, feed)
);
