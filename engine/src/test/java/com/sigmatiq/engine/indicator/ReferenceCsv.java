package com.sigmatiq.engine.indicator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A reference CSV with a header row: text cells by column name, numbers with empty cells as NaN. */
final class ReferenceCsv {

    final Path file;
    final List<String> header;
    final List<String[]> rows;

    private ReferenceCsv(Path file, List<String> header, List<String[]> rows) {
        this.file = file;
        this.header = header;
        this.rows = rows;
    }

    static ReferenceCsv read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            List<String> header = List.of(lines.get(0).split(",", -1));
            List<String[]> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    rows.add(line.split(",", -1));
                }
            }
            return new ReferenceCsv(file, header, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int size() {
        return rows.size();
    }

    int index(String column) {
        int i = header.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException(file.getFileName() + " has no column " + column + "; it has " + header);
        }
        return i;
    }

    String[] text(String column) {
        int c = index(column);
        String[] out = new String[rows.size()];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r)[c].trim();
        }
        return out;
    }

    double[] numbers(String column) {
        String[] t = text(column);
        double[] out = new double[t.length];
        for (int r = 0; r < t.length; r++) {
            out[r] = t[r].isEmpty() ? Double.NaN : Double.parseDouble(t[r]);
        }
        return out;
    }

    Map<String, double[]> allNumbers(List<String> columns) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (String c : columns) {
            m.put(c, numbers(c));
        }
        return m;
    }
}
