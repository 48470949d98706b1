package com.sigmatiq.engine.pack;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Nearest known names to a misspelt one, by edit distance, for error messages. */
public final class NameSuggestions {

    private NameSuggestions() {
    }

    /** Up to three known names closest to {@code name}, nearest first; names too far away are left out. */
    public static List<String> nearest(String name, Collection<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        record Scored(String name, int distance) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String k : known) {
            int d = distance(lower, k.toLowerCase(Locale.ROOT));
            boolean related = k.toLowerCase(Locale.ROOT).contains(lower) || lower.contains(k.toLowerCase(Locale.ROOT));
            if (d <= Math.max(2, Math.min(lower.length(), k.length()) / 2) || related) {
                scored.add(new Scored(k, related ? Math.min(d, 1) : d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::distance).thenComparing(Scored::name));
        return scored.stream().limit(3).map(Scored::name).toList();
    }

    /** "; did you mean a, b?" or "; known: …" when nothing is near. */
    public static String hint(String name, Collection<String> known) {
        List<String> near = nearest(name, known);
        if (!near.isEmpty()) {
            return "; did you mean " + String.join(", ", near) + "?";
        }
        return "; known: " + String.join(", ", known);
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
}
