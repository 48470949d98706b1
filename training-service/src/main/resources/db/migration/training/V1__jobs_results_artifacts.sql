-- What a request was made with: the pack's files and the bars, so that workers (which have no user token) and a
-- job run again after a crash train on exactly the same data.
create table training_inputs (
    id           uuid primary key,
    owner_id     text        not null,
    pack_files   jsonb       not null,
    bars_csv     bytea       not null,
    created_at   timestamptz not null
);

create table training_jobs (
    id                uuid primary key,
    inputs_id         uuid        not null references training_inputs (id),
    owner_id          text        not null,
    model_id          text        not null,
    sweep_id          text        not null,
    combo_id          bigint      not null,
    rank              integer,
    seq               integer     not null,
    trained_model_id  text        not null,
    -- the selection's config as sent, and the sweep's effective configuration of the combination
    config            jsonb       not null,
    effective_config  jsonb       not null,
    -- pack, strategy, ticker, timeframe, range, training_params, hyperparameters, candidate_floor
    spec              jsonb       not null,
    sharpe_backtest   double precision,
    status            text        not null,
    -- the seed's five steps: [{step, status, duration}]
    progress          jsonb       not null,
    error             text,
    attempts          integer     not null default 0,
    worker            text,
    heartbeat_at      timestamptz,
    created_at        timestamptz not null,
    started_at        timestamptz,
    completed_at      timestamptz,
    constraint training_jobs_status check (status in ('queued', 'training', 'completed', 'failed')),
    constraint training_jobs_trained_model unique (owner_id, trained_model_id),
    constraint training_jobs_seq unique (owner_id, model_id, seq)
);

create index training_jobs_owner_model on training_jobs (owner_id, model_id, seq);
create index training_jobs_unfinished on training_jobs (status) where status in ('queued', 'training');

-- Exactly one result per job: the key is the job.
create table training_results (
    job_id      uuid primary key references training_jobs (id),
    owner_id    text        not null,
    report      jsonb       not null,
    created_at  timestamptz not null
);

create table training_artifacts (
    job_id      uuid        not null references training_jobs (id),
    name        text        not null,
    content     bytea       not null,
    sha256      text        not null,
    size_bytes  bigint      not null,
    primary key (job_id, name)
);
