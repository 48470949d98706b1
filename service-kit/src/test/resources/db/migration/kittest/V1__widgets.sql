-- The test service's own state: widgets (changed with an outgoing event) and what its consumer handled.
CREATE TABLE widgets (
    id TEXT PRIMARY KEY
);

CREATE TABLE handled (
    sweep_id TEXT NOT NULL,
    event_id UUID NOT NULL
);
