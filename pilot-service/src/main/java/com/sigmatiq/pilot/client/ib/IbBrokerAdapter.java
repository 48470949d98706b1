package com.sigmatiq.pilot.client.ib;

import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.BrokerException;
import com.sigmatiq.pilot.domain.BrokerPosition;
import com.sigmatiq.pilot.domain.ExecutionUpdate;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderTicket;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Interactive Brokers account through the Client Portal gateway (which holds the login). An order is placed with
 * {@code cOID} = our client order id; each reply question the gateway asks is confirmed (the checks were ours); the
 * order is then followed in the live orders ({@code order_ref} = our client order id), a change of
 * {@code filledQuantity} reported as a fill of the difference (execution id {@code ib:<orderId>:<filled>}). The
 * session is kept alive with {@code POST /tickle}.
 */
final class IbBrokerAdapter implements BrokerAdapter {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_REPLIES = 5;

    private final LiveAccount account;
    private final BrokerEvents events;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Long> conids = new ConcurrentHashMap<>();
    private final Map<String, OrderTicket> open = new ConcurrentHashMap<>();
    private final Map<String, Long> filled = new ConcurrentHashMap<>();
    private final Map<String, Double> averages = new ConcurrentHashMap<>();
    private final Duration pollEvery;
    private final Duration tickleEvery;
    private volatile ScheduledExecutorService timers;
    private volatile boolean connected;

    IbBrokerAdapter(LiveAccount account, BrokerEvents events, Duration pollEvery, Duration tickleEvery) {
        this.account = account;
        this.events = events;
        String url = account.connection().baseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pollEvery = pollEvery;
        this.tickleEvery = tickleEvery;
    }

