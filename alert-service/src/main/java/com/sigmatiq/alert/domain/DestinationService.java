package com.sigmatiq.alert.domain;

import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Users' destinations: validated, the webhook secret sealed before it is stored, and resolved for an alert (the
 * published model's own e-mail or webhook where set, else the user's defaults).
 */
@Service
public class DestinationService {

    static final int MAX_EMAIL = 254;
    static final int MAX_URL = 2048;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 256;
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern PUBLICATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]{0,127}");

    private final DestinationRepository repository;
    private final SecretSealer sealer;
    private final WebhookTargets targets;
    private final Clock clock;

    public DestinationService(DestinationRepository repository, SecretSealer sealer, WebhookTargets targets, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.sealer = sealer;
        this.clock = clock;
    }

    /** The effective e-mail and webhook of an alert of {@code publicationId}. */
    public record Resolved(String email, String pushUrl) {
    }

    /**
     * Replaces the owner's defaults ({@code publicationId} = {@link StoredDestination#DEFAULTS}) or one published
     * model's override; answers 400 naming the field ({@code email}, {@code push.url}, {@code push.secret},
     * {@code publication_id}).
     */
    public StoredDestination save(String ownerId, String publicationId, DestinationSettings s) {
        List<FieldError> errors = new ArrayList<>();
        if (!publicationId.isEmpty() && !PUBLICATION_ID.matcher(publicationId).matches()) {
            errors.add(FieldError.of("publication_id", "must be a published model's id (letters, digits, _ . + -)"));
        }
        String email = blankToNull(s.email());
        if (email != null && (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches())) {
            errors.add(FieldError.of("email", "must be an e-mail address such as trader@example.com"));
        }
        String url = blankToNull(s.pushUrl());
        String secret = s.pushSecret();
        if (url == null && secret != null && !secret.isEmpty()) {
            errors.add(FieldError.of("push.url", "is required with push.secret"));
        }
        if (url != null) {
            if (!isHttpUrl(url)) {
                errors.add(FieldError.of("push.url", "must be an http:// or https:// URL with a host, at most "
                        + MAX_URL + " characters"));
            } else {
                targets.refusal(url).ifPresent(why -> errors.add(FieldError.of("push.url", "may not be used: " + why)));
            }
            if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET) {
                errors.add(FieldError.of("push.secret", "must be " + MIN_SECRET + " to " + MAX_SECRET
                        + " characters (the key of the HMAC-SHA256 signature)"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Invalid destinations", errors);
        }
        byte[] sealed = url == null ? null : sealer.seal(secret);
        repository.save(ownerId, publicationId, email, url, sealed, clock.instant());
        return repository.find(ownerId, publicationId).orElseThrow();
    }

    public List<StoredDestination> list(String ownerId) {
        return repository.list(ownerId);
    }

    /** Where an alert of the owner's published model goes by e-mail and webhook (override first, else defaults). */
    public Resolved resolve(String ownerId, String publicationId) {
        return resolve(repository.find(ownerId, publicationId), repository.find(ownerId, StoredDestination.DEFAULTS));
    }

    /** The owner's destinations read once, to resolve the alerts of many of their published models. */
    public java.util.function.Function<String, Resolved> resolver(String ownerId) {
        java.util.Map<String, StoredDestination> rows = new java.util.HashMap<>();
        repository.list(ownerId).forEach(d -> rows.put(d.publicationId(), d));
        Optional<StoredDestination> defaults = Optional.ofNullable(rows.get(StoredDestination.DEFAULTS));
        return publicationId -> resolve(Optional.ofNullable(rows.get(publicationId)), defaults);
    }

    private static Resolved resolve(Optional<StoredDestination> own, Optional<StoredDestination> defaults) {
        String email = own.map(StoredDestination::email).orElse(null);
        if (email == null) {
            email = defaults.map(StoredDestination::email).orElse(null);
        }
        String push = own.map(StoredDestination::pushUrl).orElse(null);
        if (push == null) {
            push = defaults.map(StoredDestination::pushUrl).orElse(null);
        }
        return new Resolved(email, push);
    }

    static boolean isHttpUrl(String url) {
        if (url.length() > MAX_URL) {
            return false;
        }
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null && !u.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
