-- The alert's valid_until, kept with its order: a stored order whose alert has gone stale is never sent.
alter table live_order add column valid_until timestamptz;
