package com.sigmatiq.kit.web.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Sends generated requests and checks every answer: never a 5xx; every 4xx an RFC 9457 problem
 * ({@link ProblemCheck}); and nothing stored for a refused request: the row counts the service test names (its tables,
 * for this test's user) are the same before and after.
 */
public final class FuzzRun {

    /** One call of the endpoint under test. */
    @FunctionalInterface
    public interface Endpoint {
        Answer send(String body) throws Exception;
    }

    /** What came back. */
    public record Answer(int status, String contentType, String body) {
    }

    /**
     * @param label    e.g. {@code POST /sweeps}
     * @param statuses how many answers had each status
     * @param failures each broken rule, with its case
     */
    public record Report(String label, int cases, Map<Integer, Integer> statuses, List<String> failures) {

        /** {@code POST /sweeps: 300 cases, no failures; 201 x12, 400 x280, 404 x8}. */
        public String summary() {
            return label + ": " + cases + " cases, " + (failures.isEmpty() ? "no failures" : failures.size() + " failures")
                    + "; " + String.join(", ", statuses.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).toList());
        }
    }

    private FuzzRun() {
    }

    /**
     * @param rows the service's stored rows that a refused request must not change (name to count)
     */
    public static Report run(String label, List<RequestFuzzer.Case> cases, Endpoint endpoint,
                             Supplier<Map<String, Long>> rows) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (RequestFuzzer.Case c : cases) {
            Map<String, Long> before = rows.get();
            Answer a;
            try {
                a = endpoint.send(c.body());
            } catch (Exception e) {
                failures.add(c + ": the request failed: " + e);
                continue;
            }
            statuses.merge(a.status(), 1, Integer::sum);
            if (a.status() >= 500) {
                failures.add(c + ": answered " + a.status() + " " + cut(a.body()));
                continue;
            }
            if (a.status() >= 400) {
                String problem = ProblemCheck.why(a.status(), a.contentType(), a.body());
                if (problem != null) {
                    failures.add(c + ": " + problem);
                }
                Map<String, Long> after = rows.get();
                if (!after.equals(before)) {
                    failures.add(c + ": refused with " + a.status() + " but stored rows changed from " + before + " to " + after);
                }
            }
        }
        Report report = new Report(label, cases.size(), statuses, failures);
        System.out.println("[fuzz] " + report.summary());
        failures.stream().limit(40).forEach(f -> System.out.println("[fuzz]   " + f));
        return report;
    }

    private static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
