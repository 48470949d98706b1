-- Key rotation: when a key stopped signing. A retired key stays in the JWKS (and verifies tokens) until the tokens it
-- signed have expired: retired_at + token lifetime + clock skew.
ALTER TABLE signing_key ADD COLUMN retired_at TIMESTAMPTZ;
UPDATE signing_key SET retired_at = now() WHERE NOT active;
