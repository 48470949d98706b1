package com.sigmatiq.gateway.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Registers users and checks their passwords. */
@Service
public class AccountService {

    /** 3 to 40 characters of lower-case letters, digits, {@code _ . -}. */
    public static final String USERNAME_PATTERN = "^[a-z0-9_.-]{3,40}$";
    public static final int PASSWORD_MIN_LENGTH = 8;
    /** BCrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private static final Pattern USERNAME = Pattern.compile(USERNAME_PATTERN);

    private final UserStore users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    /** Compared against when the username is unknown, so both failures take as long. */
    private final String unknownUserHash;

    public AccountService(UserStore users, PasswordEncoder passwordEncoder, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.unknownUserHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @throws InvalidFieldException  when the username or password breaks the rules above
     * @throws UsernameTakenException when the username exists
     */
    public UserAccount register(String username, String password) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidFieldException("username", "must be 3 to 40 characters of a-z, 0-9, '_', '.', '-'");
        }
        if (password == null || password.length() < PASSWORD_MIN_LENGTH) {
            throw new InvalidFieldException("password", "must be at least " + PASSWORD_MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX_BYTES) {
            throw new InvalidFieldException("password", "must be at most " + PASSWORD_MAX_BYTES + " bytes in UTF-8");
        }
        UserAccount account = new UserAccount(UUID.randomUUID(), username, passwordEncoder.encode(password),
                clock.instant());
        users.insert(account);
        return account;
    }

    /** Creates the account unless the username exists; returns whether it was created. */
    public boolean registerIfAbsent(String username, String password) {
        if (users.findByUsername(username).isPresent()) {
            return false;
        }
        try {
            register(username, password);
            return true;
        } catch (UsernameTakenException raceLost) {
            return false;
        }
    }

    /** @throws InvalidCredentialsException for an unknown username or a wrong password */
    public UserAccount authenticate(String username, String password) {
        if (username == null || password == null) {
            throw new InvalidCredentialsException();
        }
        Optional<UserAccount> account = users.findByUsername(username);
        String hash = account.map(UserAccount::passwordHash).orElse(unknownUserHash);
        boolean matches = password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES
                && passwordEncoder.matches(password, hash);
        if (account.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        return account.get();
    }
}
