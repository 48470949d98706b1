-- The dispatcher's claim on a delivery row: a row being sent carries the claim's id and the time after which another
-- dispatcher may take it again (its sender crashed or hung past the lease). Null when nobody holds it.
alter table deliveries add column claim_id uuid;
alter table deliveries add column lease_until timestamptz;

-- The dispatcher expires open rows past valid_until on every pass.
create index deliveries_open_valid on deliveries (valid_until) where status in ('pending', 'retrying');
