package com.sigmatiq.gateway.persistence;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a private key for storage: AES-256-GCM (96-bit random IV, 128-bit tag) under a key
 * derived with PBKDF2-HMAC-SHA256 from the configured secret and a random 16-byte salt. The key id
 * is bound as associated data, so a ciphertext copied onto another row does not decrypt.
 */
public final class PrivateKeyCipher {

    /** PBKDF2 iterations for newly encrypted keys; stored per row so it can grow later. */
    public static final int DEFAULT_ITERATIONS = 310_000;

    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BITS = 256;

    private final char[] secret;
    private final SecureRandom random = new SecureRandom();

    public PrivateKeyCipher(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("key-encryption secret must not be blank");
        }
        this.secret = secret.toCharArray();
    }

    /** The encrypted form of a key and everything but the secret needed to decrypt it. */
    public record Sealed(byte[] ciphertext, byte[] iv, byte[] salt, int iterations) {
    }

    public Sealed encrypt(byte[] plaintext, String keyId) {
        byte[] salt = new byte[SALT_BYTES];
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(salt);
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, deriveKey(salt, DEFAULT_ITERATIONS), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new Sealed(cipher.doFinal(plaintext), iv, salt, DEFAULT_ITERATIONS);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt signing key " + keyId, e);
        }
    }

    /**
     * @throws IllegalStateException when the secret differs from the one the key was encrypted with,
     *                               or the stored bytes were altered
     */
    public byte[] decrypt(Sealed sealed, String keyId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, deriveKey(sealed.salt(), sealed.iterations()),
                    new GCMParameterSpec(TAG_BITS, sealed.iv()));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("cannot decrypt signing key " + keyId
                    + ": sigmatiq.identity.key-encryption-secret is not the secret it was encrypted with"
                    + " (or the stored key was altered)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt signing key " + keyId, e);
        }
    }

    private SecretKey deriveKey(byte[] salt, int iterations) throws GeneralSecurityException {
        KeySpec spec = new PBEKeySpec(secret, salt, iterations, KEY_BITS);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return new SecretKeySpec(key, "AES");
    }
}
