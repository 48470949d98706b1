package com.sigmatiq.pack.domain;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic-version order of pack versions ({@code MAJOR.MINOR.PATCH[-pre][+build]}, as the engine
 * accepts them): numeric parts compared as numbers, a pre-release sorts before its release, and
 * pre-release identifiers compare numerically when both are numbers, else as text. Build metadata
 * is only a tie-breaker so that the order stays total.
 */
public final class VersionOrder {

    private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?");

    /** Lowest first. */
    public static final Comparator<String> ASCENDING = VersionOrder::compare;

    private VersionOrder() {
    }

    public static int compare(String a, String b) {
        Matcher ma = SEMVER.matcher(a);
        Matcher mb = SEMVER.matcher(b);
        if (!ma.matches() || !mb.matches()) {
            return a.compareTo(b);
        }
        for (int g = 1; g <= 3; g++) {
            int c = compareNumbers(ma.group(g), mb.group(g));
            if (c != 0) {
                return c;
            }
        }
        String pa = ma.group(4);
        String pb = mb.group(4);
        if (pa == null || pb == null) {
            if (pa != pb) {
                return pa == null ? 1 : -1;
            }
        } else {
            int c = comparePreRelease(pa, pb);
            if (c != 0) {
                return c;
            }
        }
        return a.compareTo(b);
    }

    private static int comparePreRelease(String a, String b) {
        String[] xa = a.split("\\.");
        String[] xb = b.split("\\.");
        for (int i = 0; i < Math.min(xa.length, xb.length); i++) {
            boolean na = xa[i].chars().allMatch(Character::isDigit);
            boolean nb = xb[i].chars().allMatch(Character::isDigit);
            int c = na && nb ? compareNumbers(xa[i], xb[i]) : na ? -1 : nb ? 1 : xa[i].compareTo(xb[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(xa.length, xb.length);
    }

    private static int compareNumbers(String a, String b) {
        String x = a.replaceFirst("^0+(?=.)", "");
        String y = b.replaceFirst("^0+(?=.)", "");
        return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
    }
}
