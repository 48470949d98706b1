package com.sigmatiq.pilot.client.fix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixEventLogTest {

    @Test
    void usernameAndPasswordValuesAreBlankedInQuotedMessages() {
        String logon = "8=FIX.4.4\u00019=93\u000135=A\u0001553=trader\u0001554=s3cret\u000110=233\u0001";
        assertThat(FixEventLog.redact("MsgSeqNum too high: " + logon))
                .isEqualTo("MsgSeqNum too high: 8=FIX.4.4\u00019=93\u000135=A\u0001553=***\u0001554=***\u000110=233\u0001");
        assertThat(FixEventLog.redact("554=s3cret\u00011554=kept")).isEqualTo("554=***\u00011554=kept");
    }
}
