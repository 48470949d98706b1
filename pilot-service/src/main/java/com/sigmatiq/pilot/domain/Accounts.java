package com.sigmatiq.pilot.domain;

import com.sigmatiq.kit.web.problem.ConflictException;
import com.sigmatiq.kit.web.problem.FieldError;
import com.sigmatiq.kit.web.problem.InvalidRequestException;
import com.sigmatiq.kit.web.problem.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Live accounts: opening with sealed credentials, ownership (another user's is absent), kill switches. */
@Service
public class Accounts {

    private final PilotStore store;
    private final CredentialSealer sealer;
    private final JsonMapper json;
    private final Clock clock;
    private final PilotProperties.LocalBroker localBroker;

    public Accounts(PilotStore store, CredentialSealer sealer, JsonMapper json, Clock clock, PilotProperties properties) {
        this.store = store;
        this.sealer = sealer;
        this.json = json;
        this.clock = clock;
        this.localBroker = properties.localBroker();
    }

    /**
     * Opens an account; 400 naming each bad field, 409 if the owner already has this broker account. A FIX account
     * without a host reaches the local broker when one is configured, its SenderCompID the account's id.
     */
    public LiveAccount open(String ownerId, NewAccount asked) {
        String id = "acc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        NewAccount request = asked.withLocalBroker(localBroker, id);
        List<FieldError> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("Invalid live account", problems);
        }
        Broker broker = Broker.of(request.broker()).orElseThrow();
        Map<String, String> credentials = request.credentials() == null ? Map.of() : new TreeMap<>(request.credentials());
        byte[] sealed = credentials.isEmpty() ? null : sealer.seal(json.writeValueAsString(credentials));
        LiveAccount account = new LiveAccount(id,
                ownerId, broker, request.accountId(), request.connection(), request.toLimits(), false, "disconnected",
                sealed != null, clock.instant());
        return store.insertAccount(account, sealed).orElseThrow(() -> new ConflictException("Account exists",
                "you already have the " + broker.apiName() + " account '" + request.accountId() + "'"));
    }

    /** The caller's account; another user's is 404, as if absent. */
    public LiveAccount owned(String ownerId, String id) {
        return store.account(id).filter(a -> a.ownerId().equals(ownerId))
                .orElseThrow(() -> new NotFoundException("Not found", "you have no live account '" + id + "'"));
    }

    public List<LiveAccount> list(String ownerId) {
        return store.accounts(ownerId);
    }

    /** Engages or releases the caller's account kill switch. */
    public LiveAccount killSwitch(String ownerId, String id, boolean engaged) {
        LiveAccount a = owned(ownerId, id);
        store.setKillSwitch(a.id(), engaged, ownerId, clock.instant());
        return owned(ownerId, id);
    }

    public boolean globalKillSwitch() {
        return store.globalKillSwitch();
    }

    /** Engages or releases the global kill switch (operators). */
    public void globalKillSwitch(String operatorId, boolean engaged) {
        store.setGlobalKillSwitch(engaged, operatorId, clock.instant());
    }

    /** The opened credentials of an account, for its broker adapter only; never logged, never answered. */
    public Map<String, String> credentials(String accountId) {
        byte[] sealed = store.sealedCredentials(accountId);
        if (sealed == null) {
            return Map.of();
        }
        return json.readValue(sealer.open(sealed), new TypeReference<Map<String, String>>() { });
    }
}
