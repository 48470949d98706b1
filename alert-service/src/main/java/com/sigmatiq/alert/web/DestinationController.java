package com.sigmatiq.alert.web;

import com.sigmatiq.alert.domain.DestinationService;
import com.sigmatiq.alert.domain.DestinationSettings;
import com.sigmatiq.alert.domain.StoredDestination;
import com.sigmatiq.kit.web.security.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the caller's alerts go: their defaults, and overrides per published model. The webhook secret is write-only:
 * answers say {@code secret_set} and never the secret.
 */
@RestController
@RequestMapping("/alerts/destinations")
class DestinationController {

    private final DestinationService destinations;

    DestinationController(DestinationService destinations) {
        this.destinations = destinations;
    }

    /** {@code {"email": "...", "push": {"url": "https://...", "secret": "..."}}}; null or absent clears a part. */
    record DestinationRequest(String email, Push push) {
        record Push(String url, String secret) {
        }
    }

    record PushView(String url, boolean secretSet) {
    }

    record ScopeView(String publicationId, String email, PushView push, Instant updatedAt) {
        static ScopeView of(StoredDestination d) {
            return new ScopeView(d.publicationId().isEmpty() ? null : d.publicationId(), d.email(),
                    d.pushUrl() == null ? null : new PushView(d.pushUrl(), d.pushSecretSealed() != null), d.updatedAt());
        }
    }

    record DestinationsView(ScopeView defaults, List<ScopeView> overrides) {
    }

    @PutMapping
    ScopeView putDefaults(CurrentUser user, @RequestBody DestinationRequest body) {
        return save(user, StoredDestination.DEFAULTS, body);
    }

    @PutMapping("/{publicationId}")
    ScopeView putOverride(CurrentUser user, @PathVariable String publicationId, @RequestBody DestinationRequest body) {
        return save(user, publicationId, body);
    }

    @GetMapping
    DestinationsView list(CurrentUser user) {
        ScopeView defaults = null;
        List<ScopeView> overrides = new ArrayList<>();
        for (StoredDestination d : destinations.list(user.id())) {
            if (d.publicationId().isEmpty()) {
                defaults = ScopeView.of(d);
            } else {
                overrides.add(ScopeView.of(d));
            }
        }
        return new DestinationsView(defaults, overrides);
    }

    private ScopeView save(CurrentUser user, String publicationId, DestinationRequest body) {
        DestinationRequest.Push push = body.push();
        return ScopeView.of(destinations.save(user.id(), publicationId, new DestinationSettings(body.email(),
                push == null ? null : push.url(), push == null ? null : push.secret())));
    }
}
