package com.sigmatiq.pilot.client.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sigmatiq.pilot.domain.Broker;
import com.sigmatiq.pilot.domain.BrokerEvents;
import com.sigmatiq.pilot.domain.BrokerPosition;
import com.sigmatiq.pilot.domain.Connection;
import com.sigmatiq.pilot.domain.ExecutionUpdate;
import com.sigmatiq.pilot.domain.ExecutionUpdate.Kind;
import com.sigmatiq.pilot.domain.Limits;
import com.sigmatiq.pilot.domain.LiveAccount;
import com.sigmatiq.pilot.domain.OrderState;
import com.sigmatiq.pilot.domain.OrderTicket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Alpaca v2 adapter against WireMock answering with the bodies Alpaca documents (order object, 404 and 422 error
 * bodies, position object, list of orders): orders with our client order id, polled fills, lookup, cancel, positions, the
 * open orders page by page, the key headers.
 */
class AlpacaBrokerAdapterTest {

    static final String KEY = "PKTEST0123456789";
    static final String SECRET = "alpaca-secret-9f8e7d6c";
    static final String CID = "alert_pub_spy_momentum_001_20240214_101500_buy";

    WireMockServer alpaca;
    AlpacaBrokerAdapter adapter;
    final List<ExecutionUpdate> reports = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        alpaca = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        alpaca.start();
        alpaca.stubFor(get("/v2/account").willReturn(okJson("""
                {"id": "904837e3-3b76-47ec-b432-046db621571b", "account_number": "PA2Y4Z0J0G3B", "status": "ACTIVE",
                 "currency": "USD", "buying_power": "100000", "cash": "50000", "trading_blocked": false}""")));
        LiveAccount account = new LiveAccount("acc_alpaca_test", "u1", Broker.ALPACA, "PA2Y4Z0J0G3B",
                new Connection(null, null, null, null, alpaca.baseUrl()), new Limits(50_000, 1_000, 3, 500, 10, 5), false,
                "disconnected", true, Instant.now());
        adapter = new AlpacaBrokerAdapter(account, Map.of("api_key_id", KEY, "api_secret_key", SECRET), new BrokerEvents() {
            @Override
            public void execution(String accountId, ExecutionUpdate update) {
                reports.add(update);
            }

            @Override
            public void connectionState(String accountId, String state) {
                states.add(state);
            }
        }, Duration.ofMillis(100));
        adapter.connect();
    }

    @AfterEach
    void stop() {
        adapter.close();
        alpaca.stop();
    }

    static String order(String status, String filledQty, String filledAvg, String filledAt) {
        return """
                {"id": "61e69015-8549-4bfd-b9c3-01e75843f47d", "client_order_id": "%s",
                 "created_at": "2024-02-14T15:15:00.942282Z", "updated_at": "2024-02-14T15:15:45.942282Z",
                 "submitted_at": "2024-02-14T15:15:00.937734Z", "filled_at": %s, "expired_at": null, "canceled_at": null,
                 "failed_at": null, "replaced_at": null, "replaced_by": null, "replaces": null,
                 "asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "SPY", "asset_class": "us_equity",
                 "notional": null, "qty": "2", "filled_qty": "%s", "filled_avg_price": %s, "order_class": "",
                 "order_type": "limit", "type": "limit", "side": "buy", "time_in_force": "day", "limit_price": "453.5",
                 "stop_price": null, "status": "%s", "extended_hours": false, "legs": null, "trail_percent": null,
                 "trail_price": null, "hwm": null}""".formatted(CID, filledAt == null ? "null" : "\"" + filledAt + "\"",
                filledQty, filledAvg == null ? "null" : "\"" + filledAvg + "\"", status);
    }

    static OrderTicket ticket() {
        return new OrderTicket(CID, "PA2Y4Z0J0G3B", "SPY", OrderTicket.Side.BUY, 2, OrderTicket.OrderType.LIMIT, 453.50,
                OrderTicket.TimeInForce.DAY);
    }

    @Test
    void anOrderCarriesOurClientOrderIdAndItsFillsArePolledPartByPart() throws Exception {
        alpaca.stubFor(post("/v2/orders").willReturn(okJson(order("accepted", "0", null, null))));
        String byCid = "/v2/orders:by_client_order_id?client_order_id=" + CID;
        alpaca.stubFor(get(urlEqualTo(byCid)).inScenario("fills").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(order("partially_filled", "1", "453.5", null))).willSetStateTo("partial"));
        alpaca.stubFor(get(urlEqualTo(byCid)).inScenario("fills").whenScenarioStateIs("partial")
                .willReturn(okJson(order("filled", "2", "453.6", "2024-02-14T15:15:45.942282Z"))));

        assertThat(states).containsExactly("connecting", "connected");
        adapter.send(ticket());
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().anyMatch(r -> r.kind() == Kind.FILL));
        assertThat(reports).extracting(ExecutionUpdate::kind).containsExactly(Kind.NEW, Kind.PARTIAL_FILL, Kind.FILL);
        assertThat(reports.get(0).state()).isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(reports.get(1).lastQuantity()).isEqualTo(1);
        assertThat(reports.get(1).lastPrice()).isEqualTo(453.5);
        assertThat(reports.get(2).lastQuantity()).isEqualTo(1);
        assertThat(reports.get(2).lastPrice()).isEqualTo(453.7);      // 2 × 453.6 − 453.5
        assertThat(reports.get(2).cumulativeQuantity()).isEqualTo(2);
        assertThat(reports.get(2).time()).isEqualTo(Instant.parse("2024-02-14T15:15:45.942282Z"));
        assertThat(reports).extracting(ExecutionUpdate::executionId).doesNotHaveDuplicates();
        assertThat(reports.get(0).brokerOrderId()).isEqualTo("61e69015-8549-4bfd-b9c3-01e75843f47d");

        alpaca.verify(1, postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("APCA-API-KEY-ID", equalTo(KEY)).withHeader("APCA-API-SECRET-KEY", equalTo(SECRET))
                .withRequestBody(equalToJson("""
                        {"symbol": "SPY", "qty": "2", "side": "buy", "type": "limit", "time_in_force": "day",
                         "limit_price": "453.5", "client_order_id": "%s"}""".formatted(CID))));
    }

    @Test
    void aLookupFindsAKnownOrderAndReportsAnUnknownOneAsAbsent() throws Exception {
        alpaca.stubFor(get(urlEqualTo("/v2/orders:by_client_order_id?client_order_id=" + CID))
                .willReturn(okJson(order("new", "0", null, null))));
        alpaca.stubFor(get(urlEqualTo("/v2/orders:by_client_order_id?client_order_id=alert_never_sent"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 40410000, \"message\": \"order not found for alert_never_sent\"}")));
        ExecutionUpdate known = adapter.lookup(ticket(), Duration.ofSeconds(5)).orElseThrow();
        assertThat(known.kind()).isEqualTo(Kind.STATUS);
        assertThat(known.state()).isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(adapter.lookup(new OrderTicket("alert_never_sent", "PA", "SPY", OrderTicket.Side.BUY, 1,
                OrderTicket.OrderType.MARKET, Double.NaN, OrderTicket.TimeInForce.DAY), Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void anOrderRefusedWith422IsARejectWithAlpacasMessage() throws Exception {
        alpaca.stubFor(post("/v2/orders").willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 42210000, \"message\": \"qty must be > 0\"}")));
        adapter.send(ticket());
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.REJECTED);
            assertThat(r.text()).isEqualTo("qty must be > 0");
        });
    }

    @Test
    void aCancelDeletesTheOrderFoundByClientOrderId() throws Exception {
        alpaca.stubFor(get(urlEqualTo("/v2/orders:by_client_order_id?client_order_id=" + CID)).inScenario("cancel")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(okJson(order("new", "0", null, null))));
        alpaca.stubFor(delete("/v2/orders/61e69015-8549-4bfd-b9c3-01e75843f47d").inScenario("cancel")
                .willReturn(aResponse().withStatus(204)).willSetStateTo("cancelled"));
        alpaca.stubFor(get(urlEqualTo("/v2/orders:by_client_order_id?client_order_id=" + CID)).inScenario("cancel")
                .whenScenarioStateIs("cancelled").willReturn(okJson(order("canceled", "0", null, null))));
        adapter.cancel(ticket());
        alpaca.verify(1, deleteRequestedFor(urlEqualTo("/v2/orders/61e69015-8549-4bfd-b9c3-01e75843f47d")));
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().anyMatch(r -> r.kind() == Kind.CANCELLED));
    }

    @Test
    void positionsAreReadInWholeShares() throws Exception {
        alpaca.stubFor(get("/v2/positions").willReturn(okJson("""
                [{"asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "SPY", "exchange": "ARCA",
                  "asset_class": "us_equity", "avg_entry_price": "453.6", "qty": "2", "qty_available": "2", "side": "long",
                  "market_value": "913.44", "cost_basis": "907.2", "unrealized_pl": "6.24", "unrealized_plpc": "0.0068783069",
                  "current_price": "456.72", "lastday_price": "455.1", "change_today": "0.0035596572"}]""")));
        assertThat(adapter.positions(Duration.ofSeconds(5))).containsExactly(new BrokerPosition("SPY", 2, 453.6));
    }

    /** One order of {@code GET /v2/orders} as Alpaca documents the order object. */
    static String listed(String id, String clientOrderId, String status, String filledQty, String submittedAt) {
        return """
                {"id": "%s", "client_order_id": "%s", "created_at": "%s", "updated_at": "%s", "submitted_at": "%s",
                 "filled_at": null, "expired_at": null, "canceled_at": null, "failed_at": null, "replaced_at": null,
                 "replaced_by": null, "replaces": null, "asset_id": "b0b6dd9d-8b9b-48a9-ba46-b9d54906e415", "symbol": "SPY",
                 "asset_class": "us_equity", "notional": null, "qty": "2", "filled_qty": "%s",
                 "filled_avg_price": %s, "order_class": "", "order_type": "limit", "type": "limit", "side": "buy",
                 "time_in_force": "day", "limit_price": "453.5", "stop_price": null, "status": "%s", "extended_hours": false,
                 "legs": null, "trail_percent": null, "trail_price": null, "hwm": null}""".formatted(id, clientOrderId,
                submittedAt, submittedAt, submittedAt, filledQty, "0".equals(filledQty) ? "null" : "\"453.5\"", status);
    }

    @Test
    void openOrdersAreEveryOpenOrderOfTheAccountWithItsClientOrderId() throws Exception {
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).willReturn(okJson("["
                + listed("61e69015-8549-4bfd-b9c3-01e75843f47d", CID, "partially_filled", "1", "2024-02-14T15:15:00.937734Z") + ","
                + listed("904837e3-3b76-47ec-b432-046db621571b", "desk-manual-7", "new", "0", "2024-02-14T15:16:02.113390Z")
                + "]")));
        List<ExecutionUpdate> open = adapter.openOrders(Duration.ofSeconds(5));
        assertThat(open).extracting(ExecutionUpdate::clientOrderId).containsExactly(CID, "desk-manual-7");
        assertThat(open).extracting(ExecutionUpdate::state).containsExactly(OrderState.PARTIALLY_FILLED, OrderState.ACKNOWLEDGED);
        assertThat(open).extracting(ExecutionUpdate::kind).containsOnly(Kind.STATUS);
        assertThat(open.get(0).cumulativeQuantity()).isEqualTo(1);
        assertThat(open.get(1).brokerOrderId()).isEqualTo("904837e3-3b76-47ec-b432-046db621571b");
        alpaca.verify(1, getRequestedFor(urlPathEqualTo("/v2/orders")).withQueryParam("status", equalTo("open"))
                .withQueryParam("limit", equalTo("500")).withQueryParam("direction", equalTo("asc"))
                .withQueryParam("after", absent()).withHeader("APCA-API-KEY-ID", equalTo(KEY)));
        assertThat(reports).isEmpty();   // a listing reports nothing by itself: the reconciler compares it
    }

    @Test
    void openOrdersArePagedFromJustBeforeTheLastOrderSoNoneIsSkippedAndNoneCountedTwice() throws Exception {
        adapter.close();
        adapter = new AlpacaBrokerAdapter(new LiveAccount("acc_alpaca_test", "u1", Broker.ALPACA, "PA2Y4Z0J0G3B",
                new Connection(null, null, null, null, alpaca.baseUrl()), new Limits(50_000, 1_000, 3, 500, 10, 5), false,
                "disconnected", true, Instant.now()), Map.of("api_key_id", KEY, "api_secret_key", SECRET), new BrokerEvents() {
                    @Override
                    public void execution(String accountId, ExecutionUpdate update) {
                    }

                    @Override
                    public void connectionState(String accountId, String state) {
                    }
                }, Duration.ofSeconds(60), 3);
        String a = listed("00000000-0000-4000-8000-00000000000a", "cid-a", "new", "0", "2024-02-14T15:15:00.000001Z");
        String b = listed("00000000-0000-4000-8000-00000000000b", "cid-b", "new", "0", "2024-02-14T15:15:00.000002Z");
        String c = listed("00000000-0000-4000-8000-00000000000c", "cid-c", "new", "0", "2024-02-14T15:15:00.000003Z");
        String d = listed("00000000-0000-4000-8000-00000000000d", "cid-d", "new", "0", "2024-02-14T15:15:00.000003Z");
        String e = listed("00000000-0000-4000-8000-00000000000e", "cid-e", "accepted", "0", "2024-02-14T15:15:00.000004Z");
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("limit", equalTo("3"))
                .withQueryParam("after", absent()).willReturn(okJson("[" + a + "," + b + "," + c + "]")));
        // c and d were submitted in the same microsecond, d on the next page: it starts 1 µs before c and repeats it
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("after", equalTo("2024-02-14T15:15:00.000002Z"))
                .willReturn(okJson("[" + c + "," + d + "," + e + "]")));
        alpaca.stubFor(get(urlPathEqualTo("/v2/orders")).withQueryParam("after", equalTo("2024-02-14T15:15:00.000003Z"))
                .willReturn(okJson("[" + e + "]")));

        assertThat(adapter.openOrders(Duration.ofSeconds(5))).extracting(ExecutionUpdate::clientOrderId)
                .containsExactly("cid-a", "cid-b", "cid-c", "cid-d", "cid-e");
    }
}
