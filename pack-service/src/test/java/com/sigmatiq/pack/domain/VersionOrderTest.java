package com.sigmatiq.pack.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {

    @Test
    void numericPartsCompareAsNumbersAndPreReleasesComeBeforeTheirRelease() {
        List<String> versions = new ArrayList<>(List.of("1.10.0", "1.2.0", "1.0.0", "1.0.0-rc.1", "1.0.0-alpha",
                "1.0.0-rc.10", "1.0.0-rc.2", "0.9.9", "2.0.0", "1.0.1"));
        versions.sort(VersionOrder.ASCENDING);
        assertThat(versions).containsExactly("0.9.9", "1.0.0-alpha", "1.0.0-rc.1", "1.0.0-rc.2", "1.0.0-rc.10",
                "1.0.0", "1.0.1", "1.2.0", "1.10.0", "2.0.0");
    }

    @Test
    void equalVersionsCompareEqualAndBuildMetadataOnlyBreaksTies() {
        assertThat(VersionOrder.compare("1.0.0", "1.0.0")).isZero();
        assertThat(VersionOrder.compare("01.0.0", "1.0.0")).isNotZero(); // same number: the text breaks the tie
        assertThat(VersionOrder.compare("1.0.0+b2", "1.0.0-rc.1")).isPositive();
    }
}
