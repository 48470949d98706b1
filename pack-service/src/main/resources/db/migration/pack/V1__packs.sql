-- pack-service, schema "pack": packs and their immutable versions.

-- One row per pack; latest_version is the highest stored version by semantic-version order
-- (kept by the service, which locks this row while it adds a version).
create table pack (
    id             text        primary key,
    name           text        not null,
    latest_version text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- One row per (pack, version). A version never changes: the service refuses a different file set
-- under a stored version (content_hash = PackLoader.contentHash(files), SHA-256 hex).
create table pack_version (
    pack_id      text        not null references pack (id),
    version      text        not null,
    content_hash char(64)    not null,
    files        jsonb       not null,  -- {"pack.yaml": "<exact text>", "indicators.yaml": "...", ...}
    metadata     jsonb       not null,  -- pack.yaml header and the ids of indicators, features, strategies
    uploaded_by  text,                  -- token subject (user id) of the uploader; null for bundled packs
    created_at   timestamptz not null,
    primary key (pack_id, version)
);
