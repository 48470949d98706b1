-- Evaluations in blocks: a runtime's evaluations since its last snapshot are written with the next snapshot, as one
-- row (and one index entry) per block of up to 64 bars rather than one per bar. A block is written once, with the
-- snapshot that follows it, so a runtime that restarts from its last snapshot makes only evaluations not yet stored.
-- Rows already in "evaluations" stay and are read as before.
create table evaluation_blocks (
    publication_id text        not null,
    first_bar_time timestamptz not null,
    last_bar_time  timestamptz not null,
    owner_id       text        not null,
    bars           integer     not null,
    data           bytea       not null,   -- EvaluationCopy's encoding
    primary key (publication_id, first_bar_time)
);
-- doubles do not compress: store them out of line as they are, without spending the writer's time on pglz
alter table evaluation_blocks alter column data set storage external;
