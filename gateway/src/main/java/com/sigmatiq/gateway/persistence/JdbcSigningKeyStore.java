package com.sigmatiq.gateway.persistence;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.sigmatiq.gateway.domain.SigningKey;
import com.sigmatiq.gateway.domain.SigningKeyStore;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code identity.signing_key}: public key as X.509 DER, private key as AES-256-GCM
 * ciphertext of its PKCS#8 DER (see {@link PrivateKeyCipher}); the plaintext never reaches the database.
 */
@Repository
class JdbcSigningKeyStore implements SigningKeyStore {

    /** Arbitrary constant naming the advisory lock that serialises key creation. */
    private static final long KEY_CREATION_LOCK = 0x5167_6D61_7469_714BL;

    private static final String COLUMNS =
            "kid, public_key, private_key_ciphertext, gcm_iv, kdf_salt, kdf_iterations, created_at";

    private final JdbcClient jdbc;
    private final PrivateKeyCipher cipher;

    JdbcSigningKeyStore(JdbcClient jdbc, PrivateKeyCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    @Override
    public void lockForKeyCreation() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", KEY_CREATION_LOCK).query().singleRow();
    }

    @Override
    public Optional<SigningKey> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE active")
                .query(this::map)
                .optional();
    }

    @Override
    public void insertActive(SigningKey key) {
        byte[] pkcs8 = key.privateKey().getEncoded();
        PrivateKeyCipher.Sealed sealed;
        try {
            sealed = cipher.encrypt(pkcs8, key.kid());
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
        jdbc.sql("UPDATE signing_key SET active = FALSE, retired_at = :retiredAt WHERE active")
                .param("retiredAt", Timestamp.from(key.createdAt())).update();
        jdbc.sql("""
                INSERT INTO signing_key (kid, algorithm, public_key, private_key_ciphertext, gcm_iv, kdf_salt,
                                         kdf_iterations, active, created_at)
                VALUES (:kid, 'RS256', :publicKey, :ciphertext, :iv, :salt, :iterations, TRUE, :createdAt)""")
                .param("kid", key.kid())
                .param("publicKey", key.publicKey().getEncoded())
                .param("ciphertext", sealed.ciphertext())
                .param("iv", sealed.iv())
                .param("salt", sealed.salt())
                .param("iterations", sealed.iterations())
                .param("createdAt", Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public Optional<String> activeKid() {
        return jdbc.sql("SELECT kid FROM signing_key WHERE active").query(String.class).optional();
    }

    @Override
    public List<String> kidsPublishedSince(Instant since) {
        return jdbc.sql("SELECT kid FROM signing_key WHERE active OR retired_at >= :since"
                        + " ORDER BY active DESC, retired_at DESC")
                .param("since", Timestamp.from(since)).query(String.class).list();
    }

    @Override
    public Optional<SigningKey> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE kid = :kid").param("kid", kid)
                .query(this::map).optional();
    }

    private SigningKey map(ResultSet rs, int row) throws SQLException {
        String kid = rs.getString("kid");
        PrivateKeyCipher.Sealed sealed = new PrivateKeyCipher.Sealed(rs.getBytes("private_key_ciphertext"),
                rs.getBytes("gcm_iv"), rs.getBytes("kdf_salt"), rs.getInt("kdf_iterations"));
        byte[] pkcs8 = cipher.decrypt(sealed, kid);
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(rs.getBytes("public_key")));
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new SigningKey(kid, publicKey, privateKey, rs.getTimestamp("created_at").toInstant());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("stored signing key " + kid + " is not a valid RSA key pair", e);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
