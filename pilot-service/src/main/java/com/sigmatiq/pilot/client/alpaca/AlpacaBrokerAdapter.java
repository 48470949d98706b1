package com.sigmatiq.pilot.client.alpaca;

import com.sigmatiq.pilot.domain.BrokerAdapter;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.BrokerException;
import com.sigmatiq.pilot.domain.BrokerPosition;
import com.sigmatiq.pilot.domain.ExecutionUpdate;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderTicket;
import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Alpaca account. Orders carry our client order id ({@code client_order_id}); the broker's answer to the order is
 * reported at once, then each open order is polled by its client order id until it is done, a change of
 * {@code filled_qty} reported as a fill of the difference (execution id {@code alpaca:<order id>:<filled_qty>}, so a
 * repeat counts once). The key id and secret go in the {@code APCA-API-KEY-ID} / {@code APCA-API-SECRET-KEY} headers and
 * nowhere else.
 */
final class AlpacaBrokerAdapter implements BrokerAdapter {

    private static final Logger log = LoggerFactory.getLogger(AlpacaBrokerAdapter.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Alpaca's largest {@code limit} for a list of orders. */
    static final int MAX_PAGE = 500;

    private final LiveAccount account;
    private final String keyId;
    private final String secret;
    private final BrokerEvents events;
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, OrderTicket> open = new ConcurrentHashMap<>();
    private final Map<String, Long> filled = new ConcurrentHashMap<>();
    private final Map<String, Double> averages = new ConcurrentHashMap<>();
    private final Duration pollEvery;
    private final int pageSize;
    private volatile ScheduledExecutorService poller;
    private volatile boolean connected;

    AlpacaBrokerAdapter(LiveAccount account, Map<String, String> credentials, BrokerEvents events, Duration pollEvery) {
        this(account, credentials, events, pollEvery, MAX_PAGE);
    }

    /** @param pageSize orders asked for per page of the open orders (at most {@link #MAX_PAGE}) */
    AlpacaBrokerAdapter(LiveAccount account, Map<String, String> credentials, BrokerEvents events, Duration pollEvery,
                        int pageSize) {
        this.pageSize = pageSize;
        this.account = account;
        this.keyId = credentials.getOrDefault("api_key_id", "");
        this.secret = credentials.getOrDefault("api_secret_key", "");
        this.events = events;
        String url = account.connection().baseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.pollEvery = pollEvery;
    }

    @Override
    public synchronized void connect() {
        if (poller != null) {
            return;
        }
        events.connectionState(account.id(), "connecting");
        try {
            HttpResponse<String> r = call(request("/v2/account").GET());
            connected = r.statusCode() == 200;
        } catch (BrokerException e) {
            connected = false;
        }
        events.connectionState(account.id(), connected ? "connected" : "disconnected");
        ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "alpaca-" + account.id());
            t.setDaemon(true);
            return t;
        });
        p.scheduleWithFixedDelay(this::poll, pollEvery.toMillis(), pollEvery.toMillis(), TimeUnit.MILLISECONDS);
        poller = p;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    @Override
    public void send(OrderTicket t) throws BrokerException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", t.ticker());
        body.put("qty", Long.toString(t.quantity()));
        body.put("side", t.side().name().toLowerCase(Locale.ROOT));
        body.put("type", t.type().name().toLowerCase(Locale.ROOT));
        body.put("time_in_force", t.timeInForce().name().toLowerCase(Locale.ROOT));
        if (t.type() == OrderTicket.OrderType.LIMIT) {
            body.put("limit_price", BigDecimal.valueOf(t.limitPrice()).toPlainString());
        }
        body.put("client_order_id", t.clientOrderId());
        HttpResponse<String> r = call(request("/v2/orders").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            open.put(t.clientOrderId(), t);
            report(json.readTree(r.body()));
        } else if (r.statusCode() == 403 || r.statusCode() == 422) {
            // refused outright (buying power, invalid order): a reject, the order does not exist at the broker
            events.execution(account.id(), new ExecutionUpdate(t.clientOrderId(), null, "alpaca:reject:" + t.clientOrderId(),
                    ExecutionUpdate.Kind.REJECTED, OrderState.REJECTED, 0, Double.NaN, 0, Double.NaN, 0, message(r), Instant.now()));
        } else {
            throw new BrokerException("Alpaca answered " + r.statusCode() + " to order " + t.clientOrderId() + ": " + message(r));
        }
    }

    @Override
    public void cancel(OrderTicket t) throws BrokerException {
        Optional<JsonNode> order = find(t.clientOrderId());
        if (order.isEmpty()) {
            throw new BrokerException("Alpaca does not know order " + t.clientOrderId());
        }
        HttpResponse<String> r = call(request("/v2/orders/" + order.get().path("id").asString()).DELETE());
        if (r.statusCode() != 204 && r.statusCode() != 200) {
            throw new BrokerException("Alpaca answered " + r.statusCode() + " to the cancel of " + t.clientOrderId() + ": " + message(r));
        }
        open.put(t.clientOrderId(), t);
    }

    @Override
    public Optional<ExecutionUpdate> lookup(OrderTicket t, Duration timeout) throws BrokerException {
        return find(t.clientOrderId()).map(o -> update(o, ExecutionUpdate.Kind.STATUS, 0, Double.NaN));
    }

    @Override
    public List<BrokerPosition> positions(Duration timeout) throws BrokerException {
        HttpResponse<String> r = call(request("/v2/positions").GET());
        if (r.statusCode() != 200) {
            throw new BrokerException("Alpaca answered " + r.statusCode() + " to GET /v2/positions");
        }
        List<BrokerPosition> out = new ArrayList<>();
        for (JsonNode p : json.readTree(r.body())) {
            long qty = new BigDecimal(p.path("qty").asString("0")).longValue();
            out.add(new BrokerPosition(p.path("symbol").asString(), qty, Double.parseDouble(p.path("avg_entry_price").asString("0"))));
        }
        return out;
    }

    /**
     * {@code GET /v2/orders?status=open}, oldest first, a page at a time: the next page starts just before the last
     * order's {@code submitted_at} ({@code after} is exclusive), so orders submitted in the same instant are not skipped;
     * an order seen twice is kept once.
     */
    @Override
    public List<ExecutionUpdate> openOrders(Duration timeout) throws BrokerException {
        Map<String, ExecutionUpdate> found = new LinkedHashMap<>();
        String after = null;
        while (true) {
            HttpResponse<String> r = call(request("/v2/orders?status=open&limit=" + pageSize + "&direction=asc&nested=false"
                    + (after == null ? "" : "&after=" + URLEncoder.encode(after, StandardCharsets.UTF_8))).GET());
            if (r.statusCode() != 200) {
                throw new BrokerException("Alpaca answered " + r.statusCode() + " to GET /v2/orders: " + message(r));
            }
            JsonNode page = json.readTree(r.body());
            int before = found.size();
            for (JsonNode o : page) {
                found.putIfAbsent(o.path("id").asString(), update(o, ExecutionUpdate.Kind.STATUS, 0, Double.NaN));
            }
            if (page.size() < pageSize) {
                return List.copyOf(found.values());
            }
            if (found.size() == before) {
                throw new BrokerException("Alpaca listed more than " + pageSize + " open orders submitted in one instant");
            }
            after = Instant.parse(page.get(page.size() - 1).path("submitted_at").asString())
                    .minus(1, java.time.temporal.ChronoUnit.MICROS).toString();
        }
    }

    @Override
    public synchronized void close() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        connected = false;
    }

    private Optional<JsonNode> find(String clientOrderId) throws BrokerException {
        HttpResponse<String> r = call(request("/v2/orders:by_client_order_id?client_order_id="
                + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8)).GET());
        if (r.statusCode() == 404) {
            return Optional.empty();
        }
        if (r.statusCode() != 200) {
            throw new BrokerException("Alpaca answered " + r.statusCode() + " to the lookup of " + clientOrderId);
        }
        return Optional.of(json.readTree(r.body()));
    }

    private void poll() {
        for (String id : List.copyOf(open.keySet())) {
            try {
                find(id).ifPresent(this::report);
            } catch (BrokerException | RuntimeException e) {
                log.debug("account {}: polling {} failed: {}", account.id(), id, e.getMessage());
            }
        }
    }

    /** Reports an order as Alpaca shows it: a fill for any new filled quantity, else its state. */
    private void report(JsonNode o) {
        String cid = o.path("client_order_id").asString();
        long now = quantity(o.path("filled_qty"));
        long before = filled.getOrDefault(cid, 0L);
        double avg = price(o.path("filled_avg_price"));
        ExecutionUpdate u;
        if (now > before) {
            double prevAvg = averages.getOrDefault(cid, 0.0);
            double px = (avg * now - prevAvg * before) / (now - before);
            u = update(o, null, now - before, Math.round(px * 10_000) / 10_000.0);
            filled.put(cid, now);
            averages.put(cid, avg);
        } else {
            u = update(o, null, 0, Double.NaN);
        }
        if (u.state().terminal()) {
            open.remove(cid);
        }
        events.execution(account.id(), u);
    }

    private ExecutionUpdate update(JsonNode o, ExecutionUpdate.Kind forced, long lastQty, double lastPx) {
        OrderState state = switch (o.path("status").asString("")) {
            case "partially_filled" -> OrderState.PARTIALLY_FILLED;
            case "filled" -> OrderState.FILLED;
            case "canceled" -> OrderState.CANCELLED;
            case "expired" -> OrderState.EXPIRED;
            case "rejected" -> OrderState.REJECTED;
            case "pending_new" -> OrderState.SENT;
            default -> quantity(o.path("filled_qty")) > 0 ? OrderState.PARTIALLY_FILLED : OrderState.ACKNOWLEDGED;
        };
        ExecutionUpdate.Kind kind = forced != null ? forced : lastQty > 0
                ? (state == OrderState.FILLED ? ExecutionUpdate.Kind.FILL : ExecutionUpdate.Kind.PARTIAL_FILL)
                : switch (state) {
                    case CANCELLED -> ExecutionUpdate.Kind.CANCELLED;
                    case EXPIRED -> ExecutionUpdate.Kind.EXPIRED;
                    case REJECTED -> ExecutionUpdate.Kind.REJECTED;
                    default -> ExecutionUpdate.Kind.NEW;
                };
        long cum = quantity(o.path("filled_qty"));
        String at = o.path("filled_at").asString(null);
        if (at == null) {
            at = o.path("updated_at").asString(null);
        }
        return new ExecutionUpdate(o.path("client_order_id").asString(), o.path("id").asString(null),
                "alpaca:" + o.path("id").asString() + ":" + cum + (lastQty > 0 ? "" : ":" + state.apiName()), kind, state,
                lastQty, lastPx, cum, cum > 0 ? price(o.path("filled_avg_price")) : Double.NaN, 0, null,
                at == null ? Instant.now() : Instant.parse(at));
    }

    private static long quantity(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? 0 : new BigDecimal(n.asString("0")).longValue();
    }

    private static double price(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? Double.NaN : Double.parseDouble(n.asString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("APCA-API-KEY-ID", keyId).header("APCA-API-SECRET-KEY", secret).header("Accept", "application/json");
    }

    private HttpResponse<String> call(HttpRequest.Builder r) throws BrokerException {
        try {
            return http.send(r.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BrokerException("Alpaca cannot be reached: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerException("interrupted while calling Alpaca");
        }
    }

    private String message(HttpResponse<String> r) {
        try {
            return json.readTree(r.body()).path("message").asString("status " + r.statusCode());
        } catch (RuntimeException e) {
            return "status " + r.statusCode();
        }
    }
}
