-- sweep-service: sweeps, their inputs, combinations, results and execution log.

create table sweeps (
    id                    uuid primary key,
    owner_id              text        not null,
    model_id              text        not null,
    sweep_type            text        not null,
    tag                   text,
    pack_id               text        not null,
    pack_version          text        not null,
    strategy_id           text        not null,
    ticker                text        not null,
    timeframe             text        not null,
    -- json (not jsonb): key order matters, combo ids follow the order of the parameters
    base_overrides        json        not null,
    parameters            json        not null,
    quality_gates         json        not null,
    date_start            date        not null,
    date_end              date        not null,
    holdout_pct           double precision,
    total_combinations    bigint      not null,
    total_units           bigint      not null,
    unit_size             integer     not null,
    status                text        not null,
    done_combinations     bigint      not null default 0,
    passed_combinations   bigint,
    trial_sharpe_variance double precision,
    created_at            timestamptz not null,
    started_at            timestamptz,
    completed_at          timestamptz,
    last_progress_at      timestamptz not null,
    completion_published  boolean     not null default false
);
create index sweeps_owner on sweeps (owner_id, created_at);
create index sweeps_unfinished on sweeps (status) where status in ('queued', 'running');

-- What the sweep was created with: the pack files and the bars as received (gzip), so workers without the user's
-- token and later result pages recompute exactly what was swept.
create table sweep_inputs (
    sweep_id   uuid primary key references sweeps (id) on delete cascade,
    pack_files json  not null,
    bars_csv   bytea not null
);

-- Every combination, stored before any work starts: its work unit and configuration hash. Its values follow from
-- the sweep's parameters and its combo id.
create table sweep_combinations (
    sweep_id    uuid   not null references sweeps (id) on delete cascade,
    combo_id    bigint not null,
    unit        bigint not null,
    config_hash text   not null,
    primary key (sweep_id, combo_id)
);

create table sweep_results (
    sweep_id                uuid             not null references sweeps (id) on delete cascade,
    combo_id                bigint           not null,
    unit                    bigint           not null,
    total_return            double precision not null,
    annualized_return       double precision not null,
    sharpe                  double precision not null,
    deflated_sharpe         double precision,
    sortino                 double precision not null,
    max_drawdown            double precision not null,
    calmar                  double precision,
    win_rate                double precision,
    profit_factor           double precision,
    total_trades            integer          not null,
    avg_trade_duration_days double precision,
    best_trade              double precision,
    worst_trade             double precision,
    avg_winner              double precision,
    avg_loser               double precision,
    exposure                double precision not null,
    gate_pass               boolean          not null,
    failed_checks           text             not null,
    moments_n               integer          not null,
    moments_sharpe          double precision not null,
    moments_skewness        double precision,
    moments_kurtosis        double precision,
    holdout_return          double precision,
    holdout_sharpe          double precision,
    holdout_max_drawdown    double precision,
    holdout_trades          integer,
    holdout_win_rate        double precision,
    holdout_gate_pass       boolean,
    primary key (sweep_id, combo_id)
);

create table sweep_log (
    id       bigserial primary key,
    sweep_id uuid        not null references sweeps (id) on delete cascade,
    at       timestamptz not null,
    status   text        not null,
    message  text        not null
);
create index sweep_log_sweep on sweep_log (sweep_id, id);
