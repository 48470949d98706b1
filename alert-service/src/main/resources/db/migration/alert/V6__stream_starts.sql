-- Where each stream's first bar sits in Kafka. A runtime built for a replay after the replay began (its publication
-- reached the service late) goes back there, so that it takes the whole replay, as its backtest does.
alter table streams add column first_bar_time timestamptz;
alter table streams add column first_topic text;
alter table streams add column first_partition integer;
alter table streams add column first_offset bigint;
