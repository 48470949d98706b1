-- Schema identity, owned by the gateway.

CREATE TABLE users (
    id            UUID         PRIMARY KEY,
    username      VARCHAR(40)  NOT NULL UNIQUE,
    password_hash VARCHAR(100) NOT NULL,          -- BCrypt ($2a$10$...)
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- JWT signing keys. The private key is never stored in clear: private_key_ciphertext is
-- AES-256-GCM over the PKCS#8 DER encoding, with a key derived by PBKDF2-HMAC-SHA256
-- (kdf_salt, kdf_iterations) from sigmatiq.identity.key-encryption-secret and the kid as
-- associated data. public_key is the X.509 SubjectPublicKeyInfo DER encoding.
CREATE TABLE signing_key (
    kid                    VARCHAR(64) PRIMARY KEY,
    algorithm              VARCHAR(16) NOT NULL,
    public_key             BYTEA       NOT NULL,
    private_key_ciphertext BYTEA       NOT NULL,
    gcm_iv                 BYTEA       NOT NULL,
    kdf_salt               BYTEA       NOT NULL,
    kdf_iterations         INTEGER     NOT NULL,
    active                 BOOLEAN     NOT NULL,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- At most one key signs new tokens; older ones may stay published for verification.
CREATE UNIQUE INDEX signing_key_single_active ON signing_key (active) WHERE active;
