package com.sigmatiq.gateway.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class PrivateKeyCipherTest {

    private static final byte[] PLAINTEXT = "-----BEGIN PRIVATE KEY----- pretend PKCS#8".getBytes(StandardCharsets.UTF_8);

    @Test
    void roundTripsAndHidesThePlaintext() {
        PrivateKeyCipher cipher = new PrivateKeyCipher("a-test-secret-of-some-length");
        PrivateKeyCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, "kid-1");

        assertThat(sealed.ciphertext()).hasSize(PLAINTEXT.length + 16); // GCM tag, no padding
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("BEGIN");
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.salt()).hasSize(16);
        assertThat(cipher.decrypt(sealed, "kid-1")).isEqualTo(PLAINTEXT);
    }

    @Test
    void freshSaltAndIvEveryTime() {
        PrivateKeyCipher cipher = new PrivateKeyCipher("a-test-secret-of-some-length");
        PrivateKeyCipher.Sealed a = cipher.encrypt(PLAINTEXT, "kid-1");
        PrivateKeyCipher.Sealed b = cipher.encrypt(PLAINTEXT, "kid-1");
        assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
        assertThat(a.iv()).isNotEqualTo(b.iv());
        assertThat(a.salt()).isNotEqualTo(b.salt());
    }

    @Test
    void anotherSecretCannotDecryptAndSaysWhy() {
        PrivateKeyCipher.Sealed sealed = new PrivateKeyCipher("a-test-secret-of-some-length").encrypt(PLAINTEXT, "kid-1");
        assertThatThrownBy(() -> new PrivateKeyCipher("another-secret-entirely").decrypt(sealed, "kid-1"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("sigmatiq.identity.key-encryption-secret");
    }

    @Test
    void ciphertextIsBoundToItsKeyId() {
        PrivateKeyCipher cipher = new PrivateKeyCipher("a-test-secret-of-some-length");
        PrivateKeyCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, "kid-1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "kid-2")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void alteredCiphertextIsRefused() {
        PrivateKeyCipher cipher = new PrivateKeyCipher("a-test-secret-of-some-length");
        PrivateKeyCipher.Sealed sealed = cipher.encrypt(PLAINTEXT, "kid-1");
        sealed.ciphertext()[3] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed, "kid-1")).isInstanceOf(IllegalStateException.class);
    }
}
