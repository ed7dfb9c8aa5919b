package dev.gcm.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A plain text table: columns padded to their widest cell, the last column left ragged. On a terminal
 * narrower than the table the widest columns are narrowed until it fits, and their cells wrap onto further
 * lines at spaces and commas (a word longer than the column is broken): nothing is cut. The first column
 * (what the rows are: host, pool, guest) is never narrowed; coloured cells are never wrapped.
 */
public final class Table {

    private static final int NARROWEST = 12;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public Table(String... headers) {
        this.headers = List.of(headers);
    }

    public Table(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    public Table row(Object... cells) {
        return row(List.of(cells).stream().map(c -> c == null ? "" : String.valueOf(c)).toList());
    }

    public Table row(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, table has " + headers.size());
        }
        rows.add(cells.stream().map(c -> c == null ? "" : String.valueOf(c)).toList());
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out) {
        print(out, true, Integer.MAX_VALUE);
    }

    public void print(PrintWriter out, boolean withHeaders, int maxWidth) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = withHeaders ? headers.get(i).length() : 0;
            for (List<String> r : rows) {
                widths[i] = Math.max(widths[i], Terminal.visibleLength(r.get(i)));
            }
        }
        fit(widths, maxWidth);
        if (withHeaders) {
            printRow(out, headers, widths);
        }
        rows.forEach(r -> printRow(out, r, widths));
        out.flush();
    }

    /**
     * Narrows the widest columns until the table fits in maxWidth (two spaces between columns); the first
     * column is never narrowed, and none below {@value #NARROWEST} characters.
     */
    static void fit(int[] widths, int maxWidth) {
        while (total(widths) > maxWidth && widths.length > 1) {
            int widest = 1;
            for (int i = 2; i < widths.length; i++) {
                if (widths[i] > widths[widest]) {
                    widest = i;
                }
            }
            if (widths[widest] <= NARROWEST) {
                return;
            }
            widths[widest] = Math.max(NARROWEST, widths[widest] - (total(widths) - maxWidth));
        }
    }

    private static int total(int[] widths) {
        int sum = 2 * (widths.length - 1);
        for (int w : widths) {
            sum += w;
        }
        return sum;
    }

    private static void printRow(PrintWriter out, List<String> cells, int[] widths) {
        List<List<String>> wrapped = new ArrayList<>();
        int lines = 1;
        for (int i = 0; i < cells.size(); i++) {
            List<String> pieces = i == 0 ? List.of(cells.get(i)) : Wrap.lines(cells.get(i), widths[i]);
            wrapped.add(pieces);
            lines = Math.max(lines, pieces.size());
        }
        for (int line = 0; line < lines; line++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                String piece = line < wrapped.get(i).size() ? wrapped.get(i).get(line) : "";
                sb.append(piece);
                if (i < cells.size() - 1) {
                    sb.append(" ".repeat(Math.max(0, widths[i] - Terminal.visibleLength(piece)) + 2));
                }
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
