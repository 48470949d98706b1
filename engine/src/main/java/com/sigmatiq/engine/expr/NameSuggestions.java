package com.sigmatiq.engine.expr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Nearest known names to a misspelt one by Levenshtein distance, ignoring case: at most
 * {@link #MAX_DISTANCE}, less than the longer name's length (nothing is suggested for a name that
 * shares nothing), and at most one more than the nearest candidate's distance (so that a near miss
 * is not buried under far ones); the {@link #MAX_SUGGESTIONS} nearest, ties alphabetical.
 */
public final class NameSuggestions {

    static final int MAX_DISTANCE = 3;
    static final int MAX_SUGGESTIONS = 3;

    private NameSuggestions() {
    }

    /** Up to {@link #MAX_SUGGESTIONS} known names nearest to {@code unknown}, nearest first. */
    public static List<String> nearest(String unknown, Collection<String> known) {
        record Candidate(String name, int distance) {
        }
        String u = unknown.toLowerCase(Locale.ROOT);
        List<Candidate> candidates = new ArrayList<>();
        for (String name : known) {
            int d = distance(u, name.toLowerCase(Locale.ROOT));
            if (d <= MAX_DISTANCE && d < Math.max(u.length(), name.length())) {
                candidates.add(new Candidate(name, d));
            }
        }
        candidates.sort(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::name));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < candidates.size() && i < MAX_SUGGESTIONS
                && candidates.get(i).distance() <= candidates.get(0).distance() + 1; i++) {
            out.add(candidates.get(i).name());
        }
        return out;
    }

    /**
     * For error messages about an unknown name: the nearest known names, or the whole list of known
     * names when none is near.
     */
    public static String hint(String unknown, Collection<String> known) {
        String near = phrase(nearest(unknown, known));
        return near.isEmpty() ? "; known: " + String.join(", ", known) : near;
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** "; did you mean 'a', 'b' or 'c'?" or "" when there is nothing to suggest. */
    public static String phrase(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("; did you mean ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sb.append(i == names.size() - 1 ? " or " : ", ");
            }
            sb.append('\'').append(names.get(i)).append('\'');
        }
        return sb.append('?').toString();
    }
}
