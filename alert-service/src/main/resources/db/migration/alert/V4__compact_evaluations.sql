-- An evaluation is stored as numbers (the bar, the shown values as big-endian doubles, the prediction and checks) and
-- read back as the seed's 7.1 document through its publication's layout (names, threshold, hours, training figures).
-- Rows written before keep their document in "evaluation".
create table evaluation_layouts (
    publication_id text primary key references publications (id),
    layout         jsonb not null
);
alter table evaluations alter column evaluation drop not null;
alter table evaluations add column open double precision;
alter table evaluations add column high double precision;
alter table evaluations add column low double precision;
alter table evaluations add column close double precision;
alter table evaluations add column volume double precision;
alter table evaluations add column shown bytea;
alter table evaluations add column confidence double precision;
alter table evaluations add column entry_score double precision;
alter table evaluations add column hour smallint;
alter table evaluations add column hour_allowed boolean;
