package com.sigmatiq.engine.indicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares computed values with a column printed by another library, cell by cell, within the
 * rounding of the printed cell plus an explicit extra tolerance. Rows before {@code from} and cells
 * that are empty in the reference are not compared; a NaN computed value on a compared row is a
 * mismatch. At least {@code minCompared} rows must be compared.
 */
final class ReferenceComparison {

    private ReferenceComparison() {
    }

    /** Half a unit of the last printed digit: "13657.04" → 0.005, "1.29E+09" → 5e6. */
    static double printedRounding(String cell) {
        String s = cell.trim();
        int exp = 0;
        int e = Math.max(s.indexOf('E'), s.indexOf('e'));
        if (e >= 0) {
            exp = Integer.parseInt(s.substring(e + 1).replace("+", ""));
            s = s.substring(0, e);
        }
        int dot = s.indexOf('.');
        int decimals = dot < 0 ? 0 : s.length() - dot - 1;
        return 0.5 * Math.pow(10, exp - decimals);
    }

    /** Description of the first row out of tolerance, or null if all compared rows agree. */
    static String firstMismatch(String what, String[] labels, String[] expectedCells, double[] actual,
                                int from, double extraTolerance) {
        for (int i = from; i < expectedCells.length; i++) {
            String cell = expectedCells[i].trim();
            if (cell.isEmpty()) {
                continue;
            }
            double e = Double.parseDouble(cell);
            double tol = printedRounding(cell) + extraTolerance + 1e-9 * Math.max(1, Math.abs(e));
            double diff = Math.abs(actual[i] - e);
            if (!(diff <= tol)) {
                return String.format("%s row %d (%s): expected %s, got %s (diff %.3g > tolerance %.3g)",
                        what, i, labels[i], cell, actual[i], diff, tol);
            }
        }
        return null;
    }

    static int compared(String[] expectedCells, double[] actual, int from) {
        int c = 0;
        for (int i = from; i < expectedCells.length; i++) {
            if (!expectedCells[i].trim().isEmpty()) {
                c++;
            }
        }
        return c;
    }

    /** Asserts agreement on every compared row, and that at least {@code minCompared} rows were compared. */
    static void assertAgrees(String what, String[] labels, String[] expectedCells, double[] actual,
                             int from, double extraTolerance, int minCompared) {
        assertThat(firstMismatch(what, labels, expectedCells, actual, from, extraTolerance)).as(what).isNull();
        assertThat(compared(expectedCells, actual, from)).as("%s rows compared", what).isGreaterThanOrEqualTo(minCompared);
    }

    /** Asserts that values computed with a wrong parameter do not pass the same comparison. */
    static void assertDisagrees(String what, String[] labels, String[] expectedCells, double[] wrong,
                                int from, double extraTolerance) {
        assertThat(firstMismatch(what, labels, expectedCells, wrong, from, extraTolerance))
                .as("%s with a wrong parameter must not match", what).isNotNull();
    }

    /** Prepends one bar: used to turn a TR[0] = high − low convention into TA-Lib's TR[1]. */
    static double[] prepend(double first, double[] a) {
        double[] out = new double[a.length + 1];
        out[0] = first;
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }

    /** Drops the first value (undoes {@link #prepend}). */
    static double[] dropFirst(double[] a) {
        double[] out = new double[a.length - 1];
        System.arraycopy(a, 1, out, 0, out.length);
        return out;
    }
}
