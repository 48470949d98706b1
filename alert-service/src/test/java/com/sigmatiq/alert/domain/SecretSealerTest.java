package com.sigmatiq.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretSealerTest {

    private final SecretSealer sealer = new SecretSealer("a passphrase for tests");

    @Test
    void opensWhatItSealedWithAFreshIvEachTime() {
        byte[] a = sealer.seal("whsec-0123456789abcdef");
        byte[] b = sealer.seal("whsec-0123456789abcdef");
        assertThat(a).isNotEqualTo(b);
        assertThat(sealer.open(a)).isEqualTo("whsec-0123456789abcdef");
        assertThat(new SecretSealer("a passphrase for tests").open(b)).isEqualTo("whsec-0123456789abcdef");
    }

    @Test
    void anotherKeyOrAnAlteredValueDoesNotOpen() {
        byte[] a = sealer.seal("whsec-0123456789abcdef");
        assertThatThrownBy(() -> new SecretSealer("another passphrase").open(a)).isInstanceOf(IllegalStateException.class);
        a[a.length - 1] ^= 1;
        assertThatThrownBy(() -> sealer.open(a)).isInstanceOf(IllegalStateException.class);
    }
}
