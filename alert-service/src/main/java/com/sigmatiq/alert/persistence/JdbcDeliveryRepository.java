package com.sigmatiq.alert.persistence;

import com.sigmatiq.alert.domain.Delivery;
import com.sigmatiq.alert.domain.DeliveryRepository;
import com.sigmatiq.alert.domain.DueDelivery;
import com.sigmatiq.alert.domain.RoutingView;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@link DeliveryRepository} on PostgreSQL (schema {@code alert}). A claim is one statement: the due rows are locked
 * with {@code for update skip locked} (two dispatchers never take the same row), stamped with a claim id and a lease,
 * and returned with their alert document, publication name and, for webhooks, the sealed secret.
 */
@Repository
class JdbcDeliveryRepository implements DeliveryRepository {

    private static final String OPEN = "status in ('pending', 'retrying')";
    private static final String UNHELD = "(lease_until is null or lease_until <= :now)";

    private final JdbcClient jdbc;

    JdbcDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(List<Delivery> deliveries, Instant now) {
        for (Delivery d : deliveries) {
            jdbc.sql("""
                    insert into deliveries (alert_id, destination, target, status, attempts, next_attempt_at, valid_until, updated_at)
                    values (?, ?, ?, 'pending', 0, ?, ?, ?) on conflict (alert_id, destination) do nothing""")
                    .params(d.alertId(), d.destination(), d.target(), ts(now), ts(d.validUntil()), ts(now)).update();
        }
    }

    @Override
    public List<DueDelivery> claim(String destination, int limit, Instant now, Duration lease) {
        UUID claim = UUID.randomUUID();
        return jdbc.sql("""
                with due as (
                    select alert_id, destination from deliveries
                    where destination = :destination and %s and next_attempt_at <= :now and valid_until > :now and %s
                    order by next_attempt_at
                    limit :limit
                    for update skip locked)
                update deliveries d
                set claim_id = :claim, lease_until = :leaseUntil, attempts = d.attempts + 1, updated_at = :now
                from due, alerts a, publications p
                where d.alert_id = due.alert_id and d.destination = due.destination
                  and a.alert_id = d.alert_id and p.id = a.publication_id
                returning d.alert_id, d.destination, d.target, d.attempts, d.valid_until, d.claim_id, a.owner_id,
                          a.publication_id, p.name, a.alert::text as alert_json,
                          case when d.destination = 'mobile_push' then coalesce(
                              (select o.push_secret_sealed from destinations o where o.owner_id = a.owner_id
                                  and o.publication_id = a.publication_id and o.push_url = d.target),
                              (select g.push_secret_sealed from destinations g where g.owner_id = a.owner_id
                                  and g.publication_id = '' and g.push_url = d.target)) end as push_secret_sealed
                """.formatted(OPEN, UNHELD))
                .param("destination", destination).param("now", ts(now)).param("limit", limit)
                .param("claim", claim).param("leaseUntil", ts(now.plus(lease)))
                .query((rs, i) -> new DueDelivery(rs.getString("alert_id"), rs.getString("destination"),
                        rs.getString("target"), rs.getInt("attempts"), rs.getTimestamp("valid_until").toInstant(),
                        rs.getObject("claim_id", UUID.class), rs.getString("owner_id"), rs.getString("publication_id"),
                        rs.getString("name"), rs.getString("alert_json"), rs.getBytes("push_secret_sealed")))
                .list();
    }

    @Override
    public int expireDue(Instant now) {
        return jdbc.sql("""
                update deliveries set status = 'expired', claim_id = null, lease_until = null, updated_at = :now,
                    last_error = coalesce(last_error, 'not delivered before valid_until')
                where %s and valid_until <= :now and %s""".formatted(OPEN, UNHELD))
                .param("now", ts(now)).update();
    }

    @Override
    public boolean markSent(DueDelivery d, Instant now) {
        return settle(d, "status = 'sent', sent_at = :now, last_error = null", Map.of(), now);
    }

    @Override
    public boolean markFinal(DueDelivery d, String status, String error, Instant now) {
        if (!status.equals(Delivery.FAILED) && !status.equals(Delivery.EXPIRED)) {
            throw new IllegalArgumentException("not a final status: " + status);
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("status", status);
        p.put("error", error);
        return settle(d, "status = :status, last_error = :error", p, now);
    }

    @Override
    public boolean markRetrying(DueDelivery d, Instant nextAttemptAt, String error, Instant now) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("next", ts(nextAttemptAt));
        p.put("error", error);
        return settle(d, "status = 'retrying', next_attempt_at = :next, last_error = :error", p, now);
    }

    private boolean settle(DueDelivery d, String set, Map<String, Object> params, Instant now) {
        JdbcClient.StatementSpec s = jdbc.sql("update deliveries set " + set
                        + ", claim_id = null, lease_until = null, updated_at = :now"
                        + " where alert_id = :alertId and destination = :destination and claim_id = :claim")
                .param("now", ts(now)).param("alertId", d.alertId()).param("destination", d.destination())
                .param("claim", d.claimId());
        for (Map.Entry<String, Object> e : params.entrySet()) {
            s = s.param(e.getKey(), e.getValue());
        }
        return s.update() == 1;
    }

    @Override
    public Map<String, RoutingView> routing(Collection<String> alertIds) {
        Map<String, List<RoutingView.Destination>> rows = new LinkedHashMap<>();
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        jdbc.sql("""
                select alert_id, destination, status, attempts, sent_at, updated_at, next_attempt_at, last_error
                from deliveries where alert_id in (:ids)
                order by alert_id, case destination when 'sigma_sim' then 0 when 'sigma_pilot' then 1
                    when 'user_email' then 2 when 'mobile_push' then 3 else 4 end""")
                .param("ids", List.copyOf(alertIds))
                .query(rs -> {
                    String status = rs.getString("status");
                    Timestamp sent = rs.getTimestamp("sent_at");
                    boolean open = status.equals(Delivery.PENDING) || status.equals(Delivery.RETRYING);
                    rows.computeIfAbsent(rs.getString("alert_id"), k -> new ArrayList<>()).add(new RoutingView.Destination(
                            rs.getString("destination"), status, rs.getInt("attempts"),
                            (sent != null ? sent : rs.getTimestamp("updated_at")).toInstant(),
                            open ? rs.getTimestamp("next_attempt_at").toInstant() : null, rs.getString("last_error")));
                });
        Map<String, RoutingView> out = new LinkedHashMap<>();
        rows.forEach((id, list) -> out.put(id, new RoutingView(List.copyOf(list))));
        return out;
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.from(i);
    }
}
