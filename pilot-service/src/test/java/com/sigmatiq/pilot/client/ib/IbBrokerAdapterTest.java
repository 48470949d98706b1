package com.sigmatiq.pilot.client.ib;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The IB Client Portal adapter against WireMock answering as the gateway documents: tickle, contract search, an order
 * with {@code cOID} answered by a reply question, the confirmation, live orders with {@code order_ref}, positions, the
 * working orders of the account.
 */
class IbBrokerAdapterTest {

    static final String CID = "alert_pub_spy_momentum_001_20240214_101500_buy";

    WireMockServer ib;
    IbBrokerAdapter adapter;
    final List<ExecutionUpdate> reports = new CopyOnWriteArrayList<>();
    final List<String> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        ib = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        ib.start();
        ib.stubFor(post("/v1/api/tickle").willReturn(okJson("""
                {"session": "bb665d0f55b6289d70bc9a0b5b2e3b81", "ssoExpires": 460311, "collission": false, "userId": 123456789,
                 "hmds": {"error": "no bridge"},
                 "iserver": {"authStatus": {"authenticated": true, "competing": false, "connected": true, "message": "",
                             "MAC": "98:F2:B3:23:BF:A0", "serverInfo": {"serverName": "JifN19053", "serverVersion": "Build 20.0.0"}}}}""")));
        ib.stubFor(get(urlEqualTo("/v1/api/iserver/secdef/search?symbol=SPY")).willReturn(okJson("""
                [{"conid": "756733", "companyHeader": "SPDR S&P 500 ETF TRUST - ARCA", "companyName": "SPDR S&P 500 ETF TRUST",
                  "symbol": "SPY", "description": "ARCA", "restricted": null, "fop": null, "opt": null, "war": null,
                  "sections": [{"secType": "STK"}]}]""")));
        LiveAccount account = new LiveAccount("acc_ib_test", "u1", Broker.INTERACTIVE_BROKERS, "DU123456",
                new Connection(null, null, null, null, ib.baseUrl()), new Limits(50_000, 1_000, 3, 500, 10, 5), false,
                "disconnected", false, Instant.now());
        adapter = new IbBrokerAdapter(account, new BrokerEvents() {
            @Override
            public void execution(String accountId, ExecutionUpdate update) {
                reports.add(update);
            }

            @Override
            public void connectionState(String accountId, String state) {
                states.add(state);
            }
        }, Duration.ofMillis(100), Duration.ofSeconds(60));
        adapter.connect();
    }

    @AfterEach
    void stop() {
        adapter.close();
        ib.stop();
    }

    static String liveOrders(String status, double filled, double remaining, String avg) {
        return """
                {"filters": [], "orders": [{"acct": "DU123456", "conidex": "756733", "conid": 756733, "orderId": 1234568790,
                  "cashCcy": "USD", "sizeAndFills": "%s/2", "orderDesc": "Bought %s Limit 453.50, Day", "description1": "SPY",
                  "ticker": "SPY", "secType": "STK", "listingExchange": "ARCA", "remainingQuantity": %s,
                  "filledQuantity": %s, "companyName": "SPDR S&P 500 ETF TRUST", "status": "%s", "order_ccp_status": "%s",
                  "avgPrice": "%s", "origOrderType": "LIMIT", "supportsTaxOpt": "1", "lastExecutionTime": "240214151545",
                  "orderType": "Limit", "bgColor": "#FFFFFF", "fgColor": "#000000", "order_ref": "%s",
                  "timeInForce": "CLOSE", "lastExecutionTime_r": 1707923745000, "side": "BUY", "price": "453.50"}],
                 "snapshot": true}""".formatted((long) filled, (long) filled, remaining, filled, status, status, avg, CID);
    }

    @Test
    void anOrderIsPlacedWithOurIdConfirmedAndFollowedToItsFill() throws Exception {
        ib.stubFor(post("/v1/api/iserver/account/DU123456/orders").willReturn(okJson("""
                [{"id": "07a13a5a-4a48-44a5-bb25-5ab37b79186c",
                  "message": ["The following order \\"BUY 2 SPY ARCA @ 453.50\\" price exceeds the Percentage constraint of 3%."],
                  "isSuppressed": false, "messageIds": ["o163"]}]""")));
        ib.stubFor(post("/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c").willReturn(okJson("""
                [{"order_id": "1234568790", "order_status": "Submitted", "encrypt_message": "1"}]""")));
        ib.stubFor(get("/v1/api/iserver/account/orders").inScenario("fills").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(liveOrders("Submitted", 1, 1, "453.50"))).willSetStateTo("done"));
        ib.stubFor(get("/v1/api/iserver/account/orders").inScenario("fills").whenScenarioStateIs("done")
                .willReturn(okJson(liveOrders("Filled", 2, 0, "453.60"))));

        assertThat(states).containsExactly("connecting", "connected");
        adapter.send(new OrderTicket(CID, "DU123456", "SPY", OrderTicket.Side.BUY, 2, OrderTicket.OrderType.LIMIT, 453.50,
                OrderTicket.TimeInForce.DAY));
        await().atMost(Duration.ofSeconds(10)).until(() -> reports.stream().anyMatch(r -> r.kind() == Kind.FILL));
        assertThat(reports).extracting(ExecutionUpdate::kind).containsExactly(Kind.NEW, Kind.PARTIAL_FILL, Kind.FILL);
        assertThat(reports.get(0).brokerOrderId()).isEqualTo("1234568790");
        assertThat(reports.get(1).lastQuantity()).isEqualTo(1);
        assertThat(reports.get(1).lastPrice()).isEqualTo(453.5);
        assertThat(reports.get(2).lastPrice()).isEqualTo(453.7);
        assertThat(reports.get(2).state()).isEqualTo(OrderState.FILLED);
        ib.verify(1, postRequestedFor(urlEqualTo("/v1/api/iserver/account/DU123456/orders")).withRequestBody(equalToJson("""
                {"orders": [{"acctId": "DU123456", "conid": 756733, "cOID": "%s", "orderType": "LMT", "price": 453.5,
                             "side": "BUY", "tif": "DAY", "quantity": 2}]}""".formatted(CID))));
        ib.verify(1, postRequestedFor(urlEqualTo("/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c"))
                .withRequestBody(equalToJson("{\"confirmed\": true}")));
    }

    @Test
    void aLookupFindsTheOrderByOrderRefAndAnUnknownOneIsAbsent() throws Exception {
        ib.stubFor(get("/v1/api/iserver/account/orders").willReturn(okJson(liveOrders("Filled", 2, 0, "453.60"))));
        OrderTicket t = new OrderTicket(CID, "DU123456", "SPY", OrderTicket.Side.BUY, 2, OrderTicket.OrderType.LIMIT, 453.50,
                OrderTicket.TimeInForce.DAY);
        ExecutionUpdate u = adapter.lookup(t, Duration.ofSeconds(5)).orElseThrow();
        assertThat(u.kind()).isEqualTo(Kind.STATUS);
        assertThat(u.state()).isEqualTo(OrderState.FILLED);
        assertThat(u.cumulativeQuantity()).isEqualTo(2);
        assertThat(u.averagePrice()).isEqualTo(453.6);
        assertThat(adapter.lookup(new OrderTicket("alert_never_sent", "DU123456", "SPY", OrderTicket.Side.BUY, 1,
                OrderTicket.OrderType.MARKET, Double.NaN, OrderTicket.TimeInForce.DAY), Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void anOrderTheGatewayRefusesIsARejectWithItsError() throws Exception {
        ib.stubFor(post("/v1/api/iserver/account/DU123456/orders").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\": \"Order quantity is invalid\"}")));
        adapter.send(new OrderTicket(CID, "DU123456", "SPY", OrderTicket.Side.BUY, 2, OrderTicket.OrderType.MARKET, Double.NaN,
                OrderTicket.TimeInForce.DAY));
        assertThat(reports).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(Kind.REJECTED);
            assertThat(r.text()).isEqualTo("Order quantity is invalid");
        });
    }

    @Test
    void positionsAndTheKeepAlive() throws Exception {
        ib.stubFor(get("/v1/api/portfolio/DU123456/positions/0").willReturn(okJson("""
                [{"acctId": "DU123456", "conid": 756733, "contractDesc": "SPY", "position": 2.0, "mktPrice": 456.72,
                  "mktValue": 913.44, "currency": "USD", "avgCost": 453.6, "avgPrice": 453.6, "realizedPnl": 0.0,
                  "unrealizedPnl": 6.24, "assetClass": "STK"}]""")));
        assertThat(adapter.positions(Duration.ofSeconds(5))).containsExactly(new BrokerPosition("SPY", 2, 453.6));
        ib.verify(1, postRequestedFor(urlEqualTo("/v1/api/tickle")));
        adapter.tickle();
        ib.verify(2, postRequestedFor(urlEqualTo("/v1/api/tickle")));
        assertThat(adapter.connected()).isTrue();
    }

    /** One entry of the gateway's live orders, as documented. */
    static String liveOrder(String acct, long orderId, String status, double filled, double remaining, String orderRef) {
        return """
                {"acct": "%s", "conidex": "756733", "conid": 756733, "orderId": %d, "cashCcy": "USD",
                 "sizeAndFills": "%s/%s", "orderDesc": "Bought %s Limit 453.50, Day", "description1": "SPY", "ticker": "SPY",
                 "secType": "STK", "listingExchange": "ARCA", "remainingQuantity": %s, "filledQuantity": %s,
                 "companyName": "SPDR S&P 500 ETF TRUST", "status": "%s", "order_ccp_status": "%s", "avgPrice": "453.50",
                 "origOrderType": "LIMIT", "supportsTaxOpt": "1", "lastExecutionTime": "240214151545", "orderType": "Limit",
                 "bgColor": "#FFFFFF", "fgColor": "#000000",%s "timeInForce": "CLOSE", "lastExecutionTime_r": 1707923745000,
                 "side": "BUY", "price": "453.50"}""".formatted(acct, orderId, (long) filled, (long) (filled + remaining),
                (long) filled, remaining, filled, status, status, orderRef == null ? "" : " \"order_ref\": \"" + orderRef + "\",");
    }

    @Test
    void openOrdersAreTheAccountsWorkingLiveOrdersOursOrNot() throws Exception {
        ib.stubFor(get("/v1/api/iserver/account/orders").willReturn(okJson("{\"filters\": [], \"orders\": ["
                + liveOrder("DU123456", 1234568790L, "Submitted", 1, 1, CID) + ","
                + liveOrder("DU123456", 1234568791L, "PreSubmitted", 0, 5, null) + ","          // placed in TWS by hand
                + liveOrder("DU123456", 1234568792L, "Filled", 2, 0, "alert_done_buy") + ","     // done today: not open
                + liveOrder("DU123456", 1234568793L, "Cancelled", 0, 2, "alert_cancelled_buy") + ","
                + liveOrder("DU999999", 1234568794L, "Submitted", 0, 2, "other_account_order")  // another account
                + "], \"snapshot\": true}")));
        List<ExecutionUpdate> open = adapter.openOrders(Duration.ofSeconds(5));
        assertThat(open).extracting(ExecutionUpdate::brokerOrderId).containsExactly("1234568790", "1234568791");
        assertThat(open.get(0).clientOrderId()).isEqualTo(CID);
        assertThat(open.get(0).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(open.get(0).cumulativeQuantity()).isEqualTo(1);
        assertThat(open.get(1).clientOrderId()).isNull();
        assertThat(open.get(1).state()).isEqualTo(OrderState.ACKNOWLEDGED);
        assertThat(reports).isEmpty();
    }

    @Test
    void openOrdersThatCannotBeHadAreAnError() {
        ib.stubFor(get("/v1/api/iserver/account/orders").willReturn(aResponse().withStatus(401)));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> adapter.openOrders(Duration.ofSeconds(5)))
                .isInstanceOf(com.sigmatiq.pilot.domain.BrokerException.class).hasMessageContaining("401");
    }
}
