-- The last reconciliation of each account with its broker: every difference found, as JSON.
create table reconciliation (
    account_id text primary key references account (id),
    report     jsonb not null,
    at         timestamptz not null
);
