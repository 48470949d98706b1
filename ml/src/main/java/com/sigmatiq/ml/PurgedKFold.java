package com.sigmatiq.ml;

import java.util.ArrayList;
import java.util.List;

/**
 * Purged and embargoed K-fold cross-validation (López de Prado, "Advances in Financial Machine Learning", ch. 7) on
 * time-ordered samples with event spans [decision bar, exit bar]. The samples are cut into K contiguous folds; each
 * fold is tested once by a model trained on the other samples, less
 * <ul>
 *   <li>those whose span overlaps the test fold's span (from its first decision bar to its last exit bar):
 *       <em>purged</em>, since their outcome was still unknown while the test samples were being decided, and</li>
 *   <li>the ⌈embargo × n⌉ samples right after the test fold: <em>embargoed</em>, since features computed over
 *       windows that reach back into the test fold carry its information forward.</li>
 * </ul>
 */
public final class PurgedKFold {

    /**
     * One fold.
     *
     * @param index     0-based
     * @param train     the rows that train (indices into the dataset, ascending)
     * @param test      the rows that test, contiguous in time
     * @param purged    rows left out for overlapping the test span
     * @param embargoed rows left out by the embargo (not already purged)
     */
    public record Fold(int index, int[] train, int[] test, int purged, int embargoed) {
    }

    private PurgedKFold() {
    }

    /**
     * The K folds of {@code rows} (dataset indices in decision-time order).
     *
     * @param decisionBar  each dataset sample's decision bar
     * @param exitBar      each dataset sample's exit bar
     * @param embargoShare share of {@code rows.length} embargoed after each test fold
     * @throws IllegalArgumentException when there are fewer rows than folds
     */
    public static List<Fold> split(int[] rows, int[] decisionBar, int[] exitBar, int k, double embargoShare) {
        int n = rows.length;
        if (k < 2 || n < k) {
            throw new IllegalArgumentException("purged " + k + "-fold needs at least " + k + " samples, got " + n);
        }
        int embargo = (int) Math.ceil(embargoShare * n);
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int start = (int) ((long) f * n / k);
            int end = (int) ((long) (f + 1) * n / k);
            int[] test = new int[end - start];
            int spanStart = Integer.MAX_VALUE;
            int spanEnd = Integer.MIN_VALUE;
            for (int i = start; i < end; i++) {
                test[i - start] = rows[i];
                spanStart = Math.min(spanStart, decisionBar[rows[i]]);
                spanEnd = Math.max(spanEnd, exitBar[rows[i]]);
            }
            int[] train = new int[n];
            int m = 0;
            int purged = 0;
            int embargoed = 0;
            for (int i = 0; i < n; i++) {
                if (i >= start && i < end) {
                    continue;
                }
                int r = rows[i];
                if (decisionBar[r] <= spanEnd && exitBar[r] >= spanStart) {
                    purged++;
                } else if (i >= end && i < end + embargo) {
                    embargoed++;
                } else {
                    train[m++] = r;
                }
            }
            folds.add(new Fold(f, java.util.Arrays.copyOf(train, m), test, purged, embargoed));
        }
        return folds;
    }
}