    @Override
    public synchronized void connect() {
        if (timers != null) {
            return;
        }
        events.connectionState(account.id(), "connecting");
        tickle();
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "ib-" + account.id());
            th.setDaemon(true);
            return th;
        });
        t.scheduleWithFixedDelay(this::tickle, tickleEvery.toMillis(), tickleEvery.toMillis(), TimeUnit.MILLISECONDS);
        t.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        timers = t;
    }

    /** {@code POST /tickle}: keeps the gateway's session; authenticated and connected means we can trade. */
    void tickle() {
        boolean was = connected;
        try {
            HttpResponse<String> r = call(request("/v1/api/tickle").POST(HttpRequest.BodyPublishers.noBody()));
            JsonNode status = r.statusCode() == 200 ? json.readTree(r.body()).path("iserver").path("authStatus") : null;
            connected = status != null && status.path("authenticated").asBoolean(false) && status.path("connected").asBoolean(false);
        } catch (BrokerException | RuntimeException e) {
            connected = false;
        }
        if (connected != was || timers == null) {
            events.connectionState(account.id(), connected ? "connected" : "disconnected");
        }
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void send(OrderTicket t) throws BrokerException {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("acctId", account.accountId());
        order.put("conid", conid(t.ticker()));
        order.put("cOID", t.clientOrderId());
        order.put("orderType", t.type() == OrderTicket.OrderType.LIMIT ? "LMT" : "MKT");
        if (t.type() == OrderTicket.OrderType.LIMIT) {
            order.put("price", t.limitPrice());
        }
        order.put("side", t.side().name());
        order.put("tif", t.timeInForce().name());
        order.put("quantity", t.quantity());
        HttpResponse<String> r = call(request("/v1/api/iserver/account/" + enc(account.accountId()) + "/orders")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("orders", List.of(order))))));
        for (int i = 0; ; i++) {
            if (r.statusCode() != 200) {
                String error = errorOf(r);
                if (r.statusCode() == 400 || r.statusCode() == 422) {
                    reject(t, error);
                    return;
                }
                throw new BrokerException("IB answered " + r.statusCode() + " to order " + t.clientOrderId() + ": " + error);
            }
            JsonNode answer = json.readTree(r.body());
            JsonNode first = answer.isArray() && !answer.isEmpty() ? answer.get(0) : answer;
            if (first.has("order_id")) {
                open.put(t.clientOrderId(), t);
                events.execution(account.id(), new ExecutionUpdate(t.clientOrderId(), first.path("order_id").asString(),
                        "ib:" + first.path("order_id").asString() + ":placed", ExecutionUpdate.Kind.NEW, OrderState.ACKNOWLEDGED,
                        0, Double.NaN, 0, Double.NaN, 0, null, Instant.now()));
                return;
            }
            if (first.has("error")) {
                reject(t, first.path("error").asString());
                return;
            }
            if (!first.has("id") || i >= MAX_REPLIES) {
                throw new BrokerException("IB gave no order id for " + t.clientOrderId());
            }
            // a reply question (e.g. a price or size warning): our checks ran before; confirm it
            r = call(request("/v1/api/iserver/reply/" + enc(first.path("id").asString())).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"confirmed\":true}")));
        }
    }

    @Override
    public void cancel(OrderTicket t) throws BrokerException {
        JsonNode o = live(t.clientOrderId()).orElseThrow(() -> new BrokerException("IB shows no live order " + t.clientOrderId()));
        HttpResponse<String> r = call(request("/v1/api/iserver/account/" + enc(account.accountId()) + "/order/"
                + enc(o.path("orderId").asString())).DELETE());
        if (r.statusCode() != 200) {
            throw new BrokerException("IB answered " + r.statusCode() + " to the cancel of " + t.clientOrderId());
        }
        open.put(t.clientOrderId(), t);
    }

    @Override
    public Optional<ExecutionUpdate> lookup(OrderTicket t, Duration timeout) throws BrokerException {
        return live(t.clientOrderId()).map(o -> update(o, 0, Double.NaN, true));
    }

    @Override
    public List<BrokerPosition> positions(Duration timeout) throws BrokerException {
        HttpResponse<String> r = call(request("/v1/api/portfolio/" + enc(account.accountId()) + "/positions/0").GET());
        if (r.statusCode() != 200) {
            throw new BrokerException("IB answered " + r.statusCode() + " to the positions request");
        }
        List<BrokerPosition> out = new ArrayList<>();
        for (JsonNode p : json.readTree(r.body())) {
            out.add(new BrokerPosition(p.path("contractDesc").asString(), (long) p.path("position").asDouble(),
                    p.path("avgCost").asDouble()));
        }
        return out;
    }

    /**
     * The gateway's live orders ({@code GET /iserver/account/orders}: the session's orders, working or done today) of
     * this account that are still working. An order placed outside Sigmatiq has no {@code order_ref}.
     */
    @Override
    public List<ExecutionUpdate> openOrders(Duration timeout) throws BrokerException {
        HttpResponse<String> r = call(request("/v1/api/iserver/account/orders").GET());
        if (r.statusCode() != 200) {
            throw new BrokerException("IB answered " + r.statusCode() + " to the live orders request");
        }
        List<ExecutionUpdate> out = new ArrayList<>();
        for (JsonNode o : json.readTree(r.body()).path("orders")) {
            if (account.accountId().equals(o.path("acct").asString(null))) {
                ExecutionUpdate u = update(o, 0, Double.NaN, true);
                if (!u.state().terminal()) {
                    out.add(u);
                }
            }
        }
        return out;
    }

    @Override
    public synchronized void close() {
        if (timers != null) {
            timers.shutdownNow();
            timers = null;
        }
        connected = false;
    }

    private void reject(OrderTicket t, String reason) {
        events.execution(account.id(), new ExecutionUpdate(t.clientOrderId(), null, "ib:reject:" + t.clientOrderId(),
                ExecutionUpdate.Kind.REJECTED, OrderState.REJECTED, 0, Double.NaN, 0, Double.NaN, 0, reason, Instant.now()));
    }

    private long conid(String ticker) throws BrokerException {
        Long known = conids.get(ticker);
        if (known != null) {
            return known;
        }
        HttpResponse<String> r = call(request("/v1/api/iserver/secdef/search?symbol=" + enc(ticker)).GET());
        JsonNode found = r.statusCode() == 200 ? json.readTree(r.body()) : null;
        if (found == null || !found.isArray() || found.isEmpty() || !found.get(0).has("conid")) {
            throw new BrokerException("IB knows no contract for " + ticker);
        }
        long conid = Long.parseLong(found.get(0).path("conid").asString());
        conids.put(ticker, conid);
        return conid;
    }

    /** The live order with {@code order_ref} = our client order id, if IB shows one. */
    private Optional<JsonNode> live(String clientOrderId) throws BrokerException {
        HttpResponse<String> r = call(request("/v1/api/iserver/account/orders").GET());
        if (r.statusCode() != 200) {
            throw new BrokerException("IB answered " + r.statusCode() + " to the live orders request");
        }
        for (JsonNode o : json.readTree(r.body()).path("orders")) {
            if (clientOrderId.equals(o.path("order_ref").asString(null))) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    private void poll() {
        if (open.isEmpty()) {
            return;
        }
        try {
            HttpResponse<String> r = call(request("/v1/api/iserver/account/orders").GET());
            if (r.statusCode() != 200) {
                return;
            }
            for (JsonNode o : json.readTree(r.body()).path("orders")) {
                String cid = o.path("order_ref").asString(null);
                if (cid == null || !open.containsKey(cid)) {
                    continue;
                }
                long now = (long) o.path("filledQuantity").asDouble();
                long before = filled.getOrDefault(cid, 0L);
                double avg = o.path("avgPrice").isMissingNode() ? Double.NaN : Double.parseDouble(o.path("avgPrice").asString("0"));
                ExecutionUpdate u;
                if (now > before) {
                    double px = (avg * now - averages.getOrDefault(cid, 0.0) * before) / (now - before);
                    u = update(o, now - before, Math.round(px * 10_000) / 10_000.0, false);
                    filled.put(cid, now);
                    averages.put(cid, avg);
                } else {
                    u = update(o, 0, Double.NaN, false);
                }
                if (u.state().terminal()) {
                    open.remove(cid);
                }
                events.execution(account.id(), u);
            }
        } catch (BrokerException | RuntimeException e) {
            // next round
        }
    }

    private ExecutionUpdate update(JsonNode o, long lastQty, double lastPx, boolean status) {
        long cum = (long) o.path("filledQuantity").asDouble();
        OrderState state = switch (o.path("status").asString("")) {
            case "Filled" -> OrderState.FILLED;
            case "Cancelled", "ApiCancelled" -> OrderState.CANCELLED;
            case "Inactive" -> OrderState.REJECTED;
            case "PendingSubmit" -> OrderState.SENT;
            default -> cum > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ACKNOWLEDGED;
        };
        ExecutionUpdate.Kind kind = status ? ExecutionUpdate.Kind.STATUS : lastQty > 0
                ? (state == OrderState.FILLED ? ExecutionUpdate.Kind.FILL : ExecutionUpdate.Kind.PARTIAL_FILL)
                : switch (state) {
                    case CANCELLED -> ExecutionUpdate.Kind.CANCELLED;
                    case REJECTED -> ExecutionUpdate.Kind.REJECTED;
                    default -> ExecutionUpdate.Kind.NEW;
                };
        String orderId = o.path("orderId").asString();
        double avg = cum > 0 ? Double.parseDouble(o.path("avgPrice").asString("0")) : Double.NaN;
        return new ExecutionUpdate(o.path("order_ref").asString(null), orderId,
                "ib:" + orderId + ":" + cum + (lastQty > 0 ? "" : ":" + state.apiName()), kind, state, lastQty, lastPx, cum, avg,
                0, null, Instant.now());
    }

    private String errorOf(HttpResponse<String> r) {
        try {
            return json.readTree(r.body()).path("error").asString("status " + r.statusCode());
        } catch (RuntimeException e) {
            return "status " + r.statusCode();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).header("Accept", "application/json");
    }

    private HttpResponse<String> call(HttpRequest.Builder r) throws BrokerException {
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BrokerException("the IB Client Portal gateway cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while calling IB");
        }
    }
}
