package com.sigmatiq.local;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's key-encryption secret in local mode ({@value #PROPERTY}: the passphrase that protects the JWT signing
 * key stored in schema {@code identity}). Generated at random on the first start and kept, readable by its owner only,
 * in the data folder next to the PostgreSQL data it protects, so local mode never runs on the gateway's publicly known
 * development default.
 */
final class IdentitySecret {

    static final String PROPERTY = "sigmatiq.identity.key-encryption-secret";
    /** File name inside the local-mode data folder. */
    static final String FILE = "identity-secret";
    /** The gateway accepts 16 characters or more; this is 43 (256 random bits, base64url). */
    static final int MIN_LENGTH = 16;

    private static final Logger log = LoggerFactory.getLogger(IdentitySecret.class);
    private static final int RANDOM_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private IdentitySecret() {
    }

    /**
     * The secret stored in {@code file}, creating it (mode 600) when missing — unless {@code databaseExists}: a
     * database created before local mode generated secrets has its signing key encrypted with the gateway's
     * development default, which a new secret could not decrypt. Then nothing is created and the result is empty
     * (the gateway keeps its default and warns); deleting the data folder starts afresh with a generated secret.
     */
    static Optional<String> loadOrCreate(Path file, boolean databaseExists) {
        try {
            if (Files.exists(file)) {
                return Optional.of(read(file));
            }
            if (databaseExists) {
                log.warn("{} is missing but the database in {} already exists: the gateway keeps its development default"
                        + " key-encryption secret for it. To get a generated secret, stop local mode and delete {}"
                        + " (this deletes all local data).", file, file.getParent(), file.getParent());
                return Optional.empty();
            }
            return Optional.of(create(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the gateway's key-encryption secret " + file, e);
        }
    }

    private static String create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] bytes = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        // Written to an owner-only temporary file, then renamed: the secret is never readable by others, and a crash
        // leaves either no file or a complete one.
        Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp", ownerOnly(file));
        try {
            Files.writeString(temporary, secret + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        log.info("generated the gateway's key-encryption secret in {} (keep it with the data: without it the gateway"
                + " cannot read its signing key)", file);
        return secret;
    }

    private static String read(Path file) throws IOException {
        restrictToOwner(file);
        String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(file + " holds no usable key-encryption secret (at least " + MIN_LENGTH
                    + " characters expected)");
        }
        return secret;
    }

    /** A secret file that others can read (copied around, or created by hand) is narrowed to its owner. */
    private static void restrictToOwner(Path file) throws IOException {
        if (!isPosix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(p -> p.name().startsWith("GROUP_") || p.name().startsWith("OTHERS_"))) {
            log.warn("{} had permissions {}: set to rw------- (owner only)", file,
                    PosixFilePermissions.toString(permissions));
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
