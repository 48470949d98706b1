package com.sigmatiq.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's key-encryption secret that local mode keeps in its data folder. */
class IdentitySecretTest {

    @TempDir
    Path data;

    @Test
    void isGeneratedOnTheFirstStartReadableByItsOwnerOnlyAndKept() throws Exception {
        Path file = data.resolve("fresh").resolve(IdentitySecret.FILE);

        String first = IdentitySecret.loadOrCreate(file, false).orElseThrow();

        assertThat(first).matches("[A-Za-z0-9_-]{43}"); // 256 random bits, base64url
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(first);
        assertThat(Files.list(file.getParent())).containsExactly(file); // no temporary file left behind
        assertThat(IdentitySecret.loadOrCreate(file, false)).contains(first);
        assertThat(IdentitySecret.loadOrCreate(file, true)).contains(first);
    }

    @Test
    void eachDataFolderGetsItsOwnSecret() {
        String a = IdentitySecret.loadOrCreate(data.resolve("a").resolve(IdentitySecret.FILE), false).orElseThrow();
        String b = IdentitySecret.loadOrCreate(data.resolve("b").resolve(IdentitySecret.FILE), false).orElseThrow();

        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void aDatabaseFromBeforeGeneratedSecretsKeepsTheGatewayDefault() {
        Path file = data.resolve(IdentitySecret.FILE);

        assertThat(IdentitySecret.loadOrCreate(file, true)).isEmpty();
        assertThat(file).doesNotExist();
    }

    @Test
    void aSecretFileOthersCanReadIsNarrowedToItsOwner() throws Exception {
        Path file = data.resolve(IdentitySecret.FILE);
        Files.writeString(file, "a-secret-set-up-by-hand-elsewhere\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(IdentitySecret.loadOrCreate(file, true)).contains("a-secret-set-up-by-hand-elsewhere");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void refusesASecretTheGatewayWouldRefuse() throws Exception {
        Path file = data.resolve(IdentitySecret.FILE);
        Files.writeString(file, "short\n");

        assertThatThrownBy(() -> IdentitySecret.loadOrCreate(file, true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(file.toString());
    }
}
