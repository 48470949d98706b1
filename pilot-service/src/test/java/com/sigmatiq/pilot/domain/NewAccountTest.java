package com.sigmatiq.pilot.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NewAccountTest {

    private static final NewAccount.RequestedLimits LIMITS = new NewAccount.RequestedLimits(50_000.0, 1_000.0, 3, 500.0, 10, null);
    private static final PilotProperties.LocalBroker LOCAL = new PilotProperties.LocalBroker("localhost", 9878, "LOCALBROKER");

    @Test
    void aFixAccountWithoutAHostReachesTheLocalBrokerUnderItsOwnSenderCompId() {
        NewAccount bare = new NewAccount("fix", "LOCAL1", null, Map.of("password", "p"), LIMITS);
        assertThat(bare.problems()).extracting(e -> e.field()).containsExactly("connection");

        NewAccount local = bare.withLocalBroker(LOCAL, "acc_0123");

        assertThat(local.problems()).isEmpty();
        assertThat(local.connection()).isEqualTo(new Connection("localhost", 9878, "acc_0123", "LOCALBROKER", null));
        NewAccount chosen = new NewAccount("fix", "LOCAL1", new Connection(null, null, "MYDESK", null, null), null, LIMITS)
                .withLocalBroker(LOCAL, "acc_0123");
        assertThat(chosen.connection().senderCompId()).isEqualTo("MYDESK");
    }

    @Test
    void anAccountNamingItsBrokerOrAnotherProtocolKeepsItsConnection() {
        Connection own = new Connection("fix.example.com", 4000, "ME", "THEM", null);
        NewAccount fix = new NewAccount("fix", "A1", own, null, LIMITS);
        assertThat(fix.withLocalBroker(LOCAL, "acc_1").connection()).isSameAs(own);
        NewAccount alpaca = new NewAccount("alpaca", "A2", null, null, LIMITS);
        assertThat(alpaca.withLocalBroker(LOCAL, "acc_2").connection()).isNull();
        NewAccount bare = new NewAccount("fix", "A3", null, null, LIMITS);
        assertThat(bare.withLocalBroker(null, "acc_3").connection()).isNull();
    }

    @Test
    void dollarLimitsBeyondWhatIsStoredAreRefusedByName() {
        NewAccount huge = new NewAccount("fix", "A4", new Connection("fix.example.com", 4000, "ME", "THEM", null), null,
                new NewAccount.RequestedLimits(1e308, 1e300, 3, 1e16, 10, null));
        assertThat(huge.problems()).extracting(e -> e.field())
                .containsExactlyInAnyOrder("limits.max_capital", "limits.max_position_size", "limits.daily_loss_limit");
        NewAccount largest = new NewAccount("fix", "A5", new Connection("fix.example.com", 4000, "ME", "THEM", null), null,
                new NewAccount.RequestedLimits(Limits.MAX_DOLLARS, 1_000.0, 3, 500.0, 10, null));
        assertThat(largest.problems()).isEmpty();
    }
}
